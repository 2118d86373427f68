"""The sources pane: each article's outlet, date, title, claim and conflict counts, same-story mark."""
from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from crosscheck.core.index import AnalysisIndex
from crosscheck.core.naming import source_title

from ..messages import SourceHighlighted
from ..safe import plain
from .virtual_table import DATA_TABLE_JUMPS


class SourceList(DataTable):
    """Articles of the corpus; the highlighted one fills the article and claims panes."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="sources.down"),
        Binding("k", "cursor_up", "Up", show=False, id="sources.up"),
        *DATA_TABLE_JUMPS,
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self.border_title = "Sources"

    def on_mount(self) -> None:
        self.add_column("", key="mark", width=1)
        self.add_column("title", key="title", width=26)
        self.add_column("outlet", key="outlet", width=14)
        self.add_column("date", key="date", width=10)
        self.add_column("claims", key="claims", width=6)
        self.add_column("≠", key="conflicts", width=3)

    def show(self, ix: AnalysisIndex) -> None:
        """Fills the table from an analysis (one batch, not row by row)."""
        self.clear()
        rows = []
        for s in ix.analysis.sources:
            mark = Text("≈", style="bold") if s.same_story_as else Text(" ")
            n_conf = ix.conflicts_by_source.get(s.id, 0)
            rows.append((mark, plain(source_title(s), 80), plain(s.outlet or "—", 16), s.published or "—",
                         Text(str(len(ix.claims_by_source.get(s.id, []))), justify="right"),
                         Text(str(n_conf) if n_conf else "", style="bold", justify="right")))
        keys = [s.id for s in ix.analysis.sources]
        for key, row in zip(keys, rows, strict=True):
            self.add_row(*row, key=key)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        key = getattr(event.row_key, "value", None)  # None: an empty table still posts a highlight for row -1
        if key is not None:
            self.post_message(SourceHighlighted(key))

    def select_source(self, source_id: str) -> None:
        try:
            self.move_cursor(row=self.get_row_index(source_id))
        except Exception:
            pass
