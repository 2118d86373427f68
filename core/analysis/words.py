"""The words of a sentence as a set, so an expensive pattern runs only where it could match.

Most patterns here are alternations of words tried at every position of a sentence, which is
slow in Python's regex engine (a case-insensitive alternation of sixty event nouns costs ~40 µs
on one sentence). Tokenising a sentence once and asking "does it hold any of these words?" costs
a set look-up, so each pattern is guarded by the words it cannot match without: a necessary
condition, never a sufficient one, so the output is the pattern's own.
"""
from __future__ import annotations

import re
from functools import lru_cache

_LETTERS = re.compile(r"[a-z]+")


@lru_cache(maxsize=32768)
def words(text: str) -> frozenset[str]:
    """The case-folded letter runs of a text ('Mid-July' -> {'mid', 'july'}); cached, as every
    stage asks about the same sentences."""
    return frozenset(_LETTERS.findall(text.casefold()))


def has_any(text: str, keys: frozenset[str]) -> bool:
    """Whether the text holds at least one of these (lower-case, letters-only) words."""
    return not keys.isdisjoint(words(text))


def keys(*groups: str) -> frozenset[str]:
    """A key set from space- or '|'-separated word lists; multi-word entries add each word."""
    return frozenset(w for g in groups for w in re.split(r"[\s|]+", g.lower()) if w)
