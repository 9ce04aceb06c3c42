"""Benchmarks of what the build makes besides pages: unit editions and downloads. Figures only, never asserted.

- Editions: `make editions` for the example profiles and for 20 generated profiles, and the time per extra
  edition as a share of one full build of the reference.
- Downloads: the time to render every PDF, Excel and Word file for the real 8 lists and for the synthetic
  1,000-list set, as a share of the site build; the booklet's size in pages and bytes.

Run with `make bench` or `python -m scripts.dev.bench_packs`."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.dev.bench_generator import make_copy, time_build
from scripts.dev.project_copy import copy_project

PROFILE = """\
full_name: 基准测试合成单位{n}党委
short_name: 合成单位{n}
example: true
superiors:
  industry: 合成行业上级党组
  local: 合成地方党委
adoption:
  title: 关于采用党建工作规范的通知
  number: 合成党发〔2026〕{n}号
  issued: 2026-12-01
  effective: 2027-01-01
corrections_to: 党委办公室
adopted_version: "2026.11"
values:
  BDW-HJ-1:
    - value: "30"
      from: 行业上级
      document: 合成换届工作办法
    - value: "{days}"
      from: 地方党委
      document: 合成换届工作提示
"""


def _run(code: str, project: Path, **env: str) -> float:
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1764115200", KB_UNIT="", **env)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=project, env=full_env, check=True, capture_output=True)
    return time.perf_counter() - start


def bench_editions() -> None:
    print("== 本单位版基准（make editions，下载文件关闭） ==")
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        reference = time_build(project, project / "mkdocs.yml", strict=True)
        examples = len(list((project / "docs/units").glob("*.yml")))
        two = _run("from scripts.editions import main; main('dist')", project, KB_DOWNLOADS="0")
        for n in range(1, 21 - examples + 1):
            (project / "docs/units" / f"bench-{n:02d}.yml").write_text(PROFILE.format(n=n, days=30 + n),
                                                                        encoding="utf-8")
        twenty = _run("from scripts.editions import main; main('dist')", project, KB_DOWNLOADS="0")
    per_extra = (twenty - two) / (20 - examples)
    print(f"参考文本完整构建：{reference:.1f} 秒")
    print(f"{examples} 个示例档案：{two:.1f} 秒；20 个档案：{twenty:.1f} 秒")
    print(f"每多一个版本：{per_extra:.1f} 秒，相当于一次完整构建的 {per_extra / reference:.0%}")


def bench_downloads(checklists: int) -> None:
    from pypdf import PdfReader

    print("== 下载文件基准（PDF、Excel、Word） ==")
    code = ("import time; from scripts.kb.generate import collect; from scripts.kb.export import FORMATS; "
            "site = collect(); t = time.perf_counter(); "
            "[FORMATS[n].render(site) for n in ('pdf', 'xlsx', 'docx')]; print(time.perf_counter() - t)")
    for count in (0, checklists):
        with tempfile.TemporaryDirectory() as tmp:
            project = make_copy(Path(tmp), count) if count else copy_project(Path(tmp) / "project")
            site_build = time_build(project, project / "mkdocs.yml", strict=True)
            seconds = _run(code, project)
            label = "本站 8 份清单" if not count else f"另加 {count} 份合成清单"
            print(f"{label}：下载文件 {seconds:.1f} 秒，网站构建（不含下载）{site_build:.1f} 秒，"
                  f"相当于网站构建的 {seconds / site_build:.0%}")
            if not count:
                out = Path(tmp) / "export"
                subprocess.run([sys.executable, "-m", "scripts.kb", "export", "--format", "pdf", str(out)],
                               cwd=project, check=True, capture_output=True)
                for name in ("booklet-trainer", "booklet-student"):
                    path = out / "checklists" / f"{name}.pdf"
                    print(f"  {name}.pdf：{len(PdfReader(str(path)).pages)} 页，{path.stat().st_size / 1024:.0f} KiB")


def main(argv: list[str] | None = None) -> None:
    args = argv if argv is not None else sys.argv[1:]
    checklists = int(args[0]) if args else 1000
    bench_editions()
    bench_downloads(checklists)


if __name__ == "__main__":
    main()
