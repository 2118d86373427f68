"""What an event is called on screen: "21 Nov 2024 · Mopti, Mali · ambush".

An event's label is built from three things linking already knows: its date, the places its
articles mention most, and the nouns they use for it. Each is noisy in its own way, and each
noise once reached the screen:

- place keys come from patterns that also catch demonyms ("the Malian army" -> `mali`, written
  "Malian"), common words after a dropped name ("Police Lines" -> `lines`, never written so), a
  person ("Jokowi Dodo"), a weekday, a newsroom word ("BREAKING"), a dateline in capitals;
- the most frequent noun can be a generic one ("disaster", "incident") when a specific one
  ("earthquake") is there too, or "fire" from "opened fire";
- an event without any noun was labelled "event", which says nothing.

So a place is shown only under a name an article wrote for it, a demonym is shown as its
country, capitals are set in title case, and the label names the most specific place first and
its country after it when the country is a main subject of the reports. A kind is shown only
when an article names one. Pure functions over plain values: `events.py` calls `describe`.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..calendar_names import MONTHS, WEEKDAYS
from . import places
from .frames import EVENT_NOUNS

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SEPARATOR = " · "
NO_LABEL = "undated event"
"""The label of an event whose articles give it no date, no place and no kind."""

KIND_OF = {"quake": "earthquake", "flood": "floods", "flooding": "floods", "protest": "protests",
           "clash": "clashes", "riot": "riots", "blaze": "fire", "air strike": "airstrike",
           "explosion": "blast", "explosions": "blast"}
"""Spellings of one kind of event, shown under one word."""
GENERIC_KINDS = {"disaster": 0.4, "tragedy": 0.4, "incident": 0.4, "crisis": 0.4, "violence": 0.4,
                 "operation": 0.4, "conflict": 0.4, "fire": 0.5}
"""Nouns that fit almost any event (or, for "fire", mostly come from "opened fire"): they count
for less than a specific noun, so "disaster" ×5 loses to "quake" ×4 + "earthquake" ×1."""

_NOT_PLACE_WORDS = {"breaking", "live", "update", "updated", "exclusive", "watch", "video", "photos",
                    "shiite", "shia", "sunni", "muslim", "christian", "jewish", "hindu", "buddhist",
                    "catholic", "taliban", "justice", "affairs", "intelligence", "humanitarian", "defence",
                    "defense", "interior", "health"}
"""Capitalised words the place patterns catch that never name a place."""
_CALENDAR = set(MONTHS) | set(WEEKDAYS)
_EVENT_WORDS = set(EVENT_NOUNS.split("|"))
COUNTRY_SHARE = 0.5
"""A country is named after the specific place when it is mentioned at least this share as often
(or three times): the host country, not one the story only passes through ("from Libya")."""


def date_text(iso: str | None) -> str | None:
    """'2024-11-21' -> '21 Nov 2024', '2014-04' -> 'Apr 2014', '2014' -> '2014'; None stays None."""
    if not iso:
        return None
    parts = iso.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return iso
    if len(numbers) == 3 and 1 <= numbers[1] <= 12:
        return f"{numbers[2]} {MONTH_ABBR[numbers[1] - 1]} {numbers[0]}"
    if len(numbers) == 2 and 1 <= numbers[1] <= 12:
        return f"{MONTH_ABBR[numbers[1] - 1]} {numbers[0]}"
    return iso


def place_name(key: str, written: str | None) -> str | None:
    """How a place is shown, from its key and the name an article wrote for it; None when it is
    not shown: never written as a name, a demonym of no country, a weekday, a non-place word."""
    country = places.country_of(written) if written else None
    if country:
        return country.title() if country not in ("uae",) else country.upper()
    if not written or not any(ch.isupper() for ch in written):
        return None
    words = written.replace("’", "'").split()
    lowered = [w.lower().removesuffix("'s") for w in words]
    if any(w in _NOT_PLACE_WORDS or w in places.NOT_PLACES for w in lowered):
        return None
    if len(lowered) == 1 and lowered[0] in _CALENDAR:
        return None  # "Monday", "Jan" alone; "Zinda Jan" is a place
    if lowered[-1] in _EVENT_WORDS:
        return None  # "Mali Attack": a headline's words, not a place
    if written.isupper():
        return written.title()
    return written


def best_places(counts: Iterable[tuple[str, int]], written: Mapping[str, str], limit: int = 8) -> list[str]:
    """At most two names: the most mentioned specific place, then its country when the reports
    are about that country, else the next specific place. Only countries: the first two."""
    shown: list[tuple[str, str, int]] = []
    seen: set[str] = set()
    for key, n in counts:
        name = place_name(key, written.get(key))
        if name is None or name.lower() in seen:
            continue
        seen.add(name.lower())
        shown.append((key, name, n))
        if len(shown) >= limit:
            break
    specific = [(name, n) for key, name, n in shown if not _is_country(key, name)]
    countries = [(name, n) for key, name, n in shown if _is_country(key, name)]
    if not specific:
        return [name for name, _ in countries[:2]]
    first, n_first = specific[0]
    if countries and (countries[0][1] >= COUNTRY_SHARE * n_first or countries[0][1] >= 3):
        return [first, countries[0][0]]
    return [first] + [name for name, _ in specific[1:2]]


def _is_country(key: str, name: str) -> bool:
    return places.country_of(name) is not None or key in places.COUNTRIES


def kind(nouns: Iterable[tuple[str, int]]) -> str | None:
    """The noun the reports use for the event, specific nouns first; None when they use none."""
    score: dict[str, float] = {}
    first: dict[str, int] = {}
    for i, (noun, n) in enumerate(nouns):
        word = KIND_OF.get(noun.lower(), noun.lower())
        score[word] = score.get(word, 0.0) + n * GENERIC_KINDS.get(word, 1.0)
        first.setdefault(word, i)
    if not score:
        return None
    return max(score, key=lambda w: (score[w], -first[w]))


def describe(date: str | None, place_counts: Iterable[tuple[str, int]], written: Mapping[str, str],
             nouns: Iterable[tuple[str, int]]) -> tuple[str, str | None]:
    """An event's label and its place text.

    Args:
        date: the event's ISO date (YYYY-MM-DD or YYYY-MM), or None.
        place_counts: place keys with how often the event's frames mention them, most first.
        written: place key -> the name as an article first wrote it.
        nouns: event nouns with their counts, most first.

    Returns:
        (label, place): the label always reads as words; place is None when no place is shown.
    """
    names = best_places(place_counts, written)
    place = ", ".join(names) or None
    label = SEPARATOR.join(x for x in (date_text(date), place, kind(nouns)) if x)
    return label or NO_LABEL, place
