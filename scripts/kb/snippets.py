"""Files a page pulls in with pymdownx.snippets (`--8<-- "part.md"`): only Markdown pages inside docs/ that the
source scan allows (see sources.py), never an absolute path, `../`, a web address or a binary file.

The build would read whatever path a page names and stop with a Python traceback when it is missing. So the
lines are read here as the extension reads them — with its own patterns and its own path parser — and every
include is judged before the build starts: inline and block forms, line ranges (`part.md:1:3`), sections
(`part.md:name`), and the includes inside an included file. Fenced code does not protect a line: the
extension runs before code blocks are found."""

from __future__ import annotations

import posixpath
import re
from functools import cache

import markdown

from .errors import Problem, echo
from .ids import ANY_REF_RE
from .local import ANY_FILL_RE
from .sources import SourceTree
from .yaml_source import MAX_FILE_BYTES, decode_source

MARKER = "8<"
_URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:/")


@cache
def _parser():
    """The extension's own preprocessor: its regular expressions and `parse_snippet_target`."""
    return markdown.Markdown(extensions=["pymdownx.snippets"]).preprocessors["snippet"]


def _includes(lines: list[str]):
    """(index, path as written) of every include in the lines, and the index of a block left open (or None)."""
    parser = _parser()
    found, block = [], None
    for index, line in enumerate(lines):
        marker = parser.RE_ALL_SNIPPETS.match(line)
        if marker:
            if marker.group("escape"):
                continue  # ;--8<-- is shown as text
            if marker.group("inline_marker"):
                found.append((index, marker.group("snippet")[1:-1].strip()))
            else:
                block = None if block is not None else index
        elif block is not None and line.strip() and not line.strip().startswith(";"):
            found.append((index, line.strip()))
    return found, block


def _target(spec: str, tree: SourceTree) -> tuple[str | None, str | None, str]:
    """(docs-relative file, section name, why it is refused) for one include as written."""
    target = _parser().parse_snippet_target(spec)
    if target is None:
        return None, None, "没有写要插入的文件名"
    path = target["path"]
    if _URL_RE.match(path) or path.startswith("//"):
        return None, None, f"不能从网址「{echo(path)}」插入内容：本站不访问外部网站，请把内容写进 docs/ 中的页面"
    rel = posixpath.normpath(path.replace("\\", "/"))
    if path.startswith(("/", "~")) or re.match(r"^[A-Za-z]:", path) or rel == ".." or rel.startswith("../"):
        return None, None, (f"「{echo(path)}」在 docs/ 以外：页面只能插入 docs/ 中的 Markdown 页面，"
                            "路径从 docs/ 算起（如 guide/part.md），不能以“/”开头，也不能用“../”")
    if not rel.endswith(".md"):
        return None, None, f"「{echo(path)}」不是 Markdown 页面（.md）：页面只能插入 docs/ 中的 .md 文件"
    if rel not in tree.files:
        return None, None, f"找不到要插入的文件「{echo(path)}」（路径从 docs/ 算起，如 guide/part.md）"
    return rel, target["section"], ""


def _text(tree: SourceTree, rel: str) -> str | None:
    path = tree.path(rel)
    if path.stat().st_size > 2 * MAX_FILE_BYTES:
        return None
    text, _ = decode_source(path.read_bytes(), tree.display(rel))
    return text


def _has_section(lines: list[str], name: str) -> bool:
    parser = _parser()
    return any((m := parser.match_section(line)) and not m.group("escape") and m.group("type").lower() == "start"
               and m.group("name") == name for line in lines)


def include_problems(tree: SourceTree, rel: str, body: str, first_line: int, seen: frozenset = frozenset()) -> list[Problem]:
    """Every include in a page body (and, in turn, in the pages it includes)."""
    if MARKER not in body:
        return []
    display = tree.display(rel)
    lines = body.splitlines()
    found, open_block = _includes(lines)
    problems = []
    if open_block is not None:
        problems.append(Problem(display, open_block + first_line, "（插入文件）",
                                "单独一行的“--8<--”表示开始插入一组文件，但后面没有结束的“--8<--”；"
                                "如果只是想显示这几个字符，请写成“;--8<--”"))
    for index, spec in found:
        if open_block is not None and index > open_block:
            continue  # every line after an unclosed marker would read as a path; the marker is the problem
        target, section, reason = _target(spec, tree)
        if target is not None:
            text = _text(tree, target)
            if text is None:
                reason = f"「{echo(spec)}」不是 UTF-8 编码的文字文件，或者过大，不能插入"
            elif ANY_REF_RE.search(text) or ANY_FILL_RE.search(text):
                reason = (f"「{echo(target)}」中有 [[编号]] 引用或 {{{{…}}}} 填空：插入别的页面后它们不会变成链接和取值，"
                          "请直接写在这个页面中")
            elif section and not _has_section(text.splitlines(), section):
                reason = f"「{echo(target)}」中没有名为「{echo(section)}」的段落（应有一行 --8<-- [start:{echo(section)}]）"
            elif target not in seen | {rel}:
                problems += include_problems(tree, target, text, 1, seen | {rel})
        if reason:
            problems.append(Problem(display, index + first_line, "（插入文件）", reason))
    return problems
