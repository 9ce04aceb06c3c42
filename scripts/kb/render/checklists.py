"""Renderers of the checklist model: one page per checklist and the index page (templates in ../templates)."""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass

from markupsafe import Markup

from ..basis import basis_links
from ..checklists import Checklist, Item
from ..downloads import ALL_ITEMS_XLSX, booklets
from ..ids import numbered_in_order
from ..natures import NATURES, Nature, effective
from ..text import cn_date
from ..units import Edition
from .env import render
from .local import FEEDBACK_PAGE, rich_text


@dataclass(frozen=True)
class Mode:
    name: str
    meaning: str


MODES = {
    "READ-DO": Mode("边读边做", "按顺序逐项执行"),
    "DO-CONFIRM": Mode("做后核对", "工作完成后逐项对照检查"),
}
_CN_NUMBERS = "一二三四五六七八九十"


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


def nature_counts(natures: list[str]) -> str:
    return "、".join(f"{name} {natures.count(name)} 项" for name in NATURES if natures.count(name))


def stamp(checklist: Checklist, edition: Edition) -> str:
    """The running header printed on every sheet: the unit (in its edition), ID, version and date."""
    unit = f"{edition.unit.short_name}　" if edition.unit else ""
    return f"{unit}{checklist.id}　版本 {checklist.version}　更新 {cn_date(checklist.updated)}"


# Download links on a checklist page, in the order offices use them.
DOWNLOADS = ((".pdf", "PDF"), (".xlsx", "Excel"), (".docx", "Word"), (".csv", "CSV"))
PRINT_ALL_PAGE = "checklists/print-all.md"


def _body_values(checklist: Checklist, site, page: str) -> dict:
    sections = [SectionView(_CN_NUMBERS[n], s.title, [_item_view(i, page, site) for i in s.items])
                for n, s in enumerate(checklist.sections)]
    natures = [view.nature.name for section in sections for view in section.items]
    return {"c": checklist, "sections": sections, "mode": MODES[checklist.mode],
            "procedure": basis_links([checklist.procedure], page, site.registry) if checklist.procedure else "",
            "nature_counts": nature_counts(natures), "legend": [n for n in NATURES.values() if n.name in natures],
            "edition_name": site.edition.unit.full_name if site.edition.unit else "参考文本",
            "feedback": posixpath.relpath(FEEDBACK_PAGE, posixpath.dirname(page)),
            "numbered_in_order": numbered_in_order([item.id for item in checklist.items])}


def _download_links(checklist: Checklist, made: set[str]) -> list[tuple[str, str]]:
    return [(label, f"{checklist.slug}{suffix}") for suffix, label in DOWNLOADS
            if f"checklists/{checklist.slug}{suffix}" in made]


def checklist_page(checklist: Checklist, site, made: set[str]) -> str:
    page = checklist.page
    links = _download_links(checklist, made)
    booklet = next((b.path.split("/", 1)[1] for b in booklets(len(site.checklists))
                    if b.variant == "trainer" and b.path in made
                    and checklist in site.checklists[b.lists]), None)
    return render("checklist.md.j2", **_body_values(checklist, site, page), level=1, anchor="", prefix="",
                  title_json=Markup(json.dumps(checklist.title, ensure_ascii=False)), stamp=stamp(checklist, site.edition),
                  downloads=links, complete=len(links) == len(DOWNLOADS), booklet=booklet)


def print_all_page(site) -> str:
    """Every checklist on one page, each from a new sheet, for those who print from the browser."""
    bodies = [render("checklist-body.md.j2", **_body_values(c, site, PRINT_ALL_PAGE), level=2, anchor=f"print-{c.id}",
                     prefix=f"{c.id}-", downloads=None, complete=True) for c in site.checklists]
    return render("print-all.md.j2", bodies=[Markup(b) for b in bodies], checklists=site.checklists,
                  stamps=[stamp(c, site.edition) for c in site.checklists])


def checklist_index(checklists: list[Checklist], made: set[str]) -> str:
    found = [(b.label, b.path.split("/", 1)[1]) for b in booklets(len(checklists)) if b.path in made]
    downloads = {c.id: _download_links(c, made) for c in checklists}
    return render("checklist-index.md.j2", checklists=checklists, booklets=found, downloads=downloads,
                  total=sum(len(c.items) for c in checklists), all_xlsx=ALL_ITEMS_XLSX in made)
