"""Excel and Word downloads, read back: on the fixture tree (kbtree.py) in process, and once on the real docs.
Expected values are the literal fixture texts, the answers the natures define and the layout the formats promise."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml.ns import qn
from docx.shared import Pt
from kbtree import CHECKLIST
from openpyxl import load_workbook

from scripts.kb import forms
from scripts.kb.export import FORMATS
from scripts.kb.export.xlsx_format import put, sheet_name
from scripts.kb.generate import DOCS, generate

XLSX, DOCX = FORMATS["xlsx"], FORMATS["docx"]
# The columns every result file and spreadsheet has, as the README documents them (not read from the code).
COLUMNS = ["清单编号", "清单名称", "分组", "检查项编号", "检查内容", "性质", "可选结果", "检查方法", "依据",
           "调研所见问题", "证明材料", "检查结果", "备注"]
DOCX_COLUMNS = ["编号", "检查内容", "性质", "检查结果", "备注"]
SUMMARY = "汇总"
CONFORMITY, ADOPTION = '"符合,不符合,不适用"', '"已采用,未采用,不适用"'
SHEET = "QD-XX 示例检查清单"
TEXTS = {"XX-01": "近12个月每月召开1次支委会会议。", "XX-02": "会议记录写全年、月、日。", "XX-03": "会议记录由记录人签字。"}

FRONT = """\
---
id: {id}
title: {title}
status: 参考文本
version: "1.0"
reviewed: 2026-11-26
owner: 党委组织部门
changes:
  - date: 2026-11-26
    kind: 立
    note: 首次编写。
---

"""
FORM = FRONT.format(id="MB-JL", title="示例记录表") + """\
# 示例记录表 {#MB-JL}

本表按本单位要求调整后使用，见[[GC-XX]]；格式：{{BDW-XX-1}}。

- 第一条说明（[[FG-ZB-12]]）。
- 第二条说明。

!!! note kb-screen-only "只在屏幕上显示"
    屏幕上的说明不进文档。

<table class="kb-form">
  <colgroup><col style="width: 20%"><col style="width: 30%"><col style="width: 20%"><col style="width: 30%"></colgroup>
  <tr><th>序号</th><th>名称</th><th>日期</th><th>备注</th></tr>
  <tr><th>会议时间</th><td colspan="3">____年__月__日　__时__分</td></tr>
  <tr><th>记录</th><td colspan="3"><div class="kb-lines" style="--lines: 4"></div></td></tr>
  <tr><th>签字</th><td>=1+1</td><th>审核</th><td><em>斜体</em>说明<br>第二行</td></tr>
</table>

表后的说明。
"""
OFFICIAL = FRONT.format(id="MB-WS", title="示例公文样式") + """\
# 示例公文样式 {#MB-WS}

按上级要求调整后使用（[[FG-ZB-12]]）。

<table class="kb-form">
  <colgroup><col style="width: 12%"><col style="width: 88%"></colgroup>
  <tr><th colspan="2">一、请示（本级 → 上级）</th></tr>
  <tr><th>标题</th><td>中共____________关于召开党员大会的请示<br>（另一写法：中共____________关于选举的请示）</td></tr>
  <tr><th>主送</th><td>中共____________：</td></tr>
  <tr><th>正文</th><td>拟于____年__月__日召开党员大会。妥否，请批示。<br>附件：候选人名单<br><em>（不设委员会的党支部另写。）</em></td></tr>
  <tr><th>落款</th><td>中共____________（印章）　　____年__月__日</td></tr>
</table>
"""
SECOND = """\
id: QD-YY
title: 第二份清单
version: "2.0"
updated: 2026-11-20
audience: [检查人员]
purpose: 第二份示例清单。
mode: READ-DO
sections:
  - title: 唯一一组
    items:
      - id: YY-01
        text: 支委会会议有记录。
        how: 查阅记录。
        basis: [FG-ZB-12]
        nature: 法规要求
      - id: YY-02
        text: 记录按时归档。
        how: 查阅档案。
        basis: [FG-ZB-12]
        nature: 参考做法
