"""Sources are named by outlet, else a short headline, else their file name as words, never a hash."""
from __future__ import annotations

import pytest

from crosscheck.core.model import Source
from crosscheck.core.naming import file_label, short_title, source_name, source_names, source_title


def source(path: str = "001_fd7eeb6585d1acaf.txt", **kw) -> Source:
    return Source(id="s1", path=path, text="", **kw)


def test_outlet_first():
    """A source with an outlet is called by its outlet."""
    assert source_name(source(outlet="The African Spectator", title="Seven killed")) == "The African Spectator"


def test_short_title_when_no_outlet():
    """Without an outlet, the headline names the source, cut at a word with an ellipsis."""
    s = source(title="Extremist attack in Mali results in the deaths of six Wagner Group mercenaries from Russia")
    name = source_name(s)
    assert name.startswith("Extremist attack in Mali")
    assert name.endswith("…") and len(name) <= 36
    assert not name[:-1].endswith(" ")


@pytest.mark.parametrize("path,label", [
    ("003_de7d36d995471ea3.txt", "article 003"),
    ("articles/001_wire_first_day.txt", "wire first day"),
    ("feed-5f2a9c0d11e4b7aa.html", "feed"),
    ("fd7eeb6585d1acaf.md", "untitled article"),
    ("report.txt", "report"),
])
def test_file_name_as_words(path, label):
    """With neither outlet nor title, the file name stands in, without its index prefix or hash."""
    assert file_label(path) == label
    assert source_name(source(path)) == label


def test_no_name_shows_a_hash():
    """No source name in the sample's shape of metadata holds a hex file stub."""
    for s in (source(), source(title=""), source(outlet="  ")):
        assert "fd7eeb65" not in source_name(s)


def test_title_column_falls_back_to_file_words():
    """The title column shows the headline, else the file name as words."""
    assert source_title(source(title="Seven Russian Mercenaries Killed")) == "Seven Russian Mercenaries Killed"
    assert source_title(source("003_de7d36d995471ea3.txt")) == "article 003"


def test_several_sources_by_name():
    """A list of source ids reads as their names."""
    sources = {"s1": source(outlet="Devdiscourse"), "s2": source(title="Extremist attack in Mali")}
    assert source_names(["s1", "s2", "s9"], sources) == "Devdiscourse, Extremist attack in Mali, another article"


def test_short_title_keeps_short_headlines():
    """A headline within the limit is kept whole, with its spaces tidied."""
    assert short_title("Seven  Russian\nMercenaries") == "Seven Russian Mercenaries"


@pytest.mark.parametrize("raw,shown", [
    ("a statement released by the extremists on their media platform", "the extremists"),
    ("A statement from an extremist group", "An extremist group"),
    ("In social networks it had been", "social networks"),
    ("known by the call sign Rusich", "Rusich"),
    ("Earlier in the day the Kenyan Red Cross", "the Kenyan Red Cross"),
    ("On 1 November the regional crisis centre", "the regional crisis centre"),
    ("In Paiporta, the mayor", "the mayor"),
    ("Russia's Investigative Committee now", "Russia's Investigative Committee"),
    ("Kenyatta on Tuesday night", "Kenyatta"),
    ("Tuareg rebels (CSP-PSD) (to Bloomberg)", "Tuareg rebels (CSP-PSD) (to Bloomberg)"),
    ("Reuters", "Reuters"),
    ("At least 21 people are", None),
    ("the number of the injured has reached 551", None),
    ("it", None),
    ("a statement", None),
    (None, None),
])
def test_claimant_labels_are_clean_noun_phrases(raw, shown):
    """A claimant is shown as its speaker's noun phrase, without lead-ins; a fragment is no speaker."""
    from crosscheck.core.naming import claimant_label
    assert claimant_label(raw) == shown


def test_no_claimant_is_the_outlet_or_unattributed():
    """A figure with no claimant is the outlet's own; without an outlet it is unattributed."""
    from crosscheck.core.naming import claimant_name
    assert claimant_name(None, source(outlet="Devdiscourse")) == "Devdiscourse"
    assert claimant_name("In social networks it", source()) == "social networks"
    assert claimant_name("it", source()) == "unattributed"


@pytest.mark.parametrize("who,shown", [
    ("total@critical condition", "people (total), critical condition"),
    ("total@in valencia", "people (total), in Valencia"),
    ("total@projection", "people (total), projected"),
    ("Malian soldiers", "Malian soldiers"),
])
def test_group_keys_become_words(who, shown):
    """An internal party@scope group key is shown in words."""
    from crosscheck.core.naming import group_label
    assert group_label(who) == shown


def test_group_keys_in_sentences_become_words():
    """A conflict's explanation naming a party@scope group reads in words."""
    from crosscheck.core.naming import readable_keys
    assert readable_keys("2 incompatible pairs about total@critical condition (injured): 10, 13") == \
        "2 incompatible pairs about people (total), critical condition (injured): 10, 13"
    assert readable_keys("pairs about Malian soldiers (killed): 10, 47") == "pairs about Malian soldiers (killed): 10, 47"


def test_devset_shows_no_internal_names():
    """Across every devset event in one corpus, groups, explanations and claimants read as words."""
    import re
    from pathlib import Path

    from crosscheck.core.analysis.pipeline import analyze
    from crosscheck.core.naming import claimant_name, group_label, readable_keys
    from crosscheck.core.reading.ingest import load_corpus
    folders = sorted(str(p.parent) for p in (Path(__file__).parent / "data" / "devset").glob("*/gold.json"))
    corpus = load_corpus(folders)
    a = analyze(corpus.sources, problems=corpus.problems, root=corpus.root)
    sources = {s.id: s for s in a.sources}
    topics = {t.id: t for t in a.topics}
    shown = [readable_keys(x.why) for x in a.conflicts] + [group_label(topics[x.topic].who) for x in a.conflicts]
    assert not [s for s in shown if "@" in s]
    junk = re.compile(r"^(?:it|an|has|earlier|then|what)$|\b(?:are|have been|had been)$|^(?:In|On|Earlier)\b", re.I)
    names = {claimant_name(c.attributed_to, sources[c.source]) for c in a.claims}
    assert not [n for n in names if junk.search(n)]
