"""MkDocs hook: a thin adapter between MkDocs and the generator in scripts/kb. All logic lives there.

Jobs, in build order: refuse to build without jieba; read the options; validate every source and hand
MkDocs the generated pages; refuse source files that lead outside docs/ or collide by letter case; put the
lifecycle header on procedure pages, the forward links under survey entries and steps, and turn `[[ID]]`
into links; give every page its date and correction reference; check the HTML each page became; make
404.html work from disk; write our search index over the search plugin's entries and our search worker
over Material's."""

from __future__ import annotations

import json
import re
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

from scripts.kb import config as kb_config
from scripts.kb.basis import basis_label
from scripts.kb.cjk_abbr import CjkAbbrExtension
from scripts.kb.downloads import booklets
from scripts.kb.errors import KbError
from scripts.kb.generate import Site, generate
from scripts.kb.glossary import tooltips
from scripts.kb.html_safety import content_findings, page_findings
from scripts.kb.idkinds import IdKind, kind_of
from scripts.kb.ids import expand_refs
from scripts.kb.nav import add_checklists
from scripts.kb.page_dates import PageDates
from scripts.kb.pages import H1_RE
from scripts.kb.render.env import css_string
from scripts.kb.render.local import edition_banner, expand_fills
from scripts.kb.render.procedures import lifecycle_header, note_step_order
from scripts.kb.render.trace import add_forward_links
from scripts.kb.search.index import build_docs
from scripts.kb.search.install import WorkerInstallError, covers_text, install_worker, worker_source
from scripts.kb.sources import scan
from scripts.kb.text import cn_date

HOME_PAGE = "index.md"
NOTICE_LINKS = [("glossary/index.md", "本站使用的名称、释义、检索同义词和已停用的说法"),
                ("basis/ids.md", "全站每个固定编号（问题、建议、规程步骤、检查项、依据等）及其位置")]
_site: Site | None = None
_files: Files | None = None
_options: kb_config.KbConfig | None = None
_dates: PageDates | None = None


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
    global _site, _options, _dates
    _require_jieba()
    search = _search_plugin(config).config
    if search.jieba_dict_user:
        search.jieba_dict_user = str(Path(config.config_file_path).parent / search.jieba_dict_user)
    try:
        _options = kb_config.load(config.extra, Path(config.config_file_path).name)
        _site = generate(Path(config.docs_dir), Path(config.config_file_path).parent, _options.unit(),
                         _options.make_downloads)
    except KbError as exc:
        # Raised before MkDocs cleans site/, so an earlier good site stays untouched.
        raise PluginError(exc.report()) from None
    _dates = PageDates(_site, Path(config.config_file_path).parent, Path(config.docs_dir), _options.today())
    config.mdx_configs.setdefault("abbr", {})["glossary"] = tooltips(_site.terms)
    config.markdown_extensions.append(CjkAbbrExtension())
    add_checklists(config.nav, _site.checklists)
    unit = _site.edition.unit
    if unit is not None:
        config.site_name = f"{config.site_name}（{unit.short_name}{'示例' if unit.example else ''}版）"
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _files
    # MkDocs walks docs/ itself and follows links; anything it found that our scan refused must not ship.
    docs = Path(config.docs_dir)
    allowed = set(scan(docs, Path(config.config_file_path).parent).files)
    outside = [f.src_uri for f in files
               if f.abs_src_path and Path(f.abs_src_path).is_relative_to(docs) and f.src_uri not in allowed]
    if outside:
        raise PluginError("以下文件指向 docs/ 以外（符号链接），为安全起见不予发布：" + "、".join(sorted(outside)))
    for path, content in _site.files.items():
        files.append(File.generated(config, path, content=content))
    _files = files
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    src = page.file.src_uri
    meta = _site.pages.get(src)
    # The foot of every page (overrides/main.html): when it last changed, and what to quote in a correction.
    page.meta["kb_updated"] = cn_date(_dates.of(src).isoformat())
    page.meta["kb_ref"] = _reference(src, page)
    if meta is not None and meta.id and kind_of(meta.id) is IdKind.TEMPLATE:
        # A blank template prints as the form alone, its ID and version in the footer (print.css, main.html).
        page.meta["kb_print_stamp"] = css_string(f"{meta.id}　版本 {meta.meta.get('version', '')}")
    if meta is not None and meta.has_lifecycle:
        header = lifecycle_header(meta, _site.registry, _options.today(), _options.review_period_days, _site.edition)
        markdown = _insert_after_h1(markdown, header)
        if _site.edition.unit is not None and page.meta.get("status") == "参考文本":
            page.meta["status"] = "现行"
    if meta is not None and meta.id and kind_of(meta.id) is IdKind.PROCEDURE:
        markdown = note_step_order(markdown, meta.id)
    if src == HOME_PAGE:
        made = [(b.label, b.path) for b in booklets(len(_site.checklists)) if b.path in _site.files]
        # Below the entry links, which must stay within the first screen on a phone.
        markdown = _insert_before_first_h2(markdown, edition_banner(_site.local, _site.edition, src, made))
    markdown = expand_fills(markdown, src, _site.registry, _site.requirements, _site.edition)
    markdown = add_forward_links(markdown, src, _site.registry)
    return expand_refs(markdown, src, _site.registry, basis_label)


