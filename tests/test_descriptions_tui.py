"""Description conflicts in the dashboard: listed beside the numeric ones, their sides in the
figures pane, reviewed with the claims' keys, the phrase highlighted in its article."""
from __future__ import annotations

import pytest

from crosscheck.core.review.store import Store
from crosscheck.tui.app import make_app
from crosscheck.tui.screens.note import NoteScreen
from crosscheck.tui.widgets.article import ArticleView
from crosscheck.tui.widgets.conflicts import ConflictList, FigureTable
from crosscheck.tui.widgets.descriptions import DESCRIPTION_MARK

from apps import app_on_sample, review_settled, sample_analysis

SIZE = (160, 48)


def _victims():
    return next(x for x in sample_analysis().description_conflicts if x.slot == "victims")


async def _open_victims(pilot, app):
    """The victims description conflict selected, its sides in the focused figures pane."""
    await review_settled(pilot)
    x = _victims()
    app.main_screen.open_conflict(x.id)
    await pilot.pause()
    await pilot.press("tab")
    await pilot.pause()
    table = app.screen.query_one(FigureTable)
    assert app.focused is table
    return x, table


async def test_description_conflicts_are_listed_with_their_own_mark():
    """Every description conflict has a row in the conflicts list, marked ¶, beside the numeric ones."""
    app = app_on_sample()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        table = app.screen.query_one(ConflictList)
        a = sample_analysis()
        keys = set(table.keys)
        assert {x.id for x in a.description_conflicts} <= keys and {x.id for x in a.conflicts} <= keys
        marks = {key: str(row[0]) for key, row in zip(table.keys, table.rows, strict=True)}
        assert all(marks[x.id] == DESCRIPTION_MARK for x in a.description_conflicts)
        assert all(marks[x.id] != DESCRIPTION_MARK for x in a.conflicts)


async def test_sides_fill_the_figures_pane(tmp_path):
    """A description conflict shows one row per description with its claimant, value and phrase."""
    app = make_app(analysis=sample_analysis(), db=str(tmp_path / "r.db"))
    async with app.run_test(size=SIZE) as pilot:
        x, table = await _open_victims(pilot, app)
        assert table.described and [r.claim for r in table.figure_rows] == list(x.descriptions)
        by_id = {r.claim: r for r in table.figure_rows}
        d = app.main_screen.ix.descriptions[x.descriptions[0]]
        assert by_id[d.id].text == d.phrase and by_id[d.id].interval == d.value
        assert len({r.mark for r in table.figure_rows}) == 2  # mercenaries' side and trainers' side


async def test_verdict_and_chosen_value_on_a_description_are_stored(tmp_path):
    """a on a side stores the description's verdict; b makes its value the reviewer's choice."""
    db = tmp_path / "r.db"
    app = make_app(analysis=sample_analysis(), db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        x, table = await _open_victims(pilot, app)
        first = table.current_claim
        await pilot.press("a")
        await review_settled(pilot)
        await pilot.press("b")
        await review_settled(pilot)
        review = app.main_screen.desk.review
        assert review.descriptions[first].verdict == "accepted"
        chosen = review.description_conflicts[x.id].figure
        assert chosen.text == app.main_screen.ix.descriptions[first].value
        assert str(table.get_row(first)[1]) == "✓★"
    stored = Store.open(db, read_only=True)
    keys = {d.key.split(":")[0] for d in stored.decisions()}
    stored.close()
    assert keys == {"description", "dconflict"}


async def test_note_on_a_description_conflict(tmp_path):
    """n on a description conflict in the list opens the note editor; ctrl+s stores the note."""
    db = tmp_path / "r.db"
    app = make_app(analysis=sample_analysis(), db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await review_settled(pilot)
        x = _victims()
        app.main_screen.open_conflict(x.id)
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"[bold]officials[/] say trainers", "ctrl+s")
        await review_settled(pilot)
        assert app.main_screen.desk.review.description_conflicts[x.id].note == "[bold]officials[/] say trainers"


async def test_enter_opens_the_article_with_the_phrase_highlighted(tmp_path):
    """enter on a side opens its article with the description's phrase highlighted."""
    app = make_app(analysis=sample_analysis(), db=str(tmp_path / "r.db"))
    async with app.run_test(size=SIZE) as pilot:
        x, table = await _open_victims(pilot, app)
        await pilot.press("j", "enter")
        await pilot.pause()
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        d = app.main_screen.ix.descriptions[x.descriptions[1]]
        s = app.main_screen.ix.sources[d.source]
        assert article.source is s and article.phrase is not None
        start, end = article.phrase
        assert s.readable[start:end] == d.phrase


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_description_conflict_snapshot(snap_compare, size):
    """The conflicts view with a description conflict selected: its sides side by side."""
    async def run_before(pilot) -> None:
        await review_settled(pilot)
        pilot.app.main_screen.open_conflict(_victims().id)
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
    assert snap_compare(app_on_sample(), terminal_size=size, run_before=run_before)
