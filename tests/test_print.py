"""Chromium prints each checklist page to A4 PDF as a form to fill in by hand: page count within limits,
every item's text on paper, 五号 type, two 8 mm lines for 备注, no sheet with only the sign-off or an item or two;
the print-everything page as the lists themselves."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sources import checklists, on_paper, squeeze

CHECKLISTS = checklists()


def cn(iso: str) -> str:
    year, month, day = (int(p) for p in str(iso).split("-"))
    return f"{year}年{month}月{day}日"


@pytest.fixture(scope="module")
def printer(browser):
    page = browser.new_page()
    yield page
    page.close()


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c["id"])
def test_checklist_prints_on_a4_within_page_limit(printer, server, checklist):
    printer.goto(f"{server}/checklists/{checklist['slug']}.html")
    pdf = PdfReader(io.BytesIO(printer.pdf(prefer_css_page_size=True, print_background=True)))
    pages = [squeeze(p.extract_text()) for p in pdf.pages]
    items = checklist["items"]
    limit = 1 if len(items) <= 12 else 2
    assert len(pages) <= limit, f"{checklist['id']}: {len(items)} items on {len(pages)} pages"
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert round(width / 72 * 25.4) == 210 and round(height / 72 * 25.4) == 297
    whole = "".join(pages)
    for item in items:
        assert item["id"] in whole and on_paper(item["text"], whole), item["id"]
        assert on_paper(item["nature"], whole), item["id"]
    if len(pages) > 1:
        last_items = [item["id"] for item in items if item["id"] in pages[-1]]
        assert len(last_items) >= 3, f"{checklist['id']}: last sheet carries {last_items}"
    stamp = squeeze(f"{checklist['id']} 版本 {checklist['version']} 更新 {cn(checklist['updated'])}")
    for number, page_text in enumerate(pages, start=1):
        assert on_paper(stamp, page_text), page_text[:80]
        # The same footer as the PDF downloads: 第 x 页 共 y 页.
        assert on_paper(f"第 {number} 页 共 {len(pages)} 页", page_text), page_text[:80]
    assert squeeze("检查人（签字）") in pages[-1] and squeeze("被检查单位负责人（签字）") in pages[-1]



def test_print_all_gives_each_list_its_own_sheets(printer, server):
    """打印全部清单 prints the same sheets as printing each list from its page: each list from a new sheet, under
    its own running header, within the same page limit."""
    printer.goto(f"{server}/checklists/print-all.html")
    pdf = PdfReader(io.BytesIO(printer.pdf(prefer_css_page_size=True, print_background=True)))
    pages = [squeeze(p.extract_text()) for p in pdf.pages]
    stamps = {c["id"]: squeeze(f"{c['id']} 版本 {c['version']} 更新 {cn(c['updated'])}") for c in CHECKLISTS}
    owners = [[cid for cid, stamp in stamps.items() if on_paper(stamp, text)] for text in pages]
    assert all(len(found) == 1 for found in owners), [(i + 1, found) for i, found in enumerate(owners)]
    order = [found[0] for found in owners]
    for checklist in CHECKLISTS:
        mine = [i for i, owner in enumerate(order) if owner == checklist["id"]]
        assert mine and mine == list(range(mine[0], mine[-1] + 1)), f"{checklist['id']} on sheets {mine}"
        limit = 1 if len(checklist["items"]) <= 12 else 2
        assert len(mine) <= limit, f"{checklist['id']}: {len(checklist['items'])} items on {len(mine)} sheets"
        assert on_paper(checklist["title"], pages[mine[0]]), checklist["id"]
        whole = "".join(pages[i] for i in mine)
        for item in checklist["items"]:
            assert item["id"] in whole and on_paper(item["text"], whole), item["id"]
        assert squeeze("检查人（签字）") in pages[mine[-1]]

MM = 96 / 25.4  # CSS pixels per millimetre


@pytest.mark.parametrize("checklist", CHECKLISTS[:2], ids=lambda c: c["id"])
def test_printed_form_leaves_room_to_write(printer, server, checklist):
    printer.goto(f"{server}/checklists/{checklist['slug']}.html")
    printer.emulate_media(media="print")
    try:
        sizes = printer.eval_on_selector_all(
            ".kb-item__text, .kb-status, .kb-item__note, .kb-nature, .kb-fill",
            "els => els.filter(e => e.offsetParent).map(e => parseFloat(getComputedStyle(e).fontSize))")
        notes = printer.eval_on_selector_all(".kb-item__note", "els => els.map(e => e.getBoundingClientRect().height)")
        problems = printer.eval_on_selector(".kb-fill--tall", "e => e.getBoundingClientRect().height")
        # The lines to write on start below the label, not through it.
        label, lines = printer.eval_on_selector(".kb-fill--tall", "e => [e.firstElementChild, e.lastElementChild]"
                                                ".map(c => c.getBoundingClientRect()).map(r => [r.top, r.bottom])")
    finally:
        printer.emulate_media(media="null")  # no emulation: page.pdf() prints with print CSS again
    assert sizes and min(sizes) >= 14 - 0.01, min(sizes)  # 10.5 pt (五号) is 14 CSS px
    assert len(notes) == len(checklist["items"]) and min(notes) >= 16 * MM - 1, min(notes) / MM
    assert problems >= 24 * MM, problems / MM  # 主要问题及整改要求: several lines, not one
    # (the label's glyph box may reach a pixel or two past its line; the first rule is 7 mm further down)
    assert lines[0] >= label[1] - 2 and lines[1] - lines[0] >= 21 * MM - 1, (label, lines)  # three 7 mm lines
