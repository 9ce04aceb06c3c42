"""`make screenshots`: desktop, phone and print-preview pictures of the main page types, for review.

Builds the site, serves it on 127.0.0.1 and drives Debian's Chromium; writes PNG files (print previews
as PDF too) into the folder given (default screenshots/)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.build_site import build
from scripts.dev.browser_search import CHROMIUM, CHROMIUM_ARGS, open_search, run_query
from scripts.dev.static_server import serve

PAGES = {
    "home": "index.html",
    "survey": "survey/problems.html",
    "procedure": "procedures/huanjie.html",
    "checklist": "checklists/hj.html",
    "glossary": "glossary/index.html",
    "matrix": "survey/matrix.html",
}
PRINTED = {"checklist": "checklists/hj.html", "checklist-short": "checklists/zxz.html",
           "template": "procedures/templates/huiyi-jilu.html"}


def shoot(site: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for device, options in (("desktop", {"viewport": {"width": 1280, "height": 900}}),
                                ("mobile", {"viewport": {"width": 375, "height": 667}, "is_mobile": True,
                                            "device_scale_factor": 2})):
            page = browser.new_page(**options)
            for name, rel in PAGES.items():
                page.goto(f"{base}/{rel}")
                written.append(out / f"{device}-{name}.png")
                page.screenshot(path=written[-1])
            open_search(page, f"{base}/index.html")
            run_query(page, base, site, "换届选举", [])
            written.append(out / f"{device}-search.png")
            page.screenshot(path=written[-1])
            page.close()
        page = browser.new_page()
        for name, rel in PRINTED.items():
            page.goto(f"{base}/{rel}")
            pdf = out / f"print-{name}.pdf"
            page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
            if shutil.which("pdftoppm"):
                subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(out / f"print-{name}")], check=True)
            written.append(pdf)
        browser.close()
    return written


def main(out: str = "screenshots") -> int:
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        if build(site):
            return 1
        written = shoot(site, target)
    print(f"已写入 {len(written)} 个截图和打印预览到 {target}/（打印预览的 PNG 需要 poppler-utils 的 pdftoppm）")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
