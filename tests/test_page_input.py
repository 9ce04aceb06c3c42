"""Careless and hostile Markdown pages, front matter, file names and links, in process."""

from __future__ import annotations

import os

import pytest
from kbtree import FILES, one_problem, problems_of

from scripts.kb import config
from scripts.kb.errors import KbError

GC = "procedures/gc.md"


def edit(rel: str, old: str, new: str) -> dict[str, str]:
    assert old in FILES[rel], old
    return {rel: FILES[rel].replace(old, new, 1)}


def line_in(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


# --- live markup ---------------------------------------------------------------------------------

@pytest.mark.parametrize("title", ['"<img src=x onerror=alert(1)>"', '"<script>alert(1)</script>"', '"**粗**"'])
def test_markup_in_front_matter_title(tree, title):
    problem = one_problem(tree(edit(GC, "title: 示例规程", f"title: {title}")))
    assert (problem.file, problem.line) == ("docs/procedures/gc.md", 3) and "纯文本" in problem.message


def test_markup_in_front_matter_of_any_page(tree):
    page = "---\ntitle: 使用说明\naliases: [\"<b>帮助</b>\"]\n---\n\n# 使用说明\n"
    problem = one_problem(tree({"guide.md": page}))
    assert problem.line == 3 and problem.field == "「检索词」（aliases）"


@pytest.mark.parametrize("h1", ["# &lt;script&gt;alert(1)&lt;/script&gt;", "# <img src=x onerror=alert(1)>"])
def test_markup_in_a_heading_that_becomes_the_title(tree, h1):
    found = problems_of(tree({"guide.md": f"{h1}\n\n正文。\n"}))
    assert any(p.line == 1 and "标题" in p.message for p in found), found


@pytest.mark.parametrize("link", [
    "[点我](javascript:alert(1))", "[点我](JaVaScRiPt:alert(1))", "[点我](java%09script:alert(1))",
    "[点我](data:text/html;base64,PHNjcmlwdD4=)", "[点我](vbscript:msgbox)", "<javascript:alert(1)>",
    '<a href="javascript:alert(1)">点我</a>', '<a href="&#106;avascript:alert(1)">点我</a>',
    "![图](http://example.com/x.png)", '<img src="https://example.com/x.png">', "![图](//example.com/x.png)",
])
def test_active_or_outside_urls_are_refused(tree, link):
    page = f"# 页面\n\n第一段。\n\n见{link}。\n"
    problem = one_problem(tree({"guide.md": page}))
    assert (problem.file, problem.line) == ("docs/guide.md", 5), problem
    assert "链接" in problem.message or "外部网站" in problem.message


def test_reference_definition_with_javascript(tree):
    page = "# 页面\n\n见[说明][r]。\n\n[r]: javascript:alert(1)\n"
    assert one_problem(tree({"guide.md": page})).line == 5


@pytest.mark.parametrize("link", ["[邮件](mailto:djb@example.com)", "[原文](https://www.example.com/a.html)",
                                  "[规程](procedures/gc.md#GC-XX-1)", "[本节](#top)"])
def test_ordinary_links_are_allowed(tree, link):
    assert problems_of(tree({"guide.md": f"# 页面\n\n见{link}。\n"})) == []


@pytest.mark.parametrize("html", ["<script>alert(1)</script>", '<iframe src="x.html"></iframe>',
                                  '<p onclick="alert(1)">点</p>', '<object data="x.swf"></object>'])
def test_active_html_in_a_page(tree, html):
    problem = one_problem(tree({"guide.md": f"# 页面\n\n{html}\n"}))
    assert problem.line == 3


def test_code_blocks_may_show_markup(tree):
    page = "# 页面\n\n```html\n<script>alert(1)</script>\n[x](javascript:alert(1))\n```\n"
    assert problems_of(tree({"guide.md": page})) == []


# --- files from outside --------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["secret.md", "checklists/02-secret.yml"])
def test_symlink_outside_docs_is_refused_and_not_read(tree, tmp_path, name):
    secret = tmp_path / "outside.txt"
    secret.write_text("机密内容-不得发布\n- id: QD-ZZ\n", encoding="utf-8")
    docs = tree()
    os.symlink(secret, docs / name)
    found = problems_of(docs, full=True)
    assert any(p.file == f"docs/{name}" and "符号链接" in p.message for p in found), found
    assert not any("机密内容" in str(p) for p in found)


def test_symlinked_folder_outside_docs(tree, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "page.md").write_text("# 外部\n", encoding="utf-8")
    docs = tree()
    os.symlink(outside, docs / "linked")
    problem = one_problem(docs, full=True)
    assert problem.file == "docs/linked" and "符号链接" in problem.message


# --- pages that would vanish or overwrite ---------------------------------------------------------

@pytest.mark.parametrize("generated", ["basis/ids.md", "survey/matrix.md", "checklists/index.md", "checklists/xx.csv"])
def test_hand_written_file_at_a_generated_path(tree, generated):
    problem = one_problem(tree({generated: "# 手写\n"}), full=True)
    assert problem.file == f"docs/{generated}" and "自动生成" in problem.message


def test_pages_differing_only_in_case(tree):
    problem = one_problem(tree({"guide.md": "# 甲\n", "Guide.md": "# 乙\n"}), full=True)
    assert "大小写" in problem.message


# --- front matter of procedures -------------------------------------------------------------------

def test_procedure_without_front_matter(tree):
    body = FILES[GC].split("---\n", 2)[2]
    problem = one_problem(tree({GC: body}))
    assert problem.line == 1 and "必须以“---”开头的头部信息" in problem.message


def test_unclosed_front_matter(tree):
    text = FILES[GC].replace("\n---\n\n# 示例规程", "\n\n# 示例规程", 1)
    found = problems_of(tree({GC: text}))
    assert any(p.line == 1 and "没有结束的“---”" in p.message for p in found), found


@pytest.mark.parametrize("old, new, message", [
    ("owner: 党委组织部门\n", "", "缺少必填字段「owner」"),
    ("reviewed: 2026-11-26", "reviewed: 2026-11", "格式不对"),
    ("reviewed: 2026-11-26", "reviewed: 2026-02-30", "日期「2026-02-30」不存在"),
    ("status: 参考文本", "status: 试行", "取值「试行」无效"),
    ('version: "1.0"', "version: 1.0.0", "格式不对"),
    ("kind: 立", "kind: 删", "取值「删」无效"),
    ("note: 首次编写本规程。", "note: " + "长" * 300, "不能超过 200 个字"),
])
def test_bad_procedure_metadata(tree, old, new, message):
    problem = one_problem(tree(edit(GC, old, new)))
    assert problem.file == "docs/procedures/gc.md" and message in problem.message


@pytest.mark.parametrize("front, message", [("id: 12", "页面编号「12」不对"), ("aliases: 使用帮助", "应为文字列表")])
def test_bad_front_matter_on_any_page(tree, front, message):
    problem = one_problem(tree({"guide.md": f"---\n{front}\n---\n\n# 使用说明\n"}))
    assert problem.line == 2 and message in problem.message


def test_front_matter_bomb(tree):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True))
    found = problems_of(tree({"guide.md": f"---\n{bomb}---\n\n# 页\n"}))
    assert any("YAML 炸弹" in p.message for p in found), found


