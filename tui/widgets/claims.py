"""The claims pane: the selected source's figures as written, as intervals, and whose they are."""
from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from core.index import AnalysisIndex
from core.model import Claim
from core.numbers import interval_text

from ..messages import ClaimChosen, ClaimHighlighted
from ..safe import plain


def claim_matches(claim: Claim, needle: str, outlet: str | None) -> bool:
    """Whether a filter string matches a claim's claimant, group, figure or outlet."""
    hay = " ".join((claim.attributed_to or "", claim.who, claim.number_text,
                    interval_text(claim.low, claim.high), claim.measure, outlet or "")).lower()
    return needle.lower() in hay


class ClaimTable(DataTable):
    """Claims of one source; enter opens the claim in its article."""

    BINDINGS = [
        Binding("enter", "choose", "Show in article", id="claims.choose"),
        Binding("j", "cursor_down", "Down", show=False, id="claims.down"),
        Binding("k", "cursor_up", "Up", show=False, id="claims.up"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", **kwargs)
        self.border_title = "Claims"

    def on_mount(self) -> None:
        for label, key, width in (("", "mark", 1), ("as written", "text", 14), ("interval", "interval", 9),
                                  ("measure", "measure", 9), ("who", "who", 18), ("claimant", "claimant", 22),
                                  ("event", "event", 4)):
            self.add_column(label, key=key, width=width)

    def show(self, ix: AnalysisIndex, claims: list[Claim]) -> None:
        self.clear()
        for c in claims:
            mark = Text("≠", style="bold") if c.id in ix.in_conflict else Text("·", style="dim")
            self.add_row(mark, plain(c.number_text, 30), interval_text(c.low, c.high), c.measure,
                         plain(c.who or "—", 40), plain(c.attributed_to or "(outlet)", 60), c.event,
                         key=c.id)
        self.border_subtitle = f"{len(claims)} claim{'s' * (len(claims) != 1)}"

    @property
    def current_claim(self) -> str | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return key.value

    def action_choose(self) -> None:
        if self.current_claim:
            self.post_message(ClaimChosen(self.current_claim))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key.value:
            self.post_message(ClaimHighlighted(event.row_key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.post_message(ClaimChosen(event.row_key.value))

    def select_claim(self, claim_id: str) -> None:
        try:
            self.move_cursor(row=self.get_row_index(claim_id))
        except Exception:
            pass
