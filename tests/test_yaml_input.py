"""Careless and hostile checklist YAML, in process: each case names file, line, field and cause in Chinese,
and never a traceback, a Python repr or the parser's English text."""

from __future__ import annotations

import re
import resource
import threading

import pytest
from kbtree import CHECKLIST, one_problem, problems_of

CL = "checklists/01-xx.yml"
SHOWN = "docs/checklists/01-xx.yml"


def edit(old: str, new: str, text: str = CHECKLIST) -> str:
    assert old in text, f"fixture text not found: {old!r}"
    return text.replace(old, new, 1)


def line_of(text: str, fragment: str) -> int:
    """1-based line of a fragment in a literal text: the expectation comes from the input, not the code."""
    return text[: text.index(fragment)].count("\n") + 1


def assert_plain_chinese(message: str) -> None:
    assert not re.search(r"Traceback|Error\b|\[\d+\]|'[a-z_]+'|mapping values|could not|expected", message), message
    assert re.search(r"[\u4e00-\u9fff]", message)


def test_fixture_tree_is_valid(tree):
    assert problems_of(tree(), full=True) == []


# --- syntax: the line where the mistake starts, the cause in words -------------------------------------

def test_unclosed_quote_points_where_it_opens(tree):
    text = edit('how: 查阅会议记录的日期栏。', 'how: "查阅会议记录的日期栏。')
    problem = one_problem(tree({CL: text}))
    assert (problem.file, problem.line) == (SHOWN, line_of(text, '"查阅会议记录'))
    assert f"第 {problem.line} 行的引号没有配对" in problem.message
    assert_plain_chinese(problem.message)


def test_unclosed_bracket_points_where_it_opens(tree):
    text = edit("basis: [WT-01.1]\n        nature: 调研建议", "basis: [WT-01.1\n        nature: 调研建议")
    problem = one_problem(tree({CL: text}))
    assert problem.line == line_of(text, "basis: [WT-01.1\n")
    assert "方括号" in problem.message


def test_full_width_colon_is_named(tree):
    text = edit("how: 查阅会议记录的签字栏。", "how：查阅会议记录的签字栏。")
    problem = one_problem(tree({CL: text}))
    assert problem.line == line_of(text, "how：")
    assert f"第 {problem.line} 行使用了全角冒号" in problem.message


def test_full_width_space_indent_is_named(tree):
    text = edit("        how: 查阅会议记录的签字栏。", "\u3000\u3000how: 查阅会议记录的签字栏。")
    problem = one_problem(tree({CL: text}))
    assert problem.line == line_of(text, "\u3000\u3000how")
    assert "全角空格缩进" in problem.message


def test_tab_indent_is_named(tree):
    text = edit("        how: 查阅会议记录的签字栏。", "\t\thow: 查阅会议记录的签字栏。")
    problem = one_problem(tree({CL: text}))
    assert problem.line == line_of(text, "\t\thow")
    assert "Tab 键缩进" in problem.message


@pytest.mark.parametrize("old, new", [
    ("        how: 查阅会议记录的签字栏。", "       how: 查阅会议记录的签字栏。"),      # one space short
    ("  - title: 第二组", "  - title: 第二组: 组"),                                    # a colon in plain text
    ("mode: DO-CONFIRM", "mode: DO-CONFIRM\n  extra: 1"),                             # bad nesting
])
def test_other_syntax_errors_are_plain_chinese(tree, old, new):
    problem = one_problem(tree({CL: edit(old, new)}))
    assert problem.file == SHOWN and problem.line is not None
    assert problem.field == "（YAML 格式）"
    assert_plain_chinese(problem.message)
    assert problem.detail  # the English text is kept for --verbose


def test_python_tag_is_a_forbidden_tag(tree):
    text = edit("title: 示例检查清单", "title: !!python/object/apply:os.system [echo hacked]")
    problem = one_problem(tree({CL: text}))
    assert problem.line == line_of(text, "!!python")
    assert "不允许的 YAML 标签" in problem.message and "!!python/object/apply:os.system" in problem.message


# --- encodings and line ends -----------------------------------------------------------------------

def test_utf8_bom_and_crlf_keep_working(tree):
    raw = ("\ufeff" + CHECKLIST.replace("\n", "\r\n")).encode("utf-8")
    assert problems_of(tree({CL: raw}), full=True) == []


def test_utf16_is_named_as_utf16(tree):
    problem = one_problem(tree({CL: CHECKLIST.encode("utf-16")}))
    assert "UTF-16" in problem.message and "GBK" not in problem.message


