"""The `/` filter box: what is typed narrows claims and conflicts at once.

`enter` (or `tab`) keeps the filter and hides the box; `esc` clears it, open or not. The box only reports
(`Applied`, `Closed`); the screen decides what the text filters.
"""
from __future__ import annotations

from textual import on
from textual.message import Message
from textual.widgets import Input


class FilterBox(Input):
    """A one-line filter, hidden until opened."""

    class Applied(Message):
        """The filter text is now `text` ("" for none)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Closed(Message):
        """The box was hidden; `kept` says whether its filter still applies."""

        def __init__(self, kept: bool) -> None:
            super().__init__()
            self.kept = kept

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder="filter claims and conflicts: claimant, group, figure, outlet (esc closes)",
                         **kwargs)

    def on_mount(self) -> None:
        self.display = False
        self.cursor_blink = False  # no animation: over SSH every frame costs bandwidth

    def open(self) -> None:
        self.display = True
        self.focus()

    def close(self, keep: bool) -> bool:
        """Hides the box, clearing the filter unless `keep`; False when it was not open.

        With the box already hidden, `esc` (not `keep`) still clears a filter that is applied."""
        if not self.display:
            if not keep and self.value:
                self.value = ""
                self.post_message(self.Applied(""))
            return False
        if not keep and self.value:
            self.value = ""
            self.post_message(self.Applied(""))
        self.display = False
        self.post_message(self.Closed(keep))
        return True

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.display:
            self.post_message(self.Applied(event.value.strip()))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close(keep=True)
