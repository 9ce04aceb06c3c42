"""Checklist data: parse and validate docs/checklists/*.yml into a typed model (once); renderers read the model."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import Problem, field_path
from .schema_check import date_problems, schema_problems
from .sources import YAML_SUFFIX, SourceTree, name_problems
from .yaml_source import line_of, load_yaml, looks_utf16

SCHEMA = "checklists/checklist.schema.json"
FOLDER = "checklists"
SUFFIXES = (".yml", ".yaml")
# Every value is shown as plain text; markup in it is a paste accident or an attack. Angle brackets are
# refused outright (they would be live HTML in the navigation and the page title); the full-width ＜＞ are fine.
# "__" is not in the list: runs of underscores are the fill-in blanks of a form (文号____).
MARKUP_RE = re.compile(r"[<>]|\]\(|\*\*|`|!\[|^\s*#{1,6}\s", re.MULTILINE)
# [[ID]] and {{BDW-…}} work only in pages and checklist items: anywhere else they would show as typed.
REFERENCE_RE = re.compile(r"\[\[|\]\]")
PLACEHOLDER_RE = re.compile(r"\[\[|\]\]|\{\{|\}\}")
# Generated pages share the folder with the checklist pages.
RESERVED_SLUGS = {"index", "all-items", "print-all"}
ID_LINE_RE = re.compile(r"^\s*(?:-\s+)?id:\s*([A-Z][A-Z0-9.-]*)\s*$")


@dataclass
class Item:
    id: str
    text: str
    how: str
    basis: list[str]
    nature: str = ""
    common_issue: str = ""
    evidence: str = ""
    aliases: list[str] = field(default_factory=list)
    line: int | None = None
    lines: dict = field(default_factory=dict)   # line of each key, for messages


@dataclass
class Section:
    title: str
    items: list[Item]


@dataclass
class Checklist:
    id: str
    title: str
    version: str
    updated: str
    audience: list[str]
    purpose: str
    mode: str
    sections: list[Section]
    procedure: str = ""
    source: str = ""          # project-relative path of the YAML file
    slug: str = ""            # file stem without its order prefix: 03-hj.yml → checklists/hj.md
    lines: dict = field(default_factory=dict)
    # Set only on the stand-in for a file that failed validation: the IDs its text declares, with lines.
    broken_ids: list[tuple[str, int]] | None = None

    @classmethod
    def broken(cls, path: Path, source: str) -> Checklist:
        """Stand-in for a file that failed validation. It only reserves the IDs the file declares, read
        from its raw text, so its own errors do not turn into "unknown ID" errors in other files."""
        raw = path.read_bytes()[:1024 * 1024]
        text = raw.decode("utf-16" if looks_utf16(raw) else "utf-8", errors="replace")
        ids = [(m.group(1), n) for n, line in enumerate(text.splitlines(), 1) if (m := ID_LINE_RE.match(line))]
        return cls("", "", "", "", [], "", "", [], source=source, slug=slug_of(path), broken_ids=ids)

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    @property
    def page(self) -> str:
        return f"checklists/{self.slug}.md"


def markup_problems(data: object, display: str, placeholders: re.Pattern = REFERENCE_RE) -> list[Problem]:
    """Every text value of a data file, wherever it sits: plain text only (and no [[…]], or {{…}} either
    where `placeholders` says so)."""
    problems = []

    def visit(node: object, path: list) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                visit(value, path + [key])
        elif isinstance(node, list):
            for index, value in enumerate(node):
                visit(value, path + [index])
        elif isinstance(node, str) and MARKUP_RE.search(node):
            found = MARKUP_RE.search(node).group(0).strip()
            hint = "（尖括号请改用全角＜＞）" if found in "<>" else ""
            problems.append(Problem(display, line_of(data, path), field_path(path),
                                    f"文字中含有 HTML 或 Markdown 标记「{found}」；此处只能写纯文本{hint}"))
        elif isinstance(node, str) and placeholders.search(node):
            found = placeholders.search(node).group(0)
            problems.append(Problem(display, line_of(data, path), field_path(path),
                                    f"文字中含有「{found}」；此处只能写纯文本：[[编号]] 引用和 {{{{编号}}}} 填空在这里不起作用，"
                                    "会原样显示"))

    visit(data, [])
    return problems


def slug_of(name: str) -> str:
    """File names carry a two-digit order prefix (the order of the index and the nav); URLs do not."""
    return re.sub(r"^\d+-", "", Path(name).stem)


def load_checklist(tree: SourceTree, rel: str) -> tuple[Checklist | None, list[Problem]]:
    display = tree.display(rel)
    path = tree.path(rel)
    data, problems = load_yaml(path, display)
    if problems:
        return Checklist.broken(path, display), problems
    if data is None:
        return None, [Problem(display, None, "（文件）", "文件为空，没有任何检查项")]
    problems += schema_problems(data, tree.path(SCHEMA), display)
    if problems:
        return Checklist.broken(path, display), problems
    problems += markup_problems(data, display)
    problems += date_problems(data, [["updated"]], display)
    sections = [
        Section(s["title"], [
            Item(i["id"], i["text"], i["how"], list(i["basis"]), i.get("nature", ""), i.get("common_issue", ""),
                 i.get("evidence", ""), list(i.get("aliases", [])), i.line, dict(i.key_lines))
            for i in s["items"]
        ])
        for s in data["sections"]
    ]
    checklist = Checklist(data["id"], data["title"], data["version"], data["updated"], list(data["audience"]),
                          data["purpose"], data["mode"], sections, data.get("procedure", ""),
                          display, slug_of(rel), dict(data.key_lines))
    return checklist, problems


def load_checklists(tree: SourceTree) -> tuple[list[Checklist], list[Problem]]:
    """All checklists in file-name order; an empty folder is itself a problem."""
    checklists, problems = [], []
    files = tree.matching(FOLDER, SUFFIXES)
    if not files:
        problems.append(Problem(tree.display(FOLDER), None, "（目录）", "没有找到任何检查清单 YAML 文件"))
    first_file: dict[str, str] = {}
    for rel in files:
        display = tree.display(rel)
        name, slug = PurePosixPath(rel).name, slug_of(rel)
        twin = rel[: -len(YAML_SUFFIX)] + ".yml"
        if rel.endswith(YAML_SUFFIX) and twin in files:
            problems.append(Problem(display, None, "（文件名）", f"同一份清单同时存为 {tree.display(twin)} 和 {display}："
                                                                "只保留 .yml 文件，请删除这个 .yaml 文件"))
            continue
        taken = first_file.get(slug.lower())
        if slug.lower() in RESERVED_SLUGS or taken:
            reason = ("为生成页面保留" if slug.lower() in RESERVED_SLUGS
                      else f"已由 {taken} 使用（网址不区分字母大小写）")
            also = "，扩展名也要改为 .yml" if rel.endswith(YAML_SUFFIX) else ""
            problems.append(Problem(display, None, "（文件名）",
                                    f"去掉序号后的文件名「{slug}」{reason}，请改用其他文件名{also}"))
            continue
        first_file[slug.lower()] = display
        problems += name_problems(display, name)  # still read: its IDs stay known, so only the name is reported
        checklist, found = load_checklist(tree, rel)
        problems += found
        if checklist is not None:
            checklists.append(checklist)
    return checklists, problems
