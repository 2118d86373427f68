"""A table that renders only the rows on screen, so 100,000 claims cost what 40 do.

Textual's DataTable keeps per-row bookkeeping that makes loading 100,000 rows take seconds and a
cursor move tens of milliseconds. This table keeps plain lists (cells and keys) and a key->row
dict, and draws visible lines through the line API: filling is a list assignment and a keypress
repaints one screen of rows.
"""
from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

Cell = Text | str


class VirtualTable(ScrollView, can_focus=True):
    """Rows of cells with a cursor row; posts RowHighlighted and RowSelected with the row's key."""

    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]
    DEFAULT_CSS = """
    VirtualTable { height: 1fr; }
    """

    cursor_row: reactive[int] = reactive(0, always_update=True)

    class RowHighlighted(Message):
        def __init__(self, table: VirtualTable, key: str, row: int) -> None:
            super().__init__()
            self.table, self.key, self.row = table, key, row

    class RowSelected(Message):
        def __init__(self, table: VirtualTable, key: str, row: int) -> None:
            super().__init__()
            self.table, self.key, self.row = table, key, row

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.columns: list[tuple[str, int]] = []
        self.rows: list[tuple[Cell, ...]] = []
        self.keys: list[str] = []
        self._row_of: dict[str, int] = {}

    def restyle(self, rows: Sequence[tuple[Cell, ...]], keys: list[str]) -> None:
        """Like `set_rows`, but keeps the cursor and scroll when the keys are unchanged."""
        if keys != self.keys or not rows:
            self.set_rows(rows, keys)
            return
        self.rows = list(rows)
        self.refresh()

    def replace_row(self, key: str, cells: tuple[Cell, ...]) -> None:
        row = self._row_of.get(key)
        if row is not None:
            self.rows[row] = cells
            self.refresh()

    # ---- data ---------------------------------------------------------------------------
    def set_columns(self, columns: list[tuple[str, int]]) -> None:
        self.columns = columns

    def set_rows(self, rows: Sequence[tuple[Cell, ...]], keys: list[str]) -> None:
        """Replaces every row at once; the cursor goes back to the first."""
        self.rows, self.keys = list(rows), keys
        self._row_of = {k: i for i, k in enumerate(keys)}
        width = sum(w + 1 for _, w in self.columns)
        self.virtual_size = Size(width, len(rows) + 1)
        self.scroll_to(0, 0, animate=False)
        self.cursor_row = 0
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def current_key(self) -> str | None:
        return self.keys[self.cursor_row] if self.rows else None

    def row_of(self, key: str) -> int | None:
        return self._row_of.get(key)

    def move_to_key(self, key: str) -> None:
        row = self._row_of.get(key)
        if row is not None and row != self.cursor_row:
            self.cursor_row = row

    # ---- cursor -------------------------------------------------------------------------
    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor_row(self, old: int, new: int) -> None:
        if not self.rows:
            return
        visible = max(1, self.size.height - 1)
        top = int(self.scroll_offset.y)
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif new >= top + visible:
            self.scroll_to(y=new - visible + 1, animate=False)
        self.refresh()
        self.post_message(self.RowHighlighted(self, self.keys[new], new))

    def action_cursor_up(self) -> None:
        self.cursor_row -= 1

    def action_cursor_down(self) -> None:
        self.cursor_row += 1

    def action_page_up(self) -> None:
        self.cursor_row -= max(1, self.size.height - 2)

    def action_page_down(self) -> None:
        self.cursor_row += max(1, self.size.height - 2)

    def action_first(self) -> None:
        self.cursor_row = 0

    def action_last(self) -> None:
        self.cursor_row = len(self.rows) - 1

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.RowSelected(self, self.keys[self.cursor_row], self.cursor_row))

    def on_click(self, event) -> None:
        row = int(self.scroll_offset.y) + event.y - 1
        if 0 <= row < len(self.rows):
            if row == self.cursor_row:
                self.action_select()
            self.cursor_row = row

    # ---- drawing ------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.size.width
        scroll_x = int(self.scroll_offset.x)
        base = self.rich_style
        if y == 0:
            cells = [Text(label, style="bold") for label, _ in self.columns]
            return self._strip(cells, base + Style(bold=True), scroll_x, width)
        row = int(self.scroll_offset.y) + y - 1
        if row >= len(self.rows):
            return Strip.blank(width, base)
        style = base
        if row == self.cursor_row:
            style = base + (Style(reverse=True) if self.has_focus else Style(bold=True, underline=True))
        return self._strip(self.rows[row], style, scroll_x, width)

    def _strip(self, cells, style: Style, scroll_x: int, width: int) -> Strip:
        segments: list[Segment] = [Segment(" ", style)]
        console = self.app.console
        for (_, w), cell in zip(self.columns, cells, strict=False):
            text = cell if isinstance(cell, Text) else Text(str(cell))
            text = text.copy()
            text.truncate(w, overflow="ellipsis")
            if text.cell_len < w:
                text.append(" " * (w - text.cell_len))
            for seg in text.render(console, end=""):
                segments.append(Segment(seg.text, style + seg.style if seg.style else style))
            segments.append(Segment(" ", style))
        strip = Strip(segments).crop(scroll_x, scroll_x + width)
        return strip.extend_cell_length(width, style)
