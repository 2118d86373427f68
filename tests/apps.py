"""Apps for the dashboard tests, built on the bundled sample analysed once per session."""
from __future__ import annotations

from functools import lru_cache

from crosscheck.core.analysis.pipeline import analyze
from crosscheck.core.reading.ingest import load_corpus
from crosscheck.tui.app import make_app


@lru_cache(maxsize=1)
def sample_analysis():
    corpus = load_corpus(None)
    return analyze(corpus.sources, problems=corpus.problems, root=corpus.root)


def app_on_sample():
    """A fresh app over the already analysed sample (no worker wait, deterministic)."""
    return make_app(analysis=sample_analysis())


async def review_settled(pilot, seconds: float = 6.0) -> None:
    """Waits until the review database is open and the store thread has committed everything
    asked of it; a store that never gets there fails the test rather than letting it run on."""
    desk = pilot.app.main_screen.desk
    for _ in range(int(seconds / 0.02)):
        await pilot.pause(0.02)
        if desk.session is not None and desk.idle:
            await pilot.pause()
            return
    raise AssertionError(f"the review store was not settled after {seconds:g} s "
                         f"(session {'open' if desk.session is not None else 'not open'}, idle {desk.idle})")
