"""Nothing from outside reaches the terminal as an escape sequence, on any command-line output.

File names, `sources.toml` titles and outlets, article text (claimants, sentences), notes,
reviewer names and config values carry OSC (window title, OSC 52 clipboard), CSI (clear screen),
8-bit CSI and bidi-override sequences here. Every output path must print them inert (as `\\x1b`,
`\\u202e`, ...), and JSON must still read back as exactly the hostile strings.
"""
from __future__ import annotations

import csv
import io
import json

import pytest

from crosscheck.cli import main
from crosscheck.core.config import load_config
from crosscheck.core.review.store import Store, default_path
from crosscheck.core.text_safety import UNSAFE, inert, inert_json, inert_line, strip_controls

OSC = "\x1b]0;PWNED\x07\x1b]52;c;SGVsbG8=\x07"
"""Retitles the window, then writes "Hello" to the clipboard."""
CSI = "\x1b[2J\x1b[H"
"""Clears the screen and homes the cursor."""
C1 = "\x9b2J\x9d0;PWNED\x9c"
"""The same with 8-bit C1 controls (CSI, OSC, ST)."""
BIDI = "\u202eexe.txt\u202c\u2066x\u2069"
"""A right-to-left override that makes a name read backwards, and an isolate."""
HOSTILE = (OSC, CSI, C1, BIDI)


def assert_inert(text: str, *, newlines: bool = True) -> None:
    """No unsafe character in `text` (line breaks allowed where the format has lines)."""
    allowed = "\n\t" if newlines else ""
    if newlines:
        text = text.replace("\r\n", "\n")  # CSV's record separator
    bad = sorted({ch for ch in UNSAFE.findall(text) if ch not in allowed})
    assert not bad, f"unsafe characters reached the output: {[hex(ord(c)) for c in bad]}"


def shows_escapes(text: str) -> bool:
    """The OSC 52 sequence was shown as escapes, not silently dropped (in Markdown, with the
    backslashes and the bracket escaped in turn)."""
    return "\\x1b]52;c;SGVsbG8=\\x07" in text or "\\\\x1b\\]52;c;SGVsbG8=\\\\x07" in text


# ---- the helper ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", HOSTILE)
def test_inert_shows_every_unsafe_character_as_an_escape(text):
    """`inert` leaves nothing unsafe and loses nothing: each character becomes a visible escape."""
    out = inert(text)
    assert_inert(out, newlines=False)
    assert out.encode().decode("unicode_escape") == text


def test_inert_keeps_what_it_is_told_and_strip_drops():
    """`keep` leaves line breaks alone; `strip_controls` removes instead of escaping."""
    assert inert("a\nb\x1b", keep="\n") == "a\nb\\x1b"
    assert inert_line(f"a\n  b{CSI}") == "a b\\x1b[2J\\x1b[H"
    assert strip_controls(f"a\n\tb{OSC}\u202e") == "a\n\tb]0;PWNED]52;c;SGVsbG8="


def test_inert_json_reads_back_the_same_document():
    """`inert_json` changes only the spelling: json.loads gives back every hostile string."""
    doc = {"k": list(HOSTILE), "\u202e": "\x7f\u2028"}
    text = inert_json(json.dumps(doc, ensure_ascii=False))
    assert_inert(text, newlines=False)
    assert json.loads(text) == doc


# ---- analyze -----------------------------------------------------------------------------------

ARTICLE = (f"Ambush {CSI}kills soldiers\n\nAt least 12 soldiers were killed near Gao on Monday, "
           f"{OSC}army spokesman Colonel Diarra{BIDI} said. Local officials{C1} said 15 soldiers died.\n")


def _toml(s: str) -> str:
    return json.dumps(s)  # a JSON string with \\u escapes is a valid TOML basic string


