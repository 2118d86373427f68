"""Behaviour of the dashboard, driven by key presses through Textual's pilot."""
from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.widgets import ContentSwitcher, Input, Static

from crosscheck.core.analysis.pipeline import analyze
from crosscheck.core.folding import fold
from crosscheck.core.reading.ingest import load_corpus
from crosscheck.tui.app import make_app
from crosscheck.tui.screens.help import HelpScreen
from crosscheck.tui.widgets.article import ArticleView, BlockView
from crosscheck.tui.widgets.claims import ClaimTable
from crosscheck.tui.widgets.conflicts import ConflictList, FigureTable
from crosscheck.tui.widgets.sources import SourceList

from apps import app_on_sample

WIDE, NARROW = (160, 48), (80, 24)


def article_text(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(BlockView))


async def test_loads_in_a_worker_and_fills_panes():
    """With paths only, the UI paints first and the worker fills the sources."""
    app = make_app([])
    async with app.run_test(size=WIDE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.main_screen.loaded
        assert app.screen.query_one(SourceList).row_count == 5


async def test_tab_cycles_panes():
    """tab and shift+tab move focus across sources, article and claims."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, SourceList)
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("tab")
        assert isinstance(app.focused, ClaimTable)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ArticleView)


@pytest.mark.parametrize("key", ["j", "down"])
async def test_moving_in_sources_changes_article(key):
    """j or down in the sources pane shows the next source's claims."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        first = app.main_screen.current_source
        await pilot.press(key)
        await pilot.pause()
        assert app.main_screen.current_source != first
        claims = app.screen.query_one(ClaimTable)
        shown = app.main_screen.ix.claims_by_source[app.main_screen.current_source]
        assert claims.row_count == len(fold(shown))  # one row per fold of repeated figures
        await pilot.press("k")
        await pilot.pause()
        assert app.main_screen.current_source == first


async def test_enter_on_claim_opens_article_at_span():
    """enter on a claim focuses the article with that claim marked."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab", "j", "enter")
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        assert isinstance(app.focused, ArticleView)
        expected = app.main_screen.ix.claims_by_source[app.main_screen.current_source][1].id
        assert article.current == expected


async def test_c_and_s_switch_views():
    """c shows the conflicts view, s goes back to sources."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        assert app.screen.query_one(ContentSwitcher).current == "conflicts-view"
        assert isinstance(app.focused, ConflictList)
        await pilot.press("s")
        assert app.screen.query_one(ContentSwitcher).current == "sources-view"


async def test_brackets_step_through_conflicts():
    """] and [ move to the next and previous conflict."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        first = app.main_screen.current_conflict
        await pilot.press("right_square_bracket")
        await pilot.pause()
        second = app.main_screen.current_conflict
        assert second != first
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.main_screen.current_conflict == first


async def test_conflict_figure_enter_opens_article():
    """Selecting a figure in the conflicts view shows it in its article."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("c", "tab")
        assert isinstance(app.focused, FigureTable)
        await pilot.press("j", "enter")
        await pilot.pause()
        chosen = app.screen.query_one(ArticleView).current
        assert chosen is not None
        assert app.screen.query_one(ContentSwitcher).current == "sources-view"
        assert app.main_screen.current_source == app.main_screen.ix.claims[chosen].source


async def test_slash_filters_claims_and_conflicts():
    """/ opens a filter that narrows claims and conflicts; escape clears it."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        total = app.screen.query_one(ConflictList).row_count
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"Tuareg")
        await pilot.pause()
        assert 0 < app.screen.query_one(ConflictList).row_count < total
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(ConflictList).row_count == total
        assert not app.screen.query_one("#filter", Input).display


@pytest.mark.parametrize("keys", [("k",), ("up",), ("j", "enter", "b", "n"), ("shift+tab", "k", "up", "enter")])
async def test_moving_in_emptied_conflict_tables_is_harmless(keys):
    """With a filter that matches no conflict, moving or choosing in the empty conflicts view's
    tables (Textual posts a highlight for row -1 there) raises nothing and selects nothing."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("c", "slash", *"no such claimant", "enter")
        await pilot.pause()
        assert app.screen.query_one(ConflictList).row_count == 0
        assert isinstance(app.focused, FigureTable) and app.focused.row_count == 0
        await pilot.press(*keys)
        await pilot.pause()
        assert app.screen.query_one(ContentSwitcher).current == "conflicts-view"
        assert app.screen is app.main_screen  # nothing was chosen: no editor or dialog opened
    assert app.return_code in (None, 0)


@pytest.mark.parametrize("pane_tabs, burst", [(1, "npnn"), (2, "jkjj"), (1, "npnpnnpn")])
async def test_a_key_burst_settles_with_article_and_claims_agreeing(pane_tabs, burst):
    """Keys that arrive in one burst (a laggy SSH link) move the claim cursor, then the article
    and the claims table stop on the same claim and no highlight keeps bouncing between them
    (they used to re-highlight each other without end: 100 % CPU while idle)."""
    from textual import events

    from crosscheck.tui.messages import ClaimHighlighted
    from crosscheck.tui.widgets.virtual_table import VirtualTable

    seen = []
    app = app_on_sample()
    hook = lambda m: isinstance(m, (ClaimHighlighted, VirtualTable.RowHighlighted)) and seen.append(m)  # noqa: E731
    async with app.run_test(size=WIDE, message_hook=hook) as pilot:
        await pilot.pause()
        await pilot.press(*["tab"] * pane_tabs)
        for key in burst:  # posted at once, as a burst of input is read
            app.post_message(events.Key(key, key))
        for _ in range(5):
            await pilot.pause()
        settled = len(seen)
        await pilot.pause(0.2)
        await pilot.pause()
        assert len(seen) == settled, f"{len(seen) - settled} highlights after the burst settled"
        article, table = app.screen.query_one(ArticleView), app.screen.query_one(ClaimTable)
        assert article.current is not None and article.current == table.current_claim


async def test_question_mark_lists_bindings():
    """? opens the help screen listing the keys; escape closes it."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        from rich.console import Console
        import io
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(app.screen.table)
        text = console.export_text()
        for words in ("Next conflict", "Filter", "Show in article", "Next pane", "Quit"):
            assert words in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_ctrl_p_opens_command_palette():
    """ctrl+p opens the command palette with crosscheck's commands."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"conflicts view", "enter")
        await pilot.pause()
        assert app.main_screen.query_one(ContentSwitcher).current == "conflicts-view"


async def test_toggle_junk_unfolds_page_junk():
    """t shows the folded page junk, and again folds it."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert "TRENDING" not in article_text(app)
        await pilot.press("t")
        await pilot.pause()
        assert "TRENDING" in article_text(app)


async def test_q_quits():
    """q exits the app."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert app.return_code is None
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0, "q asked the app to exit, with status 0"


async def test_narrow_shows_one_pane_at_a_time():
    """At 80x24 only the focused pane is displayed; tab moves to the next."""
    app = app_on_sample()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        shown = [w.id for w in app.screen.query(".pane") if w.display and w.region.width]
        assert shown == ["sources"]
        await pilot.press("tab")
        await pilot.pause()
        shown = [w.id for w in app.screen.query(".pane") if w.region.width]
        assert shown == ["article"]


async def test_resizing_never_crashes():
    """Going through narrow, medium and wide sizes keeps the app alive."""
    app = app_on_sample()
    async with app.run_test(size=NARROW) as pilot:
        for size in ((200, 50), (100, 30), (60, 15), (80, 24), (160, 48)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await pilot.press("c")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.is_running


async def test_markup_and_escapes_shown_literally(tmp_path):
    """An article with [bold red], [/], [link=...] and ESC bytes shows them as text."""
    (tmp_path / "evil.txt").write_text(
        "Raid [bold red]on the[/] camp\n\nSeven [link=http://x]guards[/link] were killed in the raid, "
        "police said. \x1b[31mRED\x1b[0m and [/] here.\n")
    corpus = load_corpus([str(tmp_path)])
    app = make_app(analysis=analyze(corpus.sources, root=corpus.root))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        text = article_text(app)
        assert "[bold red]on the[/]" in text and "[link=http://x]" in text
        assert "\x1b" not in text and "[31mRED" in text


async def test_zero_conflicts_state(tmp_path):
    """A corpus whose figures agree says so in the conflicts view."""
    (tmp_path / "a.txt").write_text("Blast\n\nFive people were killed in the blast on Monday.\n")
    corpus = load_corpus([str(tmp_path)])
    app = make_app(analysis=analyze(corpus.sources, root=corpus.root))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        summary = str(app.screen.query_one("#conflict-summary", Static).render())
        assert "No conflicts" in summary


async def test_zero_claims_state(tmp_path):
    """An article without figures says so instead of an empty pane."""
    (tmp_path / "a.txt").write_text("Market day\n\nTraders opened their stalls early on Monday.\n")
    corpus = load_corpus([str(tmp_path)])
    app = make_app(analysis=analyze(corpus.sources, root=corpus.root))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        notes = " ".join(str(s.render()) for s in app.screen.query(".empty-note"))
        assert "No figures counting people" in notes


async def test_nothing_readable_state(tmp_path):
    """A folder with only an unreadable file shows a friendly message naming the problem."""
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 50)
    app = make_app([str(tmp_path)])
    async with app.run_test(size=WIDE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        message = str(app.screen.query_one("#empty-state", Static).render())
        assert "No articles could be read" in message and "bad.txt" in message
