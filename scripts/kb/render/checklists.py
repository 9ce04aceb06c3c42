"""Renderers of the checklist model: one page per checklist and the index page (templates in ../templates)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from ..basis import basis_links
from ..checklists import Checklist, Item
from ..ids import Registry
from ..natures import NATURES, Nature
from .env import render


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
    text: str
    how: str
    basis: Markup
    nature: Nature
    common_issue: str
    evidence: str
    aliases: list[str]


@dataclass
class SectionView:
    number: str
    title: str
    items: list[ItemView]


def _item_view(item: Item, page: str, registry: Registry) -> ItemView:
    return ItemView(item.id, item.text, item.how, basis_links(item.basis, page, registry), NATURES[item.nature],
                    item.common_issue, item.evidence, item.aliases)


def nature_counts(items: list[Item]) -> str:
    counts = [(name, sum(1 for i in items if i.nature == name)) for name in NATURES]
    return "、".join(f"{name} {count} 项" for name, count in counts if count)


def stamp(checklist: Checklist) -> str:
    """The running header printed on every sheet: ID, version and date."""
    from ..text import cn_date

    return f"{checklist.id}　版本 {checklist.version}　更新 {cn_date(checklist.updated)}"


def checklist_page(checklist: Checklist, registry: Registry) -> str:
    page = checklist.page
    sections = [SectionView(_CN_NUMBERS[n], s.title, [_item_view(i, page, registry) for i in s.items])
                for n, s in enumerate(checklist.sections)]
    used = {i.nature for i in checklist.items}
    return render("checklist.md.j2", c=checklist, sections=sections, mode=MODES[checklist.mode],
                  title_json=Markup(json.dumps(checklist.title, ensure_ascii=False)),
                  procedure=basis_links([checklist.procedure], page, registry) if checklist.procedure else "",
                  nature_counts=nature_counts(checklist.items),
                  legend=[n for n in NATURES.values() if n.name in used], stamp=stamp(checklist))


def checklist_index(checklists: list[Checklist]) -> str:
    return render("checklist-index.md.j2", checklists=checklists,
                  total=sum(len(c.items) for c in checklists))
