"""`make editions`: every unit profile in docs/units/ built into dist/<code>/ with its offline zip.

All editions are built in one Python process: MkDocs, the theme, jieba's dictionary and our generator are
loaded once, not once per unit. Each edition is staged and swapped in only when its build succeeded."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from scripts.build_site import ROOT, staged
from scripts.offline_zip import pack


def unit_codes(docs: Path) -> list[str]:
    return sorted(p.stem for p in (docs / "units").glob("*.yml"))


def build_in_process(out: Path, unit: str | None, config: Path = ROOT / "mkdocs.yml") -> None:
    """One strict MkDocs build of an edition into `out` (raises on failure; `out` is then untouched)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    previous = os.environ.get("KB_UNIT")
    os.environ["KB_UNIT"] = unit or ""
    try:
        with staged(out) as (staging, commit):
            build(load_config(config_file=str(config), site_dir=str(staging)))
            commit()
    finally:
        if previous is None:
            os.environ.pop("KB_UNIT", None)
        else:
            os.environ["KB_UNIT"] = previous


def main(dist: str = "dist") -> int:
    from mkdocs.exceptions import MkDocsException

    target = Path(dist)
    codes = unit_codes(ROOT / "docs")
    if not codes:
        print("docs/units/ 中没有单位设置文件。", file=sys.stderr)
        return 1
    for code in codes:
        start = time.perf_counter()
        try:
            build_in_process(target / code, code)
        except (MkDocsException, SystemExit) as exc:
            print(f"单位 {code} 的版本构建失败，其余单位未构建：{exc}", file=sys.stderr)
            return 1
        pack(target / code, target / f"{code}.zip")
        print(f"已生成 {target / code}/ 和 {target / code}.zip（{time.perf_counter() - start:.1f} 秒）")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
