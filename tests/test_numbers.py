"""Number phrases and hedges become the intervals the issue's table specifies."""
import pytest

from crosscheck.core.analysis.numbers import NUMBER_PHRASE, interval_text, overlaps, parse_phrase

CASES = [
    ("seven", 7, 7), ("121", 121, 121), ("1,200", 1200, 1200), ("2.5 million", 2_500_000, 2_500_000),
    ("forty-seven", 47, 47), ("one hundred and twenty", 120, 120), ("a dozen", 12, 12),
    ("half a dozen", 6, 6), ("at least six", 6, None), ("At least half a dozen", 6, None),
    ("20 or more", 20, None), ("more than 80", 81, None), ("over 25", 26, None),
    ("nearly 50", 45, 50), ("almost 1,000", 900, 1000), ("nearly 100", 90, 100),
    ("about 100", 90, 110), ("around 40", 36, 44), ("some 300", 270, 330),
    ("roughly 20", 18, 22), ("approximately 10", 9, 11), ("an estimated 50", 45, 55),
    ("up to 30", None, 30), ("as many as 200", None, 200), ("not more than 15", None, 15),
    ("fewer than 10", None, 9), ("12 to 15", 12, 15), ("between 10 and 20", 10, 20),
    ("five or six", 5, 6), ("10-12", 10, 12), ("dozens", 24, None), ("hundreds", 200, None),
    ("scores", 40, None), ("thousands", 2000, None), ("tens of thousands", 20_000, None),
]


@pytest.mark.parametrize("phrase,low,high", CASES)
def test_phrase_interval(phrase, low, high):
    """Each hedge maps to its documented interval."""
    q = parse_phrase(phrase)
    assert q is not None, phrase
    assert (q.low, q.high) == (low, high)


@pytest.mark.parametrize("text", ["the 13th assault squad", "a 12-year-old boy", "23-11-2024",
                                  "at 23:07 IST", "50% of", "$5 million"])
def test_not_a_count_phrase(text):
    """Ordinals, ages, dates, times, percentages and money are not matched as counts."""
    found = [m.group() for m in NUMBER_PHRASE.finditer(text)]
    assert not [f for f in found if any(ch.isdigit() for ch in f)], found
    digits = "".join(ch for ch in text if ch.isdigit())
    assert [m.group() for m in NUMBER_PHRASE.finditer(f"{digits} people")], "the same digits as a count do match"


def test_overlap_rules():
    """'at least six' agrees with 'seven'; 'five' conflicts with 'at least six'."""
    assert overlaps((6, None), (7, 7))
    assert not overlaps((5, 5), (6, None))
    assert not overlaps((45, 50), (81, None))
    assert overlaps((None, 30), (20, 20))


def test_interval_text():
    """Intervals print compactly, open ends as ∞ or an empty low."""
    assert interval_text(7, 7) == "7"
    assert interval_text(6, None) == "6..∞"
    assert interval_text(None, 50) == "..50"
    assert interval_text(1200, 1500) == "1,200..1,500"


def test_an_estimated_figure_of_is_approximate():
    """'an estimated figure of 280' and 'an estimated toll of 300' are about-hedges, like 'an estimated 280'."""
    from crosscheck.core.analysis.numbers import parse_phrase

    assert (parse_phrase("an estimated figure of 280").low, parse_phrase("an estimated figure of 280").high) == (252, 308)
    assert parse_phrase("an estimated toll of 300").low == 270