# --- references ---------------------------------------------------------------------------------

@pytest.mark.parametrize("ref, message", [("[[WT-99]]", "引用了不存在的编号「WT-99」"),
                                          ("[[WT_02]]", "引用格式不对"),
                                          ("[[FG-OLD-1]]", "已停用，请改用「FG-ZB-12」")])
def test_bad_reference_names_its_line(tree, ref, message):
    problem = one_problem(tree({"guide.md": f"# 页面\n\n第一段。\n\n另见 {ref}。\n"}))
    assert problem.line == 5 and message in problem.message


# --- nature and basis ---------------------------------------------------------------------------

@pytest.mark.parametrize("basis, nature, message", [
    ("[WT-01.1]", "法规要求", "法规依据（FG 编号）"),
    ("[FG-OLD-1]", "法规要求", "已停用"),
    ("[FG-ZB-12]", "调研建议", "调研问题或建议"),
    ("[FG-ZB-12]", "本单位要求", "本单位要求（BDW 编号）"),
    ("[FG-ZB-12]", "强制要求", "「强制要求」无效"),
])
def test_item_nature_must_fit_its_basis(tree, basis, nature, message):
    from kbtree import CHECKLIST

    text = CHECKLIST.replace("basis: [GC-XX]\n        nature: 参考做法", f"basis: {basis}\n        nature: {nature}")
    found = problems_of(tree({"checklists/01-xx.yml": text}))
    assert any(message in p.message for p in found), found


