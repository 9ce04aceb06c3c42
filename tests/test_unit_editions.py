"""Unit editions in process: named local requirements, profiles, their errors, and what an edition renders.
Expected values come from the fixture texts in kbtree.py."""

from __future__ import annotations

import csv
import io

import pytest
from kbtree import UNIT, one_problem, problems_of, site_of

U = "units/demo.yml"


def edit(old: str, new: str, text: str = UNIT) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def test_reference_edition_leaves_requirements_open(tree):
    site = site_of(tree())
    local = site.files["basis/local.md"]
    assert "### BDW-XX-1 会议记录应采用什么格式？" in local and "未填写" in local and "尚有 **1** 项未填写" in local
    page = site.files["checklists/xx.md"]
    assert "\\_\\_\\_\\_\\_\\_](../basis/local.md#BDW-XX-1" in page  # the blank links to the requirement
    assert "示例格式甲" not in page
    assert "参考文本没有单位取值" in site.files["basis/dual.md"]


def test_unit_edition_fills_values_with_their_sources(tree):
    site = site_of(tree(), "demo")
    page = site.files["checklists/xx.md"]
    assert "行业上级：示例格式甲；地方党委：示例格式乙" in page and "两级要求不一致，见对照" in page
    dual = site.files["basis/dual.md"]
    assert "## BDW-XX-1 会议记录应采用什么格式？ {#BDW-XX-1}" in dual
    assert "| 行业上级 | 示例格式甲 | 示例行业记录规范（示行〔2025〕3号） |" in dual
    assert "| 地方党委 | 示例格式乙 | 示例地方记录规范 |" in dual
    local = site.files["basis/local.md"]
    assert "**行业上级**：示例格式甲（示例行业记录规范，示行〔2025〕3号）" in local and "已全部填写" in local
    versions = site.files["basis/versions.md"]
    assert "示例单位采用的是 2026.11 版" in versions and "此后参考文本没有变化" in versions


def test_adopted_suggestion_is_inspected_as_a_unit_requirement(tree):
    reference = site_of(tree()).files["checklists/xx.md"]
    unit = site_of(tree(), "demo").files["checklists/xx.md"]
    block = unit[unit.index("XX-03"):unit.index("XX-04")]
    assert "本单位要求</span><span class=\"kb-adopted\">（本单位采用的参考做法）" in block
    assert "不符合" in block
    assert "不符合" not in reference[reference.index("XX-03"):reference.index("XX-04")]


def test_unit_edition_csv_carries_values_and_adopted_nature(tree):
    from scripts.kb.export import FORMATS

    files = {d.path: d.content for d in FORMATS["csv"].render(site_of(tree(), "demo"))}
    rows = {r[3]: r for r in csv.reader(io.StringIO(files["checklists/xx.csv"].decode("utf-8-sig")))}
    assert rows["XX-03"][5] == "本单位要求（采用的参考做法）" and rows["XX-03"][6] == "符合／不符合／不适用"
    assert "行业上级：示例格式甲（示例行业记录规范，示行〔2025〕3号）；地方党委：示例格式乙（示例地方记录规范）" in rows["XX-04"][7]


def test_reference_edition_is_unchanged_by_profiles(tree, tmp_path):
    with_profiles = site_of(tree()).files
    without = site_of(tree({U: None})).files
    assert with_profiles == without


@pytest.mark.parametrize("old, new, message", [
    ("  BDW-XX-1:", "  BDW-XX-9:", "本单位要求「BDW-XX-9」不存在"),
    ("corrections_to: 党委办公室", "corrections_to: 党委办公室\nphone: 123", "未知字段「phone」"),
    ("full_name: 示例市某单位党委\n", "", "缺少必填字段「full_name」"),
    ("  issued: 2026-12-01", "  issued: 2026-02-30", "日期「2026-02-30」不存在"),
    ("    - value: 示例格式甲", "    - value: \"<b>示例</b>\"", "只能写纯文本"),
    ('adopted_version: "2026.11"', 'adopted_version: "2025.1"', "参考文本没有版本「2025.1」"),
    ("adopts: [XX-03]", "adopts: [XX-01]", "「XX-01」不是性质为调研建议或参考做法"),
    ("      from: 行业上级", "      from: 省委", "取值「省委」无效"),
])
def test_bad_profiles_are_named(tree, old, new, message):
    problem = one_problem(tree({U: edit(old, new)}))
    assert problem.file == "docs/units/demo.yml" and message in problem.message, problem


def test_two_profiles_with_the_same_full_name(tree):
    problem = one_problem(tree({"units/other.yml": UNIT}))
    assert "单位全称「示例市某单位党委」与" in problem.message


@pytest.mark.parametrize("name, message", [("units/Demo2.yml", "只能用小写字母"), ("units/notes.txt", "只能放单位设置文件")])
def test_bad_files_in_the_units_folder(tree, name, message):
    assert message in one_problem(tree({name: UNIT.replace("示例市某单位党委", "另一个示例单位党委")})).message


def test_unit_that_has_no_profile(tree):
    found = problems_of(tree(), unit="nowhere")
    assert any("没有单位代码为「nowhere」的单位设置文件" in p.message for p in found), found


