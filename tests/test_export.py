"""Exports round-trip: decisions made through a Session come back out of Markdown, CSV and JSON on
the right claims, with awkward notes intact, and an orphaned decision is listed."""
from __future__ import annotations

import csv
import io
import json
import re
from functools import lru_cache

import pytest

from crosscheck.core.analysis.pipeline import analyze
from crosscheck.core.review.decisions import Figure, attach
from crosscheck.core.review.export import cell, md, render, to_csv, to_json, to_markdown
from crosscheck.core.index import AnalysisIndex
from crosscheck.core.reading.ingest import load_corpus
from crosscheck.core.report import to_json as analysis_json
from crosscheck.core.review.session import Session
from crosscheck.core.review.store import Store

NOTES = {
    "c1": ("accepted", 'Confirmed by "two" outlets | see memo\nsecond line — Tinzaouaten, Kidal ✓ ünï'),
    "c14": ("rejected", '=HYPERLINK("http://evil.example","click")'),
    "c23": ("disputed", "# not a heading\n- not a list `code` *stars* [link](x) <b>bold</b> \\ back\\|slash"),
    "c10": ("accepted", ""),
    "c17": (None, "-12"),
}
T3_NOTE = "Use the monitor's figure | not the rebels'"
T4_NOTE = "typed\nin by hand @desk"
ORPHAN_ANCHOR = {"path": "gone.txt", "fingerprint": "0000000000000000", "number_text": "nine",
                 "sentence": "Nine villagers died.", "low": 9, "high": 9, "measure": "killed", "who": "villagers",
                 "claimant": "the mayor", "outlet": "Gone Times", "label": "Gone Times: “nine” killed"}
ORPHAN_NOTE = "orphan | note\nkept"


@lru_cache(maxsize=1)
def sample_index() -> AnalysisIndex:
    corpus = load_corpus(None)
    return AnalysisIndex.build(analyze(corpus.sources, problems=corpus.problems, root=corpus.root))


@pytest.fixture
def reviewed(tmp_path):
    """The sample with decisions made through a Session, re-attached from the store as the CLI does."""
    ix = sample_index()
    fps = [c.fingerprint for c in ix.analysis.claims]
    for cid in [*NOTES, "c2", "c6"]:
        assert fps.count(ix.claims[cid].fingerprint) == 1, cid  # a shared fingerprint would blur the test
    store = Store.open(tmp_path / "review.sqlite3")
    session = Session(store, ix, reviewer="Ana Díaz")
    for cid, (verdict, note) in NOTES.items():
        if verdict:
            session.set_verdict(cid, verdict)
        if note:
            session.set_claim_note(cid, note)
    c6 = ix.claims["c6"]
    session.set_figure("t3", Figure(c6.low, c6.high, c6.fingerprint, c6.number_text), note=T3_NOTE)
    session.set_figure("t4", Figure(10, 12, None, "10–12"), note=T4_NOTE)
    session.set_verdict("c2", "rejected")
    session.undo()  # leaves an empty decision behind, which no export lists
    store.record("claim:gone", "claim", ORPHAN_ANCHOR, reviewer="Bo", expect_rev=0, verdict="rejected",
                 note=ORPHAN_NOTE)
    review = attach(ix, store.decisions())
    store.close()
    assert len(review.orphans) == 1 and "c2" in review.claims and review.claims["c2"].empty
    return ix, review


# ---- CSV ----------------------------------------------------------------------------------
def unguard(value: str) -> str:
    """What docs/export.md tells a reader to do: drop the apostrophe the formula guard added."""
    return re.sub(r"^'(?='*[=+\-@\t\r])", "", value)


