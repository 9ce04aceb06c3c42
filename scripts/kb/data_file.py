"""Reading one YAML data file of docs/ against its schema: the same steps for every kind of data."""

from __future__ import annotations

from .checklists import PLACEHOLDER_RE, markup_problems
from .errors import Problem
from .schema_check import schema_problems
from .sources import SourceTree
from .yaml_source import load_yaml


def load_data(tree: SourceTree, rel: str, schema: str) -> tuple[object | None, list[Problem]]:
    """(data, problems): data is None when the file is missing, unreadable, empty or fails its schema;
    plain-text problems (markup in a value) come with the data, so every one is reported at once."""
    display = tree.display(rel)
    if rel not in tree.files:
        return None, [Problem(display, None, "（文件）", "找不到这个文件")]
    data, problems = load_yaml(tree.path(rel), display)
    if data is None or problems:
        return None, problems or [Problem(display, None, "（文件）", "文件为空")]
    problems = schema_problems(data, tree.path(schema), display)
    if problems:
        return None, problems
    return data, markup_problems(data, display, PLACEHOLDER_RE)
