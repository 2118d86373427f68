"""The claims pane: the selected source's figures as written, as intervals, and whose they are."""
from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.strip import Strip

from crosscheck.core.review.decisions import Review
from crosscheck.core.folding import fold
from crosscheck.core.index import AnalysisIndex
from crosscheck.core.model import Claim
from crosscheck.core.naming import claimant_name
from crosscheck.core.analysis.numbers import interval_text

from ..messages import ClaimChosen, ClaimHighlighted, FigureRequested, VerdictRequested
from ..safe import plain
from ..verdicts import CLAIM_REVIEW_BINDINGS, DecidesClaims
from ..columns import Column, fit, want
from .figures import detail_text, folded_verdict_cell
from .virtual_table import VirtualTable

COLUMNS = [("", 1), ("✓", 2), ("as written", 14), ("interval", 9), ("measure", 9), ("who", 18), ("claimant", 22),
           ("event", 30)]
"""The columns and their widths before the table knows its own width."""


def column_specs(rows: list[tuple]) -> list[Column]:
    """Each column's claim on the width: claimant and the figure first, the event last."""
    def longest(i: int, least: int, most: int) -> int:
        return want([str(r[i]) for r in rows], COLUMNS[i][0], least, most)
    return [Column("mark", "", 1, longest(0, 1, 4), 0), Column("review", "✓", 2, 2, 0),
            Column("text", "as written", 8, longest(2, 8, 24), 1), Column("interval", "interval", 6, longest(3, 6, 14), 1),
            Column("measure", "measure", 7, longest(4, 7, 10), 3, optional=True),
            Column("who", "who", 8, longest(5, 8, 30), 2), Column("claimant", "claimant", 12, longest(6, 12, 60), 1),
            Column("event", "event", 12, longest(7, 12, 50), 4, optional=True)]


def claim_matches(claim: Claim, needle: str, outlet: str | None) -> bool:
    """Whether a filter string matches a claim's claimant, group, figure or outlet."""
    hay = " ".join((claim.attributed_to or "", claim.who, claim.number_text,
                    interval_text(claim.low, claim.high), claim.measure, outlet or "")).lower()
    return needle.lower() in hay


