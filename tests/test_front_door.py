"""The front door and the paths through the site (issue 14): the home page's title and first screen, forward
links from survey entries to procedure steps and checklist items, the matrix on a phone, no sideways scrolling,
a date and a feedback link on every page, reading without JavaScript, 404 from disk, templates on paper,
keyboard focus in the search dialog, and the opening instructions of the offline zip."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from kbtree import site_of, write_tree
from pypdf import PdfReader
from sources import (
    DOCS,
    ROOT,
    checklists,
    heading_ids,
    html_path,
    on_paper,
    pages_with_front_matter,
    soup,
    squeeze,
    text_of,
)

from scripts.dev.browser_search import open_search, run_query
from scripts.offline_zip import README_NAME, TOP, pack

SITE_NAME = next(line.split(":", 1)[1].strip() for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
                 if line.startswith("site_name:"))


def test_home_title_is_not_repeated(html_pages):
    assert soup(html_pages["index.html"]).find("title").get_text() == SITE_NAME


def test_pages_say_what_needs_javascript_when_it_is_off(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/checklists/hj.html")
    notice = page.locator(".kb-noscript")
    shown = notice.count() == 1 and notice.is_visible() and "极速模式" in notice.text_content()
    context.close()
    assert shown
    page = browser.new_page()
    page.goto(f"{server}/checklists/hj.html")
    hidden = not page.locator(".kb-noscript").is_visible()
    page.close()
    assert hidden


def test_offline_zip_opens_with_instructions(site: Path, tmp_path: Path):
    archive = tmp_path / "kb.zip"
    pack(site, archive)
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        text = zf.read(README_NAME).decode("utf-8-sig")
    assert README_NAME in names and f"{TOP}/index.html" in names
    assert "index.html" in text and "极速模式" in text and "不发送任何数据" in text


# ---- Home page: the ways in within the first screen ---------------------------------------------------------

ENTRIES = ["survey/index.html", "procedures/index.html", "checklists/index.html"]
SCREENS = {"desktop": (1366, 768), "phone": (375, 667)}


@pytest.mark.parametrize("screen", list(SCREENS))
def test_home_entry_links_are_on_the_first_screen(browser, server, screen):
    width, height = SCREENS[screen]
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(f"{server}/index.html")
    boxes = {href: page.locator(f'.kb-entries a[href="{href}"]').bounding_box() for href in ENTRIES}
    search = page.locator('.kb-entries a[href="guide/index.html#search"]')  # a link: reachable with Tab, and
    boxes["search"] = search.bounding_box()                                  # the tips without JavaScript
    sentence = page.locator("article h1 + p").bounding_box()
    search.click()
    opened = page.evaluate("() => document.getElementById('__search').checked"
                           " && document.activeElement === document.querySelector('.md-search__input')")
    page.close()
    late = {name: box for name, box in boxes.items() if box is None or box["y"] + box["height"] > height}
    assert not late, late
    assert sentence["y"] + sentence["height"] <= height  # what the site is, before the entries
    assert opened


def test_home_names_its_sections_as_links(html_pages):
    intro = soup(html_pages["index.html"]).select("article li a[href]")
    targets = {a["href"] for a in intro}
    assert {"survey/index.html", "procedures/index.html", "checklists/index.html",
            "basis/regulations.html", "glossary/index.html"} <= targets


def test_checklist_index_offers_the_booklets_before_the_table(html_pages):
    page = soup(html_pages["checklists/index.html"])
    booklet = page.find("a", href="booklet-trainer.pdf")
    table = page.find("table")
    assert booklet is not None and booklet.find_next("table") is table


# ---- Forward links: problem → step → item -------------------------------------------------------------------

SURVEY_PAGES = {"WT": "survey/problems.md", "JY": "survey/recommendations.md", "TH": "survey/lessons.md"}


def _resolves(site: Path, page: str, href: str) -> bool:
    path, _, anchor = href.partition("#")
    target = (site / page).parent / path if path else site / page
    if not target.is_file():
        return False
    return not anchor or f'id="{anchor}"' in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", list(SURVEY_PAGES))
def test_every_survey_entry_links_forward(site: Path, html_pages, prefix):
    src = SURVEY_PAGES[prefix]
    page = soup(html_pages[html_path(src)])
    missing, broken = [], []
    for id_ in heading_ids(src, prefix):
        heading = page.find(id=id_)
        forward = heading.find_next_sibling()
        links = forward.find_all("a", href=True) if forward and "kb-forward" in forward.get("class", []) else []
        if not links or "落实到" not in forward.get_text():
            missing.append(id_)
        broken += [f"{id_} → {a['href']}" for a in links if not _resolves(site, html_path(src), a["href"])]
    assert not missing and not broken, (missing, broken)


def test_every_cited_step_links_to_its_items(site: Path, html_pages):
    cited: dict[str, set[str]] = {}
    for checklist in checklists():
        for item in checklist["items"]:
            for ref in item["basis"]:
                if re.fullmatch(r"GC-[A-Z]+-\d+", ref):
                    cited.setdefault(ref, set()).add(item["id"])
    assert cited, "no checklist item cites a procedure step"
    steps = {id_: src for src in pages_with_front_matter("procedures") for id_ in heading_ids(src, "GC")}
    problems = []
    for step, items in cited.items():
        page = soup(html_pages[html_path(steps[step])])
        forward = page.find(id=step).find_next_sibling(class_="kb-forward")
        linked = {a["href"].rpartition("#")[2] for a in forward.find_all("a", href=True)} if forward else set()
        if not items <= linked or "对应检查项" not in forward.get_text():
            problems.append(f"{step}: {sorted(items - linked)}")
    assert not problems, problems


def test_matrix_shows_titles_and_becomes_a_list_on_a_phone(browser, server, html_pages):
    rows = soup(html_pages["survey/matrix.html"]).select("#overview ~ table.kb-stack tbody tr")
    text = re.sub(r"\s+", "", rows[0].get_text())
    titles = re.findall(r"^## (JY-0\d) (.+?) \{#", (DOCS / "survey/recommendations.md").read_text(encoding="utf-8"),
                        re.MULTILINE)
    cited = [title for id_, title in titles if id_ in text]
    assert cited and all(re.sub(r"\s+", "", t) in text for t in cited)  # titles beside the IDs
    page = browser.new_page(viewport={"width": 375, "height": 667})
    page.goto(f"{server}/survey/matrix.html")
    cells = page.eval_on_selector_all("table.kb-stack td", "tds => tds.map(td => [getComputedStyle(td).display,"
                                      " getComputedStyle(td, '::before').content])")
    page.close()
    assert cells and all(display == "block" and label not in ("none", "normal") for display, label in cells)


# ---- Every page on a phone, dates, feedback -----------------------------------------------------------------

_WIDER_THAN_SCREEN = """() => Array.from(document.querySelectorAll('.md-content *'))
  .filter(e => { const r = e.getBoundingClientRect(); return r.width && r.right > innerWidth + 1; })
  .slice(0, 3).map(e => e.tagName + '.' + e.className)"""


def test_no_element_is_wider_than_a_phone_screen(browser, server, site: Path):
    page = browser.new_page(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    wide = {}
    for path in sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")):
        page.goto(f"{server}/{path}")
        found = page.evaluate(_WIDER_THAN_SCREEN)
        if found:
            wide[path] = found
    page.close()
    assert not wide, wide


def _cn(iso) -> str:
    year, month, day = (int(p) for p in str(iso).split("-"))
    return f"{year}年{month}月{day}日"


def test_every_page_shows_when_it_last_changed(html_pages):
    undated = [path for path, html in html_pages.items() if path != "404.html"
               and not re.search(r"本页更新于 \d{4}年\d{1,2}月\d{1,2}日", soup(html).select_one(".kb-page-foot").get_text()
                                 if soup(html).select_one(".kb-page-foot") else "")]
    assert not undated, undated
    for checklist in checklists():
        foot = soup(html_pages[f"checklists/{checklist['slug']}.html"]).select_one(".kb-page-foot").get_text()
        assert f"本页更新于 {_cn(checklist['updated'])}" in foot, checklist["id"]
    for src, meta in pages_with_front_matter("procedures").items():
        latest = max(str(c["date"]) for c in meta["changes"])
        assert f"本页更新于 {_cn(latest)}" in soup(html_pages[html_path(src)]).select_one(".kb-page-foot").get_text()


def test_every_page_links_to_feedback_with_its_own_reference(site: Path, html_pages):
    procedures = pages_with_front_matter("procedures")
    for path, html in html_pages.items():
        if path == "404.html":
            continue
        foot = soup(html).select_one(".kb-page-foot")
        link = foot.find("a", string="纠错与建议")
        assert link is not None and _resolves(site, path, link["href"]), path
        assert link["href"].endswith("guide/feedback.html") or link["href"] == "feedback.html"
        ref = foot.select_one(".kb-feedback-ref").get_text()
        # <title> is "page - site", the home page's only the site's name (see test_home_title_is_not_repeated).
        title = "首页" if path == "index.html" else soup(html).find("title").get_text().split(" - ")[0]
        assert ref.startswith(f"页面：{title}"), (path, ref)
    for src, meta in procedures.items():
        ref = soup(html_pages[html_path(src)]).select_one(".kb-feedback-ref").get_text()
        assert f"（{meta['id']}，版本 {meta['version']}，参考文本）" in ref, ref
    for checklist in checklists():
        ref = soup(html_pages[f"checklists/{checklist['slug']}.html"]).select_one(".kb-feedback-ref").get_text()
        assert f"（{checklist['id']}，版本 {checklist['version']}，参考文本）" in ref, ref


def test_feedback_page_says_what_to_report_and_to_whom(html_pages):
    text = text_of(html_pages["guide/feedback.html"])
    for word in ("页面", "编号", "问题", "出处", "维护本站的党建工作部门"):
        assert word in text, word


def test_unit_edition_names_who_receives_corrections(tmp_path):
    docs = write_tree(tmp_path)
    page = site_of(docs, "demo").files["guide/feedback.md"]
    unit = yaml.safe_load((docs / "units" / "demo.yml").read_text(encoding="utf-8"))
    assert unit["corrections_to"] in page and unit["full_name"] in page


# ---- Without JavaScript, from disk, on paper, with the keyboard ---------------------------------------------

NO_SCRIPT_PAGES = ["index.html", "survey/problems.html", "procedures/huanjie.html", "checklists/hj.html",
                   "glossary/index.html", "survey/matrix.html"]


def test_pages_read_navigate_and_print_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1366, "height": 768})
    page = context.new_page()
    printed = {}
    for path in NO_SCRIPT_PAGES:
        page.goto(f"{server}/{path}")
        assert page.locator("article h1").is_visible(), path
        printed[path] = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True))).pages[0].extract_text()
    page.goto(f"{server}/index.html")
    page.click('.md-sidebar--primary a[href="procedures/huanjie.html"]')
    arrived = page.url.endswith("procedures/huanjie.html") and page.locator("article h1").is_visible()
    context.close()
    assert arrived
    assert all(text.strip() for text in printed.values()), [p for p, t in printed.items() if not t.strip()]


_STYLED = "() => getComputedStyle(document.querySelector('.md-header')).position === 'sticky'"


def test_404_page_is_styled_from_disk_and_at_a_missing_address(browser, server, site: Path):
    page = browser.new_page()
    page.goto((site / "404.html").as_uri())
    from_disk = page.evaluate(_STYLED) and "找不到这个页面" in page.locator("article h1").inner_text()
    # A web server answers a missing address deep in the site with this page, at that address.
    body = (site / "404.html").read_text(encoding="utf-8")
    page.route("**/survey/gone.html", lambda route: route.fulfill(status=404, body=body, content_type="text/html"))
    page.goto(f"{server}/survey/gone.html")
    served = page.evaluate(_STYLED)
    home = page.locator("article a", has_text="回到首页").get_attribute("href")
    page.close()
    assert from_disk and served
    assert home in ("./index.html", "index.html")  # resolved against <base href="/"> on a server


def test_old_engine_notice_is_in_every_page_and_hidden_in_current_browsers(browser, server, html_pages):
    missing = [p for p, html in html_pages.items() if p != "404.html" and not soup(html).select_one(".kb-legacy")]
    assert not missing, missing
    page = browser.new_page()
    page.goto(f"{server}/index.html")
    shown = page.locator(".kb-legacy").is_visible()
    page.close()
    assert not shown
    head = soup(html_pages["index.html"]).head
    assert head.find("meta", attrs={"name": "renderer", "content": "webkit"}) is not None


def test_phone_pages_fit_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 667})
    page = context.new_page()
    wide = {}
    for path in ["checklists/hj.html", "checklists/shh.html", "procedures/kaohe.html", "survey/matrix.html",
                 "procedures/templates/huanjie-wenshu.html", "index.html"]:
        page.goto(f"{server}/{path}")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        if overflow > 0:
            wide[path] = overflow
    context.close()
    assert not wide, wide


def test_checklist_pages_and_index_link_every_download_and_the_booklet(html_pages):
    for checklist in checklists():
        page = soup(html_pages[f"checklists/{checklist['slug']}.html"])
        assert page.find("a", href="booklet-trainer.pdf") is not None, checklist["id"]
    index = soup(html_pages["checklists/index.html"])
    for checklist in checklists():
        row = index.find("td", string=checklist["id"]).find_parent("tr")
        hrefs = {a["href"] for a in row.find_all("a", href=True)}
        assert {f"{checklist['slug']}{ext}" for ext in (".pdf", ".xlsx", ".docx", ".csv")} <= hrefs


def test_blank_templates_print_one_sheet_without_the_status_block(browser, server):
    page = browser.new_page()
    problems = []
    for src, meta in pages_with_front_matter("procedures/templates").items():
        page.goto(f"{server}/{html_path(src)}")
        pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
        text = squeeze(pdf.pages[0].extract_text())
        if len(pdf.pages) != 1 or squeeze(f"{meta['id']} 版本 {meta['version']}") not in text:
            problems.append(f"{src}: {len(pdf.pages)} pages")
        if "最近修订" in text or "状态:" in text or "状态：" in text:
            problems.append(f"{src}: status block printed")
        # What goes into the file is the form: notes for whoever fills it in (what the site advises, which
        # rule says so) stay on screen.
        if not on_paper(meta["title"], text) or "本站" in text or re.search(r"(?:FG|WT|JY|TH|GC|BDW)-[A-Z0-9]", text):
            problems.append(f"{src}: notes printed: {text[:120]}")
    page.close()
    assert not problems, problems


def test_tab_passes_through_an_empty_search_box(browser, server):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(f"{server}/index.html")
    page.focus(".md-search__input")
    page.keyboard.press("Tab")
    left = page.evaluate("() => !document.querySelector('.md-search').contains(document.activeElement)")
    page.close()
    assert left  # no results to move between: Tab moves on instead of trapping the reader in the box


def test_tab_stays_inside_the_open_search(browser, server, site: Path):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    open_search(page, f"{server}/index.html")
    run_query(page, server, site, "换届", [])
    inside = []
    for key in ["Tab"] * 4 + ["Shift+Tab"] * 6:
        page.keyboard.press(key)
        inside.append(page.evaluate("() => document.querySelector('.md-search').contains(document.activeElement)"
                                    " && document.getElementById('__search').checked"))
    page.keyboard.press("Escape")
    closed = not page.evaluate("() => document.getElementById('__search').checked")
    page.close()
    assert all(inside) and closed, inside


def test_feedback_reference_follows_the_address_and_survives_a_malformed_one(browser, server):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server}/checklists/hj.html#HJ-03")
    ref = page.locator(".kb-feedback-ref")
    assert "编号：HJ-03；" in ref.text_content()
    page.evaluate("() => { location.hash = '%E4%B8'; }")
    page.wait_for_function("() => document.querySelector('.kb-feedback-ref').textContent.includes('编号：；')")
    page.close()
    assert not errors, errors
