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
