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
from .idkinds import ID_RE, IdKind, kind_of
from .text import md_text

ANY_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
ANCHOR_RE = re.compile(rf"^(.*?)\s*\{{#({ID_RE})(?P<attrs>\s[^}}]*)?\}}$")
REF_RE = re.compile(rf"\[\[({ID_RE})\]\]")
ANY_REF_RE = re.compile(r"\[\[([^\]]*)\]\]")
FENCE_RE = re.compile(r"^\s*(```|~~~)")
# The opening line of a fenced code block as pymdownx.superfences reads it: in a list or a quote too.
FENCE_OPEN_RE = re.compile(r"^(?P<indent>[ \t>]*)(?P<fence>`{3,}|~{3,})")
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# A heading `{#FG-DZ-30 .kb-retired}` keeps a published ID's anchor; its first reference names the successor.
RETIRED_CLASS = ".kb-retired"
# `{{BDW-HJ-1}}`: where a unit's own requirement is filled in (see local.py); it also counts as a citation.
FILL_RE = re.compile(r"\{\{\s*(BDW-[A-Z]{2,6}-[0-9]+)\s*\}\}")
# The basis and nature lines of a procedure step: "- **依据**：[[FG-XJ-3]]；…" and "- **性质**：法规要求".
BASIS_LINE_RE = re.compile(r"^\s*[-*]\s+\*\*依据\*\*[:：]")
NATURE_LINE_RE = re.compile(r"^\s*[-*]\s+\*\*性质\*\*[:：]\s*(\S+?)\s*$")


@dataclass
class Target:
    id: str
    title: str
    src: str                 # docs-relative path of the page, e.g. "survey/problems.md"
    anchor: str | None       # None: the page itself
    cites: list[str] = field(default_factory=list)
    line: int | None = None
    kind: IdKind | None = None
    origin: str = ""         # the source file that declares it, for messages
    retired: bool = False    # kept only as an anchor; `cites[0]` is the ID to use instead
    basis: list[str] = field(default_factory=list)  # IDs on the step's 依据 line (procedure steps)
    nature: str = ""                                # 法规要求 / 调研建议 / 参考做法 / 本单位要求
    nature_line: int | None = None

    def __post_init__(self) -> None:
        self.kind = self.kind or kind_of(self.id)

    @property
    def successor(self) -> str | None:
        return self.cites[0] if self.retired and self.cites else None

    @property
    def parent(self) -> str | None:
        return self.id.rsplit(".", 1)[0] if "." in self.id else None

    def href_from(self, page_src: str) -> str:
        """Relative link from another page's source path, in the .md form MkDocs validates."""
        rel = _relative(self.src, posixpath.dirname(page_src) or ".")
        return f"{rel}#{self.anchor}" if self.anchor else rel

    def link_from(self, page_src: str, label: str | None = None) -> str:
        """Markdown link with the ID and title as tooltip: the one link form used for every reference."""
        tooltip = f"{self.id} {self.title}".replace("\\", "").replace('"', "“")
        return f'[{md_text(label or self.id)}]({self.href_from(page_src)} "{tooltip}")'


@lru_cache(maxsize=4096)
def _relative(src: str, from_dir: str) -> str:
    return posixpath.relpath(src, from_dir)


def numbered_in_order(ids: list[str]) -> bool:
    """Do these IDs (GC-HJ-1 …, HJ-01 …) run in the order of their numbers? A step or item added later keeps
    the next free number, so a page's order may not be theirs."""
    numbers = [int(m.group()) if (m := re.search(r"\d+$", id_)) else 0 for id_ in ids]
    return numbers == sorted(numbers)

class Registry:
    def __init__(self) -> None:
        self.targets: dict[str, Target] = {}
        self.problems: list[Problem] = []
        self._index: dict[str, list[Target]] | None = None

    def add(self, target: Target, display: str) -> None:
        if target.id in self.targets:
            # Reported where the ID is used again (the author's new copy), naming the first use.
            first = self.targets[target.id]
            where = "本文件" if first.origin == display else f"{first.origin} "
            where += f"第 {first.line} 行" if first.line else ""
            self.problems.append(Problem(display, target.line, "「编号」（id）",
                                         f"编号「{target.id}」重复：{where}已经用过这个编号，请给这一处换一个新的编号"))
            return
        target.origin = display
        self.targets[target.id] = target
        self._index = None

    def __contains__(self, id_: str) -> bool:
        return id_ in self.targets

    def __getitem__(self, id_: str) -> Target:
        return self.targets[id_]

    def of_kind(self, kind: IdKind, top_level_only: bool = True) -> list[Target]:
        found = [t for t in self.targets.values() if t.kind is kind]
        if top_level_only:
            found = [t for t in found if t.parent is None]
        return sorted(found, key=lambda t: natural_key(t.id))

    def children(self, id_: str) -> list[Target]:
        return sorted((t for t in self.targets.values() if t.parent == id_), key=lambda t: natural_key(t.id))

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


def natural_key(id_: str) -> list:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", id_)]


def split_front_matter(text: str) -> tuple[str, str, int]:
    """(front matter text, body, line offset of the body)."""
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return "", text, 0
    return match.group(1) or "", text[match.end():], match.group(0).count("\n")


