"""Versions of the reference text (docs/basis/releases.yml): what a unit adopted, and what changed since."""

from __future__ import annotations

from dataclasses import dataclass

from .data_file import load_data
from .errors import Problem
from .schema_check import date_problems
from .sources import SourceTree

FILE = "basis/releases.yml"
SCHEMA = "basis/releases.schema.json"


@dataclass
class Release:
    version: str
    date: str
    summary: str


def load_releases(tree: SourceTree) -> tuple[list[Release], list[Problem]]:
    data, problems = load_data(tree, FILE, SCHEMA)
    if data is None:
        return [], problems
    problems += date_problems(data, [[i, "date"] for i in range(len(data))], tree.display(FILE))
    return [Release(d["version"], d["date"], d["summary"]) for d in data], problems
