"""Decisions whose claim or topic is gone after a re-analysis: listed, never dropped."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from crosscheck.core.review.decisions import Decision

from ..safe import plain
from ..verdicts import figure_words


class OrphansScreen(ModalScreen):
    CSS_PATH = "orphans.tcss"
    BINDINGS = [Binding("escape,q", "dismiss", "Close", id="orphans.close")]

    def __init__(self, orphans: tuple[Decision, ...]) -> None:
        super().__init__()
        self.orphans = orphans

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="orphans-body"):
            yield Static(Text(f"Orphaned decisions ({len(self.orphans)})", style="bold"))
            yield Static(Text("Their claim or topic is no longer in the analysis (an article removed or "
                              "re-worded, or the extractor changed). They stay in the database and in "
                              "exports.", style="dim"))
            table = Table(expand=True, show_edge=False)
            for name in ("what", "decision", "by", "when"):
                table.add_column(name, overflow="fold")
            for d in self.orphans:
                parts = [d.verdict or ""]
                if d.figure:
                    parts.append("figure " + figure_words(d.figure))
                if d.note:
                    parts.append("note: " + d.note)
                table.add_row(plain(d.label), plain("; ".join(p for p in parts if p) or "(cleared)"),
                              plain(d.reviewer), d.updated_at[:16].replace("T", " "))
            if not self.orphans:
                table.add_row(Text("none: every decision found its claim or topic", style="italic"), "", "", "")
            self.table = table
            yield Static(table)
