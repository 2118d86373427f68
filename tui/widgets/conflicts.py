"""The conflicts view: every topic whose figures disagree, and one topic's figures side by side.

`ConflictList` lists the conflicts; `ConflictDetail` shows the selected one: each claim's source,
date, figure as written, a strip drawing its interval on a scale shared by the topic, and the
claimant, with the topic's low/best/high estimate and the kind of conflict.
"""
from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from crosscheck.core.review.decisions import Review
from crosscheck.core.index import AnalysisIndex
from crosscheck.core.model import Conflict, DescriptionConflict
from crosscheck.core.analysis.numbers import interval_text

from ..messages import FigureRequested, NoteRequested
from ..safe import plain
from ..verdicts import FIGURE_MARK, NOTE_MARK
from crosscheck.core.naming import group_label

from . import descriptions
from .claims import claim_matches
from .figures import KIND_MARK, ConflictDetail, FigureTable

__all__ = ["ConflictDetail", "ConflictList", "FigureTable", "conflict_matches"]



def conflict_matches(ix: AnalysisIndex, x: Conflict, needle: str) -> bool:
    t = ix.topics[x.topic]
    if needle.lower() in f"{t.who} {t.measure} {x.kind} {ix.event_label(t.event)}".lower():
        return True
    return any(claim_matches(ix.claims[c], needle, ix.sources[ix.claims[c].source].outlet) for c in x.claims)


class ConflictList(DataTable):
    """All conflicts; the highlighted one fills the detail."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="conflicts.down"),
        Binding("k", "cursor_up", "Up", show=False, id="conflicts.up"),
        Binding("b", "figure", "Best figure", id="topic.figure"),
        Binding("n", "note", "Topic note", id="topic.note"),
    ]

    class Highlighted(Message):
        def __init__(self, conflict_id: str) -> None:
            super().__init__()
            self.conflict_id = conflict_id

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", **kwargs)
        self.border_title = "Conflicts"

    def on_mount(self) -> None:
        for label, key, width in (("", "kind", 1), ("✓", "review", 3), ("topic", "topic", 22), ("measure", "measure", 8),
                                  ("figures", "figures", 16), ("event", "event", 5)):
            self.add_column(label, key=key, width=width)

    def show(self, ix: AnalysisIndex, conflicts: list[Conflict], review: Review | None = None,
             described: list[DescriptionConflict] | None = None) -> None:
        """Lists numeric conflicts, then the description conflicts (`described`) with their own mark."""
        self.clear()
        self._topics = {x.id: x.topic for x in conflicts}
        self._described = {x.id for x in described or ()}
        review = review or Review()
        for x in conflicts:
            t = ix.topics[x.topic]
            in_pairs = set(x.disputed) or set(x.claims) | set(x.parts)
            values = sorted({interval_text(ix.claims[c].low, ix.claims[c].high) for c in in_pairs})
            self.add_row(Text(KIND_MARK.get(x.kind, "?"), style="bold"), _review_cell(ix, x, review),
                         plain(group_label(t.who), 40), t.measure,
                         plain(" vs ".join(values), 40), t.event, key=x.id)
        for dx in described or ():
            self.add_row(*descriptions.list_cells(ix, dx, review), key=dx.id)
        n = len(conflicts) + len(described or ())
        self.border_subtitle = f"{n} conflict{'s' * (n != 1)}"

    def restyle(self, ix: AnalysisIndex, review: Review) -> None:
        """Redraws the review column after a decision, leaving rows and cursor alone."""
        for x in ix.analysis.conflicts:
            if x.id in getattr(self, "_topics", {}):
                self.update_cell(x.id, "review", _review_cell(ix, x, review))
        for dx in ix.analysis.description_conflicts:
            if dx.id in getattr(self, "_described", ()):
                self.update_cell(dx.id, "review", descriptions.review_cell(dx, review))

    @property
    def current_conflict(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def action_figure(self) -> None:
        x = self.current_conflict
        if x:
            self.post_message(FigureRequested(self._topics.get(x, x)))

    def action_note(self) -> None:
        x = self.current_conflict
        if x is None:
            return
        if x in getattr(self, "_described", ()):
            self.post_message(NoteRequested("dconflict", x))
        else:
            self.post_message(NoteRequested("topic", self._topics[x]))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key.value:
            self.post_message(self.Highlighted(event.row_key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()

    def step(self, delta: int) -> None:
        if self.row_count:
            self.move_cursor(row=(self.cursor_row + delta) % self.row_count)

    def select_conflict(self, conflict_id: str) -> None:
        try:
            self.move_cursor(row=self.get_row_index(conflict_id))
        except Exception:
            pass


def _review_cell(ix: AnalysisIndex, x: Conflict, review: Review) -> Text:
    """The conflict's review state: ★ for a chosen figure, ✎ for a note, then how many claims have verdicts."""
    d = review.topics.get(x.topic)
    cell = Text()
    if d and d.figure:
        cell.append(FIGURE_MARK, style="bold")
    if d and d.note:
        cell.append(NOTE_MARK)
    decided = sum(1 for c in set(x.claims) | set(x.parts) if (v := review.claims.get(c)) and v.verdict)
    if decided:
        cell.append(str(decided))
    return cell


def _n(v: int | None) -> str:
    return "?" if v is None else f"{v:,}"
