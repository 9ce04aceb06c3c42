"""Our search in a real browser, through the real search box: the evaluation set (ours against Material's
stock search on the same site), IDs, titles, answering sections, input without key events, pinyin and
traditional input, honest misses, inert markup, and the same search from an unzipped offline copy."""

from __future__ import annotations

import collections
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, build_env, run_build
from pypdf import PdfReader
from sources import text_of

from scripts.dev.bench_search import default_search_project
from scripts.dev.browser_search import (
    NOT_COVERED,
    RESULT_ITEMS,
    SEARCH_INPUT,
    load_queries,
    open_search,
    run_all,
    run_query,
    scores,
    summary,
)
from scripts.dev.project_copy import copy_project
from scripts.offline_zip import TOP, pack

EVAL = load_queries(ROOT / "tests" / "data" / "search-eval.yml")


@pytest.fixture(scope="module")
def search_page(browser, server):
    page = browser.new_page()
    open_search(page, f"{server}/index.html")
    yield page
    page.close()


@pytest.fixture(scope="module")
def stock_site(tmp_path_factory) -> Path:
    """The same site with Material's untouched search (the benchmark's INHERIT config)."""
    base = tmp_path_factory.mktemp("stock")
    config = default_search_project(base / "project")
    out = base / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)],
                            cwd=config.parent, env=build_env(), capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def ask(search_page, server, site, query: str):
    return run_query(search_page, server, site, query)


def texts(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "l => l.map(e => e.textContent)")


def _report(name: str, results) -> str:
    by_kind = collections.defaultdict(list)
    for r in results:
        by_kind[r.kind].append(r)
    lines = [f"{name}：{summary(results)}"]
    lines += [f"  {kind}：{summary(items)}" for kind, items in sorted(by_kind.items())]
    return "\n".join(lines)


def test_evaluation_set_ours_against_stock(browser, server, site, stock_site, capsys):
    from scripts.dev.static_server import serve

    ours = run_all(browser, server, site, EVAL)
    with serve(stock_site) as stock_url:
        stock = run_all(browser, stock_url, stock_site, EVAL)
    with capsys.disabled():
        print("\n== 检索评测（tests/data/search-eval.yml，节级） ==")
        print(_report("本站检索", ours))
        print(_report("Material 默认", stock))
    mine, theirs = scores(ours), scores(stock)
    failed = [f"{r.kind} {r.query} → {r.targets[:3]} {r.titles[:1]}" for r in ours if not r.passed]
    assert mine.top3 >= 0.90, "\n".join(failed)
    assert not mine.notices_missing, mine.notices_missing
    assert not mine.notices_wrong, mine.notices_wrong
    assert mine.top3 >= theirs.top3 + 0.2 and mine.mrr >= theirs.mrr + 0.2, (mine, theirs)


def test_evaluation_set_is_big_enough_and_has_misses():
    assert len(EVAL) >= 120
    assert sum(q["expect"] == NOT_COVERED for q in EVAL) >= 5


@pytest.mark.parametrize("query, anchor", [("HJ-03", "HJ-03"), ("hj-03", "HJ-03"), ("HJ - 03", "HJ-03"),
                                           ("SHYK-12", "SHYK-12"), ("GC-HJ-2", "GC-HJ-2"), ("WT-02.2", "WT-02.2")])
def test_an_id_comes_first(search_page, server, site, query, anchor):
    result = ask(search_page, server, site, query)
    assert result.targets and result.targets[0].endswith("#" + anchor), result.targets[:3]


@pytest.mark.parametrize("query, target", [("换届选举工作规程", "procedures/huanjie.html"),
                                           ("组织生活会", "glossary/index.html#SY-07"),
                                           ("民主生活会", "glossary/index.html#SY-08")])
def test_a_title_or_term_comes_first(search_page, server, site, query, target):
    result = ask(search_page, server, site, query)
    assert result.targets[:1] == [target], result.targets[:3]


def test_the_answering_section_is_visible_with_its_own_snippet(search_page, server, site):
    ask(search_page, server, site, "支委会多久开一次")
    first = search_page.locator(RESULT_ITEMS).first
    # The page title as heading, the section right under it (not in the collapsed block), with a marked snippet.
    assert first.locator(":scope > a h1").count() == 1
    section = first.locator(":scope > a").nth(1)
    assert section.locator("h2").count() == 1
    assert "支委会" in "".join(first.locator(":scope > a mark").all_text_contents())
    assert len(section.locator("article").text_content()) < 200


