"""How fast, and in how much memory, crosscheck analyses a large corpus.

usage: .venv/bin/python benchmarks/analyze_bench.py [--sizes 1000 10000] [--profile] [--no-trace]
       [--timeout 900] [--trace-budget 120]

A synthetic corpus of N articles (~3,000 characters each) is recombined from the real sentences
of the seed and devset articles, shuffled with a fixed seed and with their numbers varied so the
claims differ, each page dressed with a title and the junk lines of a scraped page. Everything
stays in memory (`crosscheck.core.reading.ingest.source_from_text`), so the figures are the pipeline's, not the
disk's. Each size runs in a fresh process, so `ru_maxrss` is that size's own peak; a second,
traced pass gives the tracemalloc peak (tracing slows Python about 3x, so it is not timed, and
is skipped when the timed pass took over --trace-budget seconds). A size that takes longer than
--timeout is stopped and reported as a bound, with the stage it reached, so one command always
finishes. Seconds per stage (from `analyze`'s progress calls) show where the time goes.

Beside it, one naive compiled regex (a count followed by a people noun) runs over the same texts:
the ratio shows what the pipeline's extra understanding costs. The growth factor is
(time at the largest size / time at the smallest) / (size ratio): 1.0 is linear, and n log n
from 1,000 to 10,000 allows up to log(10,000)/log(1,000) = 1.33.
"""
from __future__ import annotations

import argparse
import cProfile
import html
import json
import math
import pstats
import random
import re
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crosscheck.core.analysis.pipeline import analyze  # noqa: E402
from crosscheck.core.reading.ingest import source_from_text  # noqa: E402

DATA = ROOT / "tests" / "data"
SEED = 20241121
ARTICLE_CHARS = 3000
TARGETS = {"articles_per_second": 500, "seconds_at_10000": 20, "peak_mb": 1024, "growth": "<= n log n"}

_SENTENCE = re.compile(r"\S.*?[.!?][\"”’)]?(?=\s+[\"“A-Z0-9]|\s*$)")
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)
_NAIVE = re.compile(
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
    r"|forty|fifty|hundred|dozens|hundreds|thousands)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:people|persons|civilians|soldiers|troops|fighters|militants|mercenaries|residents|villagers"
    r"|migrants|victims|children|women|men|police(?:men)?|officers|protesters|worshippers|bodies)\b",
    re.I)
"""The baseline: one pass of one regex, the least any people-count extractor must do."""

JUNK_TOP = ["Home | World | Africa | Asia | Europe | Video", "Skip to main content", "Advertisement",
            "Share on Facebook  Share on X  Email", "Sign up for our newsletter", "Menu  Search  Log in"]
JUNK_BOTTOM = ["Related stories", "Read more: {}", "© 2024 The Daily Wire Service. All rights reserved.",
               "Comments (12)", "TRENDING", "1", "{}", "2", "{}", "Privacy Policy | Terms of Use | Contact us"]


def real_sentences() -> list[str]:
    """Every sentence of the seed and devset articles, 40 to 400 characters long."""
    files = sorted((DATA / "seed_articles").glob("*.txt"))
    files += sorted(p for p in (DATA / "devset").glob("*/*") if p.suffix in (".txt", ".html", ".md"))
    out = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            text = html.unescape(_TAG.sub("\n", text))
        for line in text.splitlines():
            out += [s for s in _SENTENCE.findall(line) if 40 <= len(s) <= 400]
    return out


def _vary(sentence: str, rng: random.Random) -> str:
    """The sentence with each count moved by up to ±40% (years are left alone)."""
    def move(m: re.Match) -> str:
        n = int(m.group().replace(",", ""))
        if 1900 <= n <= 2100 or n == 0:
            return m.group()
        moved = max(1, round(n * rng.uniform(0.6, 1.4)))
        return f"{moved:,}" if "," in m.group() else str(moved)
    return _NUMBER.sub(move, sentence)