def code_lines(lines: list[str]) -> set[int]:
    """Indices of the lines of fenced code blocks (fences included), as pymdownx.superfences finds them: a block
    ends only at its own fence string, as indented as the opening; a block never closed, or given up because a
    line is indented less, is no code block, and its lines are read as Markdown."""
    code: set[int] = set()
    start, indent, close = None, "", None
    for index, line in enumerate(lines):
        line = line.rstrip("\r\n")
        if start is None:
            opening = FENCE_OPEN_RE.match(line)
            if opening:
                start, indent = index, opening.group("indent")
                close = re.compile(re.escape(opening.group("fence")) + r"[ \t]*")
        elif line.strip() and not line.startswith(indent):
            start = None
        elif close.fullmatch(line[len(indent):]):
            code.update(range(start, index + 1))
            start = None
    return code


def live_lines(body: str, first_line: int = 1):
    """(line number, line) of the Markdown outside fenced code: the one scanner behind every check of a page's
    text and behind `expand_refs`, so what is checked is exactly what is expanded."""
    lines = body.splitlines()
    code = code_lines(lines)
    for index, line in enumerate(lines):
        if index not in code:
            yield index + first_line, line


def _body_lines(text: str):
    """(line number in the file, line) of the body outside fenced code blocks."""
    _, body, offset = split_front_matter(text)
    yield from live_lines(body, offset + 1)


def scan_markdown(text: str, src: str, registry: Registry, display: str, page_id: str | None,
                  page_title: str) -> None:
    """Register every heading anchor that is an ID, with the IDs cited in its section.

    A section ends at the next heading of the same or a higher level, ID or not: what a procedure cites
    under 常见问题 or 依据 belongs to the page, not to its last step."""
    open_sections: list[tuple[int, Target | None]] = []
    page_target = None
    if page_id:
        front, _, _ = split_front_matter(text)
        declared = re.search(r"^id:", front, re.MULTILINE)
        line = front[: declared.start()].count("\n") + 2 if declared else 1  # front matter starts on line 2
        page_target = Target(page_id, page_title, src, None, line=line)
        registry.add(page_target, display)
    for number, line in _body_lines(text):
        heading = ANY_HEADING_RE.match(line)
        if heading:
            level = len(heading.group(1))
            while open_sections and open_sections[-1][0] >= level:
                open_sections.pop()
            anchored = ANCHOR_RE.match(heading.group(2))
            target = None
            if anchored and kind_of(anchored.group(2)) and anchored.group(2) != page_id:
                id_, title = anchored.group(2), anchored.group(1)
                title = title[len(id_):].strip() if title.startswith(id_) else title
                retired = RETIRED_CLASS in (anchored.group("attrs") or "").split()
                target = Target(id_, title, src, id_, line=number, retired=retired)
                registry.add(target, display)
            open_sections.append((level, target))
            continue
        holder = open_sections[-1][1] if open_sections and open_sections[-1][1] else page_target
        if holder is None:
            continue
        cited = REF_RE.findall(line)
        holder.cites.extend(c for c in cited + FILL_RE.findall(line) if c not in holder.cites)
        if BASIS_LINE_RE.match(line):
            holder.basis.extend(c for c in cited if c not in holder.basis)
        nature = NATURE_LINE_RE.match(line)
        if nature:
            holder.nature, holder.nature_line = nature.group(1), number


def ref_problems(text: str, display: str, registry: Registry) -> list[Problem]:
    """Every `[[...]]` must name a known ID, with the file's own line numbers."""
    problems = []
    for number, line in _body_lines(text):
        for inner in ANY_REF_RE.findall(line):
            if not re.fullmatch(ID_RE, inner):
                problems.append(Problem(display, number, f"[[{inner}]]",
                                        "引用格式不对：方括号内只能写一个编号，如 [[WT-02.2]]"))
            elif inner == "BDW":
                problems.append(Problem(display, number, f"[[{inner}]]",
                                        "请引用具体的本单位要求编号（如 [[BDW-HJ-1]]，见“本单位要求一览”），不要只写 BDW"))
            elif inner not in registry:
                problems.append(Problem(display, number, f"[[{inner}]]", f"引用了不存在的编号「{inner}」"))
            elif registry[inner].retired and registry[inner].origin != display:
                problems.append(Problem(display, number, f"[[{inner}]]", retired_message(registry[inner])))
    return problems


def retired_message(target: Target) -> str:
    return f"编号「{target.id}」已停用，请改用「{target.successor or '（见该编号的说明）'}」"


def expand_refs(text: str, page_src: str, registry: Registry, basis_label=None) -> str:
    """Turn each `[[ID]]` into a relative Markdown link (references were checked by `ref_problems`, on the
    same lines: `live_lines`).

    On a step's 依据 line the link reads as the short human name (`basis_label`), as in checklists."""
    lines = text.splitlines(keepends=True)
    code = code_lines(lines)
    for index, line in enumerate(lines):
        if index not in code and "[[" in line:
            named = basis_label is not None and BASIS_LINE_RE.match(line)
            lines[index] = REF_RE.sub(
                lambda m, named=named: registry[m.group(1)].link_from(
                    page_src, basis_label(registry[m.group(1)]) if named else None), line)
    return "".join(lines)


def generated_ref_problems(files: dict[str, str | bytes], registry: Registry, display) -> list[Problem]:
    """The generated pages cite IDs too (their templates name survey lessons, for instance); one deleted from
    docs/ would otherwise pass `check` and break the build."""
    problems = []
    for path, content in sorted(files.items()):
        if path.endswith(".md") and isinstance(content, str):
            problems += [Problem(p.file, p.line, p.field, f"这个页面由构建自动生成，其中{p.message}；"
                                 "它可能在 docs/ 中被删除或改了编号，请恢复这个编号（或请维护人员修改页面模板）")
                         for p in ref_problems(content, f"{display(path)}（自动生成）", registry)]
    return problems