def test_synonyms_and_kept_apart_terms(search_page, server, site):
    result = ask(search_page, server, site, "支部大会")
    assert any(t.endswith("#SY-02") or "GC-SHYK-3" in t for t in result.targets[:3]), result.targets[:3]
    zuzhi = ask(search_page, server, site, "组织生活会")
    assert zuzhi.targets[0].endswith("#SY-07"), zuzhi.targets[:3]
    assert not any(t.endswith("#SY-08") for t in zuzhi.targets[:3]), zuzhi.targets[:3]


@pytest.mark.parametrize("query, target", [("shyk", "#SY-01"), ("sanhuiyike", "#SY-01"), ("谈心谈化", "#SY-09"),
                                           ("支布", "#"), ("組織生活會", "#SY-07"), ("ＨＪ－０３", "#HJ-03"),
                                           ("三 会 一 课", "#SY-01")])
def test_pinyin_homophones_traditional_and_full_width(search_page, server, site, query, target):
    result = ask(search_page, server, site, query)
    assert result.targets and not result.notice, (query, result.titles)
    assert any(target in t for t in result.targets[:3]), (query, result.targets[:3])


def test_partial_matches_are_ranked_and_missing_words_shown(search_page, server, site):
    result = ask(search_page, server, site, "会议记录 年月日 火星")
    assert result.targets and not result.notice
    missing = texts(search_page, f"{RESULT_ITEMS} .md-search-result__terms del")
    assert "火星" in missing, missing


@pytest.mark.parametrize("query", ["党内统计", "流动党员管理", "困难党员帮扶"])
def test_out_of_scope_gets_one_honest_notice(search_page, server, site, query):
    result = ask(search_page, server, site, query)
    assert len(result.targets) == 1 and result.titles[0] == f"本站未收录「{query}」", result.titles
    shown = " ".join(texts(search_page, f"{RESULT_ITEMS} h2"))
    assert "术语表" in shown and "编号索引" in shown, shown
    covers = search_page.locator(f"{RESULT_ITEMS} article").nth(1).text_content()
    assert "工作规程" in covers and "检查清单" in covers, covers
    # The line above the results does not count the notice as a result found.
    meta = search_page.locator(".md-search-result__meta").text_content()
    assert "符合条件" not in meta and "没有" in meta, meta


def test_result_count_returns_after_a_notice(search_page, server, site):
    ask(search_page, server, site, "党内统计")
    result = ask(search_page, server, site, "换届")
    meta = search_page.locator(".md-search-result__meta").text_content()
    assert result.targets and not result.notice and "符合条件" in meta, meta


def _synonym_group(word: str) -> set[str]:
    import yaml

    for entry in yaml.safe_load((ROOT / "docs/glossary/synonyms.yml").read_text(encoding="utf-8")):
        if word == entry["use"] or word in entry["variants"]:
            return {entry["use"], *entry["variants"]}
    return {word}



def test_the_synonym_table_is_shown_but_not_searched_as_text(site, html_pages):
    """The worker applies the synonym table to every query; as indexed text its rows made any word inside a
    variant (述职 in 党建述职评议) look covered by a page about nothing of the kind."""
    import json

    import yaml

    rows = [entry["use"] + "".join(entry["variants"]) for entry in
            yaml.safe_load((ROOT / "docs/glossary/synonyms.yml").read_text(encoding="utf-8"))]
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    indexed = [re.sub(r"[\s、]", "", d.get("text", "")) for d in index["docs"]]
    assert not [row for row in rows if any(row in text for text in indexed)]
    shown = re.sub(r"[\s、]", "", text_of(html_pages["glossary/index.html"]))
    assert all(row in shown for row in rows)

# Snippets are cut and marked by positions in the normalised text: "……" (which NFKC makes "......") once moved
# every mark after it, so punctuation and half words were highlighted instead of the word.
@pytest.mark.parametrize("query", ["听取意见", "换届选举"])
def test_highlights_mark_the_words_found(search_page, server, site, query):
    result = ask(search_page, server, site, query)
    assert result.targets and not result.notice
    marks = set(texts(search_page, f"{RESULT_ITEMS} article mark"))
    assert marks, result.titles
    words = _synonym_group(query)
    assert all(any(m in w for w in words) for m in marks), marks


