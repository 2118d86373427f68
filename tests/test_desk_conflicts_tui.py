"""The conflicts list: grouped under events, widths fitted to the terminal, the cursor row in full."""
from __future__ import annotations

from crosscheck.tui.widgets.conflicts import ConflictList

from apps import app_on_devset, app_on_sample


def _plain(table: ConflictList, row: int) -> str:
    return " ".join(str(cell) for cell in table.rows[row])


async def test_multi_event_list_has_event_headings_and_skips_them():
    """All devset events: headings name each event with its sources' count; j never rests on one."""
    app = app_on_devset()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        table = app.screen.query_one(ConflictList)
        assert 0 in table.headings and len(table.headings) > 5
        first_heading = _plain(table, 0)
        assert " sources · " in first_heading or " source · " in first_heading
        assert not any(str(table.rows[h][0]).startswith("e") and str(table.rows[h][0])[1:2].isdigit()
                       for h in table.headings)
        for _ in range(12):
            assert table.cursor_row not in table.headings
            assert table.current_conflict is not None
            await pilot.press("j")


async def test_one_event_list_has_no_heading():
    """A corpus whose conflicts belong to one event shows no heading row."""
    app = app_on_sample()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        main = app.main_screen
        table = app.screen.query_one(ConflictList)
        first_event = main.ix.topics[main.ix.analysis.conflicts[0].topic].event
        one = [x for x in main.ix.analysis.conflicts if main.ix.topics[x.topic].event == first_event]
        table.show(main.ix, one)
        await pilot.pause()
        assert not table.headings and table.row_count == len(one)


async def test_spread_shown_whole_at_80_columns():
    """At 80x24 every row's spread and voices fit their column, uncut."""
    app = app_on_devset()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        table = app.screen.query_one(ConflictList)
        widths = dict(table.columns)
        at = [label for label, _ in table.columns].index("spread")
        spreads = [str(row[at]) for i, row in enumerate(table.rows) if i not in table.headings]
        assert spreads and all(" voice" in s and len(s) <= widths["spread"] for s in spreads)
        assert sum(w + 1 for _, w in table.columns) + 1 <= table.size.width


async def test_columns_refit_when_the_terminal_grows():
    """Widening the terminal gives the topic column room to show every topic whole."""
    app = app_on_sample()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        table = app.screen.query_one(ConflictList)
        longest = max(len(o.who) for o in table._overviews.values())
        narrow = dict(table.columns)["topic"]
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        wide = dict(table.columns)["topic"]
        assert narrow < longest <= wide
        assert sum(w + 1 for _, w in table.columns) + 1 <= table.size.width


async def test_detail_line_shows_the_cursor_row_in_full():
    """The line under the list names the kind, topic, event label and every figure of the cursor row."""
    app = app_on_sample()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        table = app.screen.query_one(ConflictList)
        detail = table.detail().plain
        assert "dispute" in detail and "21 Nov 2024" in detail and "5 vs 6 vs 6..∞ vs 7" in detail
        screen = "\n".join(str(table.render_line(y).text) for y in range(table.size.height))
        assert "5 vs 6 vs 6..∞ vs 7" in screen
