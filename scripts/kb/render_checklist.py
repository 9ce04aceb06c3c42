"""Renderers of the checklist model: one page per checklist, the index page, and the CSV exports."""

from __future__ import annotations

import csv
import json
import io

from .checklists import Checklist, Item
from .ids import Registry
from .text import attr, cn_date, md_text

MODES = {
    "READ-DO": "READ-DO（边读边做：按顺序逐项执行）",
    "DO-CONFIRM": "DO-CONFIRM（做后核对：工作完成后逐项对照检查）",
}
STATUSES = [
    ("符合", "已按要求完成，有材料可查。"),
    ("不符合", "未完成、缺材料或与要求不一致，备注写明问题。"),
    ("不适用", "本期不涉及（如未换届），备注写明原因。"),
]
CSV_COLUMNS = ["清单编号", "清单名称", "分组", "检查项编号", "检查内容", "检查方法", "依据", "常见问题",
               "证明材料", "检查结果（符合/不符合/不适用）", "备注"]
_CN_NUMBERS = "一二三四五六七八九十"


def basis_links(ids: list[str], page_src: str, registry: Registry) -> str:
    return "；".join(registry[id_].link_from(page_src, "本单位/上级要求" if id_ == "BDW" else None)
                    for id_ in ids)


def _item_block(item: Item, page_src: str, registry: Registry) -> str:
    evidence = (f'<span class="kb-item__evidence"><span class="kb-label">证明材料</span>{md_text(item.evidence)}</span>'
                if item.evidence else "")
    # Each item is a heading: search lands on it, screen readers list it, its anchor is its ID.
    rows = [
        f'### <span class="kb-item__id">{attr(item.id)}</span> {md_text(item.text)} {{#{item.id} .kb-item__text}}',
        "",
        f'<p class="kb-item__how" markdown="span"><span class="kb-label">检查方法</span>{md_text(item.how)}</p>',
        f'<p class="kb-item__basis" markdown="span"><span class="kb-label">依据</span>'
        f'{basis_links(item.basis, page_src, registry)}{evidence}</p>',
    ]
    if item.common_issue:
        rows.append(f'<p class="kb-item__issue" markdown="span"><span class="kb-label">调研所见问题</span>'
                    f'{md_text(item.common_issue)}</p>')
    if item.aliases:
        rows.append(f'<p class="kb-item__aliases" markdown="span"><span class="kb-label">检索词</span>'
                    f'{md_text("、".join(item.aliases))}</p>')
    boxes = "".join(f'<span class="kb-status"><span class="kb-box" aria-hidden="true"></span>{name}</span>'
                    for name, _ in STATUSES)
    return "\n".join([
        '<div class="kb-item" markdown>',
        "",
        *rows,
        f'<div class="kb-item__result" role="group" aria-label="{attr(item.id)} 检查结果">{boxes}'
        '<span class="kb-item__note">备注：</span></div>',
        "</div>",
        "",
    ])


