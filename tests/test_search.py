"""Chinese search in a real browser: the shared query set, IDs, aliases, clean titles, highlighting,
and the same search from an unzipped offline copy opened with file://."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, run_build
from pypdf import PdfReader

from scripts.dev.browser_search import load_queries, open_search, run_all, run_query, summary
from scripts.dev.project_copy import copy_project
from scripts.offline_zip import TOP, pack

QUERIES = load_queries(ROOT / "tests" / "data" / "search-queries.yml")


@pytest.fixture(scope="module")
def search_page(browser, server):
    page = browser.new_page()
    open_search(page, f"{server}/index.html")
    yield page
    page.close()


def ask(search_page, server, site, query: str):
    return run_query(search_page, server, site, query, [])


def test_every_shared_query_finds_its_page(browser, server, site):
    results = run_all(browser, server, site, QUERIES)
    failed = [f"{r.query} → {r.h1s}" for r in results if not r.passed]
    assert not failed, summary(results) + "\n" + "\n".join(failed)


@pytest.mark.parametrize("query, anchor", [("HJ-03", "#HJ-03"), ("SHYK-12", "#SHYK-12"), ("GC-HJ-2", "#GC-HJ-2"),
                                           ("WT-02", "#WT-02")])
def test_ids_land_on_their_item(search_page, server, site, query, anchor):
    ask(search_page, server, site, query)
    first = search_page.eval_on_selector_all("li.md-search-result__item a", "l => l.map(a => a.href)")
    assert any(href.endswith(anchor) for href in first[:3]), first[:3]


@pytest.mark.parametrize("query, word", [("三会一课", "三会一课"), ("党日", "主题党日"), ("活动室", "活动室"),
                                         ("换届", "换届"), ("怎么整理党建档案", "档案")])
def test_whole_terms_parts_and_two_character_words(search_page, server, site, query, word):
    result = ask(search_page, server, site, query)
    assert any(word in h1 for h1 in result.h1s), (query, result.h1s)


def test_result_titles_have_no_zero_width_spaces(search_page, server, site):
    ask(search_page, server, site, "民主生活会")
    titles = search_page.eval_on_selector_all(".md-search-result__article h1, .md-search-result__article h2",
                                              "l => l.map(e => e.textContent)")
    assert titles and not any("\u200b" in t for t in titles), titles


def test_chinese_terms_are_highlighted_on_the_result_page(browser, server, site):
    page = browser.new_page()
    open_search(page, f"{server}/index.html")
    run_query(page, server, site, "谈心谈话", [])
    page.locator("li.md-search-result__item > a").first.click()
    # Material highlights after the new page has loaded, from the h= parameter of the result link.
    page.wait_for_selector("article mark", timeout=15_000)
    marks = page.eval_on_selector_all("article mark", "l => l.map(m => m.textContent)")
    page.close()
    assert any("谈心谈话" in m for m in marks), marks


def test_declared_aliases_are_found(tmp_path: Path, browser):
    project = copy_project(tmp_path / "project")
    page = project / "docs/procedures/huanjie.md"
    page.write_text(page.read_text(encoding="utf-8").replace("aliases: [", "aliases: [任期更替专用词, ", 1),
                    encoding="utf-8")
    site = tmp_path / "site"
    assert run_build(project, site).returncode == 0
    tab = browser.new_page()
    url = site.as_uri()
    open_search(tab, f"{url}/index.html")
    result = run_query(tab, url, site, "任期更替专用词", [])
    tab.close()
    assert result.h1s and "换届" in result.h1s[0], result.h1s


def test_offline_zip_searches_from_file_url(tmp_path: Path, site: Path, browser):
    archive = tmp_path / "kb-offline.zip"
    pack(site, archive)
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(tmp_path / "unzipped")
    copy = tmp_path / "unzipped" / TOP
    url = copy.as_uri()
    tab = browser.new_page()
    outside = []
    tab.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:", "blob:",
                                                                                "about:")) else None)
    open_search(tab, f"{url}/index.html")
    result = run_query(tab, url, copy, "换届选举", ["换届"])
    assert result.passed, result.h1s
    tab.locator("li.md-search-result__item > a").first.click()
    tab.wait_for_function("() => (document.querySelector('article h1') || {}).textContent?.includes('换届')",
                          timeout=15_000)
    tab.goto(f"{url}/checklists/hj.html")
    printed = PdfReader(io.BytesIO(tab.pdf(prefer_css_page_size=True)))
    tab.close()
    assert len(printed.pages) <= 2 and "HJ-01" in printed.pages[0].extract_text()
    assert not outside, outside


@pytest.mark.parametrize("query, words, expected", [
    ("三会一课", ["三会一课", "三会", "一课"], "*三会一课"),            # the last character counts
    ("活动室", ["党员活动室"], "*活动室"),                                # infix: part of an indexed word
    ("支委会多久开一次", ["支委会", "多久", "一次"], "*支委会"),          # filler words dropped
    ("党日", ["主题党日"], "*党日"),
    ("没有的词", ["三会一课"], "*没有的词"),                              # nothing known: the query as typed
])
def test_query_segmenter_in_the_browser(browser, query, words, expected):
    from scripts.kb.search.worker_patch import segmenter_source

    page = browser.new_page()
    page.add_script_tag(content=segmenter_source())
    result = page.evaluate("([q, words]) => { const index = {}; words.forEach(w => index[w] = 1);"
                           " return [...kbSegment(q, index)]; }", [query, words])
    page.close()
    assert result == [expected]


@pytest.mark.parametrize("query, expected", [("HJ-03", "+HJ\u201003"), ("WT-02.2 记录", "+WT\u201002.2 记录"),
                                             ("UTF-8", "UTF-8"), ("GC-HJ-2", "+GC\u2010HJ\u20102")])
def test_typed_ids_become_required_terms(browser, query, expected):
    from scripts.kb.search.worker_patch import segmenter_source

    page = browser.new_page()
    page.add_script_tag(content=segmenter_source())
    result = page.evaluate("q => kbIds(q)", query)
    page.close()
    assert result == expected
