"""SVG snapshots of the figures pane on the sample at 80x24 and 200x50 (look at the report before updating)."""
from __future__ import annotations

import pytest

from apps import app_on_sample, review_settled


@pytest.mark.parametrize("size", [(80, 24), (200, 50)], ids=["80x24", "200x50"])
def test_figures_pane(snap_compare, size):
    """The Malian soldiers conflict's figures: fitted columns, folded repeats, basis, timeline, detail line."""
    async def run_before(pilot) -> None:
        await review_settled(pilot)
        main = pilot.app.main_screen
        malian = next(x for x in main.ix.analysis.conflicts if main.ix.topics[x.topic].who == "Malian soldiers")
        main.open_conflict(malian.id)
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
    assert snap_compare(app_on_sample(), terminal_size=size, run_before=run_before)
