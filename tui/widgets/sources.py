"""The sources pane: each article's outlet, date, title, claim and conflict counts, same-story mark.

A `VirtualTable`: Textual's DataTable drops every rendered cell whenever its styles change (a
focus change, a view switch) and renders them again through Rich, which was most of a view
switch on a corpus of 60 articles; this table draws its visible lines directly.
"""
from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from crosscheck.core.index import AnalysisIndex
from crosscheck.core.naming import source_title

from ..messages import SourceHighlighted
from ..safe import plain
from .virtual_table import VirtualTable

COLUMNS = [("", 1), ("title", 26), ("outlet", 14), ("date", 10), ("claims", 6), ("≠", 3)]
KEYS = ("mark", "title", "outlet", "date", "claims", "conflicts")
"""Column keys, for `get_cell`."""


class SourceList(VirtualTable):
    """Articles of the corpus; the highlighted one fills the article and claims panes."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="sources.down"),
        Binding("k", "cursor_up", "Up", show=False, id="sources.up"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.border_title = "Sources"
        self.set_columns(COLUMNS)
        self._all: list[tuple] = []
        """Every cell of every row; the columns on screen are a fitted selection of them."""
        self._shown = list(range(len(COLUMNS)))

    def show(self, ix: AnalysisIndex) -> None:
        """Fills the table from an analysis (one batch, not row by row)."""
        rows = []
        for s in ix.analysis.sources:
            mark = Text("≈", style="bold") if s.same_story_as else Text(" ")
            n_conf = ix.conflicts_by_source.get(s.id, 0)
            rows.append((mark, plain(source_title(s), 80), plain(s.outlet or "—", 16), s.published or "—",
                         Text(str(len(ix.claims_by_source.get(s.id, []))), justify="right"),
                         Text(str(n_conf) if n_conf else "", style="bold", justify="right")))
        self._all = rows
        self._fit()
        self.set_rows(self._visible(), [s.id for s in ix.analysis.sources])

    def _fit(self) -> None:
        """Column widths for the pane: the title takes what the others leave (the date goes first
        when the pane is narrow), so no row needs a sideways scroll."""
        width = self.size.width or 40
        outlet = min(16, max([len(str(r[2])) for r in self._all] + [6]))
        shown = [0, 1, 2, 3, 4, 5]
        widths = {0: 1, 2: outlet, 3: 10, 4: 6, 5: 3}
        title = width - 1 - sum(w + 1 for w in widths.values()) - 1
        if title < 16:
            shown.remove(3)
            del widths[3]
            title = width - 1 - sum(w + 1 for w in widths.values()) - 1
        if title < 16:  # then the outlet gives way, down to a stub
            give = min(widths[2] - 6, 16 - title)
            widths[2] -= give
            title += give
        widths[1] = max(8, title)
        self._shown = shown
        self.set_columns([(COLUMNS[i][0], widths[i]) for i in shown])

    def _visible(self) -> list[tuple]:
        return [tuple(r[i] for i in self._shown) for r in self._all]

    def on_resize(self) -> None:
        if self._all:
            before = (self._shown, list(self.columns))
            self._fit()
            if before != (self._shown, list(self.columns)):
                self.restyle(self._visible(), self.keys)

    def get_cell(self, source_id: str, column: str):
        """One cell by source id and column key (`title`, `outlet`, ...)."""
        return self._all[self._row_of[source_id]][KEYS.index(column)]

    def on_virtual_table_row_highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(SourceHighlighted(event.key))

    def on_virtual_table_row_selected(self, event: VirtualTable.RowSelected) -> None:
        event.stop()

    def select_source(self, source_id: str) -> None:
        self.move_to_key(source_id)
