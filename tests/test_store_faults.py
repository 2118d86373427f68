"""The review store under faults: a shared database read by another user, and a full disk.

Tests that need a second user or a small filesystem run as root (as CI does): other users are
played by forked children that drop to an unused uid, and the full disk is a tmpfs of a few
hundred kilobytes mounted for the test. Elsewhere they are skipped with the reason.
"""
from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest

from crosscheck.core.analysis.pipeline import analyze
from crosscheck.core.index import AnalysisIndex
from crosscheck.core.reading.ingest import source_from_text
from crosscheck.core.review.session import Session
from crosscheck.core.review.store import ReadOnly, Store, StoreError

from faults import fill, small_disk  # noqa: F401 - small_disk is a fixture

ROOT = os.geteuid() == 0
OWNER, READER = 47101, 47102
"""Unused uids that play the database's owner and another user who only reads it."""
needs_root = pytest.mark.skipif(not ROOT, reason="needs root: plays two users with setuid")

TEXT = ("Ambush kills soldiers\n\nAt least 12 soldiers were killed in the ambush near Gao on Monday, "
        "the army said. Local officials said 15 soldiers died and 4 were missing.\n")


@pytest.fixture(scope="module")
def ix() -> AnalysisIndex:
    return AnalysisIndex.build(analyze([source_from_text("a.txt", TEXT)]))


def _side_files(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.iterdir() if p.name != db.name and p.name.startswith(db.name))


def _as_user(uid: int, fn):
    """`fn()` run in a forked child as `uid` (no supplementary groups); its result, or the
    child's exception re-raised here as an AssertionError with its text."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        code = 0
        try:
            os.close(r)
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            result = ("ok", fn())
        except BaseException as e:  # noqa: BLE001 - reported to the parent
            result = ("error", f"{type(e).__name__}: {e}")
        try:
            with os.fdopen(w, "wb") as f:
                pickle.dump(result, f)
        except BaseException:  # noqa: BLE001
            code = 1
        os._exit(code)
    os.close(w)
    with os.fdopen(r, "rb") as f:
        data = f.read()
    os.waitpid(pid, 0)
    status, value = pickle.loads(data)
    if status != "ok":
        raise AssertionError(f"as uid {uid}: {value}")
    return value


@pytest.fixture
def shared_dir():
    """A folder every user may create files in, like a team's shared folder or /tmp (sticky)."""
    path = Path(tempfile.mkdtemp(prefix="crosscheck-shared-", dir="/tmp"))
    path.chmod(0o1777)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_read_only_open_leaves_no_side_files(ix, tmp_path):
    """Reading a database no one has open creates no -wal or -shm beside it."""
    db = tmp_path / "r.sqlite3"
    owner = Store.open(db)
    Session(owner, ix, "ana").set_verdict(ix.analysis.claims[0].id, "accepted")
    owner.close()
    assert _side_files(db) == []
    reader = Store.open(db, read_only=True)
    assert [d.verdict for d in reader.decisions()] == ["accepted"] and reader.history()
    assert _side_files(db) == []
    reader.close()
    assert _side_files(db) == []


def test_read_only_snapshot_sees_later_commits(ix, tmp_path):
    """A read-only store opened while no one writes still sees the owner's commits when it polls."""
    db = tmp_path / "r.sqlite3"
    first, second = (c.id for c in ix.analysis.claims[:2])
    owner = Store.open(db)
    Session(owner, ix, "ana").set_verdict(first, "accepted")
    owner.close()
    reader = Store.open(db, read_only=True)
    reader.changed()
    assert not reader.changed()
    owner = Store.open(db)
    Session(owner, ix, "ana").set_verdict(second, "disputed")
    assert reader.changed()
    assert sorted(d.verdict for d in reader.decisions()) == ["accepted", "disputed"]
    owner.close()
    reader.close()


