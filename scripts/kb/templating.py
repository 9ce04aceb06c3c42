"""The one Jinja environment for generated pages: every value is escaped for HTML *and* Markdown unless a
renderer marks it as a fragment it built itself (`Markup`), so no field of the data can become live markup.

The theme's own environment has autoescape off, so it is not used here."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .text import attr, cn_date, md_text

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _finalize(value: object) -> object:
    # Runs before autoescape: plain text gets the Markdown escapes too; our own fragments pass untouched.
    if isinstance(value, Markup) or value is None:
        return value
    return Markup(md_text(str(value)))


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, finalize=_finalize,
                      comment_start_string="{##", comment_end_string="##}",
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["attr"] = lambda value: Markup(attr(str(value)))
    env.filters["cn_date"] = cn_date
    env.filters["css_string"] = css_string
    env.globals["h"] = lambda level: Markup("#" * level)  # a Markdown heading marker, not text to escape
    return env


def render(name: str, **values: object) -> str:
    return environment().get_template(name).render(**values)


@lru_cache(maxsize=1)
def html_environment() -> Environment:
    """For whole HTML documents (the PDF booklet): HTML escaping only, no Markdown escapes."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["cn_date"] = cn_date
    return env


def render_html(name: str, **values: object) -> str:
    return html_environment().get_template(name).render(**values)


def css_string(value: str) -> Markup:
    """Text inside a CSS string literal in a <style> block: quotes, backslashes and "<" escaped as CSS escapes."""
    return Markup("".join(f"\\{ord(ch):x} " if ch in "\"'\\<>&" or ord(ch) < 0x20 else ch for ch in value))
