"""Clean plain text of one built page, split into the parts search answers with: the page's intro, each
heading section, and each element that carries a stable ID without being a heading.

Parsed with html.parser from the page MkDocs wrote, so the text is what the reader sees. What a reader does
not read as content stays out: permalink signs, the 符合/不符合/不适用 answer boxes, the page's review header
and change note. A label (<span class="kb-label">依据</span>) is followed by "：" so it does not run into its
value, and zero-width characters never reach the index."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = HEADINGS | {"p", "li", "div", "td", "th", "tr", "br", "dd", "dt", "blockquote", "pre", "table", "ul",
                     "ol", "dl", "section", "details", "summary", "figcaption", "hr"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "source"}
SKIP_TAGS = {"script", "style", "noscript", "button", "form", "input", "textarea", "select", "svg", "template"}
# Not content: permalinks, answer boxes and notes of the fill-in, the alias line (indexed as aliases),
# the review header and last-change note of procedures (dates and versions would match everything), the
# browser notices, every page's foot (date and correction reference) and the generated forward-link lists
# (their step and item names belong to the sections they name), the note on step numbering, and the
# glossary's synonym table (the worker applies it to every query; as text it made a word like 述职 inside
# 党建述职评议 look covered).
SKIP_CLASSES = {"headerlink", "kb-item__result", "kb-item__aliases", "kb-lifecycle", "kb-lastchange",
                "kb-noscript", "kb-legacy", "kb-page-foot", "kb-forward", "md-source-file", "kb-fill__controls",
                "kb-synonyms", "kb-order-note"}
LABEL_CLASS = "kb-label"
INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]")
SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """One line of readable text: no invisible characters, real hyphens, single spaces."""
    text = INVISIBLE.sub("", text.replace("\u2010", "-").replace("\u2011", "-"))
    return SPACES.sub(" ", text).strip()


@dataclass
class Part:
    anchor: str | None          # None: the page itself (its intro)
    title: str = ""
    chunks: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return clean("".join(self.chunks))


class _Splitter(HTMLParser):
    def __init__(self, id_anchors: set[str]):
        super().__init__(convert_charrefs=True)
        self.id_anchors = id_anchors
        self.parts = [Part(None)]
        self.stack: list[tuple[str, bool, Part | None, bool]] = []  # (tag, skipped, part it opened, is label)
        self.heading: Part | None = None                      # the part whose title is being read
        self.skip = 0
        self.in_article = False
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        if not self.in_article:
            if tag == "article" and "md-content__inner" in classes:
                self.in_article, self.depth = True, 0
            return
        if tag in VOID:
            if tag == "br":
                self._emit(" ")
            return
        self.depth += 1
        skipped = tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)
        opened = None
        if skipped:
            self.skip += 1
        elif not self.skip:
            anchor = attrs.get("id")
            if tag == "h1":
                self.heading = self.parts[0]
                self.parts[0].anchor = None
            elif tag in HEADINGS and anchor:
                self.parts.append(Part(anchor))
                self.heading = self.parts[-1]
            elif anchor in self.id_anchors:
                opened = Part(anchor)
                self.parts.append(opened)
            if tag in BLOCKS:
                self._emit(" ")
        label = LABEL_CLASS in classes and not self.skip
        if label:
            self._emit(" ")
        self.stack.append((tag, skipped, opened, label))

    def handle_endtag(self, tag):
        if not self.in_article:
            return
        if tag == "article" and self.depth == 0:
            self.in_article = False
            return
        if tag in VOID or not self.stack:
            return
        # Tolerate unclosed tags: pop back to the matching one.
        while self.stack:
            open_tag, skipped, opened, label = self.stack.pop()
            self.depth -= 1
            if skipped:
                self.skip -= 1
            if open_tag in HEADINGS and self.heading is not None and not self.skip:
                self.heading = None
            if opened is not None:
                # An ID element ends: text after it belongs to the section around it again.
                self.parts.append(Part(self._section_anchor(), "", []))
                self.parts[-1].title = "\0continue"
            if label:
                self._emit("：")
            if open_tag == tag:
                break
        if tag in BLOCKS:
            self._emit(" ")

    def _section_anchor(self) -> str | None:
        for part in reversed(self.parts):
            if part.title != "\0continue" and part.anchor not in self.id_anchors or part.anchor is None:
                return part.anchor
        return None

    def handle_data(self, data):
        if self.in_article and not self.skip:
            self._emit(data)

    def _emit(self, text: str) -> None:
        if self.heading is not None:
            self.heading.title += text
        else:
            self.parts[-1].chunks.append(text)


def split_page(html: str, id_anchors: set[str]) -> list[Part]:
    """The page's parts in document order; parts continuing a section after an ID element are merged back."""
    splitter = _Splitter(id_anchors)
    # Only the article is read; the navigation around it (a thousand entries on a big site) is skipped unparsed.
    start = html.find('<article class="md-content__inner')
    end = html.rfind("</article>")
    splitter.feed(html[start:end + len("</article>")] if 0 <= start < end else html)
    merged: dict[str | None, Part] = {}
    order: list[Part] = []
    for part in splitter.parts:
        if part.title == "\0continue":
            target = merged.get(part.anchor)
            if target is not None:
                target.chunks.extend(part.chunks)
            continue
        part.title = clean(part.title)
        if part.anchor in merged:      # the same anchor twice: keep the first
            merged[part.anchor].chunks.extend(part.chunks)
            continue
        merged[part.anchor] = part
        order.append(part)
    return order
