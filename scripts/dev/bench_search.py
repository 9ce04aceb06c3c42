"""Search benchmark: the evaluation set through the real search box in Chromium, for our search and for
Material's stock search on the same site, side by side (section-level top-1, top-3, MRR per kind, and
keystroke-to-results times); then the same two on the 1,000-list synthetic site: index size raw and gzip,
and the time from page load to the first rendered result.

Prints figures only. Run with `make bench` or `python -m scripts.dev.bench_search`."""

from __future__ import annotations

import collections
import gzip
import os
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from scripts.build_site import build
from scripts.dev.bench_generator import make_copy
from scripts.dev.browser_search import CHROMIUM, CHROMIUM_ARGS, RESULT_ITEMS, load_queries, percentile, run_all, scores
from scripts.dev.project_copy import ROOT, copy_project
from scripts.dev.static_server import serve

QUERIES = ROOT / "tests" / "data" / "search-eval.yml"
SCALE_LISTS = 1000
SCALE_QUERY = "合成检查项"

# Material's search as shipped: its lunr worker and index, no domain dictionary (jieba's own dictionary still
# segments the index). MkDocs merges this over mkdocs.yml; the plugin list is replaced whole.
STOCK_SEARCH = """\
INHERIT: mkdocs.yml
plugins:
  - search:
      lang: zh
  - offline
extra:
  kb:
    chinese_search: false
"""


def stock_config(project: Path) -> Path:
    config = project / "mkdocs-stock-search.yml"
    config.write_text(STOCK_SEARCH, encoding="utf-8")
    return config


def default_search_project(dest: Path) -> Path:
    """A copy of the project built with Material's stock search, through a config that inherits ours."""
    return stock_config(copy_project(dest))


def index_sizes(site: Path) -> tuple[int, int]:
    data = (site / "search" / "search_index.json").read_bytes()
    return len(data), len(gzip.compress(data, mtime=0))


def first_result_millis(browser, site: Path, query: str) -> float:
    """From navigation start to the first rendered result, opening the page with ?q= (Material's deep link)."""
    with serve(site) as base_url:
        page = browser.new_page()
        page.goto(f"{base_url}/index.html?q={quote(query)}")
        page.wait_for_selector(RESULT_ITEMS, timeout=180_000)
        millis = page.evaluate("() => performance.now()")
        page.close()
    return millis


def _row(name: str, results) -> str:
    s = scores(results)
    return f"{name:<14}{s.count:>5}  {s.top1:>6.0%} {s.top3:>6.0%} {s.mrr:>6.2f}"


def quality(browser, ours: Path, stock: Path) -> None:
    queries = load_queries(QUERIES)
    runs = {}
    for name, site in (("本站检索", ours), ("Material 默认", stock)):
        with serve(site) as base_url:
            runs[name] = run_all(browser, base_url, site, queries)
    print(f"== 检索评测（{QUERIES.relative_to(ROOT)}，{len(queries)} 条，节级：前1、前3、MRR） ==")
    kinds = sorted({r.kind for r in runs["本站检索"]})
    print(f"{'类别':<14}{'条数':>5}  {'本站 前1':>6} {'前3':>6} {'MRR':>6}   | Material 默认 前1、前3、MRR")
    for kind in [*kinds, "合计"]:
        pick = (lambda rs, k=kind: [r for r in rs if k == "合计" or r.kind == k])
        s = scores(pick(runs["Material 默认"]))
        print(f"{_row(kind, pick(runs['本站检索']))}   | {s.top1:>6.0%} {s.top3:>6.0%} {s.mrr:>6.2f}")
    for name, results in runs.items():
        times = [r.millis for r in results]
        s = scores(results)
        print(f"{name}：按键到结果显示 中位数 {percentile(times, .5):.0f} 毫秒，95分位 {percentile(times, .95):.0f} 毫秒；"
              f"应显示“本站未收录”而未显示 {len(s.notices_missing)} 条，不应显示而显示 {len(s.notices_wrong)} 条")
    failed = collections.Counter(r.kind for r in runs["本站检索"] if not r.passed)
    print("本站检索未通过：" + ("、".join(f"{k} {n} 条" for k, n in failed.items()) or "无"))
    for name, site in (("本站检索", ours), ("Material 默认", stock)):
        raw, packed = index_sizes(site)
        print(f"{name}：检索索引 {raw / 1024:.0f} KiB，gzip {packed / 1024:.0f} KiB")


def scale(browser, tmp: Path) -> None:
    project = make_copy(tmp / "scale", SCALE_LISTS)
    sites = {"本站检索": tmp / "scale-ours", "Material 默认": tmp / "scale-stock"}
    started = time.perf_counter()
    assert build(sites["本站检索"], project / "mkdocs.yml") == 0
    ours_build = time.perf_counter() - started
    assert build(sites["Material 默认"], stock_config(project)) == 0
    print(f"== {SCALE_LISTS} 份合成清单（每份 50 项）：检索索引与首个结果 ==")
    print(f"本站检索的构建：{ours_build:.0f} 秒（含索引和 worker 数据）")
    for name, site in sites.items():
        raw, packed = index_sizes(site)
        worker = next((site / "assets/javascripts/workers").glob("search.*.min.js")).stat().st_size
        millis = first_result_millis(browser, site, SCALE_QUERY)
        print(f"{name}：索引 {raw / 1e6:.1f} MB（gzip {packed / 1e6:.1f} MB），worker {worker / 1024:.0f} KiB；"
              f"打开页面到第一个结果显示 {millis / 1000:.2f} 秒")


def main() -> None:
    from playwright.sync_api import sync_playwright

    os.environ["KB_DOWNLOADS"] = "0"   # downloads do not change search; they only slow the builds
    with tempfile.TemporaryDirectory() as tmp_name, sync_playwright() as playwright:
        tmp = Path(tmp_name)
        ours, stock = tmp / "ours", tmp / "stock"
        assert build(ours) == 0
        assert build(stock, default_search_project(tmp / "project")) == 0
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        quality(browser, ours, stock)
        scale(browser, tmp)
        browser.close()


if __name__ == "__main__":
    main()
