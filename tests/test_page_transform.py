"""What the build adds to hand-written pages (scripts/kb/page_transform.py), in process on the fixture tree
(kbtree.py): the MkDocs hook only calls these functions. Expected values are the fixture's literal texts."""

from __future__ import annotations

import datetime as dt

from kbtree import site_of

from scripts.kb.page_transform import insert_after_h1, insert_before_first_h2, not_found_page, page_markdown, page_meta

TODAY = dt.date(2026, 12, 1)
PROCEDURE = "procedures/gc.md"


def test_procedure_gets_its_lifecycle_header_under_the_title_and_links_for_ids(tree):
    site = site_of(tree())
    text = site.pages[PROCEDURE].text.split("---\n", 2)[2].lstrip("\n")
    out = page_markdown(text, PROCEDURE, site, TODAY, 365)
    title, rest = out.split("\n", 1)
    assert title == "# 示例规程 {#GC-XX}"
    header = rest[: rest.index("## 工作步骤")]
    assert "参考文本" in header and "1.0" in header and "党委组织部门" in header
    assert "[[FG-ZB-12]]" not in out and "[支部工作条例第十二条](../basis/regulations.md#FG-ZB-12 " in out
    assert "{{BDW-XX-1}}" not in out   # the unit's blank is filled in (here: left open, linked to the list)


def test_review_banner_appears_only_after_the_review_period(tree):
    site = site_of(tree())
    text = site.pages[PROCEDURE].text.split("---\n", 2)[2].lstrip("\n")
    assert "kb-stale" not in page_markdown(text, PROCEDURE, site, dt.date(2027, 11, 26), 365)
    assert "kb-stale" in page_markdown(text, PROCEDURE, site, dt.date(2027, 11, 27), 365)


def test_home_page_banner_stands_before_the_first_section(tree):
    site = site_of(tree())
    out = page_markdown("# 示例知识库\n\n首页。\n\n## 第一节\n\n正文。\n", "index.md", site, TODAY, 365)
    assert out.index("首页。") < out.index("本单位要求") < out.index("## 第一节")


def test_foot_of_page_fields(tree):
    docs = tree()
    reference = page_meta("checklists/xx.md", "checklists/xx.html", site_of(docs), TODAY, None)
    assert reference == {"kb_updated": "2026年12月1日", "kb_ref": "QD-XX，版本 1.0，参考文本"}
    unit = page_meta(PROCEDURE, "procedures/gc.html", site_of(docs, "demo"), TODAY, "参考文本")
    assert unit["kb_ref"] == "GC-XX，版本 1.0，示例单位版" and unit["status"] == "现行"
    plain = page_meta("guide/x.md", "guide/x.html", site_of(docs), TODAY, None)
    assert plain["kb_ref"] == "guide/x.html，参考文本"


def test_insertions_without_the_heading_they_look_for():
    assert insert_before_first_h2("# 题\n\n正文。\n", "块") == "# 题\n\n正文。\n\n\n块\n"
    assert insert_after_h1("没有标题。\n", "块") == "块\n没有标题。\n"
    assert insert_after_h1("# 题 {#x}\n正文\n", "块") == "# 题 {#x}\n\n块\n\n正文\n"


def test_not_found_page_links_work_from_disk():
    html = '<html><head><link href="/assets/a.css"></head><body><a href="/index.html">首页</a>' \
           '<a href="//example.org/x">外</a><script>var c = {"base": "/", "search": "/assets/s.js"}</script></body></html>'
    out = not_found_page(html)
    assert 'href="./assets/a.css"' in out and 'href="./index.html"' in out and 'href="//example.org/x"' in out
    assert '"base": "."' in out and '"search": "./assets/s.js"' in out
    assert out.index("<head>\n<script>if (location.protocol") < out.index("<link")
