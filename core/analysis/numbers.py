"""Number phrases and their hedges, turned into intervals.

"at least six" is 6..open, "nearly 50" is 45..50, "dozens" is 24..open. The rules follow the
issue's table so every figure crosscheck shows can be explained by one line of it:

    exact N                      N..N
    at least N, N or more        N..open
    more than N, over N          N+1..open
    nearly/almost N              ceil(0.9N)..N
    about/around/some N          floor(0.9N)..ceil(1.1N)
    up to N, as many as N        open..N
    fewer than N, under N        open..N-1
    N to M, between N and M      N..M
    dozens / scores / hundreds   24.. / 40.. / 200..open

`NUMBER_PHRASE` finds candidate phrases in running text; `parse_phrase` turns one into a
`Quantity`. Whether the phrase counts people is the extractor's business, not this module's.
"""
from __future__ import annotations

import math
import re
from fractions import Fraction
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
VAGUE = {
    # word: (low, high) — plural round numbers mean "at least two of them"
    "dozens": (24, None), "several dozen": (24, None), "a few dozen": (24, None), "scores": (40, None),
    "hundreds": (200, None),
    "thousands": (2_000, None), "tens of thousands": (20_000, None),
    "hundreds of thousands": (200_000, None), "millions": (2_000_000, None),
}

_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN = "|".join(TENS)
_WORD_NUM = (
    rf"(?:half\s+a\s+(?:million|billion|thousand|hundred)|(?:(?:{_TEN})(?:[-\s](?:{_UNIT}))?|{_UNIT}|a|an|one)"
    rf"(?:\s+(?:hundred|thousand|million|billion)(?:\s+(?:and\s+)?(?:(?:{_TEN})(?:[-\s](?:{_UNIT}))?|{_UNIT}))?){{0,3}})"
)
"""Numbers in words: "seven", "twenty-one", "nine hundred ninety-nine thousand", "half a million"."""
_GROUP_SPACE = "\u2009\u202f\u00a0"
_DIGITS = (rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:[{_GROUP_SPACE}]\d{{3}})+(?!\d)|\d{{1,3}}(?: \d{{3}})+(?![\d,.])"
           rf"|\d+(?:\.\d+)?")
"""Digits, with thousands grouped by commas or, as in much of the world, by (thin) spaces: "2 000"."""
_SCALE = r"(?:\s*(?:million|billion|thousand|lakh|lakhs|crore|crores|m\b|bn\b))?"
_VAGUE = r"(?:tens|hundreds)\s+of\s+thousands|(?:several|a\s+few)\s+dozen|dozens|scores|hundreds|thousands|millions"
_DOZEN = r"(?:half\s+a|a\s+half|a|one|two|three|four|five|six)\s+dozen"

_HEDGE = (
    r"at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of|"
    r"more\s+than|over|upwards\s+of|in\s+excess\s+of|well\s+over|"
    r"nearly|almost|close\s+to|just\s+under|"
    r"about|around|roughly|approximately|approx\.|some|an\s+estimated(?:\s+(?:figure|toll|total|number)\s+of)?|"
    r"estimated|circa|closer\s+to|"
    r"up\s+to|as\s+many\s+as|not\s+more\s+than|no\s+more\s+than|at\s+most|a\s+maximum\s+of|"
    r"fewer\s+than|less\s+than|under|"
    r"between"
)

_CORE = rf"(?:{_DIGITS}){_SCALE}|{_DOZEN}|{_VAGUE}|{_WORD_NUM}"
_RANGE_TAIL = rf"(?:\s*(?:-|–|to|or|and)\s*(?:{_DIGITS}|{_WORD_NUM}))?"
_GLUED_SOURCE = r"(?:hospital|officials?|police|ministry|army|sources?|reports?|media|governor|agency)\b"
"""A source glued to a headline's figure by a dash: 'Death toll rises to 79-hospital official'."""
_POST = r"(?:\s+or\s+more|\s+or\s+so|\s*\+(?!\d))?"

NUMBER_PHRASE = re.compile(
    rf"(?<![\w$€£¥.,\-/:+])(?:(?P<hedge>{_HEDGE})\s+)?(?P<core>{_CORE}){_RANGE_TAIL}{_POST}"
    rf"(?![\w%$€£/]|-(?!{_GLUED_SOURCE})\w|[.,:]\d)",
    re.IGNORECASE,
)
"""Candidate count phrases; needs `parse_phrase` and the extractor's context checks after it."""


_SPACES = re.compile(r"\s+")
_GROUPING = re.compile(rf"[,{_GROUP_SPACE} ]")
_SCALED = re.compile(r"(\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(million|billion|thousand|lakhs?|crores?|m|bn)?")
_HALF_A = re.compile(r"half a (million|billion|thousand|hundred)")
_DOZENS = re.compile(r"(half a|a half|a|one|two|three|four|five|six) dozen")
_TAIL = re.compile(rf"(?:-|–|to|or|and)\s*({_DIGITS}|{_WORD_NUM})", re.IGNORECASE)
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | {
    "dozen", "dozens", "scores", "hundreds", "thousands", "millions", "lakh", "lakhs", "crore", "crores"}
"""Words one of which (or a digit) any count phrase holds: a sentence with neither has no figure."""


@dataclass(frozen=True)
class Quantity:
    """A parsed number phrase: its interval and the hedge that produced it. Values are exact
    integers whatever their size ("a billion", or 400 digits): a count is never rounded to
    infinity, and `implausible` says when it is beyond any count of people."""

    low: int | None
    high: int | None
    hedge: str
    value: float
    """The number as written, before the hedge (for 'nearly 50': 50)."""
    vague: bool = False


