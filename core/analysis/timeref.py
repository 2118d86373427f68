"""When a sentence says something happened: dates, months and weekdays, resolved against the
article's publication date where it has one.

Reports rarely give a full date for the event they cover ("on Thursday", "in July"), so a time
reference here is partial: year, month and day may each be missing. Two references conflict only
when what both know disagrees, which is what lets "Thursday, November 21" in an undated article
meet "on Thursday" in one published on 2024-11-23.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .. import calendar_names

MONTHS, WEEKDAYS = calendar_names.MONTHS, calendar_names.WEEKDAYS

_MON = calendar_names.MONTH_PATTERN
_DAY = "|".join(WEEKDAYS)
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
_MONTH_DAY = re.compile(rf"\b({_MON})\.?\s+(\d{{1,2}})(?:\s*[-–]\s*(\d{{1,2}}))?(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d\d))?\b", re.I)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?\s+(?:of\s+)?({_MON})\.?(?:,?\s+((?:19|20)\d\d))?\b", re.I)
_MONTH_ONLY = re.compile(rf"\b(?:in|since|during|early|late|mid|mid-|last|this|until|of|from)\s*-?\s*({_MON})(?:['’]s)?(?:\s+((?:19|20)\d\d))?\b|\b({_MON})['’]s\b|\b(?:the|a|an)\s+({_MON})\s+(?:attack|ambush|battle|clash|assault|offensive|raid|strike|bombing|massacre|fighting|incident|blast|explosion|shooting)", re.I)
_WEEKDAY = re.compile(rf"\b(?:on|last|this|late|early|since)\s+({_DAY})\b|\b({_DAY})['’]s\b|\b({_DAY})\s*,\s*({_MON})", re.I)
_YEAR = re.compile(r"\b(?:in|since|of|during)\s+(?:(?:early|late|mid)[\s-]+)?((?:19|20)\d\d)\b", re.I)
_LAST_YEAR = re.compile(r"\blast\s+year\b|\ba\s+year\s+(?:ago|earlier)\b", re.I)
_LAST_MONTH = re.compile(r"\blast\s+month\b|\ba\s+month\s+(?:ago|earlier)\b", re.I)
_EVENT_YEAR = re.compile(r"\b(?:the|a|an)\s+((?:19|20)\d\d)\s+(?:[A-Z][\w'’\-]*\s+){0,3}?(?:attack|ambush|bombing|blast|"
                         r"explosion|crash|collision|accident|derailment|disaster|tragedy|earthquake|quake|flood|floods|"
                         r"fire|stampede|crush|massacre|shooting|shipwreck|sinking|abduction|kidnapping|war|riots?)\b", re.I)
"""'the 2009 Coromandel crash': an event named by its year."""


@dataclass(frozen=True)
class When:
    """A partial date. `weekday` is 0=Monday; `day` may be the last day of a range."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    start: int = 0
    """Position in the sentence, so the reference nearest a figure can be chosen."""

    def iso(self) -> str | None:
        if self.year and self.month and self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.year and self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return None


def _month(name: str) -> int:
    return calendar_names.month_number(name)


def _resolve(year: int | None, month: int, day: int | None, pub: dt.date | None) -> int | None:
    if year or pub is None:
        return year
    if (month, day or 1) <= (pub.month, pub.day):
        return pub.year
    return pub.year - 1


_DIGIT = re.compile(r"\d")


def _has_month(low: str) -> bool:
    """Whether a lower-cased sentence could name a month: a substring test, so cheap enough to
    decide which of the date patterns need to run at all."""
    return any(m in low for m in calendar_names.MONTH_STEMS)


