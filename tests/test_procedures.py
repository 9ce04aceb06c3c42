"""Standard procedures: structure, step IDs, lifecycle header, change record and bad metadata."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, kb_check, run_build
from pypdf import PdfReader

from scripts.kb.generate import collect
from scripts.kb.text import cn_date
from scripts.project_copy import copy_project

SITE = collect()
PROCEDURES = {src: page for src, page in SITE.pages.items() if page.id and page.id.startswith("GC-")}
TEMPLATES = {src: page for src, page in SITE.pages.items() if page.id and page.id.startswith("MB-")}
SECTIONS = ("scope", "steps", "pitfalls", "basis", "related")
# Pages the survey's third lesson touches carry an industry/local comparison block.
DUAL = ("GC-ZXZ", "GC-SHYK", "GC-JL", "GC-SHH", "GC-HDS", "GC-KH")


def html_path(src: str) -> str:
    return src[:-3] + ".html"


def test_nine_procedures_and_their_templates_exist():
    assert sorted(p.id for p in PROCEDURES.values()) == sorted(
        ["GC-ZXZ", "GC-SHYK", "GC-JL", "GC-HJ", "GC-SHH", "GC-DA", "GC-HDS", "GC-RH", "GC-KH"])
    assert len(TEMPLATES) >= 5


@pytest.mark.parametrize("src", sorted(PROCEDURES))
def test_procedure_has_sections_steps_and_basis(src: str, html_pages: dict[str, str]):
    page = PROCEDURES[src]
    html = html_pages[html_path(src)]
    for anchor in SECTIONS:
        assert f'id="{anchor}"' in html, f"{src} lacks #{anchor}"
    steps = [t for t in SITE.registry.targets.values() if t.src == src and re.fullmatch(rf"{page.id}-\d+", t.id)]
    assert len(steps) >= 4
    assert [t.id for t in sorted(steps, key=lambda t: int(t.id.rsplit("-", 1)[1]))] == \
        [f"{page.id}-{n}" for n in range(1, len(steps) + 1)]
    parts = re.split(r'(?=<h3 id=")', html)
    for step in steps:
        part = next(p for p in parts if p.startswith(f'<h3 id="{step.id}"'))
        for field in ("责任人", "时限", "产出文件", "依据"):
            assert f"<strong>{field}</strong>" in part, f"{step.id} lacks {field}"
        assert re.search(r'<strong>依据</strong>.*?<a href="[^"]+#[^"]+"', part, re.S), f"{step.id} basis has no link"
    if page.id in DUAL:
        assert 'id="dual"' in html


@pytest.mark.parametrize("src", sorted(PROCEDURES))
def test_lifecycle_header_shows_metadata(src: str, html_pages: dict[str, str]):
    page = PROCEDURES[src]
    text = re.sub(r"<[^>]+>", "", html_pages[html_path(src)])
    for value in (page.id, page.meta["status"], page.meta["version"], cn_date(page.meta["effective"]),
                  cn_date(page.meta["reviewed"]), page.meta["owner"]):
        assert value in text, (src, value)
    assert "kb-stale" not in html_pages[html_path(src)] and "超过审核周期" not in text


def test_change_record_lists_every_change_newest_first(html_pages: dict[str, str]):
    html = html_pages["procedures/changes.html"]
    rows = re.findall(r"<tr>\s*<td>(\d{4}年\d+月\d+日)</td>.*?</tr>", html, re.S)
    expected = [c for p in SITE.pages.values() if p.has_lifecycle for c in p.changes]
    assert len(rows) == len(expected)
    for page in (p for p in SITE.pages.values() if p.has_lifecycle):
        assert f"<td>{page.id}</td>" in html
    dates = [tuple(map(int, re.findall(r"\d+", d))) for d in rows]
    assert dates == sorted(dates, reverse=True)


def test_matrix_shows_problem_recommendation_and_procedure_steps(html_pages: dict[str, str]):
    html = html_pages["survey/matrix.html"]
    row = re.search(r'<tr>\s*<td><a href="problems\.html#WT-03".*?</tr>', html, re.S).group(0)
    assert "recommendations.html#JY-03" in row
    assert re.search(r"procedures/huanjie\.html#GC-HJ-\d", row)
    assert re.search(r"procedures/shenghuohui\.html#GC-SHH-\d", row)


def test_procedures_and_checklists_link_both_ways(html_pages: dict[str, str]):
    for src, page in PROCEDURES.items():
        html = html_pages[html_path(src)]
        for checklist_id in page.meta.get("checklists", []):
            checklist = next(c for c in SITE.checklists if c.id == checklist_id)
            assert f"checklists/{checklist.slug}.html" in html
            assert f"procedures/{Path(src).name[:-3]}.html" in html_pages[f"checklists/{checklist.slug}.html"]


def test_citations_belong_to_the_section_they_stand_in():
    from scripts.kb.ids import Registry, scan_markdown

    registry = Registry()
    text = ("---\nid: GC-XX\n---\n# 示例 {#GC-XX}\n\n## 工作步骤 {#steps}\n\n### GC-XX-1 第一步 {#GC-XX-1}\n\n"
            "依据：[[WT-01]]\n\n## 常见问题 {#pitfalls}\n\n见 [[WT-02]]。\n")
    scan_markdown(text, "procedures/x.md", registry, "x.md", "GC-XX", "示例")
    assert registry["GC-XX-1"].cites == ["WT-01"]
    assert registry["GC-XX"].cites == ["WT-02"]


def test_bad_change_entry_is_refused(tmp_path: Path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    page = docs / "procedures/huanjie.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace("kind: 立", "kind: 删", 1), encoding="utf-8")
    result = kb_check(docs)
    assert result.returncode != 0 and "changes[1].kind" in result.stderr and "取值「删」无效" in result.stderr
    page.write_text(original.replace("\nchanges:", "\nhistory:", 1), encoding="utf-8")
    result = kb_check(docs)
    assert result.returncode != 0 and "缺少必填字段「changes」" in result.stderr
    assert "发现 1 处错误" in result.stderr, result.stderr


def set_front_matter(page: Path, key: str, value: str | None) -> None:
    text = page.read_text(encoding="utf-8")
    pattern = re.compile(rf"^{key}:.*\n", re.M)
    assert pattern.search(text)
    page.write_text(pattern.sub("" if value is None else f"{key}: {value}\n", text, count=1), encoding="utf-8")


@pytest.mark.parametrize("key, value, message", [
    ("owner", None, "缺少必填字段「owner」"),
    ("reviewed", "2026-11", "格式不对：「2026-11」"),
    ("effective", "2026-02-30", "日期「2026-02-30」不存在"),
    ("status", "试行", "取值「试行」无效"),
    ("version", "1.0.0", "格式不对"),
    ("reviewed", "2026", "「2026」"),
])
def test_bad_metadata_is_refused(tmp_path: Path, key: str, value: str | None, message: str):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    set_front_matter(docs / "procedures/huanjie.md", key, value)
    result = kb_check(docs)
    assert result.returncode != 0
    assert "docs/procedures/huanjie.md" in result.stderr and message in result.stderr, result.stderr


def test_bad_metadata_fails_the_build(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    set_front_matter(project / "docs/procedures/dangan.md", "status", "暂停")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/procedures/dangan.md" in result.stderr and "取值「暂停」无效" in result.stderr


def test_stale_and_abolished_pages_show_banners(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    set_front_matter(project / "docs/procedures/ronghe.md", "status", "已废止")
    out = tmp_path / "site"
    result = run_build(project, out, KB_TODAY="2028-06-01")
    assert result.returncode == 0, result.stderr
    stale = (out / "procedures/huanjie.html").read_text(encoding="utf-8")
    assert '<div class="admonition warning kb-stale">' in stale and "已超过 365 天" in stale
    abolished = (out / "procedures/ronghe.html").read_text(encoding="utf-8")
    assert "本页已废止" in abolished


@pytest.mark.parametrize("day, shown", [("2026-12-01", False), ("2028-06-01", True)])
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