def test_gbk_is_named_with_its_line(tree):
    raw = CHECKLIST.encode("gbk")
    problem = one_problem(tree({CL: raw}))
    assert problem.line == 2 and "不是 UTF-8" in problem.message


# --- invisible and control characters --------------------------------------------------------------

@pytest.mark.parametrize("char, name", [("\u200b", "零宽空格"), ("\x1b", "转义字符 ESC"), ("\x00", "空字符 NUL"),
                                        ("\u202e", "RIGHT-TO-LEFT OVERRIDE"), ("\ufeff", "字节顺序标记")])
def test_raw_invisible_characters_are_named(tree, char, name):
    text = edit("text: 会议记录由记录人签字。", f"text: 会议记录由记录人签字。{char}")
    problem = one_problem(tree({CL: text}))
    assert problem.line == line_of(text, "text: 会议记录由记录人签字。")
    assert name in problem.message and "末尾" in problem.message


@pytest.mark.parametrize("escape, name", [(r"\e", "ESC"), (r"\0", "NUL"), (r"\u200b", "零宽空格")])
def test_escaped_control_characters_are_refused(tree, escape, name):
    text = edit("text: 会议记录由记录人签字。", f'text: "会议记录由{escape}记录人签字。"')
    problem = one_problem(tree({CL: text}))
    assert problem.line == line_of(text, "text: \"会议记录由")
    assert name in problem.message


def test_zero_width_space_inside_a_basis_id_is_named(tree):
    text = edit("basis: [WT-01.1]\n        nature: 调研建议", "basis: [WT-01.1\u200b]\n        nature: 调研建议")
    problem = one_problem(tree({CL: text}))
    assert "「WT-01.1」末尾有一个看不见的零宽空格" in problem.message


def test_full_width_hyphen_in_an_id_is_named(tree):
    text = edit("id: XX-03", "id: XX－03")
    found = problems_of(tree({CL: text}))
    assert any("全角字符「－」" in p.message and p.line == line_of(text, "id: XX－03") for p in found), found


# --- structure: readable field paths and types -----------------------------------------------------

def test_field_paths_read_as_people_count(tree):
    text = edit("basis: [FG-ZB-12, WT-01.1]", "basis: [FG-ZB-12, 12]")
    problem = one_problem(tree({CL: text}))
    assert problem.field == "第 1 组第 1 项的「依据」（basis）第 2 个"
    assert "应为一段文字，实际是一个数字（12）" in problem.message


def test_wrong_type_is_said_in_words(tree):
    text = edit("how: 查阅会议记录的签字栏。", "how: [查阅, 记录]")
    problem = one_problem(tree({CL: text}))
    assert problem.field == "第 2 组第 1 项的「检查方法」（how）"
    assert "应为一段文字，实际是一个列表（2 项）" in problem.message


def test_missing_required_field(tree):
    text = edit("        how: 查阅会议记录的签字栏。\n", "")
    problem = one_problem(tree({CL: text}))
    assert problem.line == line_of(text, "      - id: XX-03")
    assert problem.field == "第 2 组第 1 项的「检查方法」（how）" and "缺少必填字段「how」" in problem.message


def test_unknown_field(tree):
    text = edit("        nature: 参考做法", "        nature: 参考做法\n        note: 多余")
    problem = one_problem(tree({CL: text}))
    assert "未知字段「note」" in problem.message


def test_duplicate_key(tree):
    text = edit("        how: 查阅会议记录的签字栏。\n", "        how: 查阅会议记录的签字栏。\n        how: 第二个。\n")
    problem = one_problem(tree({CL: text}))
    assert problem.line == line_of(text, "        how: 第二个。")
    assert "重复出现键「how」" in problem.message and f"第 {problem.line - 1} 行" in problem.message


def test_mixed_type_keys_do_not_crash(tree):
    text = edit("        nature: 参考做法", "        nature: 参考做法\n        1: 数字键\n        yes: 是")
    found = problems_of(tree({CL: text}))
    assert any("未知字段" in p.message and "1" in p.message for p in found), found


def test_markdown_link_reference_pasted_as_key(tree):
    text = edit("        nature: 参考做法", "        nature: 参考做法\n        [JY-02]: 见建议二")
    found = problems_of(tree({CL: text}))
    assert any("列表或映射" in p.message and p.line == line_of(text, "[JY-02]") for p in found), found


