"""The article search prompt: `/` in the article asks for a word, like a pager's search line.

A one-line box at the bottom of the screen; enter searches, escape leaves the search as it was.
The article does the searching and `n`/`N` move between its matches.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class SearchScreen(ModalScreen[str | None]):
    """Asks for the text to find in the article; dismisses with it, or None when cancelled."""

    CSS_PATH = "search.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel search", priority=True, id="search.cancel")]

    def __init__(self, initial: str = "") -> None:
        super().__init__()
        self.initial = initial

    def compose(self) -> ComposeResult:
        with Horizontal(id="search-bar"):
            yield Static(Text("/", style="bold"), id="search-slash")
            box = Input(self.initial, placeholder="find in the article (enter: search, esc: cancel)", id="search-text")
            box.cursor_blink = False
            yield box

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
