"""A table that renders only the rows on screen, so 100,000 claims cost what 40 do.

Textual's DataTable keeps per-row bookkeeping that makes loading 100,000 rows take seconds and a
cursor move tens of milliseconds. This table keeps plain lists (cells and keys) and a key->row
dict, and draws visible lines through the line API: filling is a list assignment and a keypress
repaints one screen of rows.

Rows can be headings (a group's title, drawn across the whole width, which the cursor steps
over), and a subclass can reserve `detail_height` lines under the rows for `detail()`: the
cursor row in full, wrapped, where a column had to cut it.
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

JUMP_BINDINGS = [
    Binding("home,g", "first", "First row", show=False, id="table.first"),
    Binding("end,G", "last", "Last row", show=False, id="table.last"),
]
"""`g`/`Home` and `G`/`End` in every list and table, as in a pager."""
DATA_TABLE_JUMPS = [
    Binding("home,g", "scroll_top", "First row", show=False, id="table.first"),
    Binding("end,G", "scroll_bottom", "Last row", show=False, id="table.last"),
]
"""The same keys for Textual's DataTable, whose cursor moves with `scroll_top`/`scroll_bottom`."""


class VirtualTable(ScrollView, can_focus=True):
    """Rows of cells with a cursor row; posts RowHighlighted and RowSelected with the row's key."""

    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        *JUMP_BINDINGS,
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
        self._announce = True
        self.headings: frozenset[int] = frozenset()
        """Rows that are group headings: one cell drawn across the width, never under the cursor."""
        self.detail_height = 0
        """Lines under the rows kept for `detail()`."""
        self._lines: dict[tuple, tuple[tuple, Strip]] = {}
        """Drawn rows by (row, cursor, style, scroll, width, columns): a view switch or a focus
        change repaints the pane, and a row that has not changed is not drawn again."""

    def restyle(self, rows: Sequence[tuple[Cell, ...]], keys: list[str], headings: frozenset[int] = frozenset()) -> None:
        """Like `set_rows`, but keeps the cursor and scroll when the keys are unchanged."""
        if keys != self.keys or not rows:
            self.set_rows(rows, keys, headings)
            return
        self.rows = list(rows)
        self.headings = frozenset(headings)
        self.refresh()

    def replace_row(self, key: str, cells: tuple[Cell, ...]) -> None:
        row = self._row_of.get(key)
        if row is not None:
            self.rows[row] = cells
            self.refresh()

    # ---- data ---------------------------------------------------------------------------
    def set_columns(self, columns: list[tuple[str, int]]) -> None:
        self.columns = columns

    def set_rows(self, rows: Sequence[tuple[Cell, ...]], keys: list[str], headings: frozenset[int] = frozenset()) -> None:
        """Replaces every row at once; the cursor goes back to the first (that is not a heading)."""
        self.rows, self.keys = list(rows), keys
        self.headings = frozenset(headings)
        self._row_of = {k: i for i, k in enumerate(keys)}
        width = sum(w + 1 for _, w in self.columns)
        self.virtual_size = Size(width, len(rows) + 1 + self.detail_height)
        self.scroll_to(0, 0, animate=False)
        self.cursor_row = self._selectable(0, 1)
        self.refresh()

    def _selectable(self, row: int, direction: int) -> int:
        """The nearest row from `row` in `direction` that is not a heading (else the other way)."""
        n = len(self.rows)
        for step in (direction, -direction):
            r = row
            while 0 <= r < n and r in self.headings:
                r += step
            if 0 <= r < n:
                return r
        return max(0, min(row, n - 1))

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def current_key(self) -> str | None:
        return self.keys[self.cursor_row] if self.rows else None

    def row_of(self, key: str) -> int | None:
        return self._row_of.get(key)

    def move_to_key(self, key: str, announce: bool = True) -> None:
        """Moves the cursor to `key`'s row; `announce` False moves it without a RowHighlighted
        (a move made to follow another pane must not echo back to it)."""
        row = self._row_of.get(key)
        if row is not None and row != self.cursor_row and row not in self.headings:
            self._announce = announce
            try:
                self.cursor_row = row
            finally:
                self._announce = True

    def detail(self) -> Text | None:
        """The cursor row in full, for the `detail_height` lines under the rows (subclasses)."""
        return None

    # ---- cursor -------------------------------------------------------------------------
    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor_row(self, old: int, new: int) -> None:
        if not self.rows:
            return
        visible = self.visible_rows
        top = int(self.scroll_offset.y)
        if new - 1 in self.headings and new - 1 < top:
            self.scroll_to(y=new - 1, animate=False)  # show the group's heading with its first row
        elif new < top:
            self.scroll_to(y=new, animate=False)
        elif new >= top + visible:
            self.scroll_to(y=new - visible + 1, animate=False)
        self.refresh()
        if self._announce:
            self.post_message(self.RowHighlighted(self, self.keys[new], new))

    @property
    def visible_rows(self) -> int:
        """How many rows fit between the column header and the detail lines."""
        return max(1, self.size.height - 1 - self.detail_height)

    def _move(self, row: int, direction: int) -> None:
        if self.rows:
            self.cursor_row = self._selectable(max(0, min(row, len(self.rows) - 1)), direction)

    def action_cursor_up(self) -> None:
        self._move(self.cursor_row - 1, -1)

    def action_cursor_down(self) -> None:
        self._move(self.cursor_row + 1, 1)

    def action_page_up(self) -> None:
        self._move(self.cursor_row - max(1, self.visible_rows - 1), -1)

    def action_page_down(self) -> None:
        self._move(self.cursor_row + max(1, self.visible_rows - 1), 1)

    def action_first(self) -> None:
        self._move(0, 1)
        if self.rows:
            self.scroll_to(y=0, animate=False)

    def action_last(self) -> None:
        self._move(len(self.rows) - 1, -1)

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.RowSelected(self, self.keys[self.cursor_row], self.cursor_row))

    def on_click(self, event) -> None:
        row = int(self.scroll_offset.y) + event.y - 1
        if 0 <= row < len(self.rows) and event.y - 1 < self.visible_rows and row not in self.headings:
            if row == self.cursor_row:
                self.action_select()
            self.cursor_row = row

    # ---- drawing ------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.size.width
        scroll_x = int(self.scroll_offset.x)
        base = self.rich_style
        if y == 0:
            header = tuple(Text(label, style="bold") for label, _ in self.columns)
            return self._strip(header, base + Style(bold=True), scroll_x, width)
        if self.detail_height and y >= self.size.height - self.detail_height:
            return self._detail_line(y - (self.size.height - self.detail_height), base, width)
        row = int(self.scroll_offset.y) + y - 1
        if row >= len(self.rows):
            return Strip.blank(width, base)
        if row in self.headings:
            cell = self.rows[row][0]
            text = (cell if isinstance(cell, Text) else Text(str(cell))).copy()
            text.truncate(max(1, width - 1), overflow="ellipsis")
            segments = [Segment(" ", base)] + [Segment(seg.text, base + seg.style if seg.style else base)
                                               for seg in text.render(self.app.console, end="")]
            return Strip(segments).extend_cell_length(width, base).crop(0, width)
        style = base
        cursor = row == self.cursor_row
        if cursor:
            style = base + (Style(reverse=True) if self.has_focus else Style(bold=True, underline=True))
        cells = self.rows[row]
        key = (row, cursor, style, scroll_x, width, tuple(self.columns))
        hit = self._lines.get(key)
        if hit is not None and hit[0] is cells:  # the cache holds the row it drew, so `is` is safe
            return hit[1]
        strip = self._strip(cells, style, scroll_x, width)
        if len(self._lines) > 4096:
            self._lines.clear()
        self._lines[key] = (cells, strip)
        return strip

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

    def _detail_line(self, n: int, base: Style, width: int) -> Strip:
        """Line `n` of the detail area: a rule, then the cursor row's `detail()` wrapped to the width."""
        if n == 0:
            return Strip([Segment("─" * width, base + Style(dim=True))])
        text = self.detail() if self.rows else None
        if text is None:
            return Strip.blank(width, base)
        key = (self.cursor_row, width, text.plain)
        if getattr(self, "_detail_key", None) != key:
            self._detail_key = key
            self._detail_lines = text.wrap(self.app.console, max(1, width - 2))
        lines = self._detail_lines
        if n - 1 >= len(lines):
            return Strip.blank(width, base)
        line = lines[n - 1]
        if n == self.detail_height - 1 and len(lines) > n:
            line = line.copy()
            line.truncate(max(1, width - 3), overflow="ellipsis")
        segments = [Segment(" ", base)] + [Segment(seg.text, base + seg.style if seg.style else base)
                                           for seg in line.render(self.app.console, end="")]
        return Strip(segments).extend_cell_length(width, base).crop(0, width)
