"""Accuracy against hand-made gold, with every miss sorted by its cause, for engineers.

usage: .venv/bin/python tests/accuracy_report.py [SET ...] [-v] [--cause NAME]

SET is `seeds`, `devset`, `holdout`, `realdev` (../shared/realdev beside the checkout), a
folder holding event folders with gold.json, or `mixed:SET` (all of SET's events in one folder,
as an archive is loaded; default: seeds devset realdev). The cause table comes
first: every missed and false conflict pair and every missed claim, attributed to one cause
(number not extracted, wrong measure, wrong interval, same quantity split over two topics,
different quantities merged into one, wrong event inside an article, article not linked to the
main event, attribution wrong), so work can start at the largest. Then one row of metrics per
event and a micro-average per set; `-v` lists the items behind each cause (`--cause` keeps one).
The holdout set is for reading scores only: never tune on its details.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path, PurePosixPath

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import _content_words, _disjoint, _node, _spans_by_file, analysis_of, score  # noqa: E402
from devset_report import COLUMNS, _cell, micro_average  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
REALDEV = Path(__file__).resolve().parents[2] / "shared" / "realdev"
SETS = {"seeds": None, "devset": DATA / "devset", "holdout": DATA / "holdout", "realdev": REALDEV}
CAUSES = ("number not extracted", "in page junk", "wrong measure", "wrong interval",
          "same quantity split over two topics", "different quantities merged into one",
          "wrong event inside an article", "article not linked to the main event",
          "not a count (false claim)", "attribution wrong")


_KINDS = {"missed": "missed", "false": "false", "claim": "claim"}
"""An item's first word: a missed conflict pair, a false pair, or a claim (missed or misattributed)."""


def events_of(name: str) -> list[tuple[str, Path, Path]]:
    """(event name, articles folder, gold file) for one set name or folder; `mixed:SET` is every
    event of SET in one folder, as an archive of many events is loaded."""
    if name == "seeds":
        return [("seeds", DATA / "seed_articles", DATA / "seed_gold.json")]
    if name.startswith("mixed:"):
        parts = events_of(name.split(":", 1)[1])
        return [("one folder", *_mixed(parts))] if parts else []
    root = SETS.get(name, Path(name))
    if root is None or not root.is_dir():
        return []
    return [(g.parent.name, g.parent, g) for g in sorted(root.glob("*/gold.json"))]


_MIXED: dict[tuple, tuple[Path, Path]] = {}


def _mixed(events: list[tuple[str, Path, Path]]) -> tuple[Path, Path]:
    """One folder holding every event's articles (`EVENT__file`, as links) and one gold for them
    all: ids, files and topics are made distinct per event, so a topic that mixes two events'
    figures is a false conflict, as it would be for an analyst."""
    key = tuple(e for e, _, _ in events)
    if key in _MIXED:
        return _MIXED[key]
    import atexit
    import shutil
    import tempfile

    top = Path(tempfile.mkdtemp(prefix="crosscheck-mixed-"))
    atexit.register(shutil.rmtree, top, True)
    root = top / "articles"
    root.mkdir()
    combined: dict = {"claims": [], "optional": [], "conflicts": [], "compatible_pairs": [], "same_story": []}
    for event, folder, gold_path in events:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        names = {c["file"] for c in gold["claims"] + gold.get("optional", [])}
        names |= {p.name for p in folder.iterdir() if p.suffix in (".txt", ".html", ".htm", ".md")}
        for n in names:
            if (folder / n).exists():
                (root / f"{event}__{n}").symlink_to((folder / n).resolve())

        def topic(t: str, event: str = event) -> str:
            return f"{t[:2]}{event}/{t[2:]}" if len(t) > 1 and t[1] == "-" else f"{event}/{t}"

        for c in gold["claims"]:
            combined["claims"].append(dict(c, id=f"{event}:{c['id']}", file=f"{event}__{c['file']}",
                                           topic=topic(c["topic"])))
        for c in gold.get("optional", []):
            combined["optional"].append(dict(c, file=f"{event}__{c['file']}"))
        for key_ in ("conflicts", "compatible_pairs"):
            for x in gold.get(key_, []):
                combined[key_].append(dict(x, topic=topic(x["topic"]), a=f"{event}:{x['a']}", b=f"{event}:{x['b']}"))
        for pair in gold.get("same_story", []):
            combined["same_story"].append([f"{event}__{f}" for f in pair])
    gold_file = top / "gold.json"
    gold_file.write_text(json.dumps(combined), encoding="utf-8")
    _MIXED[key] = (root, gold_file)
    return root, gold_file


