"""Careless and hostile Markdown pages, front matter, file names and links, in process."""

from __future__ import annotations

import os

import pytest
from kbtree import FILES, one_problem, problems_of, site_of

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


# --- every [[ID]] the expander would link is checked, with its line ----------------------------------

@pytest.mark.parametrize("body, line", [
    ("```\n代码\n``` [[WT-99]]\n", 5),                  # not a closing fence: the block never closes
    ("````\n```\n````\n\n[[WT-99]]\n", 7),             # a shorter fence inside a longer one is code
    ("~~~\n```\n~~~\n\n[[WT-99]]\n", 7),               # ~~~ is closed by ~~~ only
    ("```\n没有结束的代码块 [[WT-99]]\n", 4),              # never closed: read as text
    ("- 列表\n\n    ```\n    代码\n```\n\n[[WT-99]]\n", 9),  # closed less indented: no code block
    ("| 甲 | 乙 |\n| --- | --- |\n| [[WT-99]] | 文字 |\n", 5),
    ("!!! note \"见 [[WT-99]]\"\n    正文。\n", 3),
    ("<div markdown=\"1\">\n依据 [[WT-99]]\n</div>\n", 4),
])
def test_unknown_reference_outside_real_code_blocks(tree, body, line):
    from scripts.kb.ids import expand_refs

    page = f"# 页面\n\n{body}"
    problem = one_problem(tree({"guide.md": page}))
    assert (problem.file, problem.line) == ("docs/guide.md", line), problem
    assert "引用了不存在的编号「WT-99」" in problem.message
    # The expander links what the check reads: a known ID on the same spot becomes a link.
    site = site_of(tree({"guide.md": page.replace("WT-99", "WT-01")}))
    assert "[WT-01](survey/problems.md#WT-01 " in expand_refs(page.replace("WT-99", "WT-01"), "guide.md", site.registry)


def test_references_in_real_code_blocks_stay_code(tree):
    from scripts.kb.ids import expand_refs

    page = "# 页面\n\n````\n```\n[[WT-99]]\n```\n````\n\n~~~\n[[WT-98]]\n~~~\n"
    docs = tree({"guide.md": page})
    assert problems_of(docs) == []
    assert expand_refs(page, "guide.md", site_of(docs).registry) == page


def test_html_after_a_fence_that_is_not_closed_where_it_seems(tree):
    page = "# 页面\n\n````\n```\n````\n\n<script>alert(1)</script>\n"
    problem = one_problem(tree({"guide.md": page}))
    assert problem.line == 7 and "<script>" in problem.message


def test_generated_page_citing_a_deleted_id(tree):
    # The 行业与地方要求对照 page cites the survey's lesson TH-03 (its template says so, not any source file).
    lessons = FILES["survey/lessons.md"].replace("## TH-03 多重领导 {#TH-03}\n\n说明。\n\n", "")
    found = problems_of(tree({"survey/lessons.md": lessons}), full=True)
    assert any(p.file == "docs/basis/dual.md（自动生成）" and "引用了不存在的编号「TH-03」" in p.message
               and "自动生成" in p.message for p in found), found


# --- pages that include other files (--8<--) ----------------------------------------------------

PART = "guide/part.md"


@pytest.mark.parametrize("include, line, message", [
    ('--8<-- "/etc/passwd"', 5, "在 docs/ 以外"),
    ('--8<-- "../mkdocs.yml"', 5, "在 docs/ 以外"),
    ('--8<-- "guide/../../../etc/hostname"', 5, "在 docs/ 以外"),
    ("-8<- '~/.ssh/id_rsa'", 5, "在 docs/ 以外"),
    ('  --8<-- "/etc/passwd:1:3"', 5, "在 docs/ 以外"),
    ('--8<-- "https://example.com/part.md"', 5, "不能从网址"),
    ('--8<-- "guide/missing.md"', 5, "找不到要插入的文件「guide/missing.md」"),
    ('--8<-- "checklists/01-xx.yml"', 5, "不是 Markdown 页面"),
    ('--8<-- "guide/part.md:nothing"', 5, "没有名为「nothing」的段落"),
    ('--8<-- " "', 5, "没有写要插入的文件名"),
    ("--8<--\nguide/part.md\n/etc/passwd\n--8<--", 7, "在 docs/ 以外"),
    ('```text\n--8<-- "/etc/passwd"\n```', 6, "在 docs/ 以外"),        # code blocks do not protect it
    ('> 引文\n>\n--8<-- "../../etc/passwd"', 7, "在 docs/ 以外"),
])
def test_page_includes_only_pages_inside_docs(tree, include, line, message):
    page = f"# 页面\n\n第一段。\n\n{include}\n"
    problem = one_problem(tree({"guide.md": page, PART: "# 片段\n\n片段正文。\n"}))
    assert (problem.file, problem.line, problem.field) == ("docs/guide.md", line, "（插入文件）"), problem
    assert message in problem.message, problem


def test_included_page_may_not_include_outside_files(tree):
    found = problems_of(tree({"guide.md": '# 页面\n\n--8<-- "guide/part.md"\n',
                              PART: '# 片段\n\n片段。\n\n--8<-- "/etc/passwd"\n'}))
    assert found and all(p.file == "docs/guide/part.md" and p.line == 5 for p in found), found


def test_block_include_left_open(tree):
    problem = one_problem(tree({"guide.md": "# 页面\n\n剪切线：\n\n--8<--\n\n后面的文字。\n"}))
    assert problem.line == 5 and "没有结束的“--8<--”" in problem.message


@pytest.mark.parametrize("include", ['--8<-- "guide/part.md"', '--8<-- "guide/part.md:2:3"', ";--8<-- \"/etc/passwd\"",
                                     '--8<-- "guide/part.md:intro"', "--8<--\nguide/part.md\n;/etc/passwd\n--8<--"])
def test_allowed_includes(tree, include):
    part = "# 片段\n\n--8<-- [start:intro]\n引言。\n--8<-- [end:intro]\n"
    assert problems_of(tree({"guide.md": f"# 页面\n\n{include}\n", PART: part})) == []


def test_include_of_a_page_with_references(tree):
    problem = one_problem(tree({"guide.md": '# 页面\n\n--8<-- "guide/part.md"\n', PART: "# 片段\n\n见 [[WT-01]]。\n"}))
    assert problem.line == 3 and "不会变成链接" in problem.message


def test_build_config_reads_snippets_only_inside_docs(tmp_path, monkeypatch):
    """Even past the check, the extension as mkdocs.yml configures it reads nothing outside docs/, from any folder."""
    import markdown
    from mkdocs.config import load_config
    from pymdownx.snippets import SnippetMissingError

    from scripts.dev.project_copy import ROOT

    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "decoy.md").write_text("不应读到\n", encoding="utf-8")
    conf = load_config(config_file=str(ROOT / "mkdocs.yml"))
    options = conf.mdx_configs["pymdownx.snippets"]
    md = markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": options})
    heading = (ROOT / "docs" / "index.md").read_text(encoding="utf-8").split("\n", 1)[0].lstrip("# ")
    assert heading in md.convert('--8<-- "index.md"')
    for path in ("../mkdocs.yml", "/etc/hostname", "decoy.md", "https://example.com/x.md"):
        with pytest.raises(SnippetMissingError):
            md.reset().convert(f'--8<-- "{path}"')
