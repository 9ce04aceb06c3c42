"""Every option the build reads, declared once with its default, checked, and explained in Chinese.

Options live in mkdocs.yml under `extra.kb`; the two dates for reproducible builds come from the
environment. A variant build (the benchmark's stock search) is a small YAML file that `INHERIT:`s
mkdocs.yml and overrides one of these."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, fields

from .errors import KbError, Problem, echo

# Every date the build writes is a day in China Standard Time (page dates, review banners).
CHINA_TIME = dt.timezone(dt.timedelta(hours=8))


@dataclass(frozen=True)
class KbConfig:
    # Procedures not reviewed for longer than this show a warning banner.
    review_period_days: int = 365
    # Our Chinese search (query segmenter, ID and alias tags). False gives Material's stock search, which the
    # benchmark measures side by side on the same site.
    chinese_search: bool = True
    # PDF, Excel and Word downloads. `make build` always makes them; KB_DOWNLOADS=0 in the environment skips
    # them for a quick preview (`make serve`) or a test that does not look at downloads.
    downloads: bool = True

    @property
    def make_downloads(self) -> bool:
        return self.downloads and os.environ.get("KB_DOWNLOADS", "1") != "0"

    @staticmethod
    def unit() -> str | None:
        """The unit whose edition is built (KB_UNIT, set by `make build UNIT=…`); None builds the reference."""
        return os.environ.get("KB_UNIT") or None

    @staticmethod
    def today() -> dt.date:
        """The build's "today" for review banners: KB_TODAY (tests), else SOURCE_DATE_EPOCH (a day in Beijing
        time, like the page dates) so that a commit always builds the same bytes, else the real date. Readers' own dates are checked again by kb.js."""
        if os.environ.get("KB_TODAY"):
            return dt.date.fromisoformat(os.environ["KB_TODAY"])
        if os.environ.get("SOURCE_DATE_EPOCH"):
            return dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), CHINA_TIME).date()
        return dt.date.today()


_CHECKS = {
    "review_period_days": (lambda v: isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 3650,
                           "应为 1 到 3650 之间的整数（天）"),
    "chinese_search": (lambda v: isinstance(v, bool), "应为 true 或 false"),
    "downloads": (lambda v: isinstance(v, bool), "应为 true 或 false"),
}


def load(extra: dict, source: str = "mkdocs.yml") -> KbConfig:
    """KbConfig from `extra.kb`, or KbError naming every wrong or unknown option."""
    given = extra.get("kb") or {}
    problems = []
    if not isinstance(given, dict):
        raise KbError([Problem(source, None, "extra.kb", "应为一组“选项: 值”")])
    known = {f.name for f in fields(KbConfig)}
    for key, value in given.items():
        if key not in known:
            problems.append(Problem(source, None, f"extra.kb.{echo(key)}",
                                    f"未知选项（可用的选项：{'、'.join(sorted(known))}）"))
        elif not _CHECKS[key][0](value):
            problems.append(Problem(source, None, f"extra.kb.{key}", f"取值「{echo(value)}」不对：{_CHECKS[key][1]}"))
    for name in ("KB_TODAY",):
        value = os.environ.get(name)
        if value:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                problems.append(Problem("（环境变量）", None, name, f"「{echo(value)}」不是 年-月-日 格式的日期"))
    unit = os.environ.get("KB_UNIT")
    if unit and not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,30}", unit):
        problems.append(Problem("（环境变量）", None, "KB_UNIT",
                                f"单位代码「{echo(unit)}」不对：只能用小写字母、数字和连字符，即 docs/units/ 中的文件名"))
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and not epoch.isdigit():
        problems.append(Problem("（环境变量）", None, "SOURCE_DATE_EPOCH", f"「{echo(epoch)}」应为秒数（整数）"))
    if problems:
        raise KbError(problems)
    return KbConfig(**{k: v for k, v in given.items() if k in known})
