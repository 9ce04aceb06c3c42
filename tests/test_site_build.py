"""The foundation: a strict, reproducible build whose every stable ID has its anchor."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, build_env, run_build, run_build_command
from sources import checklists, heading_ids, pages_with_front_matter, soup, text_of

from scripts.dev.project_copy import copy_project

# Where each kind of ID is declared in the sources, read without our generator.
DECLARED = {
    "survey/problems.md": "WT", "survey/recommendations.md": "JY", "survey/lessons.md": "TH",
    "basis/regulations.md": "FG",
}


def test_every_declared_id_has_its_anchor(html_pages: dict[str, str]):
    expected: dict[str, list[str]] = {f"{src[:-3]}.html": heading_ids(src, prefix) for src, prefix in DECLARED.items()}
    for src, meta in pages_with_front_matter("procedures").items():
        expected[f"{src[:-3]}.html"] = [meta["id"], *heading_ids(src, meta["id"])]
    for checklist in checklists():
        expected[f"checklists/{checklist['slug']}.html"] = [i["id"] for i in checklist["items"]]
    assert sum(len(ids) for ids in expected.values()) > 200
    for page, ids in expected.items():
        anchors = {tag["id"] for tag in soup(html_pages[page]).find_all(id=True)}
        missing = [i for i in ids if i not in anchors]
        assert not missing, (page, missing)


def test_survey_structure_is_five_five_three():
    assert [i for i in heading_ids("survey/problems.md", "WT") if "." not in i] == [f"WT-0{n}" for n in range(1, 6)]
    assert [i for i in heading_ids("survey/recommendations.md", "JY") if "." not in i] == \
        [f"JY-0{n}" for n in range(1, 6)]
    assert [i for i in heading_ids("survey/lessons.md", "TH") if "." not in i] == [f"TH-0{n}" for n in range(1, 4)]


def _h2_sections(html: str, prefix: str) -> dict[str, list]:
    """Elements of each top-level section (an h2 whose id starts with prefix) up to the next h2."""
    sections: dict[str, list] = {}
    current = None
    for element in soup(html).select_one("article").children:
        if getattr(element, "name", None) == "h2":
            current = element.get("id") if re.fullmatch(rf"{prefix}-\d\d", element.get("id", "")) else None
            if current:
                sections[current] = []
        elif current:
            sections[current].append(element)
    return sections


def test_every_recommendation_links_to_a_problem(html_pages: dict[str, str]):
    sections = _h2_sections(html_pages["survey/recommendations.html"], "JY")
    assert sorted(sections) == [f"JY-0{n}" for n in range(1, 6)]
    for id_, elements in sections.items():
        links = [a["href"] for e in elements if hasattr(e, "find_all") for a in e.find_all("a", href=True)]
        assert any(re.fullmatch(r"problems\.html#WT-0\d(\.\d)?", h) for h in links), f"{id_} links to no problem"


def test_survey_facts_are_exact(html_pages: dict[str, str]):
    text = text_of(html_pages["survey/overview.html"])
    for fact in ("2020年5月前后", "电话微信沟通", "现场查看材料", "个别座谈交流", "党小组"):
        assert fact in text, fact
    source = text_of(html_pages["survey/source.html"])
    for fact in ("行业部分地市级基层单位当前党建工作开展情况的调研报告", "2020年06月02日", "烟草在线专稿", "凹凸"):
        assert fact in source, fact


URL = re.compile(r"""https?://([a-z0-9.-]+)[^\s"'<>)`]*""", re.IGNORECASE)
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
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
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
    assert not re.search(r"^repo_url:", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)


@pytest.mark.build
def test_two_builds_are_byte_identical(site: Path, tmp_path: Path):
    again = tmp_path / "site"
    result = run_build(ROOT, again, KB_DOWNLOADS="1")  # downloads too: PDF, Excel and Word are reproducible
    assert result.returncode == 0, result.stderr
    first = {p.relative_to(site) for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again) for p in again.rglob("*") if p.is_file()}
    assert first == second
    changed = [str(f) for f in sorted(first) if (again / f).read_bytes() != (site / f).read_bytes()]
    assert not changed, changed


@pytest.mark.build
def test_build_fails_clearly_without_jieba(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    blocker = tmp_path / "no-jieba" / "jieba"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('模拟缺少 jieba')\n", encoding="utf-8")
    result = run_build_command(project, tmp_path / "site", PYTHONPATH=str(blocker.parent))
    assert result.returncode != 0
    assert "jieba" in result.stderr and "中文检索" in result.stderr
    assert not (tmp_path / "site").exists()


def test_user_dictionary_terms_are_whole_words_in_search_index(site: Path):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    words = set()
    for doc in index["docs"]:
        words.update(re.split(r"[\s\u200b\u3000\-、。，．？！；]+", doc["title"] + " " + doc["text"]))
    for term in ("三会一课", "一岗双责", "民主生活会", "组织生活会", "理论学习中心组", "党员活动室", "政工干事", "废改立"):
        assert term in words, f"{term} is not a whole token in the search index"


@pytest.mark.parametrize("page, term", [("survey/problems.html", "三会一课"), ("survey/problems.html", "一岗双责"),
                                        ("procedures/huanjie.html", "换届")])
def test_glossary_terms_have_tooltips_on_pages_that_use_them(html_pages: dict[str, str], page: str, term: str):
    abbrs = [a for a in soup(html_pages[page]).find_all("abbr") if a.get_text() == term]
    assert abbrs and abbrs[0]["title"].startswith(f"{term}：")


@pytest.mark.build
def test_user_dictionary_is_found_from_any_working_directory(tmp_path: Path):
    import subprocess
    import sys

    out = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"),
                             "-d", str(out)], cwd=tmp_path, env=build_env(), capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "jieba_dict_user" not in result.stderr


def test_review_page_is_not_in_the_search_index(site: Path):
    """The review page quotes superseded wording; a search snippet would show it without the page's warning."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert (site / "basis" / "review.html").exists()
    assert not [d["location"] for d in index["docs"] if d["location"].startswith("basis/review.html")]
