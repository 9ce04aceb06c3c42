"""Glossary data: the terms (one source for the glossary page and the hover tooltips) and the retired
synonyms that must no longer appear on the site."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .data_file import load_data
from .errors import Problem
from .sources import SourceTree

TERMS = "glossary/terms.yml"
TERMS_SCHEMA = "glossary/terms.schema.json"
RETIRED = "glossary/retired.yml"
RETIRED_SCHEMA = "glossary/retired.schema.json"


@dataclass
class Term:
    id: str
    term: str
    category: str
    definition: str
    aliases: list[str] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)
    line: int | None = None


@dataclass
class Retired:
    term: str
    use: str
    reason: str
    line: int | None = None


def categories(tree: SourceTree) -> list[str]:
    """The schema's list is the one list of categories; the glossary page shows them in this order."""
    schema = json.loads(tree.path(TERMS_SCHEMA).read_text(encoding="utf-8"))
    return schema["items"]["properties"]["category"]["enum"]


def load_terms(tree: SourceTree) -> tuple[list[Term], list[Problem]]:
    data, problems = load_data(tree, TERMS, TERMS_SCHEMA)
    if data is None:
        return [], problems
    display = tree.display(TERMS)
    terms = []
    spelled: dict[str, str] = {}
    for entry in data:
        for spelling in [entry["term"], *entry.get("aliases", [])]:
            if spelling in spelled:
                problems.append(Problem(display, entry.line, f"「{entry['id']}」的术语或别名",
                                        f"写法「{spelling}」与 {spelled[spelling]} 重复，悬停释义只能对应一个术语"))
            spelled.setdefault(spelling, entry["id"])
        terms.append(Term(entry["id"], entry["term"], entry["category"], entry["definition"],
                          list(entry.get("aliases", [])), list(entry.get("basis", [])), entry.line))
    return terms, problems


def load_retired(tree: SourceTree, terms: list[Term]) -> tuple[list[Retired], list[Problem]]:
    data, problems = load_data(tree, RETIRED, RETIRED_SCHEMA)
    if data is None:
        return [], problems
    display = tree.display(RETIRED)
    spellings = {s: t.id for t in terms for s in [t.term, *t.aliases]}
    retired = []
    for entry in data:
        if entry["term"] in spellings:
            problems.append(Problem(display, entry.line, "「术语」（term）",
                                    f"停用的说法「{entry['term']}」仍是术语 {spellings[entry['term']]} 的写法，请先从术语表中去掉"))
        retired.append(Retired(entry["term"], entry["use"], entry["reason"], entry.line))
    return retired, problems


def tooltips(terms: list[Term]) -> dict[str, str]:
    """Abbreviation glossary for the abbr extension: every spelling of a term maps to its definition."""
    result = {}
    for term in terms:
        for spelling in [term.term, *term.aliases]:
            result[spelling] = f"{term.term}：{term.definition}"
    return result
