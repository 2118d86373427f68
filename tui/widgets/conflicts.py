"""The conflicts view: every topic whose figures disagree, and one topic's figures side by side.

`ConflictList` lists the conflicts; `ConflictDetail` shows the selected one: each claim's source,
date, figure as written, a strip drawing its interval on a scale shared by the topic, and the
claimant, with the topic's low/best/high estimate and the kind of conflict.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from crosscheck.core.review.decisions import Review
from crosscheck.core.index import AnalysisIndex
from crosscheck.core.model import Conflict
from crosscheck.core.analysis.numbers import interval_text

from .. import strip
from ..messages import ClaimChosen, ClaimHighlighted, FigureRequested, NoteRequested
from ..safe import plain
from ..verdicts import CLAIM_REVIEW_BINDINGS, FIGURE_MARK, NOTE_MARK, DecidesClaims, figure_words, verdict_cell
from .claims import claim_matches

KIND_MARK = {"dispute": "≠", "revision": "↻", "internal": "Σ"}


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

    def show(self, ix: AnalysisIndex, conflicts: list[Conflict], review: Review | None = None) -> None:
        self.clear()
        self._topics = {x.id: x.topic for x in conflicts}
        review = review or Review()
        for x in conflicts:
            t = ix.topics[x.topic]
            in_pairs = set(x.disputed) or set(x.claims) | set(x.parts)
            values = sorted({interval_text(ix.claims[c].low, ix.claims[c].high) for c in in_pairs})
            self.add_row(Text(KIND_MARK.get(x.kind, "?"), style="bold"), _review_cell(ix, x, review),
                         plain(t.who, 40), t.measure,
                         plain(" vs ".join(values), 40), t.event, key=x.id)
        self.border_subtitle = f"{len(conflicts)} conflict{'s' * (len(conflicts) != 1)}"

    def restyle(self, ix: AnalysisIndex, review: Review) -> None:
        """Redraws the review column after a decision, leaving rows and cursor alone."""
        for x in ix.analysis.conflicts:
            if x.id in getattr(self, "_topics", {}):
                self.update_cell(x.id, "review", _review_cell(ix, x, review))

    @property
    def current_conflict(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def action_figure(self) -> None:
        x = self.current_conflict
        if x:
            self.post_message(FigureRequested(self._topics[x]))

    def action_note(self) -> None:
        x = self.current_conflict
        if x:
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


class FigureTable(DecidesClaims, DataTable):
    """One conflict's claims side by side; enter shows a claim in its article."""

    BINDINGS = [
        Binding("enter", "choose", "Show in article", id="figures.choose"),
        Binding("j", "cursor_down", "Down", show=False, id="figures.down"),
        Binding("k", "cursor_up", "Up", show=False, id="figures.up"),
        *CLAIM_REVIEW_BINDINGS,
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", **kwargs)
        self.topic_id: str | None = None

    def on_mount(self) -> None:
        for label, key, width in (("", "mark", 2), ("✓", "review", 3), ("source", "source", 12), ("as written", "text", 12),
                                  ("interval", "interval", 8), ("scale", "strip", 20),
                                  ("claimant", "claimant", 22), ("date", "date", 10)):
            self.add_column(label, key=key, width=width)

    @property
    def current_claim(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def action_choose(self) -> None:
        if self.current_claim:
            self.post_message(ClaimChosen(self.current_claim))

    def action_figure(self) -> None:
        if self.topic_id:
            self.post_message(FigureRequested(self.topic_id, self.current_claim))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.post_message(ClaimChosen(event.row_key.value))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key.value:
            self.post_message(ClaimHighlighted(event.row_key.value))


class ConflictDetail(Vertical, can_focus=False):
    """The selected conflict: summary, estimate and every figure with its strip."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.border_title = "Figures side by side"

    def compose(self) -> ComposeResult:
        yield Static(id="conflict-summary")
        yield FigureTable(id="figures")

    def show(self, ix: AnalysisIndex, x: Conflict | None, review: Review | None = None) -> None:
        summary = self.query_one("#conflict-summary", Static)
        table = self.query_one(FigureTable)
        table.clear()
        self.conflict = x
        review = review or Review()
        if x is None:
            table.topic_id = None
            summary.update(Text("No conflict selected.", style="italic"))
            return
        table.topic_id = x.topic
        summary.update(self._summary(ix, x, review))
        members = list(x.claims) + [p for p in x.parts if p not in x.claims]
        lo, hi, log = strip.scale([(ix.claims[c].low, ix.claims[c].high) for c in members])
        in_pairs = set(x.disputed)
        for cid in members:
            c = ix.claims[cid]
            s = ix.sources[c.source]
            mark = "≠" if cid in in_pairs else ("part" if cid in x.parts else "")
            if s.same_story_as:
                mark += "≈"
            table.add_row(Text(mark, style="bold"), self._review(review, x.topic, cid),
                          plain(s.outlet or s.path, 30), plain(c.number_text, 30),
                          interval_text(c.low, c.high), strip.draw(c.low, c.high, lo, hi, log, 20),
                          plain(c.attributed_to or "(outlet)", 60), s.published or "—", key=cid)

    def restyle(self, ix: AnalysisIndex, review: Review) -> None:
        """Redraws verdicts, the chosen figure and notes after a decision; the cursor stays."""
        x = getattr(self, "conflict", None)
        if x is None:
            return
        self.query_one("#conflict-summary", Static).update(self._summary(ix, x, review))
        table = self.query_one(FigureTable)
        for cid in list(x.claims) + [p for p in x.parts if p not in x.claims]:
            table.update_cell(cid, "review", self._review(review, x.topic, cid))

    @staticmethod
    def _review(review: Review, topic_id: str, claim_id: str) -> Text:
        return verdict_cell(review.claims.get(claim_id), review.figure_claims.get(topic_id) == claim_id)

    @staticmethod
    def _summary(ix: AnalysisIndex, x: Conflict, review: Review) -> Text:
        t = ix.topics[x.topic]
        head = Text()
        head.append(f"{KIND_MARK.get(x.kind, '?')} {x.kind.upper()}  ", style="bold")
        head.append_text(plain(f"{t.who} · {t.measure}"))
        head.append("\n")
        head.append_text(plain(ix.event_label(t.event)))
        head.append(f"\nestimate low/best/high: {_n(t.low)} / {_n(t.best)} / {_n(t.high)}"
                    f" · {t.independent_sources} independent source{'s' * (t.independent_sources != 1)}\n")
        head.append_text(plain(x.why, style="italic"))
        d = review.topics.get(x.topic)
        if d and d.figure:
            head.append(f"\n{FIGURE_MARK} reviewer's figure: ", style="bold")
            head.append_text(plain(figure_words(d.figure), 80))
            head.append(" · ", style="dim")
            head.append_text(plain(d.reviewer, 40, style="dim"))
        if d and d.note:
            head.append(f"\n{NOTE_MARK} ", style="bold")
            head.append_text(plain(d.note, 200, style="italic"))
        return head


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
