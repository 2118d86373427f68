"""SVG snapshots of the conflict desk at 80x24, 120x40 and 200x50, on the sample and on every
devset event in one folder (look at the report before updating)."""
from __future__ import annotations

import pytest

from apps import app_on_devset, app_on_sample, review_settled

SIZES = [(80, 24), (120, 40), (200, 50)]
IDS = ["80x24", "120x40", "200x50"]


def after_review_opens(*keys: str):
    """Waits for the review database to open (the header's counts depend on it), then presses keys."""
    async def run_before(pilot) -> None:
        await review_settled(pilot)
        await pilot.press(*keys)
        await review_settled(pilot)  # a decision the keys made is committed and drawn
        await pilot.pause()
    return run_before


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_sample_conflicts(snap_compare, size):
    """The sample's conflicts grouped under their two events, the first one's figures beside them."""
    assert snap_compare(app_on_sample(), terminal_size=size, run_before=after_review_opens("c"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_devset_conflicts(snap_compare, size):
    """Every devset event in one folder: headings per event, newest first, spreads whole."""
    assert snap_compare(app_on_devset(), terminal_size=size, run_before=after_review_opens("c"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_devset_sources(snap_compare, size):
    """Every devset event in one folder: the sources view as it opens."""
    assert snap_compare(app_on_devset(), terminal_size=size, run_before=after_review_opens())


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_devset_conflicts_by_spread_with_progress(snap_compare, size):
    """Sorted by spread (o), the first topic resolved (r): its mark and the header's progress."""
    assert snap_compare(app_on_devset(), terminal_size=size, run_before=after_review_opens("c", "o", "r", "j"))
