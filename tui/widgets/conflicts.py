"""The conflicts list: every topic whose figures disagree, grouped under its event.

`ConflictList` lists the conflicts (the selected one's figures are `figures.ConflictDetail`):
one heading per event, newest first, and per conflict its kind, review marks, topic, measure
and whole spread ("5–7 · 4 voices"), in columns fitted to the pane's width; the line under the
list shows the cursor row in full.
"""
from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message

from crosscheck.core.review.decisions import Review
from crosscheck.core.index import AnalysisIndex
from crosscheck.core.model import Conflict, DescriptionConflict
from crosscheck.core.conflict_overview import SORTS, Overview, arrange, event_heading, overview

from crosscheck.core.review.progress import MARKS as STATE_MARKS, OPEN, WORDS as STATE_WORDS, next_state, state_of, stored

from ..messages import FigureRequested, HistoryRequested, NoteRequested, TopicStateRequested
from ..safe import plain
from ..verdicts import FIGURE_MARK, MARKS, NOTE_MARK

from . import descriptions
from .claims import claim_matches
from .figures import KIND_MARK, ConflictDetail, FigureTable
from .virtual_table import Cell, VirtualTable

__all__ = ["ConflictDetail", "ConflictList", "FigureTable", "conflict_matches"]


def conflict_matches(ix: AnalysisIndex, x: Conflict, needle: str) -> bool:
    t = ix.topics[x.topic]
    if needle.lower() in f"{t.who} {t.measure} {x.kind} {ix.event_label(t.event)}".lower():
        return True
    return any(claim_matches(ix.claims[c], needle, ix.sources[ix.claims[c].source].outlet) for c in x.claims)


MIN_TOPIC = 14
"""The narrowest topic column the list gives up other columns for."""
SORT_WORDS = {"event": "event", "spread": "spread", "voices": "voices", "state": "review state"}


