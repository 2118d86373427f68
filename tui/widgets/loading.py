"""The loading panel: reads and analyses the corpus off the event loop and shows how far it got.

The panel owns the analysis worker, so the screen only starts it and handles the one message
that comes back (`Loaded` or `Failed`).

The analysis itself runs on a daemon thread of its own, which an async worker awaits. A thread
cannot be stopped, and a Textual thread worker runs in asyncio's default executor, whose threads
the interpreter joins at exit: `q` during a minutes-long analysis tore the screen down and then
left the process running until the analysis ended, deaf to ctrl+c. A daemon thread is not
waited for; `analysis_running` lets the exit path see one is still going.
"""
from __future__ import annotations

import asyncio
import threading

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ProgressBar, Static
from textual.worker import Worker, WorkerState

from crosscheck.core.model import Analysis


ANALYSIS_THREAD = "crosscheck-analysis"
"""The name of the thread that reads and analyses the corpus."""


def analysis_running() -> bool:
    """Whether an analysis thread is still working (the dashboard may quit before it ends)."""
    return any(t.name == ANALYSIS_THREAD and t.is_alive() for t in threading.enumerate())


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
        self.run_worker(self._analyse(paths, aliases, measure_words), exclusive=True, group="load",
                        exit_on_error=False)

    async def _analyse(self, paths: list[str], aliases: list[list[str]] | None,
                       measure_words: dict | None) -> Analysis:
        loop = asyncio.get_running_loop()
        outcome: asyncio.Future[Analysis] = loop.create_future()

        def send(callback, *args) -> None:
            try:
                loop.call_soon_threadsafe(callback, *args)  # never waits on the event loop
            except RuntimeError:  # the loop has closed: the dashboard is gone
                pass

        def settle(result: Analysis | None, error: BaseException | None) -> None:
            if not outcome.done():
                if error is not None:
                    outcome.set_exception(error)
                else:
                    outcome.set_result(result)  # type: ignore[arg-type]

        def analyse() -> None:
            from crosscheck.core.analysis.pipeline import analyze_paths
            try:
                result = analyze_paths(paths or None, jobs=None, aliases=aliases, measure_words=measure_words,
                                       progress=lambda stage, done, total: send(self.progress, stage, done, total))
            except Exception as e:  # noqa: BLE001 - shown on the screen by the worker's ERROR state
                send(settle, None, e)
            else:
                send(settle, result, None)

        self.progress("reading articles", 0, 0)
        threading.Thread(target=analyse, name=ANALYSIS_THREAD, daemon=True).start()
        return await outcome

    def progress(self, stage: str, done: int, total: int) -> None:
        if not self.is_attached:
            return
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
