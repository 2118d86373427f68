"""Apps for the dashboard tests, built on the bundled sample analysed once per session."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

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


DEVSET = Path(__file__).parent / "data" / "devset"


def devset_folder(target: Path) -> Path:
    """One folder holding every devset event's articles (symlinks), as a user would gather them."""
    target.mkdir(parents=True, exist_ok=True)
    for event in sorted(p for p in DEVSET.iterdir() if p.is_dir()):
        for article in sorted(event.iterdir()):
            if article.suffix in (".txt", ".md", ".html"):
                link = target / f"{event.name}__{article.name}"
                if not link.exists():
                    link.symlink_to(article.resolve())
    return target


@lru_cache(maxsize=1)
def devset_analysis():
    """All devset events analysed together once per session (a multi-event corpus)."""
    import tempfile
    from crosscheck.core.analysis.pipeline import analyze_paths
    folder = devset_folder(Path(tempfile.mkdtemp(prefix="crosscheck-devset-")) / "devset-all")
    return analyze_paths([folder])


def app_on_devset():
    """A fresh app over every devset event in one folder."""
    return make_app(analysis=devset_analysis())