"""
TEMPLATES = {"procedures/templates/form.md": FORM, "procedures/templates/ws.md": OFFICIAL}


def site_of(docs: Path, unit: str | None = None):
    """The fixture's site without the downloads: each test renders the format it reads."""
    return generate(docs, docs.parent, unit, downloads=False)


def files(exporter, site) -> dict[str, bytes]:
    """What one exporter wrote, by path."""
    return {d.path: d.content for d in exporter.render(site)}


def items_table(document):
    """The checklist's table of a Word document: the one whose first row is the documented header."""
    found = [t for t in document.tables if [c.text for c in t.rows[0].cells] == DOCX_COLUMNS]
    return found[0] if found else None


def docx_item_ids(document) -> list[str]:
    """The first cell of every item row (group rows span the whole table)."""
    table = items_table(document)
    if table is None:
        return []
    return [row.cells[0].text for row in table.rows[1:] if len({id(c._tc) for c in row.cells}) == len(DOCX_COLUMNS)]


def xlsx_item_ids(book) -> list[str]:
    """Column 检查项编号 of every list sheet, in sheet order."""
    return [row[3] for ws in book.worksheets if ws.title != SUMMARY
            for row in ws.iter_rows(min_row=2, values_only=True) if row[3]]


def workbook(data: bytes):
    return load_workbook(io.BytesIO(data))


def document(data: bytes):
    return docx.Document(io.BytesIO(data))


def with_text(item: str, text: str) -> str:
    old = f"text: {TEXTS[item]}"
    assert old in CHECKLIST
    return CHECKLIST.replace(old, f'text: "{text}"')


def validation_of(ws, coordinate: str):
    found = [v for v in ws.data_validations.dataValidation if coordinate in v.sqref]
    assert len(found) == 1, coordinate
    return found[0]


def countif(book, formula: str) -> int:
    """What Excel computes for the summary's COUNTIF, COUNTA and COUNTBLANK over one column of one sheet."""
    match = re.fullmatch(r'=(COUNTIF|COUNTA|COUNTBLANK)\((.+)!\$([A-Z])\$(\d+):\$\3\$(\d+)(?:,"(.+)")?\)', formula)
    assert match, formula
    function, sheet, column, first, last, answer = match.groups()
    values = [book[sheet.strip("'")][f"{column}{row}"].value for row in range(int(first), int(last) + 1)]
    if function == "COUNTIF":
        return values.count(answer)
    filled = sum(1 for v in values if v not in (None, ""))
    return filled if function == "COUNTA" else len(values) - filled


def runs_of(doc):
    """Every run of the body, its tables, headers and footers."""
    parts = [doc.element.body] + [s.header._element for s in doc.sections] + [s.footer._element for s in doc.sections]
    return [r for part in parts for r in part.iter(qn("w:r"))]


def font_of(run_element) -> tuple[str | None, float | None]:
    fonts = run_element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    size = run_element.find(f"{qn('w:rPr')}/{qn('w:sz')}")
    return (fonts.get(qn("w:eastAsia")) if fonts is not None else None,
            int(size.get(qn("w:val"))) / 2 if size is not None else None)


def font_table(data: bytes) -> dict[str, str]:
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/fontTable.xml").decode()
    return dict(re.findall(r'<w:font w:name="([^"]+)"><w:altName w:val="([^"]+)"/>', xml))


# ---- Excel ---------------------------------------------------------------------------------------------------

