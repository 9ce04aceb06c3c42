"""Command line.

    python -m scripts.kb check                    validate every source (what `make check` runs)
    python -m scripts.kb write DIR                also write the generated pages and downloads into DIR
    python -m scripts.kb export --format csv DIR  write one export format; --verify reads every file back

`--docs` points at another docs folder (its schemas are read from there too); `--verbose` adds the YAML
parser's own English text to syntax errors. Exit status 0 only when everything is valid."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .errors import KbError
from .export import FORMATS
from .generate import DOCS, generate


def _write(files: dict[str, str | bytes], out: Path) -> None:
    for path, content in files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


def _run(args: argparse.Namespace) -> int:
    docs = args.docs.absolute()
    # `check` renders every page too (some problems only show there), but not the slow PDF/Office files;
    # `write` makes them unless KB_DOWNLOADS=0.
    downloads = args.command == "write" and os.environ.get("KB_DOWNLOADS", "1") != "0"
    site = generate(docs, docs.parent, downloads=downloads)
    if args.command == "check":
        items = sum(len(c.items) for c in site.checklists)
        print(f"校验通过：{len(site.checklists)} 份清单、{items} 个检查项、{len(site.terms)} 个术语、"
              f"{len(site.registry.targets)} 个编号。")
    elif args.command == "write":
        _write(site.files, args.out)
        print(f"已生成 {len(site.files)} 个文件到 {args.out}")
    else:
        exporter = FORMATS[args.format]
        files = exporter.render(site)
        _write(files, args.out)
        print(f"已导出 {len(files)} 个 {args.format} 文件到 {args.out}")
        if args.verify:
            expected = {c.slug: len(c.items) for c in site.checklists}
            for path in sorted(files):
                count = exporter.verify(args.out / path)
                slug = Path(path).stem
                # A checklist's own file, the file of all lists, or a blank template (no items).
                want = expected.get(slug, sum(expected.values()) if path.startswith("checklists/") else 0)
                status = "一致" if count == want else f"不一致（应为 {want} 项）"
                print(f"  {path}：读回 {count} 项，{status}")
                if count != want:
                    return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.kb", description="校验并生成知识库数据页面")
    parser.add_argument("--docs", type=Path, default=DOCS, help="文档目录（默认 docs/）")
    parser.add_argument("--verbose", action="store_true", help="YAML 格式错误附上解析器的英文原文")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="校验检查清单、术语表、规程头部信息和编号引用")
    write = sub.add_parser("write", help="校验并把生成的页面和下载文件写入目录")
    write.add_argument("out", type=Path)
    export = sub.add_parser("export", help="导出一种格式的下载文件")
    export.add_argument("--format", choices=sorted(FORMATS), required=True)
    export.add_argument("--verify", action="store_true", help="写完后读回每个文件并核对检查项数")
    export.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except KbError as exc:
        print(exc.report(verbose=args.verbose), file=sys.stderr)
        return 1
    except Exception as exc:
        print(f"内部错误（{type(exc).__name__}）：校验程序出错，未生成任何文件。请把这条消息交给知识库维护人员。",
              file=sys.stderr)
        if args.verbose:
            raise
        return 2


if __name__ == "__main__":
    sys.exit(main())
