"""Local requirements on the page: the fill-in `{{BDW-…}}` as a blank (reference edition) or as the unit's
value with its source (unit edition), and the three pages about them: 本单位要求一览, 行业与地方要求对照, 版本记录."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from markupsafe import Markup

from ..downloads import Download, booklet_links
from ..idkinds import IdKind, kind_of
from ..ids import FILL_RE, Registry
from ..local import BLANK, LocalRequirement, agreed
from ..local import PAGE as LOCAL_PAGE
from ..templating import render
from ..text import md_text
from ..units import Edition, Value

DUAL_PAGE = "basis/dual.md"
VERSIONS_PAGE = "basis/versions.md"
FEEDBACK_PAGE = "guide/feedback.md"


def fill_markdown(id_: str, page_src: str, registry: Registry, requirements: dict[str, LocalRequirement],
                  edition: Edition) -> str:
    """Markdown for one fill-in on a page: a link to the requirement, showing the blank or the value."""
    requirement = requirements[id_]
    target = registry[id_]
    href = target.href_from(page_src)
    tip = f"{id_} {requirement.question}".replace('"', "“")
    values = edition.values(id_)
    unit = md_text(requirement.unit)
    if not values:
        return f'[{md_text(BLANK)}{unit}]({href} "{tip}"){{: .kb-req .kb-req--open }}'
    sources = "；".join(md_text(v.citation) for v in values)
    if edition.unit.example:  # an example profile's values must never pass for real requirements
        sources += "；示例值"
    if agreed(values):
        return f'[{md_text(values[0].value)}{unit}]({href} "{tip}"){{: .kb-req }}（{sources}）'
    dual = posixpath.relpath(DUAL_PAGE, posixpath.dirname(page_src) or ".")
    shown = "；".join(f"{md_text(v.source)}：{md_text(v.value)}{unit}" for v in values)
    return (f'[{shown}]({href} "{tip}"){{: .kb-req .kb-req--dual }}'
            f"（[两级要求不一致，见对照]({dual}#{id_}){'；示例值' if edition.unit.example else ''}）")


def expand_fills(text: str, page_src: str, registry: Registry, requirements: dict[str, LocalRequirement],
                 edition: Edition) -> str:
    return FILL_RE.sub(lambda m: fill_markdown(m.group(1), page_src, registry, requirements, edition), text)


def rich_text(text: str, page_src: str, registry: Registry, requirements: dict[str, LocalRequirement],
              edition: Edition) -> Markup:
    """A data field shown as plain text, with its fill-ins made into links (everything else escaped)."""
    parts, last = [], 0
    for match in FILL_RE.finditer(text):
        parts.append(md_text(text[last:match.start()]))
        parts.append(fill_markdown(match.group(1), page_src, registry, requirements, edition))
        last = match.end()
    parts.append(md_text(text[last:]))
    return Markup("".join(parts))


@dataclass
class RequirementRow:
    requirement: LocalRequirement
    places: Markup
    values: list[Value]
    differs: bool


def open_count(requirements: list[LocalRequirement], edition: Edition) -> int:
    return sum(1 for r in requirements if not edition.values(r.id))


def local_page(requirements: list[LocalRequirement], registry: Registry, edition: Edition) -> str:
    rows: dict[str, list[RequirementRow]] = {}
    for requirement in requirements:
        # Where it is used: not the entry BDW that introduces all local requirements (a bare code to a reader).
        citing = sorted({t.id: t for t in registry.citing(requirement.id) if kind_of(t.id) is not IdKind.UNIT}
                        .values(), key=lambda t: t.id)
        places = Markup("、".join(t.link_from(LOCAL_PAGE) for t in citing) or "—")
        rows.setdefault(requirement.topic, []).append(RequirementRow(
            requirement, places, edition.values(requirement.id),
            edition.unit is not None and edition.unit.differs(requirement.id)))
    return render("local.md.j2", groups=rows, edition=edition, total=len(requirements),
                  open=open_count(requirements, edition))


def dual_page(requirements: list[LocalRequirement], edition: Edition) -> str:
    differing = [(r, edition.values(r.id)) for r in requirements
                 if edition.unit is not None and edition.unit.differs(r.id)]
    return render("dual.md.j2", rows=differing, edition=edition)


def versions_page(releases, pages, edition: Edition) -> str:
    """Every release; in a unit edition, what changed in the reference since the version the unit adopted."""
    adopted = next((r for r in releases if edition.unit and r.version == edition.unit.adopted_version), None)
    later = [r for r in releases if adopted and r.date > adopted.date]
    changes = sorted(((c, p, posixpath.relpath(p.src, "basis")) for p in pages.values() if p.has_lifecycle
                      for c in p.changes if adopted and c.date > adopted.date), key=lambda e: e[0].date, reverse=True)
    return render("versions.md.j2", releases=list(reversed(releases)), edition=edition, adopted=adopted,
                  later=later, changes=changes)


def feedback_page(edition: Edition) -> str:
    """How to report a mistake; a unit edition names the post that receives corrections."""
    return render("feedback.md.j2", edition=edition)


def edition_banner(requirements: list[LocalRequirement], edition: Edition, page_src: str,
                   made: list[Download]) -> str:
    """The block under the home page's title: which edition this is, how many requirements are open, and the
    training booklets when the build made them."""
    base = posixpath.dirname(page_src) or "."
    return render("edition-banner.md.j2", unit=edition.unit, total=len(requirements),
                  booklets=booklet_links(made, page_src),
                  open=open_count(requirements, edition),
                  differing=sum(1 for r in requirements if edition.unit and edition.unit.differs(r.id)),
                  local_link=posixpath.relpath(LOCAL_PAGE, base), dual_link=posixpath.relpath(DUAL_PAGE, base))