@needs_root
def test_owner_keeps_deciding_after_another_user_read_the_database(ix, shared_dir):
    """Another user reading the shared database (store and `crosscheck history`) leaves nothing
    that stops the owner's next decision."""
    db = shared_dir / "team.sqlite3"
    first, second = (c.id for c in ix.analysis.claims[:2])

    def owner_decides(claim: str, verdict: str):
        store = Store.open(db)
        try:
            return store.read_only, store.reason, Session(store, ix, "ana").set_verdict(claim, verdict).verdict
        finally:
            store.close()

    def reader_reads():
        from crosscheck.cli import main
        store = Store.open(db, read_only=True)
        seen = [d.verdict for d in store.decisions()]
        store.close()
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            os.dup2(null.fileno(), 2)
            code = main(["history", "--db", str(db)])
        return seen, code

    assert _as_user(OWNER, lambda: owner_decides(first, "accepted")) == (False, None, "accepted")
    assert _as_user(READER, reader_reads) == (["accepted"], 0)
    assert _side_files(db) == []
    assert _as_user(OWNER, lambda: owner_decides(second, "rejected")) == (False, None, "rejected")


def _leave_foreign_side_files(db: Path) -> None:
    """What an older reader (or the sqlite3 shell) leaves: an empty -wal and a -shm the owner
    cannot write. As root they belong to another uid; otherwise they are made read-only."""
    for suffix, size in (("-wal", 0), ("-shm", 32768)):
        side = db.with_name(db.name + suffix)
        side.write_bytes(b"\0" * size)
        if ROOT:
            os.chown(side, READER, READER)
            side.chmod(0o644)
        else:
            side.chmod(0o444)


def test_side_files_another_user_left_make_the_owner_read_only_and_say_why(ix, shared_dir, tmp_path):
    """Side files the owner cannot write: the store opens read-only, naming them and the fix,
    and a decision is refused as read-only instead of failing as "attempt to write a readonly database"."""
    folder = shared_dir if ROOT else tmp_path
    db = folder / "team.sqlite3"
    claim = ix.analysis.claims[0].id

    def create():
        store = Store.open(db)
        Session(store, ix, "ana").set_verdict(claim, "accepted")
        store.close()

    def reopen():
        store = Store.open(db)
        try:
            Session(store, ix, "ana").set_verdict(claim, "rejected")
        except ReadOnly as e:
            refused = str(e)
        else:
            refused = None
        out = store.read_only, store.reason, refused, [d.verdict for d in store.decisions()]
        store.close()
        return out

    run = (lambda fn: _as_user(OWNER, fn)) if ROOT else (lambda fn: fn())
    run(create)
    _leave_foreign_side_files(db)
    before = db.read_bytes()
    read_only, reason, refused, verdicts = run(reopen)
    assert read_only and refused and verdicts == ["accepted"]
    assert "team.sqlite3-shm" in reason or "team.sqlite3-wal" in reason
    assert "read-only for you" in reason and "delete team.sqlite3-wal and team.sqlite3-shm" in reason
    assert db.read_bytes() == before


# ---- a full disk -----------------------------------------------------------------------------

def test_full_disk_refuses_the_decision_keeps_the_database_and_saves_the_next(ix, small_disk):
    """On a full disk a decision is refused with a clear message, the database stays intact, and
    the next decision after space returns is saved."""
    db = small_disk / "review.sqlite3"
    first, second = (c.id for c in ix.analysis.claims[:2])
    store = Store.open(db)
    session = Session(store, ix, "ana")
    session.set_verdict(first, "accepted")
    filler = fill(small_disk)
    with pytest.raises(StoreError) as refused:
        for n in range(50):  # a commit can fit in a block already allocated; soon one cannot
            session.set_claim_note(second, f"note {n} " + "x" * 2000)
    assert "disk" in str(refused.value) and "full" in str(refused.value)
    assert "not saved" in str(refused.value) and "Traceback" not in str(refused.value)
    saved_notes = n
    filler.unlink()
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert session.set_verdict(second, "disputed").verdict == "disputed"
    store.close()
    again = Store.open(db)
    assert not again.read_only
    stored = {d.anchor.get("number_text"): d for d in again.decisions()}
    assert sorted(d.verdict for d in stored.values()) == ["accepted", "disputed"]
    notes = [e.new for e in again.history() if e.field == "note"]
    assert len(notes) == saved_notes  # every note before the refused one, none after
    again.close()