def test_csv_round_trip(reviewed):
    """The CSV export has one row per current claim with its verdict and note, plus the orphaned decision."""
    ix, review = reviewed
    rows = list(csv.DictReader(io.StringIO(to_csv(ix, review), newline="")))
    current = {r["claim"]: r for r in rows if r["status"] == "current"}
    orphans = [r for r in rows if r["status"] == "orphaned"]
    described = [r for r in rows if r["status"] == "description"]
    assert len(current) == len(ix.analysis.claims) and len(rows) == len(current) + 1 + len(described)
    assert len(described) == len(ix.analysis.descriptions)
    for cid, row in current.items():
        verdict, note = NOTES.get(cid, (None, ""))
        assert row["verdict"] == (verdict or "") and unguard(row["note"]) == note, cid
        assert row["reviewer"] == ("Ana Díaz" if cid in NOTES else "")
        t = ix.claims[cid].topic
        assert row["topic"] == t
        if t == "t3":
            assert (row["topic_figure_low"], row["topic_figure_high"], row["topic_figure_text"]) == ("45", "50", "nearly 50")
            assert row["topic_figure_is_this_claim"] == ("yes" if cid == "c6" else "no")
            assert row["topic_note"] == T3_NOTE
        elif t == "t4":
            assert (row["topic_figure_low"], row["topic_figure_high"], row["topic_figure_text"]) == ("10", "12", "10–12")
            assert row["topic_figure_is_this_claim"] == "no" and unguard(row["topic_note"]) == T4_NOTE
        else:
            assert row["topic_figure_text"] == row["topic_note"] == row["topic_figure_is_this_claim"] == ""
    assert current["c14"]["note"].startswith("'=")  # the formula is not run
    assert current["c17"]["note"] == "-12"  # a plain negative number is left alone
    assert current["c1"]["in_conflict"] == "yes" and current["c1"]["conflict_kind"] == "dispute"
    assert current["c22"]["conflict_kind"] == "internal" and current["c23"]["conflict_kind"] == "dispute;internal"
    (o,) = orphans
    assert (o["path"], o["number_text"], o["low"], o["high"], o["measure"], o["who"], o["claimant"]) == (
        "gone.txt", "nine", "9", "9", "killed", "villagers", "the mayor")
    assert (o["verdict"], o["note"], o["reviewer"], o["claim"]) == ("rejected", ORPHAN_NOTE, "Bo", "")


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-5 dead", "'-5 dead"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=x", "'\t=x"), ("'=x", "''=x"), ("-12", "-12"), ("-1,234.5", "-1,234.5"), ("+7", "+7"),
    ("'Tis", "'Tis"), ("a=b", "a=b"), (7, 7), (None, ""),
])
def test_csv_formula_guard(value, expected):
    """Cells that a spreadsheet would run as formulas are guarded, and the guard is undone exactly."""
    assert cell(value) == expected
    if isinstance(value, str):
        assert unguard(cell(value)) == value


# ---- JSON ---------------------------------------------------------------------------------
def test_json_round_trip(reviewed):
    """The JSON export is the crosscheck/1 analysis unchanged plus a review section holding every decision."""
    ix, review = reviewed
    doc = json.loads(render("json", ix, review, db="/x/review.sqlite3", generated="2024-11-25T10:00:00Z"))
    base = json.loads(json.dumps(analysis_json(ix.analysis), ensure_ascii=False))
    assert doc["schema"] == "crosscheck/1"
    assert {k: doc[k] for k in base} == base  # the analysis document is unchanged, only extended
    assert doc["review"]["db"] == "/x/review.sqlite3" and doc["review"]["generated"] == "2024-11-25T10:00:00Z"
    assert doc["review"]["orphaned"] == 1 and doc["review"]["decisions"] == len(NOTES) + 2
    claims = {v["claim"]: v for v in doc["verdicts"] if v["target"] == "claim" and v["status"] == "attached"}
    assert set(claims) == set(NOTES)  # the undone c2 is empty and left out
    for cid, (verdict, note) in NOTES.items():
        v = claims[cid]
        assert (v["verdict"], v["note"], v["topic"], v["figure"]) == (verdict, note, ix.claims[cid].topic, None)
        assert v["key"] == "claim:" + ix.claims[cid].fingerprint and v["reviewer"] == "Ana Díaz" and v["rev"] >= 1
        assert v["anchor"]["fingerprint"] == ix.claims[cid].fingerprint
    topics = {v["topic"]: v for v in doc["verdicts"] if v["target"] == "topic"}
    assert topics["t3"]["figure"] == {"low": 45, "high": 50, "claim": "c6",
                                      "fingerprint": ix.claims["c6"].fingerprint, "text": "nearly 50"}
    assert topics["t3"]["note"] == T3_NOTE and topics["t3"]["claim"] is None
    assert topics["t4"]["figure"] == {"low": 10, "high": 12, "claim": None, "fingerprint": None, "text": "10–12"}
    assert topics["t4"]["note"] == T4_NOTE
    (orphan,) = [v for v in doc["verdicts"] if v["status"] == "orphaned"]
    assert (orphan["claim"], orphan["topic"], orphan["verdict"], orphan["note"], orphan["anchor"]) == (
        None, None, "rejected", ORPHAN_NOTE, ORPHAN_ANCHOR)