def test_item_without_nature(tree):
    from kbtree import CHECKLIST

    text = CHECKLIST.replace("        nature: 参考做法\n", "")
    problem = one_problem(tree({"checklists/01-xx.yml": text}))
    assert "没有写明要求的性质" in problem.message and "XX-03" in problem.field


def test_step_nature_must_fit_its_basis(tree):
    changes = edit(GC, "- **依据**：[[WT-01.1]]\n- **性质**：调研建议", "- **依据**：[[WT-01.1]]\n- **性质**：法规要求")
    problem = one_problem(tree(changes))
    assert problem.line == line_in(changes[GC], "- **依据**：[[WT-01.1]]") + 1 and "GC-XX-2" in problem.field


def test_step_without_nature(tree):
    problem = one_problem(tree(edit(GC, "- **性质**：调研建议\n", "")))
    assert "没有写明要求的性质" in problem.message and "GC-XX-2" in problem.field


# --- coverage -----------------------------------------------------------------------------------

def test_problem_without_checklist_item(tree):
    changes = edit("survey/problems.md", "说明。\n", "说明。\n\n## WT-02 新问题 {#WT-02}\n\n说明。\n")
    problem = one_problem(tree(changes))
    assert "调研问题「WT-02」没有任何检查项引用" in problem.message


def test_recommendation_without_problem(tree):
    problem = one_problem(tree(edit("survey/recommendations.md", "回应问题：[[WT-01]]。", "无。")))
    assert "建议「JY-01」没有链接到任何调研问题" in problem.message


# --- glossary -----------------------------------------------------------------------------------

def test_retired_term_still_a_glossary_term(tree):
    problem = one_problem(tree({"glossary/retired.yml": "- term: 支委会\n  use: 党支部委员会会议\n  reason: 测试用。\n"}))
    assert "仍是术语 SY-01 的写法" in problem.message


def test_glossary_definition_too_long_and_markup(tree):
    text = f"- id: SY-01\n  term: 支委会\n  category: 组织生活\n  definition: \"<b>{'长' * 400}</b>\"\n"
    problem = one_problem(tree({"glossary/terms.yml": text}))
    assert problem.line == 4 and "不能超过 300 个字" in problem.message


def test_unknown_glossary_category(tree):
    text = "- id: SY-01\n  term: 支委会\n  category: 其他\n  definition: 党支部委员会会议的简称。\n"
    assert "取值「其他」无效" in one_problem(tree({"glossary/terms.yml": text})).message


# --- options ------------------------------------------------------------------------------------

@pytest.mark.parametrize("options, message", [({"review_period_days": 0}, "1 到 3650"),
                                              ({"review_period_days": "365"}, "1 到 3650"),
                                              ({"chinese_search": "yes"}, "true 或 false"),
                                              ({"reveiw_days": 30}, "未知选项")])
def test_bad_options_are_named(options, message):
    with pytest.raises(KbError) as caught:
        config.load({"kb": options})
    assert message in caught.value.report()


def test_default_options():
    options = config.load({})
    assert options.review_period_days == 365 and options.chinese_search is True


def test_inline_code_may_show_markup(tree):
    page = "# 页面\n\n写成 `<script>alert(1)</script>` 或 ``[x](javascript:y)`` 都只是文字。\n"
    assert problems_of(tree({"guide.md": page})) == []
