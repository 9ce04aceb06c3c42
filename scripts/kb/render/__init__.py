"""Every generated page of the site, rendered from the validated model and the downloads that were written.

Pages come from the templates in ../templates (Markdown with HTML, every value escaped); they link the
downloads the exporters in ../export wrote (generate.py runs those first). Nothing here reads a source file."""

from __future__ import annotations

from ..downloads import Download
from ..glossary import categories
from ..local import PAGE as LOCAL_PAGE
from .checklists import INDEX_PAGE, PRINT_ALL_PAGE, checklist_index, checklist_page, print_all_page
from .local import DUAL_PAGE, FEEDBACK_PAGE, VERSIONS_PAGE, dual_page, feedback_page, local_page, versions_page
from .procedures import CHANGES_PAGE, changes_page
from .reference import GLOSSARY_PAGE, IDS_PAGE, glossary_page, ids_page
from .trace import MATRIX_PAGE, matrix_page


def render_pages(site, made: list[Download]) -> dict[str, str]:
    """Every generated page by docs-relative path; `made` are the downloads written, which the pages link
    (a preview may skip PDF and Office)."""
    files: dict[str, str] = {}
    for checklist in site.checklists:
        files[checklist.page] = checklist_page(checklist, site, made)
    files[INDEX_PAGE] = checklist_index(site.checklists, made)
    files[PRINT_ALL_PAGE] = print_all_page(site)
    files[MATRIX_PAGE] = matrix_page(site.registry)
    files[GLOSSARY_PAGE] = glossary_page(site.terms, site.retired, categories(site.tree), site.registry,
                                         site.synonyms)
    files[IDS_PAGE] = ids_page(site.registry)
    files[CHANGES_PAGE] = changes_page(site.pages)
    files[LOCAL_PAGE] = local_page(site.local, site.registry, site.edition)
    files[DUAL_PAGE] = dual_page(site.local, site.edition)
    files[VERSIONS_PAGE] = versions_page(site.releases, site.pages, site.edition)
    files[FEEDBACK_PAGE] = feedback_page(site.edition)
    return files
