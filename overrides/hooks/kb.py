"""MkDocs hook: a thin adapter between MkDocs and the generator in scripts/kb.

It checks that Chinese search can segment words, hands MkDocs the generated pages, turns `[[ID]]`
references into links, puts the lifecycle header on procedure pages, tags search entries with IDs and
aliases, and puts the Chinese query segmenter into the search worker. All logic lives in scripts/."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.cjk_abbr import CjkAbbrExtension  # noqa: E402
from scripts.kb.errors import KbError  # noqa: E402
from scripts.kb.generate import Site, generate  # noqa: E402
from scripts.kb.glossary import tooltips  # noqa: E402
from scripts.kb.ids import expand_refs  # noqa: E402
from scripts.kb.pages import H1_RE  # noqa: E402
from scripts.kb.render_procedures import lifecycle_header  # noqa: E402
from scripts.search.aliases import search_tags  # noqa: E402
from scripts.search.worker_patch import WorkerPatchError, patch_worker  # noqa: E402

_site: Site | None = None
_files: Files | None = None


def _require_jieba() -> None:
    # Material's search silently indexes whole Chinese clauses as single words when jieba is missing.
    try:
        import jieba  # noqa: F401
    except ImportError as exc:
        raise PluginError("中文检索需要 jieba 分词库，但无法导入（" + str(exc) + "）。"
                          "请运行 make serve 或 make build，由项目自动安装 requirements.txt 中的依赖。") from exc


def _today() -> dt.date:
    """The build's "today" for review banners: KB_TODAY (tests), else SOURCE_DATE_EPOCH so that a commit
    always builds the same bytes, else the real date. Readers' own dates are checked again by kb.js."""
    if os.environ.get("KB_TODAY"):
        return dt.date.fromisoformat(os.environ["KB_TODAY"])
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), dt.timezone.utc).date()
    return dt.date.today()


# Runs before the search plugin's on_config, which loads the jieba user dictionary.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site
    _require_jieba()
    search = _search_plugin(config).config
    if search.jieba_dict_user:
        search.jieba_dict_user = str(Path(config.config_file_path).parent / search.jieba_dict_user)
    try:
        _site = generate(Path(config.docs_dir), ROOT)
    except KbError as exc:
        # Raised before MkDocs cleans site/, so an earlier good site stays untouched.
        raise PluginError(exc.report()) from None
    config.mdx_configs.setdefault("abbr", {})["glossary"] = tooltips(_site.terms)
    config.markdown_extensions.append(CjkAbbrExtension())
    _extend_checklist_nav(config)
    return config


def _search_plugin(config: MkDocsConfig):
    return next(plugin for name, plugin in config.plugins.items() if name.endswith("search"))


def _extend_checklist_nav(config: MkDocsConfig) -> None:
    for entry in config.nav or []:
        for children in entry.values() if isinstance(entry, dict) else []:
            if isinstance(children, list) and "checklists/index.md" in children:
                children.extend({c.title: c.page} for c in _site.checklists)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _files
    for path, content in _site.files.items():
        files.append(File.generated(config, path, content=content))
    _files = files
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    src = page.file.src_uri
    meta = _site.pages.get(src)
    if meta is not None and meta.has_lifecycle:
        review_days = int(config.extra.get("review_period_days", 365))
        header = lifecycle_header(meta, _site.registry, _today(), review_days)
        markdown = _insert_after_h1(markdown, header)
    return expand_refs(markdown, src, _site.registry)


def _insert_after_h1(markdown: str, block: str) -> str:
    h1 = H1_RE.search(markdown)
    if h1 is None:
        return block + "\n" + markdown
    return f"{markdown[: h1.end()]}\n\n{block}\n{markdown[h1.end():]}"


# Before the search plugin writes its index (and the offline plugin copies it to search_index.js).
@event_priority(100)
def on_post_build(config: MkDocsConfig) -> None:
    if not config.extra.get("chinese_search", True):
        return  # Material's stock search, for the benchmark's side-by-side comparison
    _tag_search_entries(config)
    try:
        patch_worker(Path(config.site_dir))
    except WorkerPatchError as exc:
        raise PluginError(str(exc)) from None


def _tag_search_entries(config: MkDocsConfig) -> None:
    search = _search_plugin(config)
    locations = {}
    for (src, anchor), words in search_tags(_site).items():
        url = _files.get_file_from_path(src).url
        locations[f"{url}#{anchor}" if anchor else url] = words
    for entry in search.search_index.entries:
        if entry["location"] in locations:
            entry["tags"] = locations[entry["location"]]
