"""Messages that cross panes: what the user chose, sent up to the screen that owns the panes."""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from textual.widget import Widget


class ClaimChosen(Message):
    """The user pressed enter on a claim anywhere: open its article scrolled to the span."""

    def __init__(self, claim_id: str) -> None:
        super().__init__()
        self.claim_id = claim_id


class ClaimHighlighted(Message):
    """The cursor moved onto a claim: the other panes follow. `origin` is the pane whose cursor
    moved; it is never moved back, so a message that arrives after that pane moved on (keys come in
    bursts over SSH) cannot start the panes chasing each other."""

    def __init__(self, claim_id: str, origin: Widget | None = None) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.origin = origin

    @property
    def control(self) -> Widget | None:
        return self.origin


class SourceHighlighted(Message):
    """The cursor moved onto a source: show its article and claims."""

    def __init__(self, source_id: str) -> None:
        super().__init__()
        self.source_id = source_id


class VerdictRequested(Message):
    """The reviewer pressed a verdict key on a claim (`verdict` None clears it)."""

    def __init__(self, claim_id: str, verdict: str | None) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.verdict = verdict


class NoteRequested(Message):
    """The reviewer wants to add or edit the note on a claim or a topic."""

    def __init__(self, kind: str, target: str) -> None:
        super().__init__()
        self.kind = kind
        self.target = target


class FigureRequested(Message):
    """The reviewer wants to pick a topic's best figure, starting from `claim_id` if given."""

    def __init__(self, topic_id: str, claim_id: str | None = None) -> None:
        super().__init__()
        self.topic_id = topic_id
        self.claim_id = claim_id


class ReviewChanged(Message):
    """The review's decisions changed (a commit here, an undo, another reviewer's): redraw the marks."""


class TopicStateRequested(Message):
    """The reviewer set a topic's review state (`state` None: open again)."""

    def __init__(self, topic_id: str, state: str | None) -> None:
        super().__init__()
        self.topic_id = topic_id
        self.state = state


class HistoryRequested(Message):
    """The reviewer asked for the audit trail of a claim or a topic (`kind` is `claim` or `topic`)."""

    def __init__(self, kind: str, target: str) -> None:
        super().__init__()
        self.kind = kind
        self.target = target
