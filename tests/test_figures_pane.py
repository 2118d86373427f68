"""The figures pane and the claims and sources panes say who says what, in words, at any size."""
from __future__ import annotations

import re

from crosscheck.core.index import AnalysisIndex
from crosscheck.core.review.decisions import Review
from crosscheck.core.review.export import to_markdown
from crosscheck.tui.widgets.conflicts import FigureTable
from crosscheck.tui.widgets.sources import SourceList

from apps import app_on_sample, sample_analysis

WIDE, NARROW = (200, 50), (80, 24)
HASH_STUB = re.compile(r"\d{3}_[0-9a-f]{6,}")


def column(table, key: str) -> list[str]:
    """Every cell of one DataTable column, as plain text."""
    return [str(table.get_cell(row, key)) for row in table.rows]


async def test_figures_name_sources_by_outlet_or_title():
    """The figures pane's source column shows outlets or short titles, never a file stub."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        sources = column(app.screen.query_one(FigureTable), "source")
        assert "Devdiscourse" in sources
        assert any(s.startswith("Extremist attack in Mali") for s in sources)
        assert not any(HASH_STUB.search(s) for s in sources)


async def test_sources_pane_titles_never_show_a_hash():
    """An article with no headline is titled by its file name as words, not its hash."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        titles = column(app.screen.query_one(SourceList), "title")
        assert "article 003" in titles
        assert not any(HASH_STUB.search(t) for t in titles)


def test_markdown_memo_names_sources():
    """The Markdown memo's source column names outlets or titles, never a file stub."""
    memo = to_markdown(AnalysisIndex.build(sample_analysis()), Review(), generated="2026-01-01T00:00:00Z")
    assert "Devdiscourse" in memo
    assert not HASH_STUB.search(memo)


INTERNAL = re.compile(r"\b[cxtes]\d+\b|@|\(outlet\)|known by the call sign|a statement released")


async def test_figures_and_claims_show_no_internal_names():
    """No pane shows claim, conflict, event or source ids, party keys or junk claimant labels."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        from crosscheck.tui.widgets.claims import ClaimTable
        main = app.main_screen
        seen = []
        for source in main.ix.analysis.sources:
            main.open_source(source.id)
            await pilot.pause()
            table = app.screen.query_one(ClaimTable)
            seen += [str(cell) for row in table.rows for cell in row[2:]]
        await pilot.press("c")
        for _ in main.ix.analysis.conflicts:
            await pilot.pause()
            figures = app.screen.query_one(FigureTable)
            seen += [str(figures.get_cell(r, k)) for r in figures.rows for k in ("mark", "source", "claimant")]
            seen.append(str(app.screen.query_one("#conflict-summary").render()))
            await pilot.press("right_square_bracket")
        leaks = [s for s in seen if INTERNAL.search(s)]
        assert not leaks, leaks
        assert "Rusich" in " ".join(seen) and "the extremists" in " ".join(seen)
