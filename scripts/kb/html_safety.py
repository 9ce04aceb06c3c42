"""The last line of defence: the HTML a page really became, parsed, must hold nothing that runs or fetches.

The source checks in pages.py catch what an author typed; this catches what any path (front matter, a
heading in the navigation, an extension, a generated page) turned into markup. It runs on every built page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .urls import url_problem

# Elements that run code, embed another document, or redirect links and forms.
ACTIVE_TAGS = {"script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "form", "meta",
               "link", "style", "portal", "noscript"}
LOADING_ATTRS = {"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "ping", "manifest"}
LINK_ATTRS = {"href", "action", "formaction", "xlink:href", "cite", "longdesc", "usemap"}
_STYLE_DANGER = re.compile(r"url\s*\(|expression\s*\(|@import|javascript:|behavior\s*:", re.IGNORECASE)
# The theme's own inline scripts (Material 9.8 base.html): scope, palette, and the anchor fix.
THEME_INLINE_SCRIPTS = ("__md_scope", "var palette", "var target")


@dataclass(frozen=True)
class Finding:
    line: int
    message: str


class _Scanner(HTMLParser):
    def __init__(self, allowed_tags: set[str], whole_page: bool):
        super().__init__(convert_charrefs=True)
        self.allowed_tags = allowed_tags
        self.whole_page = whole_page
        self.findings: list[Finding] = []
        self._script: tuple[int, dict] | None = None

    def _add(self, message: str) -> None:
        self.findings.append(Finding(self.getpos()[0], message))

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag in ACTIVE_TAGS and tag not in self.allowed_tags:
            self._add(f"页面中出现了 <{tag}> 元素：它会运行脚本或加载外部内容，不能由页面内容产生")
        if tag == "script" and "script" in self.allowed_tags:
            self._script = (self.getpos()[0], values)
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on"):
                self._add(f"页面中出现了事件属性 {name}=：它会在读者的浏览器中运行脚本")
            elif name == "style" and value and _STYLE_DANGER.search(value):
                self._add("页面中的 style 属性含有 url()、expression() 等会加载内容或运行代码的写法")
            elif value and (name in LOADING_ATTRS or name in LINK_ATTRS):
                reason = url_problem(value, loads=name in LOADING_ATTRS or tag in ("link", "script"))
                if reason:
                    self._add(reason)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._script is None:
            return
        line, values = self._script
        self._script = None
        if values.get("src") or values.get("type") == "application/json":
            return
        if not data.strip().startswith(THEME_INLINE_SCRIPTS):
            self.findings.append(Finding(line, "页面中出现了不属于网站主题的内联脚本"))

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self._script = None  # an empty script element


def content_findings(html: str, generated: bool) -> list[Finding]:
    """The rendered body of one page. Generated pages may carry their print stamp in a <style> block."""
    scanner = _Scanner({"style"} if generated else set(), whole_page=False)
    scanner.feed(html)
    scanner.close()
    return scanner.findings


# The whole output page is scanned with one regular expression (C speed): with a thousand pages in the
# navigation every page is large, and a Python HTML parser over each would double the build time.
_PAGE_RE = re.compile(
    r"<(?P<tag>script|iframe|object|embed|frame|frameset|applet|base|portal)\b(?P<attrs>[^>]*)>(?=(?P<after>.{0,40}))"
    # An event attribute, found outside quoted values: a tooltip may quote text like "onerror=" harmlessly.
    r"""|<[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*?\s(?P<event>on[a-z]+)\s*="""
    r"""|\s(?:href|src|action|formaction|xlink:href|data|poster|srcset)\s*=\s*["']?[\s\x00-\x1f]*"""
    r"(?P<scheme>javascript|vbscript|data|file)\s*:",
    re.IGNORECASE | re.DOTALL)
_SRC_RE = re.compile(r"""\ssrc\s*=\s*["']?([^"'\s>]+)""")


def page_findings(html: str) -> list[Finding]:
    """A whole output page: the theme's own scripts and local files are allowed, nothing else is."""
    findings = []
    for match in _PAGE_RE.finditer(html):
        line = html.count("\n", 0, match.start()) + 1
        if match.group("event"):
            findings.append(Finding(line, f"页面中出现了事件属性 {match.group('event')}=：它会在读者的浏览器中运行脚本"))
        elif match.group("scheme"):
            findings.append(Finding(line, f"页面中出现了 {match.group('scheme').lower()}: 链接：它会运行脚本或打开本地文件"))
        elif not _allowed_script(match):
            findings.append(Finding(line, f"页面中出现了 <{match.group('tag').lower()}> 元素：它会运行脚本或加载外部内容"))
    return findings


def _allowed_script(match: re.Match) -> bool:
    """The theme's own script elements: local files, its JSON configuration and its inline snippets."""
    if match.group("tag").lower() != "script":
        return False
    attrs = match.group("attrs")
    src = _SRC_RE.search(attrs)
    if src:
        return url_problem(src.group(1), loads=True) is None
    return "application/json" in attrs or match.group("after").lstrip().startswith(THEME_INLINE_SCRIPTS)