def test_a_word_typed_twice_counts_once(search_page, server, site):
    once = ask(search_page, server, site, "党员 主题党日")
    thrice = ask(search_page, server, site, "党员 党员 党员 主题党日")
    assert thrice.targets[:3] == once.targets[:3], (once.targets[:3], thrice.targets[:3])


def test_a_pasted_page_of_text_still_answers(search_page, server, site):
    result = ask(search_page, server, site, "换届选举" + "党员大会" * 2500)
    assert result.targets and not result.notice, result.titles


# A figure with its unit is looked up as written: the number alone would match every ID and clause number with
# that digit (任期3年 is 支部工作条例第二十一条, not 第十三条).
@pytest.mark.parametrize("query", ["3年", "5年"])
def test_a_number_with_its_unit_is_found_as_written(search_page, server, site, query):
    result = ask(search_page, server, site, query)
    assert any(t.endswith("#FG-ZB-21") for t in result.targets[:3]), result.targets[:3]


# A run typed as one word that only a section or two hold as typed (档案编号) still lists the sections that treat
# its words apart, after the ones that hold it as typed.
def test_a_rare_run_also_finds_its_words_apart(search_page, server, site):
    import json

    query = "档案编号"
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    bare = lambda text: re.sub(r"[\s、，,。；;：:（）()“”]", "", text)  # punctuation aside
    verbatim = {d["location"] for d in docs if query in bare(" ".join([d["title"], d["text"], *d.get("aliases", [])]))}
    assert 0 < len(verbatim) < 3
    result = ask(search_page, server, site, query)
    assert not result.notice and result.targets[0] in verbatim, result.targets[:3]
    assert len(result.targets) >= 3 and set(result.targets) - verbatim, result.targets
    # A result that holds both words is not said to lack the run.
    shown = search_page.eval_on_selector_all(RESULT_ITEMS, """items => items.map(li => ({
        marks: [...li.querySelectorAll('mark')].map(m => m.textContent),
        missing: [...li.querySelectorAll('.md-search-result__terms del')].map(d => d.textContent)}))""")
    both = [r for r in shown if {"档案", "编号"} <= set(r["marks"])]
    assert both and not [r for r in both if query in r["missing"]], shown[:4]


# A question joins its words with function characters (要, 和, 的) and puts them in its own order: neither may make
# a topic the site covers look like an unknown compound, nor make an uncovered one look covered.
@pytest.mark.parametrize("query, accepted", [("换届要提前多久", {"HJ-03", "HJ-04", "GC-HJ-1"}),
                                             ("会议记录本丢了怎么办", {"BDW-JL-4", "TH-03.2", "GC-JL-6"}),
                                             # two words typed as one run, the longer a word in itself
                                             ("党小组长职责", {"scope"}),
                                             ("政工干事培训", {"JY-01.1", "KH-11", "SY-16"}),
                                             # two short words the site treats in the same sections
                                             ("书记职责", {"scope"}),
                                             # 方案 says what kind of document, not what about
                                             ("主题党日活动方案", {"GC-SHYK-6", "procedures/shyk.html"})])
def test_a_question_in_its_own_words_finds_the_topic(search_page, server, site, query, accepted):
    result = ask(search_page, server, site, query)
    anchors = {target.split("#")[-1] for target in result.targets[:3]}
    assert not result.notice and accepted & anchors, result.targets[:3]


@pytest.mark.parametrize("query", ["纪律处分和组织处理的区别", "工会经费和党费的区别", "党员组织关系怎么转"])
def test_a_question_about_an_uncovered_pair_is_an_honest_miss(search_page, server, site, query):
    assert ask(search_page, server, site, query).notice


