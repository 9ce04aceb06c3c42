"""Versions of the reference text (docs/basis/releases.yml): what a unit adopted, and what changed since."""

from __future__ import annotations

from dataclasses import dataclass

from .checklists import markup_problems
from .errors import Problem
from .schema_check import date_problems, schema_problems
from .sources import SourceTree
from .yaml_source import load_yaml

FILE = "basis/releases.yml"
SCHEMA = "basis/releases.schema.json"


@dataclass
class Release:
    version: str
    date: str
    summary: str


def load_releases(tree: SourceTree) -> tuple[list[Release], list[Problem]]:
    display = tree.display(FILE)
    if FILE not in tree.files:
        return [], [Problem(display, None, "（文件）", "找不到参考文本的版本记录")]
    data, problems = load_yaml(tree.path(FILE), display)
    if data is None or problems:
        return [], problems or [Problem(display, None, "（文件）", "文件为空")]
    problems = schema_problems(data, tree.path(SCHEMA), display)
    if problems:
        return [], problems
    problems = markup_problems(data, display)
    problems += date_problems(data, [[i, "date"] for i in range(len(data))], display)
    return [Release(d["version"], d["date"], d["summary"]) for d in data], problems
