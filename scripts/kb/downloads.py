"""Where the downloads live, named once, and the record of each file an exporter wrote: the pages link the
files that were written, and `export --verify` reads each one back against what it was written to hold."""

from __future__ import annotations

import math
import posixpath
from dataclasses import dataclass

# WeasyPrint keeps a whole document's layout in memory (about 18 MB per checklist), so a booklet of a
# thousand lists would need some 18 GB. Beyond this many lists the booklet comes in volumes of equal size.
VOLUME_LISTS = 40
VARIANTS = (("讲师版", "trainer"), ("学员版", "student"))
TRAINER = VARIANTS[0][1]
ALL_ITEMS = "checklists/all-items"              # every list in one file (.csv; .xlsx with a sheet each)
ALL_ITEMS_XLSX = ALL_ITEMS + ".xlsx"


# What a download holds, for the pages that link it.
LIST, ALL, TEMPLATE = "list", "all", "template"     # besides the booklet variants' keys (trainer, student)


@dataclass(frozen=True)
class Download:
    path: str                       # docs-relative
    content: bytes
    format: str                     # the exporter that wrote it: csv, pdf, xlsx, docx
    scope: str                      # LIST, ALL, TEMPLATE or a booklet variant's key
    label: str = ""                 # the link text where the page does not say it (讲师版第2册)
    lists: tuple[str, ...] = ()     # the checklists it holds, by ID
    items: tuple[str, ...] = ()     # the checklist items it holds, by ID, in order

    @classmethod
    def of_lists(cls, path: str, content: bytes, format: str, scope: str, checklists, label: str = "") -> Download:
        """A file that holds these checklists whole."""
        return cls(path, content, format, scope, label, tuple(c.id for c in checklists),
                   tuple(i.id for c in checklists for i in c.items))


def href(download: Download, page: str) -> str:
    """The link to a download from a page (both docs-relative)."""
    return posixpath.relpath(download.path, posixpath.dirname(page))


def booklet_links(made: list[Download], page: str) -> list[tuple[str, str]]:
    """Every booklet that was written, as (label, link from the page)."""
    variants = {key for _, key in VARIANTS}
    return [(d.label, href(d, page)) for d in made if d.scope in variants]


def list_path(checklist, suffix: str) -> str:
    """One checklist's own download: checklists/hj.pdf beside its page checklists/hj.md."""
    return f"checklists/{checklist.slug}{suffix}"


@dataclass(frozen=True)
class Booklet:
    label: str        # on the site: 讲师版, or 讲师版第2册 when there are volumes
    path: str         # docs-relative
    variant: str      # trainer / student
    lists: slice      # which checklists, in site order
    volume: int       # 1-based; 0 when there is only one
    volumes: int


def booklets(checklists: int) -> list[Booklet]:
    count = max(1, math.ceil(checklists / VOLUME_LISTS))
    size = math.ceil(checklists / count) if checklists else 0
    found = []
    for label, key in VARIANTS:
        for n in range(1, count + 1):
            one = count == 1
            found.append(Booklet(label if one else f"{label}第{n}册",
                                 f"checklists/booklet-{key}.pdf" if one else f"checklists/booklet-{key}-{n}.pdf",
                                 key, slice((n - 1) * size, n * size), 0 if one else n, count))
    return found