# The worker looks words up in maps keyed by text: a word that names a built-in property of a JavaScript object
# must be an ordinary word (it once threw inside the worker, and the reader got an empty list).
@pytest.mark.parametrize("query", ["constructor", "__proto__", "toString", "hasOwnProperty"])
def test_words_that_name_object_properties_are_ordinary_words(search_page, server, site, query):
    alone = ask(search_page, server, site, query)
    assert alone.titles == [f"本站未收录「{query.lower()}」"], alone.titles
    with_topic = ask(search_page, server, site, f"三会一课 {query}")
    assert with_topic.targets and not with_topic.notice, with_topic.titles


@pytest.mark.parametrize("query", ["制度", "标准"])
def test_only_generic_words_are_not_a_miss(search_page, server, site, query):
    result = ask(search_page, server, site, query)
    assert result.targets and not result.notice, result.titles


def test_text_without_key_events_searches(browser, server, site):
    page = browser.new_page()
    open_search(page, f"{server}/index.html")
    # A value set by a script (dictation, handwriting) followed by an input event, and an IME's compositionend.
    page.evaluate("""() => { const box = document.querySelector('input.md-search__input');
        box.value = '换届'; box.dispatchEvent(new InputEvent('input', {bubbles: true})); }""")
    page.wait_for_function("() => document.querySelectorAll('li.md-search-result__item').length > 0")
    page.evaluate("""() => { const box = document.querySelector('input.md-search__input');
        box.value = '主题党日'; box.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: '主题党日'})); }""")
    page.wait_for_function("() => [...document.querySelectorAll('li.md-search-result__item mark')]"
                           ".some(m => m.textContent.includes('主题党日'))")
    # While an input method is still composing, the half-typed pinyin is not searched.
    page.evaluate("""() => { const box = document.querySelector('input.md-search__input');
        box.value = 'zhuti'; box.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true})); }""")
    page.wait_for_timeout(400)
    marks = texts(page, f"{RESULT_ITEMS} mark")
    page.close()
    assert any("主题党日" in m for m in marks), marks


def test_result_titles_have_no_zero_width_spaces_or_odd_hyphens(search_page, server, site):
    ask(search_page, server, site, "民主生活会")
    titles = texts(search_page, ".md-search-result__article h1, .md-search-result__article h2")
    ask(search_page, server, site, "HJ-03")
    snippet = " ".join(texts(search_page, ".md-search-result__article"))
    assert titles and not any("\u200b" in t or "\u2010" in t for t in titles), titles
    assert "HJ-03" in snippet and "依据：" in snippet and "符合不符合" not in snippet, snippet


def test_chinese_terms_are_highlighted_on_the_result_page(browser, server, site):
    page = browser.new_page()
    open_search(page, f"{server}/index.html")
    run_query(page, server, site, "谈心谈话")
    page.locator(f"{RESULT_ITEMS} > a").first.click()
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
    result = run_query(tab, url, site, "任期更替专用词")
    tab.close()
    assert result.targets[:1] == ["procedures/huanjie.html"], result.targets


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
    result = run_query(tab, url, copy, "换届选举", ["GC-HJ", "SY-17", "GC-HJ-1"])
    assert result.passed, result.targets
    miss = run_query(tab, url, copy, "党内统计", NOT_COVERED)
    assert miss.passed, miss.titles
    run_query(tab, url, copy, "换届选举")
    tab.locator(f"{RESULT_ITEMS} > a").first.click()
    tab.wait_for_function("() => [...document.querySelectorAll('article mark')].some(m => m.textContent.includes('换届'))",
                          timeout=15_000)
    tab.goto(f"{url}/checklists/hj.html")
    printed = PdfReader(io.BytesIO(tab.pdf(prefer_css_page_size=True)))
    tab.close()
    assert len(printed.pages) <= 2 and "HJ-01" in printed.pages[0].extract_text()
    assert not outside, outside


def test_box_value_is_not_echoed_as_markup(search_page, server, site):
    dialogs = []
    search_page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    ask(search_page, server, site, "<img src=x onerror=alert(1)>换届")
    # The worker answered (a worker that throws would show no results and no markup either) ...
    results = search_page.locator(RESULT_ITEMS)
    assert results.count() > 0 and "换届" in results.first.text_content()
    # ... and the markup typed into the box stayed text wherever the results show it.
    assert search_page.locator(f"{RESULT_ITEMS} img, .md-search-result img").count() == 0 and not dialogs
    box = search_page.locator(SEARCH_INPUT)
    box.fill("")
