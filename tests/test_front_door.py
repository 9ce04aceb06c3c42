"""First steps of issue 14 (front door): the home page's own title, the notice for browsers without
JavaScript, and the opening instructions at the top of the offline zip."""

from __future__ import annotations

import zipfile
from pathlib import Path

from sources import ROOT, soup

from scripts.offline_zip import README_NAME, TOP, pack

SITE_NAME = next(line.split(":", 1)[1].strip() for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
                 if line.startswith("site_name:"))


def test_home_title_is_not_repeated(html_pages):
    assert soup(html_pages["index.html"]).find("title").get_text() == SITE_NAME


def test_pages_say_what_needs_javascript_when_it_is_off(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/checklists/hj.html")
    notice = page.locator(".kb-noscript")
    shown = notice.count() == 1 and notice.is_visible() and "极速模式" in notice.text_content()
    context.close()
    assert shown
    page = browser.new_page()
    page.goto(f"{server}/checklists/hj.html")
    hidden = not page.locator(".kb-noscript").is_visible()
    page.close()
    assert hidden


def test_offline_zip_opens_with_instructions(site: Path, tmp_path: Path):
    archive = tmp_path / "kb.zip"
    pack(site, archive)
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        text = zf.read(README_NAME).decode("utf-8-sig")
    assert README_NAME in names and f"{TOP}/index.html" in names
    assert "index.html" in text and "极速模式" in text and "不发送任何数据" in text
