"""CSV for Excel and WPS: UTF-8 with a BOM (or they guess GBK), CRLF line ends, one row per item."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from . import cells

NAME = "csv"


def _csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(cells.COLUMNS)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def render(site) -> dict[str, bytes]:
    files = {}
    every = []
    for checklist in site.checklists:
        rows = cells.rows(checklist, site)
        files[f"checklists/{checklist.slug}.csv"] = _csv_bytes(rows)
        every += rows
    files["checklists/all-items.csv"] = _csv_bytes(every)
    return files


def verify(path: Path) -> int:
    """Items in a written file, read back as Excel would (the BOM stripped, the header checked)."""
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    if not rows or rows[0] != cells.COLUMNS:
        raise ValueError(f"{path.name}：表头不对")
    return len(rows) - 1
