"""Renderers of the checklist model: one page per checklist and the index page (templates in ../templates)."""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass

from markupsafe import Markup

from ..basis import basis_links
from ..checklists import Checklist, Item
from ..downloads import ALL, LIST, TRAINER, Download, booklet_links, href
from ..ids import numbered_in_order
from ..listing import MODES, SECTION_NUMERALS, nature_counts, stamp
from ..natures import NATURES, Nature, effective
from ..templating import render
from .local import FEEDBACK_PAGE, rich_text


@dataclass
class ItemView:
    id: str
    text: Markup
    how: Markup
    basis: Markup
    nature: Nature
    adopted_from: str     # the nature before the unit adopted it ("" when not adopted)
    common_issue: str
    evidence: str
    aliases: list[str]


@dataclass
class SectionView:
    number: str
    title: str
    items: list[ItemView]


def _item_view(item: Item, page: str, site) -> ItemView:
    def rich(text: str) -> Markup:
        return rich_text(text, page, site.registry, site.requirements, site.edition)

    nature, adopted_from = effective(item.nature, item.id, site.edition)
    return ItemView(item.id, rich(item.text), rich(item.how), basis_links(item.basis, page, site.registry), nature,
                    adopted_from, item.common_issue, item.evidence, item.aliases)


# Download links on a checklist page, in the order offices use them: the format that wrote it, and its name.
DOWNLOADS = (("pdf", "PDF"), ("xlsx", "Excel"), ("docx", "Word"), ("csv", "CSV"))
PRINT_ALL_PAGE = "checklists/print-all.md"
INDEX_PAGE = "checklists/index.md"


def _body_values(checklist: Checklist, site, page: str) -> dict:
    sections = [SectionView(SECTION_NUMERALS[n], s.title, [_item_view(i, page, site) for i in s.items])
                for n, s in enumerate(checklist.sections)]
    natures = [view.nature.name for section in sections for view in section.items]
    return {"c": checklist, "sections": sections, "mode": MODES[checklist.mode],
            "procedure": basis_links([checklist.procedure], page, site.registry) if checklist.procedure else "",
            "nature_counts": nature_counts(natures), "legend": [n for n in NATURES.values() if n.name in natures],
            "edition_name": site.edition.unit.full_name if site.edition.unit else "参考文本",
            "feedback": posixpath.relpath(FEEDBACK_PAGE, posixpath.dirname(page)),
            "numbered_in_order": numbered_in_order([item.id for item in checklist.items])}


def _download_links(checklist: Checklist, made: list[Download]) -> list[tuple[str, str]]:
    """The list's own files that were written, as (format name, link from the list's page)."""
    own = {d.format: d for d in made if d.scope == LIST and d.lists == (checklist.id,)}
    return [(label, href(own[fmt], checklist.page)) for fmt, label in DOWNLOADS if fmt in own]


def checklist_page(checklist: Checklist, site, made: list[Download]) -> str:
    page = checklist.page
    links = _download_links(checklist, made)
    booklet = next((href(d, page) for d in made if d.scope == TRAINER and checklist.id in d.lists), None)
    return render("checklist.md.j2", **_body_values(checklist, site, page), level=1, anchor="", prefix="",
                  title_json=Markup(json.dumps(checklist.title, ensure_ascii=False)), stamp=stamp(checklist, site.edition),
                  downloads=links, complete=len(links) == len(DOWNLOADS), booklet=booklet)


def print_all_page(site) -> str:
    """Every checklist on one page, each from a new sheet, for those who print from the browser."""
    bodies = [render("checklist-body.md.j2", **_body_values(c, site, PRINT_ALL_PAGE), level=2, anchor=f"print-{c.id}",
                     prefix=f"{c.id}-", downloads=None, complete=True) for c in site.checklists]
    return render("print-all.md.j2", bodies=[Markup(b) for b in bodies], checklists=site.checklists,
                  stamps=[stamp(c, site.edition) for c in site.checklists])


def checklist_index(checklists: list[Checklist], made: list[Download]) -> str:
    page = INDEX_PAGE
    downloads = {c.id: _download_links(c, made) for c in checklists}
    every = {d.format: href(d, page) for d in made if d.scope == ALL}
    return render("checklist-index.md.j2", checklists=checklists, booklets=booklet_links(made, page),
                  downloads=downloads, total=sum(len(c.items) for c in checklists),
                  all_xlsx=every.get("xlsx"), all_csv=every["csv"])
