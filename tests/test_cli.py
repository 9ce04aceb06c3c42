"""The command line end to end (`make check`, exports), and the last-resort handler."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT
from kbtree import CHECKLIST, problems_of


def kb(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts.kb", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_check_passes_on_a_valid_tree(tree):
    result = kb("--docs", str(tree()), "check")
    assert result.returncode == 0, result.stderr
    assert "校验通过：1 份清单、4 个检查项" in result.stdout


def test_check_reports_every_problem_in_chinese_and_exits_1(tree):
    broken = CHECKLIST.replace('how: 查阅会议记录的日期栏。', 'how: "查阅会议记录的日期栏。')
    docs = tree({"checklists/01-xx.yml": broken, "glossary/terms.yml": "- id: SY-1\n  term: 甲\n"})
    result = kb("--docs", str(docs), "check")
    assert result.returncode == 1
    line = broken[: broken.index('how: "查阅')].count("\n") + 1
    assert result.stderr.startswith("发现 ") and f"docs/checklists/01-xx.yml 第 {line} 行" in result.stderr
    assert "Traceback" not in result.stderr and "while scanning" not in result.stderr
    verbose = kb("--docs", str(docs), "--verbose", "check")
    assert "解析器原文" in verbose.stderr and "while scanning a quoted scalar" in verbose.stderr


def test_export_verify_reads_every_file_back(tree, tmp_path):
    out = tmp_path / "out"
    result = kb("--docs", str(tree()), "export", "--format", "csv", "--verify", str(out))
    assert result.returncode == 0, result.stderr
    assert "checklists/xx.csv：读回 4 项，一致" in result.stdout
    assert (out / "checklists" / "all-items.csv").exists()


def test_unforeseen_failure_becomes_internal_error_with_the_file(tree, monkeypatch):
    from scripts.kb import checklists

    def explode(*args, **kwargs):
        raise ValueError("unforeseen")

    monkeypatch.setattr(checklists, "load_checklist", explode)
    found = problems_of(tree())
    assert any(p.field == "（内部错误）" and p.file == "docs/checklists" and "ValueError" in p.message for p in found)
