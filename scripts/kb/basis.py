"""Readable basis lines: each cited ID shown by a short human name, the ID itself the link.

"支部工作条例第十二条", "调研问题 WT-03.1", "本单位要求" read on paper; "FG-GW；FG-XJ-3" does not."""

from __future__ import annotations

from markupsafe import Markup

from .idkinds import IdKind
from .ids import Registry, Target


def basis_label(target: Target) -> str:
    """Short name of a cited ID as people say it."""
    kind = target.kind
    if kind is IdKind.REGULATION:
        # Regulation headings read "短名称：主题" (支部工作条例第十二条：支委会).
        return target.title.split("：", 1)[0].strip() or target.id
    if kind is IdKind.UNIT and target.id == "BDW":
        return kind.label
    if kind in (IdKind.PROCEDURE, IdKind.TEMPLATE, IdKind.CHECKLIST, IdKind.TERM, IdKind.UNIT):
        return target.title or target.id
    if kind is not None and kind.label:
        return f"{kind.label} {target.id}"
    return target.id


def basis_text(ids: list[str], registry: Registry) -> str:
    """The same line as plain text, for CSV and other exports: 支部工作条例第十二条（FG-ZB-12）；调研问题 WT-03.1."""
    parts = []
    for id_ in ids:
        label = basis_label(registry[id_])
        parts.append(label if id_ in label else f"{label}（{id_}）")
    return "；".join(parts)


def basis_links(ids: list[str], page_src: str, registry: Registry) -> Markup:
    """Markdown links, one per ID, labelled with the short name (escaped inside `link_from`)."""
    return Markup("；".join(registry[id_].link_from(page_src, basis_label(registry[id_])) for id_ in ids))
