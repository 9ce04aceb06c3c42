"""Bad checklist input is refused with a Chinese message naming file, line and field; nothing is written."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, run_build


def check(docs: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts.kb", "--docs", str(docs), "check"], cwd=ROOT,
                          capture_output=True, text=True)


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
    result = check(docs)
    assert result.returncode != 0, result.stdout
    for fragment in expected:
        assert fragment in result.stderr, f"{fragment!r} not in:\n{result.stderr}"
    return result.stderr


def test_real_data_passes(docs: Path):
    result = check(docs)
    assert result.returncode == 0, result.stderr
    assert "校验通过" in result.stdout


def test_yaml_syntax_error(docs: Path):
    edit(docs / "checklists/03-hj.yml", "basis: [WT-03.1, FG-XJ-3, FG-GW]", "basis: [WT-03.1, FG-XJ-3, FG-GW")
    refused(docs, "docs/checklists/03-hj.yml:", "YAML 语法错误")


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
    refused(docs, "编号「QD-HJ」重复")


def test_duplicate_key_in_one_mapping(docs: Path):
    edit(docs / "checklists/03-hj.yml", "        how: 查阅上级批复文件及收文登记。\n",
         "        how: 查阅上级批复文件及收文登记。\n        how: 第二个检查方法。\n")
    refused(docs, "docs/checklists/03-hj.yml:21：", "字段「how」", "重复出现键「how」", "第 20 行")


def test_unknown_basis_id(docs: Path):
    edit(docs / "checklists/03-hj.yml", "basis: [WT-03.1, FG-XJ-3, FG-GW]", "basis: [WT-09.9, FG-XJ-3]")
    refused(docs, "docs/checklists/03-hj.yml:12：", "HJ-01.basis", "依据编号「WT-09.9」不存在")


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
