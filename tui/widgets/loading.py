"""The loading panel: reads and analyses the corpus off the event loop and shows how far it got.

The panel owns the analysis worker, so the screen only starts it and handles the one message
that comes back (`Loaded` or `Failed`).
"""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ProgressBar, Static
from textual.worker import Worker, WorkerState

from crosscheck.core.model import Analysis


class LoadingPanel(Vertical):
    """"Reading articles…" and a progress bar while the analysis worker runs."""

    class Loaded(Message):
        """The analysis is ready."""

        def __init__(self, analysis: Analysis) -> None:
            super().__init__()
            self.analysis = analysis

    class Failed(Message):
        """The analysis raised; `error` says what."""

        def __init__(self, error: BaseException | None) -> None:
            super().__init__()
            self.error = error

    def compose(self) -> ComposeResult:
        yield Static("Reading articles…", id="loading-label")
        yield ProgressBar(id="loading-bar", show_eta=False)

    def start(self, paths: list[str], aliases: list[list[str]] | None, measure_words: dict | None) -> None:
        """Starts the analysis of `paths` (none: the bundled sample)."""
        self.run_worker(lambda: self._analyse(paths, aliases, measure_words), thread=True, exclusive=True,
                        group="load", exit_on_error=False)

    def _analyse(self, paths: list[str], aliases: list[list[str]] | None, measure_words: dict | None) -> Analysis:
        from crosscheck.core.analysis.pipeline import analyze_paths

        self.app.call_from_thread(self.progress, "reading articles", 0, 0)
        return analyze_paths(paths or None, jobs=None, aliases=aliases, measure_words=measure_words,
                             progress=lambda stage, done, total: self.app.call_from_thread(
                                 self.progress, stage, done, total))

    def progress(self, stage: str, done: int, total: int) -> None:
        self.query_one("#loading-label", Static).update(Text(f"{stage.capitalize()}…"))
        if total:
            self.query_one("#loading-bar", ProgressBar).update(total=total, progress=done)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "load":
            return
        event.stop()
        if event.state == WorkerState.SUCCESS and event.worker.result is not None:
            self.post_message(self.Loaded(event.worker.result))
        elif event.state == WorkerState.ERROR:
            self.post_message(self.Failed(event.worker.error))
