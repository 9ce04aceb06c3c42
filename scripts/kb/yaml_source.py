"""Strict, bounded YAML reading with messages a 政工干事 can act on.

UTF-8 only (a BOM and CRLF line ends are fine), no duplicate keys, keys are always text, dates stay text,
aliases may not expand past a small budget, and every syntax error is named in plain Chinese at the line
where the mistake starts. The parser's English text is kept for `--verbose` only."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import Problem, echo, field_path
from .text_safety import invisible_lines, invisible_message

# A checklist is a few KB; anything near this is a paste accident, not a list.
MAX_FILE_BYTES = 512 * 1024
# Nodes after expanding every alias: ten times the largest real file, far below what exhausts memory.
MAX_EXPANDED_NODES = 50_000


class Located(dict):
    """A mapping that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict


class LocatedList(list):
    line: int = 0


# libyaml's parser when PyYAML has it (the wheels do): about ten times faster on large checklists.
class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    problems: list[Problem]
    display: str
    line_shift: int = 0


# Dates stay strings ("2026-11-26"): the schema checks their form, and no timezone or type surprises follow.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    result = Located()
    result.line = node.start_mark.line + 1 + loader.line_shift
    result.key_lines = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1 + loader.line_shift
        if not isinstance(key_node, yaml.ScalarNode):
            # e.g. a Markdown reference line "[JY-02]: …" pasted into YAML reads as a list used as a key.
            loader.problems.append(Problem(loader.display, line, "（键）",
                                           "这一行的键是一个列表或映射，不是文字（是否粘贴了 Markdown 的“[编号]: …”？）"))
            continue
        key = key_node.value  # the key as typed: 1, yes and 2026-11-26 stay text, so keys never mix types
        if key in result:
            # PyYAML would silently keep the last value; an author's copy-paste slip must not vanish.
            loader.problems.append(Problem(loader.display, line, f"「{echo(key)}」",
                                           f"同一层级中重复出现键「{echo(key)}」：第 {result.key_lines[key]} 行已经写过一次，"
                                           "请删除或合并这一处（否则只会保留其中一个）"))
            continue
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _StrictLoader, node: yaml.SequenceNode) -> LocatedList:
    result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1 + loader.line_shift
    return result


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def looks_utf16(raw: bytes) -> bool:
    """A UTF-16 byte order mark, or zero bytes on one side of each character pair (UTF-16 without one); NUL bytes
    pasted or left by a crash are not, and are named as invisible characters instead."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    zeros = raw.count(b"\x00")
    if len(raw) < 4 or zeros <= len(raw) // 4:
        return False
    return max(raw[0::2].count(b"\x00"), raw[1::2].count(b"\x00")) >= zeros * 0.9


def decode_source(raw: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """Text of a source file, or a problem that names its encoding (UTF-16, GBK …) and the way out."""
    if looks_utf16(raw):
        return None, [Problem(display, None, "（文件编码）",
                              "文件是 UTF-16 编码（记事本“Unicode”格式），请另存为“UTF-8”编码")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(display, line, "（文件编码）",
                              "文件不是 UTF-8 编码（可能以 GBK 等编码保存），请用 UTF-8 重新保存")]


# Slips a YAML parser reports far from where they are, found by looking at the lines themselves.
_LINE_SLIPS = (
    (re.compile(r"^[ ]*\t"), "第 {n} 行用了 Tab 键缩进，YAML 只能用空格缩进"),
    (re.compile(r"^[ ]*\u3000"), "第 {n} 行用全角空格缩进，请改用半角空格"),
    (re.compile(r"^\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_]*\s*："), "第 {n} 行使用了全角冒号“：”，键后面要用半角冒号加空格“: ”"),
)

# libyaml's problems in words, most specific first. {n} is the line where the mistake starts.
_SYNTAX = (
    ("found unexpected end of stream", "第 {n} 行的引号没有配对：文字从这里开始，到文件末尾都没有结束的引号"),
    ("found unknown escape character", "第 {n} 行双引号里的反斜杠“\\”后面的字符无效，请改用单引号或去掉反斜杠"),
    ("mapping values are not allowed", "第 {n} 行的冒号用法不对：文字里含有“: ”时请给整段文字加引号，或检查缩进"),
    ("could not find expected ':'", "第 {n} 行缺少冒号，或者这一行的引号没有配对"),
    ("did not find expected ',' or ']'", "第 {n} 行开始的方括号列表没有写完：缺少“]”或逗号"),
    ("did not find expected ',' or '}'", "第 {n} 行开始的花括号没有写完：缺少“}”或逗号"),
    ("did not find expected '-' indicator", "第 {n} 行的列表项没有对齐：每一项以“- ”开头，并与同级各项对齐"),
    ("did not find expected key", "第 {n} 行的缩进没有对齐：同一层的键要对齐"),
    ("expected <block end>", "第 {n} 行的缩进没有对齐：同一层的键和列表项要对齐"),
    ("found character that cannot start any token", "第 {n} 行以 YAML 的保留字符（如 @、`、%）开头，请给整段文字加引号"),
    ("found undefined alias", "第 {n} 行引用了没有定义的锚点（*名称）"),
    ("found duplicate anchor", "第 {n} 行的锚点（&名称）重复定义"),
    ("expected a single document", "文件中有多个文档（第 {n} 行又出现了“---”），一个文件只能写一份内容"),
)


def _syntax_problem(exc: yaml.MarkedYAMLError, display: str, first_line: int) -> Problem:
    problem = exc.problem or ""
    context = exc.context or ""
    # Where the mistake starts: an unclosed quote or bracket is reported where it opened.
    opener = exc.context_mark if exc.context_mark and ("quoted" in context or "flow" in context) else None
    mark = opener or exc.problem_mark or exc.context_mark
    line = mark.line + first_line if mark else None
    if isinstance(exc, yaml.constructor.ConstructorError) and "could not determine a constructor" in problem:
        tag = problem.split("tag ")[-1].strip("'").replace("tag:yaml.org,2002:", "!!")
        message = f"第 {line} 行使用了不允许的 YAML 标签「{echo(tag)}」：这里只能写普通的文字、列表和“键: 值”"
    else:
        template = next((text for key, text in _SYNTAX if key in problem), None)
        if template is None and "quoted" in context:
            template = "第 {n} 行的引号没有配对"
        message = (template or "第 {n} 行附近的 YAML 格式有误，请检查这一行和上一行的缩进、冒号和引号").format(n=line)
    return Problem(display, line, "（YAML 格式）", message, detail=str(exc).replace("\n", " "))


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """Nodes the document would have with every alias copied out, in linear time (shared nodes counted once)."""
    key = id(node)
    if key not in memo:
        memo[key] = 0  # a recursive alias refers back here; its own size is counted once
        if isinstance(node, yaml.MappingNode):
            size = 1 + sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            size = 1 + sum(_expanded_size(child, memo) for child in node.value)
        else:
            size = 1
        memo[key] = min(size, MAX_EXPANDED_NODES + 1)
    return memo[key]


def _first_anchor_line(text: str) -> int:
    """0-based line of the first anchor or alias, read from the parser's events (nothing is expanded)."""
    for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        if getattr(event, "anchor", None):
            return event.start_mark.line
    return 0


