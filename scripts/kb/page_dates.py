"""When each page's content last changed, shown at the foot of every page.

The page's own record wins: a checklist's `updated`, the newest entry of a procedure's or template's
`changes`. Other hand-written pages take the date of the last commit that touched their file (one `git log`
for the whole tree, so a commit always builds the same dates). Generated pages (indexes, matrix, glossary)
are rebuilt from every source, so they take the newest of those dates. Without git history (a copied
folder), or for a file not yet committed, the build's own date stands in."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from .config import CHINA_TIME


def git_dates(root: Path, docs: Path) -> dict[str, dt.date]:
    """docs-relative path → date of the last commit that changed it (empty without git history)."""
    try:
        under = docs.resolve().relative_to(root.resolve()).as_posix()
        out = subprocess.run(["git", "-C", str(root), "log", "--format=%x00%ct", "--name-only", "--no-renames",
                              "--", under], capture_output=True, text=True, check=True, timeout=60).stdout
    except (ValueError, OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, dt.date] = {}
    prefix = f"{under}/"
    for commit in out.split("\0")[1:]:
        stamp, *names = commit.strip().split("\n")
        day = dt.datetime.fromtimestamp(int(stamp), CHINA_TIME).date()  # a commit at 01:00 in Beijing: that day
        for name in names:
            if name.startswith(prefix):
                dates.setdefault(name[len(prefix):], day)  # newest first: the first date seen is the last change
    return dates


class PageDates:
    def __init__(self, site, root: Path, docs: Path, fallback: dt.date) -> None:
        self.site = site
        self.history = git_dates(root, docs)
        self.fallback = fallback
        recorded = [dt.date.fromisoformat(str(c.updated)) for c in site.checklists]
        recorded += [dt.date.fromisoformat(str(c.date)) for m in site.pages.values() for c in m.changes]
        self.newest = max([*self.history.values(), *recorded], default=fallback)

    def of(self, src: str) -> dt.date:
        checklist = self.site.checklists_by_page.get(src)
        if checklist is not None:
            return dt.date.fromisoformat(str(checklist.updated))
        meta = self.site.pages.get(src)
        if meta is not None and meta.changes:
            return max(dt.date.fromisoformat(str(c.date)) for c in meta.changes)
        if meta is not None:
            return self.history.get(src, self.fallback)
        return self.newest  # generated from every source
