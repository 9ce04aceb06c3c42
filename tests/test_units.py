"""Small pieces with sharp edges, each against literal expectations."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import markdown
import pytest
from kbtree import site_of

from scripts.kb.cjk_abbr import CjkAbbrExtension
from scripts.kb.errors import echo, field_path
from scripts.kb.export import FORMATS
from scripts.kb.export.cells import neutral
from scripts.kb.idkinds import IdKind, kind_of
from scripts.kb.search.install import WorkerInstallError, install_worker
from scripts.kb.templating import css_string, render
from scripts.kb.text import cn_date, md_text
from scripts.kb.urls import url_problem


@pytest.mark.parametrize("raw, shown", [
    ("<b>粗</b>", "&lt;b&gt;粗&lt;/b&gt;"), ("**粗**", "\\*\\*粗\\*\\*"), ("[链](x)", "\\[链\\](x)"),
    ("a_b`c`", "a\\_b\\`c\\`"), ('"引号"&', "&quot;引号&quot;&amp;"), ("# 标题", "\\# 标题"), ("文号____", "文号\\_\\_\\_\\_"),
])
def test_md_text_escapes(raw, shown):
    assert md_text(raw) == shown


@pytest.mark.parametrize("raw", ["<script>alert(1)</script>", "**粗** [链](javascript:x) `c` ![i](x.png)",
                                 "<img src=x onerror=alert(1)>", "&lt;b&gt;"])
def test_md_text_renders_as_the_same_text(raw):
    html = markdown.markdown(md_text(raw))
    assert re.sub(r"</?p>", "", html) == raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_cn_date_has_no_leading_zeros():
    assert cn_date("2026-01-05") == "2026年1月5日"


def _abbr(text: str, terms: dict[str, str]) -> str:
    md = markdown.Markdown(extensions=["abbr", CjkAbbrExtension()], extension_configs={"abbr": {"glossary": terms}})
    return md.convert(text)


def test_cjk_abbr_matches_inside_chinese_text():
    html = _abbr("落实三会一课制度。", {"三会一课": "释义"})
    assert '<abbr title="释义">三会一课</abbr>' in html


def test_cjk_abbr_longest_term_wins():
    html = _abbr("布置党员活动室。", {"党员": "甲", "党员活动室": "乙"})
    assert '<abbr title="乙">党员活动室</abbr>' in html and 'title="甲"' not in html


def test_cjk_abbr_only_first_use_and_not_in_headings():
    html = _abbr("# 三会一课\n\n三会一课要按期。再说三会一课。", {"三会一课": "释义"})
    assert html.count("<abbr") == 1 and "<h1>三会一课</h1>" in html


def test_cjk_abbr_does_not_split_a_used_longer_term():
    # The second 调研报告 is still one word: its 报告 is not the 公文 报告 and gets no tooltip of its own.
    html = _abbr("调研报告说明。本站覆盖调研报告涉及的工作。报告中不得夹带请示。",
                 {"调研报告": "甲", "报告": "乙"})
    assert '<abbr title="甲">调研报告</abbr>' in html
    assert html.count('title="乙"') == 1 and '<abbr title="乙">报告</abbr>中不得' in html


def test_cjk_abbr_keeps_word_boundaries_for_latin_terms():
    html = _abbr("DO-CONFIRM 与 XDO-CONFIRMX", {"DO-CONFIRM": "做后核对"})
    assert html.count("<abbr") == 1


@pytest.mark.parametrize("path, words", [
    (["sections", 1, "items", 1, "basis", 1], "第 2 组第 2 项的「依据」（basis）第 2 个"),
    (["changes", 0, "date"], "第 1 条的「日期」（date）"), (["purpose"], "「用途」（purpose）"),
    ([4, "definition"], "第 5 条的「释义」（definition）"), ([], "（文件整体）"),
])
def test_field_paths(path, words):
    assert field_path(path) == words


def test_echo_caps_long_values():
    assert echo("长" * 100) == "长" * 40 + "……（共 100 个字符）"


@pytest.mark.parametrize("url, loads, allowed", [
    ("procedures/gc.md#GC-XX-1", True, True), ("#top", False, True), ("mailto:a@b.cn", False, True),
    ("https://example.com", False, True), ("https://example.com/a.png", True, False), ("//example.com/a", False, False),
    ("javascript:alert(1)", False, False), (" JAVASCRIPT:alert(1)", False, False), ("java\tscript:x", False, False),
    ("&#106;avascript:x", False, False), ("data:image/png;base64,AAAA", True, False), ("file:///etc/passwd", False, False),
])
def test_url_rules(url, loads, allowed):
    assert (url_problem(url, loads) is None) is allowed


@pytest.mark.parametrize("id_, kind", [
    ("WT-02", IdKind.PROBLEM), ("WT-02.2", IdKind.PROBLEM), ("JY-03.1", IdKind.ADVICE), ("TH-03", IdKind.LESSON),
    ("GC-HJ", IdKind.PROCEDURE), ("GC-HJ-2", IdKind.STEP), ("MB-HYJL", IdKind.TEMPLATE), ("QD-HJ", IdKind.CHECKLIST),
    ("FG-ZB-12", IdKind.REGULATION), ("FG-GB9704", IdKind.REGULATION), ("BDW", IdKind.UNIT), ("BDW-HJ-1", IdKind.UNIT),
    ("SY-01", IdKind.TERM), ("HJ-03", IdKind.ITEM), ("SHYK-12", IdKind.ITEM),
    ("WT-2", None), ("GC-03", None), ("XX", None), ("QD-HJ-1", None),
])
def test_id_kinds(id_, kind):
    assert kind_of(id_) is kind


def test_worker_install_needs_exactly_one_worker(tmp_path: Path):
    (tmp_path / "assets" / "javascripts" / "workers").mkdir(parents=True)
    with pytest.raises(WorkerInstallError, match="找到 0 个"):
        install_worker(tmp_path, "")


def test_worker_install_replaces_the_worker_and_its_stale_source_map(tmp_path: Path):
    workers = tmp_path / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    (workers / "search.1234.min.js").write_text("lunr", encoding="utf-8")
    (workers / "search.1234.min.js.map").write_text("{}", encoding="utf-8")
    install_worker(tmp_path, "ours")
    assert (workers / "search.1234.min.js").read_text(encoding="utf-8") == "ours"
    assert not (workers / "search.1234.min.js.map").exists()


def test_css_string_cannot_close_the_rule():
    assert css_string('x"; } body { display: none; } /*') == 'x\\22 ; } body { display: none; } /*'
    assert "<" not in css_string("</style><script>")


@pytest.mark.parametrize("value, written", [("=1+1", "'=1+1"), ("+86", "'+86"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
                                            ("\tx", "'\tx"), ("＝1", "'＝1"), ("正常文字", "正常文字"), ("", "")])
def test_spreadsheet_formulas_are_neutralised(value, written):
    assert neutral(value) == written


def test_template_values_are_escaped_unless_marked():
    out = render("stale-warning.html.j2", reviewed="2026-01-02", review_days="<b>1</b>")
    assert "&lt;b&gt;1&lt;/b&gt;" in out and "2026年1月2日" in out


def test_generated_pages_show_hostile_text_as_text(tree):
    from kbtree import CHECKLIST

    hostile = CHECKLIST.replace("purpose: 测试用的示例清单，检查生成器的校验和输出。",
                                'purpose: "测试用 ＜script＞ 与 \\\\ 反斜杠 {#x} | 竖线 _下划线_ 的清单。"')
    site = site_of(tree({"checklists/01-xx.yml": hostile}))
    page = markdown.markdown(site.files["checklists/xx.md"].split("---", 2)[2], extensions=["attr_list", "md_in_html", "tables"])
    assert "＜script＞ 与 \\ 反斜杠 {#x} | 竖线 _下划线_ 的清单。" in page


def test_csv_export_reads_back_and_neutralises(tree, tmp_path):
    from kbtree import CHECKLIST

    docs = tree({"checklists/01-xx.yml": CHECKLIST.replace("text: 会议记录由记录人签字。", 'text: "=HYPERLINK(1)签字"')})
    files = {d.path: d.content for d in FORMATS["csv"].render(site_of(docs))}
    rows = list(csv.reader(io.StringIO(files["checklists/xx.csv"].decode("utf-8-sig"))))
    assert [r[3] for r in rows[1:]] == ["XX-01", "XX-02", "XX-03", "XX-04"]
    assert rows[3][4] == "'=HYPERLINK(1)签字"
    assert rows[1][5:9] == ["法规要求", "符合／不符合／不适用", "查阅近12个月支委会会议记录，逐月核对召开次数。",
                            "支部工作条例第十二条（FG-ZB-12）；调研问题 WT-01.1"]
    assert rows[2][5:7] == ["调研建议", "已采用／未采用／不适用"]
    (tmp_path / "out.csv").write_bytes(files["checklists/all-items.csv"])
    assert FORMATS["csv"].read_back(tmp_path / "out.csv") == ["XX-01", "XX-02", "XX-03", "XX-04"]


THEME_PAGE = ('<head><script>__md_scope=new URL(".",location)</script><script id="__config" type="application/json">{}'
              '</script></head><body><p>正文 &lt;script&gt;</p><script src="assets/javascripts/bundle.js"></script></body>')


def test_whole_page_scan_allows_the_theme():
    from scripts.kb.html_safety import page_findings

    assert page_findings(THEME_PAGE) == []


def test_whole_page_scan_reads_quoted_text_as_text():
    # A tooltip quoting an item whose text shows escaped markup is no event attribute.
    from scripts.kb.html_safety import page_findings

    quoted = '<a href="hj.html#HJ-08" title="HJ-08 批准 &lt;img src=x onerror=alert(5)&gt;。">HJ-08</a>'
    assert page_findings(THEME_PAGE.replace("<p>正文", quoted + "<p>正文")) == []


@pytest.mark.parametrize("injected", [
    "<script>alert(1)</script>", '<script src="https://example.com/x.js"></script>', "<iframe src=x.html></iframe>",
    '<img src=x onerror="alert(1)">', '<a href=" javascript:alert(1)">x</a>', '<a href="data:text/html,x">x</a>',
    '<svg><a xlink:href="javascript:alert(1)">x</a></svg>', "<object data=x></object>",
    '<a title="x" onclick="alert(1)">x</a>', "<img alt='a > b' src=x onerror=alert(1)>",
])
def test_whole_page_scan_finds_live_markup(injected):
    from scripts.kb.html_safety import content_findings, page_findings

    page = THEME_PAGE.replace("<p>正文", injected + "<p>正文")
    assert page_findings(page), injected
    assert content_findings(injected, generated=False), injected


def test_basis_lines_on_pages_show_short_names(tree):
    from scripts.kb.basis import basis_label
    from scripts.kb.ids import expand_refs

    site = site_of(tree())
    text = "- **依据**：[[FG-ZB-12]]；[[WT-01.1]]\n\n正文见 [[FG-ZB-12]]。\n"
    out = expand_refs(text, "procedures/gc.md", site.registry, basis_label)
    assert out.startswith("- **依据**：[支部工作条例第十二条](../basis/regulations.md#FG-ZB-12 ")
    assert "[调研问题 WT-01.1](../survey/problems.md#WT-01.1 " in out
    assert "正文见 [FG-ZB-12](../basis/regulations.md#FG-ZB-12 " in out


def test_cjk_abbr_skips_generated_link_lists():
    md = markdown.Markdown(extensions=["abbr", "md_in_html", CjkAbbrExtension()],
                           extension_configs={"abbr": {"glossary": {"三会一课": "释义"}}})
    html = md.convert('<div class="kb-notips" markdown="1">\n三会一课：链接\n</div>\n\n三会一课要按期。')
    assert html.count("<abbr") == 1 and html.index("<abbr") > html.index("</div>")