def test_xlsx_per_list_has_every_item_with_its_own_drop_down(tree):
    written = files(XLSX, site_of(tree()))
    assert set(written) == {"checklists/xx.xlsx", "checklists/all-items.xlsx"}
    book = workbook(written["checklists/xx.xlsx"])
    assert book.sheetnames == [SHEET, SUMMARY]
    ws = book[SHEET]
    assert [c.value for c in ws[1]] == COLUMNS
    rows = {r[3]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert list(rows) == ["XX-01", "XX-02", "XX-03", "XX-04"]
    assert all(rows[i][4] == text for i, text in TEXTS.items())
    assert rows["XX-01"][2] == "第一组" and rows["XX-03"][2] == "第二组" and rows["XX-01"][5] == "法规要求"
    answers = {"XX-01": CONFORMITY, "XX-02": ADOPTION, "XX-03": ADOPTION, "XX-04": CONFORMITY}
    for row, (item, formula) in enumerate(answers.items(), start=2):
        validation = validation_of(ws, f"L{row}")
        assert ws[f"D{row}"].value == item
        assert (validation.type, validation.formula1, validation.allow_blank) == ("list", formula, True)
        assert not validation.showDropDown   # openpyxl's name: True would hide the arrow
        assert ws[f"L{row}"].value is None and ws.row_dimensions[row].height >= 45  # two written lines
    assert validation_of(ws, "L2").showErrorMessage


def test_xlsx_prints_on_a4_with_the_header_row_repeated(tree):
    ws = workbook(files(XLSX, site_of(tree()))["checklists/xx.xlsx"])[SHEET]
    assert ws.freeze_panes == "A2" and ws.print_title_rows == "$1:$1"
    setup = ws.page_setup
    assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (9, "landscape", 1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert all(ws.cell(row, 5).alignment.wrap_text for row in range(1, 6))
    assert "QD-XX　版本 1.0　更新 2026年11月26日" in ws.oddHeader.center.text
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    # The printed form says who was checked, by whom and when.
    footer = ws.oddFooter.left.text + ws.oddFooter.right.text
    assert all(f"{label}：__" in footer for label in ("被检查单位", "检查人", "检查日期")), footer
    visible = [ws.column_dimensions[chr(65 + i)] for i in range(len(COLUMNS))]
    assert [d.hidden for d in visible[:2]] == [True, True]   # list ID and title: in the page header instead
    assert sum(d.width for d in visible if not d.hidden) <= 155   # landscape A4 at about 100 %


def test_xlsx_unit_edition_offers_conformity_for_an_adopted_suggestion(tree):
    ws = workbook(files(XLSX, site_of(tree(), "demo"))["checklists/xx.xlsx"])[SHEET]
    assert ws["D4"].value == "XX-03" and ws["F4"].value == "本单位要求（采用的参考做法）"
    assert validation_of(ws, "L4").formula1 == CONFORMITY
    assert "示例单位" in ws.oddHeader.center.text


def test_xlsx_summary_counts_answers_by_formula(tree):
    book = workbook(files(XLSX, site_of(tree()))["checklists/xx.xlsx"])
    summary = book[SUMMARY]
    assert [c.value for c in summary[1]] == ["清单编号", "清单名称", "版本", "检查项", "已填", "符合", "不符合",
                                             "已采用", "未采用", "不适用", "未填"]
    row = [c.value for c in summary[2]]
    assert row[:3] == ["QD-XX", "示例检查清单", "1.0"]
    assert row[5] == f"=COUNTIF('{SHEET}'!$L$2:$L$5,\"符合\")"
    assert summary["A3"].value == "合计" and summary["F3"].value == "=SUM(F2:F2)"
    for answer, row_number in (("符合", 2), ("不符合", 5), ("已采用", 3)):
        book[SHEET][f"L{row_number}"] = answer
    assert [countif(book, f) for f in row[3:]] == [4, 3, 1, 1, 1, 0, 0, 1]
    assert summary["D2"].data_type == "f" and summary["F3"].data_type == "f"


def test_xlsx_text_is_never_a_formula(tree):
    written = files(XLSX, site_of(tree({"checklists/01-xx.yml": with_text("XX-03", "=1+1")})))
    book = workbook(written["checklists/xx.xlsx"])
    cell = book[SHEET]["E4"]
    assert (cell.value, cell.data_type) == ("'=1+1", "s")
    strings = [c for row in book[SHEET].iter_rows() for c in row if isinstance(c.value, str)]
    assert strings and all(c.data_type == "s" for c in strings)
    raw = zipfile.ZipFile(io.BytesIO(written["checklists/xx.xlsx"]))
    assert "<f>" not in raw.read("xl/worksheets/sheet1.xml").decode()   # the list sheet: no formula at all
    assert "<f>" in raw.read("xl/worksheets/sheet2.xml").decode()       # the summary's own formulas


def test_xlsx_writer_stores_formula_text_as_text():
    from openpyxl import Workbook

    ws = Workbook().active
    for column, text in enumerate(["=1+1", "=SUM(A1:A2)", "＝1+1", "@cmd", "普通文字"], start=1):
        put(ws, 1, column, text)
    assert [(c.value, c.data_type) for c in ws[1]] == [("'=1+1", "s"), ("'=SUM(A1:A2)", "s"), ("'＝1+1", "s"),
                                                       ("'@cmd", "s"), ("普通文字", "s")]
    buffer = io.BytesIO()
    ws.parent.save(buffer)
    assert [c.value for c in load_workbook(buffer).active[1]] == ["'=1+1", "'=SUM(A1:A2)", "'＝1+1", "'@cmd", "普通文字"]


def test_all_items_workbook_has_a_sheet_per_list_and_the_summary(tree, tmp_path):
    written = files(XLSX, site_of(tree({"checklists/02-yy.yml": SECOND})))
    book = workbook(written["checklists/all-items.xlsx"])
    assert book.sheetnames == [SHEET, "QD-YY 第二份清单", SUMMARY]
    assert [r[3] for r in book["QD-YY 第二份清单"].iter_rows(min_row=2, values_only=True)] == ["YY-01", "YY-02"]
    assert validation_of(book["QD-YY 第二份清单"], "L3").formula1 == ADOPTION
    summary = book[SUMMARY]
    assert [summary[f"A{r}"].value for r in (2, 3, 4)] == ["QD-XX", "QD-YY", "合计"]
    assert summary["F3"].value == "=COUNTIF('QD-YY 第二份清单'!$L$2:$L$3,\"符合\")"
    assert summary["D4"].value == "=SUM(D2:D3)"
    (tmp_path / "all.xlsx").write_bytes(written["checklists/all-items.xlsx"])
    assert XLSX.read_back(tmp_path / "all.xlsx") == ["XX-01", "XX-02", "XX-03", "XX-04", "YY-01", "YY-02"]


def test_sheet_names_fit_excel_rules():
    from types import SimpleNamespace as List

    taken: set[str] = set()
    names = [sheet_name(List(id="QD-A", title=title), taken)
             for title in ("问题/整改[一]: 是否*完成?", "很" * 40, "很" * 40, "汇总")]
    assert names[0] == "QD-A 问题_整改_一__ 是否_完成_"
    assert all(len(n) <= 31 for n in names) and len(set(names)) == 4 and SUMMARY not in names
    assert sheet_name(List(id="QD-B", title="它's"), taken) == "QD-B 它’s"


def test_xlsx_verify_refuses_a_result_cell_without_drop_down(tree, tmp_path):
    book = workbook(files(XLSX, site_of(tree()))["checklists/xx.xlsx"])
    book[SHEET].data_validations.dataValidation.clear()
    book.save(tmp_path / "broken.xlsx")
    with pytest.raises(ValueError, match="检查结果没有下拉选项"):
        XLSX.read_back(tmp_path / "broken.xlsx")


# ---- Word ------------------------------------------------------------------------------------------------------

def test_docx_checklist_has_every_item_in_a_table_with_a_repeated_header(tree):
    written = files(DOCX, site_of(tree()))
    assert set(written) == {"checklists/xx.docx"}
    doc = document(written["checklists/xx.docx"])
    table = items_table(doc)
    assert [c.text for c in table.rows[0].cells] == DOCX_COLUMNS == ["编号", "检查内容", "性质", "检查结果", "备注"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr.find(qn("w:tblHeader")) is None for r in table.rows[1:])
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)
    texts = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert texts[0] == ["一、第一组"] * 5 and texts[3] == ["二、第二组"] * 5   # a group spans the table
    items = {row[0]: row for row in texts if row[0] != row[1]}
    assert list(items) == ["XX-01", "XX-02", "XX-03", "XX-04"]
    assert all(items[i][1].startswith(text) for i, text in TEXTS.items())
    assert "检查方法：查阅近12个月支委会会议记录，逐月核对召开次数。" in items["XX-01"][1]
    assert "依据：支部工作条例第十二条（FG-ZB-12）；调研问题 WT-01.1" in items["XX-01"][1]
    assert "调研所见问题：会议记录年月日记录不全。" in items["XX-02"][1]
    assert items["XX-01"][3] == "□ 符合\n□ 不符合\n□ 不适用" and items["XX-02"][3] == "□ 已采用\n□ 未采用\n□ 不适用"
    assert items["XX-03"][2] == "参考做法" and items["XX-01"][4] == ""
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "被检查单位：" in body and "检查人：" in body and "主要问题及整改要求：" in body and "检查人（签字）" in body
    assert round(doc.tables[1].rows[0].height.mm) >= 40   # room to write the problems found


def test_docx_is_a4_with_east_asian_fonts_named(tree):
    data = files(DOCX, site_of(tree()))["checklists/xx.docx"]
    doc = document(data)
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)   # stored in twips
    fonts = [font_of(r) for r in runs_of(doc)]
    assert fonts and all(east == "宋体" for east, _ in fonts)
    assert all(size >= 10.5 for east, size in fonts_in_body(doc))
    defaults = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert defaults.get(qn("w:eastAsia")) == "宋体" and defaults.get(qn("w:eastAsiaTheme")) is None
    assert font_table(data)["宋体"] == "SimSun"
    assert "QD-XX　版本 1.0　更新 2026年11月26日" in section.header.paragraphs[0].text
    footer = section.footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    assert doc.core_properties.title == "示例检查清单" and doc.core_properties.language == "zh-CN"


