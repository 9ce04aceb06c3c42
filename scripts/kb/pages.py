"""Hand-written Markdown pages: front matter, title, and the lifecycle metadata of procedures and templates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem
from .ids import ID_RE, Registry, kind_of, split_front_matter
from .schema_check import date_problems, schema_problems
from .yaml_source import decode_utf8, line_of, parse_yaml

PROCEDURE_SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "procedures" / "procedure.schema.json"
H1_RE = re.compile(r"^#\s+(.+?)\s*(\{[^}]*\})?\s*$", re.M)
DATE_FIELDS = ("effective", "reviewed")
PAGE_ID_RE = re.compile(rf"^id:\s*({ID_RE})\s*$", re.M)


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


def _common_problems(meta: dict, display: str) -> list[Problem]:
    """Front matter keys any page may carry; a wrong type here would otherwise crash or mislead later."""
    problems = []
    page_id = meta.get("id")
    if page_id is not None and not (isinstance(page_id, str) and re.fullmatch(ID_RE, page_id) and kind_of(page_id)):
        problems.append(Problem(display, line_of(meta, ["id"]), "id",
                                f"页面编号「{page_id}」不对：应为已定义前缀加连字符，如 GC-HJ、MB-HYJL"))
    for key in ("aliases", "checklists"):
        values = meta.get(key)
        if values is not None and not (isinstance(values, list) and all(isinstance(v, str) and v for v in values)):
            problems.append(Problem(display, line_of(meta, [key]), key, "应为文本列表，如 [换届, 换届选举]"))
    return problems


def read_page_meta(path: Path, src: str, display: str) -> tuple[PageMeta | None, list[Problem]]:
    text, problems = decode_utf8(path.read_bytes(), display)
    if text is None:
        return None, problems
    front, body, _ = split_front_matter(text)
    meta: dict = {}
    if front:
        data, problems = parse_yaml(front, display, first_line=2)
        if data is not None and not isinstance(data, dict):
            problems.append(Problem(display, 2, "（页面头部）", "页面头部 --- 之间应为“键: 值”形式"))
        if not problems:
            meta = data or {}
            problems += _common_problems(meta, display)
    h1 = H1_RE.search(body)
    if problems:
        # Keep the page with the ID it declares, so its own errors do not turn into "unknown ID" elsewhere.
        declared = PAGE_ID_RE.search(front)
        return PageMeta(src, display, text, h1.group(1) if h1 else path.stem,
                        declared.group(1) if declared else None), problems
    title = meta.get("title") or (h1.group(1) if h1 else path.stem)
    page = PageMeta(src, display, text, str(title), meta.get("id"), meta)
    if page.has_lifecycle or "status" in meta:
        found = schema_problems(meta, PROCEDURE_SCHEMA, display)
        if not found:
            paths = [[name] for name in DATE_FIELDS if name in meta] + [["changes", i, "date"] for i in range(len(meta["changes"]))]
            found = date_problems(meta, paths, display)
        problems += found
        if not found:
            page.changes = [Change(c["date"], c["kind"], c["note"]) for c in meta["changes"]]
    return page, problems
