"""Command line.

    python -m scripts.kb check                    validate every source (what `make check` runs)
    python -m scripts.kb write DIR                also write the generated pages and downloads into DIR
    python -m scripts.kb export --format csv DIR  write one export format; --verify reads every file back

`--docs` points at another docs folder (its schemas are read from there too); `--verbose` adds the YAML
parser's own English text to syntax errors. The environment is read as the build reads it (scripts/kb/
config.py): KB_UNIT (`make … UNIT=`) checks and exports that unit's edition, KB_DOWNLOADS=0 leaves PDF and
Office files out of `write`. Exit status 0 only when everything is valid."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import config
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
    options = config.load()
    # `check` renders every page too (some problems only show there), but not the slow PDF/Office files;
    # `write` makes them unless KB_DOWNLOADS=0; `export` makes only the format it is asked for.
    site = generate(docs, docs.parent, options.unit, downloads=args.command == "write" and options.downloads)
    if args.command == "check":
        items = sum(len(c.items) for c in site.checklists)
        edition = f"（{site.edition.unit.short_name}版）" if site.edition.unit else ""
        print(f"校验通过{edition}：{len(site.checklists)} 份清单、{items} 个检查项、{len(site.terms)} 个术语、"
              f"{len(site.registry.targets)} 个编号。")
    elif args.command == "write":
        _write(site.files, args.out)
        print(f"已生成 {len(site.files)} 个文件到 {args.out}")
    else:
        exporter = FORMATS[args.format]
        written = exporter.render(site)
        _write({d.path: d.content for d in written}, args.out)
        print(f"已导出 {len(written)} 个 {args.format} 文件到 {args.out}")
        if args.verify:
            return _verify(exporter, written, args.out)
    return 0


def _verify(exporter, written, out: Path) -> int:
    """Each file read back holds exactly the items the exporter said it wrote, in that order."""
    wrong = 0
    for download in written:
        found = exporter.read_back(out / download.path)
        if found == list(download.items):
            print(f"  {download.path}：读回 {len(found)} 项，一致")
            continue
        wrong += 1
        missing = [i for i in download.items if i not in found]
        extra = [i for i in found if i not in download.items]
        print(f"  {download.path}：读回 {len(found)} 项，不一致（应为 {len(download.items)} 项"
              + (f"；缺少 {'、'.join(missing)}" if missing else "") + (f"；多出 {'、'.join(extra)}" if extra else "")
              + ("；顺序不同" if not missing and not extra else "") + "）")
    return 1 if wrong else 0


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
