"""SVG snapshots of the main views at 80x24 and 160x48 (look at the report before updating)."""
from __future__ import annotations

import pytest

from crosscheck.core.review.decisions import Figure
from crosscheck.core.index import AnalysisIndex
from crosscheck.core.review.session import Session
from crosscheck.core.review.store import Store, default_path

from apps import app_on_sample, review_settled, sample_analysis

SIZES = [(80, 24), (160, 48)]


def after_review_opens(*keys: str):
    """Waits for the review database to open (the header's counts depend on it), then presses keys."""
    async def run_before(pilot) -> None:
        await review_settled(pilot)
        await pilot.press(*keys)
        await pilot.pause()
    return run_before


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x48"])
def test_sources_view(snap_compare, size):
    """The sources view as it opens on the sample."""
    assert snap_compare(app_on_sample(), terminal_size=size, run_before=after_review_opens())


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x48"])
def test_conflicts_view(snap_compare, size):
    """The conflicts view with the first conflict's figures side by side."""
    assert snap_compare(app_on_sample(), terminal_size=size, run_before=after_review_opens("c"))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x48"])
def test_claim_opened_in_article(snap_compare, size):
    """A claim chosen in the claims pane, highlighted in its article."""
    assert snap_compare(app_on_sample(), terminal_size=size, run_before=after_review_opens("tab", "tab", "enter"))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x48"])
def test_reviewed_conflict(snap_compare, size):
    """A conflict with verdicts, notes and the reviewer's chosen figure (marks readable without colour)."""
    ix = AnalysisIndex.build(sample_analysis())
    store = Store.open(default_path([]))
    session = Session(store, ix, "ana")
    topic = ix.analysis.conflicts[0].topic
    claims = ix.topics[topic].claims
    session.set_verdict(claims[0], "accepted")
    session.set_verdict(claims[2], "disputed")
    session.set_verdict(claims[5], "rejected")
    session.set_claim_note(claims[5], "a rewrite of the wire, not an independent count")
    chosen = ix.claims[claims[2]]
    session.set_figure(topic, Figure(chosen.low, chosen.high, chosen.fingerprint, chosen.number_text),
                       "Reuters and Bloomberg agree on six")
    store.close()
    assert snap_compare(app_on_sample(), terminal_size=size, run_before=after_review_opens("c", "tab"))
