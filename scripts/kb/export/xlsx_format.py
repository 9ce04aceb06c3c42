"""Excel and WPS workbooks (openpyxl): one per checklist and `checklists/all-items.xlsx` with a sheet per list,
each workbook ending in a 汇总 sheet that counts the answers by formula.

The columns are the CSV's (cells.COLUMNS, cells.rows). Every result cell offers the item's own answers as a
drop-down (a list data validation); the header row is frozen and printed on every A4 sheet. Text is neutralised
by cells.neutral() and stored as a string, never as a formula, whatever it starts with."""

from __future__ import annotations

import io
import math
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from ..downloads import ALL, ALL_ITEMS_XLSX, LIST, Download, list_path
from ..listing import stamp
from ..natures import NATURES, effective
from . import cells, zipfix

NAME = "xlsx"
SUMMARY = "汇总"
# Widths in Excel's units (one Latin digit; a Chinese character of 10.5 pt takes two). The visible columns add
# up to about 150, what landscape A4 holds at 100 %, so the type prints at its size; fitToWidth=1 keeps it on
# one sheet's width wherever a program measures a little wider.
WIDTHS = {"清单编号": 8, "清单名称": 12, "分组": 8, "检查项编号": 7, "检查内容": 28, "性质": 9, "可选结果": 8,
          "检查方法": 28, "依据": 18, "调研所见问题": 14, "证明材料": 10, "检查结果": 8, "备注": 12}
# The same on every row of a list's sheet, and in the page header: hidden, to leave the width to the text.
HIDDEN = ("清单编号", "清单名称")
ID_COLUMN = cells.ID_COLUMN
RESULT = get_column_letter(cells.RESULT_COLUMN + 1)
# Every answer any nature allows, 不适用 last (the order of the page's 结果汇总 line).
ANSWERS = [a for a in dict.fromkeys(a for n in NATURES.values() for a in n.answers) if a != "不适用"] + ["不适用"]
SUMMARY_COLUMNS = ["清单编号", "清单名称", "版本", "检查项", "已填", *ANSWERS, "未填"]
_FORBIDDEN_IN_SHEET_NAME = str.maketrans({c: "_" for c in "[]:*?/\\"} | {"'": "’"})

_FONT = Font(name="宋体", size=10.5, charset=134)
_BOLD = Font(name="宋体", size=10.5, charset=134, bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_HEAD_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="E7E6E6")
_INPUT_FILL = PatternFill("solid", fgColor="FFF8E1")   # the cells an inspector fills in
_LINE_PT = 14.5        # one wrapped line of 10.5 pt text
_MIN_ROW_PT = 46       # two written lines of about 8 mm for the result and the note


def put(ws, row: int, column: int, value: str | int | None):
    """Write one cell: text neutralised and stored as a string (openpyxl would take "=…" for a formula)."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str) and value:
        cell.value = cells.neutral(value)
        cell.data_type = "s"
    elif isinstance(value, int):
        cell.value = value
    return cell


def _width(text: str) -> float:
    return sum(2.0 if ord(ch) > 0x2E7F else 1.1 for ch in text)


def _height(values: list[str]) -> float:
    """Room for the longest wrapped cell of a row (Excel does not grow rows written by a program)."""
    lines = 1
    for name, value in zip(cells.COLUMNS, values, strict=True):
        if name in HIDDEN:
            continue
        usable = WIDTHS[name] - 1
        lines = max(lines, sum(max(1, math.ceil(_width(part) / usable)) for part in value.split("\n")))
    return max(_MIN_ROW_PT, lines * _LINE_PT + 4)


# A printed list is a form: who was checked, by whom and when, on every sheet (the table itself keeps row 1
# as its header, for whoever collects the workbooks of many units).
FILL_IN_LEFT = "被检查单位：________________________"
FILL_IN_RIGHT = "检查人：____________　检查日期：______年____月____日"


def _page_setup(ws, landscape: bool, header: str, fill_in: bool = False) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.8
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = "1:1"
    ws.freeze_panes = "A2"
    ws.oddHeader.center.text = header.replace("&", "&&")
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    if fill_in:
        ws.oddFooter.left.text, ws.oddFooter.right.text = FILL_IN_LEFT, FILL_IN_RIGHT


def _header_row(ws, names: list[str]) -> None:
    for column, name in enumerate(names, start=1):
        cell = put(ws, 1, column, name)
        cell.font, cell.alignment, cell.border, cell.fill = _BOLD, _HEAD_ALIGN, _BORDER, _HEAD_FILL
    ws.row_dimensions[1].height = 2 * _LINE_PT + 4


def sheet_name(checklist, taken: set[str]) -> str:
    """ID and title, cut to Excel's 31 characters, without the characters a sheet name may not hold."""
    base = f"{checklist.id} {checklist.title}".translate(_FORBIDDEN_IN_SHEET_NAME)[:31].strip()
    name, number = base, 1
    while name in taken or name == SUMMARY:
        number += 1
        name = f"{base[:28]}~{number}"
    taken.add(name)
    return name


