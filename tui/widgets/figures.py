"""The figures pane: one conflict's figures side by side on a shared scale, with its estimate.

`ConflictDetail` shows the selected conflict: each claim's source, date, figure as written, a
strip drawing its interval on a scale shared by the topic, and the claimant, with the topic's
low/best/high estimate and the kind of conflict. `FigureTable` is its table.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from crosscheck.core.review.decisions import Review
from crosscheck.core.index import AnalysisIndex
from crosscheck.core.model import Conflict, DescriptionConflict
from crosscheck.core.naming import claimant_name, group_label, source_name
from crosscheck.core.analysis.numbers import interval_text

from .. import strip
from . import descriptions
from ..messages import ClaimChosen, ClaimHighlighted, FigureRequested
from ..safe import plain
from ..verdicts import CLAIM_REVIEW_BINDINGS, FIGURE_MARK, NOTE_MARK, DecidesClaims, figure_words, verdict_cell

KIND_MARK = {"dispute": "≠", "revision": "↻", "internal": "Σ"}


class FigureTable(DecidesClaims, DataTable):
    """One conflict's claims side by side; enter shows a claim in its article."""

    BINDINGS = [
        Binding("enter", "choose", "Show in article", id="figures.choose"),
        Binding("j", "cursor_down", "Down", show=False, id="figures.down"),
        Binding("k", "cursor_up", "Up", show=False, id="figures.up"),
        *CLAIM_REVIEW_BINDINGS,
    ]

    FIGURE_COLUMNS = (("", "mark", 5), ("✓", "review", 3), ("source", "source", 12), ("as written", "text", 12),
                      ("interval", "interval", 8), ("scale", "strip", 20),
                      ("claimant", "claimant", 22), ("date", "date", 10))

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", **kwargs)
        self.topic_id: str | None = None
        """The topic, or for a description conflict its id (`dx…`), that `b` chooses for."""
        self.mode = ""

    def on_mount(self) -> None:
        self.use("figures")

    def use(self, mode: str) -> None:
        """`figures` (a numeric conflict's claims) or `descriptions` (one description per side)."""
        if mode == self.mode:
            self.clear()
            return
        self.clear(columns=True)
        for label, key, width in (self.FIGURE_COLUMNS if mode == "figures" else descriptions.COLUMNS):
            self.add_column(label, key=key, width=width)
        self.mode = mode

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

    def show(self, ix: AnalysisIndex, x: Conflict | DescriptionConflict | None, review: Review | None = None) -> None:
        summary = self.query_one("#conflict-summary", Static)
        table = self.query_one(FigureTable)
        self.conflict = x
        review = review or Review()
        if isinstance(x, DescriptionConflict):
            self._show_descriptions(ix, x, review)
            return
        table.use("figures")
        self.border_title = "Figures side by side"
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
                          plain(source_name(s), 60), plain(c.number_text, 30),
                          interval_text(c.low, c.high), strip.draw(c.low, c.high, lo, hi, log, 20),
                          plain(claimant_name(c.attributed_to, s), 60), s.published or "—", key=cid)

    def _show_descriptions(self, ix: AnalysisIndex, x: DescriptionConflict, review: Review) -> None:
        """A description conflict: each side's phrase, value and claimant, a letter per side."""
        table = self.query_one(FigureTable)
        table.use("descriptions")
        table.topic_id = x.id
        self.border_title = "Descriptions side by side"
        self.query_one("#conflict-summary", Static).update(descriptions.summary(ix, x, review))
        marks = descriptions.side_marks(ix, x)
        for i in x.descriptions:
            table.add_row(*descriptions.row(ix, x, i, review, marks[i]), key=i)

    def restyle(self, ix: AnalysisIndex, review: Review) -> None:
        """Redraws verdicts, the chosen figure and notes after a decision; the cursor stays."""
        x = getattr(self, "conflict", None)
        if x is None:
            return
        if isinstance(x, DescriptionConflict):
            self.query_one("#conflict-summary", Static).update(descriptions.summary(ix, x, review))
            table = self.query_one(FigureTable)
            for i in x.descriptions:
                table.update_cell(i, "review", descriptions.row_review(ix, x, i, review))
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
        head.append_text(plain(f"{group_label(t.who)} · {t.measure}"))
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


def _n(v: int | None) -> str:
    return "?" if v is None else f"{v:,}"