def fonts_in_body(doc):
    return [font_of(r) for r in doc.element.body.iter(qn("w:r"))]


def test_docx_unit_edition_and_formula_guard(tree):
    site = site_of(tree({"checklists/01-xx.yml": with_text("XX-03", "=1+1")}), "demo")
    doc = document(files(DOCX, site)["checklists/xx.docx"])
    items = {row.cells[0].text: [c.text for c in row.cells] for row in items_table(doc).rows[2:]}
    assert items["XX-03"][1].startswith("'=1+1") and items["XX-03"][3] == "□ 符合\n□ 不符合\n□ 不适用"
    assert items["XX-03"][2] == "本单位要求（采用的参考做法）"
    assert "示例单位" in doc.sections[0].header.paragraphs[0].text
    assert any(p.text.startswith("示例市某单位党委版") for p in doc.paragraphs)


def test_docx_blank_form_keeps_the_fields_of_the_page(tree):
    written = files(DOCX, site_of(tree(TEMPLATES)))
    assert {"procedures/templates/form.docx", "procedures/templates/ws.docx"} <= set(written)
    doc = document(written["procedures/templates/form.docx"])
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[0] == "示例记录表"
    assert "本表按本单位要求调整后使用，见GC-XX；格式：______（本单位要求 BDW-XX-1：会议记录应采用什么格式？）。" in paragraphs
    assert "第一条说明（FG-ZB-12）。" in paragraphs and "表后的说明。" in paragraphs
    assert doc.paragraphs[paragraphs.index("第二条说明。")].style.name == "List Bullet"
    assert not any("屏幕上" in p for p in paragraphs)   # screen-only notes are not printed
    (table,) = doc.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["序号", "名称", "日期", "备注"], ["会议时间"] + ["____年__月__日　__时__分"] * 3, ["记录", "", "", ""],
        ["签字", "'=1+1", "审核", "斜体说明\n第二行"]]
    assert [round(c.width.mm) for c in table.columns] == [34, 51, 34, 51]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    assert table.rows[1].cells[1]._tc.tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "3"
    assert round(table.rows[2].height.mm) >= 32        # kb-lines 4: four lines of about 8 mm
    italic = [r for r in table.rows[3].cells[3].paragraphs[0].runs if r.italic]
    assert [r.text for r in italic] == ["斜体"]
    assert all(r.bold for r in table.rows[0].cells[0].paragraphs[0].runs)
    assert all(east == "宋体" for east, _ in (font_of(r) for r in runs_of(doc)))
    assert "MB-JL　版本 1.0　更新 2026年11月26日" in doc.sections[0].header.paragraphs[0].text


