"""Reviews across real processes: SIGKILL right after a decision is on screen loses nothing, two
writers on one database lose nothing, and a second dashboard sees the first one's decisions."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import uuid

import pytest

from crosscheck.core.review.store import Store

from test_terminal import TMUX, _crosscheck, _tmux, _wait_for

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

WRITER = textwrap.dedent("""
    import json, os, sys, time
    sys.path.insert(0, {root!r}); sys.path.insert(0, {tests!r})
    from crosscheck.core.index import AnalysisIndex
    from crosscheck.core.review.session import Session
    from crosscheck.core.review.store import Stale, Store
    from apps import sample_analysis
    ix = AnalysisIndex.build(sample_analysis())
    me, barrier = sys.argv[1], sys.argv[2]
    session = Session(Store.open(sys.argv[3]), ix, me)
    claims = [c.id for c in ix.analysis.claims]
    shared = claims[0]
    mine = claims[1::2] if me == "ana" else claims[2::2]
    open(barrier + "." + me, "w").close()  # ready; both start writing together, once "go" exists
    while not os.path.exists(barrier + ".go"):
        time.sleep(0.005)
    saved, stale = 0, 0
    for i, cid in enumerate(mine):
        session.set_verdict(cid, "accepted" if me == "ana" else "rejected")
        saved += 1
        try:  # both also fight over one note; a refused write must be reported, never lost silently
            session.poll() if i % 3 == 0 else None
            session.set_claim_note(shared, f"{{me}} {{i}}")
            saved += 1
        except Stale:
            stale += 1
    print(json.dumps({{"saved": saved, "stale": stale}}))
""")


def test_two_writer_processes_lose_nothing(tmp_path):
    """Two processes writing verdicts and one shared note at once: every write reported saved is
    in the audit trail, every refused one was reported stale, and revisions have no gaps."""
    db = str(tmp_path / "shared.sqlite3")
    Store.open(db).close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(root=ROOT, tests=os.path.join(ROOT, "tests")))
    barrier = str(tmp_path / "barrier")
    procs = [subprocess.Popen([sys.executable, str(script), who, barrier, db], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for who in ("ana", "bob")]
    for _ in range(6000):  # both writers have analysed the sample and opened the database
        if all(os.path.exists(f"{barrier}.{who}") for who in ("ana", "bob")) or any(p.poll() is not None for p in procs):
            break
        time.sleep(0.01)
    else:
        pytest.fail("the writer processes were not ready after a minute")
    open(f"{barrier}.go", "w").close()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        results.append(json.loads(out))
    store = Store.open(db)
    audit = store.history()
    # every write a process was told succeeded is in the audit trail, and nothing else is
    assert len(audit) == sum(r["saved"] for r in results)
    verdicts = {d.key: d for d in store.decisions() if d.verdict}
    assert len(verdicts) == len({a.key for a in audit if a.field == "verdict"})
    assert {a.reviewer for a in audit} == {"ana", "bob"}
    revs = [d.rev for d in store.decisions()]
    note_changes = [a for a in audit if a.field == "note"]
    shared = next(d for d in store.decisions() if d.note)
    # the shared note's revision counts every change made to it by either process, no gaps
    assert shared.rev == len([a for a in audit if a.key == shared.key])
    assert note_changes and all(r >= 1 for r in revs)


needs_tmux = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


def _start(session: str, command: str, tmp_path, width: int = 80, height: int = 24) -> None:
    env = f"TERM=xterm-256color XDG_DATA_HOME={tmp_path / 'data'} XDG_CONFIG_HOME={tmp_path / 'config'}"
    _tmux("new-session", "-d", "-s", session, "-x", str(width), "-y", str(height),
          "sh", "-c", f"env {env} {command}")


def _to_claims(session: str) -> None:
    for _ in range(3):
        _tmux("send-keys", "-t", session, "Tab")
        try:
            _wait_for(session, "[Claims]", seconds=2)
            return
        except AssertionError:
            continue
    _wait_for(session, "[Claims]", seconds=1)


@needs_tmux
def test_sigkill_right_after_a_decision_on_screen_loses_nothing(tmp_path):
    """A verdict shown on screen survives the dashboard being killed with SIGKILL at once."""
    db = tmp_path / "kill.sqlite3"
    pidfile = tmp_path / "pid"
    session = f"cc-{uuid.uuid4().hex[:8]}"
    _start(session, f"echo $$ > {pidfile}; exec {_crosscheck()} --db {db}", tmp_path)
    try:
        _wait_for(session, " 0 verdicts")  # analysed, and the review database is open
        _to_claims(session)
        _tmux("send-keys", "-t", session, "a")
        _wait_for(session, " 1 verdict")  # on screen only after the commit
        os.kill(int(pidfile.read_text()), signal.SIGKILL)
    finally:
        _tmux("kill-session", "-t", session)
    store = Store.open(db)
    assert [d.verdict for d in store.decisions()] == ["accepted"]
    assert [(h.field, h.new) for h in store.history()] == [("verdict", "accepted")]


@needs_tmux
def test_second_dashboard_sees_the_first_ones_decision(tmp_path):
    """A second dashboard on the same database shows the first one's verdict without a key pressed."""
    db = tmp_path / "team.sqlite3"
    ana, bob = (f"cc-{who}-{uuid.uuid4().hex[:6]}" for who in ("ana", "bob"))
    _start(ana, f"{_crosscheck()} --db {db}", tmp_path)
    _start(bob, f"{_crosscheck()} --db {db}", tmp_path)
    try:
        _wait_for(ana, " 0 verdicts")
        _wait_for(bob, " 0 verdicts")
        _to_claims(ana)
        _tmux("send-keys", "-t", ana, "x")
        _wait_for(ana, " 1 verdict")
        _wait_for(bob, " 1 verdict", seconds=10)  # no key pressed in bob's session
        _to_claims(bob)
        assert "✗" in _wait_for(bob, "✗")
    finally:
        _tmux("kill-session", "-t", ana)
        _tmux("kill-session", "-t", bob)
