"""Chromium prints each checklist page to A4 PDF: page count within limits, every item's text on paper."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from scripts.kb.generate import collect

CHECKLISTS = collect().checklists


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printer(browser):
    page = browser.new_page()
    yield page
    page.close()


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c.id)
def test_checklist_prints_on_a4_within_page_limit(printer, server, checklist):
    printer.goto(f"{server}/checklists/{checklist.slug}.html")
    pdf = PdfReader(io.BytesIO(printer.pdf(prefer_css_page_size=True, print_background=True)))
    pages = [squeeze(p.extract_text()) for p in pdf.pages]
    limit = 1 if len(checklist.items) <= 12 else 2
    assert len(pages) <= limit, f"{checklist.id}: {len(checklist.items)} items on {len(pages)} pages"
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert round(width / 72 * 25.4) == 210 and round(height / 72 * 25.4) == 297
    whole = "".join(pages)
    for item in checklist.items:
        assert item.id in whole and squeeze(item.text) in whole, item.id
    for page_text in pages:
        assert checklist.id in page_text and f"版本{checklist.version}" in page_text
    assert "检查人（签字）" in pages[-1] and "被检查单位负责人（签字）" in pages[-1]
