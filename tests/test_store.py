"""The review store and session: commits, audit trail, undo, stale writes, identity across
re-analysis, and every bad-database state opening read-only without touching the file."""
from __future__ import annotations

import sqlite3

import pytest

from crosscheck.core.analysis.pipeline import analyze
from crosscheck.core.review.decisions import Figure, attach, claim_key
from crosscheck.core.index import AnalysisIndex
from crosscheck.core.reading.ingest import source_from_text
from crosscheck.core.review.session import NothingToUndo, Session
from crosscheck.core.review.store import SCHEMA_VERSION, Locked, ReadOnly, Stale, Store, default_path

from apps import sample_analysis

WIRE = ("Ambush kills soldiers\n\nAt least 12 soldiers were killed in the ambush near Gao on Monday, "
        "the army said. Local officials said 15 soldiers died and 4 were missing.\n")
REWRITE = ("Soldiers die in Gao ambush\n\nTwelve soldiers were killed near Gao on Monday, according to "
           "the army. A hospital source said 20 soldiers were wounded.\n")


def _ix(*texts: str) -> AnalysisIndex:
    sources = [source_from_text(f"a{i}.txt", t, id=f"s{i}") for i, t in enumerate(texts, 1)]
    return AnalysisIndex.build(analyze(sources))


@pytest.fixture
def ix():
    return AnalysisIndex.build(sample_analysis())


@pytest.fixture
def db(tmp_path):
    return tmp_path / "reviews.sqlite3"


def test_decision_is_committed_with_audit_and_visible_to_a_new_connection(ix, db):
    """A decision is committed with its audit row and another connection sees it at once."""
    s = Session(Store.open(db), ix, "ana")
    claim = ix.analysis.claims[0]
    d = s.set_verdict(claim.id, "accepted")
    assert (d.verdict, d.rev, d.reviewer) == ("accepted", 1, "ana")
    s.set_claim_note(claim.id, "matches the wire")
    with sqlite3.connect(db) as other:  # a separate connection sees it: it was committed
        row = other.execute("SELECT verdict, note, rev FROM decisions").fetchone()
        assert row == ("accepted", "matches the wire", 2)
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    audit = Store.open(db).history()
    assert [(a.field, a.old, a.new, a.reviewer, a.action) for a in audit] == [
        ("verdict", None, "accepted", "ana", "set"), ("note", "", "matches the wire", "ana", "set")]
    assert all(a.at.endswith("Z") and a.label for a in audit)


def test_undo_restores_and_is_audited(ix, db):
    """Undo restores the previous verdict, then none, and each undo is audited."""
    s = Session(Store.open(db), ix, "ana")
    c = ix.analysis.claims[3].id
    s.set_verdict(c, "accepted")
    s.set_verdict(c, "rejected")
    kind, target, d = s.undo()
    assert (kind, target, d.verdict) == ("claim", c, "accepted")
    assert s.undo()[2].verdict is None
    with pytest.raises(NothingToUndo):
        s.undo()
    actions = [(a.action, a.old, a.new) for a in Store.open(db).history()]
    assert actions[-2:] == [("undo", "rejected", "accepted"), ("undo", "accepted", None)]


def test_topic_figure_from_a_claim_and_typed(ix, db):
    """A topic figure chosen from a claim is tied to that claim; a typed one to none."""
    s = Session(Store.open(db), ix, "ana")
    topic = ix.analysis.conflicts[0].topic
    chosen = ix.topics[topic].claims[1]
    c = ix.claims[chosen]
    s.set_figure(topic, Figure(c.low, c.high, c.fingerprint, c.number_text), "best sourced")
    assert s.review.figure_claims[topic] == chosen
    s.set_figure(topic, Figure(5, 7, None, "5..7"))
    assert topic not in s.review.figure_claims
    again = attach(ix, Store.open(db).decisions())
    assert again.topics[topic].figure == Figure(5, 7, None, "5..7")
    assert again.topics[topic].note == "best sourced"


def test_a_decision_replaces_the_review_and_leaves_the_old_one_unchanged(ix, db):
    """Each write gives the session a new Review; a Review read before it (by the UI thread) keeps
    the decisions it had, so the store thread never changes a value another thread is reading."""
    s = Session(Store.open(db), ix, "ana")
    topic = ix.analysis.conflicts[0].topic
    claim = ix.claims[ix.topics[topic].claims[0]]
    before = s.review
    s.set_verdict(claim.id, "accepted")
    after_verdict = s.review
    s.set_figure(topic, Figure(claim.low, claim.high, claim.fingerprint, claim.number_text), "why")
    assert before.claims == {} and before.topics == {} and before.figure_claims == {}
    assert after_verdict is not before and after_verdict.topics == {} and after_verdict.figure_claims == {}
    assert s.review.claims[claim.id].verdict == "accepted" and s.review.figure_claims[topic] == claim.id
    s.undo()
    assert s.review.topics[topic].figure is None and topic not in s.review.figure_claims
    assert after_verdict.claims[claim.id].verdict == "accepted" and s.review.claims[claim.id].verdict == "accepted"


