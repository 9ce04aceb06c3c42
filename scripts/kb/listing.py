"""What every form of a checklist says around its items — page, PDF, Word and Excel alike: the name of its
mode of use, the numerals of its groups, the count of natures and the running header on every sheet.

Kept apart from the page renderers and the exporters so that both read it and neither imports the other."""

from __future__ import annotations

from dataclasses import dataclass

from .checklists import Checklist
from .natures import NATURES
from .text import cn_date
from .units import Edition


@dataclass(frozen=True)
class Mode:
    name: str
    meaning: str


MODES = {
    "READ-DO": Mode("边读边做", "按顺序逐项执行"),
    "DO-CONFIRM": Mode("做后核对", "工作完成后逐项对照检查"),
}
# Groups are numbered 一、二、…; the schema allows at most ten groups.
SECTION_NUMERALS = "一二三四五六七八九十"


def nature_counts(natures: list[str]) -> str:
    """"法规要求 3 项、参考做法 1 项": the natures of a list's items, in the order natures are declared."""
    return "、".join(f"{name} {natures.count(name)} 项" for name in NATURES if natures.count(name))


def stamp(checklist: Checklist, edition: Edition) -> str:
    """The running header printed on every sheet: the unit (in its edition), ID, version and date."""
    unit = f"{edition.unit.short_name}　" if edition.unit else ""
    return f"{unit}{checklist.id}　版本 {checklist.version}　更新 {cn_date(checklist.updated)}"
