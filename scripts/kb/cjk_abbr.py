"""Python-Markdown's abbr extension, made to find Chinese terms inside Chinese text.

The stock tree processor wraps every term in `\\b…\\b`. Han characters count as word characters, so a term
like 三会一课 inside 落实三会一课制度 has no word boundary around it and never gets its tooltip.
Boundaries are kept only where the term starts or ends with a Latin letter or digit.

Only the first use of a term on a page, outside headings, keeps its tooltip: a page where every
second word is underlined is hard to read, and headings feed the table of contents and search titles."""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor

_ASCII_WORD = re.compile(r"[A-Za-z0-9_]")


def _pattern(term: str) -> str:
    start = r"\b" if _ASCII_WORD.match(term[0]) else ""
    end = r"\b" if _ASCII_WORD.match(term[-1]) else ""
    return f"{start}{re.escape(term)}{end}"


class CjkAbbrTreeprocessor(AbbrTreeprocessor):
    def run(self, root):
        if not self.abbrs:
            return
        # Longest first, so 党员活动室 wins over 党员 where both are terms.
        terms = sorted(self.abbrs, key=len, reverse=True)
        self.RE = re.compile("|".join(_pattern(t) for t in terms))
        self.iter_element(root)
        _keep_first_uses(root)
        return


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _keep_first_uses(root) -> None:
    parents = {child: parent for parent in root.iter() for child in parent}
    seen: set[str] = set()
    for abbr in list(root.iter("abbr")):
        ancestor, in_heading = parents.get(abbr), False
        while ancestor is not None:
            in_heading = in_heading or ancestor.tag in _HEADINGS
            ancestor = parents.get(ancestor)
        if in_heading or abbr.text in seen:
            _unwrap(abbr, parents[abbr])
        else:
            seen.add(abbr.text)


def _unwrap(element, parent) -> None:
    """Replace an inline element by its text, joined to whatever text stands before it."""
    text = (element.text or "") + (element.tail or "")
    index = list(parent).index(element)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(element)


class CjkAbbrExtension(Extension):
    """Replaces the registered `abbr` tree processor, sharing its abbreviation table."""

    def extendMarkdown(self, md: Markdown) -> None:
        stock = md.treeprocessors["abbr"]
        md.treeprocessors.register(CjkAbbrTreeprocessor(md, stock.abbrs), "abbr", 7)
