"""The dashboard: sources, article and claims in one view; conflicts in the other.

The screen paints at once and loads the corpus in a thread worker that reports progress; the
panes are filled when the analysis arrives. Below 100 columns the panes of a view become tabs
(one shown at a time, `tab` moves on); from 160 columns everything sits side by side.
"""
from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Header, Input, ProgressBar, Static
from textual.worker import Worker, WorkerState

from crosscheck.core.index import AnalysisIndex
from crosscheck.core.model import Analysis

from ..desk import ReviewDesk
from ..messages import (ClaimChosen, ClaimHighlighted, FigureRequested, NoteRequested, SourceHighlighted,
                        VerdictRequested)
from ..safe import plain
from ..widgets.article import ArticleView
from ..widgets.claims import ClaimTable, claim_matches
from ..widgets.conflicts import ConflictDetail, ConflictList, conflict_matches
from ..widgets.sources import SourceList

VIEWS = {"sources-view": ("sources", "article", "claims"), "conflicts-view": ("conflict-list", "figures")}
PANE_NAMES = {"sources": "Sources", "article": "Article", "claims": "Claims",
              "conflict-list": "Conflicts", "figures": "Figures"}


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
        self.current_source: str | None = None
        self.current_conflict: str | None = None
        self.filter_text = ""
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="loading"):
            yield Static("Reading articles…", id="loading-label")
            yield ProgressBar(id="loading-bar", show_eta=False)
        yield Static(id="pane-tabs")
        with ContentSwitcher(initial="sources-view", id="views"):
            with Horizontal(id="sources-view"):
                yield SourceList(id="sources", classes="pane")
                yield ArticleView(id="article", classes="pane")
                yield ClaimTable(id="claims", classes="pane")
            with Horizontal(id="conflicts-view"):
                yield ConflictList(id="conflict-list", classes="pane")
                yield ConflictDetail(id="conflict-detail", classes="pane")
        yield Static(id="empty-state")
        yield Input(placeholder="filter claims and conflicts: claimant, group, figure, outlet (esc closes)",
                    id="filter")
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#filter", Input)
        box.display = False
        box.cursor_blink = False  # no animation: over SSH every frame costs bandwidth
        self.query_one("#empty-state").display = False
        self._layout(self.size.width)
        if self._preloaded:
            self._show_analysis()
        else:
            self.call_after_refresh(self.load)  # paint first: the analysis thread competes for the GIL

    # ---- loading -------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load(self) -> Analysis:
        """Reads and analyses the corpus off the event loop, reporting progress."""
        from crosscheck.core.analysis.pipeline import analyze_paths

        self.app.call_from_thread(self._progress, "reading articles", 0, 0)
        return analyze_paths(self.paths or None, jobs=None, aliases=self.aliases, measure_words=self.measure_words,
                             progress=lambda stage, done, total: self.app.call_from_thread(self._progress, stage, done, total))

    def _progress(self, stage: str, done: int, total: int) -> None:
        self.query_one("#loading-label", Static).update(Text(f"{stage.capitalize()}…"))
        bar = self.query_one("#loading-bar", ProgressBar)
        if total:
            bar.update(total=total, progress=done)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "load":
            return
        if event.state == WorkerState.SUCCESS:
            self.ix = AnalysisIndex.build(event.worker.result)
            self._show_analysis()
        elif event.state == WorkerState.ERROR:
            self.query_one("#loading").display = False
            self._empty(f"Could not analyse the articles: {event.worker.error}")

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
        self.query_one(SourceList).show(ix)
        self._fill_conflicts()
        self.current_source = a.sources[0].id
        self._show_source(self.current_source)
        self._focus_pane("sources")
        self.desk.start(ix)

    def _status(self) -> None:
        a = self.ix.analysis if self.ix else None
        if a is None:
            return
        line = f"{len(a.sources)} sources · {len(a.claims)} claims · {len(a.conflicts)} conflicts"
        session = self.desk.session
        if session is not None:
            decided = sum(1 for d in session.review.claims.values() if d.verdict)
            line += f" · {decided} verdict{'s' * (decided != 1)}"
            if session.review.orphans:
                line += f" · {len(session.review.orphans)} orphaned"
            if session.read_only:
                line += " · READ-ONLY"
        self.app.sub_title = f"{line} · {a.root}"  # the root last: a narrow header cuts the end

    def review_changed(self) -> None:
        """Redraws every verdict, note and chosen figure on screen, leaving cursors where they are."""
        ix = self.ix
        if ix is None or not self.loaded:
            return
        review = self.desk.review
        if self.current_source:
            self._show_source(self.current_source, keep=True)
        self.query_one(ConflictList).restyle(ix, review)
        self.query_one(ConflictDetail).restyle(ix, review)
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

    def action_undo(self) -> None:
        self.desk.undo()

    def action_export(self) -> None:
        if self.ix is None:
            self.notify("Nothing to export yet: the analysis is still running.", severity="warning")
            return
        from pathlib import Path

        from .export import ExportScreen
        name = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in (self.ix.analysis.root or "corpus"))

        def chosen(result) -> None:
            if result:
                self.desk.export(*result)

        self.app.push_screen(ExportScreen(f"crosscheck-{name}-review", Path.cwd()), chosen)

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
    def _show_source(self, source_id: str, claim_id: str | None = None, keep: bool = False) -> None:
        ix = self.ix
        if ix is None or source_id not in ix.sources:
            return
        self.current_source = source_id
        claims = [c for c in ix.claims_by_source.get(source_id, [])
                  if not self.filter_text or claim_matches(c, self.filter_text, ix.sources[source_id].outlet)]
        self.query_one(ClaimTable).show(ix, claims, self.desk.review, keep_cursor=keep)
        if not keep:
            self.query_one(ArticleView).show(ix, ix.sources[source_id], current=claim_id)

    def _fill_conflicts(self) -> None:
        ix = self.ix
        if ix is None:
            return
        conflicts = [x for x in ix.analysis.conflicts
                     if not self.filter_text or conflict_matches(ix, x, self.filter_text)]
        self.query_one(ConflictList).show(ix, conflicts, self.desk.review)
        detail = self.query_one(ConflictDetail)
        if not ix.analysis.conflicts:
            detail.query_one("#conflict-summary", Static).update(Text(
                f"No conflicts: the figures of all {len(ix.analysis.topics)} topics agree "
                f"({len(ix.analysis.claims)} claims in {len(ix.analysis.sources)} sources).", style="italic"))
        elif not conflicts:
            detail.show(ix, None)
        else:
            self.current_conflict = conflicts[0].id
            detail.show(ix, conflicts[0], self.desk.review)

    @on(SourceHighlighted)
    def _source_highlighted(self, message: SourceHighlighted) -> None:
        if message.source_id != self.current_source:
            self._show_source(message.source_id)

    @on(ClaimHighlighted)
    def _claim_highlighted(self, message: ClaimHighlighted) -> None:
        if self.ix and self.ix.claims[message.claim_id].source == self.current_source:
            self.query_one(ArticleView).mark(message.claim_id)
            self.query_one(ClaimTable).select_claim(message.claim_id)

    @on(ClaimChosen)
    def _claim_chosen(self, message: ClaimChosen) -> None:
        self.open_claim(message.claim_id)

    def open_claim(self, claim_id: str) -> None:
        """Shows a claim in its article, scrolled to it and highlighted."""
        ix = self.ix
        if ix is None or claim_id not in ix.claims:
            return
        claim = ix.claims[claim_id]
        self.query_one(ContentSwitcher).current = "sources-view"
        if claim.source != self.current_source:
            self.query_one(SourceList).select_source(claim.source)
            self._show_source(claim.source, claim_id)
        self.query_one(ClaimTable).select_claim(claim_id)
        article = self.query_one(ArticleView)
        self.call_after_refresh(article.mark, claim_id)
        self._focus_pane("article")

    def open_source(self, source_id: str) -> None:
        """Shows a source's article and claims and focuses the sources pane."""
        self.query_one(ContentSwitcher).current = "sources-view"
        self.query_one(SourceList).select_source(source_id)
        self._show_source(source_id)
        self._focus_pane("sources")

    def open_conflict(self, conflict_id: str) -> None:
        """Shows one conflict in the conflicts view."""
        self.query_one(ContentSwitcher).current = "conflicts-view"
        self.query_one(ConflictList).select_conflict(conflict_id)
        self._focus_pane("conflict-list")

    @on(ConflictList.Highlighted)
    def _conflict_highlighted(self, message: ConflictList.Highlighted) -> None:
        if self.ix:
            self.current_conflict = message.conflict_id
            x = next(x for x in self.ix.analysis.conflicts if x.id == message.conflict_id)
            self.query_one(ConflictDetail).show(self.ix, x, self.desk.review)

    # ---- panes and layout ---------------------------------------------------------------
    def on_resize(self, event) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        self.set_class(width < 100, "narrow")
        self.set_class(width >= 160, "wide")
        self.set_class(100 <= width < 160, "medium")
        self._update_tabs()

    def _panes(self) -> tuple[str, ...]:
        return VIEWS[self.query_one(ContentSwitcher).current or "sources-view"]

    def _current_pane(self) -> str:
        focused = self.focused
        node = focused
        while node is not None and node is not self:
            if node.id in PANE_NAMES:
                return node.id
            node = node.parent
        return self._panes()[0]

    def _focus_pane(self, name: str) -> None:
        for pane in PANE_NAMES:
            self.set_class(pane == name, f"show-{pane}")
        widget = self.query_one(f"#{name}")
        widget.focus()
        self._update_tabs(name)

    def _update_tabs(self, current: str | None = None) -> None:
        tabs = self.query_one("#pane-tabs", Static)
        current = current or self._current_pane()
        line = Text()
        for name in self._panes():
            label = f" {PANE_NAMES[name]} "
            line.append(f"[{label.strip()}]" if name == current else label,
                        style="bold reverse" if name == current else "")
            line.append(" ")
        line.append("  tab: next pane · ?: help", style="dim")
        tabs.update(line)

    def action_next_pane(self) -> None:
        self._cycle(1)

    def action_previous_pane(self) -> None:
        self._cycle(-1)

    def _cycle(self, delta: int) -> None:
        if isinstance(self.focused, Input):
            self.action_close_filter(keep=True)
            return
        panes = self._panes()
        current = self._current_pane()
        i = panes.index(current) if current in panes else -1
        self._focus_pane(panes[(i + delta) % len(panes)])

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
        self.query_one(ConflictList).step(delta)

    def action_toggle_junk(self) -> None:
        article = self.query_one(ArticleView)
        article.toggle_junk()
        self.notify("Page junk shown" if article.show_junk else "Page junk folded", timeout=2)

    # ---- filter -------------------------------------------------------------------------
    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.display = True
        box.focus()

    def action_close_filter(self, keep: bool = False) -> None:
        box = self.query_one("#filter", Input)
        if not box.display:
            return
        if not keep:
            box.value = ""
            self._apply_filter("")
        box.display = False
        self._focus_pane(self._panes()[0] if not keep else self._panes()[-1])

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._apply_filter(event.value.strip())

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.action_close_filter(keep=True)

    def _apply_filter(self, text: str) -> None:
        self.filter_text = text
        if self.ix and self.current_source:
            self._show_source(self.current_source)
            self._fill_conflicts()
        if text:
            self.query_one(ClaimTable).border_title = f"Claims matching “{text}”"
            self.query_one(ConflictList).border_title = f"Conflicts matching “{text}”"
        else:
            self.query_one(ClaimTable).border_title = "Claims"
            self.query_one(ConflictList).border_title = "Conflicts"

    def on_descendant_focus(self, event) -> None:
        name = self._current_pane()
        for pane in PANE_NAMES:
            self.set_class(pane == name, f"show-{pane}")
        self._update_tabs(name)
