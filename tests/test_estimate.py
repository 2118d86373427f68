"""The estimate counts voices, not spellings, and says why: the basis and a wide-spread warning."""
from __future__ import annotations

import pytest

from crosscheck.core.analysis.voices import claimant_key, voice_key
from crosscheck.core.estimate import Basis, basis, basis_text, spread_warning
from crosscheck.core.index import AnalysisIndex
from crosscheck.core.model import Claim

from apps import sample_analysis


def topic_about(ix: AnalysisIndex, who: str):
    return next(t for t in ix.analysis.topics if t.who == who)


@pytest.mark.parametrize("a,b", [
    ("An Al Qaeda affiliate (JNIM)", "An affiliate of Al Qaeda (JNIM)"),
    ("JNIM", "An Al Qaeda affiliate (JNIM)"),
    ("The Kenya Red Cross", "the Kenya Red Cross"),
    ("Tuareg rebels (CSP-PSD) (to Bloomberg)", "Tuareg rebels (CSP-PSD)"),
    ("KNCHR (Kenya National Commission on Human Rights)", "KNCHR"),
])
def test_one_claimant_spelled_two_ways_is_one_voice(a, b):
    """Spellings the resolver named alike, or differing only in case and articles, are one voice."""
    assert claimant_key(a) == claimant_key(b)


def test_different_claimants_and_outlets_are_different_voices():
    """Two claimants, or two outlets' own unattributed figures, are two voices; copies share one."""
    assert claimant_key("Reuters") != claimant_key("Bloomberg")
    c = Claim("c1", "s1", 0, 1, "6", "", 6, 6, "killed", "", None)
    d = Claim("c2", "s2", 0, 1, "6", "", 6, 6, "killed", "", None)
    assert voice_key(c, {"s1": 0, "s2": 1}) != voice_key(d, {"s1": 0, "s2": 1})
    assert voice_key(c, {"s1": 0, "s2": 0}) == voice_key(d, {"s1": 0, "s2": 0})


def test_malian_soldiers_best_is_not_skewed_by_a_second_spelling():
    """The sample's Malian soldiers: JNIM (three claims, two spellings) and the rebels are two voices."""
    ix = AnalysisIndex.build(sample_analysis())
    t = topic_about(ix, "Malian soldiers")
    b = basis(ix, t.id)
    assert dict(b.voices) == {"CSP-PSD": "47", "JNIM": "10"}
    assert t.best == 28  # the midpoint of 10 and 47; counting JNIM twice gave 10
    assert basis_text(b) == "best 28: midpoint of 2 voices — CSP-PSD 47, JNIM 10"


def test_basis_names_voices_highest_first():
    """The basis line names the method, the count and each voice's figure, highest first."""
    b = Basis(6, "median", (("JNIM", "7"), ("Reuters", "7"), ("Bloomberg", "6"), ("local official", "5"),
                            ("SITE", "5")), 5, 7)
    assert basis_text(b) == "best 6: median of 5 voices — JNIM 7, Reuters 7, Bloomberg 6, local official 5, SITE 5"


def test_wide_spread_is_warned():
    """Figures spanning more than ten times get a warning; 5 to 7 does not."""
    assert spread_warning(Basis(20, "median", (), 3, 224)).startswith("figures span 75× (3 to 224)")
    assert spread_warning(Basis(6, "median", (), 5, 7)) is None
    assert spread_warning(Basis(0, "median", (), 0, 5)) is None  # a zero counts as one: 5×
    assert spread_warning(Basis(0, "median", (), 0, 11)) is not None


def test_memo_says_why_best_is_best():
    """The Markdown memo gives each conflict topic's basis for its best figure."""
    from crosscheck.core.review.decisions import Review
    from crosscheck.core.review.export import to_markdown
    memo = to_markdown(AnalysisIndex.build(sample_analysis()), Review(), generated="2026-01-01T00:00:00Z")
    assert "- **Why this best:** best 28: midpoint of 2 voices — CSP-PSD 47, JNIM 10" in memo