@lru_cache(maxsize=8192)
def find(sentence: str, pub: dt.date | None) -> tuple[When, ...]:
    """Every time reference in a sentence, resolved against `pub` where possible (cached: the
    event segmenter asks about each sentence several times)."""
    low = sentence.lower()
    digit = _DIGIT.search(sentence) is not None
    month = _has_month(low)
    weekday = "day" in low
    if not (digit or month or weekday or "year" in low):
        return ()
    out: list[When] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match) -> bool:
        return not any(a < m.end() and m.start() < b for a, b in taken)

    for m in _ISO.finditer(sentence) if digit and "-" in sentence else ():
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            out.append(When(y, mo, d, None, m.start()))
            taken.append(m.span())
    for m in _MONTH_DAY.finditer(sentence) if digit and month else ():
        if not free(m):
            continue
        mo = _month(m.group(1))
        d = int(m.group(3) or m.group(2))
        if 1 <= d <= 31:
            year = _resolve(int(m.group(4)) if m.group(4) else None, mo, d, pub)
            out.append(When(year, mo, d, None, m.start()))
            taken.append(m.span())
    for m in _DAY_MONTH.finditer(sentence) if digit and month else ():
        if not free(m):
            continue
        mo, d = _month(m.group(2)), int(m.group(1))
        if 1 <= d <= 31:
            year = _resolve(int(m.group(3)) if m.group(3) else None, mo, d, pub)
            out.append(When(year, mo, d, None, m.start()))
            taken.append(m.span())
    for m in _MONTH_ONLY.finditer(sentence) if month else ():
        if not free(m):
            continue
        name = m.group(1) or m.group(3) or m.group(4)
        if name.lower() == "may" and not m.group(4) and not re.match(r"\s*(?:in|since|during|early|late|mid|last|this|until|from)", m.group(0), re.I):
            continue
        mo = _month(name)
        year = _resolve(int(m.group(2)) if m.group(2) else None, mo, None, pub)
        out.append(When(year, mo, None, None, m.start()))
        taken.append(m.span())
    for m in _WEEKDAY.finditer(sentence) if weekday else ():
        name = (m.group(1) or m.group(2) or m.group(3)).lower()
        wd = WEEKDAYS[name]
        if m.group(3):
            continue  # "Thursday, November 21": the date itself was read above
        if pub is not None:
            back = (pub.weekday() - wd) % 7
            day = pub - dt.timedelta(days=back)
            out.append(When(day.year, day.month, day.day, wd, m.start()))
        else:
            out.append(When(None, None, None, wd, m.start()))
    for m in _YEAR.finditer(sentence) if digit else ():
        if free(m):
            out.append(When(int(m.group(1)), None, None, None, m.start()))
    for m in _EVENT_YEAR.finditer(sentence) if digit else ():
        if free(m):
            out.append(When(int(m.group(1)), None, None, None, m.start()))
            taken.append(m.span())
    if pub is not None and "month" in low:
        for m in _LAST_MONTH.finditer(sentence):
            month_before = pub.replace(day=1) - dt.timedelta(days=1)
            out.append(When(month_before.year, month_before.month, None, None, m.start()))
    if pub is not None and "year" in low:
        for m in _LAST_YEAR.finditer(sentence):
            out.append(When(pub.year - 1, None, None, None, m.start()))
    out.sort(key=lambda w: w.start)
    return tuple(out)


def compatible(a: When, b: When, slack_days: int = 7) -> bool:
    """Whether two partial dates could be the same event (nothing both know disagrees)."""
    if a.year and b.year and a.year != b.year:
        if not (a.month and b.month and abs((a.year * 12 + a.month) - (b.year * 12 + b.month)) <= 1):
            return False
    if a.month and b.month:
        if a.year and b.year and a.day and b.day:
            da, db = dt.date(a.year, a.month, min(a.day, 28)), dt.date(b.year, b.month, min(b.day, 28))
            return abs((da - db).days) <= slack_days
        if a.month != b.month:
            if a.day and b.day and abs(a.month - b.month) == 1:
                return True  # a battle from 28 June to 2 July
            return False
        if a.day and b.day and abs(a.day - b.day) > slack_days:
            return False
    if a.weekday is not None and b.weekday is not None and not (a.month and b.month):
        return True
    return True


def parse_iso(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
