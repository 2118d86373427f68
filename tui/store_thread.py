"""One thread that does every review-database call, in the order asked, off the event loop.

A write may wait seconds on another reviewer's lock and SQLite connections are not shared
between threads, so all store work goes through this queue; results come back to the event
loop with `call_soon_threadsafe`, which never blocks the thread on the UI.
"""
from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from typing import Any

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class StoreThread:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._jobs: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="crosscheck-store", daemon=True)
        self._thread.start()

    def submit(self, job: Callable[[], Any], done: Done | None = None, failed: Failed | None = None) -> None:
        self._jobs.put((job, done, failed))

    @property
    def idle(self) -> bool:
        return self._jobs.unfinished_tasks == 0

    def stop(self, timeout: float = 10.0) -> None:
        """Finishes queued work (decisions already asked for are saved), then ends the thread."""
        self._jobs.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            item = self._jobs.get()
            try:
                if item is None:
                    return
                job, done, failed = item
                try:
                    result = job()
                except Exception as e:  # noqa: BLE001 - reported to the UI, never lost in a thread
                    if failed:
                        self._deliver(failed, e)
                else:
                    if done:
                        self._deliver(done, result)
            finally:
                self._jobs.task_done()

    def _deliver(self, callback: Callable, value: Any) -> None:
        try:
            self._loop.call_soon_threadsafe(callback, value)
        except RuntimeError:  # the loop has closed: the app is gone, the write itself is committed
            pass
