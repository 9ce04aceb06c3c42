"""Python-Markdown's abbr extension, made to find Chinese terms inside Chinese text.

The stock tree processor wraps every term in `\\b…\\b`. Han characters count as word characters, so a term
like 三会一课 inside 落实三会一课制度 has no word boundary around it and never gets its tooltip.
Boundaries are kept only where the term starts or ends with a Latin letter or digit.

Only the first use of a term on a page, outside headings and blocks marked `kb-notips` (generated link
lists, whose names would take the tooltip from the text below them), keeps its tooltip: a page where every
second word is underlined is hard to read, and headings feed the table of contents and search titles."""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.util import AtomicString

_ASCII_WORD = re.compile(r"[A-Za-z0-9_]")


def _pattern(term: str) -> str:
    start = r"\b" if _ASCII_WORD.match(term[0]) else ""
    end = r"\b" if _ASCII_WORD.match(term[-1]) else ""
    return f"{start}{re.escape(term)}{end}"


class CjkAbbrTreeprocessor(AbbrTreeprocessor):
    """Walks the page once in reading order and wraps the first use of each term, outside headings.

    The stock processor wraps every use and this extension used to unwrap all but the first afterwards;
    doing only the needed work matters on a site with a thousand generated checklist pages."""

    def run(self, root):
        # Longest first, so 党员活动室 wins over 党员 where both are terms. Every term stays in the pattern after
        # its first use: a later 调研报告 must still be read as one word, not yield a tooltip for 报告 inside it.
        terms = sorted((t for t, title in self.abbrs.items() if title), key=len, reverse=True)
        self._remaining = set(terms)
        self._made: set[int] = set()
        self.RE = re.compile("|".join(_pattern(t) for t in terms)) if terms else None
        self._walk(root)

    def _take(self, match: re.Match, tail: str):
        term = match.group(0)
        abbr = self.create_element(self.abbrs[term], term, tail)
        self._made.add(id(abbr))
        self._remaining.discard(term)
        return abbr

    def _split(self, text):
        """(text before the first unused term, the new tooltip holding it and the rest), or None."""
        if not self._remaining or not text or isinstance(text, AtomicString):
            return None
        for match in self.RE.finditer(text):
            if match.group(0) in self._remaining:
                return text[: match.start()], self._take(match, text[match.end():])
        return None

    def _in_text(self, el) -> None:
        found = self._split(el.text)
        if found:
            el.text, abbr = found
            el.insert(0, abbr)
            self._in_tail(abbr, el)

    def _in_tail(self, el, parent) -> None:
        found = self._split(el.tail)
        if found:
            el.tail, abbr = found
            parent.insert(list(parent).index(el) + 1, abbr)
            self._in_tail(abbr, parent)

    def _walk(self, el) -> None:
        if not self._remaining or el.tag in _HEADINGS or el.tag == "abbr" or "kb-notips" in el.get("class", ""):
            return
        self._in_text(el)
        for child in list(el):
            if id(child) in self._made:
                continue  # a tooltip just made: its tail was searched when it was made
            self._walk(child)
            self._in_tail(child, el)


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class CjkAbbrExtension(Extension):
    """Replaces the registered `abbr` tree processor, sharing its abbreviation table."""

    def extendMarkdown(self, md: Markdown) -> None:
        stock = md.treeprocessors["abbr"]
        md.treeprocessors.register(CjkAbbrTreeprocessor(md, stock.abbrs), "abbr", 7)
