"""crosscheck: shows where news reports of one event disagree.

The installed package holds `crosscheck.core` (model and analysis), `crosscheck.tui` (the
dashboard) and `crosscheck.sample_data`; in the source tree they are the top-level folders
`core/`, `tui/` and `sample_data/`, mapped into this namespace by `pyproject.toml`.

`__version__` is looked up in the package metadata when first asked for: importlib.metadata
costs about 25 ms, a sixth of what the dashboard adds to a bare Textual app before it paints.
"""
from __future__ import annotations


def __getattr__(name: str) -> str:
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("crosscheck")
    except PackageNotFoundError:  # a source tree that was never installed
        found = "0+unknown"
    globals()["__version__"] = found
    return found
