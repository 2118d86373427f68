"""The project's scorer gives the numbers its definitions promise, and the reference scorer's.

Small hand-made cases pin each definition (a missed claim, a wrong value, a false conflict, an
unmatched claim, optional counts); the reference scorer, when it is present on this machine, is
run on the same cases and on the real analysis of the seed and devset articles.
"""
from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path

import pytest

from scoring import analysis_of, score

DATA = Path(__file__).parent / "data"
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score.py"
"""The shared reference scorer, beside the checkout as CI has it."""

ARTICLES = {
    "a.txt": "Officials said 25 people died.\n"
             "At least 10 people were killed in the attack, police said. Officials said 25 people died.\n"
             "The 2024 attack shocked the town.\n",
    "b.txt": "The army said only 5 people were killed. Another 40 people were injured.\n"
             "The town of 3,000 residents mourned. Several others fled.\n",
}
# (id, file, quote, number_text, low, high, measure, topic, claimant)
GOLD_CLAIMS = [
    ("g1", "a.txt", "At least 10 people were killed", "At least 10", 10, None, "killed", "T-killed", "police"),
    ("g2", "a.txt", "Officials said 25 people died", "25", 25, 25, "killed", "T-killed", "officials"),
    ("g3", "b.txt", "only 5 people were killed", "5", 5, 5, "killed", "T-killed", "the army"),
    ("g4", "b.txt", "Another 40 people were injured", "40", 40, 40, "injured", "T-injured", None),
    ("g5", "b.txt", "town of 3,000 residents", "3,000", 3000, 3000, "other", "T-other", None),
]


def _gold() -> dict:
    claims = []
    for gid, file, quote, number, low, high, measure, topic, claimant in GOLD_CLAIMS:
        start = ARTICLES[file].index(quote) + quote.index(number)
        claims.append({"id": gid, "file": file, "quote": quote, "number_text": number,
                       "number_start": start, "number_end": start + len(number), "low": low,
                       "high": high, "measure": measure, "who": "people", "attributed_to": claimant,
                       "topic": topic})
    return {"claims": claims,
            "optional": [{"file": "b.txt", "quote": "Several others fled", "number_text": "Several"}],
            "conflicts": [{"topic": "T-killed", "a": "g1", "b": "g3"}, {"topic": "T-killed", "a": "g2", "b": "g3"}],
            "same_story": []}


def _claim(pid: str, file: str, number: str, low, high, claimant=None, occurrence: int = -1) -> dict:
    """A predicted claim on the `occurrence`-th (default: last) place `number` appears in `file`."""
    text, at, places = ARTICLES[file], -1, []
    while (at := text.find(number, at + 1)) >= 0:
        places.append(at)
    start = places[occurrence]
    return {"id": pid, "source": {"a.txt": "s1", "b.txt": "s2"}[file], "start": start,
            "end": start + len(number), "number_text": number, "low": low, "high": high,
            "attributed_to": claimant}


def _perfect() -> dict:
    return {"schema": "crosscheck/1",
            "sources": [{"id": "s1", "path": "a.txt", "same_story_as": []},
                        {"id": "s2", "path": "b.txt", "same_story_as": []}],
            "claims": [_claim("p1", "a.txt", "At least 10", 10, None, "Police"),
                       _claim("p2", "a.txt", "25", 25, 25, "Officials"),
                       _claim("p3", "b.txt", "5", 5, 5, "Army"),
                       _claim("p4", "b.txt", "40", 40, 40)],
            "conflicts": [{"id": "x1", "claims": ["p1", "p2", "p3"]}]}


def _missed_claim() -> dict:
    out = _perfect()
    out["claims"] = [c for c in out["claims"] if c["id"] != "p3"]
    out["conflicts"] = [{"id": "x1", "claims": ["p1", "p2"]}]
    return out


def _wrong_value() -> dict:
    out = _perfect()
    out["claims"][0].update(low=11)
    return out


def _false_conflict() -> dict:
    out = _perfect()
    out["conflicts"] = [{"id": "x1", "claims": ["p1", "p2", "p3", "p4"]}]
    return out


def _unmatched_claim() -> dict:
    out = _perfect()
    out["claims"].append(_claim("p5", "a.txt", "2024", 2024, 2024))
    return out


def _unmatched_in_conflict() -> dict:
    out = _unmatched_claim()
    out["conflicts"][0]["claims"].append("p5")
    return out


def _optional_counts() -> dict:
    out = _perfect()
    out["claims"] += [_claim("p6", "b.txt", "Several", 3, None), _claim("p7", "b.txt", "3,000", 3000, 3000)]
    return out


def _wrong_claimant() -> dict:
    out = _perfect()
    out["claims"][2].update(attributed_to="the government")
    return out


def _first_occurrence() -> dict:
    out = _perfect()
    out["claims"][1] = _claim("p2", "a.txt", "25", 25, 25, "Officials", occurrence=0)
    return out


CASES = {"perfect": _perfect, "missed_claim": _missed_claim, "wrong_value": _wrong_value,
         "false_conflict": _false_conflict, "unmatched_claim": _unmatched_claim,
         "unmatched_in_conflict": _unmatched_in_conflict, "optional_counts": _optional_counts,
         "wrong_claimant": _wrong_claimant, "first_occurrence": _first_occurrence}


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _scored(case: str, articles: Path) -> dict:
    return score(_gold(), CASES[case](), articles)


