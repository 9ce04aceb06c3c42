"""The files under docs/ that a build may read, found once, with the ones it must not read refused.

A symlink that leads outside docs/ (to /etc, a home folder, another project) is refused by name, never
read, so its content can reach neither the site nor an error message. Two files whose published names differ
only in case would overwrite each other on Windows and macOS disks and in zip tools: refused too. So are names
with spaces, Chinese or other signs (a page address or download name is percent-encoded, the file is not), and
data files saved as .yaml (one rule: .yml)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import Problem, display_path

# Every file in docs/ may become a page address or a download name.
NAME_RE = re.compile(r"[A-Za-z0-9._-]+")
NAME_RULE = "只能用英文字母、数字、连字符“-”、下划线“_”和点“.”，不能有空格、中文或其他符号"
YAML_SUFFIX = ".yaml"


def _own_rules(rel: str) -> bool:
    """Names their loader judges, with a stricter rule (a unit code) or more context (a list's slug)."""
    folder, name = str(PurePosixPath(rel).parent), PurePosixPath(rel).name
    return folder == "units" or (folder == "checklists" and name.endswith((".yml", YAML_SUFFIX)))


@dataclass
class SourceTree:
    docs: Path
    root: Path
    files: list[str] = field(default_factory=list)       # docs-relative POSIX paths, sorted
    problems: list[Problem] = field(default_factory=list)

    def path(self, rel: str) -> Path:
        return self.docs / rel

    def display(self, rel: str) -> str:
        return display_path(self.docs / rel, self.root)

    def matching(self, folder: str, suffixes: tuple[str, ...]) -> list[str]:
        """Files directly in `folder` (docs-relative) with one of the suffixes, in name order."""
        return [f for f in self.files
                if str(PurePosixPath(f).parent) == folder and PurePosixPath(f).suffix in suffixes]


def _inside(path: Path, base: Path) -> bool:
    try:
        path.resolve().relative_to(base)
        return True
    except (ValueError, OSError, RuntimeError):  # outside, unreadable, or a symlink loop
        return False


def scan(docs: Path, root: Path) -> SourceTree:
    tree = SourceTree(docs, root)
    base = docs.resolve()
    seen_dirs = {base}
    for folder, dirs, names in os.walk(docs, followlinks=True):
        here = Path(folder)
        for name in sorted(dirs):
            sub = here / name
            if not _inside(sub, base) or sub.resolve() in seen_dirs:
                if not _inside(sub, base):
                    tree.problems.append(Problem(display_path(sub, root), None, "（文件夹）",
                                                 "这是指向 docs/ 以外的链接（符号链接），为安全起见不读取；请把内容本身复制进来"))
                dirs.remove(name)
            else:
                seen_dirs.add(sub.resolve())
                if not NAME_RE.fullmatch(name):
                    tree.problems.append(_name_problem(display_path(sub, root), name, "文件夹名"))
        for name in names:
            path = here / name
            if not _inside(path, base):
                tree.problems.append(Problem(display_path(path, root), None, "（文件）",
                                             "这是指向 docs/ 以外的链接（符号链接），为安全起见不读取、不发布；"
                                             "请把文件本身复制进来"))
                continue
            rel = path.relative_to(docs).as_posix()
            tree.files.append(rel)
            if not _own_rules(rel):
                tree.problems += name_problems(display_path(path, root), name)
    tree.files.sort()
    return tree


def _name_problem(display: str, name: str, what: str) -> Problem:
    return Problem(display, None, "（文件名）", f"{what}「{name}」不能用：docs/ 中的文件名和文件夹名{NAME_RULE}"
                                             "（它们会成为网址和下载文件名）；请改名，如用拼音或英文")


def yaml_suffix_message(name: str) -> str:
    return f"本站的数据文件一律用 .yml 扩展名（不用 .yaml）：请把「{name}」改名为「{name[:-len(YAML_SUFFIX)]}.yml」"


def name_problems(display: str, name: str) -> list[Problem]:
    """The naming rules every file in docs/ follows (checklists/ and units/ add their own)."""
    if not NAME_RE.fullmatch(name):
        return [_name_problem(display, name, "文件名")]
    if name.endswith(YAML_SUFFIX):
        return [Problem(display, None, "（文件名）", yaml_suffix_message(name))]
    return []


def case_collisions(paths: list[str], root_display: str) -> list[Problem]:
    """Published paths that differ only in letter case."""
    first: dict[str, str] = {}
    problems = []
    for path in sorted(paths):
        other = first.setdefault(path.lower(), path)
        if other != path:
            problems.append(Problem(f"{root_display}/{path}", None, "（文件名）",
                                    f"与 {root_display}/{other} 只有字母大小写不同；在 Windows、苹果电脑和压缩包中"
                                    "两者会互相覆盖，请改用不同的文件名"))
    return problems
