"""A conflict at a glance: its spread, how many voices disagree, and the events that hold them.

The conflicts list of the dashboard must show, in a row of 80 columns, what a topic's dispute
is: "5–7 · 4 voices" says the lowest and highest figure and how many claimants give them, where
"5 vs 6 vs 6..∞ vs 7" is cut off. Rows are grouped under their event, newest event first, so a
folder holding many events reads as a list of incidents rather than 37 rows of "people ·
killed". Pure functions over an `AnalysisIndex`: no terminal here.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .analysis.numbers import interval_text
from .index import AnalysisIndex
from .model import Conflict, Event
from .naming import claimant_name, group_label

SORTS = ("event", "spread", "voices", "state")
"""The orders the conflicts list cycles through: grouped by event (newest first), widest spread
first, most voices first, and by review state (open, then needs follow-up, then resolved)."""
STATE_ORDER = {"open": 0, "follow-up": 1, "resolved": 2}


@dataclass(frozen=True)
class Overview:
    """What one conflict's row says."""

    conflict: str
    topic: str
    event: str
    kind: str
    who: str
    measure: str
    figures: tuple[str, ...]
    """Every distinct figure in the conflict as an interval ('45..50', '84', '26..∞'), lowest first."""
    low: int | None
    """The lowest figure any claim gives (None when none is bounded)."""
    high: int | None
    """The highest bounded figure any claim gives."""
    open_high: bool
    """Some claim has no upper bound ('at least 20'): the spread reads '20–84+'."""
    voices: int
    """How many different claimants (or outlets, for an unattributed figure) the figures come from."""

    @property
    def spread(self) -> str:
        """'5–7', '20–84+', '45–50', '6+'; '?' when no figure is bounded."""
        if self.low is None and self.high is None:
            return "?"
        lo = self.low if self.low is not None else self.high
        hi = self.high if self.high is not None else lo
        text = f"{lo:,}" if lo == hi else f"{lo:,}–{hi:,}"
        return text + ("+" if self.open_high else "")

    @property
    def ratio(self) -> float:
        """How many times the highest figure is the lowest (1.0 when they agree or are unknown)."""
        if self.low is None or self.high is None:
            return 1.0
        if self.low == 0:
            return self.high + 1.0  # none against some: as wide as the highest figure
        return self.high / self.low

    def compact(self) -> str:
        """'5–7 · 4 voices': the whole spread in a few columns."""
        return f"{self.spread} · {self.voices} voice{'s' * (self.voices != 1)}"

    def full(self) -> str:
        """'5 vs 6 vs 6..∞ vs 7': every figure."""
        return " vs ".join(self.figures)


def members(x: Conflict) -> list[str]:
    """The claims a conflict row speaks for: those in an incompatible pair, else all of them."""
    return list(dict.fromkeys(x.disputed or (tuple(x.claims) + tuple(x.parts))))


def voice(ix: AnalysisIndex, claim_id: str) -> str:
    """Who gives a figure, as a comparable key: the claimant, else the outlet that printed it."""
    c = ix.claims[claim_id]
    return claimant_name(c.attributed_to, ix.sources[c.source]).casefold()


def overview(ix: AnalysisIndex, x: Conflict) -> Overview:
    """The row of one conflict."""
    t = ix.topics[x.topic]
    claims = [ix.claims[c] for c in members(x)]
    bounded = [v for c in claims for v in (c.low, c.high) if v is not None]
    intervals = sorted({(c.low, c.high) for c in claims},
                       key=lambda iv: (iv[0] if iv[0] is not None else -1, iv[1] if iv[1] is not None else 1 << 62))
    return Overview(
        conflict=x.id, topic=x.topic, event=t.event, kind=x.kind, who=group_label(t.who) if t.who else "people",
        measure=t.measure,
        figures=tuple(dict.fromkeys(interval_text(lo, hi) for lo, hi in intervals)),
        low=min(bounded) if bounded else None, high=max(bounded) if bounded else None,
        open_high=any(c.high is None for c in claims), voices=len({voice(ix, c.id) for c in claims}))


def event_order(ix: AnalysisIndex, event_ids: Iterable[str]) -> list[str]:
    """Events newest first (by date; undated last), then by how many sources report them."""
    def key(eid: str) -> tuple:
        e = ix.events.get(eid)
        date = e.date if e and e.date else ""
        return (date == "", _negate(date), -(len(e.sources) if e else 0), eid)
    return sorted(dict.fromkeys(event_ids), key=key)


def _negate(date: str) -> tuple[int, ...]:
    """A date as numbers to sort descending ('2024-11-21' -> (-2024, -11, -21))."""
    return tuple(-int(p) for p in date.split("-") if p.isdigit())


def event_heading(ix: AnalysisIndex, event_id: str, n_conflicts: int) -> str:
    """'21 Nov 2024 · Mopti, Mali · attack — 5 sources · 3 conflicts'."""
    e: Event | None = ix.events.get(event_id)
    label = ix.event_label(event_id)
    n_sources = len(e.sources) if e else 0
    return (f"{label} — {n_sources} source{'s' * (n_sources != 1)} · "
            f"{n_conflicts} conflict{'s' * (n_conflicts != 1)}")


Row = tuple[str, str]
"""('event', event id) for a heading, ('conflict', conflict id) for a conflict."""


def arrange(ix: AnalysisIndex, rows: Sequence[Overview], by: str = "event",
            state_of: Callable[[str], str] | None = None) -> list[Row]:
    """The list's rows in order. By event: under a heading per event, newest first (no heading
    when every row is about one event); otherwise one flat list in that order.

    Args:
        rows: the conflicts to show (already filtered).
        by: one of `SORTS`.
        state_of: topic id -> review state ('open', 'follow-up', 'resolved'), for `by="state"`.
    """
    position = {r.conflict: i for i, r in enumerate(rows)}
    if by == "event":
        events = event_order(ix, (r.event for r in rows))
        out: list[Row] = []
        for eid in events:
            if len(events) > 1:
                out.append(("event", eid))
            out += [("conflict", r.conflict) for r in rows if r.event == eid]
        return out
    if by == "spread":
        ordered = sorted(rows, key=lambda r: (-r.ratio, -(r.high or 0), position[r.conflict]))
    elif by == "voices":
        ordered = sorted(rows, key=lambda r: (-r.voices, position[r.conflict]))
    elif by == "state":
        state = state_of or (lambda _t: "open")
        ordered = sorted(rows, key=lambda r: (STATE_ORDER.get(state(r.topic), 0), position[r.conflict]))
    else:
        raise ValueError(f"unknown sort {by!r}; one of {', '.join(SORTS)}")
    return [("conflict", r.conflict) for r in ordered]
