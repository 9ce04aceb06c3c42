"""Generated checklist pages, index, CSV exports and the traceability matrix, read from the built site."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

from conftest import ROOT, kb_check

from scripts.kb.generate import collect
from scripts.kb.ids import ITEM_KIND
from scripts.kb.text import cn_date

SITE = collect()


def text_of(html: str) -> str:
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", html))


def test_enough_checklists_and_items_covering_every_problem_and_lesson():
    assert len(SITE.checklists) >= 8
    assert sum(len(c.items) for c in SITE.checklists) >= 80
    for prefix in ("WT", "TH"):
        for target in SITE.registry.with_prefix(prefix):
            items = [t for t in SITE.registry.citing(target.id) if t.kind == ITEM_KIND]
            assert items, f"{target.id} has no checklist item"


def test_each_checklist_page_shows_items_boxes_and_fill_in_block(html_pages: dict[str, str]):
    for checklist in SITE.checklists:
        html = html_pages[f"checklists/{checklist.slug}.html"]
        text = text_of(html)
        assert checklist.id in text and checklist.version in text and cn_date(checklist.updated) in text
        for item in checklist.items:
            assert f'id="{item.id}"' in html
            assert re.sub(r"\s+", "", item.text) in text
        assert html.count('class="kb-box"') >= 3 * len(checklist.items)
        assert html.count("备注：") == len(checklist.items)
        for phrase in ("符合：", "不符合：", "不适用：", "检查日期：", "检查人（签字）", "被检查单位负责人（签字）"):
            assert phrase in text, (checklist.id, phrase)
        assert "年" in text.split("检查日期：")[1][:20]
        assert f'href="{checklist.slug}.csv"' in html


def test_basis_links_point_at_existing_anchors(site: Path, html_pages: dict[str, str]):
    for checklist in SITE.checklists:
        html = html_pages[f"checklists/{checklist.slug}.html"]
        for href in re.findall(r'class="kb-item__basis".*?</p>', html, re.S):
            for link in re.findall(r'href="([^"]+)"', href):
                page, _, anchor = link.partition("#")
                target = (site / "checklists" / page).resolve()
                assert target.exists(), link
                assert not anchor or f'id="{anchor}"' in target.read_text(encoding="utf-8"), link


def test_index_lists_every_checklist(html_pages: dict[str, str]):
    html = html_pages["checklists/index.html"]
    for checklist in SITE.checklists:
        row = re.search(rf"<tr>\s*<td>{checklist.id}</td>.*?</tr>", html, re.S)
        assert row, checklist.id
        cells = text_of(row.group(0))
        assert str(len(checklist.items)) in cells and checklist.version in cells and cn_date(checklist.updated) in cells


def test_csv_exports_open_in_excel(site: Path):
    total = 0
    for checklist in SITE.checklists:
        raw = (site / "checklists" / f"{checklist.slug}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert rows[0][:6] == ["清单编号", "清单名称", "分组", "检查项编号", "检查内容", "检查方法"]
        assert [r[3] for r in rows[1:]] == [i.id for i in checklist.items]
        assert all(r[9] == "" and r[10] == "" for r in rows[1:])
        total += len(rows) - 1
    everything = list(csv.reader(io.StringIO((site / "checklists/all-items.csv").read_bytes().decode("utf-8-sig"))))
    assert len(everything) - 1 == total


def test_traceability_matrix_lists_items_for_each_problem(html_pages: dict[str, str]):
    html = html_pages["survey/matrix.html"]
    for problem in SITE.registry.with_prefix("WT"):
        row = re.search(rf'<tr>\s*<td><a href="problems\.html#{problem.id}".*?</tr>', html, re.S)
        assert row, problem.id
        items = [t.id for t in SITE.registry.citing(problem.id) if t.kind == ITEM_KIND]
        for item in items:
            assert f"#{item}" in row.group(0)


def test_a_problem_without_checklist_item_fails(tmp_path: Path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    with (docs / "survey/problems.md").open("a", encoding="utf-8") as page:
        page.write("\n## WT-06 测试用的新问题 {#WT-06}\n\n说明。\n")
    result = kb_check(docs)
    assert result.returncode != 0
    assert "调研问题「WT-06」没有任何检查项引用" in result.stderr
