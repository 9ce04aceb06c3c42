"""Generated checklist pages, index, CSV exports and the traceability matrix, read from the built site
with an HTML parser; expected values come from the YAML files as PyYAML reads them."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from sources import checklists, heading_ids, soup, text_of

CHECKLISTS = checklists()
ANSWERS = {"法规要求": ["符合", "不符合", "不适用"], "本单位要求": ["符合", "不符合", "不适用"],
           "调研建议": ["已采用", "未采用", "不适用"], "参考做法": ["已采用", "未采用", "不适用"]}


def cn(iso: str) -> str:
    year, month, day = (int(p) for p in str(iso).split("-"))
    return f"{year}年{month}月{day}日"


def test_enough_checklists_and_items_covering_every_problem_and_lesson():
    assert len(CHECKLISTS) >= 8
    assert sum(len(c["items"]) for c in CHECKLISTS) >= 80
    cited = {b for c in CHECKLISTS for i in c["items"] for b in i["basis"]}
    for prefix, page in (("WT", "survey/problems.md"), ("TH", "survey/lessons.md")):
        for id_ in (i for i in heading_ids(page, prefix) if "." not in i):
            assert any(b == id_ or b.startswith(id_ + ".") for b in cited), f"{id_} has no checklist item"


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c["id"])
def test_checklist_page_shows_items_natures_answers_and_fill_in_block(html_pages, checklist):
    page = soup(html_pages[f"checklists/{checklist['slug']}.html"])
    text = re.sub(r"\s+", "", page.get_text())
    assert checklist["id"] in text and checklist["version"] in text and cn(checklist["updated"]) in text
    blocks = page.select("div.kb-item")
    assert len(blocks) == len(checklist["items"])
    for block, item in zip(blocks, checklist["items"], strict=True):
        heading = block.find("h3")
        assert heading["id"] == item["id"]
        assert re.sub(r"\s+", "", item["text"]) in re.sub(r"\s+", "", heading.get_text())
        assert block.select_one(".kb-nature").get_text() == item["nature"]
        answers = [s.get_text() for s in block.select(".kb-item__result .kb-status")]
        assert answers == ANSWERS[item["nature"]], item["id"]
        assert block.select_one(".kb-item__note").get_text() == "备注："
    for phrase in ("检查日期：", "检查人（签字）", "被检查单位负责人（签字）", "主要问题及整改要求"):
        assert phrase in text, (checklist["id"], phrase)
    assert page.find("a", href=f"{checklist['slug']}.csv")


def test_numbers_out_of_page_order_are_explained(html_pages):
    """An item added later keeps the next free number (IDs are stable): where a list's numbers do not run in
    page order, the page says why, and only there."""
    explained = {}
    for checklist in CHECKLISTS:
        numbers = [int(item["id"].rsplit("-", 1)[1]) for item in checklist["items"]]
        legend = text_of(str(soup(html_pages[f"checklists/{checklist['slug']}.html"]).select_one(".kb-legend")))
        explained[checklist["id"]] = ("编号是固定编号" in legend, numbers != sorted(numbers))
    assert all(says == needed for says, needed in explained.values()), explained
    assert any(needed for _, needed in explained.values())  # the reference lists have such a list today


def test_basis_lines_are_readable_names_linking_to_existing_anchors(site: Path, html_pages):
    for checklist in CHECKLISTS:
        page = soup(html_pages[f"checklists/{checklist['slug']}.html"])
        for block, item in zip(page.select("div.kb-item"), checklist["items"], strict=True):
            links = block.select(".kb-item__basis a")
            assert len(links) == len(item["basis"]), item["id"]
            for link, id_ in zip(links, item["basis"], strict=True):
                label = link.get_text()
                # A code alone ("FG-GW") is not readable on paper: regulations show their short name.
                assert label != id_ or not id_.startswith("FG"), (item["id"], label)
                target, _, anchor = link["href"].partition("#")
                path = (site / "checklists" / target).resolve()
                assert path.exists(), link["href"]
                assert not anchor or soup(path.read_text(encoding="utf-8")).find(id=anchor), link["href"]


def test_index_lists_every_checklist(html_pages):
    rows = {tr.find("td").get_text(): [td.get_text() for td in tr.find_all("td")]
            for tr in soup(html_pages["checklists/index.html"]).select("article table tbody tr")}
    for checklist in CHECKLISTS:
        cells = rows[checklist["id"]]
        assert cells[3] == f"{len(checklist['items'])} 项"
        assert cells[4] == checklist["version"] and cells[5] == cn(checklist["updated"])


def test_csv_exports_open_in_excel(site: Path):
    total = 0
    for checklist in CHECKLISTS:
        raw = (site / "checklists" / f"{checklist['slug']}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        header = rows[0]
        assert header[:6] == ["清单编号", "清单名称", "分组", "检查项编号", "检查内容", "性质"]
        assert [r[3] for r in rows[1:]] == [i["id"] for i in checklist["items"]]
        assert [r[5] for r in rows[1:]] == [i["nature"] for i in checklist["items"]]
        assert all(r[header.index("检查结果")] == "" for r in rows[1:])
        total += len(rows) - 1
    everything = list(csv.reader(io.StringIO((site / "checklists/all-items.csv").read_bytes().decode("utf-8-sig"))))
    assert len(everything) - 1 == total


def test_traceability_matrix_lists_items_for_each_problem(html_pages):
    table = soup(html_pages["survey/matrix.html"]).select_one("#overview ~ table")
    rows = {tr.find("a")["href"]: tr for tr in table.select("tbody tr")}
    for problem in (i for i in heading_ids("survey/problems.md", "WT") if "." not in i):
        row = rows[f"problems.html#{problem}"]
        items_cell = row.find_all("td")[3]
        linked = {a["href"].rsplit("#", 1)[-1] for a in items_cell.find_all("a")}
        expected = {i["id"] for c in CHECKLISTS for i in c["items"]
                    if any(b == problem or b.startswith(problem + ".") for b in i["basis"])}
        assert linked == expected, problem
    assert "built-in method" not in text_of(html_pages["survey/matrix.html"])
