"""The command line end to end (`make check`, exports), and the last-resort handler."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

from conftest import ROOT
from kbtree import CHECKLIST, problems_of

from scripts.kb.__main__ import _verify
from scripts.kb.export import FORMATS
from scripts.kb.generate import generate


def kb(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts.kb", *args], cwd=ROOT, capture_output=True, text=True,
                          check=False, env={**os.environ, "KB_UNIT": "", **env})


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


def test_export_follows_the_unit_chosen_on_the_command_line(tree, tmp_path):
    """`make booklet UNIT=demo` exports the unit's edition, as `make build UNIT=demo` builds it."""
    docs, out = tree(), tmp_path / "out"
    result = kb("--docs", str(docs), "export", "--format", "csv", str(out), KB_UNIT="demo")
    assert result.returncode == 0, result.stderr
    rows = {r[3]: r for r in csv.reader(io.StringIO((out / "checklists/xx.csv").read_text(encoding="utf-8-sig")))}
    assert rows["XX-03"][5] == "本单位要求（采用的参考做法）"
    assert "校验通过（示例单位版）" in kb("--docs", str(docs), "check", KB_UNIT="demo").stdout
    unknown = kb("--docs", str(docs), "export", "--format", "csv", str(out), KB_UNIT="nowhere")
    assert unknown.returncode == 1 and "没有单位代码为「nowhere」的单位设置文件" in unknown.stderr


def test_verify_names_what_a_file_lost(tree, tmp_path, capsys):
    """A file that holds fewer items than its exporter wrote is refused, and the missing IDs are named."""
    exporter = FORMATS["csv"]
    docs = tree()
    written = exporter.render(generate(docs, docs.parent, downloads=False))
    for download in written:
        (tmp_path / download.path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / download.path).write_bytes(download.content)
    target = tmp_path / "checklists/xx.csv"
    lines = target.read_bytes().split(b"\r\n")
    target.write_bytes(b"\r\n".join(line for line in lines if b",XX-02," not in line))
    assert _verify(exporter, written, tmp_path) == 1
    assert "checklists/xx.csv：读回 3 项，不一致（应为 4 项；缺少 XX-02）" in capsys.readouterr().out


def test_unforeseen_failure_becomes_internal_error_with_the_file(tree, monkeypatch):
    from scripts.kb import checklists

    def explode(*args, **kwargs):
        raise ValueError("unforeseen")

    monkeypatch.setattr(checklists, "load_checklist", explode)
    found = problems_of(tree())
    assert any(p.field == "（内部错误）" and p.file == "docs/checklists" and "ValueError" in p.message for p in found)


def test_booklet_volumes_each_hold_their_own_lists(tree, tmp_path, monkeypatch, capsys):
    """A site with more lists than one booklet holds comes in volumes; each volume is read back against the
    lists it was written with, not against every item of the site."""
    from scripts.kb import downloads

    second = CHECKLIST.replace("id: QD-XX", "id: QD-YY").replace("title: 示例检查清单", "title: 第二份清单")
    for n in range(1, 5):
        second = second.replace(f"id: XX-0{n}", f"id: YY-0{n}")
    docs = tree({"checklists/02-yy.yml": second})
    monkeypatch.setattr(downloads, "VOLUME_LISTS", 1)
    exporter = FORMATS["pdf"]
    written = [d for d in exporter.render(generate(docs, docs.parent, downloads=False)) if d.scope == "trainer"]
    assert [(d.path, d.lists, d.items) for d in written] == [
        ("checklists/booklet-trainer-1.pdf", ("QD-XX",), ("XX-01", "XX-02", "XX-03", "XX-04")),
        ("checklists/booklet-trainer-2.pdf", ("QD-YY",), ("YY-01", "YY-02", "YY-03", "YY-04"))]
    for download in written:
        (tmp_path / download.path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / download.path).write_bytes(download.content)
    assert _verify(exporter, written, tmp_path) == 0
    assert "checklists/booklet-trainer-2.pdf：读回 4 项，一致" in capsys.readouterr().out
