"""A topic's figures in time: each figure at the date its article was published, by voice.

A rising toll is one voice climbing from date to date; a revision is one voice at two heights;
a rival claim is another voice beside it. `marks` turns claims into those points (one per voice,
date and interval, so an article repeating itself is one mark); the dashboard draws them.
Articles without a date are kept, in a column of their own after the dated ones.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .analysis import voices
from .analysis.samestory import group_ids
from .estimate import voice_name
from .index import AnalysisIndex


@dataclass(frozen=True)
class Mark:
    """One voice's figure on one date."""

    date: str | None
    """YYYY-MM-DD of the article that printed it; None when the article has no date."""
    low: int | None
    high: int | None
    voice: str
    """Who says it, in words (the same name for a claimant however spelled)."""
    claims: tuple[str, ...]


def marks(ix: AnalysisIndex, claim_ids: Iterable[str]) -> list[Mark]:
    """The marks of these claims, dated ones first in date order, undated ones last."""
    group = group_ids(ix.analysis.sources, {s.id: list(s.same_story_as) for s in ix.analysis.sources})
    names: dict[tuple[str, str], str] = {}
    found: dict[tuple, list[str]] = {}
    for cid in claim_ids:
        c = ix.claims[cid]
        key = voices.voice_key(c, group)
        names.setdefault(key, voice_name(ix, cid))
        date = ix.sources[c.source].published
        found.setdefault((date, c.low, c.high, key), []).append(cid)
    out = [Mark(date, low, high, names[key], tuple(ids)) for (date, low, high, key), ids in found.items()]
    return sorted(out, key=lambda m: (m.date is None, m.date or "", voices.point(ix.claims[m.claims[0]])))


def voices_in_order(ms: list[Mark]) -> list[str]:
    """Each voice once, in the order it first speaks on the timeline."""
    return list(dict.fromkeys(m.voice for m in ms))
