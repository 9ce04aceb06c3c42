"""What a browser shows: no request leaves the machine, no serious accessibility violation in either
palette, and phones get pages without sideways scrolling and a usable search."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from scripts.dev.browser_search import open_search, run_query, wait_until_settled

PAGE_TYPES = {
    "home": "index.html",
    "survey": "survey/problems.html",
    "procedure": "procedures/huanjie.html",
    "template": "procedures/templates/huiyi-jilu.html",
    "checklist": "checklists/hj.html",
    "checklist-index": "checklists/index.html",
    "glossary": "glossary/index.html",
    "matrix": "survey/matrix.html",
}


def test_no_page_requests_an_outside_host(browser, server, site: Path):
    page = browser.new_page()
    outside: list[str] = []
    local = urlsplit(server).netloc
    page.on("request", lambda r: outside.append(r.url)
            if urlsplit(r.url).scheme in ("http", "https") and urlsplit(r.url).netloc != local else None)
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) > 30
    for rel in pages:
        page.goto(f"{server}/{rel}", wait_until="networkidle")
    open_search(page, f"{server}/index.html")
    run_query(page, server, site, "三会一课", [])
    page.close()
    assert not outside, outside


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("kind", [*PAGE_TYPES, "search-open"])
def test_no_serious_accessibility_violations(browser, server, site: Path, kind: str, scheme: str):
    page = browser.new_page()
    # Material keeps the chosen palette in localStorage; set it before the page renders.
    page.add_init_script(f"""localStorage.setItem("/.__palette", JSON.stringify({{index: {0 if scheme == 'default' else 1},
        color: {{media: "", scheme: "{scheme}", primary: "custom", accent: "custom"}}}}))""")
    if kind == "search-open":
        open_search(page, f"{server}/index.html")
        run_query(page, server, site, "民主生活会", [])
    else:
        page.goto(f"{server}/{PAGE_TYPES[kind]}")
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == scheme
    # Axe blends colours through opacity: measured while the search panel fades in (0.4 s, longer on a busy
    # machine), text is paler than anyone reading it sees.
    wait_until_settled(page)
    results = Axe().run(page)
    page.close()
    serious = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
               for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(serious)


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_phone_pages_do_not_scroll_sideways(browser, server, kind: str):
    page = browser.new_page(viewport={"width": 375, "height": 667}, device_scale_factor=2, is_mobile=True,
                            has_touch=True)
    page.goto(f"{server}/{PAGE_TYPES[kind]}")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    page.close()
    assert overflow <= 0, f"{kind}: {overflow}px wider than the screen"


def test_phone_search_is_usable(browser, server, site: Path):
    page = browser.new_page(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    open_search(page, f"{server}/index.html")
    result = run_query(page, server, site, "换届选举", ["GC-HJ", "SY-17", "GC-HJ-1"])
    wait_until_settled(page)
    box = page.locator("li.md-search-result__item").first.bounding_box()
    page.close()
    assert result.passed, result.targets
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375