def _list_sheet(ws, checklist, site) -> int:
    """One row per item; returns the number of the last row."""
    _header_row(ws, cells.COLUMNS)
    for column, name in enumerate(cells.COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = WIDTHS[name]
        ws.column_dimensions[get_column_letter(column)].hidden = name in HIDDEN
    rows = cells.rows(checklist, site)
    validations: dict[tuple[str, ...], DataValidation] = {}
    for number, (item, values) in enumerate(zip(checklist.items, rows, strict=True), start=2):
        for column, value in enumerate(values, start=1):
            cell = put(ws, number, column, value)
            cell.font, cell.alignment, cell.border = _FONT, _WRAP, _BORDER
            if column - 1 >= cells.RESULT_COLUMN:
                cell.fill = _INPUT_FILL
        ws.row_dimensions[number].height = _height(values)
        answers = effective(item.nature, item.id, site.edition)[0].answers
        if answers not in validations:
            validations[answers] = DataValidation(
                type="list", formula1='"' + ",".join(answers) + '"', allow_blank=True, showErrorMessage=True,
                errorTitle="检查结果", error="请从下拉列表中选择：" + "、".join(answers),
                promptTitle="检查结果", prompt="可选：" + "、".join(answers), showInputMessage=True)
            ws.add_data_validation(validations[answers])
        validations[answers].add(f"{RESULT}{number}")
    last = len(rows) + 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cells.COLUMNS))}{last}"
    _page_setup(ws, landscape=True, header=f"{checklist.title}　{stamp(checklist, site.edition)}", fill_in=True)
    return last


def _summary_sheet(ws, listed: list[tuple[object, str, int]], site) -> None:
    """One row per list: its answers counted by COUNTIF over its result column, and a total row."""
    _header_row(ws, SUMMARY_COLUMNS)
    for column, name in enumerate(SUMMARY_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = {"清单编号": 10, "清单名称": 30}.get(name, 8)
    for number, (checklist, title, last) in enumerate(listed, start=2):
        sheet = quote_sheetname(title)
        results = f"{sheet}!${RESULT}$2:${RESULT}${last}"
        ids = f"{sheet}!${get_column_letter(ID_COLUMN + 1)}$2:${get_column_letter(ID_COLUMN + 1)}${last}"
        for column, value in enumerate((checklist.id, checklist.title, checklist.version), start=1):
            put(ws, number, column, value)
        formulas = [f"=COUNTA({ids})", f"=COUNTA({results})"]
        formulas += [f'=COUNTIF({results},"{answer}")' for answer in ANSWERS] + [f"=COUNTBLANK({results})"]
        for column, formula in enumerate(formulas, start=4):
            ws.cell(row=number, column=column, value=formula)  # our own formulas, the only ones in the book
    total = len(listed) + 2
    put(ws, total, 1, "合计")
    for column in range(4, len(SUMMARY_COLUMNS) + 1):
        letter = get_column_letter(column)
        ws.cell(row=total, column=column, value=f"=SUM({letter}2:{letter}{total - 1})")
    for row in ws.iter_rows(min_row=2, max_row=total):
        for cell in row:
            cell.font, cell.alignment, cell.border = _BOLD if cell.row == total else _FONT, _WRAP, _BORDER
    unit = f"{site.edition.unit.short_name}　" if site.edition.unit else ""
    _page_setup(ws, landscape=False, header=f"{unit}检查结果汇总")


def _workbook(checklists: list, site) -> bytes:
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    listed = []
    for checklist in checklists:
        ws = book.create_sheet(sheet_name(checklist, taken))
        listed.append((checklist, ws.title, _list_sheet(ws, checklist, site)))
    _summary_sheet(book.create_sheet(SUMMARY), listed, site)
    book.active = 0
    props = book.properties
    props.created = props.modified = zipfix.moment()
    props.creator = props.lastModifiedBy = "党建工作知识库"
    props.title = checklists[0].title if len(checklists) == 1 else "全部检查清单"
    props.language = "zh-CN"
    buffer = io.BytesIO()
    book.save(buffer)
    return zipfix.fixed(buffer.getvalue())


def render(site) -> list[Download]:
    written = [Download.of_lists(list_path(c, ".xlsx"), _workbook([c], site), NAME, LIST, [c])
               for c in site.checklists]
    if site.checklists:
        written.append(Download.of_lists(ALL_ITEMS_XLSX, _workbook(site.checklists, site), NAME, ALL, site.checklists))
    return written


def read_back(path: Path) -> list[str]:
    """The item IDs in a written workbook, read back: every list sheet has the header and a drop-down on every
    result cell, and the 汇总 sheet counts each list."""
    book = load_workbook(path)
    if SUMMARY not in book.sheetnames:
        raise ValueError(f"{path.name}：没有「{SUMMARY}」表")
    summary = " ".join(str(c.value) for row in book[SUMMARY].iter_rows() for c in row if c.value)
    found = []
    for ws in book.worksheets:
        if ws.title == SUMMARY:
            continue
        if [c.value for c in ws[1]] != cells.COLUMNS:
            raise ValueError(f"{path.name}「{ws.title}」：表头不对")
        if f"COUNTIF({quote_sheetname(ws.title)}!" not in summary:
            raise ValueError(f"{path.name}「{ws.title}」：汇总表没有统计这张表")
        lists = [v for v in ws.data_validations.dataValidation if v.type == "list"]
        for row in ws.iter_rows(min_row=2, max_col=len(cells.COLUMNS)):
            if not row[ID_COLUMN].value:
                continue
            if not any(row[cells.RESULT_COLUMN].coordinate in v.sqref for v in lists):
                raise ValueError(f"{path.name}「{ws.title}」{row[ID_COLUMN].value}：检查结果没有下拉选项")
            found.append(row[ID_COLUMN].value)
    return found
