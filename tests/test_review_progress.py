"""Review progress: a topic's state (open, resolved, needs follow-up) is stored, audited, undone,
exported, and read from databases made before states existed."""
from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from crosscheck.core.index import AnalysisIndex
from crosscheck.core.review.audit import value_text
from crosscheck.core.review.decisions import attach
from crosscheck.core.review.export import to_csv, to_json, to_markdown
from crosscheck.core.review.progress import conflict_progress, next_state, progress_words, state_of
from crosscheck.core.review.session import Session
from crosscheck.core.review.store import Store

from apps import sample_analysis

OLD_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE decisions (key TEXT PRIMARY KEY, kind TEXT NOT NULL, anchor TEXT NOT NULL, verdict TEXT,
    note TEXT NOT NULL DEFAULT '', figure TEXT, rev INTEGER NOT NULL, reviewer TEXT NOT NULL,
    updated_at TEXT NOT NULL);
CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, kind TEXT NOT NULL,
    field TEXT NOT NULL, old TEXT, new TEXT, reviewer TEXT NOT NULL, at TEXT NOT NULL, action TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '');
INSERT INTO meta VALUES ('app', 'crosscheck');
PRAGMA user_version = 1;
"""
"""A review database as crosscheck wrote it before review states (no `state` column)."""


@pytest.fixture
def ix():
    return AnalysisIndex.build(sample_analysis())


def _topic(ix):
    return ix.analysis.conflicts[0].topic


def test_state_is_stored_audited_and_read_back(ix, tmp_path):
    """Setting a topic resolved commits it with an audit row; a new session sees it."""
    db = tmp_path / "r.db"
    s = Session(Store.open(db), ix, "ana")
    d = s.set_state(_topic(ix), "resolved")
    assert d.state == "resolved" and not d.empty
    s.store.close()
    again = Session(Store.open(db), ix, "bo")
    assert state_of(again.review, _topic(ix)) == "resolved"
    entry = again.store.history(d.key)[-1]
    assert (entry.field, entry.old, entry.new, entry.reviewer) == ("state", None, "resolved", "ana")
    assert value_text("state", entry.new) == "resolved" and value_text("state", "follow-up") == "needs follow-up"


def test_state_change_is_undone(ix, tmp_path):
    """ctrl+z takes back a state change like any other decision."""
    s = Session(Store.open(tmp_path / "r.db"), ix, "ana")
    s.set_state(_topic(ix), "follow-up")
    s.set_state(_topic(ix), "resolved")
    s.undo()
    assert state_of(s.review, _topic(ix)) == "follow-up"
    s.undo()
    assert state_of(s.review, _topic(ix)) == "open"


def test_unknown_state_is_refused(ix, tmp_path):
    """Only resolved, follow-up or None (open) can be stored."""
    s = Session(Store.open(tmp_path / "r.db"), ix, "ana")
    with pytest.raises(ValueError):
        s.set_state(_topic(ix), "done")


def test_database_from_before_states_reads_and_gains_the_column(ix, tmp_path):
    """An older database opens writable, reads as all open, and takes a state on first use;
    a writer that names only the old columns (an older crosscheck) keeps the state."""
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as con:
        con.executescript(OLD_SCHEMA)
    s = Session(Store.open(db), ix, "ana")
    assert not s.read_only and state_of(s.review, _topic(ix)) == "open"
    s.set_verdict(ix.analysis.claims[0].id, "accepted")  # a write that needs no new column
    with sqlite3.connect(db) as con:
        assert "state" not in {r[1] for r in con.execute("PRAGMA table_info(decisions)")}
    d = s.set_state(_topic(ix), "resolved")
    s.store.close()
    with sqlite3.connect(db) as con:
        con.execute("UPDATE decisions SET note = 'from an older version', rev = rev + 1 WHERE key = ?", (d.key,))
    ro = Store.open(db, read_only=True)
    assert attach(ix, ro.decisions()).topics[_topic(ix)].state == "resolved"


def test_progress_counts_conflicts_by_topic_state(ix, tmp_path):
    """'1 of 4 conflicts resolved · 1 needs follow-up' counts conflicts by their topic's state."""
    s = Session(Store.open(tmp_path / "r.db"), ix, "ana")
    conflicts = ix.analysis.conflicts
    s.set_state(conflicts[0].topic, "resolved")
    s.set_state(conflicts[1].topic, "follow-up")
    p = conflict_progress(ix.analysis, s.review)
    assert p == {"conflicts": len(conflicts), "resolved": 1, "follow-up": 1}
    assert progress_words(ix.analysis, s.review) == f"1 of {len(conflicts)} conflicts resolved · 1 needs follow-up"
    assert [next_state(x) for x in ("open", "resolved", "follow-up")] == ["resolved", "follow-up", "open"]


def test_exports_carry_the_state(ix, tmp_path):
    """JSON, CSV and Markdown exports say each topic's review state and the progress."""
    s = Session(Store.open(tmp_path / "r.db"), ix, "ana")
    topic = _topic(ix)
    s.set_state(topic, "follow-up")
    doc = json.loads(json.dumps(to_json(ix, s.review)))
    entry = next(v for v in doc["verdicts"] if v["target"] == "topic" and v["topic"] == topic)
    assert entry["state"] == "follow-up" and doc["review"]["conflicts_follow_up"] == 1
    rows = [r for r in csv.DictReader(io.StringIO(to_csv(ix, s.review))) if r["topic"] == topic]
    assert rows and all(r["topic_state"] == "follow-up" for r in rows)
    memo = to_markdown(ix, s.review)
    assert "**Review state:** needs follow-up" in memo and f"0 of {len(ix.analysis.conflicts)} conflicts resolved" in memo
