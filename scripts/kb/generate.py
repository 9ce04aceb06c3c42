"""One pass over the sources: read, validate, build the ID registry, render every generated page.

`generate()` either returns the complete set of generated files or raises KbError listing every problem,
so nothing half-made ever reaches the site."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .checklists import Checklist, load_checklists
from .errors import KbError, Problem, display_path
from .glossary import Term, load_terms
from .ids import ITEM_KIND, Registry, Target, ref_problems, scan_markdown
from .pages import PageMeta, read_page_meta
from .render_checklist import all_items_csv, checklist_csv, checklist_index, checklist_page
from .render_reference import glossary_page, ids_page
from .render_trace import matrix_page
from .render_procedures import changes_page

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


@dataclass
class Site:
    registry: Registry
    checklists: list[Checklist]
    terms: list[Term]
    pages: dict[str, PageMeta]                                  # hand-written pages by docs-relative path
    files: dict[str, str | bytes] = field(default_factory=dict)  # generated, by docs-relative path


def _check_basis(owner: str, basis: list[str], line: int | None, display: str, registry: Registry) -> list[Problem]:
    return [Problem(display, line, f"{owner}.basis", f"依据编号「{id_}」不存在（见“编号索引”页）")
            for id_ in basis if id_ not in registry]


def _coverage_problems(site: Site) -> list[Problem]:
    """Every survey problem must be checked by some checklist item; every recommendation must answer a problem."""
    problems = []
    for problem in site.registry.with_prefix("WT"):
        if not any(t.kind == ITEM_KIND for t in site.registry.citing(problem.id)):
            problems.append(Problem(f"docs/{problem.src}", problem.line, problem.id,
                                    f"调研问题「{problem.id}」没有任何检查项引用（在某个清单检查项的 basis 中加入它）"))
    for advice in site.registry.with_prefix("JY"):
        answered = [c for c in advice.cites if c.startswith("WT-")]
        answered += [c for t in site.registry.with_prefix(advice.id, top_level_only=False)
                     if t.parent == advice.id for c in t.cites if c.startswith("WT-")]
        if not answered:
            problems.append(Problem(f"docs/{advice.src}", advice.line, advice.id,
                                    f"建议「{advice.id}」没有链接到任何调研问题（写明“回应问题：[[WT-..]]”）"))
    return problems


def collect(docs: Path = DOCS, root: Path = ROOT) -> Site:
    """Read and validate all sources into a Site with its registry, or raise KbError."""
    registry = Registry()
    problems: list[Problem] = []
    pages: dict[str, PageMeta] = {}
    for path in sorted(docs.rglob("*.md")):
        src = path.relative_to(docs).as_posix()
        display = display_path(path, root)
        meta, found = read_page_meta(path, src, display)
        problems += found
        if meta is None:
            continue
        pages[src] = meta
        scan_markdown(meta.text, src, registry, display, meta.id, meta.title)

    checklists, found = load_checklists(docs / "checklists", root)
    problems += found
    for checklist in [c for c in checklists if c.broken_ids is not None]:
        for id_, line in checklist.broken_ids:
            registry.add(Target(id_, "（未通过校验）", checklist.page, None, line=line), checklist.source)
    checklists = [c for c in checklists if c.broken_ids is None]
    for checklist in checklists:
        registry.add(Target(checklist.id, checklist.title, checklist.page, None, line=checklist.lines.get("id")),
                     checklist.source)
        for item in checklist.items:
            registry.add(Target(item.id, item.text, checklist.page, item.id, list(item.basis), item.line,
                                kind=ITEM_KIND), checklist.source)
    terms, found = load_terms(docs / "glossary" / "terms.yml", root)
    problems += found
    for term in terms:
        registry.add(Target(term.id, term.term, "glossary/index.md", term.id, list(term.basis), term.line),
                     "docs/glossary/terms.yml")
    problems += registry.problems

    # References are checked only once every ID is known.
    for page in pages.values():
        problems += ref_problems(page.text, page.display, registry)
        problems += page.link_problems(registry)
    for checklist in checklists:
        if checklist.procedure and checklist.procedure not in registry:
            problems.append(Problem(checklist.source, checklist.lines.get("procedure"), "procedure",
                                    f"相关规程「{checklist.procedure}」不存在"))
        for item in checklist.items:
            problems += _check_basis(item.id, item.basis, item.lines.get("basis"), checklist.source, registry)
    for term in terms:
        problems += _check_basis(term.id, term.basis, term.line, "docs/glossary/terms.yml", registry)

    site = Site(registry, checklists, terms, pages)
    if not problems:
        problems += _coverage_problems(site)
    if problems:
        raise KbError(problems)
    return site


def generate(docs: Path = DOCS, root: Path = ROOT) -> Site:
    """Collect, then render every generated file (Markdown pages and CSV exports)."""
    site = collect(docs, root)
    files: dict[str, str | bytes] = {}
    for checklist in site.checklists:
        files[checklist.page] = checklist_page(checklist, site.registry)
        files[f"checklists/{checklist.slug}.csv"] = checklist_csv(checklist)
    files["checklists/index.md"] = checklist_index(site.checklists)
    files["checklists/all-items.csv"] = all_items_csv(site.checklists)
    files["survey/matrix.md"] = matrix_page(site.registry)
    files["glossary/index.md"] = glossary_page(site.terms, site.registry)
    files["basis/ids.md"] = ids_page(site.registry)
    files["procedures/changes.md"] = changes_page(site.pages)
    site.files = files
    return site
