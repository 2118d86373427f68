"""Scores a `crosscheck/1` analysis against a hand-made gold annotation.

The project keeps its own scorer so its accuracy tests do not depend on a file outside the
repository; it computes the same metrics, with the same definitions, as the shared reference
scorer (`tests/test_scoring.py` checks that the numbers agree):

- Gold claims with measure `other` (people-counts that are neither casualties nor participants)
  join the `optional` vague counts: reporting them costs nothing and earns nothing.
- A predicted claim matches a gold claim when its number span overlaps the gold number inside
  any occurrence of the gold quote in the file (the first such gold claim, in gold order, wins).
- Recall, value accuracy and conflicts count distinct gold nodes (file, topic, low, high), so a
  figure repeated in one article is found once.
- Conflict pairs are the disjoint-interval pairs inside one predicted conflict group; a pair
  with a member that matches no scored gold claim is a false positive, counted once per pair.
- Attribution is right when the predicted claimant shares a content word with the gold one.
"""
from __future__ import annotations

import functools
import itertools
from pathlib import Path, PurePosixPath
from typing import Any

_STOPWORDS = frozenset({"a", "an", "the", "of", "in", "to", "via", "and", "by", "for", "on",
                        "from", "its", "their"})
_INF = float("inf")

Node = tuple  # (file, topic, low, high): one quantity as one article states it


def _interval(low: int | None, high: int | None) -> tuple[float, float]:
    return (-_INF if low is None else low, _INF if high is None else high)


def _disjoint(x: dict, y: dict) -> bool:
    a, b = _interval(x.get("low"), x.get("high")), _interval(y.get("low"), y.get("high"))
    return max(a[0], b[0]) > min(a[1], b[1])


def _content_words(name: str | None) -> set[str]:
    words = {w.strip(".,'\"()").lower() for w in (name or "").split()}
    return words - _STOPWORDS - {""}


def _node(claim: dict) -> Node:
    return (claim["file"], claim["topic"], claim["low"], claim["high"])


def _spans_by_file(scored: list[dict], optional: list[dict], articles_dir: Path) -> dict[str, list]:
    """file -> [(start, end, gold claim or None for optional)], in gold order."""
    spans: dict[str, list] = {}
    texts: dict[str, str] = {}
    for claim, is_scored in [(c, True) for c in scored] + [(c, False) for c in optional]:
        name = claim["file"]
        if name not in texts:
            texts[name] = (articles_dir / name).read_text(encoding="utf-8")
        text, quote = texts[name], claim["quote"]
        shift = quote.find(claim["number_text"])
        at = text.find(quote)
        while at >= 0:
            start = at + shift
            spans.setdefault(name, []).append((start, start + len(claim["number_text"]),
                                               claim if is_scored else None))
            at = text.find(quote, at + 1)
    return spans


def _describe(claim: dict, file: str | None) -> tuple:
    return (file, claim.get("start"), claim.get("number_text") or claim.get("sentence", "")[:60])


