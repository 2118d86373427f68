"""One article's repeated figure folds into one row with a count; different figures never fold."""
from __future__ import annotations

from crosscheck.core.folding import fold
from crosscheck.core.model import Claim

from apps import sample_analysis


def claim(cid: str, source: str = "s1", low: int | None = 7, high: int | None = 7,
          who_said: str | None = None, text: str = "seven", topic: str = "t1") -> Claim:
    return Claim(cid, source, 0, 1, text, "", low, high, "killed", "", who_said, topic=topic)


def test_headline_and_body_fold():
    """The same figure from the same voice in one article is one fold, whatever its case."""
    assert fold([claim("c1", text="Seven"), claim("c2"), claim("c3")]) == [("c1", "c2", "c3")]


def test_different_figures_claimants_articles_or_topics_do_not_fold():
    """Another interval, claimant, article or topic keeps its own row."""
    claims = [claim("c1"), claim("c2", low=7, high=None), claim("c3", who_said="Reuters"),
              claim("c4", source="s2"), claim("c5", topic="t2")]
    assert fold(claims) == [("c1",), ("c2",), ("c3",), ("c4",), ("c5",)]


def test_claimant_spellings_fold():
    """One claimant spelled two ways in one article folds (it is one voice)."""
    claims = [claim("c1", low=50, high=50, who_said="An Al Qaeda affiliate (JNIM)"),
              claim("c2", low=50, high=50, who_said="An affiliate of Al Qaeda (JNIM)")]
    assert fold(claims) == [("c1", "c2")]


def test_sample_african_spectator_sevens_fold():
    """The sample's 'Seven' in headline, standfirst and text of one article is one fold of three."""
    a = sample_analysis()
    by_id = {c.id: c for c in a.claims}
    folds = fold(list(a.claims))
    assert sum(len(ids) for ids in folds) == len(a.claims)
    sevens = [ids for ids in folds if {by_id[i].number_text.lower() for i in ids} == {"seven"} and len(ids) == 3]
    assert len(sevens) == 1 and {by_id[i].attributed_to for i in sevens[0]} == {None}
