"""The matrix page: survey problem → recommendations → procedure steps → checklist items, and the reverse trace."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..idkinds import IdKind
from ..ids import Registry, Target, natural_key
from .env import render

MATRIX_PAGE = "survey/matrix.md"


def _links(targets: list[Target]) -> Markup:
    ordered = sorted({t.id: t for t in targets}.values(), key=lambda t: natural_key(t.id))
    return Markup("、".join(t.link_from(MATRIX_PAGE) for t in ordered) or "—")


@dataclass
class Row:
    link: Markup
    title: str
    survey: Markup
    steps: Markup
    items: Markup


def _row(target: Target, citing: list[Target]) -> Row:
    return Row(Markup(target.link_from(MATRIX_PAGE)), target.title,
               _links([t for t in citing if t.kind in (IdKind.ADVICE, IdKind.LESSON)]),
               _links([t for t in citing if t.kind is IdKind.STEP]),
               _links([t for t in citing if t.kind is IdKind.ITEM]))


def matrix_page(registry: Registry) -> str:
    overview = [_row(p, registry.citing(p.id)) for p in registry.of_kind(IdKind.PROBLEM)]
    traces = []
    for kind, heading in ((IdKind.PROBLEM, "调研问题"), (IdKind.ADVICE, "工作建议"), (IdKind.LESSON, "体会和认识")):
        rows = [_row(t, registry.citing(t.id) if t.parent is None else registry.citing_exactly(t.id))
                for t in registry.of_kind(kind, top_level_only=False)]
        traces.append((heading, f"trace-{kind.prefix.lower()}", rows))
    return render("matrix.md.j2", overview=overview, traces=traces)
