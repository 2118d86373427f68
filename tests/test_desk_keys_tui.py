"""Keys people expect: sort the conflicts, jump with g/G/Home/End, search the article with / n N,
esc clears an applied filter, and ? lists every binding with ctrl+p."""
from __future__ import annotations

import io

import pytest
from rich.console import Console

from crosscheck.tui.app import binding_ids
from crosscheck.tui.screens.help import HelpScreen
from crosscheck.tui.screens.search import SearchScreen
from crosscheck.tui.widgets.article import ArticleView
from crosscheck.tui.widgets.claims import ClaimTable
from crosscheck.tui.widgets.conflicts import ConflictList
from crosscheck.tui.widgets.sources import SourceList

from apps import app_on_devset, app_on_sample

WIDE = (200, 50)


async def test_o_cycles_the_conflict_order_and_the_title_says_it():
    """o goes event → spread → voices → review state → event; the list's title names the order."""
    app = app_on_devset()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        table = app.screen.query_one(ConflictList)
        assert "by event" in str(table.border_title)
        await pilot.press("o")
        await pilot.pause()
        assert table.sort_by == "spread" and "by spread" in str(table.border_title)
        assert not table.headings
        ratios = [table._overviews[k].ratio for k in table.keys]
        assert ratios == sorted(ratios, reverse=True)
        await pilot.press("o")
        voices = [table._overviews[k].voices for k in table.keys]
        assert table.sort_by == "voices" and voices == sorted(voices, reverse=True)
        await pilot.press("o", "o")
        assert table.sort_by == "event" and table.headings


@pytest.mark.parametrize("pane, widget", [("conflicts", ConflictList), ("claims", ClaimTable),
                                           ("sources", SourceList)])
async def test_g_and_G_jump_to_first_and_last_row(pane, widget):
    """G (and End) goes to the last row, g (and Home) back to the first, in every list."""
    app = app_on_devset()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        if pane == "conflicts":
            await pilot.press("c")
        elif pane == "claims":
            await pilot.press("tab", "tab")
        table = app.screen.query_one(widget)
        assert app.focused is table
        last = table.row_count - 1
        for down, up in (("G", "g"), ("end", "home")):
            await pilot.press(down)
            await pilot.pause()
            assert table.cursor_row == last
            await pilot.press(up)
            await pilot.pause()
            assert table.cursor_row == (min(set(range(table.row_count)) - table.headings)
                                        if isinstance(table, ConflictList) else 0)


async def test_slash_in_the_article_searches_and_n_N_step_through_matches():
    """/ in the article asks for a word; every match is counted, n and N move and wrap round."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        article = app.screen.query_one(ArticleView)
        assert app.focused is article
        expected = article.source.readable.lower().count("mali")
        assert expected >= 2
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"Mali", "enter")
        await pilot.pause()
        assert app.screen is app.main_screen and app.focused is article
        assert len(article.matches) == expected and article.match_index == 0
        assert f"match 1 of {expected}" in str(article.border_subtitle)
        await pilot.press("n")
        assert article.match_index == 1
        await pilot.press("N", "N")
        assert article.match_index == expected - 1
        start, end = article.matches[article.match_index]
        assert article.source.readable[start:end].lower() == "mali"


async def test_f_is_the_next_figure_in_the_article():
    """The article's next figure moved from n (now the next match) to f; p stays the previous one."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "tab")  # the third source: nine figures
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        ids = [c.id for c in article.claims]
        await pilot.press("f")
        first = article.current
        await pilot.press("f")
        assert article.current == ids[ids.index(first) + 1]
        await pilot.press("p")
        assert article.current == first


async def test_escape_clears_an_applied_filter_with_its_box_closed():
    """A filter kept with enter is still cleared by esc after its box has closed."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        table = app.screen.query_one(ConflictList)
        total = len(table._overviews)
        await pilot.press("slash", *"Tuareg", "enter")
        await pilot.pause()
        assert not app.screen.query_one("#filter").display
        assert app.main_screen.filter_text == "Tuareg" and len(table._overviews) < total
        await pilot.press("escape")
        await pilot.pause()
        assert app.main_screen.filter_text == "" and len(table._overviews) == total


async def test_help_lists_every_binding_and_ctrl_p():
    """? shows every binding id of the app (ctrl+p, g/G, o and the article search included)."""
    app = app_on_sample()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=160, record=True, file=io.StringIO())
        console.print(app.screen.table)
        text = console.export_text()
        assert "ctrl+p" in text and "Commands" in text
        missing = [bid for bid in binding_ids() if bid not in text]
        assert not missing, missing
        for key in ("home,g", "end,G", "Sort", "Find in article", "Next match"):
            assert key in text
