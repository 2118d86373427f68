"""The audit trail of one claim or topic, inside the dashboard: who changed what, when.

Opened with `h` on a claim (claims pane, figures side by side) or a conflict. The entries are
read from the review database on the store thread (`ReviewDesk.history`); this screen only
shows them, oldest first, every value as plain text.
"""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from crosscheck.core.review.audit import FIELD_WORDS, value_text, when_text
from crosscheck.core.review.store import AuditEntry

from ..safe import plain


class HistoryScreen(ModalScreen):
    """Every recorded change of one decision; escape or q closes it."""

    CSS_PATH = "history.tcss"
    BINDINGS = [Binding("escape,q,h", "dismiss", "Close", id="history.close")]

    def __init__(self, about: str, entries: list[AuditEntry]) -> None:
        super().__init__()
        self.about = about
        self.entries = entries

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="history-body"):
            yield Static(Text.assemble(("History of ", "bold"), plain(self.about, 200)), id="history-about")
            table = Table(expand=True, show_edge=False, pad_edge=False)
            for name, ratio in (("when (UTC)", 2), ("who", 2), ("what", 2), ("from", 3), ("to", 3)):
                table.add_column(name, ratio=ratio, overflow="fold")
            for e in self.entries:
                what = FIELD_WORDS.get(e.field, e.field) + (" (undo)" if e.action == "undo" else "")
                table.add_row(when_text(e.at), plain(e.reviewer, 60), plain(what),
                              plain(value_text(e.field, e.old), 300), plain(value_text(e.field, e.new), 300))
            if not self.entries:
                table.add_row(Text("no decision recorded yet", style="italic"), "", "", "", "")
            self.table = table
            yield Static(table)
            yield Static(Text("esc closes · the same trail: crosscheck history", style="dim"), id="history-help")
