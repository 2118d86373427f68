"""The note editor: a small modal over the dashboard; ctrl+s saves, escape leaves nothing changed."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from ..safe import plain


class NoteScreen(ModalScreen[str | None]):
    """Edits one note; dismisses with the new text, or None when cancelled."""

    CSS_PATH = "note.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save note", priority=True, id="note.save"),
        Binding("escape", "cancel", "Cancel", priority=True, id="note.cancel"),
    ]

    def __init__(self, about: str, note: str) -> None:
        super().__init__()
        self.about = about
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static(Text.assemble(("Note on ", "bold"), plain(self.about, 200)), id="note-about")
            area = TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            area.cursor_blink = False
            yield area
            yield Static(Text("ctrl+s save · esc cancel · an empty note removes it", style="dim"),
                         id="note-help")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
