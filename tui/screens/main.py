"""The dashboard: sources, article and claims in one view; conflicts in the other.

The screen paints at once and loads the corpus in a thread worker that reports progress; the
panes are filled when the analysis arrives. Below 100 columns the panes of a view become tabs
(one shown at a time, `tab` moves on); from 160 columns everything sits side by side.
"""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Header, Static

from crosscheck.core.index import AnalysisIndex
from crosscheck.core.model import Analysis

from ..desk import ReviewDesk
from ..messages import (ClaimChosen, ClaimHighlighted, FigureRequested, HistoryRequested, NoteRequested,
                        ReviewChanged, TopicStateRequested, VerdictRequested)
from ..panes import PANE_NAMES, VIEWS, cycled, pane_holding, tab_line, width_classes
from ..safe import plain
from ..status import status_line
from ..widgets.article import ArticleView
from ..widgets.claims import ClaimTable
from ..widgets.conflicts import ConflictList, conflict_matches
from ..widgets.conflicts_view import ConflictsView
from ..widgets.descriptions import description_matches
from ..widgets.filter_box import FilterBox
from ..widgets.key_line import KeyLine
from ..widgets.loading import LoadingPanel
from ..widgets.sources_view import SourcesView


PANE_BOX = {"figures": "conflict-detail"}
"""A pane whose focusable widget sits inside a bigger box: the box is what is shown or hidden."""


