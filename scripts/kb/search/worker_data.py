"""Global data of the search worker, computed at build time and embedded in the worker file.

- vocabulary: jieba words of the index, glossary terms and their aliases, short titles, synonyms — each with
  its pinyin (pypinyin), so Latin input (`shyk`, `sanhuiyike`) and homophone slips (谈心谈化) find the word;
- a traditional → simplified map (OpenCC) for the characters that occur in the index, and no others;
- the readings of common characters (GB 2312), to read a typed homophone the way the vocabulary is read;
- synonym groups, question forms, generic words, the shape of an ID, and what the site covers."""

from __future__ import annotations

import re
from functools import lru_cache

from .synonyms import Synonym, groups
from .words import FUNCTION_CHARS, GENERIC, HINTS, QUESTION_FORMS

HAN = re.compile(r"^[\u4e00-\u9fff]+$")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
MAX_WORD = 12


def vocabulary(docs: list[dict], extra: list[str]) -> list[str]:
    import jieba

    words: set[str] = set()
    seen: set[str] = set()
    for doc in docs:
        for text in [doc["title"], doc["text"], *doc.get("aliases", [])]:
            for run in HAN_RUN.findall(text):
                if run in seen:  # generated sites repeat whole sentences; cut each once
                    continue
                seen.add(run)
                words.update(w for w in jieba.cut(run) if 2 <= len(w) <= MAX_WORD)
    for word in extra:
        words.update(run for run in HAN_RUN.findall(word) if 2 <= len(run) <= MAX_WORD)
    return sorted(words)


def _pinyin(word: str) -> str:
    from pypinyin import lazy_pinyin

    return " ".join(lazy_pinyin(word))


@lru_cache(maxsize=1)
def char_readings() -> dict[str, str]:
    """syllable → the common characters read that way (every reading of a character counts)."""
    from pypinyin import Style, pinyin

    by_syllable: dict[str, list[str]] = {}
    for code in range(0x4E00, 0xA000):
        char = chr(code)
        try:
            char.encode("gb2312")
        except UnicodeEncodeError:
            continue
        for reading in set(pinyin(char, style=Style.NORMAL, heteronym=True)[0]):
            if reading.isascii() and reading.isalpha():
                by_syllable.setdefault(reading, []).append(char)
    return {s: "".join(chars) for s, chars in sorted(by_syllable.items())}


def traditional_map(chars: set[str]) -> dict[str, str]:
    """Traditional (and Taiwan/Hong Kong) forms of the index's characters → the simplified character."""
    import opencc

    converters = [opencc.OpenCC(name) for name in ("s2t", "s2tw", "s2hk")]
    found = {}
    for char in sorted(chars):
        for converter in converters:
            variant = converter.convert(char)
            if variant != char and len(variant) == 1 and ord(variant) < 0x10000:  # one UTF-16 unit in the worker
                found[variant] = char
    return found


def worker_data(docs: list[dict], site_words: list[str], synonyms: list[Synonym], covers: str,
                links: list[dict]) -> dict:
    synonym_groups = groups(synonyms)
    extra = [*site_words, *(w for g in synonym_groups for w in g), *GENERIC]
    words = vocabulary(docs, extra)
    chars = {c for doc in docs for field in ("title", "text") for c in doc[field] if "\u4e00" <= c <= "\u9fff"}
    chars |= {c for w in words for c in w}
    return {
        "vocab": words,
        "pinyin": [_pinyin(w) for w in words],
        "trad": "".join(f"{t}{s}" for t, s in traditional_map(chars).items()),
        "readings": char_readings(),
        "synonyms": synonym_groups,
        "questions": QUESTION_FORMS,
        "function_chars": FUNCTION_CHARS,
        "generic": GENERIC,
        "hints": [[pattern, words] for pattern, words in HINTS],
        "covers": covers,
        "links": links,
    }
