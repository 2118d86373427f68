"""Event labels read as words: date, best place names, kind; no demonyms, stray words or 'event'."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from crosscheck.core.analysis import event_labels
from crosscheck.core.analysis.pipeline import analyze_paths

DATA = Path(__file__).parent / "data"
DEVSET = sorted(p for p in (DATA / "devset").iterdir() if p.is_dir())


@cache
def _events(path: Path):
    return analyze_paths([path]).events


def test_sample_events_have_dated_placed_labels():
    """The seed corpus's two main events are named by day, place and its country, and kind."""
    labels = [e.label for e in _events(DATA / "seed_articles")]
    assert labels[:2] == ["21 Nov 2024 · Mopti, Mali · attack", "27 Jul 2024 · Tinzaouaten, Mali · ambush"]


@pytest.mark.parametrize("folder", DEVSET + [DATA / "seed_articles"], ids=lambda p: p.name)
def test_no_junk_in_event_labels(folder):
    """No label shows a demonym as a place, a lower-case word, a calendar word or the kind 'event'."""
    for e in _events(folder):
        assert not e.label.endswith("· event") and " event ·" not in e.label and e.label != "event", e.label
        for name in (e.place or "").split(", "):
            if not name:
                continue
            assert name[0].isupper(), e.label
            assert not name.isupper() or len(name) <= 3, e.label  # "NAIROBI" is set as "Nairobi"
            assert event_labels.place_name(name.lower(), name) == name, e.label
            country = event_labels.places.country_of(name)
            assert country is None or country == name.lower(), e.label  # "Malian" is shown as "Mali"


def test_peshawar_label_has_no_stray_word():
    """'Police Lines' leaves the key 'lines', never written as a name: it is not shown."""
    labels = [e.label for e in _events(DATA / "devset" / "peshawar-mosque-2023")]
    assert labels[0] == "30 Jan 2023 · Peshawar, Khyber Pakhtunkhwa · blast"
    assert not any("lines" in label for label in labels)


def test_month_only_event_without_kind_is_its_month():
    """An event known only by its month reads 'Apr 2014', not '2014-04 · event'."""
    labels = [e.label for e in _events(DATA / "devset" / "kankara-schoolboys-2020")]
    assert "Apr 2014" in labels and "2014-04 · event" not in labels


@pytest.mark.parametrize("iso, text", [("2024-11-21", "21 Nov 2024"), ("2014-04", "Apr 2014"), ("2014", "2014"),
                                       (None, None), ("2024-13-01", "2024-13-01")])
def test_date_text(iso, text):
    """ISO dates are written day, month abbreviation, year; what is not a date is left as it is."""
    assert event_labels.date_text(iso) == text


@pytest.mark.parametrize("key, written, shown", [
    ("mali", "Malian", "Mali"), ("kenya", "Kenyans", "Kenya"), ("nairobi", "NAIROBI", "Nairobi"),
    ("lines", None, None), ("yobe", "yobe", None), ("monday", "Monday", None), ("zindajan", "Zinda Jan", "Zinda Jan"),
    ("maliattack", "Mali Attack", None), ("breaking", "BREAKING", None), ("shiite", "Shiite", None)])
def test_place_name(key, written, shown):
    """A place is shown under a written name; demonyms as their country; capitals in title case."""
    assert event_labels.place_name(key, written) == shown


def test_specific_place_first_then_its_country():
    """The most mentioned specific place comes first, its country second when the reports are about it."""
    written = {"mali": "Malian", "sahel": "Sahel", "mopti": "Mopti", "libya": "Libya", "kalamata": "Kalamata",
               "mediterranean": "Mediterranean"}
    assert event_labels.best_places([("mali", 19), ("sahel", 5), ("mopti", 3)], written) == ["Mopti", "Mali"]
    # a country the story only passes through is not the host
    assert event_labels.best_places([("kalamata", 7), ("mediterranean", 4), ("libya", 2)], written) == [
        "Kalamata", "Mediterranean"]


def test_kind_prefers_specific_nouns():
    """'disaster' x5 loses to 'quake' x4 + 'earthquake' x1; 'opened fire' does not make a crash a fire."""
    assert event_labels.kind([("disaster", 5), ("quake", 4), ("earthquake", 1)]) == "earthquake"
    assert event_labels.kind([("fire", 9), ("crash", 5)]) == "crash"
    assert event_labels.kind([]) is None


def test_event_with_nothing_known_still_reads_as_words():
    """No date, place or kind: the label says so instead of being empty."""
    assert event_labels.describe(None, [], {}, []) == (event_labels.NO_LABEL, None)
