"""Descriptions and their conflicts in `crosscheck/1`, reviewed like claims and exported like them."""
from __future__ import annotations

import csv
import io
import json
from functools import lru_cache

import pytest

from crosscheck.core.analysis.pipeline import analyze
from crosscheck.core.index import AnalysisIndex
from crosscheck.core.reading.ingest import load_corpus
from crosscheck.core.report import (description_conflict_from_json, description_from_json, json_text,
                                    to_json)
from crosscheck.core.review.decisions import attach
from crosscheck.core.review.export import to_csv, to_json as export_json, to_markdown
from crosscheck.core.review.session import Session
from crosscheck.core.review.store import Store

NOTE = 'Malian officials | "trainers"\nsee the memo'


@lru_cache(maxsize=1)
def sample_index() -> AnalysisIndex:
    corpus = load_corpus(None)
    return AnalysisIndex.build(analyze(corpus.sources, problems=corpus.problems, root=corpus.root))


def _victims(ix: AnalysisIndex):
    return next(x for x in ix.analysis.description_conflicts if x.slot == "victims")


def test_json_round_trips_descriptions_and_their_conflicts():
    """`descriptions` and the `description` conflicts read back from the JSON text unchanged."""
    a = sample_index().analysis
    doc = json.loads(json_text(to_json(a)))
    assert a.descriptions and a.description_conflicts
    assert tuple(description_from_json(d) for d in doc["descriptions"]) == a.descriptions
    described = [x for x in doc["conflicts"] if x["kind"] == "description"]
    assert tuple(description_conflict_from_json(x) for x in described) == a.description_conflicts
    numeric = [x for x in doc["conflicts"] if x["kind"] != "description"]
    assert [x["id"] for x in numeric] == [x.id for x in a.conflicts]  # the numeric ones as before


@pytest.fixture
def reviewed(tmp_path):
    """A verdict and note on two descriptions, a chosen value and note on a description conflict."""
    ix = sample_index()
    x = _victims(ix)
    store = Store.open(tmp_path / "review.sqlite3")
    session = Session(store, ix, reviewer="Ana Díaz")
    first, last = x.descriptions[0], x.descriptions[-1]
    session.set_description_verdict(first, "accepted")
    session.set_description_note(last, NOTE)
    session.set_description_verdict(last, "disputed")
    chosen = ix.descriptions[first]
    session.set_dconflict_value(x.id, chosen.value, first, note="mercenaries is what the sources show")
    review = attach(ix, store.decisions())
    store.close()
    return ix, review, x, first, last


def test_description_decisions_come_back_from_the_store(reviewed):
    """Decisions on descriptions and their conflict attach again after a fresh read of the store."""
    ix, review, x, first, last = reviewed
    assert review.descriptions[first].verdict == "accepted"
    assert (review.descriptions[last].verdict, review.descriptions[last].note) == ("disputed", NOTE)
    chosen = review.description_conflicts[x.id]
    assert chosen.figure.text == ix.descriptions[first].value and chosen.figure.claim == ix.descriptions[first].fingerprint
    assert not review.orphans and not review.claims


def test_undo_takes_back_a_description_verdict(tmp_path):
    """ctrl+z on a description verdict restores the one before."""
    ix = sample_index()
    x = _victims(ix)
    with_store = Store.open(tmp_path / "r.sqlite3")
    session = Session(with_store, ix, reviewer="Bo")
    session.set_description_verdict(x.descriptions[0], "rejected")
    kind, target, d = session.undo()
    assert (kind, target, d.verdict) == ("description", x.descriptions[0], None)
    with_store.close()


def test_csv_carries_descriptions_with_their_decisions(reviewed):
    """One CSV row per description (status `description`) with verdict, note and the conflict's chosen value."""
    ix, review, x, first, last = reviewed
    rows = [r for r in csv.DictReader(io.StringIO(to_csv(ix, review), newline="")) if r["status"] == "description"]
    assert len(rows) == len(ix.analysis.descriptions)
    by_id = {r["description"]: r for r in rows}
    assert by_id[first]["verdict"] == "accepted" and by_id[first]["slot"] == "victims"
    assert by_id[last]["note"] == NOTE and by_id[last]["conflict_kind"] == "description"
    assert by_id[first]["chosen_value"].startswith(ix.descriptions[first].value)
    assert by_id[first]["phrase"] == ix.descriptions[first].phrase


def test_markdown_lists_each_description_conflict_with_its_sides(reviewed):
    """The memo has a section per description conflict: chosen value, note, and each side's phrase."""
    ix, review, x, first, last = reviewed
    text = to_markdown(ix, review, generated="2024-11-25T10:00:00Z")
    section = text.split("## Descriptions in conflict", 1)[1]
    assert "- **Chosen value:** " + ix.descriptions[first].value in section
    assert "mercenaries is what the sources show" in section
    assert 'Malian officials \\| "trainers"<br>see the memo' in section  # escaped, on one line
    for i in x.descriptions:
        assert f"| {i} |" in section


def test_json_export_lists_description_verdicts(reviewed):
    """The JSON export's verdicts name the description and the conflict they are about."""
    ix, review, x, first, last = reviewed
    doc = json.loads(json_text(export_json(ix, review)))
    targets = {(v["target"], v.get("description") or v.get("description_conflict")) for v in doc["verdicts"]}
    assert {("description", first), ("description", last), ("description conflict", x.id)} <= targets
    value = next(v for v in doc["verdicts"] if v["target"] == "description conflict")["value"]
    assert value == {"text": ix.descriptions[first].value, "description": first,
                     "fingerprint": ix.descriptions[first].fingerprint}


def test_memo_links_a_count_to_its_disputed_labels():
    """A topic whose figures carry disputed labels ('203 terrorists' / 'some 300 civilians') says so in the memo."""
    from conftest import analyse_texts
    from crosscheck.core.review.decisions import Review
    a = analyse_texts("Operation in Moura\nThe army said it killed 203 terrorists in Moura on 27 March.",
                      "Massacre in Moura\nSoldiers executed some 300 civilians in Moura on 27 March, "
                      "Human Rights Watch said.")
    ix = AnalysisIndex.build(a)
    (x,) = [x for x in a.description_conflicts if x.slot == "victims"]
    text = to_markdown(ix, Review(), generated="2024-11-25T10:00:00Z")
    for t in x.topics:
        heading = next(h for h in text.split("\n### ")[1:] if h and ix.topics[t].measure in h.splitlines()[0])
        assert "- **Labels disputed:** " in heading
