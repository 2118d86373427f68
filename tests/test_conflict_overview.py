"""A conflict at a glance: compact spread, voices, and rows grouped under events newest first."""
from __future__ import annotations

from crosscheck.core.conflict_overview import SORTS, arrange, event_order, overview
from crosscheck.core.index import AnalysisIndex

from apps import devset_analysis, sample_analysis


def _ix(analysis):
    return AnalysisIndex.build(analysis)


def test_sample_first_conflict_spread_is_whole():
    """The sample's Russian mercenaries dispute reads 5–7 (with an open 6..∞) and lists 5, 6 and 7 in order."""
    ix = _ix(sample_analysis())
    rows = [overview(ix, x) for x in ix.analysis.conflicts]
    first = next(r for r in rows if r.figures[:1] == ("5",))
    assert first.spread == "5–7+" and first.full().startswith("5 vs 6 vs 6..∞ vs 7")
    assert first.compact().startswith("5–7+ · ") and first.compact().endswith(" voices")


def test_grouped_by_event_newest_first_with_headings():
    """With many events, each event's heading precedes its conflicts, newest dated event first."""
    ix = _ix(devset_analysis())
    rows = [overview(ix, x) for x in ix.analysis.conflicts]
    arranged = arrange(ix, rows)
    heads = [key for kind, key in arranged if kind == "event"]
    assert len(heads) == len({r.event for r in rows}) > 5
    dates = [ix.events[e].date for e in heads if ix.events[e].date]
    assert dates == sorted(dates, reverse=True)
    seen_event = None
    for kind, key in arranged:
        if kind == "event":
            seen_event = key
        else:
            assert next(r for r in rows if r.conflict == key).event == seen_event


def test_one_event_needs_no_heading():
    """A corpus whose conflicts are all about one event has no heading rows."""
    ix = _ix(sample_analysis())
    one = [overview(ix, x) for x in ix.analysis.conflicts]
    one = [r for r in one if r.event == one[0].event]
    assert all(kind == "conflict" for kind, _ in arrange(ix, one))


def test_sorts_are_orders_of_the_same_rows():
    """Every sort shows each conflict once; spread puts the widest first, voices the most voices first."""
    ix = _ix(devset_analysis())
    rows = [overview(ix, x) for x in ix.analysis.conflicts]
    for by in SORTS:
        keys = [key for kind, key in arrange(ix, rows, by) if kind == "conflict"]
        assert sorted(keys) == sorted(r.conflict for r in rows)
    by_spread = [next(r for r in rows if r.conflict == k) for _, k in arrange(ix, rows, "spread")]
    assert [r.ratio for r in by_spread] == sorted((r.ratio for r in rows), reverse=True)
    by_voices = [next(r for r in rows if r.conflict == k) for _, k in arrange(ix, rows, "voices")]
    assert [r.voices for r in by_voices] == sorted((r.voices for r in rows), reverse=True)
    states = {rows[0].topic: "resolved"}
    by_state = [k for _, k in arrange(ix, rows, "state", lambda t: states.get(t, "open"))]
    assert by_state[-1] == rows[0].conflict


def test_undated_events_come_last():
    """Events without a date sort after every dated one."""
    ix = _ix(devset_analysis())
    order = event_order(ix, ix.events)
    dated = [bool(ix.events[e].date) for e in order]
    assert dated == sorted(dated, reverse=True)
