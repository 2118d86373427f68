"""The dashboard names events, sources and conflicts by label, never by internal id."""
from __future__ import annotations

import re

from crosscheck.tui.commands import CrosscheckCommands
from crosscheck.tui.widgets.article import ArticleView
from crosscheck.tui.widgets.claims import ClaimTable

from apps import app_on_sample

INTERNAL_ID = re.compile(r"\b[ecxts]\d+\b")


async def test_palette_entries_show_no_internal_ids():
    """Every command palette entry for a conflict names its topic and event, not `x2` or `e1`."""
    app = app_on_sample()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        provider = CrosscheckCommands(app.screen)
        entries = [(name, help_text) for name, _, help_text in provider._commands() if "conflict" in name]
        assert entries and all(not INTERNAL_ID.search(name + " " + help_text) for name, help_text in entries)
        assert any("21 Nov 2024" in name for name, _ in entries)


async def test_claims_pane_shows_event_labels():
    """The claims pane's event column (shown when the pane has room) holds the event's label, not its id."""
    app = app_on_sample()
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(ClaimTable)
        cells = [str(row[-1]) for row in table.full_rows]  # every column, shown or fitted out
        assert cells and all(not INTERNAL_ID.fullmatch(cell) for cell in cells)
        assert any(cell.startswith("21 Nov 2024") for cell in cells)


async def test_same_story_mark_names_the_other_outlet():
    """An article that is a rewrite names the other source by outlet, not by `s2`."""
    app = app_on_sample()
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        main = app.main_screen
        copy = next(s for s in main.ix.analysis.sources if s.same_story_as)
        main.open_source(copy.id)
        await pilot.pause()
        header = str(app.screen.query_one(ArticleView).query(".article-header").first().render())
        assert "same story as" in header and not INTERNAL_ID.search(header.split("same story as")[1])
