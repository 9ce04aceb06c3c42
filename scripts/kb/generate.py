"""One pass over the sources: read, validate, build the ID registry, render every generated page.

`generate()` either returns the complete set of generated files or raises KbError listing every problem,
so nothing half-made ever reaches the site."""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass, field
from pathlib import Path

from .checklists import Checklist, load_checklists
from .downloads import Download
from .errors import KbError, Problem, echo
from .export import export
from .glossary import Retired, Term, load_retired, load_terms
from .idkinds import IdKind
from .ids import Registry, Target, generated_ref_problems, ref_problems, retired_message, scan_markdown
from .local import PAGE as LOCAL_PAGE
from .local import LocalRequirement, fill_problems, fills_in, load_local
from .natures import nature_problem
from .pages import PageMeta, read_page_meta
from .releases import Release, load_releases
from .render import render_pages
from .search.synonyms import Synonym, load_synonyms
from .sources import SourceTree, case_collisions, scan
from .units import CODE_RE, CODE_RULE, Edition, Unit, load_units, reference_problems

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


@dataclass
class Site:
    tree: SourceTree
    registry: Registry
    checklists: list[Checklist]
    terms: list[Term]
    retired: list[Retired]
    pages: dict[str, PageMeta]                                  # hand-written pages by docs-relative path
    local: list[LocalRequirement] = field(default_factory=list)
    releases: list[Release] = field(default_factory=list)
    units: dict[str, Unit] = field(default_factory=dict)
    edition: Edition = field(default_factory=Edition)
    files: dict[str, str | bytes] = field(default_factory=dict)  # generated, by docs-relative path
    downloads: list[Download] = field(default_factory=list)      # the exported files among them
    synonyms: list[Synonym] = field(default_factory=list)

    @property
    def requirements(self) -> dict[str, LocalRequirement]:
        return {r.id: r for r in self.local}

    @functools.cached_property
    def checklists_by_page(self) -> dict[str, Checklist]:
        return {c.page: c for c in self.checklists}


# The bare BDW gave way to named local requirements (BDW-HJ-1 …), each with its own question.
BARE_UNIT = "BDW"
BARE_UNIT_MESSAGE = "请引用具体的本单位要求编号（如 BDW-HJ-1，见“本单位要求一览”），不要只写 BDW"
# Pages where a hand-drawn blank ______ is a form's fill-in line, not a requirement left to the unit.
FORM_PAGES = ("procedures/templates/",)


@contextlib.contextmanager
def last_resort(problems: list[Problem], display: str):
    """Whatever goes wrong inside our own reading of one file becomes a message naming that file."""
    try:
        yield
    except KbError:
        raise
    except Exception as exc:  # noqa: BLE001 - the point is to catch what nobody foresaw
        problems.append(Problem(display, None, "（内部错误）",
                                f"内部错误（{type(exc).__name__}）：读取这个文件时程序出错。请检查文件内容，"
                                "并把这条消息和文件交给知识库维护人员"))


def _basis_problems(owner: str, basis: list[str], line: int | None, display: str,
                    registry: Registry) -> list[Problem]:
    problems = []
    for id_ in basis:
        if id_ == BARE_UNIT:
            problems.append(Problem(display, line, f"「{owner}」的「依据」（basis）", BARE_UNIT_MESSAGE))
        elif id_ not in registry:
            problems.append(Problem(display, line, f"「{owner}」的「依据」（basis）",
                                    f"依据编号「{echo(id_)}」不存在（见“编号索引”页）"))
        elif registry[id_].retired:
            problems.append(Problem(display, line, f"「{owner}」的「依据」（basis）", retired_message(registry[id_])))
    return problems


def _coverage_problems(registry: Registry) -> list[Problem]:
    """Every survey problem must be checked by some checklist item; every recommendation must answer a problem."""
    problems = []
    for problem in registry.of_kind(IdKind.PROBLEM):
        if not any(t.kind is IdKind.ITEM for t in registry.citing(problem.id)):
            problems.append(Problem(f"docs/{problem.src}", problem.line, problem.id,
                                    f"调研问题「{problem.id}」没有任何检查项引用（在某个清单检查项的 basis 中加入它）"))
    for advice in registry.of_kind(IdKind.ADVICE):
        cited = advice.cites + [c for child in registry.children(advice.id) for c in child.cites]
        if not any(registry[c].kind is IdKind.PROBLEM for c in cited if c in registry):
            problems.append(Problem(f"docs/{advice.src}", advice.line, advice.id,
                                    f"建议「{advice.id}」没有链接到任何调研问题（写明“回应问题：[[WT-..]]”）"))
    return problems


def _nature_problems(site: Site) -> list[Problem]:
    problems = []
    for checklist in site.checklists:
        for item in checklist.items:
            reason = nature_problem(item.nature, item.basis, site.registry)
            if reason:
                problems.append(Problem(checklist.source, item.lines.get("nature", item.line),
                                        f"检查项「{item.id}」的「性质」（nature）", reason))
    for step in site.registry.of_kind(IdKind.STEP):
        reason = nature_problem(step.nature, step.basis, site.registry, where="步骤的“- **性质**：”一行")
        if reason:
            problems.append(Problem(step.origin, step.nature_line or step.line, f"步骤「{step.id}」的「性质」", reason))
    return problems