def _matches(gold: dict, analysis: dict, folder: Path) -> dict[str, dict | None]:
    """predicted claim id -> the scored gold claim it matches (as the scorer matches them)."""
    other = {c["id"] for c in gold["claims"] if c.get("measure") == "other"}
    scored = [c for c in gold["claims"] if c["id"] not in other]
    optional = list(gold.get("optional", [])) + [c for c in gold["claims"] if c["id"] in other]
    spans = _spans_by_file(scored, optional, folder)
    file_of = {s["id"]: PurePosixPath(s["path"]).name for s in analysis["sources"]}
    out = {}
    for p in analysis["claims"]:
        hits = [g for s, e, g in spans.get(file_of.get(p["source"]), ()) if p["start"] < e and s < p["end"]]
        out[p["id"]] = next((g for g in hits if g is not None), None)
    return out


def causes(gold: dict, analysis: dict, folder: Path) -> dict[str, list[str]]:
    """cause -> the items it explains, each a one-line description."""
    match = _matches(gold, analysis, folder)
    file_of = {s["id"]: PurePosixPath(s["path"]).name for s in analysis["sources"]}
    by_node: dict[tuple, list[dict]] = defaultdict(list)
    for p in analysis["claims"]:
        g = match[p["id"]]
        if g is not None:
            by_node[_node(g)].append(p)
    gold_of_node = {}
    for c in gold["claims"]:
        if c.get("measure") != "other":
            gold_of_node.setdefault(_node(c), c)
    junk = _junk_spans(folder, {c["file"] for c in gold["claims"]})
    out: dict[str, list[str]] = defaultdict(list)

    def node_text(n: tuple) -> str:
        g = gold_of_node[n]
        return f"{n[0]} {g['number_text']!r} [{g['low']}, {g['high']}] {g['measure']} {n[1]}"

    def missing(n: tuple) -> str | None:
        if by_node.get(n):
            return None
        g = gold_of_node[n]
        at = _start(g, folder)
        return "in page junk" if any(a <= at < b for a, b in junk.get(g["file"], ())) else "number not extracted"

    m = score(gold, analysis, folder)
    for a, b in m["missed_conflicts"]:
        item = f"{node_text(a)}  <->  {node_text(b)}"
        why = missing(a) or missing(b)
        if why is None:
            pa, pb = by_node[a][0], by_node[b][0]
            ga, gb = gold_of_node[a], gold_of_node[b]
            if pa["measure"] != ga["measure"] or pb["measure"] != gb["measure"]:
                why = "wrong measure"
            elif not _disjoint(pa, pb):
                why = "wrong interval"
            elif pa["event"] != pb["event"]:
                why = "wrong event inside an article" if a[0] == b[0] else "article not linked to the main event"
            else:
                why = "same quantity split over two topics"
        out[why].append("missed pair " + item)
    for a, b in m["false_conflicts"]:
        item = f"{node_text(a)}  <->  {node_text(b)}"
        ga, gb = gold_of_node[a], gold_of_node[b]
        if a[1] == b[1]:
            why = "wrong interval"
        elif _gold_event(ga["topic"]) != _gold_event(gb["topic"]):
            why = "wrong event inside an article" if a[0] == b[0] else "article not linked to the main event"
        else:
            why = "different quantities merged into one"
        out[why].append("false pair " + item)
    for x, y in m["unmatched_conflict_pairs"]:
        out["not a count (false claim)"].append(f"false pair {x[0]}:{x[1]} {x[2]!r}  <->  {y[0]}:{y[1]} {y[2]!r}")
    for n in gold_of_node:
        why = missing(n)
        if why:
            out[why].append("claim missed " + node_text(n))
    for p in analysis["claims"]:
        g = match[p["id"]]
        if g is not None and g.get("attributed_to") and not (
                _content_words(g["attributed_to"]) & _content_words(p.get("attributed_to"))):
            out["attribution wrong"].append(
                f"claim {file_of[p['source']]} {p['number_text']!r}: gold {g['attributed_to']!r}, got {p.get('attributed_to')!r}")
    return out


