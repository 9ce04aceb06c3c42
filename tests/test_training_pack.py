"""The training pack read back: the booklet PDFs (contents page numbers against the pages where each list
really starts, header and footer on every page), the per-list PDFs, the download links, and 打印全部清单.
Expected values come from the checklist YAML files as PyYAML reads them."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from sources import checklists, pages_with_front_matter, soup, squeeze

CHECKLISTS = checklists()
TEMPLATES = pages_with_front_matter("procedures/templates")


def pages_text(path: Path) -> list[str]:
    # PDF text extraction maps some Han glyphs to Kangxi radicals (⽉ for 月); NFKC undoes that.
    return [unicodedata.normalize("NFKC", p.extract_text()) for p in PdfReader(str(path)).pages]


@pytest.mark.parametrize("variant", ["trainer", "student"])
def test_booklet_contents_name_the_pages_where_lists_start(site: Path, variant: str):
    pages = pages_text(site / f"checklists/booklet-{variant}.pdf")
    assert "培训手册" in pages[0] and ("讲师版" if variant == "trainer" else "学员版") in pages[0]
    assert not re.search(r"第 \d+ 页", pages[0])  # the cover shows no number
    contents = pages[1]
    for checklist in CHECKLISTS:
        entry = re.search(rf"{checklist['id']}\s*{re.escape(checklist['title'][:6])}.*?\.{{3,}}\s*(\d+)", contents, re.DOTALL)
        assert entry, checklist["id"]
        number = int(entry.group(1))
        start = pages[number - 1]
        assert checklist["title"][:8] in start and f"第 {number} 页 共 {len(pages)} 页" in start, checklist["id"]
        first_item = checklist["items"][0]["id"]
        assert first_item in start or first_item in pages[number], checklist["id"]
    for number, text in enumerate(pages[1:], start=2):
        assert f"第 {number} 页 共 {len(pages)} 页" in text, number


def test_trainer_booklet_teaches_and_student_booklet_leaves_room(site: Path):
    trainer = "".join(pages_text(site / "checklists/booklet-trainer.pdf"))
    student = "".join(pages_text(site / "checklists/booklet-student.pdf"))
    assert "检查方法" in trainer and "调研所见问题" in trainer and "依据" in trainer
    assert "检查方法" not in student and "调研所见问题" not in student
    for text in (trainer, student):
        for checklist in CHECKLISTS:
            for item in checklist["items"]:
                assert item["id"] in text, item["id"]
        assert "空白模板" in text and "清单引用的依据" in text


@pytest.mark.parametrize("variant", ["trainer", "student"])
def test_booklet_templates_print_as_clean_forms(site: Path, variant: str):
    """The blank templates in the booklet are the forms alone, as the browser prints them: the notes for
    whoever fills them in (site advice, rule references; kb-screen-only on the page) stay on screen."""
    pages = pages_text(site / f"checklists/booklet-{variant}.pdf")
    for meta in TEMPLATES.values():
        own = [p for p in pages if re.search(rf"{meta['id']}\s*版本", p) and "清单引用的依据" not in p]
        assert own, meta["id"]
        text = "".join(own)
        assert squeeze(meta["title"]) in squeeze(text), meta["id"]
        assert not re.search(r"本站|给起草人|给组织者|kb-screen|<div|\b(?:FG|WT|JY|TH|GC|BDW)-", text), (meta["id"], text[:300])


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c["id"])
def test_per_list_pdf_has_every_item_and_its_header(site: Path, checklist: dict):
    pages = pages_text(site / f"checklists/{checklist['slug']}.pdf")
    # A viewer's tab and window name the list, not just "a checklist".
    assert PdfReader(site / f"checklists/{checklist['slug']}.pdf").metadata.title == f"{checklist['id']} {checklist['title']}"
    whole = re.sub(r"\s+", "", "".join(pages))
    for item in checklist["items"]:
        assert item["id"] in whole
    for number, text in enumerate(pages, start=1):
        assert checklist["id"] in text and f"第 {number} 页 共 {len(pages)} 页" in text
    # The sign-off never stands alone, nor with only one or two items.
    on_last = sum(1 for item in checklist["items"] if re.search(rf"^{item['id']}\b", pages[-1], re.MULTILINE))
    assert on_last >= min(3, len(checklist["items"]))
    # The page budget of a printed checklist: up to 12 items on one A4 sheet, up to 24 on two.
    assert len(pages) <= (1 if len(checklist["items"]) <= 12 else 2)
    assert "主要问题及整改要求" in pages[-1]


def test_checklist_pages_link_every_download(site: Path, html_pages):
    for checklist in CHECKLISTS:
        links = soup(html_pages[f"checklists/{checklist['slug']}.html"]).select(".kb-downloads a")
        assert [a.get_text() for a in links] == ["PDF", "Excel", "Word", "CSV", "培训手册（讲师版）"]
        for link in links:
            assert (site / "checklists" / link["href"]).stat().st_size > 1000, link["href"]
    index = soup(html_pages["checklists/index.html"])
    links = {a["href"] for a in index.find_all("a", href=True)}
    assert links >= {"booklet-trainer.pdf", "booklet-student.pdf", "print-all.html", "all-items.xlsx", "all-items.csv"}
    assert (site / "checklists/all-items.xlsx").stat().st_size > 1000


def test_print_all_is_not_in_the_search_index(site: Path):
    import json

    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if d["location"].startswith("checklists/print-all")]


def test_home_page_links_the_booklets(html_pages):
    banner = soup(html_pages["index.html"]).select_one(".kb-edition")
    assert {a["href"] for a in banner.find_all("a")} >= {"checklists/booklet-trainer.pdf",
                                                         "checklists/booklet-student.pdf"}


def test_many_lists_make_booklet_volumes_of_equal_size(tmp_path, monkeypatch):
    # A booklet is laid out in memory as a whole; a large set of lists comes in volumes instead.
    from kbtree import CHECKLIST, site_of, write_tree

    from scripts.kb import downloads

    second = CHECKLIST.replace("QD-XX", "QD-YY").replace("XX-0", "YY-0").replace("示例检查清单", "第二份检查清单")
    docs = write_tree(tmp_path, {"checklists/02-yy.yml": second})
    monkeypatch.setattr(downloads, "VOLUME_LISTS", 1)
    files = site_of(docs, downloads=True).files
    for variant, label in (("trainer", "讲师版"), ("student", "学员版")):
        assert f"checklists/booklet-{variant}.pdf" not in files
        for volume, list_id in ((1, "QD-XX"), (2, "QD-YY")):
            pages = [squeeze(p.extract_text()) for p in
                     PdfReader(io.BytesIO(files[f"checklists/booklet-{variant}-{volume}.pdf"])).pages]
            assert squeeze(f"{label}第{volume}册（共2册）") in pages[0]
            other = "QD-YY" if list_id == "QD-XX" else "QD-XX"
            assert list_id in "".join(pages) and other not in "".join(pages)
    index = files["checklists/index.md"]
    assert "讲师版第1册" in index and "booklet-student-2.pdf" in index