def test_docx_official_template_follows_gb_t_9704(tree):
    data = files(DOCX, site_of(tree(TEMPLATES)))["procedures/templates/ws.docx"]
    doc = document(data)
    section = doc.sections[0]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]   # 版心 156 mm × 225 mm on A4
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert not doc.tables      # a 公文 is paragraphs, not a form
    by_text = {p.text: p for p in doc.paragraphs if p.text}
    label = by_text["一、请示（本级 → 上级）"]
    assert label.paragraph_format.page_break_before
    title = by_text["中共____________关于召开党员大会的请示"]
    assert title.alignment == 1 and {font_of(r._element) for r in title.runs} == {("方正小标宋简体", 22)}
    alternative = by_text["（另一写法：中共____________关于选举的请示）"]
    assert {font_of(r._element) for r in alternative.runs} == {("仿宋_GB2312", 16)}
    body = by_text["拟于____年__月__日召开党员大会。妥否，请批示。"]
    assert {font_of(r._element) for r in body.runs} == {("仿宋_GB2312", 16)}
    assert body.paragraph_format.first_line_indent == Pt(32)     # 左空二字
    assert body.paragraph_format.line_spacing == Pt(28.95)       # 22 lines on the 版心
    assert by_text["中共____________："].paragraph_format.first_line_indent is None   # 主送 顶格
    assert "附件：候选人名单" in by_text
    assert all(r.italic for r in by_text["（不设委员会的党支部另写。）"].runs)
    date = by_text["____年__月__日"]
    assert date.alignment == 2 and date.paragraph_format.right_indent == Pt(64)   # 成文日期 右空四字
    sign = by_text["中共____________（印章）"]
    # centred over the date: 4 + (7 − 12) / 2 characters in from the right (Latin "_" is half a character)
    assert sign.alignment == 2 and sign.paragraph_format.right_indent == Pt(24)
    texts = list(by_text)
    assert texts.index("中共____________（印章）") < texts.index("____年__月__日")
    assert font_table(data)["方正小标宋简体"] == "宋体" and font_table(data)["仿宋_GB2312"] == "仿宋"
    assert doc.settings.odd_and_even_pages_header_footer
    for footer in (section.footer, section.even_page_footer):
        number = footer.paragraphs[0]   # "— 1 —": python-docx leaves the field's own text out of .text
        assert number.text == "—  —" and 'w:fldSimple w:instr="PAGE"' in number._p.xml