def _gold_event(topic: str) -> str:
    """The event of a gold topic: devset and seeds prefix a letter ('B-dead'), realdev marks
    background events 'bg-<event>-<quantity>'; anything else is the main event."""
    if len(topic) > 1 and topic[0].isupper() and topic[1] == "-":
        return topic[0]
    if topic.startswith("bg-"):
        return "bg-" + topic.split("-")[1]
    return "A"


def _start(claim: dict, folder: Path) -> int:
    if "number_start" in claim:
        return claim["number_start"]
    text = (folder / claim["file"]).read_text(encoding="utf-8")
    return text.find(claim["quote"]) + claim["quote"].find(claim["number_text"])


def _junk_spans(folder: Path, files: set[str]) -> dict[str, list[tuple[int, int]]]:
    """file -> spans of its page junk and meta blocks, in the file's own offsets."""
    from crosscheck.core.reading.ingest import source_from_text

    out = {}
    for name in files:
        s = source_from_text(name, (folder / name).read_text(encoding="utf-8"))
        out[name] = [(s.to_original(b.start), s.to_original(b.end)) for b in s.blocks if b.kind in ("junk", "meta")]
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=["seeds", "devset", "realdev"])
    parser.add_argument("-v", action="store_true", help="list the items behind each cause")
    parser.add_argument("--cause", help="with -v: list only this cause (a prefix is enough)")
    args = parser.parse_args(argv)
    table: Counter = Counter()
    items: dict[str, list[str]] = defaultdict(list)
    rows = []
    for name in args.sets:
        found = events_of(name)
        if not found:
            print(f"{name}: no gold folders found", file=sys.stderr)
            continue
        metrics = []
        for event, folder, gold_path in found:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            analysis = analysis_of(folder)
            m = score(gold, analysis, folder)
            metrics.append(m)
            rows.append((f"{name}/{event}" if name != "seeds" else "seeds", m))
            for cause, got in causes(gold, analysis, folder).items():
                for x in got:
                    table[(name, cause, _KINDS[x.split(" ")[0]])] += 1
                items[cause] += [f"[{event}] {x}" for x in got]
        if len(metrics) > 1:
            rows.append((f"{name} micro-avg ({len(metrics)})", micro_average(metrics)))
    names = [n for n in args.sets if events_of(n)]
    print("cause (missed pairs / false pairs / claims)".ljust(40) + "".join(f"{n:>18}" for n in names))
    for cause in CAUSES:
        cells = ["/".join(str(table[(n, cause, k)]) for k in ("missed", "false", "claim")) for n in names]
        print(f"{cause:<40}" + "".join(f"{c:>18}" for c in cells))
    print()
    width = max(len(n) for n, _ in rows)
    print(f"{'event':<{width}}  " + "  ".join(f"{title:>10}" for _, title in COLUMNS))
    for name, m in rows:
        print(f"{name:<{width}}  " + "  ".join(f"{_cell(m, key):>10}" for key, _ in COLUMNS))
    if args.v:
        for cause in CAUSES:
            if args.cause and not cause.startswith(args.cause):
                continue
            if items[cause]:
                print(f"\n== {cause} ({len(items[cause])})")
                for x in items[cause]:
                    print("  " + x)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
