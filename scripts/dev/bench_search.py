"""Search benchmark: the shared query set through the real search box in Chromium, for our settings and for
Material's default search settings on the same site, side by side, with index size and timing.

Prints figures only. Run with `make bench` or `python -m scripts.dev.bench_search`."""

from __future__ import annotations

import tempfile
from pathlib import Path

from scripts.build_site import build
from scripts.dev.browser_search import CHROMIUM, CHROMIUM_ARGS, load_queries, percentile, run_all
from scripts.dev.project_copy import ROOT, copy_project
from scripts.dev.static_server import serve

QUERIES = ROOT / "tests" / "data" / "search-queries.yml"


# Material's search as shipped: no query segmenter, no ID or alias tags, no domain dictionary (jieba's own
# dictionary still segments the index). MkDocs merges this over mkdocs.yml; the plugin list is replaced whole.
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


def default_search_project(dest: Path) -> Path:
    """A copy of the project built with Material's stock search, through a config that inherits ours."""
    config = copy_project(dest) / "mkdocs-stock-search.yml"
    config.write_text(STOCK_SEARCH, encoding="utf-8")
    return config


def measure(browser, site: Path, queries: list[dict]):
    with serve(site) as base_url:
        return run_all(browser, base_url, site, queries)


def main() -> None:
    from playwright.sync_api import sync_playwright

    queries = load_queries(QUERIES)
    with tempfile.TemporaryDirectory() as tmp:
        ours, default = Path(tmp) / "ours", Path(tmp) / "default"
        assert build(ours) == 0
        assert build(default, default_search_project(Path(tmp) / "project")) == 0
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            runs = {"本站设置": measure(browser, ours, queries), "Material 默认": measure(browser, default, queries)}
            browser.close()
        sizes = {"本站设置": (ours / "search/search_index.json").stat().st_size,
                 "Material 默认": (default / "search/search_index.json").stat().st_size}
    print("== 检索基准（tests/data/search-queries.yml，前 3 条结果中有页面 h1 含期望词即通过） ==")
    print(f"{'查询':<16}{'本站设置':<10}{'Material 默认':<10}")
    for ours_result, default_result in zip(runs["本站设置"], runs["Material 默认"], strict=True):
        mark = lambda r: "通过" if r.passed else "未通过"
        print(f"{ours_result.query:<16}{mark(ours_result):<10}{mark(default_result):<10}")
    for name, results in runs.items():
        times = [r.millis for r in results]
        print(f"{name}：{sum(r.passed for r in results)}/{len(results)} 通过；索引 {sizes[name] / 1024:.0f} KiB；"
              f"按键到结果显示 中位数 {percentile(times, .5):.0f} 毫秒，95分位 {percentile(times, .95):.0f} 毫秒")
    print(f"索引大小比：{sizes['本站设置'] / sizes['Material 默认']:.2f} 倍（目标 ≤ 约 2 倍）")


if __name__ == "__main__":
    main()
