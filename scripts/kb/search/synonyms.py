"""The search synonym table (docs/glossary/synonyms.yml): read, checked against the glossary and the pages,
and turned into the groups the search worker expands queries with.

One group per entry: typing any of its words also searches the others. Retired words (retired.yml) join the
group of the name they were replaced by, as search-only variants: the glossary prints them only in its
「已停用的说法」 table, marked as retired, never as a valid name."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..data_file import load_data
from ..errors import Problem, echo
from ..glossary import Retired, Term
from ..sources import SourceTree

SYNONYMS = "glossary/synonyms.yml"
SYNONYMS_SCHEMA = "glossary/synonyms.schema.json"


@dataclass
class Synonym:
    use: str
    variants: list[str]
    note: str = ""
    line: int | None = None
    retired: list[str] = field(default_factory=list)   # search-only, from retired.yml

    @property
    def words(self) -> list[str]:
        return [self.use, *self.variants, *self.retired]


def load_synonyms(tree: SourceTree, terms: list[Term], retired: list[Retired],
                  site_text: str) -> tuple[list[Synonym], list[Problem]]:
    """`site_text`: all text the site prints (pages, checklists, glossary), to check each `use` is a word in it."""
    if SYNONYMS not in tree.files:
        return _with_retired([], retired), []
    data, problems = load_data(tree, SYNONYMS, SYNONYMS_SCHEMA)
    if data is None:
        return [], problems
    display = tree.display(SYNONYMS)
    term_of = {s: t.term for t in terms for s in [t.term, *t.aliases]}
    retired_words = {r.term: r.use for r in retired}
    seen: dict[str, str] = {}
    synonyms = []
    for index, entry in enumerate(data):
        where = f"第 {index + 1} 条"
        if entry["use"] not in site_text:
            problems.append(Problem(display, entry.line, f"{where}的「本站名称」（use）",
                                    f"「{echo(entry['use'])}」在术语表和网站正文中都没有出现；本站名称必须是网站实际使用的说法"))
        named_terms = sorted({term_of[w] for w in [entry["use"], *entry["variants"]] if w in term_of})
        if len(named_terms) > 1:
            problems.append(Problem(display, entry.line, f"{where}",
                                    f"同一条中有两个不同的术语（{'、'.join(named_terms)}），它们是不同的概念，不能互为同义词"))
        for word in [entry["use"], *entry["variants"]]:
            if word in retired_words:
                problems.append(Problem(display, entry.line, f"{where}「{echo(word)}」",
                                        f"「{echo(word)}」是已停用的说法（retired.yml 写明改用「{retired_words[word]}」），"
                                        "检索会自动按改用的名称查找，请从同义词表中去掉"))
            elif word in seen:
                problems.append(Problem(display, entry.line, f"{where}「{echo(word)}」",
                                        f"「{echo(word)}」已经写在{seen[word]}，一个说法只能属于一条"))
            seen.setdefault(word, where)
        synonyms.append(Synonym(entry["use"], list(entry["variants"]), entry.get("note", ""), entry.line))
    return _with_retired(synonyms, retired), problems


def _with_retired(synonyms: list[Synonym], retired: list[Retired]) -> list[Synonym]:
    by_word = {w: s for s in synonyms for w in [s.use, *s.variants]}
    for r in retired:
        group = by_word.get(r.use)
        if group is None:
            group = Synonym(r.use, [], line=r.line)
            synonyms.append(group)
            by_word[r.use] = group
        group.retired.append(r.term)
    return synonyms


def groups(synonyms: list[Synonym]) -> list[list[str]]:
    """Word groups for the worker: the site's name first."""
    return [s.words for s in synonyms if len(s.words) > 1]
