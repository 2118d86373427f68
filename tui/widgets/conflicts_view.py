"""The conflicts view: the list of conflicts beside the selected one's figures.

The view keeps the two panes in step (the highlighted conflict fills the detail) so the screen
only hands it the conflicts to list and the current review.
"""
from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from crosscheck.core.index import AnalysisIndex
from crosscheck.core.model import Conflict, DescriptionConflict
from crosscheck.core.review.decisions import Review

from .conflicts import ConflictDetail, ConflictList


class ConflictsView(Horizontal):
    """Every conflict listed, and the highlighted one's figures side by side."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.ix: AnalysisIndex | None = None
        self.review = Review()
        self.current_conflict: str | None = None

    def compose(self) -> ComposeResult:
        yield ConflictList(id="conflict-list", classes="pane")
        yield ConflictDetail(id="conflict-detail", classes="pane")

    def show(self, ix: AnalysisIndex, conflicts: list[Conflict], review: Review,
             described: list[DescriptionConflict] | None = None) -> None:
        """Lists `conflicts` and the description conflicts `described` (those the filter lets
        through) and shows the first one's figures or descriptions."""
        self.ix, self.review = ix, review
        self.query_one(ConflictList).show(ix, conflicts, review, described)
        detail = self.query_one(ConflictDetail)
        a = ix.analysis
        shown: list[Conflict | DescriptionConflict] = [*conflicts, *(described or ())]
        if not a.conflicts and not a.description_conflicts:
            detail.query_one("#conflict-summary", Static).update(Text(
                f"No conflicts: the figures of all {len(a.topics)} topics agree "
                f"({len(a.claims)} claims in {len(a.sources)} sources).", style="italic"))
        elif not shown:
            detail.show(ix, None)
        else:
            self.current_conflict = shown[0].id
            detail.show(ix, shown[0], review)

    def restyle(self, ix: AnalysisIndex, review: Review) -> None:
        """Redraws the review marks of both panes; rows and cursors stay."""
        self.review = review
        self.query_one(ConflictList).restyle(ix, review)
        self.query_one(ConflictDetail).restyle(ix, review)

    def select(self, conflict_id: str) -> None:
        self.query_one(ConflictList).select_conflict(conflict_id)

    def step(self, delta: int) -> None:
        self.query_one(ConflictList).step(delta)

    @on(ConflictList.Highlighted)
    def _highlighted(self, message: ConflictList.Highlighted) -> None:
        message.stop()
        if self.ix is not None:
            self.current_conflict = message.conflict_id
            x = self.ix.description_conflicts.get(message.conflict_id) or next(
                x for x in self.ix.analysis.conflicts if x.id == message.conflict_id)
            self.query_one(ConflictDetail).show(self.ix, x, self.review)
