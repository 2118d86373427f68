"""`e`: write the review (figures, verdicts, chosen figures, notes, orphans) as Markdown, CSV or JSON."""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, RadioSet, Static

FORMATS = {"markdown": ".md", "csv": ".csv", "json": ".json"}


def file_stem(root: str | None) -> str:
    """`crosscheck-<corpus>` with every character but letters, digits, - and _ made a dash."""
    return "crosscheck-" + "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in (root or "corpus"))


class FormatChoice(RadioSet):
    """The format list: arrows move, space picks, enter picks the highlighted format and writes."""

    BINDINGS = [Binding("enter", "choose", "Write file", show=False, id="export.choose")]

    class Chosen(Message):
        """Enter on a format: write the export in `format`."""

        def __init__(self, format: str) -> None:
            super().__init__()
            self.format = format

    def action_choose(self) -> None:
        buttons = list(self.query(RadioButton))
        index = self._selected if self._selected is not None else self.pressed_index
        button = buttons[index] if 0 <= index < len(buttons) else self.pressed_button
        if button is None:
            return
        button.value = True
        self.post_message(self.Chosen((button.id or "fmt-markdown").removeprefix("fmt-")))


class ExportScreen(ModalScreen[tuple[str, Path] | None]):
    """Asks for a format and a file; dismisses with (format, path)."""

    CSS_PATH = "export.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Write file", priority=True, id="export.save"),
        Binding("escape", "cancel", "Cancel", priority=True, id="export.cancel"),
    ]

    def __init__(self, stem: str, directory: Path) -> None:
        super().__init__()
        self.stem = stem
        self.directory = directory

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Static(Text("Export the review", style="bold"))
            yield Static(Text("Per topic: every source's figure, claimant, verdict and note, the chosen "
                              "figure, the conflicts, and orphaned decisions.", style="dim"))
            with FormatChoice(id="export-format"):
                yield RadioButton("Markdown: a memo to paste into a story", value=True, id="fmt-markdown")
                yield RadioButton("CSV: one row per claim, for a spreadsheet", id="fmt-csv")
                yield RadioButton("JSON: crosscheck/1 with verdicts, for other tools", id="fmt-json")
            yield Static(id="export-choice")
            yield Static("file", classes="export-label")
            yield Input(str(self.directory / f"{self.stem}.md"), id="export-path")
            yield Static(id="export-error")
            yield Static(Text("↑↓ format · enter or ctrl+s write · esc cancel", style="dim"))

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = False
        self.query_one(RadioSet).focus()
        self._say_choice()

    def _say_choice(self) -> None:
        """The chosen format in words: radio dots differ only by colour, which NO_COLOR removes."""
        names = {"markdown": "Markdown", "csv": "CSV", "json": "JSON"}
        self.query_one("#export-choice", Static).update(Text.assemble("format: ", (names[self.format], "bold")))

    @property
    def format(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return (pressed.id or "fmt-markdown").removeprefix("fmt-") if pressed else "markdown"

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        box = self.query_one("#export-path", Input)
        path = Path(box.value)
        if path.suffix.lower() in FORMATS.values():
            box.value = str(path.with_suffix(FORMATS[self.format]))
        self._say_choice()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(FormatChoice.Chosen)
    def _chosen(self, message: FormatChoice.Chosen) -> None:
        self.action_save(message.format)

    def action_save(self, format: str | None = None) -> None:
        """Writes in `format` (default: the one picked), to the file typed."""
        format = format or self.format
        text = self.query_one("#export-path", Input).value.strip()
        if Path(text).suffix.lower() in FORMATS.values():
            text = str(Path(text).with_suffix(FORMATS[format]))
        if not text:
            self.query_one("#export-error", Static).update(Text("Type a file name.", style="bold red"))
            return
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self.directory / path
        if path.is_dir():
            self.query_one("#export-error", Static).update(Text(f"{path} is a folder.", style="bold red"))
            return
        self._close((format, path))

    def action_cancel(self) -> None:
        self._close(None)

    def _close(self, result) -> None:
        """Dismisses once: a second enter (or enter then esc) queued before the screen is gone
        would dismiss it again, and Textual raises on a screen's second result."""
        if not getattr(self, "_closing", False):
            self._closing = True
            self.dismiss(result)
