"""The search synonym table: checked with Chinese messages (file, line, field, cause), shown on the glossary
page, and retired words never printed there as valid names."""

from __future__ import annotations

from kbtree import one_problem, problems_of, site_of

TABLE = "glossary/synonyms.yml"
SECOND_TERM = ("- id: SY-01\n  term: 支委会\n  category: 组织生活\n  definition: 党支部委员会会议的简称。\n"
               "  basis: [FG-ZB-12]\n- id: SY-02\n  term: 党小组会\n  category: 组织生活\n"
               "  definition: 党小组组织本组党员学习和议事的会议。\n")


def test_the_glossary_page_shows_the_table_and_no_retired_word_as_a_name(tree):
    site = site_of(tree({TABLE: "- use: 支委会\n  variants: [支委会议, 支部委员会会议]\n  note: 口头常用的说法\n"}))
    page = site.files["glossary/index.md"]
    assert "| 支委会 | 支委会议、支部委员会会议 | 口头常用的说法 |" in page
    # 多头领导 (retired.yml) is searchable as 多重领导 but named on the page only as retired.
    assert [line for line in page.splitlines() if "多头领导" in line] == ["| 多头领导（停用） | 多重领导 | 调研报告原文用多重领导。 |"]
    groups = {s.use: s.words for s in site.synonyms}
    assert groups["支委会"] == ["支委会", "支委会议", "支部委员会会议"]
    assert groups["多重领导"] == ["多重领导", "多头领导"]


def test_the_site_name_must_be_a_word_the_site_uses(tree):
    problem = one_problem(tree({TABLE: "# 同义词\n- use: 火星会议\n  variants: [火星会]\n"}))
    assert problem.file.endswith("docs/glossary/synonyms.yml") and problem.line == 2
    assert "本站名称" in problem.field and "火星会议" in problem.message and "没有出现" in problem.message


def test_two_glossary_terms_are_never_synonyms(tree):
    problem = one_problem(tree({"glossary/terms.yml": SECOND_TERM, TABLE: "- use: 支委会\n  variants: [党小组会]\n"}))
    assert "支委会" in problem.message and "党小组会" in problem.message and "不同的概念" in problem.message


def test_a_retired_word_belongs_in_retired_yml_only(tree):
    problem = one_problem(tree({TABLE: "- use: 支委会\n  variants: [多头领导]\n"}))
    assert "已停用" in problem.message and "多重领导" in problem.message and "retired.yml" in problem.message


def test_a_word_belongs_to_one_entry(tree):
    problem = one_problem(tree({TABLE: "- use: 支委会\n  variants: [支委会议]\n- use: 党支部委员会会议\n"
                                       "  variants: [支委会议]\n"}))
    assert problem.line == 3 and "支委会议" in problem.message and "第 1 条" in problem.message


def test_schema_errors_name_the_field(tree):
    found = problems_of(tree({TABLE: "- use: 支委会\n  variant: [支委会议]\n"}))
    assert found and all(p.file.endswith("synonyms.yml") for p in found)
    assert any("variants" in p.field + p.message for p in found), [str(p) for p in found]