def synthetic_corpus(n: int, seed: int = SEED) -> list[tuple[str, str]]:
    """`n` (path, text) pages of about ARTICLE_CHARS characters, the same for the same seed."""
    rng = random.Random(seed)
    sentences = real_sentences()
    pages = []
    for i in range(n):
        title = rng.choice(sentences).rstrip(".")[:90]
        lines = [rng.choice(JUNK_TOP), rng.choice(JUNK_TOP), "", title, "",
                 f"By Staff Reporter | Updated: 2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", ""]
        size = sum(map(len, lines))
        while size < ARTICLE_CHARS - 300:
            paragraph = " ".join(_vary(rng.choice(sentences), rng) for _ in range(rng.randint(2, 4)))
            lines += [paragraph, ""]
            size += len(paragraph) + 1
        lines += [j.format(rng.choice(sentences)[:80]) for j in rng.sample(JUNK_BOTTOM, 5)]
        pages.append((f"{i:05d}_synthetic.txt", "\n".join(lines) + "\n"))
    return pages


STAGES = ["ingest", "extract", "segment", "link + claimants", "topics + same-story + conflicts"]
"""The pipeline's stages as `analyze` reports its progress (each ends where the next begins)."""


def run_pipeline(pages: list[tuple[str, str]], marks: dict[str, float] | None = None, log: bool = True):
    """Ingest of the in-memory pages and the full analysis: what `crosscheck analyze` does.

    `marks` receives the time.perf_counter() at the end of each stage of STAGES.
    """
    marks = {} if marks is None else marks
    ends_at = {"linking events": "segment", "grouping topics": "link + claimants",
               "done": "topics + same-story + conflicts"}

    def mark(stage: str) -> None:
        marks[stage] = time.perf_counter()
        if log:
            print(f"    {len(pages):,}: {stage} done at {marks[stage] - marks['start']:.1f} s", file=sys.stderr, flush=True)

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "extracting claims" and done == total:
            mark("extract")
        elif stage in ends_at:
            mark(ends_at[stage])

    marks["start"] = time.perf_counter()
    sources = [source_from_text(path, text, id=f"s{i}") for i, (path, text) in enumerate(pages, 1)]
    mark("ingest")
    return analyze(sources, root="synthetic", progress=progress)


def run_baseline(pages: list[tuple[str, str]]) -> int:
    return sum(len(_NAIVE.findall(text)) for _, text in pages)


