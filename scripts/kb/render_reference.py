"""Reference pages: the glossary and the index of every stable ID."""

from __future__ import annotations

from .glossary import CATEGORIES, Term
from .ids import Registry, natural_key
from .render_checklist import basis_links
from .text import md_text


def glossary_page(terms: list[Term], registry: Registry, page: str = "glossary/index.md") -> str:
    lines = [
        "---",
        "title: 术语表",
        "---",
        "",
        "# 术语表",
        "",
        f"共 {len(terms)} 个术语，按类别排列。正文中出现这些术语时，鼠标悬停（或在手机上轻点）即可看到释义。"
        "“依据”一栏指向法规、调研发现或本单位/上级要求。",
        "",
    ]
    for category in CATEGORIES:
        members = [t for t in terms if t.category == category]
        if not members:
            continue
        lines += [f"## {category}", ""]
        for term in members:
            lines += [f"### {md_text(term.term)} {{#{term.id}}}", "", md_text(term.definition), ""]
            extra = []
            if term.aliases:
                extra.append(f"也写作：{md_text('、'.join(term.aliases))}")
            if term.basis:
                extra.append(f"依据：{basis_links(term.basis, page, registry)}")
            extra.append(f"编号：{term.id}")
            lines += [" ｜ ".join(extra), ""]
    return "\n".join(lines)


def ids_page(registry: Registry, page: str = "basis/ids.md") -> str:
    lines = [
        "---",
        "title: 编号索引",
        # Every title on the site is repeated here; in search it would only crowd out the real pages.
        "search:",
        "  exclude: true",
        "---",
        "",
        "# 编号索引",
        "",
        "站内每个问题、建议、体会、规程步骤、检查项、模板、法规依据和术语都有固定编号。编号一经发布不再改变，"
        "页面调整后链接仍指向同一内容；打印的清单、会议材料中引用编号即可在此查到。",
        "",
        "| 编号 | 类别 | 内容 |",
        "| --- | --- | --- |",
    ]
    for target in sorted(registry.targets.values(), key=lambda t: natural_key(t.id)):
        lines.append(f"| [{target.id}]({target.href_from(page)}) | {target.kind} | {md_text(target.title)} |")
    lines.append("")
    return "\n".join(lines)