def checklist_page(checklist: Checklist, registry: Registry) -> str:
    page = checklist.page
    stamp = f"{checklist.id}　版本 {checklist.version}　更新 {cn_date(checklist.updated)}"
    procedure = (f"｜ 相关规程：{basis_links([checklist.procedure], page, registry)}"
                 if checklist.procedure else "")
    lines = [
        "---",
        f"title: {json.dumps(checklist.title, ensure_ascii=False)}",
        "kb_kind: checklist",
        "---",
        "",
        f"# {md_text(checklist.title)}",
        "",
        '<div class="kb-sheet-meta" markdown>',
        f'<p markdown="span">清单编号：**{checklist.id}** ｜ 版本：{md_text(checklist.version)} ｜ '
        f"更新日期：{cn_date(checklist.updated)} ｜ 共 {len(checklist.items)} 项 {procedure}</p>",
        f'<p markdown="span">使用对象：{md_text("、".join(checklist.audience))} ｜ '
        f"使用方式：{MODES[checklist.mode]}</p>",
        f'<p class="kb-purpose" markdown="span">用途：{md_text(checklist.purpose)}</p>',

        "</div>",
        "",
        '<div class="kb-legend" markdown>',
        '<p markdown="span">**填写说明**：每项勾选一个结果，' +
        "；".join(f"<span class=\"kb-box\" aria-hidden=\"true\"></span>**{name}**：{meaning[:-1]}"
                  for name, meaning in STATUSES) + "。</p>",
        "</div>",
        "",
        f'<p class="kb-screen-only" markdown="span">下载本清单：[CSV 表格（Excel、WPS 可直接打开）]({checklist.slug}.csv)'
        "　｜　打印：浏览器“打印”，纸张 A4，缩放 100%。</p>",
        "",
    ]
    for number, section in enumerate(checklist.sections, start=1):
        lines += [f"## {_CN_NUMBERS[number - 1]}、{md_text(section.title)} {{#s{number}}}", ""]
        lines += [_item_block(item, page, registry) for item in section.items]
    lines += [
        '<div class="kb-signoff" markdown>',
        "",
        "## 检查结论与签字 {#signoff}",
        "",
        '<div class="kb-fill"><span>被检查单位：</span><span class="kb-blank kb-blank--long"></span>'
        '<span>检查日期：</span><span class="kb-blank kb-blank--year"></span>年'
        '<span class="kb-blank kb-blank--short"></span>月<span class="kb-blank kb-blank--short"></span>日</div>',
        '<div class="kb-fill"><span>结果汇总：符合</span><span class="kb-blank kb-blank--short"></span>项，不符合'
        '<span class="kb-blank kb-blank--short"></span>项，不适用<span class="kb-blank kb-blank--short"></span>项</div>',
        '<div class="kb-fill"><span>主要问题及整改要求：</span><span class="kb-blank kb-blank--long"></span></div>',
        '<div class="kb-fill kb-fill--sign"><span>检查人（签字）：</span><span class="kb-blank"></span>'
        "<span>被检查单位负责人（签字）：</span><span class=\"kb-blank\"></span></div>",
        "",
        "</div>",
        "",
        # Chromium prints @page margin boxes: the ID, version and date then stand on every sheet.
        f'<style>@page {{ @top-left {{ content: "{stamp}"; }} }}</style>',
        "",
    ]
    return "\n".join(lines)


def checklist_index(checklists: list[Checklist]) -> str:
    total = sum(len(c.items) for c in checklists)
    lines = [
        "---",
        "title: 检查清单",
        "---",
        "",
        "# 检查清单",
        "",
        f"共 {len(checklists)} 份清单、{total} 个检查项。每份清单可在屏幕上阅读，也可用浏览器直接打印在 A4 纸上，"
        "逐项勾选“符合 / 不符合 / 不适用”并签字；每个检查项都标明检查方法和依据，可追溯到调研发现的问题。",
        "",
        "| 编号 | 清单 | 使用对象 | 检查项 | 版本 | 更新日期 | 表格 |",
        "| --- | --- | --- | ---: | --- | --- | --- |",
    ]
    for c in checklists:
        lines.append(f"| {c.id} | [{md_text(c.title)}]({c.slug}.md) | {md_text('、'.join(c.audience))} | "
                     f"{len(c.items)} | {md_text(c.version)} | {cn_date(c.updated)} | [CSV]({c.slug}.csv) |")
    lines += [
        "",
        "全部检查项汇总：[下载 CSV](all-items.csv)（UTF-8 带 BOM，Excel、WPS 可直接打开）。"
        "每个问题、建议由哪些检查项落实，见[对照矩阵](../survey/matrix.md)。",
        "",
        "!!! tip \"打印提示\"",
        "    在清单页面使用浏览器的“打印”，纸张选 A4、缩放 100%、关闭“页眉和页脚”。"
        "12 项以内的清单印在一张 A4 纸上，其余不超过两张；每页页眉印有清单编号、版本和日期。",
        "",
    ]
    return "\n".join(lines)


def _csv_rows(checklist: Checklist) -> list[list[str]]:
    return [[checklist.id, checklist.title, section.title, item.id, item.text, item.how, "；".join(item.basis),
             item.common_issue, item.evidence, "", ""]
            for section in checklist.sections for item in section.items]


def _csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(rows)
    # The BOM makes Excel and WPS read UTF-8 instead of guessing GBK.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def checklist_csv(checklist: Checklist) -> bytes:
    return _csv_bytes(_csv_rows(checklist))


def all_items_csv(checklists: list[Checklist]) -> bytes:
    return _csv_bytes([row for c in checklists for row in _csv_rows(c)])
