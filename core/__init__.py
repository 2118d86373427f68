"""crosscheck core: articles in, claims, events, topics and conflicts out. Never imports a UI.

Three layers, each importing only those before it:

- `reading`: files to `Source`s (decoding, HTML, page junk, metadata);
- `analysis`: sources to an `Analysis` (numbers, claims, events, topics, conflicts);
- `review`: a reviewer's decisions on an analysis (store, session, export).

`model`, `index`, `report` and `config` sit beside them and are shared by all three. The names
below are re-exported lazily, so importing one module never loads the whole pipeline.
"""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Analysis": "model", "Block": "model", "Claim": "model", "Conflict": "model", "Event": "model",
    "Problem": "model", "Source": "model", "Topic": "model",
    "AnalysisIndex": "index",
    "analyze": "analysis.pipeline",
    "Corpus": "reading.ingest", "load_corpus": "reading.ingest", "source_from_text": "reading.ingest",
    "to_json": "report", "to_csv": "report",
    "Config": "config", "load_config": "config",
}
__all__ = [
    "Analysis", "AnalysisIndex", "Block", "Claim", "Config", "Conflict", "Corpus", "Event", "Problem", "Source", "Topic", "analyze", "load_config", "load_corpus", "source_from_text", "to_csv", "to_json",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
