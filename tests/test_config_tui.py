"""config.toml in the dashboard: reviewer, theme and key remapping applied; a bad file reported
with its line while the app starts on defaults."""
from __future__ import annotations

from crosscheck.core.config import load_config
from crosscheck.core.review.store import Store
from crosscheck.tui.app import binding_ids, make_app
from crosscheck.tui.widgets.claims import ClaimTable

from apps import sample_analysis
from test_review_tui import settle

SIZE = (160, 48)


def write_config(home, text: str):
    path = home / "config" / "crosscheck" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load_config()


async def test_reviewer_theme_and_remapped_key(_private_user_dirs, tmp_path):
    """The config's reviewer signs decisions, its theme is applied and a remapped key records a verdict."""
    config, problems = write_config(_private_user_dirs, 'reviewer = "Ana Diaz"\ntheme = "gruvbox"\n'
                                                        '[keys]\n"verdict.accept" = "A"\n')
    assert problems == []
    db = tmp_path / "r.db"
    app = make_app(analysis=sample_analysis(), db=str(db), config=config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert app.theme == "gruvbox"
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, ClaimTable)
        await pilot.press("a")  # remapped away: no longer accepts
        await settle(pilot, app)
        assert Store.open(db).decisions() == []
        await pilot.press("A")
        await settle(pilot, app)
    [d] = Store.open(db).decisions()
    assert (d.verdict, d.reviewer) == ("accepted", "Ana Diaz")


async def test_invalid_config_is_reported_with_its_line_and_defaults_used(_private_user_dirs, tmp_path):
    """A bad config is shown as a notification naming its line, and the dashboard runs on the defaults."""
    config, problems = write_config(_private_user_dirs, 'reviewer = "Ana"\ntheme = 7\n')
    assert config.reviewer is None and problems
    app = make_app(analysis=sample_analysis(), db=str(tmp_path / "r.db"), config=config,
                   config_problems=problems)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        messages = [n.message for n in app._notifications]
        assert any("config.toml, line 2" in m and "theme" in m for m in messages)
        assert app.main_screen.desk.session.reviewer != "Ana"


async def test_unknown_binding_id_and_theme_are_named(_private_user_dirs, tmp_path):
    """A misspelt binding id and an unknown theme are each named in a notification."""
    config, problems = write_config(_private_user_dirs, 'theme = "no-such-theme"\n[keys]\n"verdict.acept" = "A"\n')
    assert problems == []  # shapes are fine; the names are checked where they are known
    app = make_app(analysis=sample_analysis(), db=str(tmp_path / "r.db"), config=config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        messages = " ".join(n.message for n in app._notifications)
        assert "no-such-theme" in messages and "verdict.acept" in messages
        assert app.theme != "no-such-theme"


def test_every_binding_has_a_unique_meaning_per_id():
    """Ids are the keymap's contract: the decision keys share ids across panes on purpose."""
    ids = binding_ids()
    for expected in ("verdict.accept", "verdict.dispute", "verdict.reject", "verdict.clear", "note.edit",
                     "topic.figure", "topic.note", "review.undo", "review.export", "app.quit"):
        assert expected in ids
