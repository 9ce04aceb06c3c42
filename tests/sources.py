"""Expected values read straight from the sources with plain PyYAML and a few regular expressions over
Markdown — deliberately not through scripts/kb, so a bug in our loader cannot hide on both sides."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def checklists() -> list[dict]:
    """Every checklist file as PyYAML reads it, with its slug (file stem without the order prefix)."""
    found = []
    for path in sorted([*DOCS.glob("checklists/*.yml"), *DOCS.glob("checklists/*.yaml")]):
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
        data["slug"] = re.sub(r"^\d+-", "", path.stem)
        data["items"] = [item for section in data["sections"] for item in section["items"]]
        found.append(data)
    return found


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8-sig")
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    return yaml.safe_load(match.group(1)) if match else {}


def pages_with_front_matter(folder: str) -> dict[str, dict]:
    """docs-relative path → front matter, for every page under a folder that has one with an id."""
    found = {}
    for path in sorted((DOCS / folder).rglob("*.md")):
        meta = front_matter(path)
        if meta.get("id"):
            found[path.relative_to(DOCS).as_posix()] = meta
    return found


def heading_ids(rel: str, prefix: str) -> list[str]:
    """IDs declared by `{#PREFIX-…}` anchors in one Markdown page, in page order."""
    text = (DOCS / rel).read_text(encoding="utf-8")
    return re.findall(rf"^#+ .*\{{#({prefix}-[0-9A-Z.-]+)[ }}]", text, re.MULTILINE)


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def text_of(html: str) -> str:
    """Visible text of an HTML page with whitespace removed, for containment checks."""
    return re.sub(r"\s+", "", soup(html).get_text())


def html_path(src: str) -> str:
    return src[:-3] + ".html"


def squeeze(text: str) -> str:
    """Comparable text from a PDF: PDF extraction maps some Han glyphs to Kangxi radicals (⽉ for 月), NFKC
    undoes that; whitespace and the answer words (printed beside the item text) are dropped."""
    text = unicodedata.normalize("NFKC", text).replace("\u2015", "\u2014")
    return re.sub(r"\s+|不符合|符合|不适用|已采用|未采用|备注:", "", text)


def on_paper(expected: str, page_text: str) -> bool:
    """True when `expected` was printed. A few simplified glyphs (长 as ⻓) come back from the PDF as
    CJK Radicals Supplement characters that NFKC leaves alone, so any of those may stand for any Han character."""
    pattern = "".join(f"(?:{re.escape(ch)}|[\u2e80-\u2eff])" for ch in squeeze(expected))
    return re.search(pattern, page_text) is not None
