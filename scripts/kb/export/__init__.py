"""Exports: one model, many formats. Each format is a module with NAME, `render(site) -> [Download]` (each
file with what it holds: its lists and item IDs) and `read_back(path) -> [item ID]`, registered in FORMATS;
the CLI (`python -m scripts.kb export`) and the build call them the same way, and `--verify` reads every
file back and compares it with what the exporter said it wrote. Exporters depend on the model and the
neutral modules (listing, forms, templating, downloads), never on the page renderers."""

from __future__ import annotations

from types import ModuleType

from . import csv_format, docx_format, pdf_format, xlsx_format

FORMATS: dict[str, ModuleType] = {module.NAME: module for module in (csv_format, pdf_format, xlsx_format, docx_format)}
# Made on every build, previews included; the others only when downloads are on (`make build`).
ALWAYS = {"csv"}


def export(site, downloads: bool = True) -> list:
    """Every format's files (CSV alone when `downloads` is off), in FORMATS order."""
    return [d for name, exporter in FORMATS.items() if downloads or name in ALWAYS for d in exporter.render(site)]