def collect(docs: Path = DOCS, root: Path = ROOT, unit: str | None = None) -> Site:
    """Read and validate all sources into a Site with its registry, or raise KbError.

    `unit` names the profile (docs/units/<unit>.yml) whose edition is built; None builds the reference."""
    tree = scan(docs, root)
    registry = Registry()
    problems: list[Problem] = list(tree.problems)
    pages: dict[str, PageMeta] = {}
    for src in (f for f in tree.files if f.endswith(".md")):
        with last_resort(problems, tree.display(src)):
            meta, found = read_page_meta(tree, src)
            problems += found
            if meta is not None:
                pages[src] = meta
                scan_markdown(meta.text, src, registry, meta.display, meta.id, meta.title)

    checklists: list[Checklist] = []
    with last_resort(problems, tree.display("checklists")):
        checklists, found = load_checklists(tree)
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
                                kind=IdKind.ITEM, basis=list(item.basis), nature=item.nature), checklist.source)
    terms: list[Term] = []
    retired: list[Retired] = []
    with last_resort(problems, tree.display("glossary")):
        terms, found = load_terms(tree)
        problems += found
        retired, found = load_retired(tree, terms)
        problems += found
    for term in terms:
        registry.add(Target(term.id, term.term, "glossary/index.md", term.id, list(term.basis), term.line),
                     tree.display("glossary/terms.yml"))
    local: list[LocalRequirement] = []
    with last_resort(problems, tree.display("basis")):
        local, found = load_local(tree)
        problems += found
    for requirement in local:
        registry.add(Target(requirement.id, requirement.question, LOCAL_PAGE, requirement.id, line=requirement.line),
                     tree.display("basis/local-requirements.yml"))
    for checklist in checklists:  # a fill-in {{BDW-…}} in an item is a place where the requirement applies
        for item in checklist.items:
            registry[item.id].cites.extend(i for i in fills_in(item.text + item.how) if i not in item.basis)
    problems += registry.problems

    # References are checked only once every ID is known.
    declared = {r.id for r in local}
    for page in pages.values():
        problems += ref_problems(page.text, page.display, registry)
        problems += page.link_problems(registry)
        is_form = page.src.startswith(FORM_PAGES)
        is_requirement_page = page.has_lifecycle and not is_form
        problems += fill_problems(page.text, page.display, declared, blanks_allowed=not is_requirement_page,
                                  form=is_form)
    for checklist in checklists:
        if checklist.procedure and checklist.procedure not in registry:
            problems.append(Problem(checklist.source, checklist.lines.get("procedure"), "「相关规程」（procedure）",
                                    f"相关规程「{checklist.procedure}」不存在"))
        for item in checklist.items:
            problems += _basis_problems(item.id, item.basis, item.lines.get("basis"), checklist.source, registry)
            for key in ("text", "how"):
                problems += fill_problems(getattr(item, key), checklist.source, declared,
                                          first_line=item.lines.get(key) or 1)
    for term in terms:
        problems += _basis_problems(term.id, term.basis, term.line, tree.display("glossary/terms.yml"), registry)

    site_text = "\n".join([*(p.text for p in pages.values()),
                            *(f"{t.term} {' '.join(t.aliases)} {t.definition}" for t in terms),
                            *(f"{c.title} {i.text} {i.how}" for c in checklists for i in c.items)])
    synonyms: list[Synonym] = []
    with last_resort(problems, tree.display("glossary/synonyms.yml")):
        synonyms, found = load_synonyms(tree, terms, retired, site_text)
        problems += found
    releases, found = load_releases(tree)
    problems += found
    units, found = load_units(tree)
    problems += found
    site = Site(tree, registry, checklists, terms, retired, pages, local, releases, units, synonyms=synonyms)
    if not problems:
        problems += _nature_problems(site) + _coverage_problems(registry)
    if not problems:  # a broken source would make every profile's references look wrong
        adoptable = {t.id for t in registry.targets.values()
                     if t.kind in (IdKind.ITEM, IdKind.STEP) and t.nature in ("调研建议", "参考做法")}
        for profile in units.values():
            problems += reference_problems(profile, declared, adoptable, {r.version for r in releases})
    edition = Edition()
    if unit is not None and not CODE_RE.fullmatch(unit):  # never a path: the code is only looked up
        problems.append(Problem("（构建参数）", None, "UNIT", f"单位代码「{echo(unit)}」不对：{CODE_RULE}"))
    elif unit is not None:
        if unit not in units and not any(p.file.endswith(f"/{unit}.yml") for p in problems):
            problems.append(Problem(tree.display(f"units/{unit}.yml"), None, "（单位代码）",
                                    f"没有单位代码为「{echo(unit)}」的单位设置文件（应为 docs/units/{echo(unit)}.yml）"))
        edition = Edition(units.get(unit))

    site.edition = edition
    if problems:
        raise KbError(problems)
    return site


def generate(docs: Path = DOCS, root: Path = ROOT, unit: str | None = None, downloads: bool = True) -> Site:
    """Collect, then render every generated file (Markdown pages and exports; PDF and Office only with downloads)."""
    site = collect(docs, root, unit)
    # Downloads first, so that the pages link exactly the files that were written.
    site.downloads = export(site, downloads)
    site.files = {d.path: d.content for d in site.downloads} | render_pages(site, site.downloads)
    problems = [Problem(site.tree.display(path), None, "（文件名）",
                        "这个位置的页面由构建自动生成，手写的同名文件会被覆盖；请改名或删除")
                for path in sorted(set(site.files) & set(site.tree.files))]
    problems += case_collisions(sorted(set(site.tree.files) | set(site.files)), site.tree.display(""))
    problems += generated_ref_problems(site.files, site.registry, site.tree.display)
    if problems:
        raise KbError(problems)
    return site
