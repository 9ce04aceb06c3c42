"""The blank templates (docs/procedures/templates/*.md) read as blocks a Word writer can lay out.

Only what those pages use is understood: headings, paragraphs, "- " lists, admonitions (`!!! note`, skipped
when marked kb-screen-only, as in print), and the forms as HTML tables (`<table class="kb-form">` with
`<colgroup>` widths, `<th>`/`<td>`, colspan, `<br>`, `<em>`/`<strong>` and `<div class="kb-lines" style="--lines: N">`
for room to write). `[[ID]]` becomes the ID, `{{BDW-…}}` the unit's value or the blank, as in the CSV."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..ids import FENCE_RE, REF_RE, split_front_matter

_HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*(?:\{[^}]*\})?\s*$")
_ITEM_RE = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
_ADMONITION_RE = re.compile(r'^(?:!!!|\?\?\?\+?)\s+([\w-]+(?:\s+[\w-]+)*)\s*(?:"([^"]*)")?\s*$')
_INLINE_RE = re.compile(r"\*\*(.+?)\*\*|<(strong|b)>(.+?)</\2>|<(em|i)>(.+?)</\4>|(?<![*\w])\*([^*\s][^*]*)\*"
                        r"|\[([^\]]*)\]\([^)]*\)|<br\s*/?>")
_WS_RE = re.compile(r"[ \t\r\n\f]+")        # HTML white space only: the full-width space is text
_LINES_RE = re.compile(r"--lines:\s*(\d+)")
_WIDTH_RE = re.compile(r"width:\s*([\d.]+)%")


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


def _resolve(blocks: list[Block], resolve) -> None:
    """`[[ID]]` and `{{BDW-…}}` in every span (after parsing, so a value is never read as markup)."""
    def fix(lines: list[Line]) -> None:
        for line in lines:
            for span in line:
                span.text = resolve(REF_RE.sub(lambda m: m.group(1), span.text))

    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    fix(cell.lines)
        else:
            fix(block.lines)


def blocks(page_text: str, resolve=lambda text: text) -> list[Block]:
    """The page body (front matter dropped) as blocks; `resolve` turns the fill-ins of a text into plain text."""
    _, body, _ = split_front_matter(page_text)
    found = _blocks(body)
    _resolve(found, resolve)
    return found


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
        elif match := _ADMONITION_RE.match(stripped):
            flush()
            inner = []
            while index < len(lines) and (not lines[index].strip() or lines[index].startswith(("    ", "\t"))):
                inner.append(lines[index][4:] if lines[index].startswith("    ") else lines[index].lstrip("\t"))
                index += 1
            if "kb-screen-only" in match.group(1).split():
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
