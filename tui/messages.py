"""Messages that cross panes: what the user chose, sent up to the screen that owns the panes."""
from __future__ import annotations

from textual.message import Message


class ClaimChosen(Message):
    """The user pressed enter on a claim anywhere: open its article scrolled to the span."""

    def __init__(self, claim_id: str) -> None:
        super().__init__()
        self.claim_id = claim_id


class ClaimHighlighted(Message):
    """The cursor moved onto a claim: the article pane marks it."""

    def __init__(self, claim_id: str) -> None:
        super().__init__()
        self.claim_id = claim_id


class SourceHighlighted(Message):
    """The cursor moved onto a source: show its article and claims."""

    def __init__(self, source_id: str) -> None:
        super().__init__()
        self.source_id = source_id
