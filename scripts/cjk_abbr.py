"""Python-Markdown's abbr extension, made to find Chinese terms inside Chinese text.

The stock tree processor wraps every term in `\\b…\\b`. Han characters count as word characters, so a term
like 三会一课 inside 落实三会一课制度 has no word boundary around it and never gets its tooltip.
Boundaries are kept only where the term starts or ends with a Latin letter or digit."""

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
            return None
        # Longest first, so 党员活动室 wins over 党员 where both are terms.
        terms = sorted(self.abbrs, key=len, reverse=True)
        self.RE = re.compile("|".join(_pattern(t) for t in terms))
        self.iter_element(root)
        return None


class CjkAbbrExtension(Extension):
    """Replaces the registered `abbr` tree processor, sharing its abbreviation table."""

    def extendMarkdown(self, md: Markdown) -> None:
        stock = md.treeprocessors["abbr"]
        md.treeprocessors.register(CjkAbbrTreeprocessor(md, stock.abbrs), "abbr", 7)
