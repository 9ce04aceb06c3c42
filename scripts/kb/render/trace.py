"""The matrix page: survey problem → recommendations → procedure steps → checklist items, and the reverse trace."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..idkinds import IdKind
from ..ids import ANCHOR_RE, ANY_HEADING_RE, FENCE_RE, Registry, Target, natural_key
from ..templating import render
from ..text import md_text

MATRIX_PAGE = "survey/matrix.md"


def _ordered(targets: list[Target]) -> list[Target]:
    return sorted({t.id: t for t in targets}.values(), key=lambda t: natural_key(t.id))


def _link(target: Target, page: str, titled: bool) -> str:
    """The ID as a link; `titled` writes the title beside it (readable on a phone, where tooltips are not)."""
    return target.link_from(page) + (f" {escape(md_text(target.title))}" if titled else "")


def _links(targets: list[Target], titled: bool = False) -> Markup:
    links = [_link(t, MATRIX_PAGE, titled) for t in _ordered(targets)]
    return Markup(("<br>" if titled else "、").join(links) or "—")


@dataclass
class Row:
    link: Markup
    title: str
    survey: Markup
    steps: Markup
    items: Markup


def _row(target: Target, citing: list[Target]) -> Row:
    return Row(Markup(target.link_from(MATRIX_PAGE)), target.title,
               _links([t for t in citing if t.kind in (IdKind.ADVICE, IdKind.LESSON)], titled=True),
               _links([t for t in citing if t.kind is IdKind.STEP], titled=True),
               _links([t for t in citing if t.kind is IdKind.ITEM]))


def matrix_page(registry: Registry) -> str:
    overview = [_row(p, registry.citing(p.id)) for p in registry.of_kind(IdKind.PROBLEM)]
    traces = []
    for kind, heading in ((IdKind.PROBLEM, "调研问题"), (IdKind.ADVICE, "工作建议"), (IdKind.LESSON, "体会和认识")):
        rows = [_row(t, registry.citing(t.id) if t.parent is None else registry.citing_exactly(t.id))
                for t in registry.of_kind(kind, top_level_only=False)]
        traces.append((heading, f"trace-{kind.prefix.lower()}", rows))
    return render("matrix.md.j2", overview=overview, traces=traces)


# Where a survey entry is acted on, and which checklist items check a procedure step: shown under the entry's
# heading, from the same citation index as the matrix, so a reader goes problem → step → item in two clicks.
_SURVEY_KINDS = (IdKind.PROBLEM, IdKind.ADVICE, IdKind.LESSON)


def _grouped(targets: list[Target], owners: dict[str, str], page: str, titled: bool) -> str:
    """One line per procedure or checklist: its name, then its steps (with titles) or items (IDs; their
    text is a sentence, shown as the link's tooltip). Phones show no tooltips, so names carry the meaning."""
    by_page: dict[str, list[Target]] = {}
    for target in _ordered(targets):
        by_page.setdefault(target.src, []).append(target)
    return "\n".join(f'<li markdown="span">{escape(md_text(owners.get(src, "")))}：'
                     f'{"、".join(_link(t, page, titled) for t in group)}</li>' for src, group in by_page.items())


def _owners(registry: Registry) -> dict[str, str]:
    """Page → the name of the procedure or checklist it holds."""
    return {t.src: t.title for t in registry.targets.values()
            if t.anchor is None or t.kind in (IdKind.PROCEDURE, IdKind.CHECKLIST)}


def forward_block(target: Target, registry: Registry, page: str, owners: dict[str, str]) -> str | None:
    """The "落实到" list under a WT/JY/TH entry, or the "对应检查项" list under a procedure step (None if empty).

    A top-level entry gathers everything its sub-entries lead to, so it lists IDs only; a sub-entry (or an
    entry without sub-entries) names each step as well."""
    if target.kind in _SURVEY_KINDS:
        citing = registry.citing(target.id) if target.parent is None else registry.citing_exactly(target.id)
        has_children = target.parent is None and any(k.startswith(f"{target.id}.") for k in registry.targets)
        steps = [t for t in citing if t.kind is IdKind.STEP]
        items = [t for t in citing if t.kind is IdKind.ITEM]
        label, lines = "落实到", [_grouped(steps, owners, page, titled=not has_children),
                                  _grouped(items, owners, page, titled=False)]
    elif target.kind is IdKind.STEP:
        items = [t for t in registry.citing_exactly(target.id) if t.kind is IdKind.ITEM]
        label, lines = "对应检查项", [_grouped(items, owners, page, titled=False)]
    else:
        return None
    body = "\n".join(line for line in lines if line)
    if not body:
        return None
    return f'<div class="kb-forward kb-notips" markdown="1">\n<p class="kb-forward__label">{label}：</p>\n<ul markdown="1">\n{body}\n</ul>\n</div>'


def add_forward_links(markdown: str, page: str, registry: Registry) -> str:
    """Puts each entry's forward links right under its heading (`## WT-01 … {#WT-01}`)."""
    lines = markdown.split("\n")
    out: list[str] = []
    fenced = False
    owners: dict[str, str] | None = None  # built only on pages that have entries to link from
    for line in lines:
        out.append(line)
        if FENCE_RE.match(line):
            fenced = not fenced
        if fenced or not ANY_HEADING_RE.match(line):
            continue
        anchor = ANCHOR_RE.match(ANY_HEADING_RE.match(line).group(2))
        target = registry.targets.get(anchor.group(2)) if anchor else None
        if target is not None and target.src == page and not target.retired:
            owners = owners if owners is not None else _owners(registry)
            block = forward_block(target, registry, page, owners)
            if block:
                out.extend(["", block])
    return "\n".join(out)