def _reference(src: str, page: Page) -> str:
    """What a correction quotes besides the title: the page's ID (or address), its version, the edition."""
    meta = _site.pages.get(src)
    checklist = _site.checklists_by_page.get(src)
    ident = (meta.id if meta is not None else None) or (checklist.id if checklist else page.file.url)
    version = (meta.meta.get("version") if meta is not None else None) or (checklist.version if checklist else None)
    unit = _site.edition.unit
    edition = f"{unit.short_name}版" if unit is not None else "参考文本"
    return "，".join([ident, *([f"版本 {version}"] if version else []), edition])


def _insert_before_first_h2(markdown: str, block: str) -> str:
    h2 = re.search(r"^## ", markdown, re.MULTILINE)
    if h2 is None:
        return markdown + "\n\n" + block + "\n"
    return f"{markdown[: h2.start()]}{block}\n\n{markdown[h2.start():]}"


def _insert_after_h1(markdown: str, block: str) -> str:
    h1 = H1_RE.search(markdown)
    if h1 is None:
        return block + "\n" + markdown
    return f"{markdown[: h1.end()]}\n\n{block}\n{markdown[h1.end():]}"


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


# MkDocs renders 404.html with root-absolute links ("/assets/…"), unstyled when the file is opened from disk.
# The page sits at the site's top, so its links are made relative to it; a web server, though, shows it at
# the missing address (/survey/gone.html), where relative links would point into /survey/. There a <base>
# written before anything loads restores the root (a site served from a sub-folder needs its server's own
# error page either way).
_ROOT_LINK_RE = re.compile(r'((?:href|src)=")/(?!/)')
_SERVED_BASE = ('<script>if (location.protocol !== "file:") document.write(\'<base href="/">\')</script>')


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    output = _ROOT_LINK_RE.sub(r"\1./", output)
    output = output.replace('"base": "/"', '"base": "."').replace('"search": "/assets/', '"search": "./assets/')
    return output.replace("<head>", f"<head>\n{_SERVED_BASE}", 1)


# Before the search plugin writes its index (and the offline plugin copies it to search_index.js).
@event_priority(100)
def on_post_build(config: MkDocsConfig) -> None:
    if not _options.chinese_search:
        return  # Material's stock search, for the benchmark's side-by-side comparison
    search = _search_plugin(config).search_index
    site_dir = Path(config.site_dir)
    src_of = {f.url: f.src_uri for f in _files.documentation_pages()}
    # The plugin's own page entries say which pages search may show (pages can opt out with `search: exclude`).
    urls = [e["location"] for e in search.entries if "#" not in e["location"] and e["location"] in src_of]
    pages = [(src_of[url], url, (site_dir / _page_path(url)).read_text(encoding="utf-8")) for url in urls]
    docs = build_docs(_site, pages)
    # The reference pages the 本站未收录 notice offers are found by name even when kept out of search (the ID
    # index lists every ID again): by their title alone.
    references = [_files.get_file_from_path(src) for src, _ in NOTICE_LINKS]
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
             for f, text in ((_files.get_file_from_path(src), text) for src, text in NOTICE_LINKS)
             if f is not None and f.page is not None]
    words = [t.term for t in _site.terms] + [a for t in _site.terms for a in t.aliases]
    words += [p.title for p in _site.pages.values()] + [c.title for c in _site.checklists]
    try:
        install_worker(site_dir, worker_source(docs, words, _site.synonyms, covers_text(config.nav), links))
    except WorkerInstallError as exc:
        raise PluginError(str(exc)) from None


def _page_path(url: str) -> str:
    return url + "index.html" if url.endswith("/") or not url else url