class ConflictList(VirtualTable):
    """All conflicts, grouped under their event (newest first); the highlighted one fills the
    detail. Column widths are fitted to the pane: the topic gets what the fixed columns leave,
    the spread is shown whole ("5–7 · 4 voices"), and the line under the list has the row in full."""

    DEFAULT_CSS = """
    ConflictList { overflow-x: hidden; }
    """
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="conflicts.down"),
        Binding("k", "cursor_up", "Up", show=False, id="conflicts.up"),
        Binding("b", "figure", "Best figure", id="topic.figure"),
        Binding("n", "note", "Topic note", id="topic.note"),
        Binding("o", "sort", "Sort", id="conflicts.sort"),
        Binding("r", "state", "Resolved/follow-up", id="topic.state"),
        Binding("h", "history", "History", id="topic.history"),
    ]
    """`o` cycles the order: by event, by spread, by voices, by review state (shown in the title)."""

    class Highlighted(Message):
        def __init__(self, conflict_id: str) -> None:
            super().__init__()
            self.conflict_id = conflict_id

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.title_text = "Conflicts"
        self.detail_height = 4
        self.ix: AnalysisIndex | None = None
        self.review = Review()
        self.sort_by = "event"
        self._overviews: dict[str, Overview] = {}
        self._order: list[str] = []
        self._topics: dict[str, str] = {}
        self._fitted_width = 0
        self._plan = {"measure": True, "voices": True}
        self._title()

    # ---- filling ------------------------------------------------------------------------
    def show(self, ix: AnalysisIndex, conflicts: list[Conflict], review: Review | None = None,
             described: list[DescriptionConflict] | None = None) -> None:
        """Fills the list with these conflicts and the description conflicts `described` (already
        filtered; theirs under the same event headings, with their own mark), in the current sort."""
        self.ix = ix
        self.review = review or Review()
        described = described or []
        self._overviews = {x.id: overview(ix, x) for x in conflicts}
        self._overviews |= {x.id: descriptions.overview(ix, x) for x in described}
        self._order = [x.id for x in conflicts] + [x.id for x in described]
        self._topics = {x.id: x.topic for x in conflicts}
        self._rebuild(keep=False)
        n = len(conflicts) + len(described)
        self.border_subtitle = f"{n} conflict{'s' * (n != 1)}"

    def restyle(self, ix: AnalysisIndex, review: Review) -> None:  # type: ignore[override]
        """Redraws the review columns after a decision, leaving rows and cursor alone."""
        self.review = review
        self._rebuild(keep=True)

    def _rebuild(self, keep: bool) -> None:
        ix = self.ix
        if ix is None:
            return
        self._fit()
        current = self.current_conflict
        arranged = arrange(ix, [self._overviews[c] for c in self._order], self.sort_by, self._state)
        count: dict[str, int] = {}
        for kind, key in arranged:
            if kind == "conflict":
                e = self._overviews[key].event
                count[e] = count.get(e, 0) + 1
        rows: list[tuple[Cell, ...]] = []
        keys: list[str] = []
        headings = set()
        for kind, key in arranged:
            if kind == "event":
                headings.add(len(rows))
                rows.append((Text(event_heading(ix, key, count.get(key, 0)), style="bold underline"),))
                keys.append("event:" + key)
            else:
                rows.append(self._cells(self._overviews[key]))
                keys.append(key)
        if keep:
            self.restyle_rows(rows, keys, frozenset(headings))
        else:
            self.set_rows(rows, keys, frozenset(headings))
        if keep and current and current in self.keys:
            self.move_to_key(current)

    def restyle_rows(self, rows, keys, headings) -> None:
        VirtualTable.restyle(self, rows, keys, headings)

    def _state(self, topic_id: str) -> str:
        return state_of(self.review, topic_id)

    def _fit(self) -> None:
        """Columns for the pane's width: fixed marks, the topic, the measure, the spread with its
        voices; the full figures and (when not grouped) the event where there is room. In a narrow
        pane the measure joins the topic, then the voices leave the spread for the detail line,
        so the topic keeps at least `MIN_TOPIC` columns and nothing needs a sideways scroll."""
        width = self.size.width or 78
        self._fitted_width = width
        rows = list(self._overviews.values())
        if len(rows) + 8 > self.visible_rows:  # (headings included) a vertical scrollbar will take two columns
            width -= self.styles.scrollbar_size_vertical
        width = max(20, width)
        for plan in ({"measure": True, "voices": True}, {"measure": False, "voices": True},
                     {"measure": False, "voices": False}):
            self._plan = plan
            spread_w = max((len(self._spread(o)) for o in rows), default=12)
            measure_w = max([len(o.measure) for o in rows] + [7]) if plan["measure"] else 0
            topic_need = max([len(self._topic(o)) for o in rows] + [5])
            fixed = 1 + (1 + 1) + (1 + 1) + (3 + 1) + (measure_w + 1 if measure_w else 0) + (spread_w + 1) + 1
            room = width - fixed
            if room >= min(topic_need, MIN_TOPIC):
                break
        topic_w = max(5, min(topic_need, room))
        if self.sort_by != "event":  # a flat list: each row needs its event, so the topic shares
            topic_w = max(5, min(topic_need, max(MIN_TOPIC, room // 2), room))
        left = room - topic_w
        columns = [("", 1), ("", 1), ("✓", 3), ("topic", topic_w)]
        if measure_w:
            columns.append(("measure", measure_w))
        columns.append(("spread", spread_w))
        self._extra: list[str] = []
        full_w = max((len(o.full()) for o in rows), default=0)
        if 0 < full_w <= left - 1:  # only when every row's figures fit whole: a cut list misleads
            w = full_w
            columns.append(("figures", w))
            self._extra.append("figures")
            left -= w + 1
        if self.sort_by != "event" and left >= 10:
            columns.append(("event", left - 1))
            self._extra.append("event")
        self.set_columns(columns)

    def _topic(self, o: Overview) -> str:
        if self._plan["measure"] or o.kind == "description":  # a description's measure is just "words"
            return o.who
        return f"{o.who} {o.measure}"

    def _spread(self, o: Overview) -> str:
        if self._plan["voices"]:
            return o.compact()
        return o.compact().split(" · ")[0]  # "5–7+", "3 sides": the voices are in the detail line

    def _cells(self, o: Overview) -> tuple[Cell, ...]:
        if o.kind == "description" and self.ix is not None:
            review = descriptions.review_cell(self.ix.description_conflicts[o.conflict], self.review)
        else:
            review = _review_cell(self.ix, o, self.review)
        state = self._state(o.topic)
        cells: list[Cell] = [Text(KIND_MARK.get(o.kind, "?"), style="bold"),
                             Text(STATE_MARKS[state], style="bold" if state != OPEN else "dim"),
                             review, plain(self._topic(o), 80)]
        if self._plan["measure"]:
            cells.append(o.measure)
        cells.append(self._spread(o))
        if "figures" in self._extra:
            cells.append(plain(o.full(), 200))
        if "event" in self._extra and self.ix is not None:
            cells.append(plain(self.ix.event_label(o.event), 80))
        return tuple(cells)

    def on_resize(self, event) -> None:
        if self.ix is not None and self.size.width != self._fitted_width:
            self._rebuild(keep=True)

    def detail(self) -> Text | None:
        """The cursor row in full: kind, topic, event, every figure, voices, review."""
        key = self.current_conflict
        if key is None or self.ix is None:
            return None
        o = self._overviews[key]
        out = Text()
        out.append(f"{KIND_MARK.get(o.kind, '?')} {o.kind}", style="bold")
        out.append(" · ")
        out.append_text(plain(f"{o.who} · {o.measure}"))
        out.append(" · ")
        out.append_text(plain(self.ix.event_label(o.event), style="italic"))
        out.append("\n")
        out.append_text(plain(o.full()))
        out.append(f" · {o.voices} voice{'s' * (o.voices != 1)}", style="dim")
        state = self._state(o.topic)
        d = self.review.topics.get(o.topic)
        mark = "" if state == OPEN else f"{STATE_MARKS[state]} "
        out.append(f" · {mark}{STATE_WORDS[state]}", style="bold" if state != OPEN else "")
        if d and d.state:
            out.append(" ")
            out.append_text(plain(f"({d.reviewer})", 40, style="dim"))
        return out

    # ---- cursor and keys ----------------------------------------------------------------
    @property
    def current_conflict(self) -> str | None:
        key = self.current_key
        return key if key and key in self._overviews and self.cursor_row not in self.headings else None

    def action_sort(self) -> None:
        """The next order of `SORTS`; the cursor stays on its conflict."""
        self.sort_by = SORTS[(SORTS.index(self.sort_by) + 1) % len(SORTS)]
        current = self.current_conflict
        self._rebuild(keep=False)
        if current:
            self.move_to_key(current)
        self._title()
        self.notify(f"Conflicts sorted by {SORT_WORDS[self.sort_by]}", timeout=2)

    def _title(self) -> None:
        self.border_title = Text.assemble(self.title_text, (f" · by {SORT_WORDS[self.sort_by]} (o)", "dim"))

    def set_title(self, text: str) -> None:
        """The list's title (e.g. 'Conflicts matching “x”'), followed by its sort."""
        self.title_text = text
        self._title()

    def action_state(self) -> None:
        """Steps the topic's review state: open → resolved → needs follow-up → open."""
        x = self.current_conflict
        if x and x not in self._topics:
            self.notify("A description conflict is settled by its chosen value (b in the descriptions pane).",
                        timeout=4)
        elif x:
            topic = self._topics[x]
            self.post_message(TopicStateRequested(topic, stored(next_state(self._state(topic)))))

    def action_history(self) -> None:
        x = self.current_conflict
        if x:
            self.post_message(HistoryRequested("topic", self._topics.get(x, x)))

    def action_figure(self) -> None:
        """`b`: the topic's best figure; on a description conflict, its sides are in the figures pane."""
        x = self.current_conflict
        if x:
            self.post_message(FigureRequested(self._topics.get(x, x)))

    def action_note(self) -> None:
        """`n`: the topic's note, or the description conflict's."""
        x = self.current_conflict
        if x is None:
            return
        if x in self._topics:
            self.post_message(NoteRequested("topic", self._topics[x]))
        else:
            self.post_message(NoteRequested("dconflict", x))

    def on_virtual_table_row_highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        event.stop()
        if event.key in self._overviews:
            self.post_message(self.Highlighted(event.key))

    def on_virtual_table_row_selected(self, event: VirtualTable.RowSelected) -> None:
        event.stop()

    def step(self, delta: int) -> None:
        """The next (or previous) conflict, wrapping round, stepping over headings."""
        conflicts = [i for i in range(len(self.rows)) if i not in self.headings]
        if not conflicts:
            return
        here = conflicts.index(self.cursor_row) if self.cursor_row in conflicts else -1
        self.cursor_row = conflicts[(here + delta) % len(conflicts)]

    def select_conflict(self, conflict_id: str) -> None:
        self.move_to_key(conflict_id)


def _review_cell(ix: AnalysisIndex | None, o: Overview, review: Review) -> Text:
    """The conflict's review state: ★ for a chosen figure, ✎ for a note, then how many claims have verdicts."""
    d = review.topics.get(o.topic)
    cell = Text()
    if d and d.figure:
        cell.append(FIGURE_MARK, style="bold")
        chosen = review.claims.get(review.figure_claims.get(o.topic, ""))
        if chosen is not None and chosen.verdict == "rejected":
            cell.append(MARKS["rejected"][0], style=MARKS["rejected"][1])  # ★✗: the chosen figure is rejected
    if d and d.note:
        cell.append(NOTE_MARK)
    x = next((x for x in ix.conflicts_by_topic.get(o.topic, []) if x.id == o.conflict), None) if ix else None
    claims = set(x.claims) | set(x.parts) if x else set()
    decided = sum(1 for c in claims if (v := review.claims.get(c)) and v.verdict)
    if decided:
        cell.append(str(decided))
    return cell
