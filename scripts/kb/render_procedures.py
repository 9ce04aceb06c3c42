"""Renderers for living procedures: the metadata header of each page and the site-wide change record."""

from __future__ import annotations

import datetime as dt
import posixpath

from .ids import Registry
from .pages import PageMeta
from .render_checklist import basis_links
from .text import cn_date, md_text

KIND_NAMES = {"立": "立（新制定）", "改": "改（修订）", "废": "废（废止）"}


def lifecycle_header(page: PageMeta, registry: Registry, today: dt.date, review_days: int) -> str:
    """Markdown placed under the page's h1: status, version, dates, owner, and any warning banner."""
    meta = page.meta
    reviewed = dt.date.fromisoformat(meta["reviewed"])
    age = (today - reviewed).days
    lines = []
    if meta["status"] == "已废止":
        lines += ['!!! danger "本页已废止"', "    本规程已废止，仅供查阅历史，请勿再按本页执行。"
                  "废止情况见[制度“废改立”记录](" + posixpath.relpath("procedures/changes.md", posixpath.dirname(page.src)) + ")。", ""]
    elif meta["status"] == "修订中":
        lines += ['!!! warning "本页正在修订"', "    本规程正在修订，执行前请向负责部门确认最新要求。", ""]
    # Stale on the build day: the warning is part of the page. Otherwise kb.js adds the same warning once
    # the reader's own day passes the period (a copied site may be read long after it was built); it is
    # not hidden in the page, where search would index it.
    if age > review_days:
        lines += [f'<div class="admonition warning kb-stale">{stale_warning(meta["reviewed"], review_days)}</div>', ""]
    related = ""
    if meta.get("checklists"):
        related = f'</p>\n<p markdown="span">相关清单：{basis_links(meta["checklists"], page.src, registry)}'
    lines += [
        f'<div class="kb-lifecycle" data-reviewed="{meta["reviewed"]}" data-review-days="{review_days}" markdown>',
        f'<p markdown="span">编号：**{page.id}** ｜ 状态：**{md_text(meta["status"])}** ｜ 版本：{md_text(meta["version"])} ｜ '
        + (f"施行日期：{cn_date(meta['effective'])} ｜ " if meta.get("effective") else "") + f"最近审核：{cn_date(meta['reviewed'])} ｜ "
        f"负责部门：{md_text(meta['owner'])}{related}</p>",
        "</div>",
        "",
    ]
    last = max(page.changes, key=lambda c: c.date)
    lines += [f'<p class="kb-lastchange" markdown="span">最近修订：{cn_date(last.date)}，{KIND_NAMES[last.kind]}，'
              f"{md_text(last.note)}</p>", ""]
    return "\n".join(lines)


def stale_warning(reviewed: str, review_days: int) -> str:
    """Inner HTML of the review warning; kb.js builds the same text in the browser."""
    return ('<p class="admonition-title">超过审核周期</p>'
            f"<p>本页最近审核于{cn_date(reviewed)}，已超过 {review_days} 天的审核周期，"
            "内容可能已不适用，请负责部门复核。</p>")


def changes_page(pages: dict[str, PageMeta]) -> str:
    entries = [(change, page) for page in pages.values() if page.has_lifecycle for change in page.changes]
    entries.sort(key=lambda e: (e[0].date, e[1].id or ""), reverse=True)
    lines = [
        "---",
        "title: 制度“废改立”记录",
        "---",
        "",
        "# 制度“废改立”记录",
        "",
        "本页由构建脚本汇总各工作规程和模板页头部的修订记录，按日期从新到旧排列。"
        "“立”为新制定，“改”为修订，“废”为废止。及时做好党建制度“废改立”，是调研体会 [[TH-02.2]] 提出的要求。",
        "",
        "| 日期 | 类型 | 编号 | 规程或模板 | 说明 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for change, page in entries:
        rel = posixpath.relpath(page.src, "procedures")
        lines.append(f"| {cn_date(change.date)} | {KIND_NAMES[change.kind]} | {page.id} | "
                     f"[{md_text(page.title)}]({rel}) | {md_text(change.note)} |")
    lines.append("")
    return "\n".join(lines)
