"""Puts our Chinese query segmenter into Material's prebuilt search worker (Material 9.8.x, pinned).

The worker's `segment(query, index)` is one small minified function; it is replaced by a call to
`kbSegment` from segment.js. If a Material upgrade changes that function, the build fails here instead of
shipping a search that silently falls back to the old behaviour."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..idkinds import search_id_regex

SEGMENTER = Path(__file__).with_name("segment.js")
# function fe(t,e){let r=new Set,n=new Uint16Array(t.length);…return r.has("")?new Set([t]):r}
SEGMENT_FUNCTION = re.compile(
    r'function (?P<name>[\w$]+)\((?P<q>[\w$]+),(?P<i>[\w$]+)\)\{let [\w$]+=new Set,[\w$]+=new Uint16Array\((?P=q)\.length\);'
    r'.*?return [\w$]+\.has\(""\)\?new Set\(\[(?P=q)\]\):[\w$]+\}', re.DOTALL)
# search(e){if(e=e.replace(new RegExp("\\p{sc=Han}+","gu"),…  — the worker's entry point for a query.
SEARCH_ENTRY = re.compile(r'search\((?P<q>[\w$]+)\)\{if\((?P=q)=(?P=q)\.replace\(new RegExp\("\\\\p\{sc=Han\}\+"')
MARKER = "/* kb: Chinese query segmentation */"


def segmenter_source() -> str:
    """segment.js with the ID shape it needs, written from the table of ID kinds."""
    return f"var KB_ID_SOURCE = {json.dumps(search_id_regex())};\n{SEGMENTER.read_text(encoding='utf-8')}"


class WorkerPatchError(RuntimeError):
    pass


def patch_worker(site_dir: Path) -> Path:
    workers = sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise WorkerPatchError(f"找到 {len(workers)} 个检索 worker 文件，应为 1 个：{workers}")
    worker = workers[0]
    code = worker.read_text(encoding="utf-8")
    if MARKER in code:
        return worker
    matches = list(SEGMENT_FUNCTION.finditer(code))
    entries = list(SEARCH_ENTRY.finditer(code))
    if len(matches) != 1 or len(entries) != 1:
        raise WorkerPatchError("Material 检索 worker 中的查询入口或中文分词函数已变化（升级了 mkdocs-material？），"
                               "请更新 scripts/search/worker_patch.py")
    match, entry = matches[0], entries[0]
    call = f"function {match['name']}({match['q']},{match['i']}){{return kbSegment({match['q']},{match['i']})}}"
    head = f"search({entry['q']}){{"
    edits = [(match.start(), match.end(), call),
             (entry.start(), entry.start() + len(head), f"{head}{entry['q']}=kbIds({entry['q']});")]
    patched = code
    for start, end, text in sorted(edits, reverse=True):  # from the end, so earlier offsets stay valid
        patched = patched[:start] + text + patched[end:]
    worker.write_text(f"{MARKER}\n{segmenter_source()}\n{patched}", encoding="utf-8")
    return worker
