"""CSV for Excel and WPS: UTF-8 with a BOM (or they guess GBK), CRLF line ends, one row per item."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..downloads import ALL, ALL_ITEMS, LIST, Download, list_path
from . import cells

NAME = "csv"


def _csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(cells.COLUMNS)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def render(site) -> list[Download]:
    written = []
    every = []
    for checklist in site.checklists:
        rows = cells.rows(checklist, site)
        written.append(Download.of_lists(list_path(checklist, ".csv"), _csv_bytes(rows), NAME, LIST, [checklist]))
        every += rows
    written.append(Download.of_lists(ALL_ITEMS + ".csv", _csv_bytes(every), NAME, ALL, site.checklists))
    return written


def read_back(path: Path) -> list[str]:
    """The item IDs in a written file, read as Excel would (the BOM stripped, the header checked)."""
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    if not rows or rows[0] != cells.COLUMNS:
        raise ValueError(f"{path.name}：表头不对")
    return [row[cells.ID_COLUMN] for row in rows[1:]]
