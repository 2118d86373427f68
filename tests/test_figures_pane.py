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
    keys = table.keys if isinstance(table.rows, list) else table.rows  # VirtualTable or DataTable
    return [str(table.get_cell(row, key)) for row in keys]


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


def widths(table) -> dict[str, int]:
    return {str(c.key.value): c.width for c in table.columns.values()}


async def test_figures_columns_fit_a_narrow_terminal():
    """At 80x24 the claimant and source columns are readable and the strip gives way first."""
    app = app_on_sample()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("c", "tab")
        await pilot.pause()
        table = app.screen.query_one(FigureTable)
        w = widths(table)
        assert w["claimant"] >= len("The African Spectator")
        assert w["source"] >= len("The African Spectator")
        assert w["strip"] < w["claimant"]
        used = sum(w.values()) + 2 * len(w)
        assert used <= table.size.width


async def test_figures_columns_fill_a_wide_terminal():
    """At 200x50 the columns fill the pane: no run of empty columns at the right."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        table = app.screen.query_one(FigureTable)
        w = widths(table)
        used = sum(w.values()) + 2 * len(w)
        assert table.size.width - used <= 3
        claimants = column(table, "claimant")
        assert "A regional security consultant" in claimants  # shown whole


async def test_detail_line_shows_the_cursor_row_in_full():
    """The line under the figures shows the cursor row's claimant, outlet, date and sentence."""
    app = app_on_sample()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("c", "tab")
        await pilot.pause()
        table = app.screen.query_one(FigureTable)
        detail = app.screen.query_one("#figure-detail")
        ix = app.main_screen.ix
        for _ in range(3):
            await pilot.press("j")
        await pilot.pause()
        claim = ix.claims[table.current_claim]
        shown = str(detail.render())
        assert claim.sentence.split()[0] in shown and claim.sentence.split()[-1].strip("”\"") in shown
        assert (ix.sources[claim.source].published or "no date") in shown


async def test_claims_table_fits_and_shows_the_cursor_row_in_full():
    """At 80x24 the claims table shows each claimant whole and its detail line the cursor row's sentence."""
    from crosscheck.tui.widgets.claims import ClaimTable
    app = app_on_sample()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("tab", "tab")
        await pilot.pause()
        table = app.screen.query_one(ClaimTable)
        assert app.focused is table
        widths = dict(table.columns)
        assert widths["claimant"] >= len("the extremists")
        assert sum(w + 1 for w in widths.values()) + 1 <= table.size.width
        await pilot.press("j")
        await pilot.pause()
        claim = app.main_screen.ix.claims[table.current_claim]
        bottom = "".join(table.render_line(y).text for y in range(table.size.height - table.detail_lines,
                                                                  table.size.height))
        assert "the extremists in Devdiscourse" in bottom
        assert claim.sentence.split()[0] in bottom


async def test_figures_pane_says_why_best_is_best():
    """The figures pane shows the estimate's basis (method, voices with figures) for the topic."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        main = app.main_screen
        malian = next(x for x in main.ix.analysis.conflicts if main.ix.topics[x.topic].who == "Malian soldiers")
        main.open_conflict(malian.id)
        await pilot.pause()
        summary = str(app.screen.query_one("#conflict-summary").render())
        assert "best 28: midpoint of 2 voices — CSP-PSD 47, JNIM 10" in summary


async def test_repeated_figures_fold_and_a_verdict_covers_the_fold(tmp_path):
    """One article's thrice-repeated 'Seven' is one ×3 row; accepting it accepts all three claims."""
    from crosscheck.core.review.store import Store
    from crosscheck.tui.app import make_app

    from apps import review_settled
    db = tmp_path / "r.db"
    app = make_app(analysis=sample_analysis(), db=str(db))
    async with app.run_test(size=WIDE) as pilot:
        await review_settled(pilot)
        await pilot.press("c", "tab")
        await pilot.pause()
        table = app.screen.query_one(FigureTable)
        marks = column(table, "mark")
        folded = [r for r in table.figure_rows if len(r.members) == 3]
        assert len(folded) == 1 and any(m.endswith("×3") for m in marks)
        ix = app.main_screen.ix
        topic = ix.topics[table.topic_id]
        assert table.row_count < len(topic.claims)
        table.move_cursor(row=table.get_row_index(folded[0].claim))
        await pilot.press("a")
        await review_settled(pilot)
        decided = {d.anchor["fingerprint"] for d in Store.open(db).decisions() if d.verdict == "accepted"}
        assert decided == {ix.claims[c].fingerprint for c in folded[0].members}
        assert str(table.get_cell(folded[0].claim, "review")) == "✓"


async def test_timeline_in_the_figures_pane():
    """A tall figures pane shows the topic's timeline with its voices; at 80x24 `l` shows it."""
    from crosscheck.tui.widgets.timeline import Timeline
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        main = app.main_screen
        malian = next(x for x in main.ix.analysis.conflicts if main.ix.topics[x.topic].who == "Malian soldiers")
        main.open_conflict(malian.id)
        await pilot.pause()
        timeline = app.screen.query_one(Timeline)
        assert timeline.display
        drawn = str(timeline.render())
        assert "JNIM" in drawn and "CSP-PSD" in drawn and "29 Jul" in drawn and "no date" in drawn
    app = app_on_sample()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("c", "tab")
        await pilot.pause()
        timeline = app.screen.query_one(Timeline)
        assert not timeline.display
        await pilot.press("l")
        await pilot.pause()
        assert timeline.display


async def test_best_figure_dialog_lists_a_fold_once():
    """The best-figure dialog lists one article's repeated figure once, with its count."""
    from textual.widgets import OptionList

    from crosscheck.tui.screens.figure import FigureScreen

    from apps import review_settled
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await review_settled(pilot)
        await pilot.press("c", "tab", "b")
        await pilot.pause()
        assert isinstance(app.screen, FigureScreen)
        dialog = app.screen
        labels = [str(o.prompt) for o in dialog.query_one(OptionList).options]
        assert any(label.endswith("×3") for label in labels)
        assert len(dialog.picks) < len(dialog.topic.claims)
        assert len(labels) == len(dialog.picks) + 1  # and "type a figure of my own"
