"""Byte-identical Office files for a commit: openpyxl and python-docx write their zip with the current time
and their own entry order, and stamp the document's dates with "now". `fixed()` rewrites the zip with every
entry dated SOURCE_DATE_EPOCH, in one order, with the same compression, and the document dates set to it."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable

from ..config import source_epoch

_ZIP_EPOCH = 315532800              # 1980-01-01: the earliest date a zip entry can carry
_CONTENT_TYPES = "[Content_Types].xml"
_CORE = "docProps/core.xml"
_CORE_DATE_RE = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


def moment() -> dt.datetime:
    """The documents' date (naive UTC, as both libraries want it); a zip entry cannot be older than 1980."""
    return dt.datetime.fromtimestamp(max(source_epoch(), _ZIP_EPOCH), dt.UTC).replace(tzinfo=None)


def fixed(data: bytes, edit: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """The same package with fixed entry dates, sorted entries ([Content_Types].xml first) and fixed document
    dates; `edit(name, bytes)` may change an entry's content on the way."""
    when = moment()
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in sorted(source.infolist(), key=lambda i: (i.filename != _CONTENT_TYPES, i.filename)):
            content = source.read(info)
            if info.filename == _CORE:
                content = _CORE_DATE_RE.sub(lambda m: m.group(1) + stamp + m.group(3), content)
            if edit is not None:
                content = edit(info.filename, content)
            entry = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            entry.compress_type = info.compress_type
            entry.external_attr = 0o644 << 16
            entry.create_system = 3  # the same on every platform
            target.writestr(entry, content)
    return out.getvalue()
