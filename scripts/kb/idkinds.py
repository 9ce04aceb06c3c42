"""The one table of stable-ID kinds: prefix, shape and names. Every module asks this table, never a literal.

The search worker needs no copy of it: every target in the registry carries its ID into the search index, and
a typed ID is looked up there."""

from __future__ import annotations

import re
from enum import Enum

# Anything that looks like an ID; `kind_of` decides which kind it is (or none).
ID_RE = r"[A-Z]{2,6}(?:-[A-Z0-9]+)*(?:\.[0-9]+)?"


class IdKind(Enum):
    """(prefix or None, full regex, name in the ID index, label before the ID in a basis line)."""

    PROBLEM = ("WT", r"WT-\d{2}(?:\.\d+)?", "问题", "调研问题")
    ADVICE = ("JY", r"JY-\d{2}(?:\.\d+)?", "建议", "调研建议")
    LESSON = ("TH", r"TH-\d{2}(?:\.\d+)?", "体会", "调研体会")
    PROCEDURE = ("GC", r"GC-[A-Z]{2,6}", "规程", "规程")
    STEP = ("GC", r"GC-[A-Z]{2,6}-\d+", "规程步骤", "规程步骤")
    TEMPLATE = ("MB", r"MB-[A-Z]{2,8}", "模板", "模板")
    CHECKLIST = ("QD", r"QD-[A-Z]{2,6}", "清单", "清单")
    REGULATION = ("FG", r"FG-[A-Z0-9]+(?:-[A-Z0-9]+)*", "法规依据", "")
    UNIT = ("BDW", r"BDW(?:-[A-Z]{2,6}-\d+)?", "本单位要求", "本单位要求")
    TERM = ("SY", r"SY-\d{2}", "术语", "术语")
    # Checklist items carry their list's own prefix (HJ-03); declared in YAML only.
    ITEM = (None, r"[A-Z]{2,6}-\d{2}", "检查项", "检查项")

    def __init__(self, prefix: str | None, pattern: str, title: str, label: str):
        self.prefix = prefix
        self.pattern = re.compile(pattern)
        self.title = title
        self.label = label


PREFIXES = sorted({k.prefix for k in IdKind if k.prefix})


def kind_of(id_: str) -> IdKind | None:
    """The kind of a well-formed ID; an item ID may not use a prefix reserved for another kind."""
    head = id_.split("-")[0]
    for kind in IdKind:
        if kind.prefix == head and kind.pattern.fullmatch(id_):
            return kind
    if head not in PREFIXES and IdKind.ITEM.pattern.fullmatch(id_):
        return IdKind.ITEM
    return None
