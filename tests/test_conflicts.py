"""Topics group one quantity; conflicts are incompatible figures, revisions or bad totals."""
from __future__ import annotations

from crosscheck.core.analysis.pipeline import analyze
from crosscheck.core.reading.ingest import source_from_text

DISPUTE = (
    "Seven Guards Killed in Prison Attack\n\nSeven guards were killed when gunmen attacked the prison in Kotoko on Thursday.\n",
    "Prison attack in Kotoko\n\nAt least five guards died in Thursday's attack on the Kotoko prison, the ministry said. "
    "A union official said nine guards were killed.\n",
)


def test_incompatible_figures_conflict(analyse):
    """'seven' and 'nine' conflict; 'at least five' agrees with both."""
    a = analyse(*DISPUTE, published=["2024-05-03", "2024-05-03"])
    assert len(a.conflicts) == 1
    x = a.conflicts[0]
    values = {c.id: c.low for c in a.claims}
    assert {tuple(sorted((values[p], values[q]))) for p, q in x.pairs} == {(7, 9)}
    assert x.kind == "dispute"


def test_civilians_and_soldiers_are_different_topics(analyse):
    """Different groups of one event are never compared."""
    a = analyse("Attack on base\n\nFour soldiers and 12 civilians were killed in the attack on the base on Monday.\n")
    assert len({c.topic for c in a.claims}) == 2
    assert a.conflicts == ()


def test_internal_total_smaller_than_parts(analyse):
    """A total smaller than its stated parts is an internal conflict."""
    a = analyse("Clashes\n\nRebels said a total of 50 people were killed: 40 soldiers and 20 militiamen.\n")
    kinds = [x.kind for x in a.conflicts]
    assert "internal" in kinds


def test_revision_by_same_claimant(analyse):
    """The same claimant's later, higher toll is a revision, not a dispute."""
    a = analyse(
        "Quake kills 12\n\nThe earthquake in Herat province killed 12 people on Saturday, the disaster agency said.\n",
        "Quake toll rises\n\nThe toll from Saturday's earthquake in Herat province rose to 27 people killed, the disaster agency said.\n",
        published=["2024-10-05", "2024-10-07"])
    assert [x.kind for x in a.conflicts] == ["revision"]


def test_estimate_low_best_high(analyse):
    """The estimate spans the lowest and highest figures, best in between."""
    a = analyse(*DISPUTE, published=["2024-05-03", "2024-05-03"])
    t = next(t for t in a.topics if len(t.claims) >= 3)
    assert (t.low, t.best, t.high) == (5, 7, 9)
    assert t.independent_sources == 2


def test_same_story_copies_grouped():
    """A lightly rewritten copy of an article is marked as the same story."""
    base = ("Ferry capsizes on Lake Kivu\n\nAt least 40 passengers drowned when an overloaded ferry capsized on Lake Kivu "
            "near Goma on Thursday, provincial authorities said. Rescuers pulled 60 survivors from the water and "
            "searched the shoreline for bodies, while relatives gathered at the Kituku port. The vessel was carrying "
            "traders and farmers heading to a market in Minova, officials said, and life jackets were scarce.\n")
    copy = base.replace("At least 40 passengers drowned", "At least 40 passengers died").replace("gathered", "waited")
    other = ("Protest in Nairobi\n\nPolice arrested 200 protesters in Nairobi on Tuesday during demonstrations "
             "against a finance bill, rights groups said. Tear gas was fired near parliament.\n")
    sources = [source_from_text(f"{n}.txt", t, id=f"s{n}") for n, t in enumerate((base, copy, other), 1)]
    a = analyze(sources)
    same = {s.id: s.same_story_as for s in a.sources}
    assert same["s1"] == ("s2",) and same["s2"] == ("s1",) and same["s3"] == ()


def test_huge_topic_pairs_capped_but_every_disputed_claim_kept():
    """Past MAX_PAIRS the pair list is cut to one per claim; disputed and pairs_total stay exact."""
    from crosscheck.core.analysis import conflicts
    from crosscheck.core.model import Claim, Topic
    claims = {f"c{i}": Claim(f"c{i}", "s1", 0, 1, "x", "x", 5 if i % 2 else 9, 5 if i % 2 else 9,
                             "killed", "people", None, topic="t1") for i in range(400)}
    topic = Topic("t1", "e1", "killed", "people", tuple(claims), 5, 7, 9, 1)
    (x,) = conflicts.find([topic], claims, [])
    assert x.pairs_total == 200 * 200 > conflicts.MAX_PAIRS
    assert len(x.pairs) < conflicts.MAX_PAIRS
    assert set(x.disputed) == set(claims) == {c for p in x.pairs for c in p}
