"""Runs queries through the site's real search box in Chromium, the way a reader types them.

Shared by the browser tests and the benchmark: both need the same notion of "the first three results"."""

from __future__ import annotations

import html
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps trying Google's hosts on this closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
SEARCH_INPUT = "input.md-search__input"
RESULT_ITEMS = "li.md-search-result__item"

# Records when the result list last changed, so timing covers rendering, not just the worker.
_WATCH_RESULTS = """() => {
  const list = document.querySelector('.md-search-result__list');
  window.__kbLastChange = 0;
  new MutationObserver(() => { window.__kbLastChange = performance.now(); })
    .observe(list, {childList: true, subtree: true, characterData: true});
}"""


@dataclass
class QueryResult:
    query: str
    hits: list[str]              # accepted words from search-queries.yml
    top: list[str]               # site-relative paths of the first three results
    h1s: list[str]
    millis: float

    @property
    def passed(self) -> bool:
        return any(word in h1 for h1 in self.h1s for word in self.hits)


def load_queries(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def h1_of(site: Path, rel: str) -> str:
    page = (site / rel).read_text(encoding="utf-8")
    match = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else ""


def open_search(page, url: str) -> None:
    page.goto(url)
    # Desktop shows the box in the header; narrow screens show a magnifier button that opens it.
    opener = page.locator("label.md-header__button[for=__search]")
    if opener.is_visible():
        opener.click()
    page.click(SEARCH_INPUT)
    # The worker has loaded the index once the "initialising" message is gone.
    page.wait_for_function("() => { const m = document.querySelector('.md-search-result__meta');"
                           " return m && m.textContent.trim() && !m.textContent.includes('初始化'); }")
    page.evaluate(_WATCH_RESULTS)


def run_query(page, base_url: str, site: Path, query: str, hits: list[str]) -> QueryResult:
    box = page.locator(SEARCH_INPUT)
    box.fill("")
    box.press("Backspace")
    page.wait_for_timeout(150)
    # Chinese is entered through an input method, which fires no key events per character; Material reads
    # the box on keyup, so the query is committed with one key press, as when a reader presses End or Space.
    box.fill(query)
    start = page.evaluate("() => performance.now()")
    box.press("End")
    # Results are final once the list has stopped changing for a moment.
    deadline = time.monotonic() + 10
    last = -1.0
    while time.monotonic() < deadline:
        page.wait_for_timeout(120)
        changed = page.evaluate("() => window.__kbLastChange")
        if changed == last and changed > start:
            break
        last = changed
    millis = max(0.0, last - start)
    hrefs = page.eval_on_selector_all(f"{RESULT_ITEMS} > a", "links => links.slice(0, 3).map(a => a.href)")
    top = [_site_path(href, base_url) for href in hrefs]
    return QueryResult(query, hits, top, [h1_of(site, rel) for rel in top], millis)


def _site_path(href: str, base_url: str) -> str:
    path = unquote(urlsplit(href).path)
    base = unquote(urlsplit(base_url).path).rstrip("/")
    rel = path[len(base):].lstrip("/") if path.startswith(base) else path.lstrip("/")
    return rel or "index.html"


def run_all(browser, base_url: str, site: Path, queries: list[dict]) -> list[QueryResult]:
    page = browser.new_page()
    open_search(page, f"{base_url}/index.html")
    results = [run_query(page, base_url, site, q["q"], q["hit"]) for q in queries]
    page.close()
    return results


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summary(results: list[QueryResult]) -> str:
    times = [r.millis for r in results]
    passed = sum(r.passed for r in results)
    return (f"{passed}/{len(results)} 通过，耗时中位数 {statistics.median(times):.0f} 毫秒，"
            f"95分位 {percentile(times, .95):.0f} 毫秒")
