"""The matrix page: survey problem → recommendations → procedure steps → checklist items, and the reverse trace."""

from __future__ import annotations

from .ids import ITEM_KIND, Registry, Target, natural_key


def _links(targets: list[Target], page: str) -> str:
    ordered = sorted({t.id: t for t in targets}.values(), key=lambda t: natural_key(t.id))
    return "、".join(t.link_from(page) for t in ordered) or "—"


def _split(citing: list[Target]) -> tuple[list[Target], list[Target], list[Target]]:
    """Citing targets by role: survey recommendations/lessons, procedure steps, checklist items."""
    survey = [t for t in citing if t.id.split("-")[0] in ("JY", "TH")]
    steps = [t for t in citing if t.id.startswith("GC-")]
    items = [t for t in citing if t.kind == ITEM_KIND]
    return survey, steps, items


def matrix_page(registry: Registry, page: str = "survey/matrix.md") -> str:
    lines = [
        "---",
        "title: 对照矩阵：问题—建议—规程—清单",
        "---",
        "",
        "# 对照矩阵：问题—建议—规程—清单",
        "",
        "本页由构建脚本根据各页面中的编号引用自动生成：每个调研问题由哪些建议回应，又落实到哪些工作规程步骤和检查项。"
        "引用某一子项（如 WT-02.2）的内容同时计入其所属问题（WT-02）。",
        "",
        "## 问题总览 {#overview}",
        "",
        "| 问题 | 回应的建议与体会 | 规程与步骤 | 检查项 |",
        "| --- | --- | --- | --- |",
    ]
    for problem in registry.with_prefix("WT"):
        survey, steps, items = _split(registry.citing(problem.id))
        lines.append(f"| {problem.link_from(page)} {problem.title} | {_links(survey, page)} | "
                     f"{_links(steps, page)} | {_links(items, page)} |")
    lines += ["", "## 逐项追溯 {#trace}", "",
              "每条问题、建议和体会（含子项）被哪些规程步骤和检查项引用。", ""]
    for prefix, heading in (("WT", "调研问题"), ("JY", "工作建议"), ("TH", "体会和认识")):
        lines += [f"### {heading} {{#trace-{prefix.lower()}}}", "",
                  "| 编号 | 内容 | 规程与步骤 | 检查项 |", "| --- | --- | --- | --- |"]
        for target in registry.with_prefix(prefix, top_level_only=False):
            _, steps, items = _split(registry.citing(target.id) if target.parent is None
                                     else registry.citing_exactly(target.id))
            lines.append(f"| {target.link_from(page)} | {target.title} | {_links(steps, page)} | {_links(items, page)} |")
        lines.append("")
    return "\n".join(lines)
