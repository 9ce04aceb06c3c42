"""Generator benchmark: how validation + generation scale with items, and their share of a full build.

Writes synthetic checklists into a temporary copy of the project (the real tree is never touched) and prints
figures; nothing is asserted. Run with `make bench` or `python -m scripts.dev.bench_generator --checklists 1000`."""

from __future__ import annotations

import argparse
import itertools
import os
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.dev.project_copy import copy_project

ITEMS_PER_CHECKLIST = 50
BASIS = ["WT-01.1", "WT-02.2", "WT-03.1", "WT-04.2", "WT-05.1", "JY-02.2", "TH-03.2", "FG-ZB-12", "BDW-HJ-1"]


def _prefixes():
    for letters in itertools.product(string.ascii_uppercase, repeat=3):
        yield "X" + "".join(letters)


def synthetic_checklist(prefix: str, number: int) -> str:
    lines = [f"id: QD-{prefix}", f"title: 合成检查清单第{number}号", 'version: "1.0"', "updated: 2026-11-26",
             "audience: [检查人员]", "purpose: 基准测试用的合成清单，检查生成器的速度。", "mode: DO-CONFIRM",
             "sections:"]
    for section in range(5):
        lines += [f"  - title: 第{section + 1}组", "    items:"]
        for item in range(section * 10 + 1, section * 10 + 11):
            lines += [f"      - id: {prefix}-{item:02d}",
                      f"        text: 合成检查项{item}已按要求完成并留有记录。",
                      "        how: 查阅相关记录和文件，核对日期与签字。",
                      f"        basis: [{BASIS[item % len(BASIS)]}, {BASIS[(item + 3) % len(BASIS)]}]",
                      "        nature: 参考做法"]
    return "\n".join(lines) + "\n"


def make_copy(dest: Path, checklists: int) -> Path:
    copy_project(dest)
    folder = dest / "docs" / "checklists"
    for number, prefix in zip(range(1, checklists + 1), _prefixes(), strict=False):
        (folder / f"90-{prefix.lower()}.yml").write_text(synthetic_checklist(prefix, number), encoding="utf-8")
    return dest


def time_generate(project: Path) -> float:
    code = ("import time,sys; sys.path.insert(0,'.'); from scripts.kb.generate import generate; "
            "t=time.perf_counter(); generate(downloads=False); print(time.perf_counter()-t)")
    result = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True, check=True)
    return float(result.stdout.strip())


def time_build(project: Path, config: Path, strict: bool) -> float:
    # Downloads (PDF, Excel, Word) are measured on their own; here the site build is compared.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1764115200", KB_DOWNLOADS="0", KB_UNIT="")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", *(["--strict"] if strict else []),
                    "-f", str(config), "-d", str(project / "site")], cwd=project, env=env, check=True,
                   capture_output=True)
    return time.perf_counter() - start


def pregenerated_config(project: Path) -> Path:
    """The same site — same pages, same navigation — with the generator's output written to docs/ and the
    hook switched off, so the difference is the hook's own work."""
    # MkDocs' own loader with a config, so the `!relative` tag of the snippets option reads.
    code = ("import sys, yaml; from pathlib import Path; from mkdocs.utils.yaml import get_yaml_loader, yaml_load; "
            "from mkdocs.config.defaults import MkDocsConfig; "
            "from scripts.kb.generate import collect; from scripts.kb.nav import add_checklists; "
            "site = collect(Path('docs').absolute(), Path('.').absolute()); "
            "loader = get_yaml_loader(config=MkDocsConfig()); "
            "nav = yaml_load(open('mkdocs.yml', encoding='utf-8'), loader)['nav']; add_checklists(nav, site.checklists); "
            "print(yaml.safe_dump({'nav': nav}, allow_unicode=True))")
    nav = subprocess.run([sys.executable, "-c", code], cwd=project, check=True, capture_output=True, text=True).stdout
    subprocess.run([sys.executable, "-m", "scripts.kb", "--docs", str(project / "docs"), "write",
                    str(project / "docs")], cwd=project, check=True, capture_output=True,
                   env=dict(os.environ, KB_DOWNLOADS="0"))
    config = project / "mkdocs-pregenerated.yml"
    config.write_text(f"INHERIT: mkdocs.yml\nhooks: []\n{nav}", encoding="utf-8")
    return config


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--checklists", type=int, default=1000)
    args = parser.parse_args(argv)
    print("== 生成器基准（合成检查清单，每份 50 项） ==")
    print(f"{'清单数':>6} {'检查项':>8} {'校验+生成(秒)':>14} {'每千项(毫秒)':>12}")
    steps = sorted({max(1, args.checklists // 4), max(1, args.checklists // 2), args.checklists})
    for count in steps:
        with tempfile.TemporaryDirectory() as tmp:
            project = make_copy(Path(tmp), count)
            seconds = time_generate(project)
            items = count * ITEMS_PER_CHECKLIST
            print(f"{count:>6} {items:>8} {seconds:>14.2f} {seconds / items * 1e6:>12.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        project = make_copy(Path(tmp), args.checklists)
        generation = time_generate(project)
        full = time_build(project, project / "mkdocs.yml", strict=True)
        pregenerated = time_build(project, pregenerated_config(project), strict=False)
        print(f"完整构建（含生成，{args.checklists} 份合成清单）：{full:.1f} 秒")
        print(f"同样页面从预生成 Markdown 构建（不含生成）：{pregenerated:.1f} 秒")
        print(f"完整构建 / 预生成构建 = {full / pregenerated:.2f}（目标 ≤ 1.25；两者导航相同，下载文件关闭）")
        print(f"校验+生成：{generation:.1f} 秒，占完整构建的 {generation / full:.1%}（目标 < 10%）")


if __name__ == "__main__":
    main()
