"""The nature of a requirement and what its basis must contain for the label to be true.

An inspector marks 不符合 only against a rule or a unit's own requirement; the other two natures are
answered 已采用 / 未采用 / 不适用. The build refuses a label its basis does not support."""

from __future__ import annotations

from dataclasses import dataclass

from .idkinds import IdKind
from .ids import Registry


@dataclass(frozen=True)
class Nature:
    name: str
    short: str                  # the label printed beside the item (screen, paper, CSV)
    needs: tuple[IdKind, ...]   # at least one basis ID of these kinds; empty: no condition
    needs_words: str
    answers: tuple[str, ...]    # allowed results on a checklist
    meaning: str


CONFORMITY = ("符合", "不符合", "不适用")
ADOPTION = ("已采用", "未采用", "不适用")

NATURES = {n.name: n for n in (
    Nature("法规要求", "法规", (IdKind.REGULATION,), "至少一条已核对的法规依据（FG 编号）", CONFORMITY,
           "依据中的法规条文本身提出了这项要求"),
    Nature("本单位要求", "本单位", (IdKind.UNIT,), "本单位要求（BDW 编号）", CONFORMITY,
           "由本单位或上级党组织规定，本站留空，由单位填写"),
    Nature("调研建议", "调研", (IdKind.PROBLEM, IdKind.ADVICE), "调研问题或建议（WT、JY 编号）", ADOPTION,
           "调研报告提出的建议或发现的问题，单位采用后才作为本单位要求"),
    Nature("参考做法", "参考", (), "", ADOPTION, "本站整理的参考做法，没有法规或单位要求作依据"),
)}


def nature_problem(nature: str, basis: list[str], registry: Registry, where: str = "nature 字段") -> str | None:
    """Why a nature label does not fit its basis, or None."""
    if not nature:
        return f"没有写明要求的性质：请在{where}写 {'、'.join(NATURES)} 之一"
    spec = NATURES.get(nature)
    if spec is None:
        return f"性质「{nature}」无效，只能是：{'、'.join(NATURES)}"
    kinds = {registry[b].kind for b in basis if b in registry and not registry[b].retired}
    if spec.needs and not kinds.intersection(spec.needs):
        return f"性质为「{nature}」，依据中须有{spec.needs_words}"
    return None


def effective(nature: str, id_: str, edition) -> tuple[Nature, str]:
    """The nature an inspector applies in this edition: a suggestion the unit adopted is inspected as the
    unit's own requirement. Returns (nature, the original nature when adopted, else "")."""
    if edition.adopted(id_):
        return NATURES["本单位要求"], nature
    return NATURES[nature], ""
