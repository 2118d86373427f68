"""One reviewer's session on one analysis: decisions made through the store, and undo.

The UI calls these methods from a single worker thread (the store is not thread-safe and a
write may wait on another reviewer's lock); each returns only after the change is committed,
so the screen never shows a decision the database does not hold. `review` is the current
mapping of stored decisions onto the analysis, updated by every write and by `poll` when
another process commits.
"""
from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, replace

from .decisions import (STORE_KIND, Decision, Figure, Review, attach, claim_anchor, claim_key, dconflict_anchor,
                        dconflict_key, description_anchor, description_key, topic_anchor, topic_key)
from ..index import AnalysisIndex
from .store import STATES, Stale, Store, StoreError


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER") or "unknown"


@dataclass(frozen=True)
class _Step:
    kind: str
    """`claim`, `topic`, `description` or `dconflict` (`decisions.STORE_KIND`)."""
    target: str
    """Claim, topic, description or description conflict id in this analysis."""
    before: Decision | None
    after: Decision


class NothingToUndo(StoreError):
    pass


def _content(d: Decision) -> tuple:
    return d.verdict, d.note, d.figure, d.state


class Session:
    def __init__(self, store: Store, ix: AnalysisIndex, reviewer: str | None = None) -> None:
        self.store = store
        self.ix = ix
        self.reviewer = reviewer or login_name()
        self.review: Review = attach(ix, store.decisions())
        self.store.changed()  # take the current data version as the baseline
        self._undo: list[_Step] = []

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    # ---- reading --------------------------------------------------------------------------
    def claim(self, claim_id: str) -> Decision | None:
        return self.review.claims.get(claim_id)

    def topic(self, topic_id: str) -> Decision | None:
        return self.review.topics.get(topic_id)

    def description(self, description_id: str) -> Decision | None:
        return self.review.descriptions.get(description_id)

    def description_conflict(self, conflict_id: str) -> Decision | None:
        return self.review.description_conflicts.get(conflict_id)

    def poll(self) -> bool:
        """Re-reads the store if another process changed it; True when `review` changed."""
        if not self.store.changed():
            return False
        self.review = attach(self.ix, self.store.decisions())
        return True

    # ---- deciding -------------------------------------------------------------------------
    def set_verdict(self, claim_id: str, verdict: str | None) -> Decision:
        return self._claim_write(claim_id, verdict=verdict)

    def set_claim_note(self, claim_id: str, note: str) -> Decision:
        return self._claim_write(claim_id, note=note.strip())

    def set_topic_note(self, topic_id: str, note: str) -> Decision:
        return self._topic_write(topic_id, note=note.strip())

    def set_figure(self, topic_id: str, figure: Figure | None, note: str | None = None) -> Decision:
        if note is None:
            return self._topic_write(topic_id, figure=figure)
        return self._topic_write(topic_id, figure=figure, note=note.strip())

    def set_description_verdict(self, description_id: str, verdict: str | None) -> Decision:
        return self._description_write(description_id, verdict=verdict)

    def set_description_note(self, description_id: str, note: str) -> Decision:
        return self._description_write(description_id, note=note.strip())

    def set_dconflict_note(self, conflict_id: str, note: str) -> Decision:
        return self._dconflict_write(conflict_id, note=note.strip())

    def set_dconflict_value(self, conflict_id: str, value: str | None, description_id: str | None = None,
                            note: str | None = None) -> Decision:
        """The reviewer's chosen value for a description conflict: one side's description, or a
        value typed in (`description_id` None); None clears it. Stored as a `Figure` with no bounds
        whose `text` is the value and `claim` the chosen description's fingerprint."""
        fp = self.ix.descriptions[description_id].fingerprint if description_id else None
        figure = Figure(None, None, fp, value) if value else None
        if note is None:
            return self._dconflict_write(conflict_id, figure=figure)
        return self._dconflict_write(conflict_id, figure=figure, note=note.strip())

    def _table(self, kind: str) -> dict[str, Decision]:
        r = self.review
        return {"claim": r.claims, "topic": r.topics, "description": r.descriptions,
                "dconflict": r.description_conflicts}[kind]

    def set_state(self, topic_id: str, state: str | None) -> Decision:
        """A topic's review state: `resolved`, `follow-up`, or None to reopen it."""
        if state is not None and state not in STATES:
            raise ValueError(f"unknown review state {state!r}; one of {', '.join(STATES)} or None")
        return self._topic_write(topic_id, state=state)

    def undo(self) -> tuple[str, str, Decision]:
        """Takes back this session's last decision; returns (kind, target id, decision now)."""
        if not self._undo:
            raise NothingToUndo("Nothing to undo in this session.")
        step = self._undo.pop()
        b = step.before
        now = self._table(step.kind).get(step.target)
        if now is None or _content(now) != _content(step.after):
            raise Stale("Not undone: this decision was changed since (by another reviewer, or by an undo "
                        "of a later one); the screen shows it as it is now.", now)
        try:
            d = self.store.record(step.after.key, STORE_KIND[step.kind], step.after.anchor, reviewer=self.reviewer,
                                  expect_rev=now.rev, verdict=b.verdict if b else None,
                                  note=b.note if b else "", figure=b.figure if b else None,
                                  state=b.state if b else None, action="undo")
        except Stale as e:
            self._apply(step.kind, step.target, e.current)
            raise Stale("Not undone: " + str(e).replace("your change was not saved", "your undo was not applied"),
                        e.current) from None
        self._apply(step.kind, step.target, d)
        return step.kind, step.target, d

    def _claim_write(self, claim_id: str, **fields) -> Decision:
        claim = self.ix.claims[claim_id]
        before = self.review.claims.get(claim_id)
        key = before.key if before else claim_key(claim)
        return self._write("claim", claim_id, key, claim_anchor(self.ix, claim), before, fields)

    def _topic_write(self, topic_id: str, **fields) -> Decision:
        topic = self.ix.topics[topic_id]
        before = self.review.topics.get(topic_id)
        key = before.key if before else topic_key(self.ix, topic)
        return self._write("topic", topic_id, key, topic_anchor(self.ix, topic), before, fields)

    def _description_write(self, description_id: str, **fields) -> Decision:
        d = self.ix.descriptions[description_id]
        before = self.review.descriptions.get(description_id)
        key = before.key if before else description_key(d)
        return self._write("description", description_id, key, description_anchor(self.ix, d), before, fields)

    def _dconflict_write(self, conflict_id: str, **fields) -> Decision:
        x = self.ix.description_conflicts[conflict_id]
        before = self.review.description_conflicts.get(conflict_id)
        key = before.key if before else dconflict_key(self.ix, x)
        return self._write("dconflict", conflict_id, key, dconflict_anchor(self.ix, x), before, fields)

    def _write(self, kind: str, target: str, key: str, anchor: dict, before: Decision | None,
               fields: dict) -> Decision:
        try:
            d = self.store.record(key, STORE_KIND[kind], anchor, reviewer=self.reviewer,
                                  expect_rev=before.rev if before else 0, **fields)
        except Stale as e:
            self._apply(kind, target, e.current)
            raise
        if before is None or d.rev != before.rev:
            self._undo.append(_Step(kind, target, before, d))
        self._apply(kind, target, d)
        return d

    def _apply(self, kind: str, target: str, d: Decision | None) -> None:
        """Makes `review` a new `Review` holding `d` for `target`; the old one is left as it was, so
        the UI thread may go on reading the value it has while this (store) thread writes."""
        r = self.review
        table = dict(self._table(kind))
        if d is None:
            table.pop(target, None)
        else:
            table[target] = d
        if kind == "claim":
            self.review = replace(r, claims=table)
            return
        if kind == "description":
            self.review = replace(r, descriptions=table)
            return
        if kind == "dconflict":
            self.review = replace(r, description_conflicts=table)
            return
        figure_claims = dict(r.figure_claims)
        by_fp = d.figure.claim if d and d.figure else None
        chosen = next((c for c in self.ix.topics[target].claims
                       if by_fp and self.ix.claims[c].fingerprint == by_fp), None)
        if chosen:
            figure_claims[target] = chosen
        else:
            figure_claims.pop(target, None)
        self.review = replace(r, topics=table, figure_claims=figure_claims)
