"""The blank templates (docs/procedures/templates/*.md) read as blocks that paper is made of: the one reading
of a template for every printed form of it — the Word export lays the blocks out with python-docx, the PDF
booklet as HTML (`html()`); the site itself is MkDocs' own rendering of the page.

Only what those pages use is understood: headings, paragraphs, "- " lists, admonitions (`!!! note`) and
`<div markdown>` wrappers — both skipped when marked kb-screen-only, as the browser's print skips them — and
the forms as HTML tables (`<table class="kb-form">` with
`<colgroup>` widths, `<th>`/`<td>`, colspan, `<br>`, `<em>`/`<strong>` and `<div class="kb-lines" style="--lines: N">`
for room to write). `[[ID]]` becomes the ID, `{{BDW-…}}` the unit's value or the blank, as in the CSV."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markupsafe import Markup, escape

from .ids import FENCE_RE, REF_RE, split_front_matter

_HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*(?:\{[^}]*\})?\s*$")
_ITEM_RE = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
_ADMONITION_RE = re.compile(r'^(?:!!!|\?\?\?\+?)\s+([\w-]+(?:\s+[\w-]+)*)\s*(?:"([^"]*)")?\s*$')
_INLINE_RE = re.compile(r"\*\*(.+?)\*\*|<(strong|b)>(.+?)</\2>|<(em|i)>(.+?)</\4>|(?<![*\w])\*([^*\s][^*]*)\*"
                        r"|\[([^\]]*)\]\([^)]*\)|<br\s*/?>")
_WS_RE = re.compile(r"[ \t\r\n\f]+")        # HTML white space only: the full-width space is text
_LINES_RE = re.compile(r"--lines:\s*(\d+)")
_WIDTH_RE = re.compile(r"width:\s*([\d.]+)%")
_DIV_OPEN_RE = re.compile(r"<div\b[^>]*>", re.IGNORECASE)
_DIV_CLOSE_RE = re.compile(r"</div\s*>", re.IGNORECASE)
SCREEN_ONLY = "kb-screen-only"
WRITE_LINE_MM = 8       # one hand-written line


@dataclass
class Span:
    text: str
    bold: bool = False
    italic: bool = False


Line = list[Span]


@dataclass
class Para:
    kind: str               # "heading", "paragraph", "item" (of a list) or "note" (an admonition's title)
    lines: list[Line]
    level: int = 0


@dataclass
class Cell:
    lines: list[Line] = field(default_factory=lambda: [[]])
    header: bool = False
    colspan: int = 1
    write_lines: int = 0    # lines of room to write by hand (kb-lines)

    @property
    def text(self) -> str:
        return "\n".join("".join(s.text for s in line) for line in self.lines).strip()


@dataclass
class Table:
    widths: list[float]     # share of the width per column, in per cent (empty: equal)
    rows: list[list[Cell]]

    @property
    def columns(self) -> int:
        return max([len(self.widths)] + [sum(c.colspan for c in row) for row in self.rows])


Block = Para | Table


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.table = Table([], [])
        self.cell: Cell | None = None
        self.bold = self.italic = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        style = attrs.get("style") or ""
        if tag == "col":
            match = _WIDTH_RE.search(style)
            self.table.widths.append(float(match.group(1)) if match else 0.0)
        elif tag == "tr":
            self.table.rows.append([])
        elif tag in ("th", "td") and self.table.rows:
            span = attrs.get("colspan") or "1"
            self.cell = Cell(header=tag == "th", colspan=int(span) if span.isdigit() else 1)
            self.table.rows[-1].append(self.cell)
        elif self.cell is None:
            return
        elif tag == "br":
            self.cell.lines.append([])
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "div" and "kb-lines" in (attrs.get("class") or "").split():
            match = _LINES_RE.search(style)
            self.cell.write_lines = int(match.group(1)) if match else 5

    def handle_endtag(self, tag):
        if tag in ("th", "td"):
            self.cell = None
        elif tag in ("strong", "b"):
            self.bold = max(0, self.bold - 1)
        elif tag in ("em", "i"):
            self.italic = max(0, self.italic - 1)

    def handle_data(self, data):
        if self.cell is not None:
            text = _WS_RE.sub(" ", data)
            if text.strip() or self.cell.lines[-1]:
                self.cell.lines[-1].append(Span(text, bool(self.bold), bool(self.italic)))


def _trim(line: Line) -> Line:
    """A line without the white space the HTML source put around it, and without empty spans."""
    if line:
        line[0].text = line[0].text.lstrip(" ")
        line[-1].text = line[-1].text.rstrip(" ")
    return [s for s in line if s.text]


def parse_table(html: str) -> Table:
    parser = _TableParser()
    parser.feed(html)
    parser.close()
    table = parser.table
    for row in table.rows:
        for cell in row:
            cell.lines = [_trim(line) for line in cell.lines]
            while len(cell.lines) > 1 and not cell.lines[-1]:
                cell.lines.pop()
    return table


def inline(text: str) -> list[Line]:
    """Markdown and inline HTML of one paragraph as lines of spans (a `<br>` starts a new line)."""
    lines: list[Line] = [[]]
    position = 0
    for match in _INLINE_RE.finditer(text):
        if match.start() > position:
            lines[-1].append(Span(text[position:match.start()]))
        position = match.end()
        bold, strong, em, star, link = match.group(1), match.group(3), match.group(5), match.group(6), match.group(7)
        if match.group(0).startswith("<br"):
            lines.append([])
        elif bold is not None or strong is not None:
            lines[-1].append(Span(bold if bold is not None else strong, bold=True))
        elif em is not None or star is not None:
            lines[-1].append(Span(em if em is not None else star, italic=True))
        elif link is not None:
            lines[-1].append(Span(link))
    if position < len(text):
        lines[-1].append(Span(text[position:]))
    return [_trim(line) for line in lines]


def _resolve(blocks: list[Block], resolve, ref) -> None:
    """`[[ID]]` and `{{BDW-…}}` in every span (after parsing, so a value is never read as markup)."""
    def fix(lines: list[Line]) -> None:
        for line in lines:
            for span in line:
                span.text = resolve(REF_RE.sub(lambda m: ref(m.group(1)), span.text))

    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    fix(cell.lines)
        else:
            fix(block.lines)


def blocks(page_text: str, resolve=lambda text: text, ref=lambda id_: id_) -> list[Block]:
    """The page body (front matter dropped) as blocks; `resolve` turns the fill-ins of a text into plain text,
    `ref` an `[[ID]]` into what paper shows for it (the ID itself unless told)."""
    _, body, _ = split_front_matter(page_text)
    found = _blocks(body)
    _resolve(found, resolve, ref)
    return found


def _div_end(lines: list[str], index: int) -> int:
    """The index after the `</div>` that closes the `<div>` opened on lines[index - 1] (nested divs counted)."""
    depth = len(_DIV_OPEN_RE.findall(lines[index - 1])) - len(_DIV_CLOSE_RE.findall(lines[index - 1]))
    while depth > 0 and index < len(lines):
        depth += len(_DIV_OPEN_RE.findall(lines[index])) - len(_DIV_CLOSE_RE.findall(lines[index]))
        index += 1
    return index


def _blocks(body: str) -> list[Block]:
    found: list[Block] = []
    paragraph: list[str] = []
    lines = body.split("\n")

    def flush() -> None:
        if paragraph:
            found.append(Para("paragraph", inline(" ".join(s.strip() for s in paragraph))))
            paragraph.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        index += 1
        if not stripped or FENCE_RE.match(line):
            flush()
        elif stripped.startswith("<table"):
            flush()
            html = [line]
            while "</table>" not in html[-1] and index < len(lines):
                html.append(lines[index])
                index += 1
            found.append(parse_table("\n".join(html)))
        elif _DIV_OPEN_RE.match(stripped) and SCREEN_ONLY in _DIV_OPEN_RE.match(stripped).group(0):
            flush()
            index = _div_end(lines, index)    # shown on screen only, never printed
        elif _DIV_OPEN_RE.fullmatch(stripped) or _DIV_CLOSE_RE.fullmatch(stripped):
            flush()                           # a wrapper's own tag: its content is read as the page's
        elif match := _ADMONITION_RE.match(stripped):
            flush()
            inner = []
            while index < len(lines) and (not lines[index].strip() or lines[index].startswith(("    ", "\t"))):
                inner.append(lines[index][4:] if lines[index].startswith("    ") else lines[index].lstrip("\t"))
                index += 1
            if SCREEN_ONLY in match.group(1).split():
                continue  # shown on screen only, never printed
            if match.group(2):   # an admonition's own title; without one the theme shows its type's name
                found.append(Para("note", inline(match.group(2))))
            found += _blocks("\n".join(inner))
        elif match := _HEADING_RE.match(stripped):
            flush()
            found.append(Para("heading", inline(match.group(2)), level=len(match.group(1))))
        elif match := _ITEM_RE.match(line):
            flush()
            found.append(Para("item", inline(match.group(1))))
        elif line.startswith(("  ", "\t")) and found and isinstance(found[-1], Para) and found[-1].kind == "item" \
                and not paragraph:
            found[-1].lines[-1] += inline(" " + stripped)[0]   # a list item's continuation line
        else:
            paragraph.append(line)
    flush()
    return found


# ---- the blocks as HTML, for the PDF booklet -------------------------------------------------------------------

def _spans_html(line: Line) -> Markup:
    out = Markup()
    for span in line:
        text = escape(span.text)
        if span.italic:
            text = Markup("<em>%s</em>") % text
        if span.bold:
            text = Markup("<strong>%s</strong>") % text
        out += text
    return out


def _lines_html(lines: list[Line]) -> Markup:
    return Markup("<br>").join(_spans_html(line) for line in lines)


def _table_html(table: Table) -> Markup:
    cols = Markup("").join(Markup('<col style="width: %g%%">') % w for w in table.widths if w)
    rows = Markup("")
    for row in table.rows:
        cells = Markup("")
        for cell in row:
            tag = Markup("th" if cell.header else "td")
            span = Markup(' colspan="%d"') % cell.colspan if cell.colspan > 1 else Markup("")
            room = (Markup('<div class="kb-lines" style="height: %dmm"></div>') % (cell.write_lines * WRITE_LINE_MM)
                    if cell.write_lines else Markup(""))
            cells += Markup("<%s%s>%s%s</%s>") % (tag, span, _lines_html(cell.lines), room, tag)
        rows += Markup("<tr>%s</tr>\n") % cells
    return Markup('<table class="kb-form">%s\n%s</table>\n') % (
        Markup("<colgroup>%s</colgroup>") % cols if cols else Markup(""), rows)


def html(found: list[Block]) -> Markup:
    """The blocks as HTML, every text escaped: headings, paragraphs, lists, notes and form tables."""
    out = Markup("")
    in_list = False
    for block in found:
        is_item = isinstance(block, Para) and block.kind == "item"
        if in_list and not is_item:
            out += Markup("</ul>\n")
        if is_item and not in_list:
            out += Markup("<ul>\n")
        in_list = is_item
        if isinstance(block, Table):
            out += _table_html(block)
        elif block.kind == "heading":
            level = min(6, block.level + 1)   # under the booklet's own h2 for the template
            out += Markup("<h%d>%s</h%d>\n") % (level, _lines_html(block.lines), level)
        elif is_item:
            out += Markup("<li>%s</li>\n") % _lines_html(block.lines)
        else:
            css = Markup(' class="note"') if block.kind == "note" else Markup("")
            out += Markup("<p%s>%s</p>\n") % (css, _lines_html(block.lines))
    if in_list:
        out += Markup("</ul>\n")
    return out
