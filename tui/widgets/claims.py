"""The claims pane: the selected source's figures as written, as intervals, and whose they are."""
from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from crosscheck.core.review.decisions import Review
from crosscheck.core.index import AnalysisIndex
from crosscheck.core.model import Claim
from crosscheck.core.naming import claimant_name
from crosscheck.core.analysis.numbers import interval_text

from ..messages import ClaimChosen, ClaimHighlighted, FigureRequested
from ..safe import plain
from ..verdicts import CLAIM_REVIEW_BINDINGS, DecidesClaims, verdict_cell
from .virtual_table import VirtualTable

COLUMNS = [("", 1), ("✓", 2), ("as written", 14), ("interval", 9), ("measure", 9), ("who", 18), ("claimant", 22),
           ("event", 30)]


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

    def show(self, ix: AnalysisIndex, claims: list[Claim], review: Review | None = None,
             keep_cursor: bool = False) -> None:
        """Fills the table; `keep_cursor` restyles the same claims in place (a decision changed)."""
        self.ix = ix
        review = review or Review()
        rows = []
        for c in claims:
            mark = Text("≠", style="bold") if c.id in ix.in_conflict else Text("·", style="dim")
            chosen = review.figure_claims.get(c.topic) == c.id
            rows.append((mark, verdict_cell(review.claims.get(c.id), chosen), plain(c.number_text, 30),
                         interval_text(c.low, c.high), c.measure,
                         plain(c.who or "—", 40), plain(claimant_name(c.attributed_to, ix.sources.get(c.source)), 60),
                         plain(ix.event_label(c.event), 60)))
        (self.restyle if keep_cursor else self.set_rows)(rows, [c.id for c in claims])
        self.border_subtitle = f"{len(claims):,} claim{'s' * (len(claims) != 1)}"

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
        self.post_message(ClaimHighlighted(event.key))

    def on_virtual_table_row_selected(self, event: VirtualTable.RowSelected) -> None:
        event.stop()
        self.post_message(ClaimChosen(event.key))

    def select_claim(self, claim_id: str) -> None:
        self.move_to_key(claim_id)
