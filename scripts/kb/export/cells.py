"""What every spreadsheet export writes in its cells: the row model and the formula guard."""

from __future__ import annotations

from ..basis import basis_text
from ..checklists import Checklist
from ..local import plain_text
from ..natures import effective

COLUMNS = ["清单编号", "清单名称", "分组", "检查项编号", "检查内容", "性质", "可选结果", "检查方法", "依据",
           "调研所见问题", "证明材料", "检查结果", "备注"]
RESULT_COLUMN = COLUMNS.index("检查结果")
ID_COLUMN = COLUMNS.index("检查项编号")
# A cell starting with one of these is run as a formula by Excel and WPS (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutral(value: str) -> str:
    """Text a spreadsheet shows as typed: a leading apostrophe stops formula evaluation."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def rows(checklist: Checklist, site) -> list[list[str]]:
    def plain(text: str) -> str:
        return plain_text(text, site.requirements, site.edition)

    found = []
    for section in checklist.sections:
        for item in section.items:
            nature, adopted_from = effective(item.nature, item.id, site.edition)
            label = nature.name + (f"（采用的{adopted_from}）" if adopted_from else "")
            found.append([neutral(cell) for cell in (
                checklist.id, checklist.title, section.title, item.id, plain(item.text), label,
                "／".join(nature.answers), plain(item.how), basis_text(item.basis, site.registry),
                item.common_issue, item.evidence, "", "")])
    return found
