"""How decisions look in tables: one mark per verdict that reads without colour."""
from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding

from crosscheck.core.review.decisions import Decision, Figure

from .messages import HistoryRequested, NoteRequested, VerdictRequested

if TYPE_CHECKING:
    from textual.widget import Widget as _Pane  # the mixin is only ever mixed into widgets
else:
    _Pane = object

MARKS = {"accepted": ("✓", "bold green"), "disputed": ("?", "bold yellow"), "rejected": ("✗", "bold red")}
NOTE_MARK = "✎"
FIGURE_MARK = "★"


def verdict_cell(d: Decision | None, chosen: bool = False) -> Text:
    """`✓` accepted, `?` disputed, `✗` rejected, then `✎` for a note and `★` for the chosen figure."""
    cell = Text()
    if d and d.verdict:
        mark, style = MARKS[d.verdict]
        cell.append(mark, style=style)
    if d and d.note:
        cell.append(NOTE_MARK)
    if chosen:
        cell.append(FIGURE_MARK, style="bold")
    return cell


def figure_words(f: Figure) -> str:
    if f.claim:
        return f"{f} (“{f.text}”)" if f.text else str(f)
    return f"{f} (typed in)"


VERDICT_BINDINGS = [
    Binding("a", "verdict('accepted')", "Accept", id="verdict.accept"),
    Binding("d", "verdict('disputed')", "Dispute", id="verdict.dispute"),
    Binding("x", "verdict('rejected')", "Reject", id="verdict.reject"),
    Binding("u", "verdict(None)", "Clear verdict", id="verdict.clear"),
]
"""Decision keys of every pane that shows claims; the ids are shared so one remap covers them all."""

CLAIM_REVIEW_BINDINGS = [
    *VERDICT_BINDINGS,
    Binding("n", "note", "Note", id="note.edit"),
    Binding("b", "figure", "Best figure", id="topic.figure"),
    Binding("h", "history", "History", id="claim.history"),
]
"""The table panes' decision keys: verdicts, the claim's note, and its topic's best figure."""


class DecidesClaims(_Pane):
    """For panes with a `current_claim`: the decision keys post intents up to the screen."""

    @property
    def current_claim(self) -> str | None:
        """The claim under the pane's cursor; each pane defines it."""
        raise NotImplementedError

    def action_verdict(self, verdict: str | None) -> None:
        if self.current_claim:
            self.post_message(VerdictRequested(self.current_claim, verdict))

    def action_note(self) -> None:
        if self.current_claim:
            self.post_message(NoteRequested("claim", self.current_claim))

    def action_history(self) -> None:
        if self.current_claim:
            self.post_message(HistoryRequested("claim", self.current_claim))
