"""Command line: `python -m scripts.kb check` validates every source; `python -m scripts.kb write DIR` also
writes the generated pages and CSV files into DIR (for inspection; the MkDocs build does not need them on disk)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import KbError
from .generate import DOCS, ROOT, generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.kb", description="校验并生成知识库数据页面")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="校验检查清单、术语表、规程头部信息和编号引用")
    write = sub.add_parser("write", help="校验并把生成的页面写入目录")
    write.add_argument("out", type=Path)
    parser.add_argument("--docs", type=Path, default=DOCS, help="文档目录（默认 docs/）")
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            site = generate(args.docs, ROOT)  # rendering too: some problems only show there
            items = sum(len(c.items) for c in site.checklists)
            print(f"校验通过：{len(site.checklists)} 份清单、{items} 个检查项、{len(site.terms)} 个术语、"
                  f"{len(site.registry.targets)} 个编号。")
        else:
            site = generate(args.docs, ROOT)
            for path, content in site.files.items():
                target = args.out / path
                target.parent.mkdir(parents=True, exist_ok=True)
                if isinstance(content, bytes):
                    target.write_bytes(content)
                else:
                    target.write_text(content, encoding="utf-8")
            print(f"已生成 {len(site.files)} 个文件到 {args.out}")
    except KbError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
