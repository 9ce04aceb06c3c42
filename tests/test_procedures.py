"""Standard procedures: structure, step IDs, natures, lifecycle header, change record, banners and print."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from conftest import run_build
from pypdf import PdfReader
from sources import DOCS, checklists, heading_ids, html_path, pages_with_front_matter, soup, text_of

from scripts.dev.project_copy import copy_project

PAGES = pages_with_front_matter("procedures")
PROCEDURES = {src: meta for src, meta in PAGES.items() if meta["id"].startswith("GC-")}
TEMPLATES = {src: meta for src, meta in PAGES.items() if meta["id"].startswith("MB-")}
SECTIONS = ("scope", "steps", "pitfalls", "basis", "related")
# Pages the survey's third lesson touches carry an industry/local comparison block.
DUAL = ("GC-ZXZ", "GC-SHYK", "GC-JL", "GC-SHH", "GC-HDS", "GC-KH")
NATURES = {"法规要求", "调研建议", "参考做法", "本单位要求"}


def cn(iso: str) -> str:
    year, month, day = (int(p) for p in str(iso).split("-"))
    return f"{year}年{month}月{day}日"


def test_nine_procedures_and_their_templates_exist():
    assert sorted(m["id"] for m in PROCEDURES.values()) == sorted(
        ["GC-ZXZ", "GC-SHYK", "GC-JL", "GC-HJ", "GC-SHH", "GC-DA", "GC-HDS", "GC-RH", "GC-KH"])
    assert len(TEMPLATES) >= 5


def _step_blocks(html: str, page_id: str) -> dict[str, list]:
    """Elements under each step heading (h3 GC-XX-n) up to the next heading."""
    blocks: dict[str, list] = {}
    current = None
    for element in soup(html).select_one("article").children:
        name = getattr(element, "name", None)
        if name in ("h2", "h3", "h4"):
            current = element.get("id") if re.fullmatch(rf"{page_id}-\d+", element.get("id", "")) else None
            if current:
                blocks[current] = []
        elif current and name:
            blocks[current].append(element)
    return blocks


@pytest.mark.parametrize("src", sorted(PROCEDURES))
def test_procedure_has_sections_steps_natures_and_basis(src: str, html_pages):
    page_id = PROCEDURES[src]["id"]
    html = html_pages[html_path(src)]
    anchors = {tag["id"] for tag in soup(html).find_all(id=True)}
    assert set(SECTIONS) <= anchors, f"{src} lacks {set(SECTIONS) - anchors}"
    steps = heading_ids(src, page_id)
    assert len(steps) >= 4 and sorted(steps, key=lambda s: int(s.rsplit("-", 1)[1])) == \
        [f"{page_id}-{n}" for n in range(1, len(steps) + 1)]
    blocks = _step_blocks(html, page_id)
    assert sorted(blocks) == sorted(steps)
    for step, elements in blocks.items():
        fields = {}
        for li in (li for e in elements for li in e.find_all("li")):
            strong = li.find("strong")
            if strong:
                fields[strong.get_text()] = li
        for field in ("责任人", "依据", "性质"):
            assert field in fields, f"{step} lacks {field}"
        assert fields["依据"].find("a", href=re.compile("#")), f"{step} basis has no link"
        nature = fields["性质"].get_text().split("：", 1)[1].strip()
        assert nature in NATURES, (step, nature)
    if page_id in DUAL:
        assert "dual" in anchors


@pytest.mark.parametrize("src", sorted(PAGES))
def test_lifecycle_header_shows_metadata_and_reference_status(src: str, html_pages):
    meta = PAGES[src]
    header = soup(html_pages[html_path(src)]).select_one(".kb-lifecycle")
    text = re.sub(r"\s+", "", header.get_text())
    for value in (meta["id"], meta["version"], cn(meta["reviewed"]), meta["owner"]):
        assert str(value) in text, (src, value)
    # Until a unit adopts it, the site is a reference text: no 施行日期, no 现行.
    assert meta["status"] == "参考文本" and "状态：参考文本" in text
    assert "施行日期" not in text and "现行" not in text
    assert not soup(html_pages[html_path(src)]).select(".kb-stale")


@pytest.mark.parametrize("src", sorted(PAGES))
def test_latest_change_is_one_line_that_opens_to_its_note(src: str, html_pages):
    newest = max(PAGES[src]["changes"], key=lambda c: str(c["date"]))
    details = soup(html_pages[html_path(src)]).select("article details.kb-lastchange")
    assert len(details) == 1 and not details[0].has_attr("open"), src
    summary = re.sub(r"\s+", "", details[0].summary.get_text())
    assert summary.startswith(f"最近修订：{cn(newest['date'])}") and newest["note"] not in summary, summary
    assert newest["note"] in details[0].get_text()
    assert details[0].find("a", href=re.compile(r"(^|/)changes\.html$")), src


@pytest.mark.parametrize("src", sorted(PROCEDURES))
def test_steps_numbered_out_of_order_are_explained(src: str, html_pages):
    meta = PROCEDURES[src]
    source = (DOCS / src).read_text(encoding="utf-8")
    numbers = [int(n) for n in re.findall(rf"^### {meta['id']}-(\d+)", source, re.MULTILINE)]
    steps = soup(html_pages[html_path(src)]).find(id="steps")
    note = steps.find_next_sibling()
    explained = note is not None and "kb-order-note" in (note.get("class") or [])
    assert explained == (numbers != sorted(numbers)), (src, numbers)
    if explained:
        assert "固定编号" in note.get_text()


def test_change_record_lists_every_change_newest_first(html_pages):
    rows = soup(html_pages["procedures/changes.html"]).select("article table tbody tr")
    expected = sorted(((str(c["date"]), m["id"]) for m in PAGES.values() for c in m["changes"]), reverse=True)
    shown = [(r.find_all("td")[0].get_text(), r.find_all("td")[2].get_text()) for r in rows]
    assert shown == [(cn(d), i) for d, i in expected]
    assert "制定" not in text_of(html_pages["procedures/changes.html"])


def test_matrix_shows_problem_recommendation_and_procedure_steps(html_pages):
    table = soup(html_pages["survey/matrix.html"]).select_one("#overview ~ table")
    row = next(tr for tr in table.select("tbody tr") if tr.find("a")["href"] == "problems.html#WT-03")
    hrefs = [a["href"] for a in row.find_all("a")]
    assert "recommendations.html#JY-03" in hrefs
    assert any(re.fullmatch(r"\.\./procedures/huanjie\.html#GC-HJ-\d", h) for h in hrefs)
    assert any(re.fullmatch(r"\.\./procedures/shenghuohui\.html#GC-SHH-\d", h) for h in hrefs)


def test_procedures_and_checklists_link_both_ways(html_pages):
    slugs = {c["id"]: c["slug"] for c in checklists()}
    for src, meta in PROCEDURES.items():
        links = {a["href"] for a in soup(html_pages[html_path(src)]).find_all("a", href=True)}
        for checklist_id in meta.get("checklists", []):
            assert f"../checklists/{slugs[checklist_id]}.html" in links
            back = {a["href"] for a in soup(html_pages[f"checklists/{slugs[checklist_id]}.html"]).find_all("a", href=True)}
            assert f"../procedures/{Path(src).name[:-3]}.html" in back


def set_front_matter(page: Path, key: str, value: str | None) -> None:
    text = page.read_text(encoding="utf-8")
    pattern = re.compile(rf"^{key}:.*\n", re.MULTILINE)
    assert pattern.search(text)
    page.write_text(pattern.sub("" if value is None else f"{key}: {value}\n", text, count=1), encoding="utf-8")


@pytest.mark.build
def test_bad_metadata_fails_the_build_and_keeps_the_site(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    set_front_matter(project / "docs/procedures/dangan.md", "status", "暂停")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("旧网站", encoding="utf-8")
    result = run_build(project, site)
    assert result.returncode != 0
    assert "docs/procedures/dangan.md 第" in result.stderr and "取值「暂停」无效" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "旧网站"


@pytest.mark.build
def test_stale_and_abolished_pages_show_banners(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    set_front_matter(project / "docs/procedures/ronghe.md", "status", "已废止")
    out = tmp_path / "site"
    result = run_build(project, out, KB_TODAY="2029-06-01")
    assert result.returncode == 0, result.stderr
    stale = soup((out / "procedures/huanjie.html").read_text(encoding="utf-8")).select_one(".kb-stale")
    assert stale is not None and "已超过 365 天" in stale.get_text()
    abolished = text_of((out / "procedures/ronghe.html").read_text(encoding="utf-8"))
    assert "本页已废止" in abolished


@pytest.mark.parametrize("day, shown", [("2027-01-01", False), ("2029-06-01", True)])
def test_review_banner_follows_the_readers_day(browser, server, day: str, shown: bool):
    page = browser.new_page()
    page.clock.set_fixed_time(f"{day}T09:00:00")
    page.goto(f"{server}/procedures/huanjie.html")
    warnings = page.locator(".kb-stale")
    visible = warnings.count() == 1 and warnings.is_visible() and "已超过 365 天" in warnings.text_content()
    page.close()
    assert visible is shown


@pytest.mark.parametrize("src", sorted(TEMPLATES))
def test_template_prints_on_one_a4_page(src: str, browser, server):
    page = browser.new_page()
    page.goto(f"{server}/{html_path(src)}")
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    page.close()
    assert len(pdf.pages) == 1, f"{src}: {len(pdf.pages)} pages"
