"""What a page says about itself: its headline, publication date and outlet.

Used when no `sources.toml` manifest, front matter or HTML `<meta>` tag says. Inference is
deliberately timid: a wrong date or outlet shown as fact is worse than none, so dates are taken
only from bylines, datelines and the top of the page (a date deep in the body is usually the
event's, not the article's), and the outlet only from a copyright line or a "<Name> News Desk"
byline. Nothing here guesses a name from a domain or a masthead it cannot recognise.

Numeric dates are ambiguous: `03-04-2024` is 3 April in most of the world and March 4 in the US.
The order is settled, in turn, by a field over 12 in that date, by another unambiguous numeric
date in the same text, and otherwise day-first (the common order outside the US, and the one
used by the news sites that print dashed dates).
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from core.model import Block


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


_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
          r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
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
        return _dt.date(y, m, d).isoformat()
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
        return _ymd(int(g["my"]), _MONTHS[g["mm"][:3].lower()], int(g["md"]))
    return _ymd(int(g["dy"]), _MONTHS[g["dm"][:3].lower()], int(g["dd"]))


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


def dates_in(text: str, dayfirst: bool = True) -> Iterable[str]:
    """Every valid full date in `text`, in order, as YYYY-MM-DD."""
    for m in DATE.finditer(text):
        iso = _match_to_iso(m, dayfirst)
        if iso:
            yield iso


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
    """The outlet named by a copyright line or a "<Name> News Desk" byline, else None."""
    for b in blocks:
        if b.kind != "meta":
            continue
        m = _DESK.match(text[b.start:b.end].strip())
        if m and m.group("name").lower() not in _NOT_A_NAME:
            name = _plausible_name(m.group("name"))
            if name:
                return name
    for b in reversed(blocks):  # the copyright line is at the foot of the page
        if b.end - b.start > 200:
            continue
        line = text[b.start:b.end]
        m = _COPYRIGHT.search(line)
        if not m:
            continue
        rest = line[m.start():]
        rest = rest[_COPYRIGHT_NOISE.match(rest).end():]
        cut = _NAME_END.search(rest)
        name = _plausible_name(rest[:cut.start()] if cut else rest)
        if name:
            return name
    return None


_BREADCRUMB = re.compile(r"^(?:home|start|news)\b[^»›>|/]*(?:[»›>|/][^»›>|/]*)*[»›>|/]\s*", re.IGNORECASE)
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


def infer(text: str, blocks: Sequence[Block]) -> Metadata:
    """Title, publication date and outlet as far as `text` and its `blocks` show them."""
    return Metadata(
        title=infer_title(text, blocks),
        outlet=infer_outlet(text, blocks),
        published=infer_published(text, blocks),
    )
