"""Where the downloads live, named once: the exporters write these paths and the pages link them."""

from __future__ import annotations

import math
from dataclasses import dataclass

# WeasyPrint keeps a whole document's layout in memory (about 18 MB per checklist), so a booklet of a
# thousand lists would need some 18 GB. Beyond this many lists the booklet comes in volumes of equal size.
VOLUME_LISTS = 40
VARIANTS = (("讲师版", "trainer"), ("学员版", "student"))
ALL_ITEMS_XLSX = "checklists/all-items.xlsx"   # every list, a sheet each, and a summary sheet


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
