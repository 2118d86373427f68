"""The review desk: the dashboard's link to the review database.

The main screen forwards decision intents here; every store call runs on the `StoreThread` and
the desk posts `ReviewChanged` to the widget that owns it only from the call's completion
callback, i.e. after the commit; the owner redraws on that message. A timer polls for other
reviewers' commits and posts `ReviewChanged` when there are any. The desk knows its owner only as
a widget (to post messages, notify and push modals), never as the main screen, so the two
modules do not import each other.
"""
from __future__ import annotations

import asyncio
from pathlib import Path
from collections.abc import Sequence
from typing import TYPE_CHECKING

from crosscheck.core.index import AnalysisIndex
from crosscheck.core.review.decisions import Review, claim_label, dconflict_anchor, description_anchor, topic_label

from .messages import ReviewChanged
from .store_thread import StoreThread

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.timer import Timer
    from textual.widget import Widget

    from crosscheck.core.review.session import Session

POLL_SECONDS = 1.5
"""How often another reviewer's decisions are looked for (a cheap `PRAGMA data_version`)."""


class ReviewDesk:
    """One dashboard's review session: opens the store, sends decisions to it, reports back."""

    def __init__(self, owner: Widget, *, paths: Sequence[str], db: str | None, read_only: bool,
                 reviewer: str | None) -> None:
        from crosscheck.core.review.store import default_path
        self.owner = owner
        self.path = Path(db).expanduser() if db else default_path(paths)
        self.ask_read_only = read_only
        self.reviewer = reviewer
        self.session: Session | None = None
        self.thread: StoreThread | None = None
        self._timer: Timer | None = None

    @property
    def review(self) -> Review:
        return self.session.review if self.session else Review()

    @property
    def read_only(self) -> bool:
        """Decisions cannot be saved: asked for (`--read-only`), or the store opened or became read-only."""
        return self.ask_read_only or (self.session is not None and self.session.read_only)

    @property
    def idle(self) -> bool:
        """True when no store work is queued or running (tests wait on this)."""
        return self.thread is None or (self.thread.idle and self.session is not None)

    def start(self, ix: AnalysisIndex) -> None:
        if self.thread is None:
            self.thread = StoreThread(asyncio.get_running_loop())
        path, ro, reviewer = self.path, self.ask_read_only, self.reviewer

        def open_session() -> Session:
            from crosscheck.core.review.session import Session
            from crosscheck.core.review.store import Store
            try:
                store = Store.open(path, read_only=ro)
            except Exception as e:  # noqa: BLE001 - Store.open handles known states; anything else: read-only
                store = Store(path, None, True, f"cannot open {path} ({type(e).__name__}: {e})")
            return Session(store, ix, reviewer)

        self.thread.submit(open_session, self._opened, lambda e: self._say(
            f"Could not open the review database {path} ({type(e).__name__}: {e}); decisions cannot be "
            "saved in this session.", "Review database error", "error", 20))
        if self._timer is None:
            self._timer = self.owner.set_interval(POLL_SECONDS, self.poll)

    def stop(self) -> None:
        if self.thread is not None:
            session = self.session
            if session is not None:
                self.thread.submit(session.store.close)
            self.thread.stop()

    def _opened(self, session: Session) -> None:
        self.session = session
        self._changed()
        if session.read_only:
            self._say(f"{session.store.reason}. You can read and export; decisions are not saved.",
                      "Review database read-only", "warning", 20)
        if session.review.orphans:
            n = len(session.review.orphans)
            self._say(f"{n} decision{'s' * (n != 1)} no longer match{'es' * (n == 1)} a claim or topic "
                      "(kept, not lost): ctrl+p → “orphaned”.", "Orphaned decisions", "warning", 12)

    # ---- decisions ------------------------------------------------------------------------
    def _ready(self) -> Session | None:
        if self.session is None:
            self._say("The review database is still opening; try again in a moment.", "", "warning", 4)
            return None
        if self.session.read_only:
            self._say(f"Not saved: {self.session.store.reason}.", "Read-only", "error", 8)
            return None
        return self.session

    def verdict(self, claim_id: str, verdict: str | None) -> None:
        """A verdict on a claim, or on a description (its id is a description's: the figures pane
        of a description conflict lists descriptions with the claims' keys)."""
        s = self._ready()
        if s:
            write = s.set_description_verdict if claim_id in s.ix.descriptions else s.set_verdict
            self._submit(lambda: write(claim_id, verdict), lambda d: self._verdict_saved(claim_id, d), self._failed)

    def _verdict_saved(self, claim_id: str, d) -> None:
        """Redraws; warns when the claim just rejected is a topic's chosen best figure."""
        self._saved(d)
        s = self.session
        if s is None or d.verdict != "rejected":
            return
        for topic_id, chosen in s.review.figure_claims.items():
            if chosen == claim_id:
                label = topic_label(s.ix, s.ix.topics[topic_id])
                self._say(f"You rejected the claim chosen as the best figure for {label}. It stays chosen "
                          f"(★✗) until you pick another figure or clear it (b), or change the verdict.",
                          "Rejected the chosen figure", "warning", 12)

    def note(self, kind: str, target: str) -> None:
        """The note on a claim, a topic, a description or a description conflict."""
        s = self._ready()
        if not s:
            return
        from crosscheck.core.review.store import StoreError

        from .screens.note import NoteScreen
        ix = s.ix
        if kind == "claim" and target in ix.descriptions:
            kind = "description"
        if kind == "topic" and target in ix.description_conflicts:
            kind = "dconflict"
        current, about, write = {
            "claim": lambda: (s.claim(target), claim_label(ix, ix.claims[target]), s.set_claim_note),
            "topic": lambda: (s.topic(target), topic_label(ix, ix.topics[target]), s.set_topic_note),
            "description": lambda: (s.description(target), description_anchor(ix, ix.descriptions[target])["label"],
                                    s.set_description_note),
            "dconflict": lambda: (s.description_conflict(target),
                                  dconflict_anchor(ix, ix.description_conflicts[target])["label"], s.set_dconflict_note),
        }[kind]()

        def save(text: str, editor: NoteScreen) -> None:
            def stored(decision) -> None:
                editor.saved()
                self._saved(decision)

            def refused(e: BaseException) -> None:
                editor.refused(str(e) if isinstance(e, StoreError) else f"{type(e).__name__}: {e}")
                self._failed(e)

            self._submit(lambda: write(target, text), stored, refused)

        self.owner.app.push_screen(NoteScreen(about, current.note if current else "", save))

    def figure(self, topic_id: str, claim_id: str | None) -> None:
        s = self._ready()
        if not s:
            return
        if topic_id in s.ix.description_conflicts:
            self.chosen_value(topic_id, claim_id)
            return
        from .screens.figure import FigureChoice, FigureScreen

        def save(choice: FigureChoice | None) -> None:
            if choice is not None:
                self._submit(lambda: s.set_figure(topic_id, choice.figure, choice.note),
                                   self._saved, self._failed)

        self.owner.app.push_screen(FigureScreen(s.ix, topic_id, s.topic(topic_id), claim_id), save)

    def chosen_value(self, conflict_id: str, description_id: str | None) -> None:
        """`b` on a description conflict: the highlighted side's value becomes the reviewer's
        choice; `b` on the chosen one again clears it."""
        s = self._ready()
        if not s:
            return
        if description_id is None or description_id not in s.ix.descriptions:
            self._say("Move to a description and press b to choose its value.", "", "information", 4)
            return
        d = s.ix.descriptions[description_id]
        value = d.denies if d.slot == "denial" and d.denies and d.id != s.ix.description_conflicts[conflict_id].descriptions[0] \
            else d.value
        now = s.description_conflict(conflict_id)
        again = now is not None and now.figure is not None and now.figure.claim == d.fingerprint
        self._submit(lambda: s.set_dconflict_value(conflict_id, None if again else value,
                                                         None if again else description_id),
                           self._saved, self._failed)

    def topic_state(self, topic_id: str, state: str | None) -> None:
        """Sets a topic's review state (resolved, follow-up; None: open), saved like any decision."""
        s, thread = self._ready(), self.thread
        if s and thread:
            thread.submit(lambda: s.set_state(topic_id, state), self._saved, self._failed)

    def history(self, kind: str, target: str) -> None:
        """Opens the audit trail of a claim or topic; it is read on the store thread."""
        s = self.session
        if s is None or self.thread is None:
            self._say("The review database is still opening; try again in a moment.", "", "warning", 4)
            return
        from crosscheck.core.review.decisions import (claim_key, dconflict_key, description_key,
                                                      topic_key)
        ix = s.ix
        if target in ix.descriptions or target in ix.description_conflicts:  # a description conflict's rows
            described = target in ix.descriptions
            decided = s.description(target) if described else s.description_conflict(target)
            key = decided.key if decided else (description_key(ix.descriptions[target]) if described
                                               else dconflict_key(ix, ix.description_conflicts[target]))
            about = (description_anchor(ix, ix.descriptions[target]) if described
                     else dconflict_anchor(ix, ix.description_conflicts[target]))["label"]
        else:
            decided = s.claim(target) if kind == "claim" else s.topic(target)
            key = decided.key if decided else (claim_key(ix.claims[target]) if kind == "claim"
                                               else topic_key(ix, ix.topics[target]))
            about = claim_label(ix, ix.claims[target]) if kind == "claim" else topic_label(ix, ix.topics[target])

        def show(entries) -> None:
            from .screens.history import HistoryScreen
            # completions run as plain loop callbacks: the push goes through the app's queue, where
            # the app is the active one and the screen can compose
            app = self.owner.app
            app.call_later(app.push_screen, HistoryScreen(about, entries))

        self.thread.submit(lambda: s.store.history(key), show, self._failed)

    def undo(self) -> None:
        s = self._ready()
        if s:
            self._submit(s.undo, self._undone, self._failed)

    def _saved(self, _decision) -> None:
        self._changed()

    def _undone(self, result) -> None:
        _kind, _target, d = result
        self._changed()
        self._say(f"Undone: {d.label}", "Undo", "information", 4)

    def poll(self) -> None:
        s, thread = self.session, self.thread
        if s is not None and thread is not None and thread.idle:
            thread.submit(s.poll, self._polled)

    def export(self, ix: AnalysisIndex | None, fmt: str, path: Path) -> None:
        """Writes the review in the store thread, so it sees every decision made before it."""
        s = self.session
        if ix is None or self.thread is None:
            self._say("Nothing to export yet: the analysis is still running.", "", "warning", 4)
            return

        def job() -> Path:
            from crosscheck.core.review.export import render
            review = s.review if s else Review()
            text = render(fmt, ix, review, db=str(self.path))
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            return path

        self.thread.submit(job, lambda p: self._say(f"{fmt} written to {p}", "Exported", "information", 6),
                           lambda e: self._say(f"Could not write {path}: {getattr(e, 'strerror', None) or e}",
                                               "Export failed", "error", 10))

    def _submit(self, job, done, failed) -> None:
        """Queues a write; the thread exists whenever a session does (`start` makes it first)."""
        if self.thread is not None:
            self.thread.submit(job, done, failed)

    def _changed(self) -> None:
        self.owner.post_message(ReviewChanged())

    def _polled(self, changed: bool) -> None:
        if changed:
            self._changed()

    def _failed(self, e: BaseException) -> None:
        from crosscheck.core.review.session import NothingToUndo
        from crosscheck.core.review.store import Stale, StoreError
        if isinstance(e, Stale):
            self._changed()
            self._say(str(e), "Changed by another reviewer", "warning", 12)
        elif isinstance(e, NothingToUndo):
            self._say(str(e), "", "information", 3)
        elif isinstance(e, StoreError):
            self._say(str(e), "Not saved", "error", 12)
            if self.session is not None and self.session.read_only:
                self._changed()  # the store found it cannot write: the header now says READ-ONLY
        else:
            self._say(f"Not saved: {type(e).__name__}: {e}", "Review database error", "error", 12)

    def _say(self, message: str, title: str, severity: SeverityLevel, timeout: float) -> None:
        self.owner.notify(message, title=title, severity=severity, timeout=timeout, markup=False)
