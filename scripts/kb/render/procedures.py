"""Renderers for procedures and templates: the metadata header of each page and the site-wide change record."""

from __future__ import annotations

import datetime as dt
import posixpath
import re

from markupsafe import Markup

from ..basis import basis_links
from ..ids import Registry, numbered_in_order
from ..pages import PageMeta
from ..templating import render
from ..units import Edition

KIND_NAMES = {"立": "立（新编写）", "改": "改（修订）", "废": "废（废止）"}
CHANGES_PAGE = "procedures/changes.md"
STEPS_HEADING = re.compile(r"^## [^\n]*\{#steps\}[ \t]*$", re.MULTILINE)
STEP_ORDER_NOTE = ('<p class="kb-order-note" markdown="span">步骤按办理的先后排列。步骤编号是固定编号：新增的步骤'
                   '取下一个空闲编号，排在该在的位置，所以编号不连续，也不表示先后。</p>')


def lifecycle_header(page: PageMeta, registry: Registry, today: dt.date, review_days: int,
                     edition: Edition | None = None) -> str:
    """Markdown placed under the page's h1: status, version, dates, owner, and any warning banner.

    Stale on the build day: the warning is part of the page. Otherwise kb.js adds the same warning once the
    reader's own day passes the period (a copied site may be read long after it was built)."""
    meta = page.meta
    unit = edition.unit if edition else None
    # In a unit's edition the procedure is that unit's standard in force, under its adoption document.
    status = "现行" if unit and meta["status"] == "参考文本" else meta["status"]
    age = (today - dt.date.fromisoformat(meta["reviewed"])).days
    related = basis_links(meta["checklists"], page.src, registry) if meta.get("checklists") else ""
    return render("lifecycle.md.j2", status=status, page_id=page.id, version=meta["version"], unit=unit,
                  effective=unit.effective if unit else meta.get("effective"), reviewed=meta["reviewed"],
                  owner=meta["owner"],
                  review_days=review_days, related=related, kind_names=KIND_NAMES,
                  last=max(page.changes, key=lambda c: c.date),
                  stale=stale_warning(meta["reviewed"], review_days) if age > review_days else "",
                  changes_link=posixpath.relpath(CHANGES_PAGE, posixpath.dirname(page.src)))


def stale_warning(reviewed: str, review_days: int) -> Markup:
    """Inner HTML of the review warning; kb.js builds the same text in the browser."""
    return Markup(render("stale-warning.html.j2", reviewed=reviewed, review_days=review_days).strip())


def changes_page(pages: dict[str, PageMeta]) -> str:
    entries = [(change, page) for page in pages.values() if page.has_lifecycle for change in page.changes]
    entries.sort(key=lambda e: (e[0].date, e[1].id or ""), reverse=True)
    return render("changes.md.j2", kind_names=KIND_NAMES,
                  entries=[(c, p, posixpath.relpath(p.src, "procedures")) for c, p in entries])


def note_step_order(markdown: str, procedure_id: str) -> str:
    """A step added between two others keeps the next free number (IDs are stable), so a page may run GC-HJ-1,
    GC-HJ-8, GC-HJ-2: say so under the steps heading rather than let a reader think steps are missing."""
    steps = re.findall(rf"^### ({re.escape(procedure_id)}-\d+)\b", markdown, re.MULTILINE)
    heading = STEPS_HEADING.search(markdown)
    if heading is None or numbered_in_order(steps):
        return markdown
    return f"{markdown[:heading.end()]}\n\n{STEP_ORDER_NOTE}\n{markdown[heading.end():]}"
