"""crosscheck: shows where news reports of one event disagree.

The installed package holds `crosscheck.core` (model and analysis), `crosscheck.tui` (the
dashboard) and `crosscheck.sample_data`; in the source tree they are the top-level folders
`core/`, `tui/` and `sample_data/`, mapped into this namespace by `pyproject.toml`.
"""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("crosscheck")
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"
