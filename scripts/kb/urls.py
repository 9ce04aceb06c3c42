"""Which link targets a page may carry: relative links, #anchors and mailto: always; http(s) only as a link
a reader clicks, never as something the browser fetches by itself (the site must call no outside host).
Everything else — javascript:, data:, vbscript:, file: — is refused."""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

from .errors import echo

# Browsers drop these before they read a scheme ("java\tscript:" is javascript:).
_IGNORED = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def url_problem(url: str, loads: bool) -> str | None:
    """Why a link target is refused, in Chinese, or None when it is allowed."""
    cleaned = _IGNORED.sub("", unquote(html.unescape(url)))
    scheme = _SCHEME.match(cleaned)
    if cleaned.startswith("//"):
        return f"链接「{echo(url)}」指向外部网站且没有写明协议，本站不能访问外部网站"
    if scheme is None:
        return None
    name = scheme.group(1).lower()
    if name == "mailto" and not loads:
        return None
    if name in ("http", "https"):
        if not loads:
            return None
        return f"图片或嵌入内容「{echo(url)}」来自外部网站：内网读者打不开，也不能让页面访问外部网站，请把文件放进 docs/"
    return f"链接「{echo(url)}」使用了不允许的协议「{name}:」：只能用站内相对链接、#锚点、mailto: 或 http(s) 网址"
