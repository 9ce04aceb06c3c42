"""JSON Schema validation whose messages are Chinese and point at the YAML line and field.

Messages are built from the error's parts (`validator`, `validator_value`, `instance`), never from the
English message text, and quote at most a short piece of the value."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path

import fastjsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .errors import Problem, echo, field_path
from .text_safety import odd_characters
from .yaml_source import line_of


@cache
def load_schema(path: Path) -> tuple[Draft202012Validator, object]:
    """(jsonschema validator for messages, fastjsonschema function for the quick yes/no).

    Valid files are the common case: the compiled check is ten times faster, and only a file that fails it
    is walked again by jsonschema, whose errors carry what the Chinese messages need."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema), fastjsonschema.compile(schema)


def described(value: object) -> str:
    """What a value is, in words: 一段文字, 一个列表, 一个数字 …"""
    if isinstance(value, bool):
        return "一个是/否值"
    if isinstance(value, (int, float)):
        return f"一个数字（{value}）"
    if isinstance(value, str):
        return f"一段文字「{echo(value)}」"
    if isinstance(value, list):
        return f"一个列表（{len(value)} 项）"
    if isinstance(value, dict):
        return "一组“键: 值”"
    if value is None:
        return "空值（冒号后面什么也没写）"
    return "无法识别的内容"


_WANTED = {"string": "一段文字", "array": "一个列表（写成 [甲, 乙] 或每行“- ”一项）", "object": "一组“键: 值”",
           "integer": "一个整数", "boolean": "是/否（true/false）", "number": "一个数字"}


# Validators whose message needs only the value and the schema's number or list.
_PLAIN = {
    "enum": lambda value, wanted: f"取值「{echo(value)}」无效，只能是：{'、'.join(map(str, wanted))}",
    "const": lambda value, wanted: f"取值「{echo(value)}」无效，只能是「{wanted}」",
    "maxItems": lambda value, wanted: f"过多：共 {len(value)} 项，最多 {wanted} 项",
    "minItems": lambda value, wanted: f"不能为空，至少 {wanted} 项",
    "minLength": lambda value, wanted: f"过短：至少 {wanted} 个字",
    "maxLength": lambda value, wanted: f"过长：共 {len(value)} 个字，不能超过 {wanted} 个字",
    "uniqueItems": lambda value, wanted: "列表中有重复项",
}


def _message(error: ValidationError) -> str:
    hint = error.schema.get("description", "") if error.absolute_path else ""
    hint = f"（{hint}）" if hint else ""
    kind, wanted, value = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = [name for name in wanted if name not in value]
        return f"缺少必填字段「{'、'.join(missing)}」"
    if kind == "type":
        names = "或".join(_WANTED.get(w, w) for w in (wanted if isinstance(wanted, list) else [wanted]))
        return f"应为{names}，实际是{described(value)}{hint}"
    if kind == "additionalProperties":
        extra = sorted(str(k) for k in value if k not in error.schema.get("properties", {}))
        return f"未知字段「{'、'.join(echo(k) for k in extra)}」（拼写错误？）"
    if kind == "pattern":
        why = odd_characters(value) if isinstance(value, str) else ""
        return f"格式不对：{why or '「' + echo(value) + '」'}{hint}"
    if kind in _PLAIN:
        return _PLAIN[kind](value, wanted) + hint
    return f"不符合格式要求{hint}"


def schema_problems(data: object, schema_path: Path, display: str) -> list[Problem]:
    validator, quick = load_schema(schema_path)
    try:
        quick(data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    problems = []
    for error in validator.iter_errors(data):
        path = list(error.absolute_path)
        field = field_path(path)
        if error.validator == "required":
            missing = [name for name in error.validator_value if name not in error.instance]
            field = field_path(path + missing[:1])
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            problems += _unknown_keys(error, data, path, display)
            continue
        line = line_of(data, path)
        if "propertyNames" in error.schema_path and isinstance(error.instance, str):
            line = line_of(data, path + [error.instance])  # the key itself is wrong: its own line
        problems.append(Problem(display, line, field, _message(error)))
    return problems


def _unknown_keys(error: ValidationError, data: object, path: list, display: str) -> list[Problem]:
    """One problem per unknown key, at the key's own line (not at the line its mapping starts)."""
    known = error.schema.get("properties", {})
    return [Problem(display, line_of(data, path + [key]), field_path(path),
                    f"未知字段「{echo(str(key))}」（拼写错误？）") for key in error.instance if key not in known]


def date_problems(data: dict, paths: list[list], display: str) -> list[Problem]:
    """Dates that match the 2026-11-26 pattern but do not exist (2026-02-30)."""
    problems = []
    for path in paths:
        value = data
        for step in path:
            value = value[step]
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            problems.append(Problem(display, line_of(data, path), field_path(path),
                                    f"日期「{echo(value)}」不存在，请写成有效的 年-月-日，如 2026-11-26"))
    return problems
