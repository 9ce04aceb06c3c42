"""Trustworthy content, checked in the built site: corrected rules present, wrong ones and retired words
absent, the site presented as a reference text. Expected strings come from the regulations note's
corrections and from docs/glossary/retired.yml as PyYAML reads it."""

from __future__ import annotations

import re

import pytest
import yaml
from sources import DOCS, checklists, soup, text_of

# The two pages where retired wording may stand, marked as retired.
RETIRED_ALLOWED = {"glossary/index.html", "basis/review.html"}


def site_text(html_pages, skip=RETIRED_ALLOWED) -> dict[str, str]:
    return {page: text_of(html) for page, html in html_pages.items() if page not in skip}


@pytest.mark.parametrize("wrong", [
    "党章第三十条", "章程》第三十条", "参照执行", "第九条、第十三条", "一般每年召开1次组织生活会", "4/5",
    "延期一般不超过1年", "制定本规程",
])
def test_corrected_wording_is_gone(html_pages, wrong):
    found = [page for page, text in site_text(html_pages).items() if wrong in text]
    assert not found, f"{wrong} still on {found}"


@pytest.mark.parametrize("page, right", [
    ("basis/regulations.html", "第三十一条"),
    ("basis/regulations.html", "延长或者提前"),
    ("basis/regulations.html", "每年至少召开1次"),
    ("basis/regulations.html", "党小组会一般每月召开1次"),
    ("basis/regulations.html", "执行"),
    ("procedures/shenghuohui.html", "每年至少召开1次"),
    ("procedures/huanjie.html", "以上级党组织批准的选举办法为准"),
])
def test_corrected_wording_is_there(html_pages, page, right):
    assert right in text_of(html_pages[page])


def test_retired_ids_only_point_to_their_successors(html_pages):
    regulations = soup(html_pages["basis/regulations.html"])
    for old, new in (("FG-DZ-30", "FG-DZ-31"), ("FG-XJ-9", "FG-XJ-13")):
        heading = regulations.find(id=old)
        assert heading is not None, old
        following = heading.find_next(["p", "li"])
        assert following.find("a", href=re.compile(rf"#{new}$")), old
    # The ID index lists every ID, retired ones with their successor; no other page may link to them.
    cited = [page for page, html in html_pages.items() if page not in ("basis/regulations.html", "basis/ids.html")
             and soup(html).find("a", href=re.compile(r"#FG-(DZ-30|XJ-9)$"))]
    assert not cited, cited


def test_retired_synonyms_are_absent(html_pages):
    retired = yaml.safe_load((DOCS / "glossary/retired.yml").read_text(encoding="utf-8"))
    assert len(retired) >= 5
    texts = site_text(html_pages)
    offenders = {r["term"]: [p for p, t in texts.items() if r["term"] in t] for r in retired}
    assert not {k: v for k, v in offenders.items() if v}
    glossary = text_of(html_pages["glossary/index.html"])
    for entry in retired:
        assert f"{entry['term']}（停用）" in glossary


def test_home_and_guide_say_what_the_site_is_and_covers(html_pages):
    for page in ("index.html", "guide/index.html"):
        paragraphs = [p.get_text() for p in soup(html_pages[page]).select("article p")]
        what = [p for p in paragraphs if p.startswith("本站是")]
        covers = [p for p in paragraphs if p.startswith("本站覆盖")]
        assert what and "参考" in what[0] and "2020" in what[0], page
        assert covers and "党内统计" in covers[0], page


def test_review_record_lists_corrections_with_the_date(html_pages):
    page = soup(html_pages["basis/review.html"])
    assert page.find("h1").get_text().startswith("内容审核记录")
    assert "2026年11月27日" in page.get_text()
    assert len(page.select("article table tbody tr")) >= 8


def test_checklists_speak_chinese_only(html_pages):
    for page, html in html_pages.items():
        if page.startswith("checklists/"):
            assert not re.search(r"DO-CONFIRM|READ-DO", soup(html).select_one("article").get_text()), page


def test_every_requirement_shows_its_nature_in_words(html_pages):
    natures = {"法规要求", "调研建议", "参考做法", "本单位要求"}
    for checklist in checklists():
        labels = soup(html_pages[f"checklists/{checklist['slug']}.html"]).select("article .kb-item__nature .kb-nature")
        # One label per item (the count comes from the YAML), each a nature's name in words.
        assert [label.get_text() for label in labels] == [item["nature"] for item in checklist["items"]], checklist["id"]
    for page, html in html_pages.items():
        for label in soup(html).select(".kb-nature"):
            assert label.get_text() in natures, (page, label.get_text())
