"""Hostile input through the real build: nothing live in any page, nothing from outside docs/, and a
refused build leaves the earlier site as it was. The built HTML is read with an HTML parser."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import run_build

from scripts.dev.project_copy import copy_project

pytestmark = pytest.mark.build
SECRET = "机密内容-不得发布-7f3a"


def live_markup(html: str) -> list[str]:
    """Scripts other than the theme's own files and inline blocks, on… attributes, javascript: URLs."""
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.lower().startswith("on"):
                found.append(f"<{tag.name} {name}>")
            if re.sub(r"[\s\x00-\x1f]", "", value or "").lower().startswith(("javascript:", "vbscript:", "data:text")):
                found.append(f"<{tag.name} {name}={value[:30]}>")
        if tag.name in ("iframe", "object", "embed", "img") and tag.get("src", "").startswith(("http:", "https:", "//")):
            found.append(f"<{tag.name} src>")
        inline = tag.name == "script" and not tag.get("src") and tag.get("type") != "application/json"
        # The theme's inline snippets: Material's three, and our 404 page's <base> for a web server.
        theme = ("__md_scope", "var palette", "var target", 'if (location.protocol !== "file:")')
        if inline and not (tag.string or "").lstrip().startswith(theme):
            found.append("<script> inline")
    return found


@pytest.fixture(scope="module")
def escaped_site(tmp_path_factory) -> Path:
    """Markup an author may legitimately *show* (escaped in Markdown, inside code): it must stay text."""
    base = tmp_path_factory.mktemp("escaped")
    project = copy_project(base / "project")
    page = project / "docs/guide/index.md"
    page.write_text(page.read_text(encoding="utf-8") + (
        "\n## 示例 &lt;img src=x onerror=alert(1)&gt; 标题 {#hostile-heading}\n\n"
        "正文 &lt;script&gt;alert(2)&lt;/script&gt; 与 `<script>alert(3)</script>`。\n\n"
        "```html\n<a href=\"javascript:alert(4)\">x</a>\n```\n"), encoding="utf-8")
    checklist = project / "docs/checklists/03-hj.yml"
    checklist.write_text(checklist.read_text(encoding="utf-8").replace(
        "延期或者提前换届已报上级党组织批准。", "延期或者提前换届已报上级党组织批准 &lt;img src=x onerror=alert(5)&gt;。", 1),
        encoding="utf-8")
    out = base / "site"
    result = run_build(project, out)
    assert result.returncode == 0, result.stderr
    return out


def test_escaped_markup_stays_text_on_every_page(escaped_site: Path):
    offenders = {p.relative_to(escaped_site).as_posix(): live_markup(p.read_text(encoding="utf-8"))
                 for p in escaped_site.rglob("*.html")}
    assert not {k: v for k, v in offenders.items() if v}
    guide = BeautifulSoup((escaped_site / "guide/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "示例 <img src=x onerror=alert(1)> 标题" in guide.find(id="hostile-heading").get_text()
    # The table of contents shows the heading as text too.
    toc = [a.get_text() for a in guide.select("nav.md-nav--secondary a")]
    assert any("<img src=x onerror=alert(1)>" in t for t in toc), toc


def test_search_results_show_escaped_markup_as_text(escaped_site: Path, browser):
    """The index holds the text readers see; the worker escapes it before Material inserts it as HTML."""
    from scripts.dev.browser_search import RESULT_ITEMS, open_search, run_query

    index = json.loads((escaped_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert any(d["title"] == "示例 <img src=x onerror=alert(1)> 标题" for d in index["docs"])
    page = browser.new_page()
    alerts = []
    page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    url = escaped_site.as_uri()
    open_search(page, f"{url}/index.html")
    run_query(page, url, escaped_site, "onerror")
    live = page.eval_on_selector_all(f"{RESULT_ITEMS} img, {RESULT_ITEMS} script", "l => l.length")
    shown = " ".join(page.eval_on_selector_all(f"{RESULT_ITEMS} article", "l => l.map(a => a.textContent)"))
    page.close()
    assert live == 0 and not alerts
    assert "示例 <img src=x onerror=alert(1)> 标题" in shown, shown
    assert "&lt;img src=x onerror=alert(5)&gt;" in shown, shown


@pytest.mark.parametrize("change, message", [
    (("docs/guide/index.md", "# 使用说明", "---\ntitle: \"<img src=x onerror=alert(1)>\"\n---\n\n# 使用说明"), "纯文本"),
    (("docs/guide/index.md", "## 本站怎么读", "[点这里](javascript:alert(1))\n\n## 本站怎么读"), "javascript"),
    (("docs/guide/index.md", "## 本站怎么读", "<script>alert(1)</script>\n\n## 本站怎么读"), "<script>"),
    (("docs/guide/index.md", "## 本站怎么读", "![x](https://example.com/x.png)\n\n## 本站怎么读"), "外部网站"),
    # Both passed `make check` and then stopped the build with a Python traceback.
    (("docs/guide/index.md", "## 本站怎么读", '--8<-- "/etc/passwd"\n\n## 本站怎么读'), "在 docs/ 以外"),
    (("docs/guide/index.md", "## 本站怎么读", "```\n代码\n``` [[WT-99]]\n\n## 本站怎么读"), "引用了不存在的编号「WT-99」"),
])
def test_refused_input_keeps_the_earlier_site(tmp_path: Path, change, message):
    project = copy_project(tmp_path / "project")
    rel, old, new = change
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("上一次成功构建的网站", encoding="utf-8")
    result = run_build(project, site)
    assert result.returncode != 0 and message in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "上一次成功构建的网站"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


@pytest.mark.parametrize("name", ["basis/leak.md", "checklists/09-leak.yml", "assets/leak.txt"])
def test_symlink_outside_docs_is_neither_published_nor_quoted(tmp_path: Path, name: str):
    project = copy_project(tmp_path / "project")
    secret = tmp_path / "secret.txt"
    secret.write_text(f"# {SECRET}\nid: QD-LEAK\n", encoding="utf-8")
    os.symlink(secret, project / "docs" / name)
    out = tmp_path / "site"
    result = run_build(project, out)
    assert result.returncode != 0
    assert f"docs/{name}" in result.stderr and "符号链接" in result.stderr
    assert SECRET not in result.stdout + result.stderr
    assert not out.exists()
