"""Word and WPS documents (python-docx): an editable table version of each checklist and of each blank template.

A4; 宋体 五号 (10.5 pt) body with the East-Asian font named in every run (python-docx only sets the Latin one);
the header row of every table repeated on each page (w:tblHeader); rows never split across pages. The 公文
templates (a form whose rows are 标题, 主送, 正文 and 落款) are laid out after GB/T 9704-2012: 版心 156 mm × 225 mm,
title 二号小标宋, body 三号仿宋, 成文日期 right-aligned four characters in, page numbers "— 1 —". Fonts are named as
offices name them, each with the font of an ordinary Chinese Windows as its fallback (w:altName in the font table).
Text cells carry cells.neutral()'s formula guard, like every export: a table copied into a spreadsheet stays text."""

from __future__ import annotations

import io
import re
from pathlib import Path, PurePosixPath

import docx
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .. import forms
from ..downloads import LIST, TEMPLATE, Download, list_path
from ..listing import MODES, SECTION_NUMERALS, nature_counts, stamp
from ..local import plain_text
from ..text import cn_date
from . import cells, zipfix

NAME = "docx"
TEMPLATES = "procedures/templates/"
COLUMNS = ["编号", "检查内容", "性质", "检查结果", "备注"]
_WIDTHS_MM = [20, 77, 21, 22, 30]                    # 170 mm: A4 less 20 mm margins
LATIN = "Times New Roman"
SONG, HEI = "宋体", "黑体"
GW_TITLE, GW_BODY = "方正小标宋简体", "仿宋_GB2312"     # the fonts GB/T 9704 公文 are set in
# What Word and WPS use when the named font is not installed (the names an ordinary Chinese Windows has).
FALLBACK = {GW_TITLE: SONG, GW_BODY: "仿宋", SONG: "SimSun", "仿宋": "FangSong", HEI: "SimHei"}
BODY_PT, SMALL_PT, TITLE_PT = 10.5, 9, 16            # 五号, 小五 (running header), 三号
GW_TITLE_PT, GW_BODY_PT, GW_PAGE_PT = 22, 16, 14      # 二号, 三号, 四号
GW_LINE_PT = 28.95                                    # 22 lines on the 225 mm 版心
GW_MARGINS_MM = (37, 35, 28, 26)                      # top, bottom, left (订口), right
WRITE_LINE_MM = forms.WRITE_LINE_MM
_COL = {name: cells.COLUMNS.index(name) for name in cells.COLUMNS}
_FILLER_RE = re.compile(r"\u3000{2,}")
# The order of the children of a row's and a cell's properties (ECMA-376), for elements python-docx has no API for.
_AFTER_CANT_SPLIT = ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del",
                     "w:trPrChange")
_AFTER_SHADING = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers",
                  "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange")


# ---- the document and its fonts --------------------------------------------------------------------------

def _fonts(element, east: str, latin: str = LATIN) -> None:
    fonts = element.get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)     # a theme font would win over the names below
    for key, value in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", east), ("w:cs", latin),
                       ("w:hint", "eastAsia")):
        fonts.set(qn(key), value)


def _font_table(name: str, content: bytes) -> bytes:
    """Every font the document names, with its fallback, in word/fontTable.xml."""
    if name != "word/fontTable.xml":
        return content
    entries = "".join(
        f'<w:font w:name="{font}"><w:altName w:val="{alt}"/><w:charset w:val="86"/><w:family w:val="auto"/>'
        f'<w:pitch w:val="variable"/></w:font>' for font, alt in FALLBACK.items())
    return content.replace(b"</w:fonts>", entries.encode() + b"</w:fonts>")


def _new_document(title: str, subject: str):
    doc = docx.Document()
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr, SONG)
    rpr.find(qn("w:sz")).set(qn("w:val"), str(int(BODY_PT * 2)))
    rpr.find(qn("w:szCs")).set(qn("w:val"), str(int(BODY_PT * 2)))
    rpr.find(qn("w:lang")).set(qn("w:eastAsia"), "zh-CN")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    settings = doc.settings.element
    settings.find(qn("w:themeFontLang")).set(qn("w:eastAsia"), "zh-CN")
    for preview in settings.findall(qn("w:savePreviewPicture")):
        settings.remove(preview)
    package = doc.part.package
    for rid in [rid for rid, rel in package.rels.items() if rel.reltype == RT.THUMBNAIL]:
        del package.rels[rid]   # the blank page python-docx's template shows as a preview
    props = doc.core_properties
    props.title, props.subject, props.author = title, subject, "党建工作知识库"
    props.comments = props.keywords = props.category = ""
    props.last_modified_by, props.revision, props.language = "党建工作知识库", 1, "zh-CN"
    props.created = props.modified = zipfix.moment()
    return doc


