"""Unit profiles (docs/units/<code>.yml) and the edition a build produces.

The reference edition leaves every local requirement blank and presents the procedures as 参考文本. A unit
edition fills in the unit's values with their source, presents procedures as 现行 under the unit's adoption
document, and lays side by side the values its two superiors (行业上级 and 地方党委) set differently — the
survey's third lesson (TH-03)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .data_file import load_data
from .errors import Problem, echo
from .schema_check import date_problems
from .sources import YAML_SUFFIX, SourceTree, yaml_suffix_message
from .yaml_source import line_of, load_yaml

FOLDER = "units"
SCHEMA = "units/unit.schema.json"
CODE_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,30}")
CODE_RULE = "只能用小写字母、数字和连字符，以字母或数字开头，不超过 31 个字符"
# The format of unit files this code reads. A file for a newer format may mean something this code would misread.
FORMAT_VERSION = 1
VERSION_KEYS = ("format_version", "schema_version", "format")


@dataclass(frozen=True)
class Value:
    value: str
    source: str       # 行业上级 / 地方党委 / 本单位
    document: str
    number: str = ""

    @property
    def citation(self) -> str:
        return f"{self.source}：{self.document}" + (f"（{self.number}）" if self.number else "")


@dataclass
class Unit:
    code: str
    full_name: str
    short_name: str
    industry: str
    local: str
    adoption_title: str
    adoption_number: str
    issued: str
    effective: str
    corrections_to: str
    adopted_version: str
    example: bool = False
    values: dict[str, list[Value]] = field(default_factory=dict)
    adopts: set[str] = field(default_factory=set)
    source: str = ""
    data: object = None      # the profile as read, with line numbers for messages

    def differs(self, id_: str) -> bool:
        """The two superiors set different values for the same requirement."""
        given = {v.source: v.value for v in self.values.get(id_, [])}
        return "行业上级" in given and "地方党委" in given and given["行业上级"] != given["地方党委"]


@dataclass
class Edition:
    """What a build publishes: the reference text, or one unit's own standard."""

    unit: Unit | None = None

    @property
    def is_reference(self) -> bool:
        return self.unit is None

    def values(self, id_: str) -> list[Value]:
        return [] if self.unit is None else self.unit.values.get(id_, [])

    def adopted(self, id_: str) -> bool:
        return self.unit is not None and id_ in self.unit.adopts


def _newer_format(tree: SourceTree, rel: str) -> list[Problem]:
    """A profile written for a newer format is refused as a whole, before its unknown fields are listed one by one."""
    data, problems = load_yaml(tree.path(rel), tree.display(rel))
    if problems or not isinstance(data, dict):
        return []
    for key in (k for k in VERSION_KEYS if k in data):
        value = data[key]
        if isinstance(value, (int, float, str)) and not isinstance(value, bool) and _number(value) > FORMAT_VERSION:
            return [Problem(tree.display(rel), line_of(data, [key]), f"「格式版本」（{key}）",
                            f"这个单位设置文件是第 {echo(value)} 版格式，本站程序只认识到第 {FORMAT_VERSION} 版："
                            "请先更新知识库程序再构建这个单位的版本，或按现有格式（见 docs/units/unit.schema.json）重写")]
    return []


def _number(value: object) -> float:
    try:
        return float(str(value).lstrip("vV"))
    except ValueError:
        return 0


def _load_one(tree: SourceTree, rel: str) -> tuple[Unit | None, list[Problem]]:
    display = tree.display(rel)
    newer = _newer_format(tree, rel)
    if newer:
        return None, newer
    data, problems = load_data(tree, rel, SCHEMA)
    if data is None:
        return None, problems
    problems += date_problems(data, [["adoption", "issued"], ["adoption", "effective"]], display)
    code = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    adoption, superiors = data["adoption"], data["superiors"]
    values = {id_: [Value(v["value"], v["from"], v["document"], v.get("number", "")) for v in given]
              for id_, given in (data.get("values") or {}).items()}
    unit = Unit(code, data["full_name"], data["short_name"], superiors["industry"], superiors["local"],
                adoption["title"], adoption["number"], adoption["issued"], adoption["effective"],
                data["corrections_to"], data["adopted_version"], bool(data.get("example")), values,
                set(data.get("adopts") or []), display, data)
    return unit, problems


def load_units(tree: SourceTree) -> tuple[dict[str, Unit], list[Problem]]:
    """Every profile in docs/units/, by code; the folder holds profiles and their schema only."""
    units: dict[str, Unit] = {}
    problems: list[Problem] = []
    names: dict[str, str] = {}
    for rel in (f for f in tree.files if f.startswith(FOLDER + "/") and f != SCHEMA):
        display = tree.display(rel)
        name = rel[len(FOLDER) + 1:]
        code = name.rsplit(".", 1)[0]
        if "/" in name or not name.endswith((".yml", YAML_SUFFIX)):
            problems.append(Problem(display, None, "（文件）", "docs/units/ 中只能放单位设置文件（单位代码.yml）"))
            continue
        if not CODE_RE.fullmatch(code):
            problems.append(Problem(display, None, "（文件名）", f"单位代码「{echo(code)}」不对：{CODE_RULE}（文件名就是单位代码）"))
            continue
        if name.endswith(YAML_SUFFIX):
            problems.append(Problem(display, None, "（文件名）", yaml_suffix_message(name)))
            continue
        unit, found = _load_one(tree, rel)
        problems += found
        if unit is None:
            continue
        if unit.full_name in names:
            problems.append(Problem(display, unit.data.key_lines.get("full_name"), "「单位全称」（full_name）",
                                    f"单位全称「{unit.full_name}」与 {names[unit.full_name]} 重复"))
        names.setdefault(unit.full_name, display)
        units[code] = unit
    return units, problems


def reference_problems(unit: Unit, known: set[str], adoptable: set[str], versions: set[str]) -> list[Problem]:
    """A profile may only name requirements, items and versions the site has."""
    problems = []
    data = unit.data
    for id_ in unit.values:
        if id_ not in known:
            problems.append(Problem(unit.source, line_of(data, ["values", id_]), f"「取值」（values）中的「{id_}」",
                                    f"本单位要求「{id_}」不存在（见网站“本单位要求一览”）"))
    for id_ in sorted(unit.adopts):
        if id_ not in adoptable:
            problems.append(Problem(unit.source, line_of(data, ["adopts"]), "「采用」（adopts）",
                                    f"「{id_}」不是性质为调研建议或参考做法的检查项或规程步骤，不能“采用”"))
    if unit.adopted_version not in versions:
        problems.append(Problem(unit.source, line_of(data, ["adopted_version"]), "「采用版本」（adopted_version）",
                                f"参考文本没有版本「{unit.adopted_version}」（已有：{'、'.join(sorted(versions))}）"))
    return problems
