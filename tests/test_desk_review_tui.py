"""Review progress in the dashboard: r sets a topic's state, the header counts resolved conflicts,
the list marks them, and h opens a claim's or topic's audit trail."""
from __future__ import annotations

from crosscheck.tui.app import make_app
from crosscheck.tui.screens.history import HistoryScreen
from crosscheck.tui.widgets.conflicts import ConflictList

from apps import review_settled, sample_analysis

SIZE = (160, 48)


async def test_r_steps_the_state_and_the_header_counts_resolved(tmp_path):
    """r: open → resolved → needs follow-up → open, saved; the header says 'N of M conflicts resolved'."""
    db = tmp_path / "r.db"
    app = make_app(analysis=sample_analysis(), db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await review_settled(pilot)
        await pilot.press("c")
        table = app.screen.query_one(ConflictList)
        n = len(app.main_screen.ix.analysis.conflicts)
        assert f"0 of {n} conflicts resolved" in app.sub_title
        topic = table._topics[table.current_conflict]
        await pilot.press("r")
        await review_settled(pilot)
        assert app.main_screen.desk.review.topics[topic].state == "resolved"
        assert f"1 of {n} conflicts resolved" in app.sub_title
        assert str(table.rows[table.cursor_row][1]) == "✔" and "resolved" in table.detail().plain
        await pilot.press("r")
        await review_settled(pilot)
        assert app.main_screen.desk.review.topics[topic].state == "follow-up"
        assert str(table.rows[table.cursor_row][1]) == "⚑" and "1 needs follow-up" in app.sub_title
    again = make_app(analysis=sample_analysis(), db=str(db))
    async with again.run_test(size=SIZE) as pilot:
        await review_settled(pilot)
        assert again.main_screen.desk.review.topics[topic].state == "follow-up"


async def test_h_opens_the_topic_history(tmp_path):
    """h on a conflict shows its topic's audit trail: the state change, who made it, old and new."""
    app = make_app(analysis=sample_analysis(), db=str(tmp_path / "r.db"))
    async with app.run_test(size=SIZE) as pilot:
        await review_settled(pilot)
        await pilot.press("c", "r")
        await review_settled(pilot)
        await pilot.press("h")
        await review_settled(pilot)
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert [(e.field, e.new) for e in app.screen.entries] == [("state", "resolved")]
        await pilot.press("escape")
        assert not isinstance(app.screen, HistoryScreen)


async def test_h_opens_a_claim_history_from_the_claims_pane(tmp_path):
    """h on a claim shows its verdict changes, undo included."""
    app = make_app(analysis=sample_analysis(), db=str(tmp_path / "r.db"))
    async with app.run_test(size=SIZE) as pilot:
        await review_settled(pilot)
        await pilot.press("tab", "tab", "a")
        await review_settled(pilot)
        await pilot.press("ctrl+z")
        await review_settled(pilot)
        await pilot.press("h")
        await review_settled(pilot)
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert [(e.field, e.new, e.action) for e in app.screen.entries] == [
            ("verdict", "accepted", "set"), ("verdict", None, "undo")]
