"""The figures pane: one conflict's figures side by side on a shared scale, with its estimate.

`ConflictDetail` shows the selected conflict: a summary (kind, group, event, estimate), then
`FigureTable` with each claim's source, claimant, interval, a strip drawing the interval on a
scale shared by the topic, the figure as written and the date, then a detail line with the
row under the cursor in full. Column widths are fitted to the pane (`tui/columns.py`): claimant
and source first, the strip shrinks first, the wording and date leave the row last of all.
"""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from crosscheck.core import estimate
from crosscheck.core.folding import fold
from crosscheck.core.index import AnalysisIndex
from crosscheck.core.model import Conflict, DescriptionConflict
from crosscheck.core.naming import (claimant_label, claimant_name, group_label, readable_keys, source_name,
                                    source_names)
from crosscheck.core.review.decisions import Review
from crosscheck.core.analysis.numbers import interval_text

from .. import strip
from ..columns import Column, fit, want
from ..messages import ClaimChosen, ClaimHighlighted, FigureRequested, VerdictRequested
from ..safe import plain
from ..verdicts import CLAIM_REVIEW_BINDINGS, FIGURE_MARK, NOTE_MARK, DecidesClaims, figure_words, verdict_cell
from . import descriptions
from .timeline import Timeline
from .virtual_table import DATA_TABLE_JUMPS

KIND_MARK = {"dispute": "≠", "revision": "↻", "internal": "Σ", "description": descriptions.DESCRIPTION_MARK}
PADDING = 1
"""DataTable's cell padding on each side of a column."""


@dataclass(frozen=True)
class FigureRow:
    """What one row of the table shows, before it is cut to the column widths."""

    claim: str
    mark: str
    source: str
    claimant: str
    interval: str
    text: str
    date: str
    low: int | None
    high: int | None
    folded: tuple[str, ...] = ()
    """Every claim the row stands for (one article repeating one figure); empty: just `claim`."""

    @property
    def members(self) -> tuple[str, ...]:
        return self.folded or (self.claim,)