def score(gold: dict, analysis: dict, articles_dir: Path) -> dict[str, Any]:
    """Metrics of one analysed event against its gold annotation.

    Args:
        gold: the gold annotation (`claims`, `optional`, `conflicts`, `same_story`, ...).
        analysis: the `crosscheck/1` document of the same articles.
        articles_dir: the folder the gold's `file` names are in (its quotes are searched there).

    Returns:
        The rounded metrics, the raw counts behind them (for micro-averages), and diagnostic
        lists: `missed_conflicts` / `false_conflicts` (pairs of gold nodes), `unmatched_conflict_pairs`,
        `missed_claims`, `false_claims` and `wrong_values` ((file, offset, text) tuples).
    """
    articles_dir = Path(articles_dir)
    other = {c["id"] for c in gold["claims"] if c.get("measure") == "other"}
    scored = [c for c in gold["claims"] if c["id"] not in other]
    optional = list(gold.get("optional", [])) + [c for c in gold["claims"] if c["id"] in other]
    node_of = {c["id"]: _node(c) for c in scored}
    gold_conflicts = {frozenset((node_of[x["a"]], node_of[x["b"]])) for x in gold.get("conflicts", [])
                      if x["a"] not in other and x["b"] not in other}
    gold_nodes = {_node(c) for c in scored}
    spans = _spans_by_file(scored, optional, articles_dir)
    file_of = {s["id"]: PurePosixPath(s["path"]).name for s in analysis["sources"]}

    match: dict[str, dict | None] = {}
    counted: list[dict] = []  # predicted claims that are not optional counts
    for p in analysis["claims"]:
        hits = [g for start, end, g in spans.get(file_of.get(p["source"]), ())
                if p["start"] < end and start < p["end"]]
        real = [g for g in hits if g is not None]
        match[p["id"]] = real[0] if real else None
        if real or not hits:
            counted.append(p)

    found, right_value, attribution = set(), set(), [0, 0]
    false_claims, values_given = [], {}
    for p in counted:
        g = match[p["id"]]
        if g is None:
            false_claims.append(_describe(p, file_of.get(p["source"])))
            continue
        found.add(_node(g))
        values_given.setdefault(_node(g), []).append([p.get("low"), p.get("high")])
        if (p.get("low"), p.get("high")) == (g["low"], g["high"]):
            right_value.add(_node(g))
        if g.get("attributed_to"):
            attribution[0] += 1
            attribution[1] += bool(_content_words(g["attributed_to"]) & _content_words(p.get("attributed_to")))
    matched = len(counted) - len(false_claims)

    by_pid = {p["id"]: p for p in analysis["claims"]}
    predicted_pairs, unmatched_pairs = set(), {}
    for group in analysis.get("conflicts", []):
        members = [by_pid[i] for i in group["claims"] if i in by_pid]
        for x, y in itertools.combinations(members, 2):
            if not _disjoint(x, y):
                continue
            gx, gy = match[x["id"]], match[y["id"]]
            if gx and gy:
                if _node(gx) != _node(gy):
                    predicted_pairs.add(frozenset((_node(gx), _node(gy))))
            else:
                unmatched_pairs.setdefault(frozenset((x["id"], y["id"])), (x, y))
    tp = len(predicted_pairs & gold_conflicts)
    fp = len(predicted_pairs - gold_conflicts) + len(unmatched_pairs)
    conflict_p = tp / (tp + fp) if tp + fp else 0.0
    conflict_r = tp / len(gold_conflicts) if gold_conflicts else 1.0
    conflict_f1 = 2 * conflict_p * conflict_r / (conflict_p + conflict_r) if conflict_p + conflict_r else 0.0

    gold_same = {frozenset(pair) for pair in gold.get("same_story", []) + gold.get("duplicates", [])}
    predicted_same = {frozenset((file_of[s["id"]], file_of[o])) for s in analysis["sources"]
                      for o in s.get("same_story_as", []) if o in file_of and o != s["id"]}

    def ratio(n: int, d: int) -> float:
        return round(n / d, 3) if d else 0.0

    def pair_key(pair: frozenset) -> tuple[Node, ...]:
        return tuple(sorted(pair, key=str))

    return {
        "claim_precision": ratio(matched, len(counted)),
        "claim_recall": ratio(len(found), len(gold_nodes)),
        "value_accuracy": ratio(len(right_value), len(found)),
        "attribution_accuracy": round(attribution[1] / attribution[0], 3) if attribution[0] else None,
        "conflict_precision": round(conflict_p, 3),
        "conflict_recall": round(conflict_r, 3),
        "conflict_f1": round(conflict_f1, 3),
        "same_story_found": (len(gold_same & predicted_same), len(gold_same)),
        "same_story_false": len(predicted_same - gold_same),
        # raw counts, so several events can be micro-averaged
        "claims_counted": len(counted), "claims_matched": matched,
        "gold_nodes": len(gold_nodes), "nodes_found": len(found), "nodes_right_value": len(right_value),
        "attribution_total": attribution[0], "attribution_right": attribution[1],
        "gold_conflicts": len(gold_conflicts), "conflict_tp": tp, "conflict_fp": fp,
        # diagnostics
        "missed_conflicts": sorted((pair_key(x) for x in gold_conflicts - predicted_pairs), key=str),
        "false_conflicts": sorted((pair_key(x) for x in predicted_pairs - gold_conflicts), key=str),
        "unmatched_conflict_pairs": sorted(((_describe(x, file_of.get(x["source"])),
                                             _describe(y, file_of.get(y["source"])))
                                            for x, y in unmatched_pairs.values()), key=str),
        "missed_claims": [_describe_gold(c) for c in _first_per_node(scored) if _node(c) not in found],
        "false_claims": sorted(false_claims, key=str),
        "wrong_values": [_describe_gold(c, f" got {values_given[_node(c)]}") for c in _first_per_node(scored)
                         if _node(c) in found and _node(c) not in right_value],
    }


def _first_per_node(claims: list[dict]) -> list[dict]:
    seen, out = set(), []
    for c in claims:
        if _node(c) not in seen:
            seen.add(_node(c))
            out.append(c)
    return out


def _describe_gold(claim: dict, extra: str = "") -> tuple:
    return (claim["file"], claim.get("number_start"),
            f"{claim['number_text']!r} [{claim['low']}, {claim['high']}] {claim['topic']}{extra}")


@functools.cache
def analysis_of(folder: Path) -> dict:
    """The `crosscheck/1` document of every article in `folder`, analysed once per process."""
    from crosscheck.core.analysis.pipeline import analyze
    from crosscheck.core.reading.ingest import load_corpus
    from crosscheck.core.report import to_json

    corpus = load_corpus([folder])
    return to_json(analyze(corpus.sources, problems=corpus.problems, root=corpus.root))