# ---- Markdown -----------------------------------------------------------------------------
def split_row(line: str) -> list[str]:
    """A GitHub table row split on unescaped pipes, each cell unescaped back to the stored text."""
    cells, cur, i = [], "", 1
    while i < len(line):
        ch = line[i]
        if ch == "\\" and i + 1 < len(line):
            cur += ch + line[i + 1]
            i += 2
            continue
        if ch == "|":
            cells.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    return [re.sub(r"\\(.)", r"\1", c.strip().replace("<br>", "\n")) for c in cells]


def tables(text: str) -> dict[str, list[dict[str, str]]]:
    """Section heading -> its table's rows as dicts; asserts every row has the header's width."""
    out: dict[str, list[dict[str, str]]] = {}
    heading, header = "", None
    for line in text.splitlines():
        if line.startswith("#"):
            heading, header = line, None
        elif line.startswith("|"):
            cells = split_row(line)
            if header is None:
                header = cells
                out[heading] = []
            elif set(line) <= set("| -"):
                continue
            else:
                assert len(cells) == len(header), line
                out[heading].append(dict(zip(header, cells, strict=False)))
        else:
            header = None
    return out


def test_markdown_round_trip(reviewed):
    """The Markdown memo lists every decided or disputed topic with each source's figure, verdict and note."""
    ix, review = reviewed
    text = to_markdown(ix, review, db="/x/review.sqlite3", generated="2024-11-25T10:00:00Z")
    assert text.startswith("# Crosscheck review: articles (2024-11-25)\n")
    assert "1 orphaned" in text and f"{len(NOTES) + 2} decisions" in text
    found = tables(text)
    seen = set()
    for heading, rows in found.items():
        if heading == "## Orphaned decisions" or any("description" in row for row in rows):
            continue  # orphans and description conflicts have tables of their own
        for row in rows:
            verdict, note = NOTES.get(row["claim"], (None, ""))
            assert (row["verdict"], row["note"]) == (verdict or "", note), (heading, row["claim"])
            seen.add(row["claim"])
    assert set(NOTES) <= seen
    t3 = next(h for h in found if "Russian Wagner mercenaries" in h)
    assert next(r for r in found[t3] if r["claim"] == "c6")["conflict"].endswith("chosen")
    section = text.split(t3, 1)[1].split("\n### ", 1)[0]
    assert "- **Chosen figure:** **45..50** “nearly 50” from c6" in section
    assert "- **Note:** Use the monitor's figure \\| not the rebels'" in section
    assert "typed\\<br\\>" not in text and "- **Note:** typed<br>in by hand @desk" in text
    (orphan,) = found["## Orphaned decisions"]
    assert (orphan["what"], orphan["verdict"], orphan["note"], orphan["reviewer"]) == (
        "Gone Times: “nine” killed", "rejected", ORPHAN_NOTE, "Bo")
    assert "## Other topics" in text and "civilians · killed" in text


@pytest.mark.parametrize("text", ["a | b\nc", "# h", "- x", "1. x", "`x`", "*x*", "[a](b)", "<i>x</i>",
                                  "\\|", "a\\", "&amp;", "x\r\ny", "_x_", "> quote"])
def test_markdown_cell_escaping_round_trips(text):
    """Whatever the note, a row stays three cells and reads back as the note (line ends as \\n)."""
    row = f"| a | {md(text)} | b |"
    assert split_row(row) == ["a", text.replace("\r\n", "\n"), "b"]
    assert not md(text).lstrip().startswith(("#", "-", ">", "1.")) and "\n" not in md(text)


def test_exports_without_decisions():
    """No review database: every format still exports the analysis, with no verdicts."""
    from crosscheck.core.review.decisions import Review
    ix = sample_index()
    assert json.loads(render("json", ix, Review()))["verdicts"] == []
    rows = list(csv.DictReader(io.StringIO(render("csv", ix, Review()))))
    assert len([r for r in rows if r["status"] == "current"]) == len(ix.analysis.claims)
    assert not any(r["verdict"] for r in rows)
    text = render("markdown", ix, Review())
    assert "no review database" in text and "Orphaned" not in text
    with pytest.raises(ValueError):
        render("yaml", ix, Review())
    assert to_json(ix, Review())["review"]["db"] is None
