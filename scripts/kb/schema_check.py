"""JSON Schema validation whose messages are Chinese and point at the YAML line and field."""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .errors import Problem
from .yaml_source import line_of

_TYPE_NAMES = {"string": "文本", "array": "列表", "object": "映射（键: 值）", "integer": "整数", "boolean": "是/否"}


@lru_cache(maxsize=None)
def load_schema(path: Path) -> Draft202012Validator:
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def field_name(path: list) -> str:
    parts = []
    for step in path:
        parts.append(f"[{step + 1}]" if isinstance(step, int) else (("." if parts else "") + str(step)))
    return "".join(parts) or "（文件顶层）"


def _message(error: ValidationError) -> str:
    hint = error.schema.get("description", "")
    hint = f"（{hint}）" if hint else ""
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1]
        return f"缺少必填字段「{missing}」"
    if kind == "type":
        wanted = error.validator_value
        wanted = wanted if isinstance(wanted, list) else [wanted]
        return f"类型不对：应为{'或'.join(_TYPE_NAMES.get(w, w) for w in wanted)}，实际是「{error.instance!r}」{hint}"
    if kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"未知字段「{'、'.join(map(str, extra))}」（拼写错误？）"
    if kind == "enum":
        return f"取值「{error.instance}」无效，只能是：{'、'.join(map(str, error.validator_value))}"
    if kind == "pattern":
        return f"格式不对：「{error.instance}」{hint}"
    if kind == "maxItems":
        return f"过多（最多 {error.validator_value} 项）{hint}"
    if kind in ("minItems", "minLength"):
        return f"不能为空{hint}"
    if kind == "maxLength":
        return f"过长（不超过 {error.validator_value} 个字符）{hint}"
    if kind == "uniqueItems":
        return "列表中有重复项"
    return f"不符合格式要求{hint}"


def schema_problems(data: object, schema_path: Path, display: str) -> list[Problem]:
    validator = load_schema(schema_path)
    problems = []
    for error in validator.iter_errors(data):
        path = list(error.absolute_path)
        field = field_name(path)
        if error.validator == "required":
            field = field_name(path + [error.message.split("'")[1]])
        problems.append(Problem(display, line_of(data, path), field, _message(error)))
    return problems


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
            problems.append(Problem(display, line_of(data, path), field_name(path),
                                    f"日期「{value}」不存在，请写成有效的 年-月-日，如 2026-11-26"))
    return problems
