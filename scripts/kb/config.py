"""Every option the build reads, resolved once into one object: declared with its default, checked, and
explained in Chinese.

Options live in mkdocs.yml under `extra.kb`; the environment adds what a command line chooses (`make build
UNIT=…` sets KB_UNIT, `make serve` sets KB_DOWNLOADS=0) and the dates of a reproducible build
(SOURCE_DATE_EPOCH, KB_TODAY for tests). The MkDocs hook and the command line (`python -m scripts.kb`) both
call `load()`; nothing else reads these variables. A variant build (the benchmark's stock search) is a small
YAML file that `INHERIT:`s mkdocs.yml and overrides one option."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .errors import KbError, Problem, echo

# Every date the build writes is a day in China Standard Time (page dates, review banners).
CHINA_TIME = dt.timezone(dt.timedelta(hours=8))
# The build's moment when SOURCE_DATE_EPOCH is unset (a copy without git history): 2020-12-02.
DEFAULT_EPOCH = 1606867200
DEFAULT_TODAY = dt.datetime.fromtimestamp(DEFAULT_EPOCH, CHINA_TIME).date()
UNIT_CODE_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,30}")
# The options a site's mkdocs.yml may set under extra.kb (the rest come from the environment).
_FILE_OPTIONS = ("review_period_days", "chinese_search", "downloads")


@dataclass(frozen=True)
class KbConfig:
    # Procedures not reviewed for longer than this show a warning banner.
    review_period_days: int = 365
    # Our Chinese search (query segmenter, ID and alias tags). False gives Material's stock search, which the
    # benchmark measures side by side on the same site.
    chinese_search: bool = True
    # PDF, Excel and Word downloads: on unless extra.kb.downloads is false or KB_DOWNLOADS=0 (a quick preview,
    # `make serve`, or a test that does not look at downloads). CSV is always made.
    downloads: bool = True
    # The unit whose edition is built (KB_UNIT, from `make … UNIT=`); None builds the reference text.
    unit: str | None = None
    # The build's "today" for review banners: KB_TODAY (tests), else the day of SOURCE_DATE_EPOCH (the last
    # commit's time, which every written timestamp uses) in Beijing time, so that a commit always builds the
    # same bytes. Readers' own dates are checked again by kb.js.
    today: dt.date = DEFAULT_TODAY


_CHECKS = {
    "review_period_days": (lambda v: isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 3650,
                           "应为 1 到 3650 之间的整数（天）"),
    "chinese_search": (lambda v: isinstance(v, bool), "应为 true 或 false"),
    "downloads": (lambda v: isinstance(v, bool), "应为 true 或 false"),
}
_ENV = "（环境变量）"


def source_epoch(environ: Mapping[str, str] = os.environ) -> int:
    """SOURCE_DATE_EPOCH, or the default when it is unset or empty (checked by `load`); the one reader of it,
    for the page dates here and the timestamps inside Office files and zips."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else DEFAULT_EPOCH


def load(extra: Mapping | None = None, source: str = "mkdocs.yml",
         environ: Mapping[str, str] = os.environ) -> KbConfig:
    """The one resolved KbConfig from `extra.kb` and the environment, or KbError naming every wrong value."""
    given = (extra or {}).get("kb") or {}
    if not isinstance(given, dict):
        raise KbError([Problem(source, None, "extra.kb", "应为一组“选项: 值”")])
    problems = []
    for key, value in given.items():
        if key not in _FILE_OPTIONS:
            problems.append(Problem(source, None, f"extra.kb.{echo(key)}",
                                    f"未知选项（可用的选项：{'、'.join(sorted(_FILE_OPTIONS))}）"))
        elif not _CHECKS[key][0](value):
            problems.append(Problem(source, None, f"extra.kb.{key}", f"取值「{echo(value)}」不对：{_CHECKS[key][1]}"))
    today_text = environ.get("KB_TODAY", "").strip()
    today = None
    if today_text:
        try:
            today = dt.date.fromisoformat(today_text)
        except ValueError:
            problems.append(Problem(_ENV, None, "KB_TODAY", f"「{echo(today_text)}」不是 年-月-日 格式的日期"))
    unit = environ.get("KB_UNIT", "").strip() or None
    if unit and not UNIT_CODE_RE.fullmatch(unit):
        problems.append(Problem(_ENV, None, "KB_UNIT",
                                f"单位代码「{echo(unit)}」不对：只能用小写字母、数字和连字符，即 docs/units/ 中的文件名"))
    epoch_text = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch_text and not epoch_text.isdigit():
        problems.append(Problem(_ENV, None, "SOURCE_DATE_EPOCH", f"「{echo(epoch_text)}」应为秒数（整数）"))
    downloads_text = environ.get("KB_DOWNLOADS", "").strip()
    if downloads_text not in ("", "0", "1"):
        problems.append(Problem(_ENV, None, "KB_DOWNLOADS", f"「{echo(downloads_text)}」应为 1（生成）或 0（不生成）"))
    if problems:
        raise KbError(problems)
    epoch = source_epoch(environ)
    chosen = {k: v for k, v in given.items() if k in _FILE_OPTIONS}
    downloads = chosen.pop("downloads", True) and downloads_text != "0"
    return KbConfig(**chosen, downloads=downloads, unit=unit,
                    today=today or dt.datetime.fromtimestamp(epoch, CHINA_TIME).date())


