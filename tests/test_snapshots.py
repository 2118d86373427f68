"""SVG snapshots of the main views at 80x24 and 160x48 (look at the report before updating)."""
from __future__ import annotations

import pytest

from apps import app_on_sample

SIZES = [(80, 24), (160, 48)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x48"])
def test_sources_view(snap_compare, size):
    """The sources view as it opens on the sample."""
    assert snap_compare(app_on_sample(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x48"])
def test_conflicts_view(snap_compare, size):
    """The conflicts view with the first conflict's figures side by side."""
    assert snap_compare(app_on_sample(), terminal_size=size, press=["c"])


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x48"])
def test_claim_opened_in_article(snap_compare, size):
    """A claim chosen in the claims pane, highlighted in its article."""
    assert snap_compare(app_on_sample(), terminal_size=size, press=["tab", "tab", "enter"])
