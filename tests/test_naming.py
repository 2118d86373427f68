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
