"""Shared fixtures: one strict build of the real site per test session (the command `make build` runs), a
local HTTP server for it, and Debian's Chromium driven by Playwright. Other builds run in this process, as
`make editions` builds (MkDocs, the theme and jieba loaded once), through `run_build`.

Markers are given by the fixtures a test uses: anything that needs the built site is `build`, anything
that needs the browser is `browser` too. `make test-fast` runs the rest (`-m "not build and not browser"`)."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest
from kbtree import write_tree

from scripts.dev.browser_search import CHROMIUM, CHROMIUM_ARGS
from scripts.dev.project_copy import ROOT
from scripts.dev.static_server import serve

BUILD_FIXTURES = {"site", "html_pages", "server", "built_project"}
BROWSER_FIXTURES = {"browser", "server", "search_page", "printer"}


def pytest_collection_modifyitems(items):
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if names & (BUILD_FIXTURES | BROWSER_FIXTURES):
            item.add_marker(pytest.mark.build)


def build_env(**extra: str) -> dict:
    # The reference edition without PDF and Office downloads (seconds each), unless a test asks for them.
    env = dict(os.environ, KB_UNIT="", KB_DOWNLOADS="0")
    env.setdefault("SOURCE_DATE_EPOCH", "1764115200")
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.update(extra)
    return env


def run_build_command(project: Path, out: Path, **env: str) -> subprocess.CompletedProcess:
    """`scripts/build_site.py` of the given project copy in its own process: the command `make build` runs."""
    return subprocess.run([sys.executable, "-m", "scripts.build_site", str(out)], cwd=project,
                          env=build_env(**env), capture_output=True, text=True, check=False)


@dataclass
class BuildResult:
    returncode: int
    stdout: str
    stderr: str     # MkDocs' warnings and errors as its command line prints them, and any traceback


@contextlib.contextmanager
def _environment(values: dict):
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(values)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run_build(project: Path, out: Path, **env: str) -> BuildResult:
    """A strict build of the project (a copy, or ROOT) into `out` in this process, staged as `make build`
    stages it: `out` is replaced only when the build succeeded. A crash shows as a traceback in stderr."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    from scripts.build_site import staged

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    code = 0
    try:
        with _environment(build_env(**env)), staged(out) as (staging, commit):
            build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(staging)))
            commit()
    except (Abort, MkDocsException, SystemExit) as exc:
        stream.write(f"{exc}\n")
        code = 1
    except Exception:  # noqa: BLE001 - a crash is what the test looks for
        stream.write(traceback.format_exc())
        code = 1
    finally:
        logger.removeHandler(handler)
    return BuildResult(code, "", stream.getvalue())


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "site"
    result = run_build_command(ROOT, out, KB_DOWNLOADS="1")  # the one session build that makes every download
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def html_pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


@pytest.fixture(scope="session")
def server(site: Path):
    with serve(site) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def tree(tmp_path: Path):
    """A small valid docs tree (tests/kbtree.py); call with changes: tree({"checklists/01-xx.yml": text})."""
    return lambda changes=None: write_tree(tmp_path, changes)