class MainScreen(Screen):
    """Loads the corpus and lets the user move between its sources, claims and conflicts."""

    CSS_PATH = "main.tcss"
    BINDINGS = [
        Binding("tab", "next_pane", "Next pane", priority=True, id="pane.next"),
        Binding("shift+tab", "previous_pane", "Prev pane", show=False, priority=True, id="pane.previous"),
        Binding("c", "show_conflicts", "Conflicts", id="view.conflicts"),
        Binding("s", "show_sources", "Sources", id="view.sources"),
        Binding("right_square_bracket", "next_conflict", "Next conflict", key_display="]", id="conflict.next"),
        Binding("left_square_bracket", "previous_conflict", "Prev conflict", key_display="[", show=False, id="conflict.previous"),
        Binding("slash", "filter", "Filter", key_display="/", id="filter.open"),
        Binding("escape", "close_filter", "Close filter", show=False, id="filter.close"),
        Binding("t", "toggle_junk", "Junk", id="article.toggle_junk"),
        Binding("ctrl+z", "undo", "Undo decision", id="review.undo"),
        Binding("e", "export", "Export", id="review.export"),
    ]

    def __init__(self, paths: list[str], analysis: Analysis | None = None, *, db: str | None = None,
                 read_only: bool = False, reviewer: str | None = None,
                 aliases: list[list[str]] | None = None, measure_words: dict | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.desk = ReviewDesk(self, paths=paths, db=db, read_only=read_only, reviewer=reviewer)
        self.aliases = aliases
        self.measure_words = measure_words
        self.ix: AnalysisIndex | None = AnalysisIndex.build(analysis) if analysis else None
        self._preloaded = analysis is not None
        self.filter_text = ""
        self.loaded = False
        self._front: str | None = None
        """The pane container in front (see `_show_pane`)."""
        self._tabs_shown = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield LoadingPanel(id="loading")
        yield Static(id="pane-tabs")
        with ContentSwitcher(initial="sources-view", id="views"):
            yield SourcesView(id="sources-view")
            yield ConflictsView(id="conflicts-view")
        yield Static(id="empty-state")
        yield FilterBox(id="filter")
        yield KeyLine(id="keys")

    def on_mount(self) -> None:
        self.query_one("#empty-state").display = False
        self._layout(self.size.width)
        if self._preloaded:
            self._show_analysis()
        else:
            self.call_after_refresh(self.load)  # paint first: the analysis thread competes for the GIL

    def load(self) -> None:
        """Reads and analyses the corpus off the event loop (the panel shows the progress)."""
        self.query_one(LoadingPanel).start(self.paths, self.aliases, self.measure_words)

    @on(LoadingPanel.Loaded)
    def _loaded(self, message: LoadingPanel.Loaded) -> None:
        self.ix = AnalysisIndex.build(message.analysis)
        self._show_analysis()

    @on(LoadingPanel.Failed)
    def _load_failed(self, message: LoadingPanel.Failed) -> None:
        self.query_one("#loading").display = False
        self._empty(f"Could not analyse the articles: {message.error}")

    def _show_analysis(self) -> None:
        ix = self.ix
        assert ix is not None
        self.loaded = True
        self.query_one("#loading").display = False
        a = ix.analysis
        self.app.title = "crosscheck"
        self._status()
        for p in a.problems:
            self.notify(str(p), title="Skipped" if p.fatal else "Note", severity="warning", timeout=8, markup=False)
        if not a.sources:
            problems = "\n".join(f"• {p}" for p in a.problems) or "no article files were found"
            self._empty("No articles could be read.\n\n" + problems +
                        "\n\ncrosscheck reads .txt, .md and .html files. Press q to quit.")
            return
        self.query_one(SourcesView).start(ix, self.desk.review)
        self._fill_conflicts()
        self._focus_pane("sources")
        self.desk.start(ix)

    def _status(self) -> None:
        if self.ix is not None:
            session = self.desk.session
            self.app.sub_title = status_line(self.ix.analysis, session.review if session else None,
                                             self.desk.read_only)

    @on(ReviewChanged)
    def review_changed(self) -> None:
        """Redraws every verdict, note and chosen figure on screen, leaving cursors where they are."""
        ix = self.ix
        if ix is None or not self.loaded:
            return
        review = self.desk.review
        self.query_one(SourcesView).restyle(review)
        self.query_one(ConflictsView).restyle(ix, review)
        self._status()

    @on(VerdictRequested)
    def _verdict(self, message: VerdictRequested) -> None:
        self.desk.verdict(message.claim_id, message.verdict)

    @on(NoteRequested)
    def _note(self, message: NoteRequested) -> None:
        self.desk.note(message.kind, message.target)

    @on(FigureRequested)
    def _figure(self, message: FigureRequested) -> None:
        self.desk.figure(message.topic_id, message.claim_id)

    @on(TopicStateRequested)
    def _topic_state(self, message: TopicStateRequested) -> None:
        self.desk.topic_state(message.topic_id, message.state)

    @on(HistoryRequested)
    def _history(self, message: HistoryRequested) -> None:
        self.desk.history(message.kind, message.target)

    def action_undo(self) -> None:
        self.desk.undo()

    def action_export(self) -> None:
        if self.ix is None:
            self.notify("Nothing to export yet: the analysis is still running.", severity="warning")
            return
        from .export import ExportScreen, file_stem

        def chosen(result: tuple[str, Path] | None) -> None:
            if result:
                self.desk.export(self.ix, *result)

        self.app.push_screen(ExportScreen(file_stem(self.ix.analysis.root) + "-review", Path.cwd()), chosen)

    def show_orphans(self) -> None:
        from .orphans import OrphansScreen
        self.app.push_screen(OrphansScreen(self.desk.review.orphans))

    def on_unmount(self) -> None:
        self.desk.stop()

    def _empty(self, message: str) -> None:
        self.query_one("#views").display = False
        self.query_one("#pane-tabs").display = False
        empty = self.query_one("#empty-state", Static)
        empty.update(plain(message) if "\n" not in message else Text(message))
        empty.display = True

    # ---- showing ------------------------------------------------------------------------
    @property
    def current_source(self) -> str | None:
        """The source whose article and claims are shown."""
        return self.query_one(SourcesView).current_source

    def _fill_conflicts(self) -> None:
        ix = self.ix
        if ix is not None:
            needle = self.filter_text
            self.query_one(ConflictsView).show(
                ix, [x for x in ix.analysis.conflicts if not needle or conflict_matches(ix, x, needle)], self.desk.review,
                [x for x in ix.analysis.description_conflicts if not needle or description_matches(ix, x, needle)])

    @property
    def current_conflict(self) -> str | None:
        """The conflict whose figures are shown."""
        return self.query_one(ConflictsView).current_conflict

    @on(ClaimHighlighted)
    def _claim_highlighted(self, message: ClaimHighlighted) -> None:
        """A claim highlighted outside the sources view (the figures side by side)."""
        self.query_one(SourcesView).highlight(message.claim_id, message.origin)

    @on(ClaimChosen)
    def _claim_chosen(self, message: ClaimChosen) -> None:
        self.open_claim(message.claim_id)

    def open_claim(self, claim_id: str) -> None:
        """Shows a claim in its article, scrolled to it and highlighted (or a description's phrase)."""
        if self.ix is not None and claim_id in self.ix.descriptions:
            self.query_one(ContentSwitcher).current = "sources-view"
            self.query_one(SourcesView).open_description(claim_id)
            self._focus_pane("article")
        elif self.ix is not None and claim_id in self.ix.claims:
            self.query_one(ContentSwitcher).current = "sources-view"
            self.query_one(SourcesView).open_claim(claim_id)
            self._focus_pane("article")

    def open_source(self, source_id: str) -> None:
        """Shows a source's article and claims and focuses the sources pane."""
        self.query_one(ContentSwitcher).current = "sources-view"
        self.query_one(SourcesView).open_source(source_id)
        self._focus_pane("sources")

    def open_conflict(self, conflict_id: str) -> None:
        """Shows one conflict in the conflicts view."""
        self.query_one(ContentSwitcher).current = "conflicts-view"
        self.query_one(ConflictsView).select(conflict_id)
        self._focus_pane("conflict-list")

    # ---- panes and layout ---------------------------------------------------------------
    def on_resize(self, event) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        classes = width_classes(width)
        if all(self.has_class(name) == on_ for name, on_ in classes.items()):
            self._update_tabs()
            return  # the same layout: a screen class change restyles every widget, so skip it
        for name, on_ in classes.items():
            self.set_class(on_, name)
        if classes["narrow"]:
            self._front = None
            self._show_pane(self._current_pane())
        self._update_tabs()

    def _panes(self) -> tuple[str, ...]:
        return VIEWS[self.query_one(ContentSwitcher).current or "sources-view"]

    def _current_pane(self) -> str:
        return pane_holding(self.focused, self) or self._panes()[0]

    def _focus_pane(self, name: str) -> None:
        self._show_pane(name)
        self.query_one(f"#{name}").focus()
        self._update_tabs(name)

    def _update_tabs(self, current: str | None = None) -> None:
        line = tab_line(self._panes(), current or self._current_pane())
        if line.plain != self._tabs_shown:  # one line, always: repaint it, never lay out the screen again
            self._tabs_shown = line.plain
            self.query_one("#pane-tabs", Static).update(line, layout=False)

    def action_next_pane(self) -> None:
        self._cycle(1)

    def action_previous_pane(self) -> None:
        self._cycle(-1)

    def _cycle(self, delta: int) -> None:
        if isinstance(self.focused, FilterBox):
            self.action_close_filter(keep=True)
            return
        self._focus_pane(cycled(self._panes(), self._current_pane(), delta))

    def action_show_conflicts(self) -> None:
        self.query_one(ContentSwitcher).current = "conflicts-view"
        self._focus_pane("conflict-list")

    def action_show_sources(self) -> None:
        self.query_one(ContentSwitcher).current = "sources-view"
        self._focus_pane("sources")

    def action_next_conflict(self) -> None:
        self._step_conflict(1)

    def action_previous_conflict(self) -> None:
        self._step_conflict(-1)

    def _step_conflict(self, delta: int) -> None:
        if self.query_one(ContentSwitcher).current != "conflicts-view":
            self.action_show_conflicts()
            if delta > 0 and self.current_conflict:
                return
        self.query_one(ConflictsView).step(delta)

    def action_toggle_junk(self) -> None:
        article = self.query_one(ArticleView)
        article.toggle_junk()
        self.notify("Page junk shown" if article.show_junk else "Page junk folded", timeout=2)

    # ---- filter -------------------------------------------------------------------------
    def action_filter(self) -> None:
        self.query_one(FilterBox).open()

    def action_close_filter(self, keep: bool = False) -> None:
        self.query_one(FilterBox).close(keep)

    @on(FilterBox.Closed)
    def _filter_closed(self, message: FilterBox.Closed) -> None:
        self._focus_pane(self._panes()[-1] if message.kept else self._panes()[0])

    @on(FilterBox.Applied)
    def _apply_filter(self, message: FilterBox.Applied) -> None:
        self.filter_text = text = message.text
        self.query_one(SourcesView).refilter(text)
        self._fill_conflicts()
        # typed text is data: the titles are built as Text, never parsed as markup
        self.query_one(ClaimTable).border_title = Text(f"Claims matching “{text}”" if text else "Claims")
        self.query_one(ConflictList).set_title(f"Conflicts matching “{text}”" if text else "Conflicts")

    def on_descendant_focus(self, event) -> None:
        name = self._current_pane()
        self._show_pane(name)
        self._update_tabs(name)

    def _show_pane(self, name: str) -> None:
        """Puts pane `name` in front (what narrow terminals show): the `shown` class moves from
        one pane container to another, so only those two are restyled, never the whole screen."""
        front = PANE_BOX.get(name, name)
        if front == self._front or not self.has_class("narrow"):
            return  # side by side every pane shows: moving the class would only cost a restyle
        for box in set(PANE_BOX.get(p, p) for p in PANE_NAMES):
            widget = self.query_one(f"#{box}")
            if widget.has_class("shown") != (box == front):
                widget.set_class(box == front, "shown")
        self._front = front