class ClaimTable(DecidesClaims, VirtualTable):
    """Claims of one source, virtualised; enter opens the claim in its article."""

    BINDINGS = [
        Binding("enter", "choose", "Show in article", id="claims.choose"),
        Binding("j", "cursor_down", "Down", show=False, id="claims.down"),
        Binding("k", "cursor_up", "Up", show=False, id="claims.up"),
        *CLAIM_REVIEW_BINDINGS,
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.border_title = "Claims"
        self.set_columns(COLUMNS)
        self.ix: AnalysisIndex | None = None
        self.full_rows: list[tuple] = []
        """Every cell of every row; the columns on screen are a fitted selection of them."""
        self._shown: list[int] = list(range(len(COLUMNS)))
        self.folds: dict[str, tuple[str, ...]] = {}
        """Row key (the first claim) -> every claim the row stands for (one article repeating a figure)."""
        self._row_key: dict[str, str] = {}

    def show(self, ix: AnalysisIndex, claims: list[Claim], review: Review | None = None,
             keep_cursor: bool = False) -> None:
        """Fills the table; `keep_cursor` restyles the same claims in place (a decision changed)."""
        self.ix = ix
        review = review or Review()
        rows = []
        folds = fold(claims)
        self.folds = {ids[0]: ids for ids in folds}
        self._row_key = {cid: ids[0] for ids in folds for cid in ids}
        for ids in folds:
            c = ix.claims[ids[0]]
            mark = Text("≠", style="bold") if c.id in ix.in_conflict else Text("·", style="dim")
            if len(ids) > 1:
                mark.append(f"×{len(ids)}", style="bold")
            rows.append((mark, folded_verdict_cell(review, c.topic, ids), plain(c.number_text, 30),
                         interval_text(c.low, c.high), c.measure,
                         plain(c.who or "—", 40), plain(claimant_name(c.attributed_to, ix.sources.get(c.source)), 60),
                         plain(ix.event_label(c.event), 60)))
        self.full_rows = rows
        self._fit()
        (self.restyle if keep_cursor else self.set_rows)(self._visible(rows), [ids[0] for ids in folds])
        self._size_for_detail()
        self.border_subtitle = f"{len(claims):,} claim{'s' * (len(claims) != 1)}"

    # ---- fitted columns ----------------------------------------------------------------
    def _fit(self) -> bool:
        """Chooses the columns and widths for the current width; True when they changed."""
        room = max(20, (self.size.width or 80) - 2)  # the leading space and the scrollbar's edge
        widths = fit(column_specs(self.full_rows), room, gap=1)
        shown = [i for i, w in enumerate(widths) if w]
        columns = [(COLUMNS[i][0], widths[i]) for i in shown]
        changed = columns != self.columns or shown != self._shown
        self.columns, self._shown = columns, shown
        return changed

    def _visible(self, rows: list[tuple]) -> list[tuple]:
        return [tuple(r[i] for i in self._shown) for r in rows]

    def on_resize(self) -> None:
        if self._fit():
            self.rows = self._visible(self.full_rows)
        self._size_for_detail()
        self.refresh()

    # ---- detail line -------------------------------------------------------------------
    @property
    def detail_lines(self) -> int:
        """Lines at the bottom showing the cursor row in full (none in a very short pane)."""
        return 4 if self.size.height >= 12 else 0

    def _size_for_detail(self) -> None:
        self.virtual_size = Size(sum(w + 1 for _, w in self.columns), len(self.rows) + 1 + self.detail_lines)

    def watch_cursor_row(self, old: int, new: int) -> None:
        if not self.rows:
            return
        visible = max(1, self.size.height - 1 - self.detail_lines)
        top = int(self.scroll_offset.y)
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif new >= top + visible:
            self.scroll_to(y=new - visible + 1, animate=False)
        self.refresh()
        self.post_message(self.RowHighlighted(self, self.keys[new], new))

    def render_line(self, y: int) -> Strip:
        height, n = self.size.height, self.detail_lines
        if not n or y < height - n:
            return super().render_line(y)
        width = self.size.width
        base = self.rich_style
        if y == height - n:
            return Strip([Segment("─" * width, base + Style(dim=True))], width)
        key = self.current_key
        if key is None or self.ix is None or key not in self.ix.claims:
            return Strip.blank(width, base)
        lines = detail_text(self.ix, key).wrap(self.app.console, max(1, width - 2))
        i = y - (height - n) - 1
        if i >= len(lines):
            return Strip.blank(width, base)
        segments = [Segment(" ", base), *(Segment(s.text, base + s.style if s.style else base)
                                          for s in lines[i].render(self.app.console, end=""))]
        return Strip(segments).extend_cell_length(width, base).crop(0, width)

    @property
    def current_claim(self) -> str | None:
        return self.current_key

    def action_choose(self) -> None:
        if self.current_claim:
            self.post_message(ClaimChosen(self.current_claim))

    def action_figure(self) -> None:
        """The best figure of the claim's topic, starting from this claim (any topic, in conflict or not)."""
        if self.current_claim and self.ix is not None:
            self.post_message(FigureRequested(self.ix.claims[self.current_claim].topic, self.current_claim))

    def on_virtual_table_row_highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(ClaimHighlighted(event.key, origin=self))

    def on_virtual_table_row_selected(self, event: VirtualTable.RowSelected) -> None:
        event.stop()
        self.post_message(ClaimChosen(event.key))

    def select_claim(self, claim_id: str) -> None:
        """Puts the cursor on a claim (its folded row) without announcing it: the caller already shows it."""
        self.move_to_key(self._row_key.get(claim_id, claim_id), announce=False)

    def action_verdict(self, verdict: str | None) -> None:
        """A verdict on a folded row is recorded for each claim it stands for."""
        if self.current_claim:
            for cid in self.folds.get(self.current_claim, (self.current_claim,)):
                self.post_message(VerdictRequested(cid, verdict))
