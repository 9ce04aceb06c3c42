"""Hand-written Markdown pages: front matter, title, and the lifecycle metadata of procedures and templates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem
from .ids import Registry, split_front_matter
from .schema_check import schema_problems
from .yaml_source import decode_utf8, line_of, parse_yaml

PROCEDURE_SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "procedures" / "procedure.schema.json"
H1_RE = re.compile(r"^#\s+(.+?)\s*(\{[^}]*\})?\s*$", re.M)
DATE_FIELDS = ("effective", "reviewed")


@dataclass
class Change:
    date: str
    kind: str
    note: str


@dataclass
class PageMeta:
    src: str
    display: str
    text: str
    title: str
    id: str | None = None
    meta: dict = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)

    @property
    def has_lifecycle(self) -> bool:
        return bool(self.id) and self.id.split("-")[0] in ("GC", "MB")

    def link_problems(self, registry: Registry) -> list[Problem]:
        return [Problem(self.display, line_of(self.meta, ["checklists"]), "checklists",
                        f"相关清单「{id_}」不存在")
                for id_ in self.meta.get("checklists", []) if id_ not in registry]


def _date_problems(meta: dict, display: str) -> list[Problem]:
    paths = [[name] for name in DATE_FIELDS] + [["changes", i, "date"] for i in range(len(meta["changes"]))]
    problems = []
    for path in paths:
        value = meta[path[0]] if len(path) == 1 else meta["changes"][path[1]]["date"]
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            problems.append(Problem(display, line_of(meta, path), ".".join(map(str, path)),
                                    f"日期「{value}」不存在，请写成有效的 年-月-日，如 2026-11-26"))
    return problems


def read_page_meta(path: Path, src: str, display: str) -> tuple[PageMeta | None, list[Problem]]:
    text, problems = decode_utf8(path.read_bytes(), display)
    if text is None:
        return None, problems
    front, body, _ = split_front_matter(text)
    meta: dict = {}
    if front:
        data, problems = parse_yaml(front, display, first_line=2)
        if data is None:
            return None, problems
        if not isinstance(data, dict):
            return None, [Problem(display, 2, "（页面头部）", "页面头部 --- 之间应为“键: 值”形式")]
        meta = data
    h1 = H1_RE.search(body)
    title = meta.get("title") or (h1.group(1) if h1 else path.stem)
    page = PageMeta(src, display, text, str(title), meta.get("id"), meta)
    if page.has_lifecycle or "status" in meta:
        found = schema_problems(meta, PROCEDURE_SCHEMA, display)
        if not found:
            found = _date_problems(meta, display)
        problems += found
        if not found:
            page.changes = [Change(c["date"], c["kind"], c["note"]) for c in meta["changes"]]
    return page, problems