def measure(n: int, trace_budget: float) -> dict:
    """One size's figures (run in a fresh process so ru_maxrss belongs to this size alone).

    The traced pass runs only when the timed one took at most `trace_budget` seconds: tracing
    makes the pipeline about three times slower.
    """
    pages = synthetic_corpus(n)
    start = time.perf_counter()
    baseline_matches = run_baseline(pages)
    baseline_seconds = time.perf_counter() - start
    marks: dict[str, float] = {}
    start = time.perf_counter()
    analysis = run_pipeline(pages, marks)
    seconds = time.perf_counter() - start
    claims = len(analysis.claims)
    del analysis
    ends = [marks["start"]] + [marks.get(stage, start) for stage in STAGES]
    row = {"n": n, "chars": sum(len(t) for _, t in pages), "seconds": seconds, "claims": claims,
           "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # KiB on Linux
           "tracemalloc_mb": None, "baseline_seconds": baseline_seconds,
           "baseline_matches": baseline_matches,
           "stages": {stage: ends[i + 1] - ends[i] for i, stage in enumerate(STAGES)}}
    print(json.dumps(row), flush=True)  # the parent keeps this line if the traced pass times out
    if seconds <= trace_budget:
        tracemalloc.start()
        run_pipeline(pages, log=False)
        row["tracemalloc_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return row


def profile(n: int, top: int = 15) -> None:
    pages = synthetic_corpus(n)
    profiler = cProfile.Profile()
    profiler.runcall(run_pipeline, pages)
    print(f"\ncProfile of the pipeline on {n:,} articles, top {top} by cumulative time:")
    pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats("cumulative").print_stats(top)


def revision() -> str:
    """Which code was measured: the git commit, and whether core/ has uncommitted changes."""
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run(git + ["rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(git + ["status", "--porcelain", "core"], capture_output=True, text=True).stdout.strip()
    return f"commit {head or '?'}{' + uncommitted core/ changes' if dirty else ''}"


def report(rows: list[dict], timeout: float) -> None:
    print(f"{'articles':>8} {'MB text':>8} {'seconds':>8} {'art/s':>8} {'claims':>8} {'maxrss MB':>10} "
          f"{'traced MB':>10} {'regex art/s':>12} {'regex hits':>10} {'ratio':>7}")
    for r in rows:
        if r["seconds"] is None:
            print(f"{r['n']:>8,} {'':>8} {'>' + str(round(timeout)):>8} {'<' + str(round(r['n'] / timeout)):>8}"
                  "   (stopped at the --timeout; see the stage it reached above)")
            continue
        rate, regex_rate = r["n"] / r["seconds"], r["n"] / max(r["baseline_seconds"], 1e-9)
        traced = "-" if r["tracemalloc_mb"] is None else f"{r['tracemalloc_mb']:.0f}"
        print(f"{r['n']:>8,} {r['chars'] / 1e6:>8.1f} {r['seconds']:>8.2f} {rate:>8.0f} {r['claims']:>8,} "
              f"{r['maxrss_mb']:>10.0f} {traced:>10} {regex_rate:>12,.0f} {r['baseline_matches']:>10,} "
              f"{regex_rate / rate:>6.0f}x")
    done = [r for r in rows if r["seconds"] is not None]
    if done:
        print("\nseconds per stage:\n" + f"{'articles':>8} " + " ".join(f"{s:>{max(len(s), 8)}}" for s in STAGES))
        for r in done:
            print(f"{r['n']:>8,} " + " ".join(f"{r['stages'][s]:>{max(len(s), 8)}.2f}" for s in STAGES))
    if any(r["tracemalloc_mb"] is None for r in done):
        print("(traced MB '-': the timed pass took over --trace-budget seconds, or the traced pass over --timeout)")
    print(f"\ntargets: >= {TARGETS['articles_per_second']} articles/s on one core; 10,000 articles in "
          f"< {TARGETS['seconds_at_10000']} s; peak < {TARGETS['peak_mb']} MB; growth no worse than n log n")
    small, big = rows[0], rows[-1]
    if big["n"] > small["n"] and small["seconds"]:
        seconds, bound = (big["seconds"], "") if big["seconds"] is not None else (timeout, "> ")
        growth = (seconds / small["seconds"]) / (big["n"] / small["n"])
        allowed = math.log(big["n"]) / math.log(small["n"])
        print(f"growth factor {small['n']:,} -> {big['n']:,}: {bound}{growth:.2f} "
              f"(1.00 = linear, n log n allows {allowed:.2f}) {'ok' if growth <= allowed else 'SUPER-LINEAR'}")
    verdicts = [f"rate {'ok' if r['n'] / r['seconds'] >= TARGETS['articles_per_second'] else 'BELOW'} at {r['n']:,}"
                for r in done]
    verdicts += [f"memory {'ok' if max(r['maxrss_mb'], r['tracemalloc_mb'] or 0) < TARGETS['peak_mb'] else 'OVER'}"
                 f" at {r['n']:,}" for r in done]
    verdicts += [f"10,000 in {r['seconds']:.1f} s {'ok' if r['seconds'] < TARGETS['seconds_at_10000'] else 'OVER'}"
                 for r in done if r["n"] == 10_000]
    verdicts += [f"{r['n']:,} did not finish in {timeout:.0f} s" for r in rows if r["seconds"] is None]
    print("verdict: " + "; ".join(verdicts))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--profile", action="store_true", help="cProfile the smallest size, top 15 functions")
    parser.add_argument("--timeout", type=float, default=900, help="give up on a size after this many seconds")
    parser.add_argument("--trace-budget", type=float, default=120,
                        help="run the (3x slower) tracemalloc pass only when the timed pass took at most this")
    parser.add_argument("--no-trace", action="store_true", help="never run the tracemalloc pass")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    budget = -1.0 if args.no_trace else args.trace_budget
    if args.child:
        print(json.dumps(measure(args.child, budget)))
        return 0
    print(f"crosscheck {revision()}, Python {sys.version.split()[0]}", flush=True)
    rows = []
    for n in sorted(args.sizes):
        cmd = [sys.executable, __file__, "--child", str(n), "--trace-budget", str(budget)]
        try:  # the child's own progress goes to stderr, live
            out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, timeout=args.timeout).stdout
        except subprocess.TimeoutExpired as stopped:
            out = stopped.stdout or b""
        lines = out.decode().splitlines()
        rows.append(json.loads(lines[-1]) if lines else {"n": n, "seconds": None})
    report(rows, args.timeout)
    if args.profile:
        profile(min(args.sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
