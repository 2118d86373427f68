"""Numbers read right from hostile text (issue 13): figures of any size, thousands grouped by
spaces, "half a million", compound number words, invisible characters inside a figure, and a
long paragraph analysed in time proportional to its length."""
from __future__ import annotations


import pytest
from hypothesis import Phase, example, given, settings
from hypothesis import strategies as st

from crosscheck.core.analysis.pipeline import analyze
from crosscheck.core.reading.ingest import source_from_text



def claims(text: str, path: str = "a.txt"):
    return [(c.number_text, c.low, c.high) for c in analyze([source_from_text(path, text)]).claims]


@settings(phases=[Phase.explicit], database=None, deadline=None)
@example("At least " + "9" * 400 + " soldiers were killed.")
@example("The toll reached " + "1" * 320 + " people, officials said.")
@given(st.text())
def test_digits_beyond_float_range_never_raise(text):
    """A figure with hundreds of digits is read exactly, never an OverflowError."""
    for _, low, high in claims(text):
        assert all(v is None or type(v) is int for v in (low, high))  # exact integers, never floats
    if "9" * 400 in text:
        assert claims(text)[0][1] == int("9" * 400)


@pytest.mark.parametrize("text,path", [
    ("About 2 000 people were killed.", "a.txt"),
    ("About 2\u2009000 people were killed.", "a.txt"),
    ("About 2\u202f000 people were killed.", "a.txt"),
    ("<p>About 2&#x2009;000 people were killed.</p>", "a.html"),
], ids=["space", "thin-space", "narrow-nbsp", "html-entity"])
def test_space_separated_thousands_are_one_figure(text, path):
    """'about 2 000' in all its spellings is about two thousand (1,800..2,200)."""
    assert [(low, high) for _, low, high in claims(text, path)] == [(1800, 2200)]


def test_half_a_million():
    """'half a million' is 500,000."""
    assert [(low, high) for _, low, high in claims("Half a million people were displaced.")] == [(500_000, 500_000)]


def test_number_words_with_thousand_after_hundreds():
    """'nine hundred ninety-nine thousand' is 999,000."""
    found = claims("Nine hundred ninety-nine thousand people were displaced.")
    assert [(low, high) for _, low, high in found] == [(999_000, 999_000)]


@pytest.mark.parametrize("invisible", ["\u200b", "\u200d", "\u2060", "\ufeff"],
                         ids=["zwsp", "zwj", "word-joiner", "zwnbsp"])
def test_invisible_character_inside_a_figure(invisible):
    """An invisible character inside a figure does not change its value."""
    found = claims(f"At least 1{invisible}2 soldiers were killed.")
    assert [(low, high) for _, low, high in found] == [(12, None)]


# The time a long paragraph takes is measured by benchmarks/analyze_bench.py (its layouts table);
# here, that the bounded look-back it relies on still reads every figure.
def test_one_long_paragraph_reads_every_figure_as_paragraphs_do():
    """A 20 KB paragraph yields the same claims as the same sentences one per paragraph."""
    sentences = [f"At least {12 + i} soldiers were killed near Gao on day {i}, the army said." for i in range(260)]
    laid_out = analyze([source_from_text("a.txt", "Gao\n\n" + "\n\n".join(sentences))])
    one_paragraph = analyze([source_from_text("b.txt", "Gao\n\n" + " ".join(sentences))])
    figures = sorted(c.low for c in laid_out.claims)
    assert figures == list(range(12, 272))
    assert sorted(c.low for c in one_paragraph.claims) == figures
    assert {c.attributed_to for c in one_paragraph.claims} == {"the army"}