def _string_problems(data: object, display: str) -> list[Problem]:
    """Escaped control or invisible characters ("\\e", "\\u200b") only show once the text is parsed; keys count too.
    Each is named with its field (「依据」第 1 个), not just its line."""
    problems: list[Problem] = []

    def visit(node: object, path: list, line: int | None) -> None:
        line = getattr(node, "line", line)
        if isinstance(node, Located):
            for key, value in node.items():
                key_line = node.key_lines.get(key, line)
                message = invisible_message(key)
                if message:
                    problems.append(Problem(display, key_line, field_path(path) if path else "（键）", "键" + message))
                visit(value, path + [key], key_line)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                visit(value, path + [index], line)
        elif isinstance(node, str):
            message = invisible_message(node)
            if message:
                problems.append(Problem(display, line, field_path(path) if path else "（文字）", message))

    visit(data, [], None)
    return problems


def load_yaml(path: Path, display: str) -> tuple[object | None, list[Problem]]:
    """Parse one YAML file; returns (data, problems). Data is None when the file cannot be read at all."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [Problem(display, None, "（文件）",
                              f"文件过大（{size // 1024} KB），一份数据文件不应超过 {MAX_FILE_BYTES // 1024} KB")]
    text, problems = decode_source(path.read_bytes(), display)
    if text is None:
        return None, problems
    return parse_yaml(text, display)


def parse_yaml(text: str, display: str, first_line: int = 1) -> tuple[object | None, list[Problem]]:
    """Parse YAML text; `first_line` shifts line numbers (front matter starts on line 2 of its page)."""
    slips = [Problem(display, n + first_line - 1, "（YAML 格式）", message)
             for n, message in invisible_lines(text, only_unreadable=True)]
    for number, line in enumerate(text.split("\n"), start=first_line):
        slips += [Problem(display, number, "（YAML 格式）", template.format(n=number))
                  for pattern, template in _LINE_SLIPS if pattern.match(line)]
    if slips:
        return None, slips
    loader = _StrictLoader(text)
    loader.line_shift = first_line - 1
    loader.problems = []
    loader.display = display
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        if _expanded_size(node, {}) > MAX_EXPANDED_NODES:
            line = _first_anchor_line(text) + first_line
            return None, [Problem(display, line, "（YAML 格式）",
                                  f"第 {line} 行起使用了锚点（&名称）和引用（*名称），展开后内容过多，疑似“YAML 炸弹”："
                                  "本站的数据文件不需要锚点和引用，请删除“&”“*”，把内容直接写出来")]
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, display, first_line)]
    except yaml.YAMLError as exc:
        return None, [Problem(display, None, "（YAML 格式）", "YAML 格式有误，无法读取", detail=str(exc))]
    except RecursionError:
        return None, [Problem(display, None, "（YAML 格式）", "嵌套层数过多或锚点循环引用，无法读取")]
    finally:
        loader.dispose()
    return data, loader.problems + _string_problems(data, display)


def line_of(data: object, path: list) -> int | None:
    """Best line for a JSON-pointer-like path into located data: the key's line, else the nearest container's."""
    line = getattr(data, "line", None)
    node = data
    for step in path:
        if isinstance(node, Located) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
            line = getattr(node, "line", line)
        else:
            break
    return line
