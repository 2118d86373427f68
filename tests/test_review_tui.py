"""Reviewing in the dashboard: each decision key, the note editor, the best figure, undo, export,
read-only mode and another reviewer's decisions arriving, driven through Textual's pilot."""
from __future__ import annotations

import json

import pytest

from crosscheck.core.review.session import Session
from crosscheck.core.review.store import Store
from crosscheck.tui.app import make_app
from crosscheck.tui.screens.export import ExportScreen
from crosscheck.tui.screens.figure import FigureScreen
from crosscheck.tui.screens.note import NoteScreen
from crosscheck.tui.widgets.claims import ClaimTable
from crosscheck.tui.widgets.conflicts import FigureTable

from apps import review_settled, sample_analysis

SIZE = (160, 48)


async def settle(pilot, app) -> None:
    """Waits until the store thread has committed everything asked of it and the screen redrew."""
    await review_settled(pilot)


def stored(db) -> dict[str, object]:
    store = Store.open(db, read_only=True)
    try:
        return {d.anchor.get("number_text") + "@" + d.anchor.get("path"): d for d in store.decisions()}
    finally:
        store.close()


async def to_claims(pilot, app):
    await settle(pilot, app)
    await pilot.press("tab", "tab")
    table = app.screen.query_one(ClaimTable)
    assert app.focused is table
    return table


@pytest.mark.parametrize("key, verdict, mark", [("a", "accepted", "✓"), ("d", "disputed", "?"),
                                                ("x", "rejected", "✗")])
