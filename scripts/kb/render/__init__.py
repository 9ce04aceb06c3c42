"""Every generated file of the site, rendered from the validated model.

Pages come from the templates in ../templates (Markdown with HTML, every value escaped), downloads from the
exporters in ../export. Nothing here reads a source file: the model is all it needs."""

from __future__ import annotations

from ..export import FORMATS
from ..glossary import categories
from .checklists import checklist_index, checklist_page
from .procedures import CHANGES_PAGE, changes_page
from .reference import GLOSSARY_PAGE, IDS_PAGE, glossary_page, ids_page
from .trace import MATRIX_PAGE, matrix_page


def render_site(site) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    for checklist in site.checklists:
        files[checklist.page] = checklist_page(checklist, site.registry)
    files["checklists/index.md"] = checklist_index(site.checklists)
    files[MATRIX_PAGE] = matrix_page(site.registry)
    files[GLOSSARY_PAGE] = glossary_page(site.terms, site.retired, categories(site.tree), site.registry)
    files[IDS_PAGE] = ids_page(site.registry)
    files[CHANGES_PAGE] = changes_page(site.pages)
    for exporter in FORMATS.values():
        files.update(exporter.render(site))
    return files