@pytest.fixture
def corpus(tmp_path):
    """A folder whose file names, manifest and text all carry escape sequences."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / f"b{BIDI}.txt").write_text(ARTICLE.replace("12", "14"), encoding="utf-8")
    (folder / f"empty{OSC}.txt").write_text("", encoding="utf-8")
    (folder / "sources.toml").write_text(
        f'[[source]]\nfile = "a.txt"\noutlet = {_toml("Daily " + OSC)}\ntitle = {_toml(CSI + "Title" + C1)}\n'
        f'published = 2024-11-23\n\n[[source]]\nfile = {_toml("gone" + OSC + ".txt")}\noutlet = "x"\n',
        encoding="utf-8")
    return folder


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_analyze_problem_lines_are_inert(capsys, corpus):
    """A file named with OSC sequences is named on stderr with them shown as escapes."""
    code, out, err = run(capsys, "analyze", str(corpus), "-f", "csv")
    assert code == 0
    assert_inert(err)
    assert "empty\\x1b]0;PWNED\\x07\\x1b]52;c;SGVsbG8=\\x07.txt: empty file" in err
    assert "gone\\x1b]0;PWNED" in err  # the manifest entry naming no article


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_analyze_table_and_csv_are_inert(capsys, corpus, fmt, monkeypatch):
    """Titles, outlets, paths, claimants and sentences reach the table and the CSV inert."""
    monkeypatch.setenv("COLUMNS", "400")
    code, out, err = run(capsys, "analyze", str(corpus), "-f", fmt)
    assert code == 0
    assert_inert(out)
    assert shows_escapes(out)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert any(r["outlet"] == inert("Daily " + OSC) for r in rows)
        assert any(r["path"] == inert(f"b{BIDI}.txt") for r in rows)
        assert any(shows_escapes(r["sentence"]) for r in rows)
    else:
        assert "\\x1b[2J\\x1b[HTitle\\x9b2J" in out


def test_analyze_json_is_inert_and_reads_back_unchanged(capsys, corpus):
    """The crosscheck/1 JSON prints nothing unsafe and still holds the exact strings."""
    code, out, _ = run(capsys, "analyze", str(corpus), "-f", "json")
    assert code == 0
    assert_inert(out)
    doc = json.loads(out)
    outlets = {s["outlet"] for s in doc["sources"]}
    assert "Daily " + OSC in outlets
    assert any(BIDI in s["path"] for s in doc["sources"])
    assert any(C1 in c["sentence"] for c in doc["claims"])
    problem_paths = {p["path"] for p in doc["problems"]}
    assert f"empty{OSC}.txt" in problem_paths


# ---- export and history ------------------------------------------------------------------------

@pytest.fixture
def hostile_review(corpus, tmp_path, monkeypatch):
    """Decisions on the corpus, by a reviewer whose name and notes carry escape sequences."""
    from crosscheck.core.analysis.pipeline import analyze
    from crosscheck.core.index import AnalysisIndex
    from crosscheck.core.reading.ingest import load_corpus
    from crosscheck.core.review.decisions import Figure
    from crosscheck.core.review.session import Session

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    loaded = load_corpus([corpus])
    ix = AnalysisIndex.build(analyze(loaded.sources, problems=loaded.problems, root=loaded.root))
    store = Store.open(default_path([corpus]))
    session = Session(store, ix, reviewer=f"Ana{OSC}{BIDI}")
    claim = ix.analysis.claims[0]
    session.set_verdict(claim.id, "accepted")
    session.set_claim_note(claim.id, f"note {CSI}line one\nline {C1} two")
    session.set_figure(claim.topic, Figure(10, 12, None, f"ten{OSC}"))
    session.set_topic_note(claim.topic, f"topic {BIDI}")
    store.close()
    return corpus


@pytest.mark.parametrize("fmt", ["markdown", "csv", "json"])
def test_export_is_inert(capsys, hostile_review, fmt):
    """Notes, reviewer names, titles and paths reach every export format inert."""
    code, out, err = run(capsys, "export", str(hostile_review), "-f", fmt)
    assert code == 0
    assert_inert(out)
    assert_inert(err)
    if fmt == "json":
        doc = json.loads(out)
        assert {v["reviewer"] for v in doc["verdicts"]} == {f"Ana{OSC}{BIDI}"}
        assert any(v["note"] == f"note {CSI}line one\nline {C1} two" for v in doc["verdicts"])
    else:
        assert shows_escapes(out) and "\\u202e" in out
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert {r["reviewer"] for r in rows if r["reviewer"]} == {inert(f"Ana{OSC}{BIDI}")}


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_history_is_inert(capsys, hostile_review, fmt):
    """The audit trail prints reviewer names, notes and typed figures inert."""
    code, out, err = run(capsys, "history", str(hostile_review), "-f", fmt)
    assert code == 0 and out
    assert_inert(out)
    if fmt == "table":
        assert "Ana\\x1b]0;PWNED\\x07\\x1b]52;c;SGVsbG8=\\x07\\u202e" in out
        assert "“note \\x1b[2J\\x1b[Hline one ↵ line \\x9b2J\\x9d0;PWNED\\x9c two”" in out
        assert "“ten\\x1b]0;PWNED" in out
    else:
        assert {e["reviewer"] for e in json.loads(out)["entries"]} == {f"Ana{OSC}{BIDI}"}


def test_stale_write_message_names_the_other_reviewer_inert(tmp_path):
    """The stale-write refusal quotes another reviewer's name with its escapes shown."""
    from crosscheck.core.analysis.pipeline import analyze
    from crosscheck.core.index import AnalysisIndex
    from crosscheck.core.reading.ingest import source_from_text
    from crosscheck.core.review.session import Session
    from crosscheck.core.review.store import Stale

    ix = AnalysisIndex.build(analyze([source_from_text("a.txt", ARTICLE)]))
    db = tmp_path / "r.sqlite3"
    attacker = Session(Store.open(db), ix, f"Mallory{OSC}")
    victim = Session(Store.open(db), ix, "ana")
    claim = ix.analysis.claims[0].id
    attacker.set_verdict(claim, "rejected")
    with pytest.raises(Stale) as stale:
        victim.set_verdict(claim, "accepted")
    assert_inert(str(stale.value), newlines=False)
    assert "Mallory\\x1b]0;PWNED" in str(stale.value)


# ---- configuration -----------------------------------------------------------------------------

def test_config_problems_show_control_characters_as_escapes(tmp_path):
    """A config value or key with escape sequences is quoted inert in the problem message."""
    path = tmp_path / f"config{BIDI}.toml"
    path.write_text(f"{_toml('theme' + OSC)} = 1\nreviewer = 5\n[measures]\n{_toml('killed' + CSI)} = ['x']\n",
                    encoding="utf-8")
    config, problems = load_config(path)
    assert problems
    for p in problems:
        assert_inert(str(p), newlines=False)
    text = "\n".join(map(str, problems))
    assert "theme\\x1b]0;PWNED" in text and "\\u202e" in text


def test_dashboard_cleaning_is_the_shared_rule():
    """tui/safe.py strips exactly what core.text_safety calls unsafe (tab and newline kept)."""
    from crosscheck.tui.safe import clean, plain
    for text in (*HOSTILE, "a\tb\nc\r\x0b\x0c\u2028d"):
        assert clean(text) == strip_controls(text)
        assert_inert(clean(text))
        assert_inert(plain(text).plain, newlines=False)