def test_fill_in_of_an_undeclared_requirement(tree):
    from kbtree import CHECKLIST

    text = CHECKLIST.replace("（{{BDW-XX-1}}）", "（{{BDW-XX-7}}）")
    problem = one_problem(tree({"checklists/01-xx.yml": text}))
    assert "「BDW-XX-7」没有在 docs/basis/local-requirements.yml 中声明" in problem.message


def test_bare_blank_in_a_procedure_and_bare_bdw(tree):
    from kbtree import FILES

    text = FILES["procedures/gc.md"].replace("格式：{{BDW-XX-1}}", "格式：______").replace(
        "- **依据**：[[BDW-XX-1]]", "- **依据**：[[BDW]]")
    found = problems_of(tree({"procedures/gc.md": text}))
    assert any(p.field == "（填空）" for p in found) and any("不要只写 BDW" in p.message for p in found), found


def test_blanks_in_forms_are_fine(tree):
    form = ("---\nid: MB-XX\ntitle: 示例模板\nstatus: 参考文本\nversion: \"1.0\"\nreviewed: 2026-11-26\nowner: 组织部门\n"
            "changes:\n  - date: 2026-11-26\n    kind: 立\n    note: 首次编写本模板。\n---\n\n# 示例模板 {#MB-XX}\n\n姓名：______\n")
    assert problems_of(tree({"procedures/templates/form.md": form})) == []


def test_a_form_line_asking_for_a_unit_requirement_needs_an_id(tree):
    form = ("---\nid: MB-XX\ntitle: 示例模板\nstatus: 参考文本\nversion: \"1.0\"\nreviewed: 2026-11-26\nowner: 组织部门\n"
            "changes:\n  - date: 2026-11-26\n    kind: 立\n    note: 首次编写本模板。\n---\n\n# 示例模板 {#MB-XX}\n\n"
            "姓名：______\n\n格式按本单位要求：______\n")
    problem = one_problem(tree({"procedures/templates/form.md": form}))
    assert problem.line == 18 and problem.field == "（填空）"


# --- unit files are input too ------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["../demo", "../../etc/passwd", "demo/../demo", "/tmp/x", "Demo", "de mo"])
def test_unit_code_asked_for_is_never_a_path(tree, code):
    found = problems_of(tree(), unit=code)
    assert [(p.file, p.field) for p in found] == [("（构建参数）", "UNIT")], found
    assert f"单位代码「{code}」不对：只能用小写字母、数字和连字符" in found[0].message
    assert "docs/units/" not in found[0].message


@pytest.mark.parametrize("old, new, found", [
    ("    - value: 示例格式甲", "    - value: \"{{BDW-XX-1}}\"", "{{"),
    ("    - value: 示例格式甲", "    - value: \"见 [[WT-01]]\"", "[["),
    ("    - value: 示例格式甲", "    - value: \"[格式](http://example.com)\"", "]("),
    ("    - value: 示例格式甲", "    - value: \"![图](x.png)\"", "!["),
    ("short_name: 示例单位", "short_name: \"示例**单位**\"", "**"),
    ("corrections_to: 党委办公室", "corrections_to: \"党委办公室<script>\"", "<"),
])
def test_unit_values_with_markup_are_refused(tree, old, new, found):
    text = edit(old, new)
    problem = one_problem(tree({U: text}))
    assert problem.file == "docs/units/demo.yml" and f"「{found}」" in problem.message, problem
    assert problem.line == text[: text.index(new)].count("\n") + 1


@pytest.mark.parametrize("name", ["units/示例单位.yml", "units/demo two.yml", "units/-demo.yml", "units/demo.v2.yml"])
def test_unit_file_name_must_be_a_unit_code(tree, name):
    problem = one_problem(tree({name: UNIT.replace("示例市某单位党委", "另一个示例单位党委")}))
    assert problem.file == f"docs/{name}" and problem.field == "（文件名）"
    assert "只能用小写字母、数字和连字符" in problem.message and "文件名就是单位代码" in problem.message


@pytest.mark.parametrize("declared", ["format_version: 2", "format_version: 99", "schema_version: 3"])
def test_unit_file_of_a_newer_format_is_refused_whole(tree, declared):
    text = declared + "\nnew_field: 新格式才有的字段\n" + UNIT
    problem = one_problem(tree({U: text}))
    assert (problem.file, problem.line) == ("docs/units/demo.yml", 1)
    assert "本站程序只认识到第 1 版" in problem.message and "请先更新知识库程序" in problem.message
    assert problems_of(tree({U: text}), unit="demo")[0].message == problem.message


def test_unit_file_of_the_current_format(tree):
    assert problems_of(tree({U: "format_version: 1\n" + UNIT}), unit="demo") == []


def test_unit_value_key_in_wrong_form_points_at_the_key(tree):
    text = edit("  BDW-XX-1:", "  bdw-xx-1:")
    problem = one_problem(tree({U: text}))
    assert problem.line == text[: text.index("  bdw-xx-1:")].count("\n") + 1 and "「bdw-xx-1」" in problem.message
