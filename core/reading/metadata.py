"""What is known of an article's headline, publication date, outlet and address.

`Metadata` holds it; `from_table` reads it from a manifest entry or front matter, and
`front_matter` finds that at the top of a file. When nothing says, `infer` reads the text. It is
deliberately timid: a wrong date or outlet shown as fact is worse than none, so dates are taken
only from bylines, datelines and the top of the page (a date deep in the body is usually the
event's, not the article's), and the outlet only from a copyright line or a "<Name> News Desk"
byline, or a masthead that opens the page and is repeated in the copyright line. Nothing here
guesses a name from a domain or from a line it cannot recognise as the outlet's.

Numeric dates are ambiguous: `03-04-2024` is 3 April in most of the world and March 4 in the US.
The order is settled, in turn, by a field over 12 in that date, by another unambiguous numeric
date in the same text, and otherwise day-first (the common order outside the US, and the one
used by the news sites that print dashed dates).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields

import tomllib

from ..calendar_names import MONTH_PATTERN, month_number
from ..model import Block


@dataclass(frozen=True)
class Metadata:
    """What is known about one source; None where nothing says."""

    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    """YYYY-MM-DD."""
    url: str | None = None

    def over(self, *lower: Metadata) -> Metadata:
        """Fills this layer's gaps, field by field, from lower-priority layers in order."""
        values = {}
        for f in fields(self):
            value = getattr(self, f.name)
            for layer in lower:
                if value is not None:
                    break
                value = getattr(layer, f.name)
            values[f.name] = value
        return Metadata(**values)


_MONTH = MONTH_PATTERN
_YEAR = r"(?:19|20)\d\d"
DATE = re.compile(
    r"(?<![\w-])(?:"
    rf"(?P<iy>{_YEAR})[-/.](?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}})(?!\d)"
    rf"|(?P<na>\d{{1,2}})(?P<sep>[-/.])(?P<nb>\d{{1,2}})(?P=sep)(?P<ny>{_YEAR})(?!\d)"
    rf"|(?P<mm>{_MONTH})\.?\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<my>{_YEAR})(?!\d)"
    rf"|(?P<dd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm>{_MONTH})\.?,?\s+(?P<dy>{_YEAR})(?!\d)"
    r")",
    re.IGNORECASE,
)
"""A full calendar date (with year) in any of the forms news pages print."""


def _ymd(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _match_to_iso(m: re.Match, dayfirst: bool) -> str | None:
    g = m.groupdict()
    if g["iy"]:
        return _ymd(int(g["iy"]), int(g["im"]), int(g["id"]))
    if g["na"]:
        a, b = int(g["na"]), int(g["nb"])
        if a > 12 or (dayfirst and b <= 12):
            return _ymd(int(g["ny"]), b, a)
        return _ymd(int(g["ny"]), a, b)
    if g["mm"]:
        return _ymd(int(g["my"]), month_number(g["mm"]), int(g["md"]))
    return _ymd(int(g["dy"]), month_number(g["dm"]), int(g["dd"]))


_NUMERIC_DATE = re.compile(r"(?<![\w-])(\d{1,2})([-/.])(\d{1,2})\2(?:19|20)\d\d(?!\d)")


def dayfirst_in(text: str) -> bool:
    """Whether the unambiguous numeric dates in `text` are day-first (the default when none is)."""
    for m in _NUMERIC_DATE.finditer(text):
        a, b = int(m.group(1)), int(m.group(3))
        if a > 12 >= b:
            return True
        if b > 12 >= a:
            return False
    return True


def parse_date(value: str, *, dayfirst: bool = True) -> str | None:
    """The first full date in `value` as YYYY-MM-DD, or None.

    Accepts `2024-11-23` (also with a time after it, as in ISO timestamps), `23-11-2024`,
    `Jul 29, 2024`, `July 29, 2024`, `29 July 2024`; `dayfirst` decides `03-04-2024`.
    """
    for m in DATE.finditer(value):
        iso = _match_to_iso(m, dayfirst)
        if iso:
            return iso
    return None


# A wire dateline opening the first paragraph: "WASHINGTON, Nov 23, 2024 (Reuters) -".
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]{2,30},[^,\n]{0,30}?,?\s*$")


def infer_published(text: str, blocks: Sequence[Block]) -> str | None:
    """The publication date: from a byline or dateline, else the top of the page, else None."""
    order: list[bool] = []

    def first_date(start: int, end: int, dateline: bool = False) -> str | None:
        for m in DATE.finditer(text, start, end):
            if dateline and not _DATELINE.fullmatch(text, start, m.start()):
                return None
            if m.group("na") and not order:  # only an ambiguous numeric date needs the text's habit
                order.append(dayfirst_in(text))
            iso = _match_to_iso(m, order[0] if order else True)
            if iso:
                return iso
        return None

    for b in blocks:
        if b.kind == "meta" and (iso := first_date(b.start, b.end)):
            return iso
    for b in blocks:
        if b.kind == "body":  # only a dateline opening the first paragraph counts
            return first_date(b.start, min(b.end, b.start + 80), dateline=True)
        if b.kind != "junk" and (iso := first_date(b.start, b.end)):
            return iso
    return None


_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b", re.IGNORECASE)
_COPYRIGHT_NOISE = re.compile(
    r"^(?:\s|©|\(c\)|copyright\b|(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)?\d\d)?|,|by\b)*",
    re.IGNORECASE,
)
_NAME_END = re.compile(r"\.\s|\.$|\||\s[-–—]\s|,|\ball rights\b|\bsome rights\b", re.IGNORECASE)
_DESK = re.compile(
    r"^(?:by\s+)?(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}?)\s+"
    r"(?:news\s*desk|newsdesk|web\s*desk|digital\s*desk|online\s*desk|desk|staff|bureau)\b",
    re.IGNORECASE,
)
_SEGMENT = re.compile(r"\s[•·|—–-]\s|©|\(c\)|\bcopyright\b", re.IGNORECASE)
_NOT_A_NAME = {"the", "our", "by", "news", "web", "staff", "all", "a", "from"}