# A file that holds no checklist cannot reserve QD-XX, so the procedure naming it reports that too.
def test_top_level_list_instead_of_mapping(tree):
    found = problems_of(tree({CL: "- 甲\n- 乙\n"}))
    assert any(p.file == SHOWN and p.line == 1 and "应为一组“键: 值”，实际是一个列表（2 项）" in p.message
               for p in found), found


def test_empty_file(tree):
    assert any(p.file == SHOWN and "文件为空" in p.message for p in problems_of(tree({CL: ""})))


# --- limits: long text, big files, alias bombs ----------------------------------------------------

@pytest.mark.parametrize("field, limit", [("text", 80), ("how", 100), ("common_issue", 120)])
def test_length_limits_say_the_limit(tree, field, limit):
    long = "很长的文字" * 40
    text = edit("text: 会议记录写全年、月、日。", "text: 会议记录写全年、月、日。" if field != "text" else f"text: {long}")
    text = edit("how: 查阅会议记录的日期栏。", f"how: {long}", text) if field == "how" else text
    text = edit("common_issue: 会议记录年月日记录不全。", f"common_issue: {long}", text) if field == "common_issue" else text
    problem = one_problem(tree({CL: text}))
    assert f"不能超过 {limit} 个字" in problem.message and "共 200 个字" in problem.message
    assert long not in str(problem)  # the value is not echoed in full


def test_huge_file_is_refused_before_parsing(tree):
    text = CHECKLIST + "# " + "长" * 300_000 + "\n"
    assert "文件过大" in one_problem(tree({CL: text})).message


BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True))