def _page(section, margins_mm=(20, 20, 20, 20), header_mm=10, footer_mm=10) -> None:
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = map(Mm, margins_mm)
    section.header_distance, section.footer_distance = Mm(header_mm), Mm(footer_mm)


def run(paragraph, text: str, size: float = BODY_PT, east: str = SONG, bold: bool = False, italic: bool = False,
        latin: str = LATIN, parent=None):
    """Append a run with its fonts, size and emphasis written out (built directly: python-docx's own
    property setters cost a search of the element per property, which adds up over a thousand lists)."""
    element = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    properties.append(OxmlElement("w:rFonts", {qn("w:ascii"): latin, qn("w:hAnsi"): latin, qn("w:eastAsia"): east,
                                                qn("w:cs"): latin, qn("w:hint"): "eastAsia"}))
    for flag, tag in ((bold, "w:b"), (italic, "w:i")):
        if flag:
            properties.append(OxmlElement(tag))
    half_points = str(round(size * 2))
    properties.append(OxmlElement("w:sz", {qn("w:val"): half_points}))
    properties.append(OxmlElement("w:szCs", {qn("w:val"): half_points}))
    element.append(properties)
    for number, part in enumerate(text.split("\n")):
        if number:
            element.append(OxmlElement("w:br"))
        piece = OxmlElement("w:t", {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
        piece.text = part
        element.append(piece)
    (paragraph._p if parent is None else parent).append(element)
    return element


def _field(paragraph, instruction: str, size: float, east: str = SONG) -> None:
    """A PAGE or NUMPAGES field, shown as "1" until Word or WPS updates it."""
    field = OxmlElement("w:fldSimple", {qn("w:instr"): instruction})
    paragraph._p.append(field)
    run(paragraph, "1", size, east, parent=field)


def _page_numbers(paragraph, size: float = SMALL_PT, east: str = SONG) -> None:
    run(paragraph, "第 ", size, east)
    _field(paragraph, "PAGE", size, east)
    run(paragraph, " 页 共 ", size, east)
    _field(paragraph, "NUMPAGES", size, east)
    run(paragraph, " 页", size, east)


def _running_header(section, text: str) -> None:
    head = section.header.paragraphs[0]
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run(head, text, SMALL_PT)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_numbers(foot)


def _paragraph(container, text: str = "", size: float = BODY_PT, bold: bool = False, align=None, after: float = 0,
               east: str = SONG):
    paragraph = container.add_paragraph()
    if text:
        run(paragraph, text, size, east, bold)
    if align is not None:
        paragraph.alignment = align
    if after:
        paragraph.paragraph_format.space_after = Pt(after)
    return paragraph


def _save(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return zipfix.fixed(buffer.getvalue(), _font_table)


# ---- tables ------------------------------------------------------------------------------------------------

def _table(container, widths_mm: list[float]):
    table = container.add_table(rows=0, cols=len(widths_mm))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    table._tbl.tblPr.get_or_add_tblLayout().set(qn("w:type"), "fixed")
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    return table


def _row(table, widths_mm: list[float], height_mm: float = 0, header: bool = False):
    row = table.add_row()   # its cells take their widths from the grid
    trpr = row._tr.get_or_add_trPr()
    trpr.insert_element_before(OxmlElement("w:cantSplit"), *_AFTER_CANT_SPLIT)
    if height_mm:
        row.height, row.height_rule = Mm(height_mm), WD_ROW_HEIGHT_RULE.AT_LEAST
    if header:
        trpr.insert_element_before(OxmlElement("w:tblHeader"), *_AFTER_CANT_SPLIT[2:])
    return row


def _shade(cell, fill: str = "E7E6E6") -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tcpr.insert_element_before(shading, *_AFTER_SHADING)


def _cell_lines(cell, lines: list[str], bold: bool = False, keep: bool = False, first_bold: bool = False) -> None:
    """Text into a cell, one paragraph per line (the cell's own empty paragraph first)."""
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        if line:
            run(paragraph, line, bold=bold or (first_bold and index == 0))
        paragraph.paragraph_format.keep_with_next = keep or None


def _keep_row(row) -> None:
    """Keep a row on the same page as what follows it (Word reads keep-with-next on every paragraph)."""
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


# ---- checklists ----------------------------------------------------------------------------------------------

def _edition_line(site) -> str:
    unit = site.edition.unit
    if unit is None:
        return "参考文本：本单位要求留空，由单位采用时按上级和本单位的正式文件填写。"
    example = "（示例单位：名称和取值都是虚构的，仅供演示）" if unit.example else ""
    return f"{unit.full_name}版{example}：采用参考文本 {unit.adopted_version} 版，自{cn_date(unit.effective)}起施行。"


def _checklist(checklist, site) -> bytes:
    rows = cells.rows(checklist, site)
    doc = _new_document(checklist.title, f"{checklist.id} {checklist.version}")
    section = doc.sections[0]
    _page(section)
    _running_header(section, stamp(checklist, site.edition))
    _paragraph(doc, cells.neutral(checklist.title), TITLE_PT, True, WD_ALIGN_PARAGRAPH.CENTER, after=6)
    _paragraph(doc, f"清单编号：{checklist.id}｜版本：{checklist.version}｜更新日期：{cn_date(checklist.updated)}"
                    f"｜共 {len(rows)} 项")
    _paragraph(doc, cells.neutral(f"使用对象：{'、'.join(checklist.audience)}｜使用方式：{MODES[checklist.mode].name}"))
    _paragraph(doc, cells.neutral(f"用途：{checklist.purpose}"))
    _paragraph(doc, _edition_line(site), after=3)
    natures = [r[_COL["性质"]].split("（")[0] for r in rows]
    _paragraph(doc, f"填写说明：本清单{nature_counts(natures)}。法规要求、本单位要求勾“符合／不符合”；调研建议、"
                    "参考做法勾“已采用／未采用”，不作为“不符合”的依据；本期不涉及的勾“不适用”，并在备注中写明原因。",
               after=3)
    _paragraph(doc, "被检查单位：____________________　检查日期：______年____月____日　检查人：____________", after=6)

    table = _table(doc, _WIDTHS_MM)
    head = _row(table, _WIDTHS_MM, header=True)
    for cell, name in zip(head.cells, COLUMNS, strict=True):
        _cell_lines(cell, [name], bold=True)
        _shade(cell)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    item_rows = []
    values_of = iter(rows)
    for number, section_ in enumerate(checklist.sections):
        title_row = _row(table, _WIDTHS_MM)
        merged = title_row.cells[0].merge(title_row.cells[-1])
        _cell_lines(merged, [cells.neutral(f"{SECTION_NUMERALS[number]}、{section_.title}")], bold=True, keep=True)
        _shade(merged, "F2F2F2")
        for values in (next(values_of) for _ in section_.items):
            row = _row(table, _WIDTHS_MM, height_mm=2 * WRITE_LINE_MM)
            item_rows.append(row)
            content = [values[_COL["检查内容"]]]
            for label in ("检查方法", "依据", "证明材料", "调研所见问题"):
                if values[_COL[label]]:
                    content.append(f"{label}：{values[_COL[label]]}")
            answers = values[_COL["可选结果"]].split("／")
            parts = [[values[_COL["检查项编号"]]], content, [values[_COL["性质"]]], [f"□ {a}" for a in answers], [""]]
            for column, (cell, lines) in enumerate(zip(row.cells, parts, strict=True)):
                _cell_lines(cell, lines, first_bold=column == 1)
    for row in item_rows[-1:]:
        _keep_row(row)   # the sign-off never starts a page on its own

    heading = _paragraph(doc, "检查结论与签字", 12, True)
    heading.paragraph_format.space_before = Pt(12)
    summary = _paragraph(doc, "结果汇总：符合____项，不符合____项，已采用____项，未采用____项，不适用____项", after=3)
    label = _paragraph(doc, "主要问题及整改要求：", after=3)
    for paragraph in (heading, summary, label):
        paragraph.paragraph_format.keep_with_next = True
    box = _table(doc, [170])
    _keep_row(_row(box, [170], height_mm=6 * WRITE_LINE_MM))
    sign = _paragraph(doc, "检查人（签字）：________________　　被检查单位负责人（签字）：________________")
    sign.paragraph_format.space_before = Pt(12)
    return _save(doc)


# ---- blank templates -------------------------------------------------------------------------------------

def _spans(paragraph, line: forms.Line, size: float = BODY_PT, east: str = SONG, italic: bool = False,
           bold: bool = False) -> None:
    for span in line:
        run(paragraph, span.text, size, east, span.bold or bold, span.italic or italic)


def _header_rows(table: forms.Table) -> int:
    """Rows repeated on each page: up to the first row of column headings, if the form starts with one."""
    for index, row in enumerate(table.rows[:2]):
        if len(row) > 1 and all(c.header for c in row):
            return index + 1
    return 0


def _form_table(doc, table: forms.Table, width_mm: float) -> None:
    count = table.columns
    shares = table.widths if len(table.widths) == count and all(table.widths) else [1.0] * count
    widths = [width_mm * share / sum(shares) for share in shares]
    grid = _table(doc, widths)
    repeated = _header_rows(table)
    for index, source in enumerate(table.rows):
        height = max([c.write_lines for c in source] + [1]) * WRITE_LINE_MM
        row = _row(grid, widths, height, header=index < repeated)
        column = 0
        for cell in source:
            target = row.cells[column]
            if cell.colspan > 1:
                target = target.merge(row.cells[min(column + cell.colspan, count) - 1])
            column += cell.colspan
            for number, line in enumerate(cell.lines):
                paragraph = target.paragraphs[0] if number == 0 else target.add_paragraph()
                _spans(paragraph, [forms.Span(cells.neutral(s.text) if i == 0 else s.text, s.bold or cell.header,
                                                   s.italic) for i, s in enumerate(line)])
                if cell.header:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if cell.header:
                _shade(target)


def is_official(table: forms.Table) -> bool:
    labels = {row[0].text for row in table.rows if len(row) == 2 and row[0].header}
    return {"标题", "正文", "落款"} <= labels


def _width(text: str) -> float:
    """Width in characters of the body font: Chinese and full-width one, Latin half."""
    return sum(1.0 if ord(ch) > 0x2E7F else 0.5 for ch in text)


def _gw(doc, align=None, indent_chars: float = 0, right_chars: float = 0, before_page: bool = False):
    paragraph = doc.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(GW_LINE_PT)
    if align is not None:
        paragraph.alignment = align
    if indent_chars:
        fmt.first_line_indent = Pt(GW_BODY_PT * indent_chars)
    if right_chars:
        fmt.right_indent = Pt(GW_BODY_PT * right_chars)
    fmt.page_break_before = before_page or None
    return paragraph


def _is_note(line: forms.Line) -> bool:
    text = "".join(s.text for s in line).strip()
    return bool(line) and (all(s.italic for s in line if s.text.strip()) or (text.startswith("（")
                                                                              and text.endswith("）")))


def _official(doc, table: forms.Table) -> None:
    """One 公文 on its own pages: heading of the sample, then title, 主送, 正文 (附件 apart), 署名 and 成文日期."""
    fields = {row[0].text: row[1].lines for row in table.rows if len(row) == 2 and row[0].header}
    label = next((row[0] for row in table.rows if len(row) == 1), None)
    first = True
    if label is not None:
        _spans(_gw(doc, before_page=True), label.lines[0], GW_BODY_PT, HEI)
        _gw(doc)
        first = False
    for line in fields.get("标题", []):
        note = _is_note(line) and not first
        paragraph = _gw(doc, WD_ALIGN_PARAGRAPH.CENTER, before_page=first)
        _spans(paragraph, line, GW_BODY_PT if note else GW_TITLE_PT, GW_BODY if note else GW_TITLE, italic=note)
        first = False
    _gw(doc)
    for line in fields.get("主送", []):
        _spans(_gw(doc), line, GW_BODY_PT, GW_BODY)
    for line in fields.get("正文", []):
        if "".join(s.text for s in line).startswith("附件"):
            _gw(doc)
        _spans(_gw(doc, indent_chars=2), line, GW_BODY_PT, GW_BODY, italic=_is_note(line))
    _gw(doc)
    for line in fields.get("落款", []):
        text = "".join(s.text for s in line)
        parts = _FILLER_RE.split(text, maxsplit=1)
        name, date = (parts[0], parts[1]) if len(parts) == 2 else ("", text)
        if name:  # the 署名 centred over the 成文日期, which stands four characters in from the right
            right = max(0.0, 4 + (_width(date) - _width(name)) / 2)
            run(_gw(doc, WD_ALIGN_PARAGRAPH.RIGHT, right_chars=right), name, GW_BODY_PT, GW_BODY)
        run(_gw(doc, WD_ALIGN_PARAGRAPH.RIGHT, right_chars=4), date, GW_BODY_PT, GW_BODY)


def _official_page_numbers(doc, section) -> None:
    """"— 1 —" in 四号宋体 below the 版心: odd pages on the right, even on the left, one character in."""
    doc.settings.odd_and_even_pages_header_footer = True
    section.footer_distance = Mm(GW_MARGINS_MM[1] - 7 - 6)
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = Pt(GW_PAGE_PT)
        else:
            paragraph.paragraph_format.left_indent = Pt(GW_PAGE_PT)
        run(paragraph, "— ", GW_PAGE_PT)
        _field(paragraph, "PAGE", GW_PAGE_PT)
        run(paragraph, " —", GW_PAGE_PT)


def _template(page, site) -> bytes:
    found = forms.blocks(page.text, lambda text: plain_text(text, site.requirements, site.edition))
    official = any(isinstance(b, forms.Table) and is_official(b) for b in found)
    version = page.meta.get("version", "")
    doc = _new_document(page.title, f"{page.id} {version}")
    section = doc.sections[0]
    if official:
        _page(section, GW_MARGINS_MM, header_mm=15)
        _official_page_numbers(doc, section)
    else:
        _page(section)
        unit = f"{site.edition.unit.short_name}　" if site.edition.unit else ""
        reviewed = page.meta.get("reviewed")
        _running_header(section, f"{unit}{page.id}　版本 {version}" + (f"　更新 {cn_date(str(reviewed))}" if reviewed else ""))
    width = 210 - section.left_margin.mm - section.right_margin.mm
    for block in found:
        if isinstance(block, forms.Table):
            if is_official(block):
                _official(doc, block)
            else:
                _form_table(doc, block, width)
                _paragraph(doc)
        elif block.kind == "heading":
            paragraph = _paragraph(doc, align=WD_ALIGN_PARAGRAPH.CENTER if block.level == 1 else None, after=6)
            _spans(paragraph, block.lines[0], TITLE_PT if block.level == 1 else 12, bold=True)
        else:
            for line in block.lines:
                paragraph = doc.add_paragraph(style="List Bullet" if block.kind == "item" else None)
                paragraph.paragraph_format.space_after = Pt(3)
                _spans(paragraph, line, bold=block.kind == "note")
    return _save(doc)


# ---- the format ------------------------------------------------------------------------------------------------

def template_pages(site) -> list:
    return [page for src, page in sorted(site.pages.items()) if src.startswith(TEMPLATES) and page.id]


def render(site) -> list[Download]:
    written = [Download.of_lists(list_path(c, ".docx"), _checklist(c, site), NAME, LIST, [c]) for c in site.checklists]
    for page in template_pages(site):
        written.append(Download(f"{TEMPLATES}{PurePosixPath(page.src).stem}.docx", _template(page, site), NAME, TEMPLATE))
    return written


def items_table(document):
    """The checklist's table in a document read back (its first row holds COLUMNS), or None for a template."""
    for table in document.tables:
        if [c.text for c in table.rows[0].cells] == COLUMNS:
            return table
    return None


def read_back(path: Path) -> list[str]:
    """The item IDs in a written document: the first cell of each row of the checklist table other than the
    header and the group rows (which span the table). A template has none. The header row must repeat."""
    document = docx.Document(str(path))
    table = items_table(document)
    if table is None:
        return []
    if table.rows[0]._tr.trPr is None or table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is None:
        raise ValueError(f"{path.name}：表头行没有设为在每页重复")
    return [row.cells[0].text for row in table.rows[1:] if len({id(c._tc) for c in row.cells}) == len(COLUMNS)]