def _plausible_name(name: str) -> str | None:
    name = name.strip(" .,:;|-–—\t")
    words = name.split()
    if not 1 <= len(words) <= 6 or not name[0].isalpha() or not name[0].isupper():
        return None
    if name.lower() in _NOT_A_NAME or name.lower().startswith(("all rights", "copyright")):
        return None
    return name


def infer_outlet(text: str, blocks: Sequence[Block]) -> str | None:
    """The outlet named by a "<Name> News Desk" byline or a copyright line, else None."""
    for b in blocks:
        if b.kind != "meta":
            continue
        m = _DESK.match(text[b.start:b.end].strip())
        if m and m.group("name").lower() not in _NOT_A_NAME:
            name = _plausible_name(m.group("name"))
            if name:
                return name
    top = {" ".join(text[b.start:b.end].split()) for b in blocks[:5] if b.end - b.start <= 60}
    for b in reversed(blocks):  # the copyright line is at the foot of the page
        if b.end - b.start > 200:
            continue
        line = text[b.start:b.end]
        m = _COPYRIGHT.search(line) if ("©" in line or "(" in line or "opyright" in line) else None
        if not m:
            continue
        rest = line[m.start():]
        noise = _COPYRIGHT_NOISE.match(rest)
        rest = rest[noise.end():] if noise else rest
        cut = _NAME_END.search(rest)
        name = _plausible_name(rest[:cut.start()] if cut else rest)
        # "Kenya Today • P.O. Box ... • © 2024": the masthead that opens the page, named again here
        masthead = " ".join(_SEGMENT.split(line, 1)[0].split())
        if not name and masthead in top:
            name = _plausible_name(masthead)
        if name:
            return name
    return None


_BREADCRUMB = re.compile(r"^(?:home|start|news)\b[^»›>|/]*(?:[»›>|/][^»›>|/]*)*[»›>|/]\s*",
                         re.IGNORECASE)
_MARKDOWN_HEAD = re.compile(r"^\s*#+\s*")


def infer_title(text: str, blocks: Sequence[Block]) -> str | None:
    """The headline: the shortest `title` block (the others repeat it with a prefix or suffix)."""
    titles = [" ".join(text[b.start:b.end].split()) for b in blocks if b.kind == "title"]
    if not titles:
        return None
    title = min(titles, key=len)
    title = _MARKDOWN_HEAD.sub("", title)
    title = _BREADCRUMB.sub("", title)
    return title.strip() or None


def from_table(table: Mapping) -> tuple[Metadata, list[str]]:
    """Metadata from a manifest entry or front matter, and what was wrong with it."""
    values, complaints = {}, []
    for key in ("title", "outlet", "url"):
        value = table.get(key)
        if isinstance(value, str) and value.strip():
            values[key] = value.strip()
        elif value is not None:
            complaints.append(f"{key} should be a string, ignored")
    raw = table.get("published", table.get("date"))
    if isinstance(raw, dt.datetime):
        values["published"] = raw.date().isoformat()
    elif isinstance(raw, dt.date):
        values["published"] = raw.isoformat()
    elif isinstance(raw, str) and (day := parse_date(raw)):
        values["published"] = day
    elif raw is not None:
        complaints.append(f"published = {raw!r} is not a date (YYYY-MM-DD), ignored")
    return Metadata(**values), complaints


def toml_error(e: Exception, line_shift: int = 0) -> str:
    """tomllib's message (which names the line), its line numbers moved by `line_shift`."""
    message = str(e)
    if line_shift:
        message = re.sub(r"line (\d+)", lambda m: f"line {int(m.group(1)) + line_shift}", message)
    return message


# The closing fence may end in "\r": files saved on Windows have CRLF line ends throughout.
_TOML_FENCE = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)^\+\+\+[ \t]*\r?$", re.S | re.M)
_YAML_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$", re.S | re.M)
_YAML_KEY = re.compile(r"^(title|outlet|site|publisher|published|date|url)[ \t]*:[ \t]*(.+?)\s*$", re.M)


def front_matter(text: str) -> tuple[Metadata, int, str]:
    """Front matter at the top of `text`: its metadata, where it ends (0: none), and a complaint.

    TOML between `+++` lines is the documented form; simple `key: value` lines between `---`
    lines (YAML, as static-site generators write it) are read for the same keys.
    """
    m = _TOML_FENCE.match(text)
    if m:
        try:
            meta, complaints = from_table(tomllib.loads(m.group(1)))
        except tomllib.TOMLDecodeError as e:
            return Metadata(), m.end(), f"front matter: {toml_error(e, 1)}; metadata inferred from the text"
        return meta, m.end(), "; ".join(f"front matter: {c}" for c in complaints)
    if text.startswith("+++"):
        return Metadata(), 0, "front matter opened by +++ is never closed; read as text"
    m = _YAML_FENCE.match(text)
    if m:
        pairs = {k: v.strip("\"'") for k, v in _YAML_KEY.findall(m.group(1))}
        pairs.setdefault("outlet", pairs.get("site") or pairs.get("publisher"))
        return from_table({k: v for k, v in pairs.items() if v})[0], m.end(), ""
    return Metadata(), 0, ""



def infer(text: str, blocks: Sequence[Block]) -> Metadata:
    """Title, publication date and outlet as far as `text` and its `blocks` show them."""
    return Metadata(
        title=infer_title(text, blocks),
        outlet=infer_outlet(text, blocks),
        published=infer_published(text, blocks),
    )
