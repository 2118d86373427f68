"""The help screen: every binding of the app, the dashboard and its panes, read from their BINDINGS."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def _key(binding: Binding) -> str:
    return binding.key_display or binding.key.replace("_", " ")


class HelpScreen(ModalScreen):
    """Lists what every key does; escape, q or ? closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close")]

    def __init__(self, sections: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for title, bindings in self.sections:
            table.add_row(Text(title, style="bold underline"), "")
            seen = set()
            for b in bindings:
                if b.description and (b.key, b.description) not in seen:
                    seen.add((b.key, b.description))
                    table.add_row(_key(b), b.description)
            table.add_row("", "")
        table.add_row(Text("Mouse", style="bold underline"), "")
        table.add_row("click", "select a row, focus a pane; scroll wheel scrolls")
        self.table = table
        with VerticalScroll(id="help-body"):
            yield Static(Text("crosscheck keys", style="bold"), id="help-title")
            yield Static(table)
