"""Prints every accuracy metric for the seed articles and each devset event, for engineers.

usage: .venv/bin/python tests/devset_report.py [-v]

One row per event plus the micro-average over the devset (counts summed across events before
dividing, so a big event weighs more than a small one). With -v, each event's missed and false
conflicts and claims follow the table, as (file, offset, text), so a change can be aimed at them.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scoring import analysis_of, score  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
COLUMNS = [("claim_precision", "claim P"), ("claim_recall", "claim R"), ("value_accuracy", "value"),
           ("attribution_accuracy", "attrib"), ("conflict_precision", "conf P"),
           ("conflict_recall", "conf R"), ("conflict_f1", "conf F1"), ("same_story", "same story"),
           ("gold_nodes", "nodes"), ("gold_conflicts", "gold conf")]
LISTS = [("missed_conflicts", "missed conflict"), ("false_conflicts", "false conflict"),
         ("unmatched_conflict_pairs", "false conflict (unmatched claim)"),
         ("missed_claims", "missed claim"), ("false_claims", "false claim"), ("wrong_values", "wrong value")]


def events() -> list[tuple[str, Path, Path]]:
    """(name, articles folder, gold file) for the seeds and every devset event with a gold file."""
    found = [("seeds", DATA / "seed_articles", DATA / "seed_gold.json")]
    found += [(g.parent.name, g.parent, g) for g in sorted(DATA.glob("devset/*/gold.json"))]
    return found


def micro_average(results: list[dict]) -> dict:
    """The metrics of several events computed from their summed counts."""
    total = {k: sum(r[k] for r in results) for k in
             ("claims_counted", "claims_matched", "gold_nodes", "nodes_found", "nodes_right_value",
              "attribution_total", "attribution_right", "gold_conflicts", "conflict_tp", "conflict_fp")}
    ratio = lambda n, d, empty=0.0: round(n / d, 3) if d else empty  # noqa: E731
    p = ratio(total["conflict_tp"], total["conflict_tp"] + total["conflict_fp"])
    r = ratio(total["conflict_tp"], total["gold_conflicts"], 1.0)
    return dict(total,
                claim_precision=ratio(total["claims_matched"], total["claims_counted"]),
                claim_recall=ratio(total["nodes_found"], total["gold_nodes"]),
                value_accuracy=ratio(total["nodes_right_value"], total["nodes_found"]),
                attribution_accuracy=ratio(total["attribution_right"], total["attribution_total"], None),
                conflict_precision=p, conflict_recall=r,
                conflict_f1=round(2 * p * r / (p + r), 3) if p + r else 0.0,
                same_story_found=tuple(map(sum, zip(*(x["same_story_found"] for x in results), strict=False))),
                same_story_false=sum(x["same_story_false"] for x in results))


def _cell(metrics: dict, key: str) -> str:
    if key == "same_story":
        found, total = metrics["same_story_found"]
        return f"{found}/{total} +{metrics['same_story_false']}"
    value = metrics[key]
    return "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def _item(item: tuple) -> str:
    """A claim (file, offset, text) as `file:offset text`; a node (file, topic, low, high) likewise."""
    if isinstance(item[0], tuple):
        return "  <->  ".join(map(_item, item))
    if len(item) == 4:
        file, topic, low, high = item
        return f"{file} {topic} [{low}, {high}]"
    file, offset, text = item
    return f"{file}:{offset} {text}"


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    rows, devset = [], []
    for name, folder, gold_path in events():
        metrics = score(json.loads(gold_path.read_text(encoding="utf-8")), analysis_of(folder), folder)
        rows.append((name, metrics))
        if name != "seeds":
            devset.append(metrics)
    if devset:
        rows.append((f"devset micro-avg ({len(devset)})", micro_average(devset)))
    width = max(len(name) for name, _ in rows)
    print(f"{'event':<{width}}  " + "  ".join(f"{title:>10}" for _, title in COLUMNS))
    for name, metrics in rows:
        print(f"{name:<{width}}  " + "  ".join(f"{_cell(metrics, key):>10}" for key, _ in COLUMNS))
    if verbose:
        for name, metrics in rows[:len(rows) - bool(devset)]:
            print(f"\n== {name}")
            for key, label in LISTS:
                for item in metrics[key]:
                    print(f"  {label}: {_item(item)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
