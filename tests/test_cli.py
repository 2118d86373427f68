"""The command-line contract: `analyze` formats and schema, `export` and `history` over the review
database (read-only), dashboard options, exit codes and bad input."""
from __future__ import annotations

import csv
import os
import hashlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from crosscheck.core.review.decisions import Figure
from crosscheck.core.review.store import default_path
from crosscheck.cli import main

REQUIRED = {
    "sources": {"id", "path", "title", "outlet", "published", "same_story_as"},
    "events": {"id", "label", "date", "place"},
    "claims": {"id", "source", "start", "end", "number_text", "sentence", "low", "high", "measure",
               "who", "attributed_to", "event", "topic"},
    "topics": {"id", "event", "measure", "who", "claims", "low", "best", "high", "independent_sources"},
    "conflicts": {"id", "topic", "claims", "pairs", "kind", "why"},
}


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_schema_on_bundled_sample(capsys):
    """No PATH analyses the bundled sample; the JSON has every required crosscheck/1 key."""
    code, out, _ = run(capsys, "analyze", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["schema"] == "crosscheck/1"
    for section, keys in REQUIRED.items():
        assert doc[section], section
        for item in doc[section]:
            assert keys <= set(item), (section, keys - set(item))
    assert {x["kind"] for x in doc["conflicts"]} <= {"dispute", "revision", "internal", "description"}
    described = [x for x in doc["conflicts"] if x["kind"] == "description"]
    ids = {d["id"] for d in doc["descriptions"]}
    for x in described:  # a description conflict names its slot and its descriptions, and no claims
        assert x["slot"] in ("perpetrator", "victims", "target", "denial") and x["claims"] == []
        assert set(x["descriptions"]) <= ids


def test_paths_relative_and_slash_separated(capsys, tmp_path):
    """Source paths are relative to the PATH given, '/' separated."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Blast\n\nFive people were killed in the blast.\n")
    code, out, _ = run(capsys, "analyze", str(tmp_path), "--format", "json")
    assert code == 0
    assert [s["path"] for s in json.loads(out)["sources"]] == ["sub/a.txt"]


def test_csv_one_row_per_claim(capsys):
    """CSV has a header and one row per claim."""
    _, out_json, _ = run(capsys, "analyze", "--format", "json")
    code, out, _ = run(capsys, "analyze", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == len(json.loads(out_json)["claims"])
    assert {"claim", "number_text", "low", "high", "attributed_to"} <= set(rows[0])


def test_table_fits_80_columns(capsys, monkeypatch):
    """The table output is readable at 80 columns: no line is wider."""
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "analyze", "--format", "table")
    assert code == 0 and "conflicts" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_bad_files_reported_rest_analysed(capsys, tmp_path):
    """An empty and a binary file each get one stderr line; the good file is still analysed."""
    (tmp_path / "good.txt").write_text("Raid\n\nSix guards were killed in the raid.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = run(capsys, "analyze", str(tmp_path), "--format", "json")
    assert code == 0
    assert len(json.loads(out)["sources"]) == 1
    lines = err.strip().splitlines()
    assert len(lines) == 2 and any("empty.txt" in x for x in lines) and any("binary.txt" in x for x in lines)


def test_nothing_readable_exits_1(capsys, tmp_path):
    """A folder with nothing to read exits 1 with a message."""
    code, _, err = run(capsys, "analyze", str(tmp_path))
    assert code == 1 and err


def test_usage_error_exits_2():
    """An unknown format is a usage error: exit 2."""
    with pytest.raises(SystemExit) as e:
        main(["analyze", "--format", "yaml"])
    assert e.value.code == 2


def test_markup_in_article_printed_literally(capsys, tmp_path):
    """Rich markup and escape sequences in article data cannot restyle the table output."""
    (tmp_path / "[bold red]evil.txt").write_text("[bold red]Raid[/] on \x1b[31mthe camp\n\nSeven guards were killed in the raid.\n")
    code, out, _ = run(capsys, "analyze", str(tmp_path), "--format", "table")
    assert code == 0 and "\x1b" not in out
    assert "[bold red]evil" in out  # the file name, as words, printed literally


def test_console_script_version():
    """`crosscheck --version` works from the installed entry point."""
    result = subprocess.run([sys.executable, "-m", "crosscheck", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("crosscheck ")


# ---- export and history -------------------------------------------------------------------
@pytest.fixture
def xdg(tmp_path, monkeypatch):
    """A private XDG_DATA_HOME, so the default review database is the test's own."""
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


@pytest.fixture
def reviewed_db(xdg):
    """Decisions on the bundled sample in its default database, made as the dashboard makes them."""
    from crosscheck.core.analysis.pipeline import analyze
    from crosscheck.core.index import AnalysisIndex
    from crosscheck.core.reading.ingest import load_corpus
    from crosscheck.core.review.session import Session
    from crosscheck.core.review.store import Store

    corpus = load_corpus(None)
    ix = AnalysisIndex.build(analyze(corpus.sources, problems=corpus.problems, root=corpus.root))
    store = Store.open(default_path([]))
    session = Session(store, ix, reviewer="Ana Díaz")
    session.set_verdict("c1", "accepted")
    session.set_claim_note("c1", "checked | twice\nwith the desk")
    session.set_figure("t4", Figure(10, 12, None, "10 to 12"))
    session.set_verdict("c14", "rejected")
    session.undo()
    store.close()
    return Path(store.path)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("fmt", ["markdown", "csv", "json"])
def test_export_to_stdout_and_file(capsys, tmp_path, reviewed_db, fmt):
    """Each format goes to stdout or -o FILE, carries the decisions, and leaves the database as it was."""
    before = _digest(reviewed_db)
    code, out, err = run(capsys, "export", "--format", fmt)
    assert code == 0 and not err
    target = tmp_path / f"review.{fmt}"
    code, quiet_out, _ = run(capsys, "export", "-f", fmt, "-o", str(target))
    assert code == 0 and quiet_out == ""
    written = target.read_bytes().decode("utf-8")
    for text in (out, written):
        if fmt == "json":
            doc = json.loads(text)
            (c1,) = [v for v in doc["verdicts"] if v["claim"] == "c1"]
            assert (c1["verdict"], c1["note"]) == ("accepted", "checked | twice\nwith the desk")
            assert doc["review"]["db"] == str(reviewed_db)
            assert not any(v["claim"] == "c14" for v in doc["verdicts"])  # undone
        elif fmt == "csv":
            rows = {r["claim"]: r for r in csv.DictReader(io.StringIO(text, newline=""))}
            assert rows["c1"]["verdict"] == "accepted" and rows["c1"]["note"] == "checked | twice\nwith the desk"
            assert rows["c14"]["verdict"] == "" and rows["c28"]["topic_figure_text"] == "10 to 12"
        else:
            assert "| c1 | Devdiscourse | 2024-11-23 | At least six | 6..∞ | Devdiscourse | ≠ | accepted | " \
                   "checked \\| twice<br>with the desk |" in text
            assert "- **Chosen figure:** **10..12** “10 to 12” typed in by the reviewer" in text
    if fmt == "csv":
        assert b"\r\n" in target.read_bytes() and b"\r\r\n" not in target.read_bytes()
    assert _digest(reviewed_db) == before


def test_export_requires_format():
    """--format is required: leaving it out is a usage error."""
    with pytest.raises(SystemExit) as e:
        main(["export"])
    assert e.value.code == 2


def test_export_never_creates_the_default_database(capsys, xdg):
    """With no database yet, export says so, exports the analysis, and creates nothing."""
    code, out, err = run(capsys, "export", "--format", "json")
    assert code == 0 and json.loads(out)["verdicts"] == []
    assert "no decisions recorded for this corpus yet" in err and str(default_path([])) in err
    assert not xdg.exists()


@pytest.mark.parametrize("content, problem", [
    (None, "no such review database"),
    (b"just some notes\n", "not a SQLite database"),
    ("foreign", "not a crosscheck"),
    ("newer", "newer crosscheck"),
])
def test_export_and_history_bad_db_exit_1(capsys, tmp_path, content, problem):
    """A --db that cannot be read stops export and history with exit 1 and a message naming it."""
    import sqlite3
    db = tmp_path / "review.db"
    if isinstance(content, bytes):
        db.write_bytes(content)
    elif content:
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE decisions (x)" if content == "newer" else "CREATE TABLE mine (x)")
        con.execute("CREATE TABLE audit (x)")
        con.execute(f"PRAGMA user_version = {99 if content == 'newer' else 0}")
        con.commit()
        con.close()
    before = db.read_bytes() if db.exists() else None
    for command in (["export", "-f", "csv"], ["history"]):
        code, out, err = run(capsys, *command, "--db", str(db))
        assert code == 1 and out == "", command
        assert str(db) in err and problem in err, err
    assert (db.read_bytes() if db.exists() else None) == before


def test_export_damaged_default_database_warns(capsys, xdg):
    """A damaged default database is reported, and the analysis is still exported."""
    path = default_path([])
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage" * 10)
    code, out, err = run(capsys, "export", "--format", "json")
    assert code == 0 and json.loads(out)["verdicts"] == []
    assert str(path) in err and "without decisions" in err


def test_history_prints_changes_and_undo(capsys, reviewed_db):
    """One line per change with time, reviewer, action, label, field and old → new; undo shows as undo."""
    before = _digest(reviewed_db)
    code, out, _ = run(capsys, "history")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 5
    assert all(re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ  Ana Díaz  (set|undo)  ", x) for x in lines)
    assert lines[0].endswith("verdict: — → accepted") and "Devdiscourse: “At least six” killed" in lines[0]
    assert lines[1].endswith("note: — → “checked | twice ↵ with the desk”")
    assert lines[2].endswith("figure: — → 10..12 “10 to 12”") and "Malian soldiers killed" in lines[2]
    assert "  set  " in lines[3] and lines[3].endswith("verdict: — → rejected")
    assert "  undo  " in lines[4] and lines[4].endswith("verdict: rejected → —")
    code, out, _ = run(capsys, "history", "--format", "json", "--limit", "2")
    entries = json.loads(out)["entries"]
    assert code == 0 and [e["action"] for e in entries] == ["set", "undo"]
    assert entries[1]["old"] == "rejected" and entries[1]["new"] is None
    code, out, _ = run(capsys, "history", "--db", str(reviewed_db), "-f", "json", "-n", "3")
    assert json.loads(out)["entries"][0]["new"] == {"low": 10, "high": 12, "claim": None, "text": "10 to 12"}
    assert _digest(reviewed_db) == before


def test_history_without_database(capsys, xdg):
    """No decisions yet is not an error: a message on stderr, exit 0, nothing created."""
    code, out, err = run(capsys, "history")
    assert code == 0 and out == "" and "no decisions recorded for this corpus yet (looked in" in err
    assert not xdg.exists()
    with pytest.raises(SystemExit) as e:
        main(["history", "--limit", "0"])
    assert e.value.code == 2


def test_dashboard_passes_db_and_read_only(monkeypatch, tmp_path):
    """`crosscheck [PATH] --db FILE --read-only` hands both to the dashboard."""
    from crosscheck.tui import app as tui_app
    seen = {}
    monkeypatch.setattr(tui_app, "run", lambda paths, **kw: seen.update(paths=paths, **kw) or 0)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    assert main(["corpus", "--db", "r.sqlite3", "--read-only"]) == 0
    assert seen == {"paths": ["corpus"], "db": "r.sqlite3", "read_only": True}
    assert main([]) == 0 and seen == {"paths": [], "db": None, "read_only": False}


def test_export_unwritable_output_exits_1(capsys, tmp_path, xdg):
    """An -o FILE that cannot be written is exit 1 with a message naming it."""
    target = tmp_path / "no-such-folder" / "memo.md"
    code, out, err = run(capsys, "export", "-f", "markdown", "-q", "-o", str(target))
    assert code == 1 and out == "" and str(target) in err and "cannot write" in err


CRASHING_DASHBOARD = """
import sys
from crosscheck import cli
from crosscheck.tui.app import CrosscheckApp

def broken(self):
    raise RuntimeError("a bug in the dashboard")

CrosscheckApp.on_mount = broken
sys.exit(cli.main(sys.argv[1:]))
"""


def test_dashboard_crash_exits_nonzero(tmp_path):
    """An unhandled exception in the dashboard ends `crosscheck` with exit status 1 and the
    traceback on the terminal, not with the 0 of a normal quit."""
    script = tmp_path / "crash.py"
    script.write_text(CRASHING_DASHBOARD)
    env = {**os.environ, "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver"}
    result = subprocess.run([sys.executable, str(script), "--db", str(tmp_path / "r.db")], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout[-2000:] + result.stderr[-2000:]
    assert "a bug in the dashboard" in result.stdout + result.stderr


ENDLESS_ANALYSIS = """
import sys, threading
from crosscheck import cli
from crosscheck.core.analysis import pipeline
from crosscheck.tui.app import CrosscheckApp

def endless(*args, progress=None, **kwargs):
    progress("reading articles", 1, 10)
    print("analysis started", flush=True)
    threading.Event().wait()  # an analysis that runs for as long as anyone waits

pipeline.analyze_paths = endless
mount = CrosscheckApp.on_mount

def quit_soon(self):
    mount(self)
    self.set_timer(0.5, lambda: self.run_action("quit"))

CrosscheckApp.on_mount = quit_soon
sys.exit(cli.main(sys.argv[1:]))
"""


def test_quitting_during_a_long_analysis_ends_the_process(tmp_path):
    """`q` while the analysis still runs ends the process with status 0: the analysis thread is
    not waited for (a thread worker in asyncio's executor kept the process alive until it ended)."""
    script = tmp_path / "endless.py"
    script.write_text(ENDLESS_ANALYSIS)
    env = {**os.environ, "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver"}
    result = subprocess.run([sys.executable, str(script), str(tmp_path), "--db", str(tmp_path / "r.db")],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "analysis started" in result.stdout


@pytest.mark.parametrize("argv, said", [
    (["analyse"], "unknown command 'analyse' (did you mean 'analyze'?"),
    (["exprot", "-f", "csv"], None),
    (["histroy"], "unknown command 'histroy' (did you mean 'history'?"),
    (["no-such-folder/articles"], "no-such-folder/articles: no such file or folder"),
    (["missing.txt"], "missing.txt: no such file or folder"),
])
def test_dashboard_refuses_a_typo_or_a_missing_path(capsys, monkeypatch, tmp_path, argv, said):
    """A mistyped command or a PATH that does not exist exits 2 with a message saying which,
    instead of opening an empty dashboard."""
    from crosscheck.tui import app as tui_app
    monkeypatch.setattr(tui_app, "run", lambda paths, **kw: pytest.fail("the dashboard was opened"))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as e:
        main(argv)
    err = capsys.readouterr().err
    assert e.value.code == 2 and "crosscheck: error:" in err
    if said:
        assert said in err