async def test_verdict_keys_save_then_show(tmp_path, key, verdict, mark):
    """Each verdict key stores its verdict and the claims table then shows its mark."""
    db = tmp_path / "r.db"
    app = make_app(analysis=sample_analysis(), db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        table = await to_claims(pilot, app)
        await pilot.press("j", key)
        await settle(pilot, app)
        claim = app.main_screen.ix.claims[table.keys[1]]
        assert str(table.rows[1][1]) == mark and table.cursor_row == 1
        [d] = Store.open(db).decisions()
        assert d.verdict == verdict and d.anchor["fingerprint"] == claim.fingerprint
        assert "1 verdict" in app.sub_title


async def test_clear_and_undo(tmp_path):
    """u takes back the last verdict and the clear key removes one; both are stored."""
    db = tmp_path / "r.db"
    app = make_app(analysis=sample_analysis(), db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        table = await to_claims(pilot, app)
        await pilot.press("a")
        await settle(pilot, app)
        await pilot.press("u")
        await settle(pilot, app)
        assert str(table.rows[0][1]) == ""
        await pilot.press("ctrl+z")  # takes back the clear
        await settle(pilot, app)
        assert str(table.rows[0][1]) == "✓"
        await pilot.press("ctrl+z")  # and the accept
        await settle(pilot, app)
        assert str(table.rows[0][1]) == ""
    history = Store.open(db).history()
    assert [(h.action, h.old, h.new) for h in history] == [
        ("set", None, "accepted"), ("set", "accepted", None), ("undo", None, "accepted"), ("undo", "accepted", None)]


async def test_note_editor_saves_with_ctrl_s_and_escape_cancels(tmp_path):
    """In the note editor ctrl+s stores the note and escape leaves the stored note as it was."""
    db = tmp_path / "r.db"
    app = make_app(analysis=sample_analysis(), db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        table = await to_claims(pilot, app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"[bold]wire | copy[/]")
        await pilot.press("escape")
        await settle(pilot, app)
        assert not isinstance(app.screen, NoteScreen) and Store.open(db).decisions() == []
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"[bold]wire | copy[/]", "ctrl+s")
        await settle(pilot, app)
        [d] = Store.open(db).decisions()
        assert d.note == "[bold]wire | copy[/]" and d.verdict is None
        assert str(table.rows[0][1]) == "✎"
        await pilot.press("n")  # editing shows the saved note
        await pilot.pause()
        assert app.screen.query_one("#note-text").text == "[bold]wire | copy[/]"


async def test_best_figure_from_a_claim_and_typed(tmp_path):
    """A topic's best figure can be one source's claim or a typed interval, and both are stored."""
    db = tmp_path / "r.db"
    app = make_app(analysis=sample_analysis(), db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("c", "tab")  # the figures side by side of the first conflict
        figures = app.screen.query_one(FigureTable)
        assert app.focused is figures
        await pilot.press("j", "b")
        await pilot.pause()
        assert isinstance(app.screen, FigureScreen)
        await pilot.press("enter", *"two wires agree", "ctrl+s")  # enter picks the highlighted claim
        await settle(pilot, app)
        topic = figures.topic_id
        picked = figures.coordinate_to_cell_key((1, 0)).row_key.value
        review = app.main_screen.desk.review
        assert review.figure_claims[topic] == picked
        assert "★" in str(figures.get_cell(picked, "review"))
        summary = str(app.screen.query_one("#conflict-summary").render())
        assert "reviewer's figure" in summary and "two wires agree" in summary
        # now a typed figure of our own
        await pilot.press("b")
        await pilot.pause()
        options = app.screen.query_one("#figure-options")
        options.highlighted = len(app.screen.picks)  # "Type a figure of my own…", after the (folded) claims
        await pilot.press("enter", *"5", "tab", *"7", "ctrl+s")
        await settle(pilot, app)
        d = app.main_screen.desk.review.topics[topic]
        assert (d.figure.low, d.figure.high, d.figure.claim) == (5, 7, None)
        assert d.note == "two wires agree"


async def test_editing_a_chosen_figure_fills_its_bounds_and_adds_to_its_note(tmp_path):
    """Opening the best figure again shows the chosen figure's low and high filled in, and text
    typed into its note goes after the stored note (the cursor was at the start: it prepended)."""
    db = tmp_path / "r.db"
    app = make_app(analysis=sample_analysis(), db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("c", "b")
        await pilot.pause()
        app.screen.query_one("#figure-options").highlighted = len(app.screen.topic.claims)  # type my own
        await pilot.press("enter", *"5", "tab", *"7", "tab", *"two wires", "ctrl+s")
        await settle(pilot, app)
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FigureScreen)
        assert (screen.query_one("#figure-low").value, screen.query_one("#figure-high").value) == ("5", "7")
        screen.query_one("#figure-note").focus()
        await pilot.press(*" agree", "ctrl+s")
        await settle(pilot, app)
        [d] = Store.open(db).decisions()
        assert (d.figure.low, d.figure.high, d.note) == (5, 7, "two wires agree")


async def test_rejecting_the_chosen_figure_warns_and_marks_the_conflict(tmp_path):
    """Rejecting the claim chosen as a topic's best figure says so, and the conflicts list shows
    ★✗ for that topic until the verdict or the figure changes."""
    from crosscheck.tui.widgets.conflicts import ConflictList

    app = make_app(analysis=sample_analysis(), db=str(tmp_path / "r.db"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("c", "tab", "b")
        await pilot.pause()
        await pilot.press("enter", "ctrl+s")  # the highlighted claim is the best figure
        await settle(pilot, app)
        conflicts = app.screen.query_one(ConflictList)
        row = conflicts.row_of(app.main_screen.current_conflict)

        def review_mark() -> str:
            return str(conflicts.rows[row][2])

        assert review_mark().startswith("★") and "✗" not in review_mark()
        await pilot.press("b")  # opened again: the chosen claim's bounds are filled in
        await pilot.pause()
        chosen = app.main_screen.ix.claims[app.main_screen.desk.review.figure_claims[app.screen.topic.id]]
        assert app.screen.query_one("#figure-low").value == str(chosen.low)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("x")
        await settle(pilot, app)
        assert review_mark().startswith("★✗")
        assert any("rejected the claim chosen as the best figure" in n.message for n in app._notifications)
        await pilot.press("a")
        await settle(pilot, app)
        assert review_mark().startswith("★") and "✗" not in review_mark()


async def test_figure_with_high_below_low_is_refused_on_screen(tmp_path):
    """A typed figure whose high is below its low is refused on screen and nothing is stored."""
    app = make_app(analysis=sample_analysis(), db=str(tmp_path / "r.db"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("c", "b")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#figure-options").highlighted = len(screen.topic.claims)
        await pilot.press("enter", *"9", "tab", *"3", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen and "below low" in str(screen.query_one("#figure-error").render())
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.main_screen.desk.review.topics == {}


async def test_decision_in_conflicts_view(tmp_path):
    """A verdict given in the conflicts view is stored for the figure under the cursor."""
    db = tmp_path / "r.db"
    app = make_app(analysis=sample_analysis(), db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("c", "tab", "d")
        await settle(pilot, app)
        figures = app.screen.query_one(FigureTable)
        first = figures.coordinate_to_cell_key((0, 0)).row_key.value
        assert str(figures.get_cell(first, "review")) == "?"
        assert app.main_screen.desk.review.claims[first].verdict == "disputed"


async def test_another_reviewer_appears_and_stale_decision_is_refused(tmp_path):
    """Another reviewer's decision appears after a poll, and a write over it unseen is refused."""
    db = tmp_path / "r.db"
    app = make_app(analysis=sample_analysis(), db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        table = await to_claims(pilot, app)
        ix = app.main_screen.ix
        other = Session(Store.open(db), ix, "bob")
        other.set_verdict(table.keys[0], "rejected")
        app.main_screen.desk.poll()
        await settle(pilot, app)
        assert str(table.rows[0][1]) == "✗"  # bob's decision shows without a keypress
        other.set_verdict(table.keys[0], "accepted")  # bob changes it again, before we poll
        await pilot.press("d")
        await settle(pilot, app)
        assert Store.open(db).decisions()[0].verdict == "accepted"  # ours was not written over his
        assert str(table.rows[0][1]) == "✓"  # and the screen shows his
        await pilot.press("d")  # deciding again, now knowingly, is saved
        await settle(pilot, app)
        assert Store.open(db).decisions()[0].verdict == "disputed"


async def test_read_only_database_says_so_and_saves_nothing(tmp_path):
    """A database that cannot be written shows READ-ONLY and a verdict key stores nothing."""
    db = tmp_path / "r.db"
    db.write_bytes(b"not a database at all")
    app = make_app(analysis=sample_analysis(), db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        table = await to_claims(pilot, app)
        assert "READ-ONLY" in app.sub_title
        await pilot.press("a")
        await settle(pilot, app)
        assert str(table.rows[0][1]) == ""
        messages = [n.message for n in app._notifications]
        assert any("not a SQLite database" in m for m in messages)
    assert db.read_bytes() == b"not a database at all"


LONG_NOTE = "second note after undo, checked against the wire copy and the ministry's statement"


async def test_a_note_typed_in_one_burst_with_ctrl_s_is_stored_whole(tmp_path):
    """Text and ctrl+s sent in one burst store the whole text: the save reads the editor only
    after the keystrokes queued for it (a priority ctrl+s used to read it first and cut the note)."""
    from textual import events

    db = tmp_path / "r.db"
    app = make_app(analysis=sample_analysis(), db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await to_claims(pilot, app)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*LONG_NOTE, "ctrl+s")
        await settle(pilot, app)
        assert [d.note for d in Store.open(db).decisions()] == [LONG_NOTE]
        assert not isinstance(app.screen, NoteScreen)
        await pilot.press("j", "n")
        await pilot.pause()
        for key in "a burst":  # posted at once, as a burst from a laggy link is read
            app.post_message(events.Key(key if key != " " else "space", key))
        app.post_message(events.Key("ctrl+s", None))
        await settle(pilot, app)
        assert sorted(d.note for d in Store.open(db).decisions()) == sorted([LONG_NOTE, "a burst"])


@pytest.mark.parametrize("fault", ["locked", "stale"])
async def test_a_note_whose_save_fails_stays_in_the_editor(tmp_path, fault):
    """A note that cannot be saved (the database locked, another reviewer's change) keeps the editor
    open with the typed text and the reason; ctrl+s again saves it and closes the editor."""
    from crosscheck.core.review.store import Locked, Stale

    db = tmp_path / "r.db"
    app = make_app(analysis=sample_analysis(), db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await to_claims(pilot, app)
        store = app.main_screen.desk.session.store
        record = store.record
        refusals = {"locked": Locked(f"{db} is locked by another program; the decision was not saved. "
                                     "Try again in a moment."),
                    "stale": Stale("Not saved: Bob changed this claim's note", None)}

        def refuse_once(*args, **kwargs):
            store.record = record
            raise refusals[fault]

        store.record = refuse_once
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"kept through a failure", "ctrl+s")
        await settle(pilot, app)
        assert isinstance(app.screen, NoteScreen)
        assert app.screen.query_one("#note-text").text == "kept through a failure"
        assert "Not saved" in str(app.screen.query_one("#note-error").render())
        assert Store.open(db).decisions() == []
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert not isinstance(app.screen, NoteScreen)
        assert [d.note for d in Store.open(db).decisions()] == ["kept through a failure"]


async def test_a_write_refused_as_readonly_makes_the_header_say_read_only(tmp_path):
    """When a write fails because the database became unwritable ("attempt to write a readonly
    database"), the header says READ-ONLY from then on."""
    import sqlite3

    db = tmp_path / "r.db"
    app = make_app(analysis=sample_analysis(), db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await to_claims(pilot, app)
        assert "READ-ONLY" not in app.sub_title
        store = app.main_screen.desk.session.store
        store._con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)
        await pilot.press("a")
        await settle(pilot, app)
        assert "READ-ONLY" in app.sub_title
        assert Store.open(db).decisions() == []


async def test_export_key_writes_the_chosen_format(tmp_path, monkeypatch):
    """The export key writes the review in the format chosen (enter on the format list writes
    it), into the working folder."""
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "r.db"
    app = make_app(analysis=sample_analysis(), db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await to_claims(pilot, app)
        await pilot.press("a", "e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("down", "down", "enter")  # JSON, and enter writes it
        await settle(pilot, app)
        assert not isinstance(app.screen, ExportScreen)
    [out] = list(tmp_path.glob("crosscheck-*-review.json"))
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["schema"] == "crosscheck/1"
    assert [v["verdict"] for v in doc["verdicts"]] == ["accepted"]


async def test_enter_on_the_format_list_writes_the_picked_format(tmp_path, monkeypatch):
    """Enter on the export dialog's format list writes that format at once: Markdown as opened,
    CSV after moving to it (the file name follows the format)."""
    monkeypatch.chdir(tmp_path)
    app = make_app(analysis=sample_analysis(), db=str(tmp_path / "r.db"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot, app)
        assert not isinstance(app.screen, ExportScreen)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("down", "enter")
        await settle(pilot, app)
    assert sorted(p.suffix for p in tmp_path.glob("crosscheck-*-review.*")) == [".csv", ".md"]
    assert next(tmp_path.glob("*.md")).read_text(encoding="utf-8").startswith("#")


async def test_orphans_are_listed(tmp_path):
    """Decisions whose claims are no longer in the analysis are listed, with their notes."""
    db = tmp_path / "r.db"
    store = Store.open(db)
    store.record("claim:gone", "claim", {"path": "deleted.txt", "fingerprint": "ffff", "number_text": "99",
                                         "label": "Deleted outlet: “99” killed"},
                 reviewer="ana", expect_rev=0, verdict="accepted", note="from an article since removed")
    store.close()
    app = make_app(analysis=sample_analysis(), db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert "1 orphaned" in app.sub_title
        app.main_screen.show_orphans()
        await pilot.pause()
        from rich.console import Console
        console = Console(record=True, width=120)
        console.print(app.screen.table)
        text = console.export_text()
        assert "Deleted outlet" in text and "since removed" in text


async def test_verdict_in_the_article_applies_to_the_figure_under_its_cursor(tmp_path):
    """A verdict key in the article pane applies to the figure under the article's cursor."""
    db = tmp_path / "r.db"
    app = make_app(analysis=sample_analysis(), db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("tab", "f", "f", "x")  # article pane: to the second figure (f), reject it
        await settle(pilot, app)
        article = app.screen.query_one("#article")
        assert app.main_screen.desk.review.claims[article.current].verdict == "rejected"
        table = app.screen.query_one(ClaimTable)
        assert str(table.rows[table.row_of(article.current)][1]) == "✗"


async def test_best_figure_for_a_topic_without_conflict_from_the_claims_pane(tmp_path):
    """A best figure can be set from the claims pane for a topic that is not in conflict."""
    app = make_app(analysis=sample_analysis(), db=str(tmp_path / "r.db"))
    async with app.run_test(size=SIZE) as pilot:
        ix = app.main_screen.ix
        calm = next(c for c in ix.analysis.claims
                    if not ix.conflicts_by_topic.get(c.topic) and c.low is not None)
        app.main_screen.open_source(calm.source)
        table = await to_claims(pilot, app)
        table.select_claim(calm.id)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, FigureScreen) and app.screen.topic.id == calm.topic
        await pilot.press("ctrl+s")  # saves the highlighted claim
        await settle(pilot, app)
        assert app.main_screen.desk.review.figure_claims[calm.topic] == calm.id
        assert "★" in str(table.rows[table.row_of(calm.id)][1])


async def test_analysis_json_export_is_written_off_the_event_loop(tmp_path, monkeypatch):
    """The palette's "Export analysis as JSON" writes the file in a worker thread, never on the
    event loop (0.74 s at 500 articles froze the dashboard), and says where it went."""
    import threading

    from crosscheck.core import report

    monkeypatch.chdir(tmp_path)
    threads = []
    write = report.write_analysis_json

    def recording(analysis, out):
        threads.append(threading.current_thread())
        write(analysis, out)

    monkeypatch.setattr(report, "write_analysis_json", recording)
    app = make_app(analysis=sample_analysis(), db=str(tmp_path / "r.db"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.action_export()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("Analysis written to" in n.message for n in app._notifications)
    assert threads and threads[0] is not threading.main_thread()
    [out] = list(tmp_path.glob("crosscheck-*.json"))
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "crosscheck/1"


async def test_a_dialog_dismissed_twice_before_it_closes_is_closed_once(tmp_path):
    """Two dismissals of one dialog before it is popped (two save keys in one burst) close it once:
    no InvalidStateError, the result given once, and the dashboard beneath stays."""
    results = []
    app = make_app(analysis=sample_analysis(), db=str(tmp_path / "r.db"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.push_screen(ExportScreen("memo", tmp_path), results.append)
        await pilot.pause()
        dialog = app.screen
        dialog.dismiss(("markdown", tmp_path / "a.md"))
        dialog.dismiss(("csv", tmp_path / "b.csv"))
        await pilot.pause()
        assert app.screen is app.main_screen
    assert results == [("markdown", tmp_path / "a.md")]
