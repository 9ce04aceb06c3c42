"""MkDocs hook: a thin adapter between MkDocs and the generator in scripts/kb. All logic lives there.

Jobs, in build order: refuse to build without jieba; read the options; validate every source and hand
MkDocs the generated pages; refuse source files that lead outside docs/ or collide by letter case; pass each
page through scripts/kb/page_transform.py (headers, banners, links, the foot's date and reference); check
the HTML each page became; make 404.html work from disk; write our search index over the search plugin's
entries and our search worker over Material's. What one build knows between events is one BuildState."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.kb import config as kb_config
from scripts.kb.cjk_abbr import CjkAbbrExtension
from scripts.kb.errors import KbError
from scripts.kb.generate import Site, generate
from scripts.kb.glossary import tooltips
from scripts.kb.html_safety import content_findings, page_findings
from scripts.kb.nav import add_checklists
from scripts.kb.page_dates import PageDates
from scripts.kb.page_transform import not_found_page, page_markdown, page_meta
from scripts.kb.search.index import build_docs
from scripts.kb.search.install import WorkerInstallError, covers_text, install_worker, worker_source
from scripts.kb.sources import scan

NOTICE_LINKS = [("glossary/index.md", "本站使用的名称、释义、检索同义词和已停用的说法"),
                ("basis/ids.md", "全站每个固定编号（问题、建议、规程步骤、检查项、依据等）及其位置")]


@dataclass
class BuildState:
    """What one build knows between MkDocs events: set by on_config, the file list by on_files."""
    options: kb_config.KbConfig
    site: Site
    dates: PageDates
    files: Files | None = None


_build: BuildState | None = None


def _require_jieba() -> None:
    # Material's search silently indexes whole Chinese clauses as single words when jieba is missing.
    try:
        import jieba  # noqa: F401
    except ImportError as exc:
        raise PluginError("中文检索需要 jieba 分词库，但无法导入（" + str(exc) + "）。"
                          "请运行 make serve 或 make build，由项目自动安装 requirements.txt 中的依赖。") from exc


def _search_plugin(config: MkDocsConfig):
    return next(plugin for name, plugin in config.plugins.items() if name.endswith("search"))


# Runs before the search plugin's on_config, which loads the jieba user dictionary.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    _require_jieba()
    search = _search_plugin(config).config
    if search.jieba_dict_user:
        search.jieba_dict_user = str(Path(config.config_file_path).parent / search.jieba_dict_user)
    root, docs = Path(config.config_file_path).parent, Path(config.docs_dir)
    try:
        options = kb_config.load(config.extra, Path(config.config_file_path).name)
        site = generate(docs, root, options.unit, options.downloads)
    except KbError as exc:
        # Raised before MkDocs cleans site/, so an earlier good site stays untouched.
        raise PluginError(exc.report()) from None
    _build = BuildState(options, site, PageDates(site, root, docs, options.today))
    config.mdx_configs.setdefault("abbr", {})["glossary"] = tooltips(site.terms)
    config.markdown_extensions.append(CjkAbbrExtension())
    add_checklists(config.nav, site.checklists)
    unit = site.edition.unit
    if unit is not None:
        config.site_name = f"{config.site_name}（{unit.short_name}{'示例' if unit.example else ''}版）"
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # MkDocs walks docs/ itself and follows links; anything it found that our scan refused must not ship.
    docs = Path(config.docs_dir)
    allowed = set(scan(docs, Path(config.config_file_path).parent).files)
    outside = [f.src_uri for f in files
               if f.abs_src_path and Path(f.abs_src_path).is_relative_to(docs) and f.src_uri not in allowed]
    if outside:
        raise PluginError("以下文件指向 docs/ 以外（符号链接），为安全起见不予发布：" + "、".join(sorted(outside)))
    for path, content in _build.site.files.items():
        files.append(File.generated(config, path, content=content))
    _build.files = files
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    src = page.file.src_uri
    page.meta.update(page_meta(src, page.file.url, _build.site, _build.dates.of(src), page.meta.get("status")))
    return page_markdown(markdown, src, _build.site, _build.options.today, _build.options.review_period_days)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if any(ch in (page.title or "") for ch in "<>"):
        raise PluginError(f"docs/{page.file.src_uri}：页面标题「{page.title}」含有尖括号，请改用全角＜＞")
    # Generated pages come from autoescaped templates; hand-written Markdown gets the full parse.
    findings = [] if page.file.generated_by else content_findings(html, generated=False)
    if findings:
        raise PluginError(f"docs/{page.file.src_uri}：" + "；".join(f.message for f in findings))
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    findings = page_findings(output)
    if findings:
        raise PluginError(f"docs/{page.file.src_uri} 生成的页面第 {findings[0].line} 行："
                          + "；".join(f.message for f in findings))
    return output


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return not_found_page(output) if template_name == "404.html" else output


# Before the search plugin writes its index (and the offline plugin copies it to search_index.js).
@event_priority(100)
def on_post_build(config: MkDocsConfig) -> None:
    if not _build.options.chinese_search:
        return  # Material's stock search, for the benchmark's side-by-side comparison
    search = _search_plugin(config).search_index
    site_dir = Path(config.site_dir)
    src_of = {f.url: f.src_uri for f in _build.files.documentation_pages()}
    # The plugin's own page entries say which pages search may show (pages can opt out with `search: exclude`).
    urls = [e["location"] for e in search.entries if "#" not in e["location"] and e["location"] in src_of]
    pages = [(src_of[url], url, (site_dir / _page_path(url)).read_text(encoding="utf-8")) for url in urls]
    docs = build_docs(_build.site, pages)
    # The reference pages the 本站未收录 notice offers are found by name even when kept out of search (the ID
    # index lists every ID again): by their title alone.
    references = [_build.files.get_file_from_path(src) for src, _ in NOTICE_LINKS]
    docs += [{"location": f.url, "title": f.page.title, "text": ""} for f in references
             if f is not None and f.url not in urls and f.page is not None and f.page.title]
    search.entries = docs
    # Chinese as UTF-8, not \uXXXX escapes: the same index in about half the bytes. The config stays
    # Material's: the page's highlighter reads its separator.
    config_keys = ("lang", "separator", "pipeline", "fields")
    index = {"config": {key: search.config[key] for key in config_keys}, "docs": docs}
    search.generate_search_index = lambda prev: json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    # Where a reader goes when the site has no answer: the glossary and the ID index (not searchable itself).
    links = [{"location": f.url, "title": f.page.title, "text": text}
             for f, text in ((_build.files.get_file_from_path(src), text) for src, text in NOTICE_LINKS)
             if f is not None and f.page is not None]
    words = [t.term for t in _build.site.terms] + [a for t in _build.site.terms for a in t.aliases]
    words += [p.title for p in _build.site.pages.values()] + [c.title for c in _build.site.checklists]
    try:
        install_worker(site_dir, worker_source(docs, words, _build.site.synonyms, covers_text(config.nav), links))
    except WorkerInstallError as exc:
        raise PluginError(str(exc)) from None


def _page_path(url: str) -> str:
    return url + "index.html" if url.endswith("/") or not url else url