def test_docx_read_back_finds_the_items_and_templates_have_none(tree, tmp_path):
    found = {}
    for path, data in files(DOCX, site_of(tree({**TEMPLATES, "checklists/02-yy.yml": SECOND}))).items():
        (tmp_path / Path(path).name).write_bytes(data)
        found[path] = DOCX.read_back(tmp_path / Path(path).name)
    assert found == {"checklists/xx.docx": ["XX-01", "XX-02", "XX-03", "XX-04"], "checklists/yy.docx": ["YY-01", "YY-02"],
                     "procedures/templates/form.docx": [], "procedures/templates/ws.docx": []}


# ---- both -----------------------------------------------------------------------------------------------------

def test_office_files_are_byte_identical_with_fixed_dates(tree, monkeypatch):
    docs = tree(TEMPLATES)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = {**files(XLSX, site_of(docs)), **files(DOCX, site_of(docs))}
    again = {**files(XLSX, site_of(docs)), **files(DOCX, site_of(docs))}
    assert first == again and len(first) == 5
    for data in first.values():
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        assert {i.date_time for i in infos} == {(2020, 12, 2, 0, 0, 0)}
        names = [i.filename for i in infos]
        assert names[0] == "[Content_Types].xml" and names[1:] == sorted(names[1:])
        core = archive.read("docProps/core.xml").decode()
        assert core.count("2020-12-02T00:00:00Z") == 2
    assert document(first["checklists/xx.docx"]).core_properties.created.year == 2020
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764115200")
    later = files(XLSX, site_of(docs))["checklists/xx.xlsx"]
    assert later != first["checklists/xx.xlsx"]
    assert zipfile.ZipFile(io.BytesIO(later)).infolist()[0].date_time == (2025, 11, 26, 0, 0, 0)
    assert workbook(later).properties.modified.date().isoformat() == "2025-11-26"


