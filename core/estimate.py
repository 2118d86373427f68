"""Why a topic's best figure is what it is: the voices behind it and how far its figures spread.

The estimate (`analysis/topics.py`) takes the median of one figure per voice. A reviewer must
see that basis to trust or overrule it: which speakers were counted, with which figure, and
whether the figures spread so far (more than ten times) that they may not count the same
people at all. `basis` rebuilds it from an analysis; `basis_text` and `spread_warning` word it.
"""
from __future__ import annotations

from dataclasses import dataclass

from .analysis import voices
from .analysis.numbers import interval_text
from .analysis.samestory import group_ids
from .index import AnalysisIndex
from .naming import claimant_label, short_title, source_name

WIDE_SPREAD = 10
"""A topic whose highest figure is more than this many times its lowest gets a warning."""
LISTED = 8
"""Voices named in the basis line; the rest are counted."""


@dataclass(frozen=True)
class Basis:
    """The estimate's reasons for one topic."""

    best: int | None
    method: str
    """`only voice`, `median` (an odd number of voices) or `midpoint` (of the middle two)."""
    voices: tuple[tuple[str, str], ...]
    """(who, figure) for every voice, highest figure first."""
    lowest: int | None
    highest: int | None
    """The lowest and highest finite figures of the topic."""

    @property
    def spread(self) -> float | None:
        """Highest over lowest figure (a zero counts as one); None without two finite figures."""
        if self.lowest is None or self.highest is None:
            return None
        return self.highest / max(self.lowest, 1)

    @property
    def wide(self) -> bool:
        return self.spread is not None and self.spread > WIDE_SPREAD


def voice_name(ix: AnalysisIndex, claim_id: str) -> str:
    """A voice's name: the claimant as the resolver named it ("JNIM"), else its clean label,
    else the outlet whose own report it is."""
    c = ix.claims[claim_id]
    s = ix.sources[c.source]
    key = voices.claimant_key(c.attributed_to)
    if key:
        head = (c.attributed_to or "").split(" (to ", 1)[0].strip()
        bracket = voices.NAMED_IN_BRACKETS.search(head)
        before = head[: bracket.start()].strip() if bracket else head
        if bracket and not voices.ACRONYM.fullmatch(before):
            return bracket.group(1).split(":", 1)[0].strip()
        return claimant_label(before) or source_name(s)
    return source_name(s)


def basis(ix: AnalysisIndex, topic_id: str) -> Basis:
    """The voices and figures behind one topic's estimate, as the estimate counted them."""
    t = ix.topics[topic_id]
    members = [ix.claims[c] for c in t.claims]
    group = group_ids(ix.analysis.sources, {s.id: list(s.same_story_as) for s in ix.analysis.sources})
    spoken = voices.voices(members, group)
    listed = sorted(spoken, key=lambda v: (-v.point, voice_name(ix, v.figure).lower()))
    named = tuple((voice_name(ix, v.figure), interval_text(ix.claims[v.figure].low, ix.claims[v.figure].high))
                  for v in listed)
    method = "only voice" if len(spoken) == 1 else ("median" if len(spoken) % 2 else "midpoint")
    ends = [e for c in members for e in (c.low, c.high) if e is not None]
    return Basis(t.best, method, named, min(ends) if ends else None, max(ends) if ends else None)


def basis_text(b: Basis, listed: int = LISTED) -> str:
    """"best 6: median of 4 voices — JNIM 7, Reuters 7, Bloomberg 6, local official 5"."""
    best = "?" if b.best is None else f"{b.best:,}"
    n = len(b.voices)
    if not n:
        return f"best {best}: no figures"
    if b.method == "only voice":
        how = "the only voice"
    elif b.method == "median":
        how = f"median of {n} voices"
    elif n == 2:
        how = "midpoint of 2 voices"
    else:
        how = f"midpoint of the middle two of {n} voices"
    names = ", ".join(f"{short_title(who, 40)} {figure}" for who, figure in b.voices[:listed])
    if n > listed:
        names += f" and {n - listed} more"
    return f"best {best}: {how} — {names}"


def spread_warning(b: Basis) -> str | None:
    """A warning when the figures span more than ten times: they may count different people."""
    if not b.wide or b.lowest is None or b.highest is None:
        return None
    return (f"figures span {b.spread:,.0f}× ({b.lowest:,} to {b.highest:,}): check that they count "
            "the same people, place and time")