def test_alias_bomb_is_refused_with_small_memory(tree):
    docs = tree({CL: BOMB})
    result: dict = {}

    def run():
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        result["problems"] = problems_of(docs)
        result["grown_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "the bomb was expanded"
    assert any(p.file == SHOWN and "YAML 炸弹" in p.message for p in result["problems"]), result["problems"]
    assert result["grown_kb"] < 50_000


# --- IDs, references and files --------------------------------------------------------------------

def test_unknown_basis_id(tree):
    text = edit("basis: [GC-XX]", "basis: [WT-09.9]")
    problem = one_problem(tree({CL: text}))
    assert problem.line == line_of(text, "basis: [WT-09.9]") and "依据编号「WT-09.9」不存在" in problem.message


def test_retired_basis_id_names_its_successor(tree):
    text = edit("basis: [GC-XX]", "basis: [FG-OLD-1]")
    problem = one_problem(tree({CL: text}))
    assert "「FG-OLD-1」已停用，请改用「FG-ZB-12」" in problem.message


def test_duplicate_item_id(tree):
    text = edit("id: XX-02", "id: XX-01")
    problem = one_problem(tree({CL: text}))
    assert problem.line == line_of(text, "id: XX-01\n        text: 会议记录写全") and "编号「XX-01」重复" in problem.message


def test_ids_of_a_broken_file_stay_reserved(tree):
    # The file does not parse; the procedure that names QD-XX must not get a second, misleading error.
    found = problems_of(tree({CL: edit("how: 查阅会议记录的日期栏。", 'how: "查阅')}))
    assert len(found) == 1, found


@pytest.mark.parametrize("name", ["09-XX.yml", "09-Xx.yaml"])
def test_names_differing_only_in_case_are_refused(tree, name):
    other = CHECKLIST.replace("QD-XX", "QD-YY").replace("XX-0", "YY-0").replace("procedure: GC-XX\n", "")
    problem = one_problem(tree({f"checklists/{name}": other}))
    assert problem.file == f"docs/checklists/{name}" and "大小写" in problem.message


# One rule for data files: .yml. A .yaml file is refused by name, and says what to rename it to.
@pytest.mark.parametrize("name", ["checklists/01-xx.yaml", "units/demo.yaml", "glossary/terms.yaml", "basis/extra.yaml"])
def test_yaml_extension_is_refused_with_the_new_name(tree, name):
    from kbtree import FILES

    # A list or a unit saved as .yaml instead of .yml; a stray copy beside the glossary, which nothing would read.
    moved = {name[:-5] + ".yml": None} if name.startswith(("checklists/", "units/")) else {}
    problem = one_problem(tree({**moved, name: FILES.get(name[:-5] + ".yml", CHECKLIST)}), full=True)
    stem = name.rsplit("/", 1)[1][:-5]
    assert (problem.file, problem.field) == (f"docs/{name}", "（文件名）"), problem
    assert f"请把「{stem}.yaml」改名为「{stem}.yml」" in problem.message and "一律用 .yml" in problem.message


def test_same_list_as_yml_and_yaml(tree):
    problem = one_problem(tree({"checklists/01-xx.yaml": CHECKLIST}))
    assert problem.file == "docs/checklists/01-xx.yaml"
    assert "同一份清单同时存为 docs/checklists/01-xx.yml 和 docs/checklists/01-xx.yaml" in problem.message
    assert "请删除这个 .yaml 文件" in problem.message


@pytest.mark.parametrize("name, shown", [("checklists/09-x x.yml", "09-x x.yml"), ("checklists/09-换届.yml", "09-换届.yml"),
                                         ("guide/使用 说明.md", "使用 说明.md"), ("assets/图 1.png", "图 1.png"),
                                         ("guide/a#b.md", "a#b.md"), ("guide/a%20b.md", "a%20b.md"),
                                         ("checklists/说明 图.png", "说明 图.png")])
def test_file_names_that_would_become_broken_addresses(tree, name, shown):
    content = (CHECKLIST.replace("QD-XX", "QD-YY").replace("XX-0", "YY-0").replace("procedure: GC-XX\n", "")
               if name.endswith(".yml") else b"\x89PNG" if name.endswith(".png") else "# \u9875\n")
    problem = one_problem(tree({name: content}), full=True)
    assert (problem.file, problem.field) == (f"docs/{name}", "（文件名）"), problem
    assert f"文件名「{shown}」不能用" in problem.message
    assert "只能用英文字母、数字、连字符“-”、下划线“_”和点“.”" in problem.message


def test_folder_name_with_chinese_is_named_once(tree):
    problem = one_problem(tree({"工作指南/a.md": "# 甲\n", "工作指南/b.md": "# 乙\n"}), full=True)
    assert problem.file == "docs/工作指南" and "文件夹名「工作指南」不能用" in problem.message


@pytest.mark.parametrize("slug", ["index", "all-items", "print-all"])
def test_reserved_names(tree, slug):
    problem = one_problem(tree({f"checklists/02-{slug}.yml": CHECKLIST}))
    assert "为生成页面保留" in problem.message


def test_all_errors_are_listed_at_once(tree):
    text = edit("mode: DO-CONFIRM", "mode: CHECK")
    text = edit("updated: 2026-11-26", "updated: 2026-02-30", text)
    found = problems_of(tree({CL: text, "glossary/terms.yml": "- id: SY-1\n  term: 甲\n"}))
    files = {p.file for p in found}
    assert files == {SHOWN, "docs/glossary/terms.yml"}, found


def test_invalid_date(tree):
    problem = one_problem(tree({CL: edit("updated: 2026-11-26", "updated: 2026-02-30")}))
    assert "日期「2026-02-30」不存在" in problem.message


@pytest.mark.parametrize("markup", ["<script>alert(1)</script>", "**加粗**", "[链接](http://example.com)",
                                    "<img src=x onerror=alert(1)>", "a < b"])
def test_markup_in_any_text_field(tree, markup):
    text = edit("text: 会议记录由记录人签字。", f'text: "会议记录{markup}"')
    problem = one_problem(tree({CL: text}))
    assert problem.field == "第 2 组第 1 项的「检查内容」（text）" and "只能写纯文本" in problem.message


def test_markup_in_aliases(tree):
    text = edit("aliases: [支委会次数]", 'aliases: ["<b>支委会</b>"]')
    problem = one_problem(tree({CL: text}))
    assert problem.field == "第 1 组第 1 项的「检索词」（aliases）第 1 个"


def test_blanks_of_underscores_are_not_markup_but_need_a_requirement_id(tree):
    text = edit("how: 查阅会议记录的签字栏。", "how: 查阅会议记录（文号____）的签字栏。")
    problem = one_problem(tree({CL: text}))
    assert problem.line == line_of(text, "how: 查阅会议记录（文号") and "{{BDW-…}}" in problem.message
    assert "标记" not in problem.message


# --- messages point at the line where the author must act, and name the cause ---------------------------

def test_alias_bomb_names_the_line_where_anchors_start(tree):
    text = CHECKLIST + "extra:\n" + "".join("  " + line + "\n" for line in BOMB.splitlines())
    problem = one_problem(tree({CL: text}))
    assert problem.line == line_of(text, "  a: &a [x,")
    assert f"第 {problem.line} 行起使用了锚点（&名称）和引用（*名称）" in problem.message
    assert "YAML 炸弹" in problem.message and "不需要锚点和引用" in problem.message


def test_unknown_keys_are_named_each_at_its_own_line(tree):
    text = edit("        nature: 参考做法", "        nature: 参考做法\n        1: 数字键\n        yes: 是")
    found = problems_of(tree({CL: text}))
    assert [(p.line, p.message) for p in found] == [(line_of(text, "        1: 数字键"), "未知字段「1」（拼写错误？）"),
                                                    (line_of(text, "        yes: 是"), "未知字段「yes」（拼写错误？）")]
    assert all(p.field == "第 2 组第 1 项" for p in found)


def test_duplicate_key_leads_with_the_second_and_names_the_first(tree):
    text = edit("title: 示例检查清单\n", "title: 示例检查清单\n\ntitle: 另一个标题\n")
    problem = one_problem(tree({CL: text}))
    assert problem.line == line_of(text, "title: 另一个标题")
    assert str(problem).startswith(f"docs/checklists/01-xx.yml 第 {problem.line} 行")
    assert "重复出现键「title」：第 2 行已经写过一次" in problem.message


def test_duplicate_id_leads_with_the_second_and_names_the_first(tree):
    text = edit("id: XX-03", "id: XX-01")
    problem = one_problem(tree({CL: text}))
    assert problem.line == line_of(text, "id: XX-01\n        text: 会议记录由记录人签字")
    assert problem.field == "「编号」（id）"
    assert f"编号「XX-01」重复：本文件第 {line_of(text, 'id: XX-01')} 行已经用过这个编号" in problem.message


def test_duplicate_page_id_points_at_its_id_line(tree):
    page = "---\ntitle: 另一份示例规程\naliases: [乙]\nid: GC-XX\n---\n\n# 另一份\n"
    found = problems_of(tree({"procedures/zz.md": page}))
    assert any(p.file == "docs/procedures/zz.md" and p.line == 4 and "编号「GC-XX」重复" in p.message
               and "docs/procedures/gc.md 第 2 行已经用过" in p.message for p in found), found


def test_raw_nul_is_called_an_invisible_control_character(tree):
    text = edit("text: 会议记录由记录人签字。", "text: 会议记录由\x00记录人签字。")
    problem = one_problem(tree({CL: text}))
    assert problem.line == line_of(text, "text: 会议记录由")
    assert "看不见的控制字符「空字符 NUL」（U+0000）" in problem.message


def test_many_nul_bytes_are_not_called_utf16(tree):
    text = edit("text: 会议记录由记录人签字。", "text: 会议记录由记录人签字。" + "\x00" * 4000)
    problem = one_problem(tree({CL: text}))
    assert "UTF-16" not in problem.message and "控制字符「空字符 NUL」" in problem.message
    assert problem.line == line_of(text, "text: 会议记录由")


def test_utf16_without_bom_is_still_named(tree):
    problem = one_problem(tree({CL: CHECKLIST.encode("utf-16-le")}))
    assert "UTF-16" in problem.message


def test_zero_width_space_inside_a_basis_id_names_the_field(tree):
    text = edit("basis: [WT-01.1]\n        nature: 调研建议", "basis: [WT-01.1\u200b]\n        nature: 调研建议")
    problem = one_problem(tree({CL: text}))
    assert problem.line == line_of(text, "basis: [WT-01.1\u200b]")
    assert problem.field == "第 1 组第 2 项的「依据」（basis）第 1 个"
    assert "「WT-01.1」末尾有一个看不见的零宽空格" in problem.message


def test_zero_width_space_in_a_key_is_named_not_called_unknown(tree):
    text = edit("how: 查阅会议记录的签字栏。", "how\u200b: 查阅会议记录的签字栏。")
    problem = one_problem(tree({CL: text}))
    assert problem.line == line_of(text, "how\u200b:") and problem.field == "第 2 组第 1 项"
    assert "键「how」末尾有一个看不见的零宽空格" in problem.message and "未知字段" not in problem.message


def test_data_files_refuse_references_and_fill_ins(tree):
    text = edit("text: 会议记录由记录人签字。", "text: 会议记录由记录人签字（见 [[WT-01]]）。")
    problem = one_problem(tree({CL: text}))
    assert problem.field == "第 2 组第 1 项的「检查内容」（text）" and "文字中含有「[[」" in problem.message
    assert "不起作用" in problem.message
