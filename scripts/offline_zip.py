"""`make offline`: a zip of the built site that works unzipped and opened from disk (file://).

The site is always built for that (offline plugin: plain .html links, search index as a script, the
iframe-worker shim shipped locally), so this only builds strictly and packs the result reproducibly."""

from __future__ import annotations

import sys
import tempfile
import time
import zipfile
from pathlib import Path

from scripts.build_site import build
from scripts.kb.config import source_epoch

# An ASCII folder name: older Windows unzip tools garble Chinese names.
TOP = "dangjian-kb"
# At the top of the zip, beside the folder: what to open, with which browser, and that nothing is sent.
README_NAME = "打开说明.txt"
README_TEXT = """基层党建工作规范知识库（离线版）打开说明

1. 先把压缩包全部解压（不要在压缩软件里直接双击网页），得到文件夹 dangjian-kb。
2. 打开文件夹 dangjian-kb，双击 index.html，用浏览器打开首页。
3. 建议使用较新的浏览器（如 Edge、Chrome、Firefox）；360、QQ 等双核浏览器请切换到“极速模式”。
   不启用 JavaScript 时仍可阅读和打印，但检索和“在屏幕上填写”清单不能使用。
4. 本网站不访问任何外部网站，不发送任何数据；在屏幕上填写的检查结果只保存在本机浏览器中。
5. 请整体复制文件夹：只复制单个网页文件，链接和检索会失效。
"""


def _entry(name: str, stamp: tuple) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.flag_bits |= 0x800  # UTF-8 file names, so Chinese names unpack correctly everywhere
    return info


def pack(site: Path, archive: Path) -> None:
    stamp = max((1980, 1, 1, 0, 0, 0), tuple(time.gmtime(source_epoch())[:6]))
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        # CRLF and a BOM: Windows Notepad opens it as UTF-8.
        zf.writestr(_entry(README_NAME, stamp), ("\ufeff" + README_TEXT.replace("\n", "\r\n")).encode("utf-8"))
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            zf.writestr(_entry(f"{TOP}/{path.relative_to(site).as_posix()}", stamp), path.read_bytes())


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
