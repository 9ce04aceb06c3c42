"""Puts our search into a built site: our docs into the search plugin's index, our worker (with its global
data written in front) at the path Material's page loads the worker from.

The worker file keeps Material's name (`search.<hash>.min.js`): the page finds it through `__config.search`,
so nothing else in the theme changes. Its source map, which described the lunr worker, is removed."""

from __future__ import annotations

import json
from pathlib import Path

from .synonyms import Synonym
from .worker_data import worker_data

WORKER = Path(__file__).with_name("worker.js")


class WorkerInstallError(RuntimeError):
    pass


def covers_text(nav: list) -> str:
    """What the site covers, from the navigation: each top-level section with the pages and sections in it."""
    parts = []
    for entry in nav or []:
        if not isinstance(entry, dict):
            continue
        for section, children in entry.items():
            if isinstance(children, list):
                names = [name for child in children if isinstance(child, dict) for name in child]
                parts.append(f"{section}（{'、'.join(names)}）" if names else section)
    return "；".join(parts) + "。"


def worker_source(docs: list[dict], site_words: list[str], synonyms: list[Synonym], covers: str,
                  links: list[dict]) -> str:
    data = worker_data(docs, site_words, synonyms, covers, links)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"var KB_DATA = {payload};\n{WORKER.read_text(encoding='utf-8')}"


def install_worker(site_dir: Path, source: str) -> Path:
    workers = sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise WorkerInstallError(f"找到 {len(workers)} 个检索 worker 文件，应为 1 个：{workers}")
    worker = workers[0]
    worker.write_text(source, encoding="utf-8")
    worker.with_name(worker.name + ".map").unlink(missing_ok=True)
    return worker
