"""Exports: one model, many formats. Each format is a module with NAME, `render(site) -> {path: bytes}`
and `verify(path) -> item count`, registered in FORMATS; the CLI (`python -m scripts.kb export`) and the
build call them the same way, and `--verify` reads every file back."""

from __future__ import annotations

from types import ModuleType

from . import csv_format, docx_format, pdf_format, xlsx_format

FORMATS: dict[str, ModuleType] = {module.NAME: module for module in (csv_format, pdf_format, xlsx_format, docx_format)}
# Made on every build, previews included; the others only when downloads are on (`make build`).
ALWAYS = {"csv"}
