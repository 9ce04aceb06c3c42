"""The navigation: mkdocs.yml names the sections; one entry per checklist is added under 检查清单."""

from __future__ import annotations

CHECKLIST_INDEX = "checklists/index.md"


def add_checklists(nav: list, checklists: list) -> None:
    """Append {title: page} for each checklist to the nav section that holds the checklist index."""
    for entry in nav or []:
        for children in entry.values() if isinstance(entry, dict) else []:
            if isinstance(children, list) and CHECKLIST_INDEX in children:
                children.extend({c.title: c.page} for c in checklists)
