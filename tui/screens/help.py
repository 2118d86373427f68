"""The help screen: every binding of the app, the dashboard and its panes, read from their BINDINGS."""
from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def _key(binding: Binding, keymap: Mapping[str, str]) -> str:
    if binding.id and binding.id in keymap:
        return keymap[binding.id].replace("_", " ")
    return binding.key_display or binding.key.replace("_", " ")


class HelpScreen(ModalScreen):
    """Lists what every key does; escape, q or ? closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close")]

    def __init__(self, sections: list[tuple[str, list[Binding]]], keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.sections = sections
        self.keymap = keymap or {}

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        table.add_column(style="dim")
        for title, bindings in self.sections:
            table.add_row(Text(title, style="bold underline"), "", "")
            seen = set()
            for b in bindings:
                if b.description and (b.key, b.description) not in seen:
                    seen.add((b.key, b.description))
                    table.add_row(Text(_key(b, self.keymap)), b.description, b.id or "")
            table.add_row("", "", "")
        table.add_row(Text("Mouse", style="bold underline"), "", "")
        table.add_row("click", "select a row, focus a pane; scroll wheel scrolls", "")
        table.add_row("", "", "")
        table.add_row(Text("Remapping", style="bold underline"), "", "")
        table.add_row("", Text("The dim column is each key's binding id: remap it in "
                               "~/.config/crosscheck/config.toml under [keys], e.g. \"verdict.accept\" = \"A\"."), "")
        self.table = table
        with VerticalScroll(id="help-body"):
            yield Static(Text("crosscheck keys", style="bold"), id="help-title")
            yield Static(table)
