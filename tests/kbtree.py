"""A small docs tree for in-process tests of the generator: every kind of source, valid as written.

Tests write it into a temporary folder, change one file, and look at the problems `collect` reports.
The schemas are copied from the real docs/ (they are the documented format); everything else is literal
text here, so no expected value comes from the code under test."""

from __future__ import annotations

import shutil
from pathlib import Path

from scripts.kb.errors import KbError, Problem
from scripts.kb.generate import Site, collect, generate

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ("checklists/checklist.schema.json", "glossary/terms.schema.json", "glossary/retired.schema.json",
           "glossary/synonyms.schema.json",
           "procedures/procedure.schema.json", "basis/local-requirements.schema.json", "basis/releases.schema.json",
           "units/unit.schema.json")

CHECKLIST = """\
id: QD-XX
title: 示例检查清单
version: "1.0"
updated: 2026-11-26
audience: [党支部书记, 检查人员]
purpose: 测试用的示例清单，检查生成器的校验和输出。
mode: DO-CONFIRM
procedure: GC-XX
sections:
  - title: 第一组
    items:
      - id: XX-01
        text: 近12个月每月召开1次支委会会议。
        how: 查阅近12个月支委会会议记录，逐月核对召开次数。
        basis: [FG-ZB-12, WT-01.1]
        nature: 法规要求
        evidence: 支委会会议记录
        aliases: [支委会次数]
      - id: XX-02
        text: 会议记录写全年、月、日。
        how: 查阅会议记录的日期栏。
        basis: [WT-01.1]
        nature: 调研建议
        common_issue: 会议记录年月日记录不全。
  - title: 第二组
    items:
      - id: XX-03
        text: 会议记录由记录人签字。
        how: 查阅会议记录的签字栏。
        basis: [GC-XX]
        nature: 参考做法
      - id: XX-04
        text: 会议记录按本单位规定的格式书写。
        how: 对照本单位规定的格式（{{BDW-XX-1}}）查阅会议记录。
        basis: [BDW-XX-1]
        nature: 本单位要求
"""

UNIT = """\
full_name: 示例市某单位党委
short_name: 示例单位
example: true
superiors:
  industry: 示例行业上级党组
  local: 示例市直机关工委
adoption:
  title: 关于采用党建工作规范的通知
  number: 示党发〔2026〕1号
  issued: 2026-12-01
  effective: 2027-01-01
corrections_to: 党委办公室
adopted_version: "2026.11"
values:
  BDW-XX-1:
    - value: 示例格式甲
      from: 行业上级
      document: 示例行业记录规范
      number: 示行〔2025〕3号
    - value: 示例格式乙
      from: 地方党委
      document: 示例地方记录规范
adopts: [XX-03]
"""

FILES = {
    "index.md": "# 示例知识库\n\n首页。\n",
    "survey/problems.md": "# 发现的问题\n\n## WT-01 会议记录不规范 {#WT-01}\n\n说明。\n\n"
                          "### WT-01.1 年月日记录不全 {#WT-01.1}\n\n说明。\n",
    "survey/recommendations.md": "# 工作建议\n\n## JY-01 规范会议记录 {#JY-01}\n\n回应问题：[[WT-01]]。\n",
    # TH-02.2 and TH-03 are cited by generated pages (修订记录, 行业与地方要求对照).
    "survey/lessons.md": "# 体会\n\n## TH-01 要抓细节 {#TH-01}\n\n见 [[WT-01]]。\n\n## TH-02 制度 {#TH-02}\n\n"
                         "### TH-02.2 废改立 {#TH-02.2}\n\n说明。\n\n## TH-03 多重领导 {#TH-03}\n\n说明。\n\n"
                         "### TH-03.1 要求不一致 {#TH-03.1}\n\n说明。\n\n### TH-03.2 两个记录本 {#TH-03.2}\n\n说明。\n",
    "basis/regulations.md": "# 依据与法规\n\n### FG-ZB-12 支部工作条例第十二条：支委会 {#FG-ZB-12}\n\n"
                            "- **全称**：《中国共产党支部工作条例（试行）》\n\n"
                            "### FG-OLD-1 已停用的编号 {#FG-OLD-1 .kb-retired}\n\n本编号已停用，请改用 [[FG-ZB-12]]。\n\n"
                            "### BDW 本单位要求 {#BDW}\n\n由本单位填写。\n",
    "procedures/gc.md": """\
---
id: GC-XX
title: 示例规程
status: 参考文本
version: "1.0"
reviewed: 2026-11-26
owner: 党委组织部门
checklists: [QD-XX]
aliases: [示例]
changes:
  - date: 2026-11-26
    kind: 立
    note: 首次编写本规程。
---

# 示例规程 {#GC-XX}

## 工作步骤 {#steps}

### GC-XX-1 召开支委会 {#GC-XX-1}

- **责任人**：书记
- **依据**：[[FG-ZB-12]]
- **性质**：法规要求

### GC-XX-2 写全日期 {#GC-XX-2}

- **依据**：[[WT-01.1]]
- **性质**：调研建议

### GC-XX-3 按本单位格式记录 {#GC-XX-3}

格式：{{BDW-XX-1}}

- **依据**：[[BDW-XX-1]]
- **性质**：本单位要求
""",
    "checklists/01-xx.yml": CHECKLIST,
    "glossary/terms.yml": "- id: SY-01\n  term: 支委会\n  category: 组织生活\n  definition: 党支部委员会会议的简称。\n"
                          "  basis: [FG-ZB-12]\n",
    "glossary/retired.yml": "- term: 多头领导\n  use: 多重领导\n  reason: 调研报告原文用多重领导。\n",
    "basis/local-requirements.yml": "- id: BDW-XX-1\n  topic: 会议记录\n  question: 会议记录应采用什么格式？\n",
    "basis/releases.yml": "- version: \"2026.11\"\n  date: 2026-11-27\n  summary: 首次发布的参考文本。\n",
    "units/demo.yml": UNIT,
}


def write_tree(base: Path, changes: dict[str, str | bytes | None] | None = None) -> Path:
    """The fixture tree under base/docs with `changes` applied (None deletes a file); returns docs."""
    docs = base / "docs"
    for rel in SCHEMAS:
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "docs" / rel, docs / rel)
    files = {**FILES, **(changes or {})}
    for rel, content in files.items():
        if content is None:
            continue
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return docs


def problems_of(docs: Path, full: bool = False, unit: str | None = None) -> list[Problem]:
    """The problems `collect` (or `generate`, with full=True) reports for a tree; [] when it is valid."""
    try:
        if full:
            generate(docs, docs.parent, unit, downloads=False)
        else:
            collect(docs, docs.parent, unit)
    except KbError as exc:
        return exc.problems
    return []


def site_of(docs: Path, unit: str | None = None, downloads: bool = False) -> Site:
    """The generated site of a tree; PDF and Office downloads only when a test asks (they take seconds)."""
    return generate(docs, docs.parent, unit, downloads)


def one_problem(docs: Path, full: bool = False) -> Problem:
    found = problems_of(docs, full)
    assert len(found) == 1, "\n".join(map(str, found)) or "no problem reported"
    return found[0]
