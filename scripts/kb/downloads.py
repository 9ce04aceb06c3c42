"""Where the downloads live, named once: the exporters write these paths and the pages link them."""

from __future__ import annotations

# (label on the site, docs-relative path) of the two training booklets.
BOOKLETS = (("讲师版", "checklists/booklet-trainer.pdf"), ("学员版", "checklists/booklet-student.pdf"))
TRAINER_BOOKLET, STUDENT_BOOKLET = (path for _, path in BOOKLETS)