def test_perfect_analysis_scores_one(articles):
    """Every claim, value, claimant and conflict right gives 1.0 everywhere."""
    m = _scored("perfect", articles)
    assert [m[k] for k in ("claim_precision", "claim_recall", "value_accuracy", "attribution_accuracy",
                           "conflict_precision", "conflict_recall", "conflict_f1")] == [1.0] * 7


def test_missed_claim_lowers_recall_and_conflicts(articles):
    """A missed claim costs claim recall and the conflicts it takes part in."""
    m = _scored("missed_claim", articles)
    assert (m["claim_recall"], m["claim_precision"], m["conflict_recall"]) == (0.75, 1.0, 0.0)
    assert len(m["missed_conflicts"]) == 2 and m["missed_claims"][0][0] == "b.txt"


def test_wrong_interval_lowers_value_accuracy(articles):
    """A claim found with the wrong interval still counts as found but not as right-valued."""
    m = _scored("wrong_value", articles)
    assert (m["claim_recall"], m["value_accuracy"], m["conflict_f1"]) == (1.0, 0.75, 1.0)


def test_disjoint_claims_of_different_topics_in_one_group_are_false_conflicts(articles):
    """Grouping an injured count with death counts adds one false pair per disjoint partner."""
    m = _scored("false_conflict", articles)
    assert (m["conflict_precision"], m["conflict_recall"], m["conflict_f1"]) == (0.5, 1.0, 0.667)
    assert len(m["false_conflicts"]) == 2


def test_unmatched_claim_lowers_precision(articles):
    """A predicted claim on no gold number counts against claim precision only."""
    m = _scored("unmatched_claim", articles)
    assert (m["claim_precision"], m["claim_recall"], m["conflict_f1"]) == (0.8, 1.0, 1.0)
    assert m["false_claims"] == [("a.txt", ARTICLES["a.txt"].index("2024"), "2024")]


def test_unmatched_claim_in_a_conflict_group_is_a_false_pair(articles):
    """Each disjoint pair with an unmatched member is one false positive (2024 vs 25 and vs 5)."""
    m = _scored("unmatched_in_conflict", articles)
    assert (m["conflict_tp"], m["conflict_fp"], m["conflict_precision"]) == (2, 2, 0.5)


def test_optional_and_other_counts_cost_nothing(articles):
    """Reporting a vague count or a measure-`other` count changes no metric."""
    assert _scored("optional_counts", articles) == _scored("perfect", articles)


def test_attribution_needs_a_shared_content_word(articles):
    """'the government' for 'the army' is wrong; 'Army' for 'the army' is right."""
    assert _scored("wrong_claimant", articles)["attribution_accuracy"] == 0.667


def test_any_occurrence_of_the_quote_matches(articles):
    """A claim on an earlier repeat of the gold quote matches that gold claim."""
    assert _scored("first_occurrence", articles) == _scored("perfect", articles)


# -- agreement with the reference scorer --------------------------------------------------------

@pytest.fixture(scope="module")
def reference():
    if not REFERENCE.exists():
        pytest.skip(f"reference scorer not present at {REFERENCE}")
    spec = importlib.util.spec_from_file_location("reference_score", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _compare(reference, gold: dict, analysis: dict, articles: Path, tmp_path: Path) -> None:
    gold_path, analysis_path = tmp_path / "gold.json", tmp_path / "analysis.json"
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    analysis_path.write_text(json.dumps(analysis), encoding="utf-8")
    theirs, missed, false = reference.main(gold_path, analysis_path, articles)
    ours = score(copy.deepcopy(gold), analysis, articles)
    ours_like_theirs = {k: ours[k] for k in theirs if k in ours}
    ours_like_theirs["same_story_found"] = "%d/%d" % ours["same_story_found"]
    ours_like_theirs["predicted_conflict_pairs"] = ours["conflict_tp"] + ours["conflict_fp"]
    assert ours_like_theirs == theirs
    assert set(map(frozenset, ours["missed_conflicts"])) == set(missed)
    assert set(map(frozenset, ours["false_conflicts"])) == set(false)


@pytest.mark.parametrize("case", CASES)
def test_reference_agrees_on_hand_made_case(reference, case, articles, tmp_path_factory):
    """The reference scorer gives the same numbers on each hand-made case."""
    _compare(reference, _gold(), CASES[case](), articles, tmp_path_factory.mktemp("json"))


def _real_events() -> list:
    events = [pytest.param(DATA / "seed_articles", DATA / "seed_gold.json", id="seeds")]
    events += [pytest.param(g.parent, g, id=g.parent.name) for g in sorted(DATA.glob("devset/*/gold.json"))]
    return events


@pytest.mark.parametrize("articles_dir, gold_path", _real_events())
def test_reference_agrees_on_real_analysis(reference, articles_dir, gold_path, tmp_path):
    """Both scorers give the same numbers for the real analysis of the seed and devset articles."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    _compare(reference, gold, analysis_of(articles_dir), articles_dir, tmp_path)