def word_value(text: str) -> int | Fraction | None:
    """The value of a number written in words or digits, or None when it is not a number."""
    t = _SPACES.sub(" ", text.strip().lower().replace("-", " "))
    if not t:
        return None
    m = _SCALED.fullmatch(_SPACES.sub(" ", text.strip().lower()))
    if m:  # exact arithmetic: a figure of 400 digits is read, never rounded to infinity
        digits = _GROUPING.sub("", m.group(1))
        base = int(digits) if digits.isdigit() else Fraction(digits)
        scale = {"million": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9, "thousand": 10**3, "lakh": 10**5,
                 "lakhs": 10**5, "crore": 10**7, "crores": 10**7}.get(m.group(2) or "", 1)
        return base * scale
    half = _HALF_A.fullmatch(t)
    if half:
        return Fraction(SCALES[half.group(1)], 2)
    dozen = _DOZENS.fullmatch(t)
    if dozen:
        return {"half a": 6, "a half": 6, "a": 12, "one": 12}.get(dozen.group(1)) or 12 * UNITS[dozen.group(1)]
    total, current = 0, 0
    seen = False
    for word in t.split():
        if word == "and":
            continue
        if word in ("a", "an"):
            current = max(current, 1)
            seen = True
        elif word in UNITS:
            current += UNITS[word]
            seen = True
        elif word in TENS:
            current += TENS[word]
            seen = True
        elif word in SCALES and seen:
            scale = SCALES[word]
            if scale == 100:
                current *= 100
            elif current == 0 and total and total < scale:
                total *= scale  # "two hundred thousand" read as (200) thousand
            else:
                total += current * scale
                current = 0
        else:
            return None
    return total + current if seen else None


def _hedged(value: int | Fraction, hedge: str) -> tuple[int | None, int | None]:
    if isinstance(value, int) and hedge in ("", "exact"):
        return value, value
    v = Fraction(value)
    n = round(v)
    if hedge in ("at least", "no fewer than", "no less than", "a minimum of", "or more", "plus"):
        return n, None
    if hedge in ("more than", "over", "upwards of", "in excess of", "well over"):
        return math.floor(v) + 1, None
    if hedge in ("nearly", "almost", "close to", "just under"):
        return math.ceil(v * Fraction(9, 10)), n
    if hedge in ("about", "around", "roughly", "approximately", "approx.", "some",
                 "an estimated", "estimated", "circa", "or so", "closer to"):
        return math.floor(v * Fraction(9, 10)), math.ceil(v * Fraction(11, 10))
    if hedge in ("up to", "as many as", "not more than", "no more than", "at most", "a maximum of"):
        return None, n
    if hedge in ("fewer than", "less than", "under"):
        return None, math.ceil(v) - 1
    return n, n


def _norm(s: str) -> str:
    return _SPACES.sub(" ", s.strip().lower())


def parse_phrase(text: str) -> Quantity | None:
    """Parses a phrase matched by `NUMBER_PHRASE` (hedge included) into a `Quantity`."""
    m = NUMBER_PHRASE.fullmatch(text.strip())
    if not m:
        return None
    hedge = _norm(m.group("hedge") or "")
    if hedge.startswith("an estimated "):
        hedge = "an estimated"  # "an estimated figure of 280", "an estimated toll of 300"
    core = m.group("core")
    rest = text.strip()[m.end("core") - m.start():].strip()
    if _norm(core) in VAGUE:
        low, high = VAGUE[_norm(core)]
        if hedge in ("up to", "as many as", "fewer than", "less than", "under"):
            return None
        return Quantity(low, high, hedge or "vague", float(low), vague=True)
    value = word_value(core)
    if value is None or (_norm(core) in ("a", "an")):
        return None
    tail = _TAIL.match(rest)
    if tail:
        second = word_value(tail.group(1))
        if second is not None and second > value:
            first, last = int(value), int(second)
            start: int | None = first
            end: int | None = last
            if hedge in ("about", "around", "roughly", "approximately", "some", "an estimated"):
                start, end = (9 * first) // 10, -((-11 * last) // 10)
            elif hedge in ("up to", "as many as"):
                start = None
            elif hedge in ("at least", "more than", "over"):
                end = None
            return Quantity(start, end, "range" if not hedge or hedge == "between" else hedge, _as_float(value))
        if hedge == "between":
            return None
    elif hedge == "between":
        return None
    post = _norm(rest[tail.end():] if tail else rest)
    if not hedge and post in ("or more", "+"):
        hedge = "or more" if post == "or more" else "plus"
    elif not hedge and post == "or so":
        hedge = "or so"
    lo, hi = _hedged(value, hedge)
    return Quantity(lo, hi, hedge or "exact", _as_float(value))


def _as_float(value: int | Fraction) -> float:
    return float(value) if value < 10**300 else math.inf


def interval_text(low: int | None, high: int | None) -> str:
    """'6..∞', '45..50', '7', '..50' — compact, for tables and strips."""
    if low is not None and low == high:
        return f"{low:,}"
    lo = "" if low is None else f"{low:,}"
    hi = "∞" if high is None else f"{high:,}"
    return f"{lo}..{hi}"


def overlaps(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> bool:
    """Whether two intervals (None = open) share at least one value."""
    lo = max(-math.inf if a[0] is None else a[0], -math.inf if b[0] is None else b[0])
    hi = min(math.inf if a[1] is None else a[1], math.inf if b[1] is None else b[1])
    return lo <= hi
