"""Glossary data (docs/glossary/terms.yml): one source for the glossary page and the hover tooltips."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .checklists import MARKUP_RE
from .errors import Problem, display_path
from .schema_check import schema_problems
from .yaml_source import load_yaml

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "glossary" / "terms.schema.json"
# The schema's list is the one list of categories; the glossary page shows them in this order.
CATEGORIES = json.loads(SCHEMA.read_text(encoding="utf-8"))["items"]["properties"]["category"]["enum"]


@dataclass
class Term:
    id: str
    term: str
    category: str
    definition: str
    aliases: list[str] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)
    line: int | None = None


def load_terms(path: Path, root: Path) -> tuple[list[Term], list[Problem]]:
    display = display_path(path, root)
    data, problems = load_yaml(path, display)
    if data is None:
        return [], problems or [Problem(display, None, "（文件）", "术语表为空")]
    problems += schema_problems(data, SCHEMA, display)
    if problems:
        return [], problems
    terms = []
    spelled: dict[str, str] = {}
    for entry in data:
        for spelling in [entry["term"], *entry.get("aliases", [])]:
            if spelling in spelled:
                problems.append(Problem(display, entry.line, f"{entry['id']}.term",
                                        f"写法「{spelling}」与 {spelled[spelling]} 重复，悬停释义只能对应一个术语"))
            spelled.setdefault(spelling, entry["id"])
        if MARKUP_RE.search(entry["definition"]):
            problems.append(Problem(display, entry.key_lines["definition"], f"{entry['id']}.definition",
                                    "释义中含有 HTML 或 Markdown 标记；此处只能写纯文本"))
        terms.append(Term(entry["id"], entry["term"], entry["category"], entry["definition"],
                          list(entry.get("aliases", [])), list(entry.get("basis", [])), entry.line))
    return terms, problems


def tooltips(terms: list[Term]) -> dict[str, str]:
    """Abbreviation glossary for the abbr extension: every spelling of a term maps to its definition."""
    result = {}
    for term in terms:
        for spelling in [term.term, *term.aliases]:
            result[spelling] = f"{term.term}：{term.definition}"
    return result
