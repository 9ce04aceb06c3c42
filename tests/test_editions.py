"""The reference edition and a unit's edition, built for real and read back with an HTML parser. Expected
values come from docs/basis/local-requirements.yml and the example profile as PyYAML reads them."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build_env, run_build
from sources import DOCS, soup, text_of

pytestmark = pytest.mark.build
UNIT = "shili-shiju"
PROFILE = yaml.safe_load((DOCS / "units" / f"{UNIT}.yml").read_text(encoding="utf-8"))
DECLARED = [r["id"] for r in yaml.safe_load((DOCS / "basis/local-requirements.yml").read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def unit_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("edition") / "site"
    result = run_build(ROOT, out, KB_UNIT=UNIT)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def page(site: Path, rel: str):
    return soup((site / rel).read_text(encoding="utf-8"))


def test_unit_name_in_title_and_home_banner(unit_site: Path):
    home = page(unit_site, "index.html")
    assert PROFILE["short_name"] in home.find("title").get_text()
    banner = home.select_one(".kb-edition").get_text()
    assert PROFILE["full_name"] in banner and PROFILE["adoption"]["number"] in banner and "示例单位" in banner
    open_count = len(DECLARED) - len(PROFILE["values"])
    assert f"尚有 {open_count} 项本单位要求未填写" in re.sub(r"\s+", " ", banner)
    assert f"共 {len(DECLARED)} 项" in re.sub(r"\s+", " ", banner)   # some are filled: how many in all


def test_reference_home_counts_every_requirement_open(html_pages):
    banner = soup(html_pages["index.html"]).select_one(".kb-edition").get_text()
    assert f"尚有 {len(DECLARED)} 项本单位要求未填写" in re.sub(r"\s+", " ", banner)
    assert "共" not in banner.split("未填写", 1)[1].split("。", 1)[0]   # all of them open: no second count
    assert PROFILE["full_name"] not in text_of(html_pages["index.html"])


def test_procedures_are_in_force_under_the_adoption_document(unit_site: Path):
    header = page(unit_site, "procedures/huanjie.html").select_one(".kb-lifecycle").get_text()
    text = re.sub(r"\s+", "", header)
    assert "状态：现行" in text and PROFILE["adoption"]["number"] in text and "施行日期：2027年1月1日" in text


def test_filled_value_shows_with_its_source(unit_site: Path):
    value = PROFILE["values"]["BDW-HJ-1"][0]
    links = [a for a in page(unit_site, "procedures/huanjie.html").select("a.kb-req")
             if a["href"].endswith("#BDW-HJ-1")]
    assert links and links[0].get_text().startswith(value["value"])
    following = links[0].next_sibling
    assert value["document"] in str(following) and "示例值" in str(following)


def test_differing_superiors_are_laid_side_by_side(unit_site: Path):
    dual = page(unit_site, "basis/dual.html")
    differing = [i for i, given in PROFILE["values"].items() if len({v["value"] for v in given}) > 1]
    assert differing
    for id_ in differing:
        section = dual.find(id=id_)
        assert section is not None, id_
        table = section.find_next("table")
        cells = [td.get_text() for td in table.find_all("td")]
        for given in PROFILE["values"][id_]:
            assert given["from"] in cells and any(c.startswith(given["value"]) for c in cells), (id_, cells)


def test_local_requirements_page_lists_all(unit_site: Path, html_pages):
    for site_page in (page(unit_site, "basis/local.html"), soup(html_pages["basis/local.html"])):
        anchors = {h["id"] for h in site_page.select("h3[id]")}
        assert set(DECLARED) <= anchors
        # "用在" names the steps, items and rules that use a requirement, not the entry (BDW) introducing them all.
        places = [p for p in site_page.select("article p") if p.get_text().startswith("用在：")]
        assert len(places) == len(DECLARED)
        assert not [a.get_text() for p in places for a in p.find_all("a") if a.get_text().startswith("BDW")]


@pytest.mark.parametrize("unit", ["nowhere"])
def test_unknown_unit_fails_without_a_half_built_site(tmp_path: Path, unit: str):
    out = tmp_path / "site"
    result = run_build(ROOT, out, KB_UNIT=unit)
    assert result.returncode != 0 and f"没有单位代码为「{unit}」的单位设置文件" in result.stderr
    assert not out.exists()


def test_make_editions_builds_every_profile_with_its_zip(tmp_path: Path):
    result = subprocess.run([sys.executable, "-m", "scripts.editions", str(tmp_path / "dist")], cwd=ROOT,
                            env=build_env(), capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    for profile in sorted((DOCS / "units").glob("*.yml")):
        code = profile.stem
        name = yaml.safe_load(profile.read_text(encoding="utf-8"))["full_name"]
        assert name in (tmp_path / "dist" / code / "index.html").read_text(encoding="utf-8")
        with zipfile.ZipFile(tmp_path / "dist" / f"{code}.zip") as archive:
            assert any(n.endswith("/index.html") for n in archive.namelist())
