"""Review progress: each conflict's topic is open, resolved or needs follow-up.

A reviewer works through the conflicts of a corpus and must see how far they are ("12 of 37
conflicts resolved") and which topics wait on a phone call. The state is part of the topic's
decision (`Decision.state`, stored and audited like its note and figure); this module only
reads it.
"""
from __future__ import annotations

from .decisions import Review
from ..model import Analysis

OPEN, RESOLVED, FOLLOW_UP = "open", "resolved", "follow-up"
CYCLE = (OPEN, RESOLVED, FOLLOW_UP)
"""The order one key steps through."""
WORDS = {OPEN: "open", RESOLVED: "resolved", FOLLOW_UP: "needs follow-up"}
MARKS = {OPEN: "·", RESOLVED: "✔", FOLLOW_UP: "⚑"}
"""One mark per state that reads without colour (the list's state column)."""


def state_of(review: Review, topic_id: str) -> str:
    """The topic's review state; a topic never decided is open."""
    d = review.topics.get(topic_id)
    return (d.state if d else None) or OPEN


def next_state(state: str) -> str:
    return CYCLE[(CYCLE.index(state) + 1) % len(CYCLE)] if state in CYCLE else RESOLVED


def stored(state: str) -> str | None:
    """How a state is stored: open is no state (None)."""
    return None if state == OPEN else state


def conflict_progress(analysis: Analysis, review: Review) -> dict[str, int]:
    """How many conflicts there are and how many are resolved or need follow-up (a conflict is
    counted by its topic's state)."""
    states = [state_of(review, x.topic) for x in analysis.conflicts]
    return {"conflicts": len(states), RESOLVED: states.count(RESOLVED), FOLLOW_UP: states.count(FOLLOW_UP)}


def progress_words(analysis: Analysis, review: Review) -> str:
    """'12 of 37 conflicts resolved', with ' · 3 need follow-up' when any do."""
    p = conflict_progress(analysis, review)
    text = f"{p[RESOLVED]} of {p['conflicts']} conflict{'s' * (p['conflicts'] != 1)} resolved"
    if p[FOLLOW_UP]:
        text += f" · {p[FOLLOW_UP]} need{'s' * (p[FOLLOW_UP] == 1)} follow-up"
    return text
