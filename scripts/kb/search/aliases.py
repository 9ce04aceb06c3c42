"""Search tags: which search-index entries carry which extra words.

Two kinds: the aliases (俗称/同义词) that pages declare in front matter and checklist items in YAML, and
each entry's own stable ID. They become the `tags` of the matching index entries (the page's own entry,
or the heading's section). Material indexes tags with a high boost and shows them under the result, so a
declared synonym or a typed ID finds its standard first."""

from __future__ import annotations

from scripts.kb.generate import Site

# "-" separates words in the index; U+2010 (a hyphen that does not) keeps an ID one word. segment.js
# rewrites a typed ID the same way.
ID_HYPHEN = "\u2010"


def search_tags(site: Site) -> dict[tuple[str, str | None], list[str]]:
    """(docs-relative page, anchor or None for the page itself) → tag words."""
    found: dict[tuple[str, str | None], list[str]] = {}
    for target in site.registry.targets.values():
        found.setdefault((target.src, target.anchor), []).append(target.id.replace("-", ID_HYPHEN))
    for src, page in site.pages.items():
        if page.meta.get("aliases"):
            found.setdefault((src, None), []).extend(page.meta["aliases"])
    for checklist in site.checklists:
        for item in checklist.items:
            if item.aliases:
                found.setdefault((checklist.page, item.id), []).extend(item.aliases)
    return found
