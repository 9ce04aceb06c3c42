"""The foundation: a strict, reproducible build whose every stable ID has its anchor."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT, run_build

from scripts.kb.generate import collect
from scripts.project_copy import copy_project


def html_of(src: str) -> str:
    return src[:-3] + ".html"


def test_every_id_has_its_anchor(site: Path, html_pages: dict[str, str]):
    registry = collect().registry
    assert len(registry.targets) > 150
    for target in registry.targets.values():
        page = html_pages[html_of(target.src)]
        if target.anchor:
            assert f'id="{target.anchor}"' in page, f"{target.id} has no anchor in {target.src}"


def test_survey_structure_is_five_five_three():
    registry = collect().registry
    assert [t.id for t in registry.with_prefix("WT")] == [f"WT-0{n}" for n in range(1, 6)]
    assert [t.id for t in registry.with_prefix("JY")] == [f"JY-0{n}" for n in range(1, 6)]
    assert [t.id for t in registry.with_prefix("TH")] == [f"TH-0{n}" for n in range(1, 4)]


def _sections(html: str, prefix: str) -> dict[str, str]:
    """Built HTML of each top-level section (from its h2 to the next h2), keyed by the h2 id."""
    parts = re.split(r'(?=<h2 id=")', html)
    found = {}
    for part in parts:
        match = re.match(rf'<h2 id="({prefix}-\d\d)"', part)
        if match:
            found[match.group(1)] = part
    return found


def test_every_recommendation_links_to_a_problem(html_pages: dict[str, str]):
    sections = _sections(html_pages["survey/recommendations.html"], "JY")
    assert sorted(sections) == [f"JY-0{n}" for n in range(1, 6)]
    for id_, part in sections.items():
        assert re.search(r'href="problems\.html#WT-0\d(\.\d)?"', part), f"{id_} links to no problem"


def test_survey_facts_are_exact(html_pages: dict[str, str]):
    text = re.sub(r"<[^>]+>", "", html_pages["survey/overview.html"])
    for fact in ("2020年5月前后", "电话微信沟通", "现场查看材料", "个别座谈交流", "党小组"):
        assert fact in text, fact
    source = re.sub(r"<[^>]+>", "", html_pages["survey/source.html"])
    for fact in ("行业部分地市级基层单位当前党建工作开展情况的调研报告", "2020年06月02日", "烟草在线专稿", "凹凸"):
        assert fact in source, fact


URL = re.compile(r"""https?://([a-z0-9.-]+)[^\s"'<>)`]*""", re.I)
LOCAL_HOSTS = ("127.0.0.1", "localhost")
# XML namespace names identify vocabularies; browsers never fetch them.
NAMESPACES = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink", "http://www.w3.org/1999/xhtml",
              "http://www.sitemaps.org/schemas/sitemap/0.9", "http://www.w3.org/2000/xmlns/")
# Strings inside Material's prebuilt bundle that are never fetched on this site, each with the reason.
# The browser test in test_browser_quality.py watches real traffic; this list only documents the inert text.
VENDOR_INERT = {
    "https://unpkg.com/resize-observer-polyfill": "loaded only by browsers without ResizeObserver (none supported here)",
    "https://unpkg.com/mermaid@": "loaded only for ```mermaid blocks; the site has none (asserted below)",
    "https://api.github.com/": "called only with repo_url set; mkdocs.yml has none (asserted below)",
    "https://fontawesome.com": "licence comment inside the icons' inline SVG data",
    "https://bit.ly/2s3ChXG": "console warning text of the search worker",
    "http://chasen.org/~taku": "licence comment of the bundled TinySegmenter",
    "http://en.wikipedia.org/wiki/ANSI_escape_code": "line comment in the bundled lunr word-cut helper",
    "http://msdn.microsoft.com/": "line comment in the bundled lunr word-cut helper",
    "http://wiki.commonjs.org": "error text in the bundled lunr word-cut helper",
    "http://narwhaljs.org": "error text in the bundled lunr word-cut helper",
    "https://github.com/isaacs/node-glob": "error text in the bundled lunr word-cut helper",
}
# Comments (licence notices) are never fetched; they are removed before scanning.
COMMENT = re.compile(r"/\*.*?\*/", re.S)
VENDOR_FILES = re.compile(r"^assets/(javascripts/(bundle\.[0-9a-f]+\.min\.js|lunr/.*|workers/.*)|stylesheets/main\.[0-9a-f]+\.min\.css)$")


def test_no_outside_url_in_html_css_js(site: Path, html_pages: dict[str, str]):
    offenders = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.suffix not in (".html", ".css", ".js", ".xml", ".webmanifest"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for namespace in NAMESPACES:
            text = text.replace(namespace, "")
        if path.suffix in (".css", ".js"):
            text = COMMENT.sub("", text)
        for match in URL.finditer(text):
            url, host = match.group(0), match.group(1)
            if host in LOCAL_HOSTS:
                continue
            if VENDOR_FILES.match(rel) and any(url.startswith(prefix) for prefix in VENDOR_INERT):
                continue
            offenders.append(f"{rel}: {url[:80]}")
    assert not offenders, "\n".join(offenders[:20])
    # The conditions under which the inert vendor strings would become requests do not hold.
    assert not any('class="mermaid"' in html for html in html_pages.values())
    assert not re.search(r"^repo_url:", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)


def test_two_builds_are_byte_identical(site: Path, tmp_path: Path):
    again = tmp_path / "site"
    result = run_build(ROOT, again)
    assert result.returncode == 0, result.stderr
    first = {p.relative_to(site) for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again) for p in again.rglob("*") if p.is_file()}
    assert first == second
    changed = [str(f) for f in sorted(first) if (again / f).read_bytes() != (site / f).read_bytes()]
    assert not changed, changed


def test_build_fails_clearly_without_jieba(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    blocker = tmp_path / "no-jieba" / "jieba"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('模拟缺少 jieba')\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site", PYTHONPATH=str(blocker.parent))
    assert result.returncode != 0
    assert "jieba" in result.stderr and "中文检索" in result.stderr
    assert not (tmp_path / "site").exists()


def test_user_dictionary_terms_are_whole_words_in_search_index(site: Path):
    import json

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    words = set()
    for doc in index["docs"]:
        words.update(re.split(r"[\s\u200b\u3000\-、。，．？！；]+", doc["title"] + " " + doc["text"]))
    for term in ("三会一课", "一岗双责", "民主生活会", "组织生活会", "理论学习中心组", "党员活动室", "政工干事", "废改立"):
        assert term in words, f"{term} is not a whole token in the search index"


def test_glossary_terms_have_tooltips_on_pages_that_use_them(html_pages: dict[str, str]):
    problems = html_pages["survey/problems.html"]
    assert re.search(r'<abbr title="三会一课：[^"]+">三会一课</abbr>', problems)
    assert re.search(r'<abbr title="一岗双责：[^"]+">一岗双责</abbr>', problems)
    procedure = html_pages["procedures/huanjie.html"]
    assert re.search(r'<abbr title="换届：[^"]+">换届</abbr>', procedure)


def test_user_dictionary_is_found_from_any_working_directory(tmp_path: Path):
    import subprocess
    import sys

    from conftest import build_env

    out = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"),
                             "-d", str(out)], cwd=tmp_path, env=build_env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "jieba_dict_user" not in result.stderr
