"""Runs queries through the site's real search box in Chromium, the way a reader enters them.

Shared by the browser tests and the benchmark: both need the same notion of a result's target and of "the
first three results". Text goes into the box with no key events (as a paste, dictation or an input method
commits it); the site's own input relay has to start the search."""

from __future__ import annotations

import math
import re
import statistics
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps trying Google's hosts on this closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
SEARCH_INPUT = "input.md-search__input"
RESULT_ITEMS = "li.md-search-result__item"
NOT_COVERED = "not-covered"
NOTICE = "本站未收录"

# Records when the result list last changed, so timing covers rendering, not just the worker.
_WATCH_RESULTS = """() => {
  // The whole result area: an empty list replaced by an empty list changes nothing, but the count line does.
  const list = document.querySelector('.md-search-result');
  window.__kbLastChange = 0;
  new MutationObserver(() => { window.__kbLastChange = performance.now(); })
    .observe(list, {childList: true, subtree: true, characterData: true});
}"""

# Per result item: its page link and heading, and its first visible section (a link outside the collapsed
# "在该页上还有 N 个…" block, after the page's own).
_READ_RESULTS = """items => items.map(li => {
  const links = [...li.querySelectorAll(':scope > a')];
  const h = a => (a.querySelector('h1, h2') || {}).textContent || '';
  return {page: links[0] ? links[0].href : '', title: links[0] ? h(links[0]) : '',
          section: links[1] ? links[1].href : '', heading: links[1] ? h(links[1]) : ''};
})"""


@dataclass
class QueryResult:
    query: str
    expect: list[str] | str
    targets: list[str]           # site-relative "page.html" or "page.html#anchor", in result order
    titles: list[str]            # the page heading of each result item
    millis: float
    kind: str = ""
    ids: list[str] = field(default_factory=list)   # the ID each target stands for (a page: its h1 id)

    @property
    def notice(self) -> bool:
        return bool(self.titles) and self.titles[0].startswith(NOTICE)

    def rank(self) -> int | None:
        """1-based rank of the first expected target, None when none of the results is one."""
        if self.expect == NOT_COVERED or self.notice:
            return None
        for index, (target, id_) in enumerate(zip(self.targets, self.ids, strict=True)):
            if any(_hits(target, id_, want) for want in self.expect):
                return index + 1
        return None

    @property
    def passed(self) -> bool:
        if self.expect == NOT_COVERED:
            return self.notice and len(self.targets) == 1
        rank = self.rank()
        return rank is not None and rank <= 3


def _hits(target: str, id_: str, want: str) -> bool:
    """`want` is "page.html", "page.html#anchor" or an ID (matched by fragment, or by a page's own h1 id).
    Checklist items also appear on the print-everything page: the same ID there is the same section."""
    if ".html" in want:
        return target == want
    return id_ == want or target.partition("#")[2] == want


def load_queries(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class _H1Id(HTMLParser):
    def __init__(self):
        super().__init__()
        self.id = ""

    def handle_starttag(self, tag, attrs):
        if tag == "h1" and not self.id:
            self.id = dict(attrs).get("id") or ""


def page_id(site: Path, rel: str) -> str:
    """The stable ID of a page: its h1's id (GC-HJ), or "" when it has none."""
    path = site / rel
    if not path.is_file():
        return ""
    parser = _H1Id()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.id if re.fullmatch(r"[A-Z]{2,6}(?:-[A-Z0-9]+)*", parser.id) else ""


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


def wait_until_settled(page) -> None:
    """Wait for CSS transitions to end: on a phone the search panel slides in for a quarter second, and a box
    measured during its slide sits a fraction of a pixel off."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running'"
                           " || a.effect.getComputedTiming().iterations === Infinity)")


def run_query(page, base_url: str, site: Path, query: str, expect: list[str] | str = (),
              kind: str = "") -> QueryResult:
    box = page.locator(SEARCH_INPUT)
    box.fill("")
    page.wait_for_timeout(30)
    box.focus()
    start = page.evaluate("() => performance.now()")
    page.keyboard.insert_text(query)     # no key events: the input relay has to start the search
    # Results are final once the list has stopped changing for a moment.
    deadline = time.monotonic() + 10
    last = -1.0
    while time.monotonic() < deadline:
        page.wait_for_timeout(60)
        changed = page.evaluate("() => window.__kbLastChange")
        if changed == last and changed > start:
            break
        last = changed
    millis = max(0.0, last - start)
    found = page.eval_on_selector_all(RESULT_ITEMS, _READ_RESULTS)
    targets = [_site_path(item["section"] or item["page"], base_url) for item in found]
    ids = [page_id(site, t) if "#" not in t else "" for t in targets]
    return QueryResult(query, list(expect) if not isinstance(expect, str) else expect, targets,
                       [item["title"].strip() for item in found], millis, kind, ids)


def _site_path(href: str, base_url: str) -> str:
    parts = urlsplit(href)
    path = unquote(parts.path)
    base = unquote(urlsplit(base_url).path).rstrip("/")
    rel = path[len(base):].lstrip("/") if path.startswith(base) else path.lstrip("/")
    rel = rel or "index.html"
    return f"{rel}#{unquote(parts.fragment)}" if parts.fragment else rel


def run_all(browser, base_url: str, site: Path, queries: list[dict]) -> list[QueryResult]:
    page = browser.new_page()
    open_search(page, f"{base_url}/index.html")
    results = [run_query(page, base_url, site, q["q"], q["expect"], q.get("kind", "")) for q in queries]
    page.close()
    return results


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


@dataclass
class Scores:
    count: int
    top1: float
    top3: float
    mrr: float
    notices_missing: list[str]      # out-of-scope queries without the notice
    notices_wrong: list[str]        # in-scope queries that got it


def scores(results: list[QueryResult]) -> Scores:
    """Section-level top-1, top-3 and MRR; an out-of-scope query counts as a hit when it gets the notice."""
    ranks = [(1 if r.passed else None) if r.expect == NOT_COVERED else r.rank() for r in results]
    count = len(results) or 1
    return Scores(len(results), sum(k == 1 for k in ranks) / count, sum(k is not None and k <= 3 for k in ranks) / count,
                  sum(1 / k for k in ranks if k) / count,
                  [r.query for r in results if r.expect == NOT_COVERED and not r.passed],
                  [r.query for r in results if r.expect != NOT_COVERED and r.notice])


def summary(results: list[QueryResult]) -> str:
    s = scores(results)
    times = [r.millis for r in results] or [math.nan]
    return (f"{len(results)} 条：前1 {s.top1:.0%}，前3 {s.top3:.0%}，MRR {s.mrr:.2f}；"
            f"耗时中位数 {statistics.median(times):.0f} 毫秒，95分位 {percentile(times, .95):.0f} 毫秒")
