"""PDF: the training booklet (讲师版 and 学员版) and one PDF per checklist, laid out with CSS paged media by
WeasyPrint (margin boxes for the running header and "第 x 页 共 y 页", target-counter for the table of
contents, so the page a reader's PDF viewer shows is the page the contents name). Fonts are embedded.

WeasyPrint needs Debian's Pango libraries (scripts/install_system_deps.sh installs them); it is imported
only when PDFs are made, so a preview that switches downloads off runs without them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from .. import forms
from ..basis import basis_label, basis_text
from ..downloads import LIST, Download, booklets, list_path
from ..listing import MODES, stamp
from ..local import plain_text
from ..natures import effective
from ..templating import TEMPLATES, render_html
from ..text import cn_date

NAME = "pdf"
ITEM_ANCHOR = "item-"     # the id of an item's row in the HTML, and so its named destination in the PDF


@dataclass(frozen=True)
class Variant:
    key: str
    name: str
    method: bool       # print 检查方法
    teaching: bool     # print the basis and what the survey saw
    lines: int         # ruled lines of about 8 mm for 备注
    note: str


TRAINER = Variant("trainer", "讲师版", True, True, 2, "讲师版列出每个检查项的检查方法、依据和调研所见问题，供备课和讲解使用。")
STUDENT = Variant("student", "学员版", False, False, 3, "学员版只列检查项，留出更多书写空间，供学员练习使用。")
# The per-list PDF is the inspection sheet: what is checked, its nature and answers, and two ruled lines for
# 备注 beside each item. It keeps the page budget of the printed checklist (up to 12 items on one A4 sheet,
# up to 24 on two) at 10.5pt; how to check each item is on the checklist page and in the 讲师版.
SHEET = Variant("sheet", "检查表", False, False, 2, "")


def _list_view(checklist, site) -> dict:
    def plain(text: str) -> str:  # on paper a blank reads "______学时（BDW-ZXZ-1）"; the question is in the list
        return plain_text(text, site.requirements, site.edition, short=True)

    sections = []
    for section in checklist.sections:
        items = []
        for item in section.items:
            nature, _ = effective(item.nature, item.id, site.edition)
            items.append({"id": item.id, "text": plain(item.text), "how": plain(item.how),
                          "basis": basis_text(item.basis, site.registry), "common_issue": item.common_issue,
                          "nature": nature.name, "answers": nature.answers})
        sections.append({"title": section.title, "entries": items})
    return {"id": checklist.id, "anchor": checklist.id, "item_anchor": ITEM_ANCHOR, "title": checklist.title, "version": checklist.version,
            "updated": checklist.updated, "count": len(checklist.items), "mode": MODES[checklist.mode].name,
            "stamp": stamp(checklist, site.edition), "sections": sections}


def _template_view(page, site) -> dict:
    """A blank template as the Word export reads it (forms.blocks: what prints, references by their names),
    laid out as HTML; its title is printed by the booklet."""
    def resolve(text: str) -> str:
        return plain_text(text, site.requirements, site.edition)

    blocks = forms.blocks(page.text, resolve, ref=lambda id_: basis_label(site.registry[id_]))
    if blocks and isinstance(blocks[0], forms.Para) and blocks[0].kind == "heading" and blocks[0].level == 1:
        blocks = blocks[1:]
    return {"id": page.id, "anchor": page.id, "title": page.title, "version": page.meta.get("version", ""),
            "html": forms.html(blocks)}


def _basis_rows(checklists, site) -> list[dict]:
    cited = sorted({b for c in checklists for i in c.items for b in i.basis})
    return [{"id": id_, "label": basis_label(site.registry[id_]), "title": site.registry[id_].title} for id_ in cited]


def _document(site, lists, variant: Variant, cover: bool, volume: str = "", title: str = "") -> str:
    release = site.releases[-1]
    unit = site.edition.unit
    edition_name = unit.full_name if unit else "参考文本"
    edition_line = (f"{unit.full_name}依据《{unit.adoption_title}》（{unit.adoption_number}）采用，"
                    f"自{cn_date(unit.effective)}起施行。" + ("示例单位，仅供演示。" if unit.example else "")
                    if unit else "本手册是参考文本：依据2020年调研报告和已核对的法规编写，单位正式采用后才作为本单位的标准执行。")
    templates = [_template_view(p, site) for src, p in sorted(site.pages.items())
                 if src.startswith("procedures/templates/") and p.id] if cover else []
    title = title or f"基层党建工作检查清单 {variant.name}{volume}"
    return render_html("booklet.html.j2", title=title, variant=variant,
                       css=Markup((TEMPLATES / "booklet.css").read_text(encoding="utf-8")), cover=cover,
                       edition_name=edition_name, edition_line=edition_line, version=release.version,
                       date=release.date, lists=[_list_view(c, site) for c in lists], templates=templates,
                       basis=_basis_rows(lists, site), volume=volume.strip()).replace("<body ", f'<body data-edition="{escape(edition_name)}" ', 1)


def _pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=str(TEMPLATES)).write_pdf()


def render(site) -> list[Download]:
    variants = {TRAINER.key: TRAINER, STUDENT.key: STUDENT}
    written = []
    for booklet in booklets(len(site.checklists)):
        volume = f" 第{booklet.volume}册（共{booklet.volumes}册）" if booklet.volume else ""
        lists = site.checklists[booklet.lists]
        written.append(Download.of_lists(booklet.path, _pdf(_document(site, lists, variants[booklet.variant],
                                                                      cover=True, volume=volume)),
                                         NAME, booklet.variant, lists, label=booklet.label))
    for checklist in site.checklists:
        # The title a PDF viewer shows in its tab and window: which list this is.
        sheet = _pdf(_document(site, [checklist], SHEET, cover=False, title=f"{checklist.id} {checklist.title}"))
        written.append(Download.of_lists(list_path(checklist, ".pdf"), sheet, NAME, LIST, [checklist]))
    return written


def read_back(path: Path) -> list[str]:
    """The item IDs a PDF prints, in page order: each item's row is a named destination (item-HJ-03) that
    WeasyPrint writes for its id attribute, so the basis table's IDs and the text flow do not count."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    found = [(reader.get_destination_page_number(d), d.top or 0, name[len(ITEM_ANCHOR):])
             for name, d in reader.named_destinations.items() if name.startswith(ITEM_ANCHOR)]
    return [id_ for _, _, id_ in sorted(found, key=lambda f: (f[0], -f[1]))]
