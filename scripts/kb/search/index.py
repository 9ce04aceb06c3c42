"""The search index our worker reads: one doc per page (its intro), per heading section and per element with
a stable ID, with clean text and the fields ranking needs.

Written over the entries of Material's search plugin, so `search_index.json` (and the offline plugin's
`search_index.js`) carry our docs; Material passes every field inside a doc through to the worker."""

from __future__ import annotations

import re

from ..generate import Site
from .htmltext import clean, split_page

# A sentence that says what the site does NOT cover is no answer to a query on that topic: the worker's
# 「本站未收录」 notice is. Dropped from the index so such a sentence cannot pose as coverage.
ABSENCE = re.compile(r"不覆盖|未收录|不涉及|不包括")
SENTENCE = re.compile(r"[^。；！？]*[。；！？]?")


def _without_absence(text: str) -> str:
    return "".join(s for s in SENTENCE.findall(text) if s and not ABSENCE.search(s)).strip()


def _aliases(site: Site) -> dict[tuple[str, str | None], list[str]]:
    found: dict[tuple[str, str | None], list[str]] = {}
    for src, page in site.pages.items():
        if page.meta.get("aliases"):
            found[(src, None)] = [clean(a) for a in page.meta["aliases"]]
    for checklist in site.checklists:
        for item in checklist.items:
            if item.aliases:
                found[(checklist.page, item.id)] = [clean(a) for a in item.aliases]
    for term in site.terms:
        if term.aliases:
            found[("glossary/index.md", term.id)] = [clean(a) for a in term.aliases]
    return found


def build_docs(site: Site, pages: list[tuple[str, str, str]]) -> list[dict]:
    """`pages`: (docs-relative source, site-relative URL, built HTML) of every page search may show."""
    aliases = _aliases(site)
    targets = {(t.src, t.anchor): t for t in site.registry.targets.values() if not t.retired}
    anchors_by_src: dict[str, set[str]] = {}
    for src, anchor in targets:
        if anchor:
            anchors_by_src.setdefault(src, set()).add(anchor)
    docs = []
    for src, url, html in pages:
        for part in split_page(html, anchors_by_src.get(src, set())):
            target = targets.get((src, part.anchor))
            doc = {"location": f"{url}#{part.anchor}" if part.anchor else url,
                   "title": part.title or (target.title if target else ""),
                   "text": _without_absence(part.text)}
            if target is not None:
                doc["id"] = target.id
            words = aliases.get((src, part.anchor))
            if words:
                doc["aliases"] = words
            if not doc["title"] and not doc["text"]:
                continue
            docs.append(doc)
    return docs
