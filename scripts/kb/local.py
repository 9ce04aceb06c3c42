"""Local requirements (本单位要求): the questions the site leaves to each unit, declared once in
docs/basis/local-requirements.yml and answered per unit in docs/units/<code>.yml.

In a page or a checklist field, `{{BDW-HJ-1}}` marks the place where the unit's answer goes (a blank in the
reference edition); `[[BDW-HJ-1]]` cites the requirement as a basis, like any other ID."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .data_file import load_data
from .errors import Problem
from .ids import FILL_RE
from .sources import SourceTree
from .units import Edition, Value

DECLARATIONS = "basis/local-requirements.yml"
SCHEMA = "basis/local-requirements.schema.json"
PAGE = "basis/local.md"
ANY_FILL_RE = re.compile(r"\{\{([^}]*)\}\}")
# A blank written by hand where a named requirement belongs (procedures and checklists, not forms).
BARE_BLANK_RE = re.compile(r"_{3,}")
BLANK = "______"


@dataclass
class LocalRequirement:
    id: str
    question: str
    topic: str
    unit: str = ""
    line: int | None = None


def load_local(tree: SourceTree) -> tuple[list[LocalRequirement], list[Problem]]:
    data, problems = load_data(tree, DECLARATIONS, SCHEMA)
    if data is None:
        return [], problems
    return [LocalRequirement(d["id"], d["question"], d["topic"], d.get("unit", ""), d.line) for d in data], problems


def fills_in(text: str) -> list[str]:
    return FILL_RE.findall(text)


def fill_problems(text: str, display: str, known: set[str], first_line: int = 1,
                  blanks_allowed: bool = False, form: bool = False) -> list[Problem]:
    """Every `{{…}}` names a declared requirement; a bare ______ is not allowed where requirements are set,
    nor in a form on a line that says it asks for the unit's own requirement (本单位要求)."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        for inner in ANY_FILL_RE.findall(line):
            match = FILL_RE.fullmatch("{{" + inner + "}}")
            if match is None:
                problems.append(Problem(display, number, f"{{{{{inner}}}}}",
                                        "本单位要求的填空格式不对：双花括号内只能写一个编号，如 {{BDW-HJ-1}}"))
            elif match.group(1) not in known:
                problems.append(Problem(display, number, f"{{{{{inner}}}}}",
                                        f"本单位要求「{match.group(1)}」没有在 docs/{DECLARATIONS} 中声明"))
        bare = BARE_BLANK_RE.search(FILL_RE.sub("", line))
        # In a form a blank is a fill-in line, unless the line says it asks for the unit's own requirement.
        if bare and (not blanks_allowed or (form and "本单位要求" in line)):
            problems.append(Problem(display, number, "（填空）",
                                    "这里的空白“____”是要求单位填写的要求：请在 docs/basis/local-requirements.yml "
                                    "中声明一个编号，写成 {{BDW-…}}"))
    return problems


def agreed(values: list[Value]) -> bool:
    return len({v.value for v in values}) == 1


def fill_text(id_: str, requirement: LocalRequirement, edition: Edition, short: bool = False) -> str:
    """Plain text for exports: the blank with its ID (and question, unless short for paper), or the value(s)
    with their sources."""
    values = edition.values(id_)
    unit = requirement.unit
    if not values:
        return f"{BLANK}{unit}（{id_}）" if short else f"{BLANK}{unit}（本单位要求 {id_}：{requirement.question}）"
    if short:
        return "；".join(f"{v.source}：{v.value}{unit}" for v in values) if not agreed(values) else f"{values[0].value}{unit}"
    if agreed(values):
        return f"{values[0].value}{unit}（{'；'.join(v.citation for v in values)}）"
    return "；".join(f"{v.source}：{v.value}{unit}（{v.document}{'，' + v.number if v.number else ''}）" for v in values)


def plain_text(text: str, requirements: dict[str, LocalRequirement], edition: Edition, short: bool = False) -> str:
    return FILL_RE.sub(lambda m: fill_text(m.group(1), requirements[m.group(1)], edition, short), text)
