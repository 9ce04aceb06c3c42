"""What the build adds to each hand-written page on its way through MkDocs, as plain functions of the model:
the lifecycle header of procedures, the step-order note, the home page's edition banner, fill-ins, forward
links and `[[ID]]` links; the meta fields the theme prints at the foot (date, correction reference, print
stamp); and the 404 page's links made to work from disk. The MkDocs hook only calls these."""

from __future__ import annotations

import datetime as dt
import re

from .basis import basis_label
from .idkinds import IdKind, kind_of
from .ids import expand_refs
from .pages import H1_RE
from .render.local import edition_banner, expand_fills
from .render.procedures import lifecycle_header, note_step_order
from .render.trace import add_forward_links
from .templating import css_string
from .text import cn_date

HOME_PAGE = "index.md"
_H2_RE = re.compile(r"^## ", re.MULTILINE)


def page_markdown(markdown: str, src: str, site, today: dt.date, review_days: int) -> str:
    """The page's Markdown as it is published: every addition of the build made, every reference resolved."""
    meta = site.pages.get(src)
    if meta is not None and meta.has_lifecycle:
        header = lifecycle_header(meta, site.registry, today, review_days, site.edition)
        markdown = insert_after_h1(markdown, header)
    if meta is not None and meta.id and kind_of(meta.id) is IdKind.PROCEDURE:
        markdown = note_step_order(markdown, meta.id)
    if src == HOME_PAGE:
        # Below the entry links, which must stay within the first screen on a phone.
        markdown = insert_before_first_h2(markdown, edition_banner(site.local, site.edition, src, site.downloads))
    markdown = expand_fills(markdown, src, site.registry, site.requirements, site.edition)
    markdown = add_forward_links(markdown, src, site.registry)
    return expand_refs(markdown, src, site.registry, basis_label)


def page_meta(src: str, url: str, site, updated: dt.date, status: str | None) -> dict[str, str]:
    """The fields overrides/main.html prints for a page: when it changed, what a correction quotes, the print
    stamp of a blank template, and a procedure's status in a unit edition (现行 instead of 参考文本)."""
    fields = {"kb_updated": cn_date(updated.isoformat()), "kb_ref": reference(src, url, site)}
    meta = site.pages.get(src)
    if meta is not None and meta.id and kind_of(meta.id) is IdKind.TEMPLATE:
        # A blank template prints as the form alone, its ID and version in the footer (print.css, main.html).
        fields["kb_print_stamp"] = css_string(f"{meta.id}　版本 {meta.meta.get('version', '')}")
    if meta is not None and meta.has_lifecycle and site.edition.unit is not None and status == "参考文本":
        fields["status"] = "现行"
    return fields


def reference(src: str, url: str, site) -> str:
    """What a correction quotes besides the title: the page's ID (or address), its version, the edition."""
    meta = site.pages.get(src)
    checklist = site.checklists_by_page.get(src)
    ident = (meta.id if meta is not None else None) or (checklist.id if checklist else url)
    version = (meta.meta.get("version") if meta is not None else None) or (checklist.version if checklist else None)
    unit = site.edition.unit
    edition = f"{unit.short_name}版" if unit is not None else "参考文本"
    return "，".join([ident, *([f"版本 {version}"] if version else []), edition])


def insert_before_first_h2(markdown: str, block: str) -> str:
    h2 = _H2_RE.search(markdown)
    if h2 is None:
        return markdown + "\n\n" + block + "\n"
    return f"{markdown[: h2.start()]}{block}\n\n{markdown[h2.start():]}"


def insert_after_h1(markdown: str, block: str) -> str:
    h1 = H1_RE.search(markdown)
    if h1 is None:
        return block + "\n" + markdown
    return f"{markdown[: h1.end()]}\n\n{block}\n{markdown[h1.end():]}"


# MkDocs renders 404.html with root-absolute links ("/assets/…"), unstyled when the file is opened from disk.
# The page sits at the site's top, so its links are made relative to it; a web server, though, shows it at
# the missing address (/survey/gone.html), where relative links would point into /survey/. There a <base>
# written before anything loads restores the root (a site served from a sub-folder needs its server's own
# error page either way).
_ROOT_LINK_RE = re.compile(r'((?:href|src)=")/(?!/)')
SERVED_BASE = ('<script>if (location.protocol !== "file:") document.write(\'<base href="/">\')</script>')


def not_found_page(html: str) -> str:
    html = _ROOT_LINK_RE.sub(r"\1./", html)
    html = html.replace('"base": "/"', '"base": "."').replace('"search": "/assets/', '"search": "./assets/')
    return html.replace("<head>", f"<head>\n{SERVED_BASE}", 1)
