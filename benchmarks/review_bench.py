"""How fast reviews are saved, found again and exported.

usage: .venv/bin/python benchmarks/review_bench.py [--articles 2000] [--decisions 200 5000]

Analyses N synthetic articles (the same generator as analyze_bench.py), then prints:
- commit latency of one decision (WAL, synchronous=FULL, one transaction each): median and p95 ms
  over --decisions[0] verdicts, i.e. what stands between a key and its mark on screen;
- one poll for other reviewers' changes when nothing changed (`PRAGMA data_version`), in µs;
- attaching D stored decisions to a fresh analysis (what opening the dashboard costs), for each D,
  with a tenth of them forced onto the slower sentence-matching path;
- exporting Markdown, CSV and JSON with the largest D decisions.

Targets: a decision on screen well under 100 ms after its key (it includes an fsync); attach under
1 s for 5,000 decisions; exports of a 2,000-article review in seconds, not minutes.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from analyze_bench import run_pipeline, synthetic_corpus  # noqa: E402

from crosscheck.core.review.decisions import attach  # noqa: E402
from crosscheck.core.index import AnalysisIndex  # noqa: E402
from crosscheck.core.review.session import Session  # noqa: E402
from crosscheck.core.review.store import Store  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--decisions", type=int, nargs="+", default=[200, 5000])
    args = ap.parse_args()
    t = time.perf_counter()
    analysis = run_pipeline(synthetic_corpus(args.articles))
    ix = AnalysisIndex.build(analysis)
    print(f"{args.articles:,} articles, {len(analysis.claims):,} claims, {len(analysis.topics):,} topics "
          f"(analysed in {time.perf_counter() - t:.1f} s)")
    claims = [c.id for c in analysis.claims]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        session = Session(Store.open(db), ix, "bench")
        lat = []
        for cid in claims[: args.decisions[0]]:
            t = time.perf_counter()
            session.set_verdict(cid, "accepted")
            lat.append((time.perf_counter() - t) * 1000)
        lat.sort()
        print(f"decision commit: median {statistics.median(lat):.2f} ms, p95 {lat[int(len(lat) * .95)]:.2f} ms "
              f"over {len(lat)} decisions")
        polls = []
        for _ in range(1000):
            t = time.perf_counter()
            session.poll()
            polls.append((time.perf_counter() - t) * 1e6)
        print(f"poll with nothing new: median {statistics.median(polls):.0f} µs")
        for n in args.decisions:
            n = min(n, len(claims))
            store = Store.open(db)
            con = store._con
            con.execute("DELETE FROM decisions")
            rows = []
            for i, cid in enumerate(claims[:n]):
                c = ix.claims[cid]
                from crosscheck.core.review.decisions import claim_anchor, claim_key
                anchor = claim_anchor(ix, c)
                if i % 10 == 0:
                    anchor["fingerprint"] = "x" + anchor["fingerprint"]  # re-worded: sentence matching
                rows.append((claim_key(c), "claim", json.dumps(anchor), "accepted", "", None, 1, "b", "2026"))
            con.executemany("INSERT INTO decisions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            t = time.perf_counter()
            review = attach(ix, store.decisions())
            took = time.perf_counter() - t
            print(f"attach {n:,} decisions: {took * 1000:.0f} ms ({len(review.claims):,} found, "
                  f"{len(review.orphans):,} orphaned)")
        try:
            from crosscheck.core.review.export import render
        except ImportError:
            return 0
        for fmt in ("markdown", "csv", "json"):
            t = time.perf_counter()
            text = render(fmt, ix, review)
            print(f"export {fmt}: {time.perf_counter() - t:.2f} s, {len(text) / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
