"""Strict YAML reading: UTF-8 only, no duplicate keys, dates kept as text, and line numbers kept for messages."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import Problem


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
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1 + loader.line_shift
        if key in result:
            # PyYAML would silently keep the last value; an author's copy-paste slip must not vanish.
            loader.problems.append(Problem(loader.display, line, str(key),
                                           f"同一层级中重复出现键「{key}」（首次出现在第 {result.key_lines[key]} 行）"))
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


def decode_utf8(raw: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """Text of a source file, or a problem naming the first line that is not UTF-8 (e.g. saved as GBK)."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(display, line, "（文件编码）",
                              "文件不是 UTF-8 编码（可能以 GBK 等编码保存），请用 UTF-8 重新保存")]


def load_yaml(path: Path, display: str) -> tuple[object | None, list[Problem]]:
    """Parse one YAML file; returns (data, problems). Data is None when the file cannot be read at all."""
    text, problems = decode_utf8(path.read_bytes(), display)
    if text is None:
        return None, problems
    return parse_yaml(text, display)


def parse_yaml(text: str, display: str, first_line: int = 1) -> tuple[object | None, list[Problem]]:
    """Parse YAML text; `first_line` shifts line numbers (front matter starts on line 2 of its page)."""
    loader = _StrictLoader(text)
    loader.line_shift = first_line - 1
    loader.problems = []
    loader.display = display
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        detail = exc.problem or "无法解析"
        return None, [Problem(display, line, "（YAML 语法）", f"YAML 语法错误：{detail}，请检查缩进、冒号和引号")]
    except yaml.YAMLError as exc:
        return None, [Problem(display, None, "（YAML 语法）", f"YAML 语法错误：{exc}")]
    finally:
        loader.dispose()
    return data, loader.problems


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
