"""Bad checklist input is refused with a Chinese message naming file, line and field; nothing is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, kb_check, run_build

from scripts.project_copy import copy_project


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    copy = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", copy)
    return copy


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def refused(docs: Path, *expected: str) -> str:
    result = kb_check(docs)
    assert result.returncode != 0, result.stdout
    for fragment in expected:
        assert fragment in result.stderr, f"{fragment!r} not in:\n{result.stderr}"
    return result.stderr


def test_real_data_passes(docs: Path):
    result = kb_check(docs)
    assert result.returncode == 0, result.stderr
    assert "校验通过" in result.stdout


def test_yaml_syntax_error(docs: Path):
    edit(docs / "checklists/03-hj.yml", "basis: [WT-03.1, FG-XJ-3, FG-GW]", "basis: [WT-03.1, FG-XJ-3, FG-GW")
    stderr = refused(docs, "docs/checklists/03-hj.yml:16：", "YAML 语法错误")
    # The IDs of the unreadable file are still reserved: no follow-on "unknown QD-HJ" elsewhere.
    assert "发现 1 处错误" in stderr, stderr


def test_missing_required_field(docs: Path):
    edit(docs / "checklists/03-hj.yml", "        how: 查阅上级批复文件及收文登记。\n", "")
    refused(docs, "docs/checklists/03-hj.yml:18：", "sections[1].items[2].how", "缺少必填字段「how」")


def test_wrong_type(docs: Path):
    edit(docs / "checklists/03-hj.yml", "basis: [WT-03.1, FG-XJ-3, FG-GW]", "basis: WT-03.1")
    refused(docs, "docs/checklists/03-hj.yml:15：", "sections[1].items[1].basis", "类型不对：应为列表")


def test_duplicate_item_id_in_one_file(docs: Path):
    edit(docs / "checklists/03-hj.yml", "id: HJ-02", "id: HJ-01")
    refused(docs, "docs/checklists/03-hj.yml:18：", "编号「HJ-01」重复")


def test_duplicate_item_id_across_files(docs: Path):
    edit(docs / "checklists/05-da.yml", "id: DA-01", "id: HJ-01")
    refused(docs, "docs/checklists/05-da.yml:12：", "编号「HJ-01」重复", "已在", "03-hj.yml 第 12 行")


def test_duplicate_checklist_id_across_files(docs: Path):
    edit(docs / "checklists/05-da.yml", "id: QD-DA", "id: QD-HJ")
    refused(docs, "docs/checklists/05-da.yml:1：", "编号「QD-HJ」重复", "03-hj.yml 第 1 行")


@pytest.mark.parametrize("name, message", [("10-hj.yml", "docs/checklists/03-hj.yml 使用"),
                                           ("11-index.yml", "为生成页面保留")])
def test_file_names_that_would_replace_a_page(docs: Path, name: str, message: str):
    (docs / "checklists" / name).write_text((docs / "checklists/05-da.yml").read_text(encoding="utf-8"),
                                           encoding="utf-8")
    refused(docs, f"docs/checklists/{name}", message)


def test_multi_line_text_is_refused(docs: Path):
    edit(docs / "checklists/03-hj.yml", "        text: 任期届满前已向上级党组织报送换届请示。",
         "        text: >-\n          任期届满前已向上级\n\n          党组织报送换届请示。")
    refused(docs, "docs/checklists/03-hj.yml:13：", "sections[1].items[1].text", "只写一行")


def test_blanks_of_underscores_are_plain_text(docs: Path):
    edit(docs / "checklists/03-hj.yml", "        how: 查阅上级批复文件及收文登记。",
         "        how: 查阅上级批复文件（文号____）及收文登记。")
    assert kb_check(docs).returncode == 0


def test_duplicate_key_in_one_mapping(docs: Path):
    edit(docs / "checklists/03-hj.yml", "        how: 查阅上级批复文件及收文登记。\n",
         "        how: 查阅上级批复文件及收文登记。\n        how: 第二个检查方法。\n")
    refused(docs, "docs/checklists/03-hj.yml:21：", "字段「how」", "重复出现键「how」", "第 20 行")


def test_unknown_basis_id(docs: Path):
    edit(docs / "checklists/03-hj.yml", "basis: [WT-03.1, FG-XJ-3, FG-GW]", "basis: [WT-09.9, FG-XJ-3]")
    refused(docs, "docs/checklists/03-hj.yml:15：", "HJ-01.basis", "依据编号「WT-09.9」不存在")


def test_empty_checklist_sections(docs: Path):
    path = docs / "checklists/05-da.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("sections:")] + "sections: []\n", encoding="utf-8")
    refused(docs, "docs/checklists/05-da.yml:", "sections", "不能为空")


def test_empty_checklist_file(docs: Path):
    (docs / "checklists/empty.yml").write_text("", encoding="utf-8")
    refused(docs, "docs/checklists/empty.yml", "文件为空")


def test_file_not_utf8(docs: Path):
    path = docs / "checklists/03-hj.yml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    refused(docs, "docs/checklists/03-hj.yml:2：", "不是 UTF-8 编码")


@pytest.mark.parametrize("markup", ["<script>alert(1)</script>", "**加粗**", "[链接](http://example.com)",
                                    "<img src=x onerror=alert(1)>"])
def test_markup_in_text_field(docs: Path, markup: str):
    edit(docs / "checklists/03-hj.yml", "text: 任期届满前已向上级党组织报送换届请示。",
         f"text: \"任期届满前已报送请示{markup}。\"")
    refused(docs, "docs/checklists/03-hj.yml:13：", "sections[1].items[1].text", "HTML 或 Markdown 标记")


def test_all_errors_are_listed_at_once(docs: Path):
    edit(docs / "checklists/03-hj.yml", "basis: [WT-03.1, FG-XJ-3, FG-GW]", "basis: [WT-09.9]")
    edit(docs / "checklists/05-da.yml", "mode: DO-CONFIRM", "mode: CHECK")
    stderr = refused(docs, "docs/checklists/03-hj.yml", "docs/checklists/05-da.yml", "取值「CHECK」无效")
    assert "发现 2 处错误" in stderr


def test_failed_build_leaves_earlier_site_untouched(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("上一次成功构建的网站", encoding="utf-8")
    edit(project / "docs/checklists/03-hj.yml", "id: HJ-02", "id: HJ-01")
    result = run_build(project, site)
    assert result.returncode != 0
    assert "编号「HJ-01」重复" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "上一次成功构建的网站"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def test_broken_link_fails_strict_build_and_keeps_site(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("旧网站", encoding="utf-8")
    with (project / "docs/guide/index.md").open("a", encoding="utf-8") as page:
        page.write("\n[坏链接](../survey/problems.md#no-such-anchor)\n")
    result = run_build(project, site)
    assert result.returncode != 0
    assert "no-such-anchor" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "旧网站"


def test_glossary_errors(docs: Path):
    edit(docs / "glossary/terms.yml", "id: SY-02", "id: SY-01")
    edit(docs / "glossary/terms.yml", "basis: [FG-ZB]", "basis: [FG-XX]")
    refused(docs, "docs/glossary/terms.yml:", "编号「SY-01」重复", "依据编号「FG-XX」不存在")


def test_markup_in_glossary_definition(docs: Path):
    path = docs / "glossary/terms.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("definition:")
    path.write_text(text[:start] + "definition: 含有<b>标记</b>的释义文字。" + text[text.index("\n", start):],
                    encoding="utf-8")
    refused(docs, "docs/glossary/terms.yml:", ".definition", "HTML 或 Markdown 标记")


@pytest.mark.parametrize("ref, message", [("[[WT-99]]", "引用了不存在的编号「WT-99」"),
                                          ("[[WT_02]]", "引用格式不对")])
def test_bad_reference_in_a_page_names_its_line(docs: Path, ref: str, message: str):
    page = docs / "procedures/huanjie.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    target = next(n for n, line in enumerate(lines) if line.startswith("## 常见问题"))
    lines.insert(target + 1, f"\n另见 {ref}。")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    refused(docs, f"docs/procedures/huanjie.md:{target + 3}：", message)


@pytest.mark.parametrize("front, message", [("id: 12", "页面编号「12」不对"),
                                            ("aliases: 使用帮助", "应为文本列表")])
def test_bad_front_matter_on_any_page(docs: Path, front: str, message: str):
    page = docs / "guide/index.md"
    page.write_text(f"---\n{front}\n---\n\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    refused(docs, "docs/guide/index.md:2：", message)


def test_empty_front_matter_keeps_the_page(docs: Path):
    page = docs / "survey/source.md"
    page.write_text("---\n# 只有注释\n---\n\n另见 [[WT-99]]。\n" + page.read_text(encoding="utf-8"),
                    encoding="utf-8")
    refused(docs, "docs/survey/source.md:5：", "引用了不存在的编号「WT-99」")
