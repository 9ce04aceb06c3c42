"""Reference pages: the glossary (with its retired synonyms) and the index of every stable ID."""

from __future__ import annotations

from ..basis import basis_links
from ..glossary import Retired, Term
from ..ids import Registry, natural_key
from ..search.synonyms import Synonym
from ..templating import render

GLOSSARY_PAGE = "glossary/index.md"
IDS_PAGE = "basis/ids.md"


def glossary_page(terms: list[Term], retired: list[Retired], categories: list[str], registry: Registry,
                  synonyms: list[Synonym] = ()) -> str:
    groups = [(category, [t for t in terms if t.category == category]) for category in categories]
    # Retired words are search-only: the page names them only in the retired table, marked as retired.
    shown = [s for s in synonyms if s.variants]
    return render("glossary.md.j2", terms=terms, retired=retired, groups=[g for g in groups if g[1]], synonyms=shown,
                  basis={t.id: basis_links(t.basis, GLOSSARY_PAGE, registry) for t in terms if t.basis})


def ids_page(registry: Registry) -> str:
    targets = sorted(registry.targets.values(), key=lambda t: natural_key(t.id))
    return render("ids.md.j2", targets=[(t, t.href_from(IDS_PAGE)) for t in targets])
