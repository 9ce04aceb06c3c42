"""The ID registry: every stable ID on the site, where it lives now, and which IDs it cites.

An ID is declared by a Markdown heading ending in an explicit anchor equal to the ID
(`## WT-02 标题 {#WT-02}`), by a page's front matter `id:`, or by generated data (checklists, glossary).
Content refers to IDs with `[[WT-02]]`; links are resolved at build time, so pages can move freely."""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .errors import Problem

ID_RE = r"[A-Z]{2,4}(?:-[A-Z0-9]+)*(?:\.[0-9]+)?"
HEADING_RE = re.compile(rf"^(#{{1,6}})\s+(.*?)\s*\{{#({ID_RE})(?:\s[^}}]*)?\}}\s*$")
REF_RE = re.compile(rf"\[\[({ID_RE})\]\]")
FENCE_RE = re.compile(r"^\s*(```|~~~)")
FRONT_MATTER_RE = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)

# What each prefix names, for labels in generated pages.
KINDS = {
    "WT": "问题", "JY": "建议", "TH": "体会", "GC": "规程", "MB": "模板",
    "QD": "清单", "FG": "法规依据", "BDW": "本单位/上级要求", "SY": "术语",
}


@dataclass
class Target:
    id: str
    title: str
    src: str                 # docs-relative path of the page, e.g. "survey/problems.md"
    anchor: str | None       # None: the page itself
    cites: list[str] = field(default_factory=list)
    line: int | None = None
    origin: str = ""         # the source file that declares it, for messages

    @property
    def kind(self) -> str:
        prefix = self.id.split("-")[0]
        return KINDS.get(prefix, "检查项")

    @property
    def parent(self) -> str | None:
        if "." in self.id:
            return self.id.rsplit(".", 1)[0]
        return None

    def href_from(self, page_src: str) -> str:
        """Relative link from another page's source path, in the .md form MkDocs validates."""
        rel = _relative(self.src, posixpath.dirname(page_src) or ".")
        return f"{rel}#{self.anchor}" if self.anchor else rel


@lru_cache(maxsize=4096)
def _relative(src: str, from_dir: str) -> str:
    return posixpath.relpath(src, from_dir)


class Registry:
    def __init__(self) -> None:
        self.targets: dict[str, Target] = {}
        self.problems: list[Problem] = []
        self._index: dict[str, list[Target]] | None = None

    def add(self, target: Target, display: str) -> None:
        if target.id in self.targets:
            first = self.targets[target.id]
            where = f"{first.origin} 第 {first.line} 行" if first.line else first.origin
            self.problems.append(Problem(display, target.line, "id",
                                         f"编号「{target.id}」重复（已在 {where} 使用）"))
            return
        target.origin = display
        self.targets[target.id] = target
        self._index = None

    def __contains__(self, id_: str) -> bool:
        return id_ in self.targets

    def __getitem__(self, id_: str) -> Target:
        return self.targets[id_]

    def with_prefix(self, prefix: str, top_level_only: bool = True) -> list[Target]:
        found = [t for t in self.targets.values() if t.id.startswith(prefix + "-")]
        if top_level_only:
            found = [t for t in found if t.parent is None]
        return sorted(found, key=lambda t: _natural_key(t.id))

    def citing(self, id_: str) -> list[Target]:
        """Targets that cite `id_` or one of its sub-IDs (citing WT-02.2 also answers WT-02)."""
        return self._cited_by().get(id_, [])

    def citing_exactly(self, id_: str) -> list[Target]:
        return [t for t in self._cited_by().get(id_, []) if id_ in t.cites]

    def _cited_by(self) -> dict[str, list[Target]]:
        # Built once, after every ID is registered: renderers ask for thousands of IDs.
        if self._index is None:
            index: dict[str, dict[str, Target]] = defaultdict(dict)
            for target in self.targets.values():
                for cited in target.cites:
                    index[cited][target.id] = target
                    if "." in cited:
                        index[cited.rsplit(".", 1)[0]][target.id] = target
            self._index = {key: list(found.values()) for key, found in index.items()}
        return self._index


def _natural_key(id_: str) -> list:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", id_)]


def natural_key(id_: str) -> list:
    return _natural_key(id_)


def split_front_matter(text: str) -> tuple[str, str, int]:
    """(front matter text, body, line offset of the body)."""
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return "", text, 0
    return match.group(1), text[match.end():], match.group(0).count("\n")


def scan_markdown(text: str, src: str, registry: Registry, display: str, page_id: str | None,
                  page_title: str) -> None:
    """Register every heading anchor that is an ID, with the IDs cited in its section."""
    _, body, offset = split_front_matter(text)
    open_sections: list[tuple[int, Target]] = []
    page_target = None
    if page_id:
        page_target = Target(page_id, page_title, src, None, line=1)
        registry.add(page_target, display)
    in_fence = False
    for number, line in enumerate(body.splitlines(), start=offset + 1):
        if FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        heading = HEADING_RE.match(line)
        if heading:
            level = len(heading.group(1))
            while open_sections and open_sections[-1][0] >= level:
                open_sections.pop()
            id_ = heading.group(3)
            if page_id and id_ == page_id:
                continue  # the h1 repeats the page's own ID as its anchor
            title = heading.group(2)
            title = title[len(id_):].strip() if title.startswith(id_) else title
            target = Target(id_, title, src, id_, line=number)
            registry.add(target, display)
            open_sections.append((level, target))
            continue
        cited = REF_RE.findall(line)
        if cited:
            holders = [t for _, t in open_sections] or ([page_target] if page_target else [])
            for holder in holders[-1:]:
                holder.cites.extend(c for c in cited if c not in holder.cites)


def expand_refs(text: str, page_src: str, registry: Registry, display: str) -> tuple[str, list[Problem]]:
    """Turn each `[[ID]]` into a relative Markdown link with the target's title as tooltip."""
    problems: list[Problem] = []
    lines = text.splitlines(keepends=True)
    in_fence = False
    for index, line in enumerate(lines):
        if FENCE_RE.match(line):
            in_fence = not in_fence
        if in_fence or "[[" not in line:
            continue

        def link(match: re.Match) -> str:
            id_ = match.group(1)
            target = registry.targets.get(id_)
            if target is None:
                problems.append(Problem(display, index + 1, f"[[{id_}]]", f"引用了不存在的编号「{id_}」"))
                return match.group(0)
            title = target.title.replace('"', "“")
            return f'[{id_}]({target.href_from(page_src)} "{id_} {title}")'

        lines[index] = REF_RE.sub(link, line)
    return "".join(lines), problems