def test_stale_write_is_refused_and_reports_the_other_reviewer(ix, db):
    """A write over a decision this session never saw is refused, naming who made it and what."""
    ana = Session(Store.open(db), ix, "ana")
    bob = Session(Store.open(db), ix, "bob")
    c = ix.analysis.claims[0].id
    ana.set_verdict(c, "accepted")
    with pytest.raises(Stale) as err:
        bob.set_verdict(c, "rejected")  # bob's screen never saw ana's decision
    assert "ana" in str(err.value) and "accepted" in str(err.value)
    assert bob.claim(c).verdict == "accepted"  # bob's view now shows ana's decision
    assert bob.set_verdict(c, "rejected").rev == 2  # deciding again, knowingly, overrides
    assert Store.open(db).get(claim_key(ix.claims[c])).verdict == "rejected"


def test_poll_sees_another_connections_commit(ix, db):
    """poll() reports another connection's commit once, and then nothing new."""
    ana = Session(Store.open(db), ix, "ana")
    bob = Session(Store.open(db), ix, "bob")
    assert not bob.poll()
    c = ix.analysis.claims[2].id
    ana.set_verdict(c, "disputed")
    assert bob.poll() and bob.claim(c).verdict == "disputed"
    assert not bob.poll()


def test_decisions_follow_claims_across_reanalysis_and_orphans_are_kept(db):
    """After re-analysis decisions follow their claims, and those whose claims vanished are kept as orphans."""
    before = _ix(WIRE)
    s = Session(Store.open(db), before, "ana")
    by_text = {c.number_text: c for c in before.analysis.claims}
    s.set_verdict(by_text["At least 12"].id, "accepted")
    s.set_verdict(by_text["15"].id, "disputed")
    s.set_verdict(by_text["4"].id, "rejected")
    # an article is added, and the first one re-worded where the missing were counted
    edited = WIRE.replace("and 4 were missing", "and others were hurt")
    after = _ix(edited, REWRITE)
    review = attach(after, Store.open(db).decisions())
    now = {after.claims[cid].number_text: d.verdict for cid, d in review.claims.items()}
    assert now == {"At least 12": "accepted", "15": "disputed"}
    assert [d.verdict for d in review.orphans] == ["rejected"]
    assert review.orphans[0].anchor["number_text"] == "4"


def test_claim_found_again_when_the_extractor_widens_its_span(db):
    """A decision stored by an older extractor with a narrower span still finds its claim."""
    ix = _ix(WIRE)
    s = Session(Store.open(db), ix, "ana")
    c = next(c for c in ix.analysis.claims if c.number_text == "15")
    s.set_verdict(c.id, "accepted")
    store = Store.open(db)
    [d] = store.decisions()
    # what an older extractor would have stored: a different fingerprint and a narrower phrase
    moved = dict(d.anchor, fingerprint="0000000000000000", number_text="15 soldiers")
    store._con.execute("UPDATE decisions SET anchor = ?", (__import__("json").dumps(moved),))
    review = attach(ix, Store.open(db).decisions())
    assert list(review.claims) == [c.id] and not review.orphans


