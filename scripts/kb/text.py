"""Small text helpers shared by the renderers."""

from __future__ import annotations

import datetime as dt
import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!])")


def md_text(value: str) -> str:
    """Plain text made safe for Markdown (and the HTML it may sit in): shown as typed, never run as markup."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(value, quote=True))


def cn_date(iso: str) -> str:
    """2026-11-26 → 2026年11月26日: year, month and day always written in full (GB/T 9704-2012)."""
    day = dt.date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"


def attr(value: str) -> str:
    return html.escape(value, quote=True)
