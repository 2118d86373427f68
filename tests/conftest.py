"""Shared helpers: build sources and analyses from in-memory text."""
from __future__ import annotations

import pytest

from crosscheck.core.analysis.pipeline import analyze
from crosscheck.core.reading.ingest import source_from_text


def analyse_texts(*texts: str, published: list[str | None] | None = None):
    """Analyses articles given as strings (first line is the headline)."""
    sources = []
    for i, text in enumerate(texts, 1):
        meta = {"published": published[i - 1]} if published and published[i - 1] else None
        sources.append(source_from_text(f"a{i}.txt", text, id=f"s{i}", meta=meta))
    return analyze(sources)


@pytest.fixture
def analyse():
    return analyse_texts


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory, monkeypatch):
    """Every test gets its own XDG data and config folders: no test reads or writes the real
    user's review databases or config.toml, and no test sees another's decisions."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    return home
