"""Characters an author cannot see: control characters, zero-width and direction marks.

They are refused with their name and position, not stripped: a NUL or ESC in a checklist is a paste accident
the author should see, and a zero-width space inside an ID silently breaks every link to it."""

from __future__ import annotations

import re
import unicodedata

# Names an author can look up; anything else gets its Unicode name.
_NAMES = {
    "\u200b": "零宽空格", "\u200c": "零宽不连字", "\u200d": "零宽连字", "\u2060": "零宽不换行空格",
    "\ufeff": "字节顺序标记（BOM）", "\u00ad": "软连字符", "\u200e": "从左到右标记", "\u200f": "从右到左标记",
    "\u2028": "行分隔符", "\u2029": "段分隔符", "\x00": "空字符 NUL", "\x1b": "转义字符 ESC", "\x7f": "删除字符 DEL",
}
# C0/C1 controls except tab and line ends, DEL, zero-width and bidirectional formatting characters.
INVISIBLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064"
                          "\u2066-\u2069\ufeff]")
# What the YAML parser itself cannot read, so it must be found in the raw lines: C0/C1 controls and DEL.
UNREADABLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Look-alikes that break an ID when typed with a Chinese input method.
FULL_WIDTH_RE = re.compile("[\u3000\uff01-\uff5e]")


def char_name(ch: str) -> str:
    return _NAMES.get(ch) or unicodedata.name(ch, f"U+{ord(ch):04X}")


def _where(value: str, index: int) -> str:
    if index == 0:
        return "开头"
    if index == len(value) - 1:
        return "末尾"
    return f"第 {index} 个字后面"


def invisible_message(value: str) -> str | None:
    """「JY-03\u200b」末尾有一个看不见的零宽空格 — or None when the text is clean."""
    match = INVISIBLE_RE.search(value)
    if match is None:
        return None
    shown = INVISIBLE_RE.sub("", value)
    shown = shown if len(shown) <= 30 else shown[:30] + "……"
    char = match.group(0)
    # A control character (NUL, ESC …) has a name no author knows; say first what kind of thing it is.
    what = f"控制字符「{char_name(char)}」" if unicodedata.category(char) == "Cc" else char_name(char)
    return f"「{shown}」{_where(value, match.start())}有一个看不见的{what}（U+{ord(char):04X}），请删除后重新输入"


def odd_characters(value: str) -> str:
    """Why a value that should be an ID is not one, in words: invisible or full-width characters."""
    hidden = invisible_message(value)
    if hidden:
        return hidden
    wide = FULL_WIDTH_RE.search(value)
    if wide:
        kind = "全角空格" if wide.group(0) == "\u3000" else f"全角字符「{wide.group(0)}」"
        return f"「{value}」中有{kind}，编号只能用半角字母、数字和连字符"
    return ""


def invisible_lines(text: str, only_unreadable: bool = False) -> list[tuple[int, str]]:
    """(line number, message) for each line of a source text that holds an invisible character
    (with only_unreadable, just the control characters a YAML parser would choke on)."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        if only_unreadable and not UNREADABLE_RE.search(line):
            continue
        message = invisible_message(line.strip())
        if message:
            found.append((number, message))
    return found
