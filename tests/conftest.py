"""Shared fixtures: one strict build of the real site per test session, a local HTTP server for it,
and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
# Flags from the platform notes: without the background-networking ones Chromium tries outside hosts.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def build_env(**extra: str) -> dict:
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", "1764115200")
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.update(extra)
    return env


def run_build(project: Path, out: Path, **env: str) -> subprocess.CompletedProcess:
    """`scripts/build_site.py` of the given project copy, the same command `make build` runs."""
    return subprocess.run([sys.executable, "-m", "scripts.build_site", str(out)], cwd=project,
                          env=build_env(**env), capture_output=True, text=True)


def copy_project(dest: Path) -> Path:
    """A throw-away copy of everything a build reads, for tests that break the sources on purpose."""
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "overrides", "scripts"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    return dest


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "site"
    result = run_build(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def html_pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def server(site: Path):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