class FigureTable(DecidesClaims, DataTable):
    """One conflict's claims side by side; enter shows a claim in its article."""

    BINDINGS = [
        Binding("enter", "choose", "Show in article", id="figures.choose"),
        Binding("j", "cursor_down", "Down", show=False, id="figures.down"),
        Binding("k", "cursor_up", "Up", show=False, id="figures.up"),
        *DATA_TABLE_JUMPS,
        *CLAIM_REVIEW_BINDINGS,
        Binding("l", "timeline", "Timeline", show=False, id="figures.timeline"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", cell_padding=PADDING, **kwargs)
        self.topic_id: str | None = None
        self.figure_rows: list[FigureRow] = []
        self.reviews: dict[str, Text] = {}
        self._scale: tuple[float, float, bool] = (0.0, 1.0, False)
        self._widths: list[int] = []
        self.described = False
        """True while the rows are a description conflict's sides: `interval` holds the value and
        `text` the phrase, and there is no scale."""

    def columns_for(self, rows: list[FigureRow]) -> list[Column]:
        """The columns and their claims on the width, from the rows' contents."""
        def longest(attr: str, label: str, least: int, most: int) -> int:
            return want([getattr(r, attr) for r in rows], label, least, most)
        if self.described:
            return [
                Column("mark", "", 1, longest("mark", "", 1, 2), 0),
                Column("review", "✓", 2, 3, 0),
                Column("source", "source", 8, longest("source", "source", 8, 24), 3),
                Column("claimant", "claimant", 12, longest("claimant", "claimant", 12, 30), 1),
                Column("interval", "value", 8, longest("interval", "value", 8, 24), 1),
                Column("text", "phrase", 14, longest("text", "phrase", 14, 44), 2),
                Column("date", "date", 10, 10, 4, optional=True),
            ]
        return [
            Column("mark", "", 1, longest("mark", "", 1, 6), 0),
            Column("review", "✓", 2, 3, 0),
            Column("source", "source", 10, longest("source", "source", 10, 30), 1),
            Column("claimant", "claimant", 14, longest("claimant", "claimant", 14, 40), 1),
            Column("interval", "interval", 6, longest("interval", "interval", 6, 16), 2),
            Column("strip", "scale", 6, 6, 3, elastic=True),
            Column("date", "date", 10, 10, 4, optional=True),
            Column("text", "as written", 8, longest("text", "as written", 8, 24), 5, optional=True),
        ]

    def fill(self, rows: list[FigureRow], reviews: dict[str, Text], scale: tuple[float, float, bool],
             described: bool = False) -> None:
        """Replaces the rows (one batch) with widths fitted to the table's width; `described`:
        the rows are a description conflict's sides."""
        self.figure_rows, self.reviews, self._scale, self.described = rows, reviews, scale, described
        self._widths = []
        self._draw(keep=False)

    def _fitted(self) -> list[int]:
        room = max(20, self.size.width or 80) - 1  # a cell for the vertical scrollbar's edge
        return fit(self.columns_for(self.figure_rows), room, gap=2 * PADDING)

    def _draw(self, keep: bool) -> None:
        widths = self._fitted()
        if keep and widths == self._widths:
            return
        self._widths = widths
        row = self.cursor_row if keep else 0
        self.clear(columns=True)
        shown = [(c, w) for c, w in zip(self.columns_for(self.figure_rows), widths, strict=True) if w]
        for c, w in shown:  # a column left out is not added: even empty it would cost its padding
            self.add_column(c.label, key=c.key, width=w)
        lo, hi, log = self._scale
        w_strip = dict(zip((c.key for c in self.columns_for(self.figure_rows)), widths, strict=True)).get("strip", 0)
        for r in self.figure_rows:
            cells = {"mark": Text(r.mark, style="bold"), "review": self.reviews.get(r.claim, Text()),
                     "source": plain(r.source, 60), "claimant": plain(r.claimant, 120), "interval": r.interval,
                     "strip": strip.draw(r.low, r.high, lo, hi, log, w_strip) if w_strip else "",
                     "date": r.date, "text": plain(r.text, 80 if self.described else 40)}
            self.add_row(*(cells[c.key] for c, _ in shown), key=r.claim)
        if self.figure_rows:
            self.move_cursor(row=min(row, len(self.figure_rows) - 1), animate=False)

    def on_resize(self) -> None:
        if self.figure_rows:
            self._draw(keep=True)

    @property
    def current_claim(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def action_choose(self) -> None:
        if self.current_claim:
            self.post_message(ClaimChosen(self.current_claim))

    def action_timeline(self) -> None:
        """Shows or hides the topic's timeline above the table."""
        for node in self.ancestors:
            if isinstance(node, ConflictDetail):
                node.toggle_timeline()
                return

    def members_of(self, claim_id: str) -> tuple[str, ...]:
        """The claims a row stands for: a folded row's every repeat, else the claim itself."""
        row = next((r for r in self.figure_rows if r.claim == claim_id), None)
        return row.members if row else (claim_id,)

    def action_verdict(self, verdict: str | None) -> None:
        """A verdict on a folded row is recorded for each claim it stands for."""
        if self.current_claim:
            for cid in self.members_of(self.current_claim):
                self.post_message(VerdictRequested(cid, verdict))

    def action_figure(self) -> None:
        if self.topic_id:
            self.post_message(FigureRequested(self.topic_id, self.current_claim))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = getattr(event.row_key, "value", None)  # None when the table is empty
        if key:
            self.post_message(ClaimChosen(key))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        key = getattr(event.row_key, "value", None)  # None: an empty table still posts a highlight for row -1
        if key:
            self.post_message(ClaimHighlighted(key, origin=self))


def folded_verdict_cell(review: Review, topic_id: str, claim_ids: tuple[str, ...]) -> Text:
    """The verdict marks of a row standing for `claim_ids`: the first claim's, `★` when any is
    the chosen figure, and `±` when the claims do not all have the same verdict."""
    first = review.claims.get(claim_ids[0])
    chosen = review.figure_claims.get(topic_id) in claim_ids
    cell = verdict_cell(first, chosen)
    verdicts = {(d.verdict if (d := review.claims.get(c)) else None) for c in claim_ids}
    if len(verdicts) > 1:
        cell.append("±", style="bold")
    return cell


def detail_text(ix: AnalysisIndex, claim_id: str) -> Text:
    """The row under the cursor in full: claimant, outlet, date, then the sentence."""
    c = ix.claims[claim_id]
    s = ix.sources[c.source]
    line = Text()
    if claimant_label(c.attributed_to):
        line.append_text(plain(claimant_name(c.attributed_to, s), style="bold"))
        line.append(" in ", style="dim")
        line.append_text(plain(source_name(s, limit=80)))
    else:
        line.append_text(plain(source_name(s, limit=80), style="bold"))
        line.append(" (its own report, no claimant named)", style="dim")
    line.append(" · ", style="dim")
    line.append(s.published or "no date")
    line.append(" · ", style="dim")
    line.append(interval_text(c.low, c.high), style="bold")
    if c.part_of and c.part_of in ix.claims:
        total = ix.claims[c.part_of]
        line.append(f" · part of the total {interval_text(total.low, total.high)}", style="italic")
    if s.same_story_as:
        line.append(" · ", style="dim")
        line.append_text(plain("same story as " + source_names(s.same_story_as, ix.sources), style="italic"))
    line.append("\n“")
    line.append_text(plain(c.sentence))
    line.append("”")
    return line


class ConflictDetail(Vertical, can_focus=False):
    """The selected conflict: summary, estimate, every figure with its strip, the cursor row in full."""

    DEFAULT_CSS = """
    ConflictDetail #figure-detail { height: auto; max-height: 4; padding: 0 1; border-top: solid $secondary; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.border_title = "Figures side by side"
        self.ix: AnalysisIndex | None = None
        self.timeline_wanted: bool | None = None
        """The reviewer's choice with `l`; None: shown when the pane is tall enough."""

    def on_mount(self) -> None:
        self._place_timeline()

    def on_resize(self) -> None:
        self._place_timeline()
        x, review = getattr(self, "conflict", None), getattr(self, "review", None)
        if self.ix is not None and isinstance(x, Conflict) and review is not None:
            self.query_one("#conflict-summary", Static).update(self._summary(self.ix, x, review, self.size.width))

    def toggle_timeline(self) -> None:
        timeline = self.query_one(Timeline)
        self.timeline_wanted = not timeline.display
        self._place_timeline()

    def _place_timeline(self) -> None:
        wanted = self.timeline_wanted
        timeline = self.query_one(Timeline)
        shown = self.size.height >= self.TIMELINE_FROM if wanted is None else wanted
        timeline.display = shown and bool(timeline.marks)

    TIMELINE_FROM = 34
    """Pane height from which the timeline shows without asking (`l` shows or hides it anywhere)."""

    def compose(self) -> ComposeResult:
        yield Static(id="conflict-summary")
        yield Timeline(id="figure-timeline")
        yield FigureTable(id="figures")
        yield Static(id="figure-detail")

    def show(self, ix: AnalysisIndex, x: Conflict | DescriptionConflict | None, review: Review | None = None) -> None:
        self.ix = ix
        summary = self.query_one("#conflict-summary", Static)
        table = self.query_one(FigureTable)
        detail = self.query_one("#figure-detail", Static)
        self.conflict = x
        review = review or Review()
        self.review = review
        if isinstance(x, DescriptionConflict):
            self._show_descriptions(ix, x, review)
            return
        self.border_title = "Figures side by side"
        if x is None:
            table.topic_id = None
            table.fill([], {}, (0.0, 1.0, False))
            self.query_one(Timeline).show(ix, [])
            self._place_timeline()
            summary.update(Text("No conflict selected.", style="italic"))
            detail.update("")
            return
        table.topic_id = x.topic
        summary.update(self._summary(ix, x, review, self.size.width or 80))
        members = self.members(x)
        scale = strip.scale([(ix.claims[c].low, ix.claims[c].high) for c in members])
        in_pairs = set(x.disputed)
        rows = []
        for ids in fold([ix.claims[c] for c in members]):
            cid = ids[0]
            c = ix.claims[cid]
            s = ix.sources[c.source]
            mark = "≠" if cid in in_pairs else ("part" if cid in x.parts else "")
            if s.same_story_as:
                mark += "≈"
            if len(ids) > 1:
                mark += f"×{len(ids)}"
            rows.append(FigureRow(cid, mark, source_name(s), claimant_name(c.attributed_to, s),
                                  interval_text(c.low, c.high), c.number_text, s.published or "—", c.low, c.high,
                                  ids if len(ids) > 1 else ()))
        table.fill(rows, {r.claim: self._review(review, x.topic, r.members) for r in rows}, scale)
        self.query_one(Timeline).show(ix, members)
        self._place_timeline()
        detail.update(detail_text(ix, members[0]) if members else "")

    def _show_descriptions(self, ix: AnalysisIndex, x: DescriptionConflict, review: Review) -> None:
        """A description conflict: one row per side's description (a letter per side), with its
        source, claimant, value and phrase; the row under the cursor in full below."""
        table = self.query_one(FigureTable)
        table.topic_id = x.id
        self.border_title = "Descriptions side by side"
        self.query_one("#conflict-summary", Static).update(descriptions.summary(ix, x, review))
        marks = descriptions.side_marks(ix, x)
        rows = []
        for i in x.descriptions:
            d = ix.descriptions[i]
            s = ix.sources[d.source]
            value = d.value if d.denies is None else f"{d.value} (denies {d.denies})"
            rows.append(FigureRow(i, marks[i], source_name(s), claimant_name(d.claimant, s), value, d.phrase,
                                  s.published or "—", None, None))
        table.fill(rows, {i: descriptions.row_review(ix, x, i, review) for i in x.descriptions}, (0.0, 1.0, False),
                   described=True)
        self.query_one("#figure-detail", Static).update(descriptions.detail(ix, x.descriptions[0]))
        self.query_one(Timeline).show(ix, [])
        self._place_timeline()  # descriptions have no figures to chart: hidden

    @staticmethod
    def members(x: Conflict | DescriptionConflict) -> list[str]:
        if isinstance(x, DescriptionConflict):
            return list(x.descriptions)
        return list(x.claims) + [p for p in x.parts if p not in x.claims]

    def on_claim_highlighted(self, message: ClaimHighlighted) -> None:
        """Shows the highlighted figure in full under the table (the message goes on to the screen)."""
        if self.ix is not None and message.claim_id in self.ix.claims:
            self.query_one("#figure-detail", Static).update(detail_text(self.ix, message.claim_id))
        elif self.ix is not None and message.claim_id in self.ix.descriptions:
            self.query_one("#figure-detail", Static).update(descriptions.detail(self.ix, message.claim_id))

    def restyle(self, ix: AnalysisIndex, review: Review) -> None:
        """Redraws verdicts, the chosen figure and notes after a decision; the cursor stays."""
        x = getattr(self, "conflict", None)
        if x is None:
            return
        self.review = review
        if isinstance(x, DescriptionConflict):
            self.query_one("#conflict-summary", Static).update(descriptions.summary(ix, x, review))
            table = self.query_one(FigureTable)
            for i in x.descriptions:
                cell = descriptions.row_review(ix, x, i, review)
                table.reviews[i] = cell
                if any(k.value == "review" for k in table.columns):
                    table.update_cell(i, "review", cell)
            return
        self.query_one("#conflict-summary", Static).update(self._summary(ix, x, review, self.size.width or 80))
        table = self.query_one(FigureTable)
        for r in table.figure_rows:
            cell = self._review(review, x.topic, r.members)
            table.reviews[r.claim] = cell
            if any(k.value == "review" for k in table.columns):
                table.update_cell(r.claim, "review", cell)

    @staticmethod
    def _review(review: Review, topic_id: str, claim_ids: tuple[str, ...]) -> Text:
        """The row's marks; a folded row whose claims were decided differently adds `±`."""
        return folded_verdict_cell(review, topic_id, claim_ids)

    @staticmethod
    def _summary(ix: AnalysisIndex, x: Conflict, review: Review, width: int = 80) -> Text:
        t = ix.topics[x.topic]
        head = Text()
        head.append(f"{KIND_MARK.get(x.kind, '?')} {x.kind.upper()}  ", style="bold")
        head.append_text(plain(f"{group_label(t.who)} · {t.measure}"))
        head.append("\n")
        head.append_text(plain(ix.event_label(t.event)))
        head.append(f"\nestimate low/best/high: {_n(t.low)} / {_n(t.best)} / {_n(t.high)}"
                    f" · {t.independent_sources} independent source{'s' * (t.independent_sources != 1)}\n")
        why = estimate.basis(ix, x.topic)
        head.append_text(plain(estimate.basis_text(why, listed=4 if width < 100 else estimate.LISTED)))
        head.append("\n")
        warning = estimate.spread_warning(why)
        if warning:
            head.append("⚠ ", style="bold")
            head.append_text(plain(warning, style="bold"))
            head.append("\n")
        head.append_text(plain(readable_keys(x.why), style="italic"))
        for dx in ix.analysis.description_conflicts:
            if x.topic in dx.topics:  # the same dead are labelled differently ("terrorists" / "civilians")
                head.append(f"\n{descriptions.DESCRIPTION_MARK} labels disputed too: ", style="bold")
                head.append_text(plain(" vs ".join(dx.values), 80))
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
