"""Hand-written Markdown pages: front matter, title, links, and the lifecycle metadata of procedures and templates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .checklists import MARKUP_RE
from .errors import Problem, echo, field_path
from .idkinds import ID_RE, IdKind, kind_of
from .ids import Registry, live_lines, split_front_matter
from .schema_check import date_problems, schema_problems
from .snippets import include_problems
from .sources import SourceTree
from .text_safety import invisible_lines
from .urls import url_problem
from .yaml_source import MAX_FILE_BYTES, decode_source, line_of, parse_yaml

PROCEDURE_SCHEMA = "procedures/procedure.schema.json"
H1_RE = re.compile(r"^#\s+(.+?)\s*(\{[^}]*\})?\s*$", re.MULTILINE)
DATE_FIELDS = ("effective", "reviewed")
PAGE_ID_RE = re.compile(rf"^id:\s*({ID_RE})\s*$", re.MULTILINE)
# Pages under procedures/ are procedures or templates and need their metadata; the section index does not.
PROCEDURE_FOLDER = "procedures/"
FREE_PAGES = {"procedures/index.md"}
# Link destinations in Markdown and raw HTML, each with whether the browser fetches it on its own (loads).
_LINK_RES = (
    (re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]*)"), True),
    (re.compile(r"\]\(\s*<?([^)\s>]*)"), False),
    (re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE), False),
    (re.compile(r"<((?:[A-Za-z][A-Za-z0-9+.-]*):[^>\s]*)>"), False),
    (re.compile(r"""\b(?:src|srcset|poster|data|background)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE), True),
    (re.compile(r"""\b(?:href|action|formaction|xlink:href)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE), False),
)
_CODE_SPAN_RE = re.compile(r"(`+)(?:(?!\1).)+\1")
_EVENT_ATTR_RE = re.compile(r"<[A-Za-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
_SCRIPT_TAG_RE = re.compile(r"<\s*(script|iframe|object|embed|frame|frameset|applet|base|meta|link|form)\b", re.IGNORECASE)


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
        return bool(self.id) and kind_of(self.id) in (IdKind.PROCEDURE, IdKind.TEMPLATE)

    def link_problems(self, registry: Registry) -> list[Problem]:
        return [Problem(self.display, line_of(self.meta, ["checklists"]), "「相关清单」（checklists）",
                        f"相关清单「{echo(id_)}」不存在")
                for id_ in self.meta.get("checklists", []) if id_ not in registry]


def _common_problems(meta: dict, display: str) -> list[Problem]:
    """Front matter keys any page may carry; a wrong type here would otherwise crash or mislead later."""
    problems = []
    page_id = meta.get("id")
    if page_id is not None and not (isinstance(page_id, str) and re.fullmatch(ID_RE, page_id) and kind_of(page_id)):
        problems.append(Problem(display, line_of(meta, ["id"]), field_path(["id"]),
                                f"页面编号「{echo(page_id)}」不对：应为已定义前缀加连字符，如 GC-HJ、MB-HYJL"))
    for key in ("aliases", "checklists"):
        values = meta.get(key)
        if values is not None and not (isinstance(values, list) and all(isinstance(v, str) and v for v in values)):
            problems.append(Problem(display, line_of(meta, [key]), field_path([key]), "应为文字列表，如 [换届, 换届选举]"))
    title = meta.get("title")
    if title is not None and not (isinstance(title, str) and 0 < len(title) <= 60 and "\n" not in title):
        problems.append(Problem(display, line_of(meta, ["title"]), field_path(["title"]),
                                "页面标题应为一行文字，不超过 60 个字"))
    # Every text value of the front matter reaches the navigation, <title> or the search index.
    problems += _markup_in(meta, display)
    return problems


def _markup_in(meta: dict, display: str) -> list[Problem]:
    problems = []
    for key, value in meta.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, str) and MARKUP_RE.search(item):
                problems.append(Problem(display, line_of(meta, [key]), field_path([key]),
                                        f"页面头部的文字中含有 HTML 或 Markdown 标记「{MARKUP_RE.search(item).group(0)}」，"
                                        "此处只能写纯文本（尖括号请改用全角＜＞）"))
    return problems


def _body_problems(body: str, display: str, offset: int) -> list[Problem]:
    """Links that would run code or fetch from outside, and active HTML, found in the page source."""
    problems = []
    for number, line in live_lines(body, offset + 1):
        line = _CODE_SPAN_RE.sub("", line)  # `<script>` in backticks is shown, not run
        for pattern, loads in _LINK_RES:
            for match in pattern.finditer(line):
                reason = url_problem(match.group(1), loads=loads)
                if reason:
                    problems.append(Problem(display, number, "（链接）", reason))
        if _SCRIPT_TAG_RE.search(line):
            problems.append(Problem(display, number, "（HTML）",
                                    f"页面中不能写 <{_SCRIPT_TAG_RE.search(line).group(1).lower()}> 标签：它会在读者的浏览器中运行或加载内容"))
        if _EVENT_ATTR_RE.search(line):
            problems.append(Problem(display, number, "（HTML）", "页面中不能写 on…= 事件属性：它会在读者的浏览器中运行脚本"))
    return problems


def _h1_problems(body: str, display: str, offset: int) -> list[Problem]:
    h1 = H1_RE.search(body)
    if h1 and re.search(r"[<>]|&(?:lt|gt|#0*6[02]|#x0*3[ce]);", h1.group(1), re.IGNORECASE):
        line = offset + body[: h1.start()].count("\n") + 1
        return [Problem(display, line, "（一级标题）", "标题中不能有尖括号或其转义写法（请改用全角＜＞）：标题会出现在导航和浏览器标签上")]
    return []


def read_page_meta(tree: SourceTree, src: str) -> tuple[PageMeta | None, list[Problem]]:
    display = tree.display(src)
    path = tree.path(src)
    if path.stat().st_size > 2 * MAX_FILE_BYTES:
        return None, [Problem(display, None, "（文件）", f"页面过大（超过 {2 * MAX_FILE_BYTES // 1024} KB），请拆成几页")]
    text, problems = decode_source(path.read_bytes(), display)
    if text is None:
        return None, problems
    text = text.replace("\r\n", "\n")
    problems += [Problem(display, n, "（文字）", message) for n, message in invisible_lines(text)]
    front, body, offset = split_front_matter(text)
    unclosed = not front and offset == 0 and re.match(r"---[ \t]*\n", text) is not None
    if unclosed:
        problems.append(Problem(display, 1, "（页面头部）", "页面头部从第 1 行的“---”开始，但没有结束的“---”"))
    meta: dict = {}
    needs_meta = src.startswith(PROCEDURE_FOLDER) and src not in FREE_PAGES
    if needs_meta and not front and not unclosed:
        problems.append(Problem(display, 1, "（页面头部）",
                                "规程和模板页面必须以“---”开头的头部信息开始（编号、标题、状态、版本等），可参照其他规程页"))
    if front:
        data, found = parse_yaml(front, display, first_line=2)
        problems += found
        if data is not None and not isinstance(data, dict):
            problems.append(Problem(display, 2, "（页面头部）", "页面头部 --- 之间应为“键: 值”形式"))
        elif not found:
            meta = data or {}
            problems += _common_problems(meta, display)
    problems += _h1_problems(body, display, offset)
    problems += _body_problems(body, display, offset)
    problems += include_problems(tree, src, body, offset + 1)
    h1 = H1_RE.search(body)
    if problems:
        # Keep the page with the ID it declares, so its own errors do not turn into "unknown ID" elsewhere.
        declared = PAGE_ID_RE.search(front)
        return PageMeta(src, display, text, h1.group(1) if h1 else path.stem,
                        declared.group(1) if declared else None), problems
    title = meta.get("title") or (h1.group(1) if h1 else path.stem)
    page = PageMeta(src, display, text, str(title), meta.get("id"), meta)
    if page.has_lifecycle or "status" in meta or needs_meta:
        found = schema_problems(meta, tree.path(PROCEDURE_SCHEMA), display)
        if not found:
            paths = [[name] for name in DATE_FIELDS if name in meta] + \
                    [["changes", i, "date"] for i in range(len(meta["changes"]))]
            found = date_problems(meta, paths, display)
        problems += found
        if not found:
            page.changes = [Change(c["date"], c["kind"], c["note"]) for c in meta["changes"]]
    return page, problems
