"""Checklist data: parse and validate docs/checklists/*.yml into a typed model (once); renderers read the model."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem, display_path
from .schema_check import date_problems, field_name, schema_problems
from .yaml_source import load_yaml, line_of

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "checklists" / "checklist.schema.json"

# Text fields are shown as plain text; markup in them is almost always a paste accident.
# "__" is not in the list: runs of underscores are the fill-in blanks of a form (文号____).
MARKUP_RE = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>|\]\(|\*\*|`|!\[|^\s*#{1,6}\s", re.M)
# Generated pages and CSV files share the folder with the checklist pages.
RESERVED_SLUGS = {"index", "all-items"}
ID_LINE_RE = re.compile(r"^\s*(?:-\s+)?id:\s*([A-Z][A-Z0-9.-]*)\s*$")
TEXT_FIELDS = ("title", "purpose", "text", "how", "common_issue", "evidence")


@dataclass
class Item:
    id: str
    text: str
    how: str
    basis: list[str]
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
    def broken(cls, path: Path, source: str) -> "Checklist":
        """Stand-in for a file that failed validation. It only reserves the IDs the file declares, read
        from its raw text, so its own errors do not turn into "unknown ID" errors in other files."""
        text = path.read_bytes().decode("utf-8", errors="replace")
        ids = [(m.group(1), n) for n, line in enumerate(text.splitlines(), 1) if (m := ID_LINE_RE.match(line))]
        return cls("", "", "", "", [], "", "", [], source=source, slug=slug_of(path), broken_ids=ids)

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    @property
    def page(self) -> str:
        return f"checklists/{self.slug}.md"


def _markup_problems(data: dict, display: str) -> list[Problem]:
    problems = []

    def visit(node: object, path: list) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                visit(value, path + [key])
        elif isinstance(node, list):
            for index, value in enumerate(node):
                visit(value, path + [index])
        elif isinstance(node, str) and path and path[-1] in TEXT_FIELDS and MARKUP_RE.search(node):
            problems.append(Problem(display, line_of(data, path), field_name(path),
                                    f"文本中含有 HTML 或 Markdown 标记「{MARKUP_RE.search(node).group(0)}」；"
                                    "此处只能写纯文本"))

    visit(data, [])
    return problems


def slug_of(path: Path) -> str:
    """File names carry a two-digit order prefix (the order of the index and the nav); URLs do not."""
    return re.sub(r"^\d+-", "", path.stem)


def load_checklist(path: Path, root: Path) -> tuple[Checklist | None, list[Problem]]:
    display = display_path(path, root)
    data, problems = load_yaml(path, display)
    if data is None and problems:
        return Checklist.broken(path, display), problems
    if data is None:
        return None, [Problem(display, None, "（文件）", "文件为空，没有任何检查项")]
    problems += schema_problems(data, SCHEMA, display)
    if problems:
        return Checklist.broken(path, display), problems
    problems += _markup_problems(data, display)
    problems += date_problems(data, [["updated"]], display)
    sections = [
        Section(s["title"], [
            Item(i["id"], i["text"], i["how"], list(i["basis"]), i.get("common_issue", ""),
                 i.get("evidence", ""), list(i.get("aliases", [])), i.line, dict(i.key_lines))
            for i in s["items"]
        ])
        for s in data["sections"]
    ]
    checklist = Checklist(data["id"], data["title"], data["version"], data["updated"], list(data["audience"]),
                          data["purpose"], data["mode"], sections, data.get("procedure", ""),
                          display, slug_of(path), dict(data.key_lines))
    return checklist, problems


def load_checklists(folder: Path, root: Path) -> tuple[list[Checklist], list[Problem]]:
    """All checklists in file-name order; an empty folder is itself a problem."""
    checklists, problems = [], []
    files = sorted(folder.glob("*.yml"))
    if not files:
        problems.append(Problem(display_path(folder, root), None, "（目录）", "没有找到任何检查清单 YAML 文件"))
    first_file: dict[str, str] = {}
    for path in files:
        display = display_path(path, root)
        slug = slug_of(path)
        if slug in RESERVED_SLUGS or slug in first_file:
            reason = "为生成页面保留" if slug in RESERVED_SLUGS else f"已由 {first_file[slug]} 使用"
            problems.append(Problem(display, None, "（文件名）",
                                    f"去掉序号后的文件名「{slug}」{reason}，请改用其他文件名"))
            continue
        first_file[slug] = display
        checklist, found = load_checklist(path, root)
        problems += found
        if checklist is not None:
            checklists.append(checklist)
    return checklists, problems
