"""The note editor: a small modal over the dashboard; ctrl+s saves, escape leaves nothing changed.

The editor closes only once the note is stored. A save that fails (the database locked, the
disk full, another reviewer's change) leaves the editor open with the typed text and the reason,
so nothing typed is lost: ctrl+s tries again, escape discards it.

ctrl+s is a priority binding, so it is handled when the app reads the key, before keystrokes
already forwarded to the text area are processed (keys arrive in bursts over a laggy link). The
text is therefore read from a callback queued on the text area, behind those keystrokes.
"""
from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from ..safe import plain

Save = Callable[[str, "NoteScreen"], None]
"""Stores a note's text, then calls the editor's `saved()` or `refused(reason)`."""


class NoteScreen(ModalScreen[str | None]):
    """Edits one note; dismisses with the stored text, or None when cancelled."""

    CSS_PATH = "note.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save note", priority=True, id="note.save"),
        Binding("escape", "cancel", "Cancel", priority=True, id="note.cancel"),
    ]

    def __init__(self, about: str, note: str, save: Save | None = None) -> None:
        super().__init__()
        self.about = about
        self.note = note
        self._save = save
        self.saving: str | None = None
        """The text being stored, while a save is under way."""

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static(Text.assemble(("Note on ", "bold"), plain(self.about, 200)), id="note-about")
            area = TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            area.cursor_blink = False
            yield area
            yield Static(id="note-error")
            yield Static(Text("ctrl+s save · esc cancel · an empty note removes it", style="dim"),
                         id="note-help")

    def on_mount(self) -> None:
        self.query_one("#note-error").display = False
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.query_one(TextArea).call_later(self._save_text)  # behind the keys still queued for it

    def _save_text(self) -> None:
        if self.saving is not None:
            return
        text = self.query_one(TextArea).text
        if self._save is None:
            self.dismiss(text)
            return
        self.saving = text
        self._say(Text("Saving…", style="dim"))
        self._save(text, self)

    def saved(self) -> None:
        """The note is stored: close with its text."""
        text, self.saving = self.saving, None
        if self.is_current:
            self.dismiss(text)

    def refused(self, reason: str) -> None:
        """The note was not stored: say why and keep the text for another try."""
        self.saving = None
        self._say(Text.assemble(("Not saved: ", "bold red"), plain(reason, 300),
                                ("\nYour text is kept: ctrl+s tries again, esc discards it.", "dim")))

    def _say(self, message: Text) -> None:
        box = self.query_one("#note-error", Static)
        box.update(message)
        box.display = True

    def action_cancel(self) -> None:
        self.dismiss(None)