# ---- the template converter ----------------------------------------------------------------------------------

def test_form_blocks_read_headings_lists_notes_and_tables():
    text = FORM.replace("!!! note kb-screen-only", "!!! note") + "\n!!! warning\n    **注意**：*强调*与[链接](x.md)。\n"
    found = forms.blocks(text)
    kinds = [b.kind if isinstance(b, forms.Para) else "table" for b in found]
    assert kinds == ["heading", "paragraph", "item", "item", "note", "paragraph", "table", "paragraph", "paragraph"]
    assert found[0].level == 1 and found[0].lines[0][0].text == "示例记录表"   # the {#MB-JL} anchor dropped
    assert found[4].lines[0][0].text == "只在屏幕上显示"
    assert [(s.text, s.bold, s.italic) for s in found[-1].lines[0]] == [
        ("注意", True, False), ("：", False, False), ("强调", False, True), ("与", False, False), ("链接", False, False),
        ("。", False, False)]
    table = found[6]
    assert table.widths == [20, 30, 20, 30] and table.columns == 4
    assert [(c.header, c.colspan, c.write_lines, c.text) for c in table.rows[2]] == [
        (True, 1, 0, "记录"), (False, 3, 4, "")]
    assert [[(s.text, s.italic) for s in line] for line in table.rows[3][3].lines] == [
        [("斜体", True), ("说明", False)], [("第二行", False)]]


def test_form_blocks_resolve_references_after_parsing():
    found = forms.blocks("见[[FG-ZB-12]]与{{BDW-XX-1}}。\n", lambda text: text.replace("{{BDW-XX-1}}", "<甲&乙>"))
    assert found[0].lines[0][0].text == "见FG-ZB-12与<甲&乙>。"


# ---- the real docs -------------------------------------------------------------------------------------------

def test_real_docs_render_every_list_and_template(tmp_path):
    site = generate(downloads=False)   # the reference edition; the two formats are rendered here
    want = {}
    for source in sorted((DOCS / "checklists").glob("*.yml")):
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        want[source.stem.split("-", 1)[1]] = [i["id"] for s in data["sections"] for i in s["items"]]
    templates = sorted(p.stem for p in (DOCS / "procedures" / "templates").glob("*.md"))
    assert len(want) == 8 and len(templates) == 5
    written = {**files(XLSX, site), **files(DOCX, site)}
    expected = {f"checklists/{slug}.{ext}" for slug in want for ext in ("xlsx", "docx")}
    expected |= {"checklists/all-items.xlsx"} | {f"procedures/templates/{stem}.docx" for stem in templates}
    assert set(written) == expected
    for path, data in written.items():
        stem = Path(path).stem
        ids = xlsx_item_ids(workbook(data)) if path.endswith(".xlsx") else docx_item_ids(document(data))
        every = [i for ids_of_list in want.values() for i in ids_of_list]
        assert ids == (every if stem == "all-items" else want.get(stem, [])), path
        if path.startswith("procedures/templates/"):
            # A blank form carries no note for whoever fills it in: those are on screen only (kb-screen-only).
            text = "\n".join([p.text for p in document(data).paragraphs]
                             + [c.text for t in document(data).tables for r in t.rows for c in r.cells])
            assert not re.search(r"本站|<div|kb-screen|给起草人|给组织者", text), (path, text[:200])
    official = document(written["procedures/templates/huanjie-wenshu.docx"])
    assert round(official.sections[0].top_margin.mm) == 37 and not official.tables
    titles = [p.text for p in official.paragraphs if p.runs and font_of(p.runs[0]._element)[0] == "方正小标宋简体"]
    assert len(titles) == 4 and all(t.startswith("中共") for t in titles)