def test_locked_database_refuses_the_write_and_keeps_nothing_half_done(ix, db, monkeypatch):
    """A write to a locked database fails with Locked and leaves no partial decision or audit row."""
    monkeypatch.setattr("crosscheck.core.review.store.BUSY_MS", 200)
    s = Session(Store.open(db), ix, "ana")
    blocker = sqlite3.connect(db, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(Locked, match="locked"):
            s.set_verdict(ix.analysis.claims[0].id, "accepted")
        assert s.claim(ix.analysis.claims[0].id) is None
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert s.set_verdict(ix.analysis.claims[0].id, "accepted").rev == 1  # and works once released


def test_database_locked_at_open_becomes_read_only(ix, db, monkeypatch):
    """A database locked exclusively when opened opens read-only with the reason, and its decisions readable."""
    monkeypatch.setattr("crosscheck.core.review.store.BUSY_MS", 200)
    first = Store.open(db)
    Session(first, ix, "ana").set_verdict(ix.analysis.claims[0].id, "accepted")
    first.close()  # in WAL mode every open connection holds a shared lock
    blocker = sqlite3.connect(db, isolation_level=None)
    blocker.execute("PRAGMA locking_mode = EXCLUSIVE")
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        store = Store.open(db)
        assert store.read_only and "locked" in store.reason
        with pytest.raises(ReadOnly):
            Session(store, ix, "bob").set_verdict(ix.analysis.claims[1].id, "accepted")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def _bytes(path):
    return path.read_bytes()


def test_garbage_file_is_left_untouched(ix, db):
    """A file that is not SQLite opens read-only and is left byte for byte as it was."""
    db.write_bytes(b"this is a memo, not a database\n" * 100)
    before = _bytes(db)
    store = Store.open(db)
    assert store.read_only and "not a SQLite database" in store.reason and str(db) in store.reason
    s = Session(store, ix, "ana")
    with pytest.raises(ReadOnly):
        s.set_verdict(ix.analysis.claims[0].id, "accepted")
    assert _bytes(db) == before


def test_damaged_database_is_left_untouched(ix, db):
    """A damaged database opens read-only and is left byte for byte as it was."""
    Session(Store.open(db), ix, "ana").set_verdict(ix.analysis.claims[0].id, "accepted")
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    data = bytearray(_bytes(db))
    data[100:4096] = b"\xff" * (4096 - 100)  # keep the header, wreck the schema page
    db.write_bytes(bytes(data))
    store = Store.open(db)
    assert store.read_only and "damaged" in store.reason
    assert _bytes(db) == bytes(data)


def test_newer_schema_opens_read_only_and_keeps_its_decisions(ix, db):
    """A database from a newer crosscheck opens read-only, its decisions still readable."""
    Session(Store.open(db), ix, "ana").set_verdict(ix.analysis.claims[0].id, "accepted")
    with sqlite3.connect(db) as con:
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    store = Store.open(db)
    assert store.read_only and "newer crosscheck" in store.reason
    assert [d.verdict for d in store.decisions()] == ["accepted"]  # still readable
    with pytest.raises(ReadOnly):
        Session(store, ix, "ana").set_verdict(ix.analysis.claims[1].id, "rejected")


def test_someone_elses_sqlite_file_is_not_touched(ix, db):
    """Another program's SQLite file opens read-only and gains no tables."""
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE invoices (n INTEGER)")
    store = Store.open(db)
    assert store.read_only and "not a crosscheck" in store.reason
    with sqlite3.connect(db) as con:
        assert [r[0] for r in con.execute("SELECT name FROM sqlite_master")] == ["invoices"]


def test_read_only_file_opens_read_only(ix, db, monkeypatch):
    """A file without write permission opens read-only and its decisions are readable."""
    Session(Store.open(db), ix, "ana").set_verdict(ix.analysis.claims[0].id, "accepted")
    real = __import__("os").access
    monkeypatch.setattr("crosscheck.core.review.store.os.access",
                        lambda p, mode: False if mode == __import__("os").W_OK else real(p, mode))
    store = Store.open(db)
    assert store.read_only and "read-only" in store.reason
    assert [d.verdict for d in store.decisions()] == ["accepted"]


def test_asked_read_only_never_creates_a_file(db):
    """Opening read-only a database that does not exist creates no file."""
    store = Store.open(db, read_only=True)
    assert store.read_only and not db.exists() and store.decisions() == []


def test_folder_instead_of_file(tmp_path):
    """A folder given as the database opens read-only, saying it is a folder."""
    store = Store.open(tmp_path)
    assert store.read_only and "folder" in store.reason


def test_default_path_is_per_corpus_under_xdg_data_home(tmp_path, monkeypatch):
    """Each corpus has its own database under $XDG_DATA_HOME, a relative value ignored as the spec says."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    a, b = default_path([tmp_path / "mali"]), default_path([tmp_path / "gaza"])
    assert a.parent == tmp_path / "crosscheck" / "reviews" and a != b
    assert a.name.startswith("mali-") and default_path([tmp_path / "mali"]) == a
    assert default_path([]).name.startswith("sample-")
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")  # not absolute: ignored, per the XDG spec
    assert str(default_path([])).startswith(str(__import__("pathlib").Path.home()))


def test_asked_read_only_still_checks_whose_and_how_new(ix, db, tmp_path):
    """Read-only opening still refuses another program's file and a newer schema."""
    foreign = tmp_path / "other.sqlite3"
    with sqlite3.connect(foreign) as con:
        con.execute("CREATE TABLE invoices (n INTEGER)")
    store = Store.open(foreign, read_only=True)
    assert store.read_only and "not a crosscheck" in store.reason and store.decisions() == []
    Session(Store.open(db), ix, "ana").set_verdict(ix.analysis.claims[0].id, "accepted")
    with sqlite3.connect(db) as con:
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    newer = Store.open(db, read_only=True)
    assert "newer crosscheck" in newer.reason and [d.verdict for d in newer.decisions()] == ["accepted"]
