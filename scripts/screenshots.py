"""`make screenshots`: desktop, phone and print-preview pictures of the main page types, for review.

Builds the site, serves it on 127.0.0.1 and drives Debian's Chromium; writes PNG files (print previews
as PDF too) into the folder given (default screenshots/)."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from scripts.build_site import build
from scripts.search.browser_search import CHROMIUM, CHROMIUM_ARGS, open_search, run_query

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


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def shoot(site: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    written = []
    with sync_playwright() as playwright:
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
            subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(out / f"print-{name}")], check=False)
            written.append(pdf)
        browser.close()
    httpd.shutdown()
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
