"""`make offline`: a zip of the built site that works unzipped and opened from disk (file://).

The site is always built for that (offline plugin: plain .html links, search index as a script, the
iframe-worker shim shipped locally), so this only builds strictly and packs the result reproducibly."""

from __future__ import annotations

import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from scripts.build_site import build

# An ASCII folder name: older Windows unzip tools garble Chinese names.
TOP = "dangjian-kb"


def pack(site: Path, archive: Path) -> None:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "1606867200"))
    stamp = max((1980, 1, 1, 0, 0, 0), tuple(time.gmtime(epoch)[:6]))
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{TOP}/{path.relative_to(site).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.flag_bits |= 0x800  # UTF-8 file names, so Chinese names unpack correctly everywhere
            zf.writestr(info, path.read_bytes())


def main(out: str = "dist/kb-offline.zip") -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        code = build(site)
        if code:
            return code
        pack(site, Path(out))
    print(f"已生成离线包：{out}（解压后打开 {TOP}/index.html）")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
