"""Problems found in the sources, reported all at once in Chinese with file, line and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# What a YAML key is called on the site; a message names both, so the author finds the key in the file.
FIELD_LABELS = {
    "id": "编号", "title": "标题", "version": "版本", "updated": "更新日期", "audience": "使用对象",
    "purpose": "用途", "mode": "使用方式", "procedure": "相关规程", "sections": "分组", "items": "检查项",
    "text": "检查内容", "how": "检查方法", "basis": "依据", "nature": "性质", "common_issue": "调研所见问题",
    "evidence": "证明材料", "aliases": "检索词", "term": "术语", "category": "类别", "definition": "释义",
    "status": "状态", "effective": "施行日期", "reviewed": "最近审核", "owner": "负责部门", "checklists": "相关清单",
    "changes": "修订记录", "date": "日期", "kind": "类型", "note": "说明", "use": "改用", "reason": "原因",
    "full_name": "单位全称", "short_name": "单位简称", "superiors": "上级党组织", "industry": "行业上级",
    "local": "地方党委", "adoption": "采用文件", "number": "文号", "issued": "印发日期", "corrections_to": "纠错接收岗位",
    "adopted_version": "采用版本", "values": "取值", "value": "取值", "from": "来源", "document": "出处文件",
    "adopts": "采用", "example": "示例", "question": "问题", "unit": "计量单位", "topic": "所属工作",
    "summary": "说明",
}
# How the members of a list are counted, by the key that holds the list ("" is the file's top level).
COUNTERS = {"sections": "组", "items": "项", "changes": "条", "": "条"}
# Longest value quoted back in a message: a pasted essay or an alias bomb must not flood the terminal.
ECHO_LIMIT = 40


def echo(value: object) -> str:
    """A value quoted in a message: text as typed, cut short; never a Python repr."""
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= ECHO_LIMIT else text[:ECHO_LIMIT] + f"……（共 {len(text)} 个字符）"


def field_path(path: list) -> str:
    """['sections', 1, 'items', 1, 'basis', 1] → 第 2 组第 2 项的「依据」（basis）第 2 个."""
    text, holder = "", ""
    for index, step in enumerate(path):
        if isinstance(step, int):
            counter = COUNTERS.get(holder, "个")
            text += f"第 {step + 1} {counter}"
            continue
        holder = str(step)
        if holder in COUNTERS and index + 1 < len(path) and isinstance(path[index + 1], int):
            continue  # "第 2 组" already says it is a section
        label = FIELD_LABELS.get(holder)
        text += ("的" if text else "") + (f"「{label}」（{holder}）" if label else f"「{echo(holder)}」")
    return text or "（文件整体）"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str
    detail: str = ""   # the parser's own English text, shown only with --verbose

    def __str__(self) -> str:
        where = f"{self.file} 第 {self.line} 行" if self.line else self.file
        return f"{where}，{self.field}：{self.message}"


class KbError(Exception):
    """Raised once with every problem found, so an author can fix them all in one pass."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.field, p.message))
        super().__init__(self.report())

    def report(self, verbose: bool = False) -> str:
        lines = [f"发现 {len(self.problems)} 处错误，未生成任何页面："]
        for problem in self.problems:
            lines.append(f"  - {problem}")
            if verbose and problem.detail:
                lines.append(f"      （解析器原文：{problem.detail}）")
        return "\n".join(lines)


def display_path(path: Path, root: Path) -> str:
    """Paths in messages are relative to the project, as authors see them."""
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return path.as_posix()
