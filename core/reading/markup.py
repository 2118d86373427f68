"""HTML to readable text, with a map from every readable character back to the page source.

Claims must point at exact spans of the file on disk, so the page is read by a small regex
tokenizer over the raw text (`html.parser` reports line/column pairs and hides entity bounds):
every character of `Page.plain` knows its index in the source. An entity (`&amp;`) maps to its
`&`. A space or line break that stands for a gap between two pieces of text (whitespace, tags,
comments, a skipped `<script>`, all collapsed into it) maps to the gap's first character, right
after the text before it. So `text[offsets[i]:offsets[j]]` for a span of `plain` that ends at a
gap ends where its last character's markup does: a figure followed by `</b>` or a `<script>`
maps to the figure and the markup inside it, never to what follows.

Block-level tags become line breaks (a blank line between paragraphs); scripts, styles, SVG and
the `<head>` (but its `<title>`) are dropped; text inside furniture (`<nav>`, `<footer>`,
`<aside>`, a `<header>` outside `<article>`, an element whose class or id names a menu, sidebar,
share bar...) is reported as junk spans for the block classifier. The page's own metadata
(`<meta>` tags, `<time datetime>`, JSON-LD) is collected on the way.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import cache
from html.entities import html5

from .metadata import parse_date


@dataclass(frozen=True)
class Page:
    """An HTML page read as text."""

    plain: str
    offsets: tuple[int, ...]
    """`offsets[i]` is the index in the source of `plain[i]`; one extra entry, the source length."""
    junk: tuple[tuple[int, int], ...] = ()
    """Spans of `plain` inside page furniture (navigation, footers, sidebars, share bars)."""
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_DECL = re.compile(r"<[!?][^>]*>?")
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_WORD = re.compile(r"[^ \t\n\r\f\v\xa0]+")
_PRE_LINE = re.compile(r"\r\n|\n|\r|[^\r\n]+")

_SKIPPED = frozenset("script style noscript template svg math iframe object textarea select".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr keygen".split())
_LINE_TAGS = frozenset("br li tr dt dd option".split())
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset"
    " figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav"
    " ol p pre section summary table tbody tfoot thead tr ul option".split()
)
_JUNK_TAGS = frozenset(("nav", "footer", "aside", "menu"))
_JUNK_ROLES = frozenset(("navigation", "banner", "contentinfo", "complementary", "search"))
_JUNK_NAMES = frozenset(
    "menu menus nav navbar navigation footer sidebar related cookie cookies share sharing social"
    " newsletter comments comment breadcrumb breadcrumbs promo advert advertisement ads subscribe"
    " trending recommended popular masthead colophon".split()
)
_JUNK_PREFIXES = ("related", "sidebar", "breadcrumb", "newsletter", "comment", "cookie", "social", "sharing",
                  "navbar", "navigation", "footer", "advert", "trending", "recommend")
"""Also furniture when glued to more letters, as in `relatedposts` or `sidebarwidget`."""
_NEVER_JUNK = frozenset(("html", "body", "main", "article"))
_CLASS_PART = re.compile(r"[-_\s]+|(?<=[a-z])(?=[A-Z])")
_PUBLISHED_KEYS = (
    *"article:published_time og:published_time datepublished ld:date date pubdate publishdate"
    " publish-date publish_date dc.date dc.date.issued dcterms.date dcterms.created sailthru.date"
    " parsely-pub-date article.published time".split(),
)
"""Where the publication date may be, best first (`ld:` keys come from JSON-LD)."""


_TITLE_SEP = re.compile(r"\s+[|\-–—·:]{1,2}\s+")


@cache
def _closer(name: str) -> re.Pattern:
    return re.compile(rf"</{name}\s*>", re.I)


def _attrs(raw: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _ATTR.finditer(raw):
        value = next((g for g in m.groups()[1:] if g is not None), "")
        out.setdefault(m.group(1).lower(), html.unescape(value))
    return out


def _is_furniture(name: str, attrs: dict[str, str], in_article: bool) -> bool:
    if name in _NEVER_JUNK:
        return False
    if name in _JUNK_TAGS or (name == "header" and not in_article) or attrs.get("role", "").lower() in _JUNK_ROLES:
        return True
    for token in f"{attrs.get('class', '')} {attrs.get('id', '')}".split():
        parts = [p.lower() for p in _CLASS_PART.split(token) if p]
        if parts and parts[0] not in ("has", "with", "no", "is") and any(
                p in _JUNK_NAMES or p.startswith(_JUNK_PREFIXES) for p in parts):
            return True
    return False


class _Reader:
    """One pass over the source, building `plain`, `offsets` and the page's metadata."""

    def __init__(self, text: str):
        self.text, self.size = text, 0
        self.out: list[str] = []
        self.offsets: list[int] = []
        self.breaks, self.space = 0, -1  # a pending gap: line breaks, or a space (space >= 0)
        self.text_end = 0  # where the source of the last emitted character ends: a gap starts there
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, furniture, article)
        self.furniture = self.articles = 0
        self.in_head = self.pre = False
        self.junk: list[list[int]] = []  # [start, end] spans of plain
        self.h1: list[tuple[str, bool]] = []  # (text, inside furniture)
        self.h1_start = -1
        self.meta: dict[str, str] = {}
        self.title_tag: str | None = None

    def _put(self, s: str, offsets, end: int) -> None:
        """Emits `s`, whose source ends at `end`, after the line break or space pending before it."""
        if self.size and self.breaks:
            self.out.append("\n" * self.breaks)
            self.offsets.extend([self.text_end] * self.breaks)
            self.size += self.breaks
        elif self.size and self.space >= 0:
            self.out.append(" ")
            self.offsets.append(self.text_end)
            self.size += 1
        self.breaks, self.space = 0, -1
        start = self.size
        self.out.append(s)
        self.offsets.extend(offsets)
        self.size += len(s)
        self.text_end = end
        if self.furniture:
            if self.junk and self.junk[-1][1] >= start - 2:
                self.junk[-1][1] = self.size
            else:
                self.junk.append([start, self.size])

    def _break(self, at: int, n: int) -> None:
        if n > self.breaks:
            self.breaks = n
        self.space = -1

    def _space(self, at: int) -> None:
        if self.space < 0 and not self.breaks:
            self.space = at

    def _run(self, a: int, b: int) -> None:
        """Literal text `text[a:b]` (no entities)."""
        text = self.text
        if self.pre:
            for m in _PRE_LINE.finditer(text, a, b):
                if m.group()[0] in "\r\n":
                    self._break(m.start(), min(self.breaks + 1, 2))
                else:
                    self._put(m.group(), range(m.start(), m.end()), m.end())
            return
        words = [(m.start(), m.end()) for m in _WORD.finditer(text, a, b)]
        if not words:
            if b > a:
                self._space(a)
            return
        if words[0][0] > a:
            self._space(a)
        parts, offsets, last = [], [], -1
        for s, e in words:  # one emission per run: inner whitespace becomes one space
            if last >= 0:
                parts.append(" ")
                offsets.append(last)
            parts.append(text[s:e])
            offsets.extend(range(s, e))
            last = e
        self._put("".join(parts), offsets, last)
        if last < b:
            self._space(last)

    def _chars(self, a: int, b: int) -> None:
        """Character data `text[a:b]`: literal runs and entities."""
        pos = a
        for m in _ENTITY.finditer(self.text, a, b):
            s = m.group()
            if not s.endswith(";") and not s.startswith("&#"):
                name = next((s[1:k] for k in range(len(s), 2, -1) if s[1:k] in html5), None)
                if name is None:
                    continue
                s = "&" + name
            decoded = html.unescape(s)
            if decoded == s:
                continue
            self._run(pos, m.start())
            if decoded.isspace():
                self._space(m.start())
            else:
                self._put(decoded, [m.start()] * len(decoded), m.start() + len(s))
            pos = m.start() + len(s)
        self._run(pos, b)

    def _skip_to_close(self, name: str, pos: int) -> tuple[int, int]:
        """Where the closing tag of `name` starts and ends (the source's end when there is none)."""
        m = _closer(name).search(self.text, pos)
        return (m.start(), m.end()) if m else (len(self.text), len(self.text))

    def _start(self, name: str, raw: str, at: int, end: int) -> int:
        attrs = _attrs(raw) if raw.strip() else {}
        if name == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key and "content" in attrs:
                self.meta.setdefault(key, attrs["content"].strip())
            return end
        if name == "link" and "canonical" in attrs.get("rel", "").lower().split():
            self.meta.setdefault("canonical", attrs.get("href", ""))
        if name == "time" and "datetime" in attrs and not self.furniture:
            self.meta.setdefault("time", attrs["datetime"])
        if attrs.get("itemprop", "").lower() == "datepublished":
            self.meta.setdefault("datepublished", attrs.get("datetime") or attrs.get("content", ""))
        if name == "head":
            self.in_head = True
            return end
        if name == "body" or (self.in_head and name in _BLOCK_TAGS):
            self.in_head = False
        if name == "title":
            close, after = self._skip_to_close("title", end)
            self._break(at, 2)
            start = self.size
            self._chars(end, close)
            self.title_tag = self.title_tag or " ".join("".join(self.out)[start:].split())
            self._break(close, 2)
            return after
        if name in _SKIPPED:
            close, after = self._skip_to_close(name, end)
            if name == "script" and "ld+json" in attrs.get("type", ""):
                self._json_ld(self.text[end:close])
            return after
        if name in _LINE_TAGS:
            self._break(at, min(self.breaks + 1, 2) if name == "br" else 1)
        elif name in _BLOCK_TAGS:
            self._break(at, 2)
        elif name in ("td", "th"):
            self._space(at)
        if name in _VOID or raw.rstrip().endswith("/"):
            return end
        junk = _is_furniture(name, attrs, self.articles > 0)
        article = name == "article"
        self.stack.append((name, junk, article))
        self.furniture += junk
        self.articles += article
        if name == "pre":
            self.pre = True
        if name == "h1":
            self.h1_start = self.size
        return end

    def _end(self, name: str, at: int) -> None:
        if name == "head":
            self.in_head = False
        if name == "h1" and self.h1_start >= 0:
            text = " ".join("".join(self.out)[self.h1_start:].split())
            if text:
                self.h1.append((text, self.furniture > 0))
            self.h1_start = -1
        if name in _BLOCK_TAGS:
            self._break(at, 1 if name in _LINE_TAGS else 2)
        if name == "pre":
            self.pre = False
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == name:
                for _, junk, article in self.stack[k:]:
                    self.furniture -= junk
                    self.articles -= article
                del self.stack[k:]
                break

    def _json_ld(self, raw: str) -> None:
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            return
        items = data if isinstance(data, list) else [data]
        items += [g for d in items if isinstance(d, dict) for g in d.get("@graph", []) if isinstance(g, dict)]
        for d in items:
            if not isinstance(d, dict) or "datePublished" not in d and "headline" not in d:
                continue
            for key, value in (("ld:date", d.get("datePublished")), ("ld:headline", d.get("headline")),
                               ("ld:url", d.get("url"))):
                if isinstance(value, str) and value.strip():
                    self.meta.setdefault(key, value.strip())
            publisher = d.get("publisher")
            publisher = publisher[0] if isinstance(publisher, list) and publisher else publisher
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                self.meta.setdefault("ld:publisher", publisher["name"].strip())

    def read(self) -> Page:
        text, pos, n = self.text, 0, len(self.text)
        while pos < n:
            lt = text.find("<", pos)
            if lt < 0:
                lt = n
            if lt > pos and not self.in_head:
                self._chars(pos, lt)
            if lt >= n:
                break
            m = _TAG.match(text, lt)
            if m:
                name = m.group(2).lower()
                if m.group(1):
                    self._end(name, lt)
                    pos = m.end()
                else:
                    pos = self._start(name, m.group(3), lt, m.end())
                continue
            m = _COMMENT.match(text, lt) or _DECL.match(text, lt)
            if m:
                pos = m.end()
            else:  # a lone "<" is text
                if not self.in_head:
                    self._put("<", [lt], lt + 1)
                pos = lt + 1
        self.offsets.append(n)
        return Page(
            plain="".join(self.out),
            offsets=tuple(self.offsets),
            junk=tuple((a, b) for a, b in self.junk),
            **self._metadata(),
        )

    def _metadata(self) -> dict[str, str | None]:
        meta = self.meta
        outlet = meta.get("og:site_name") or meta.get("ld:publisher") or meta.get("application-name")
        date = next((meta[k] for k in _PUBLISHED_KEYS if meta.get(k)), "")
        title = next((t for t, junk in self.h1 if not junk and len(t.split()) >= 2), None)
        title = title or meta.get("og:title") or meta.get("ld:headline") or meta.get("twitter:title")
        title = title or next((t for t, _ in self.h1 if len(t.split()) >= 3), None)
        if not title and self.title_tag:
            parts = [p for p in _TITLE_SEP.split(self.title_tag) if p and p != outlet]
            title = max(parts, key=lambda p: len(p.split()), default=None)
        url = meta.get("og:url") or meta.get("canonical") or meta.get("ld:url")
        return {"title": title or None, "outlet": outlet or None,
                "published": parse_date(date) if date else None, "url": url or None}


def read_html(text: str) -> Page:
    """Reads an HTML page: its readable text, the map back to `text`, furniture and metadata."""
    return _Reader(text).read()
