"""How fast, and in how much memory, crosscheck analyses a large corpus: one core, every core, a cluster.

usage: .venv/bin/python benchmarks/analyze_bench.py [--full] [--sizes N ...] [--machine N] [--jobs N]
       [--no-dask] [--no-big] [--profile] [--timeout S]

Without --full it runs a quick version (growth 500..2,000, the machine at 2,000) in a minute or
two; --full runs the issue's sizes (growth 1,000..16,000, the machine at 10,000, big inputs).

1. One core (in-memory: `ingest.source_from_text` then `pipeline.analyze`, so the figures are
   the pipeline's, not the disk's). Per size, in a fresh process: CPU seconds, articles per
   CPU-second, peak RSS, and a naive one-regex pass over the same texts in the same process
   (the "regex ceiling"); the ratio pipeline/regex is what the target is set on, because it
   survives a noisy machine. Then seconds per stage and the exponents k of time ~ n^k and memory
   ~ n^k fitted by least squares on log-log (memory above an empty run's).
2. The whole machine: the corpus written to a folder and read as `crosscheck analyze` reads it
   (`pipeline.analyze_paths`), with --jobs 1, --jobs all cores, and a local Dask cluster (a
   `dask scheduler` and one single-threaded `dask worker` per core on 127.0.0.1, started by the
   run and counted in its memory). Wall seconds, peak memory of the whole process tree (parent,
   pool workers, scheduler and Dask workers, sampled every 20 ms), and the speed-up. From a
   one-file run of each set-up (its fixed cost) and the big run, Dask's fixed and per-article
   overhead over the pool, and the corpus size from which a cluster of K such machines beats
   this machine's pool.
3. Big inputs (--full, or not --no-big): a folder of 20,000 small files and one 50 MB article,
   with all cores.
4. Layouts: one 400 KB text as paragraphs, as one paragraph and as one line, on one core: the
   time must not depend on where the line breaks fall.

A size still running after --timeout seconds is stopped and reported as a bound. Each row shows
the 1-minute load average after it: above the number of cores, other work shared them and the
wall times (not the CPU-time ratio) are inflated.

The synthetic corpus: N pages of ~3,000 characters recombined from the real sentences of the
seed and devset articles, shuffled with a fixed seed and with their numbers varied so the
claims differ, each dressed with a title and the junk lines of a scraped page.
"""
from __future__ import annotations

import argparse
import cProfile
import html
import json
import math
import os
import pstats
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crosscheck.core.analysis.parallel import default_jobs  # noqa: E402
from crosscheck.core.analysis.pipeline import analyze, analyze_paths  # noqa: E402
from crosscheck.core.reading.ingest import source_from_text  # noqa: E402

DATA = ROOT / "tests" / "data"
SEED = 20241121
ARTICLE_CHARS = 3000
TARGETS = {"ratio": 0.25, "peak_mb": 1024, "machine_seconds": 20, "machine_n": 10_000}

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


# -- the corpus ----------------------------------------------------------------------------------

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


def synthetic_corpus(n: int, seed: int = SEED, chars: int = ARTICLE_CHARS) -> list[tuple[str, str]]:
    """`n` (path, text) pages of about `chars` characters, the same for the same seed."""
    rng = random.Random(seed)
    sentences = real_sentences()
    pages = []
    for i in range(n):
        title = rng.choice(sentences).rstrip(".")[:90]
        lines = [rng.choice(JUNK_TOP), rng.choice(JUNK_TOP), "", title, "",
                 f"By Staff Reporter | Updated: 2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", ""]
        size = sum(map(len, lines))
        while size < chars - 300:
            paragraph = " ".join(_vary(rng.choice(sentences), rng) for _ in range(rng.randint(2, 4)))
            lines += [paragraph, ""]
            size += len(paragraph) + 1
        lines += [j.format(rng.choice(sentences)[:80]) for j in rng.sample(JUNK_BOTTOM, 5)]
        pages.append((f"{i:05d}_synthetic.txt", "\n".join(lines) + "\n"))
    return pages


def write_corpus(pages: list[tuple[str, str]], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path, text in pages:
        (folder / path).write_text(text, encoding="utf-8")
    return folder


# -- measuring -----------------------------------------------------------------------------------

class Stages:
    """Wall seconds per stage, from the pipeline's progress calls: reading files, extracting
    (`read_article`), linking events, then topics, same-story groups and conflicts. With a pool
    the first two overlap; each is counted until the last of its results arrived."""

    ORDER = ["read", "extract", "link", "topics"]
    STARTS = {"linking events": "link", "grouping topics": "topics"}
    ENDS = {"reading articles": "read", "extracting claims": "extract"}

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.marks: dict[str, float] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.perf_counter() - self.start
        if stage in self.ENDS:
            self.marks[self.ENDS[stage] + ".end"] = now
        elif stage in self.STARTS:
            self.marks.setdefault(self.STARTS[stage] + ".start", now)
        elif stage == "done":
            self.marks["topics.end"] = now

    def seconds(self) -> dict[str, float]:
        m = self.marks
        ends = {"read": m.get("read.end", 0.0), "extract": m.get("extract.end", 0.0),
                "link": m.get("topics.start", 0.0), "topics": m.get("topics.end", 0.0)}
        out, last = {}, 0.0
        for name in self.ORDER:
            out[name] = max(0.0, ends[name] - last)
            last = max(last, ends[name])
        return out


class TreeMemory:
    """Peak resident memory of this process and all its descendants, sampled every 20 ms
    (psutil, which Dask brings); without psutil, this process's peak plus the largest child's
    times the number of children, an upper bound."""

    def __init__(self) -> None:
        try:
            import psutil
        except ImportError:
            psutil = None
        self.psutil, self.peak, self.stop = psutil, 0, threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True) if psutil else None
        self.sampled = psutil is not None

    def _tree(self) -> int:
        me = self.psutil.Process()
        total = me.memory_info().rss
        for child in me.children(recursive=True):
            try:
                total += child.memory_info().rss
            except (self.psutil.NoSuchProcess, self.psutil.AccessDenied):
                pass
        return total

    def _sample(self) -> None:
        while not self.stop.wait(0.02):
            self.peak = max(self.peak, self._tree())

    def __enter__(self) -> TreeMemory:
        if self.thread:
            self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        if self.thread:
            self.thread.join()

    def peak_mb(self, children: int) -> float:
        if self.sampled:
            return self.peak / 2**20
        me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return (me + kids * children) / 1024


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run_pipeline(pages: list[tuple[str, str]], stages: Stages | None = None):
    """Ingest of the in-memory pages and the full analysis, in this process."""
    sources = [source_from_text(path, text, id=f"s{i}") for i, (path, text) in enumerate(pages, 1)]
    if stages:
        stages("reading articles", 1, 1)
    return analyze(sources, root="synthetic", progress=stages)


def run_baseline(pages: list[tuple[str, str]]) -> int:
    return sum(len(_NAIVE.findall(text)) for _, text in pages)


def one_core(n: int) -> dict:
    """One size on one core, in memory (run in a fresh process: ru_maxrss is this size's alone)."""
    empty = _rss_mb()
    pages = synthetic_corpus(n)
    cpu = time.process_time()
    hits = run_baseline(pages)
    regex_cpu = time.process_time() - cpu
    stages = Stages()
    cpu, wall = time.process_time(), time.perf_counter()
    analysis = run_pipeline(pages, stages)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {"n": n, "chars": sum(len(t) for _, t in pages), "cpu": cpu, "wall": wall, "claims": len(analysis.claims),
            "regex_cpu": regex_cpu, "regex_hits": hits, "rss_mb": _rss_mb(), "empty_mb": empty,
            "stages": stages.seconds(), "load": os.getloadavg()[0]}


def start_dask(workers: int, folder: Path) -> tuple[str, list[subprocess.Popen], float]:
    """A scheduler and `workers` single-threaded workers on 127.0.0.1; (address, processes, seconds)."""
    from distributed import Client

    start = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="dask-", dir=folder))
    info, log = folder / "scheduler.json", (folder / "dask.log").open("w")
    procs = [subprocess.Popen([sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port", "0",
                               "--no-dashboard", "--scheduler-file", str(info)], stdout=log, stderr=log)]
    try:
        while not (info.exists() and info.read_text().strip().endswith("}")):
            if procs[0].poll() is not None:
                raise RuntimeError("the Dask scheduler did not start; see " + str(folder / "dask.log"))
            time.sleep(0.05)
        address = json.loads(info.read_text())["address"]
        procs += [subprocess.Popen([sys.executable, "-m", "dask", "worker", address, "--nthreads", "1", "--no-nanny",
                                    "--no-dashboard", "--host", "127.0.0.1", "--memory-limit", "0"],
                                   stdout=log, stderr=log) for _ in range(workers)]
        with Client(address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=60)
    except BaseException:
        for p in procs:
            p.kill()
            p.wait()
        raise
    return address, procs, time.perf_counter() - start


def whole_machine(spec: dict) -> dict:
    """One run of `analyze_paths` on a folder: spec = {folder, jobs, dask, max_bytes}."""
    folder, jobs = Path(spec["folder"]), spec["jobs"]
    procs: list[subprocess.Popen] = []
    row = {"jobs": jobs, "dask": spec["dask"]}
    try:
        with TreeMemory() as memory:
            address = None
            if spec["dask"]:
                address, procs, row["cluster_start"] = start_dask(jobs, Path(spec["scratch"]))
            if spec.get("one"):  # the fixed cost: the same run on one file (pool start, or connecting)
                start = time.perf_counter()
                analyze_paths([spec["one"]], jobs=None if address else jobs, scheduler=address)
                row["fixed"] = time.perf_counter() - start
            stages = Stages()
            cpu, wall = time.process_time(), time.perf_counter()
            analysis = analyze_paths([folder], jobs=None if address else jobs, scheduler=address,
                                     max_bytes=spec.get("max_bytes", 10_000_000), progress=stages)
            row["wall"], row["client_cpu"] = time.perf_counter() - wall, time.process_time() - cpu
            row["stages"] = stages.seconds()
            row["articles"], row["claims"] = len(analysis.sources), len(analysis.claims)
            row["problems"] = [str(p) for p in analysis.problems[:3]]
            del analysis
        row["peak_mb"], row["sampled"] = memory.peak_mb(jobs), memory.sampled
        row["load"] = os.getloadavg()[0]
    finally:
        for p in procs:
            p.kill()
        for p in procs:
            p.wait()
    return row


def child(kind: str, arg: str, timeout: float) -> dict | None:
    """Runs one measurement in a fresh process; None when it took longer than `timeout`."""
    cmd = [sys.executable, __file__, "--child", kind, arg]
    try:
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, timeout=timeout).stdout
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out.decode().splitlines()[-1])


def fit_exponent(xs: list[float], ys: list[float]) -> float | None:
    """k in y ~ x^k, least squares on log-log."""
    pts = [(math.log(x), math.log(y)) for x, y in zip(xs, ys, strict=False) if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx, my = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
    sxx = sum((p[0] - mx) ** 2 for p in pts)
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / sxx if sxx else None


def revision() -> str:
    """Which code was measured: the git commit, and whether core/ has uncommitted changes."""
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run(git + ["rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(git + ["status", "--porcelain", "core"], capture_output=True, text=True).stdout.strip()
    return f"commit {head or '?'}{' + uncommitted core/ changes' if dirty else ''}"


# -- reporting -------------------------------------------------------------------------------------

def growth_table(sizes: list[int], timeout: float) -> list[dict]:
    print(f"\n1. one core, in memory (each size in a fresh process)\n"
          f"{'articles':>8} {'MB text':>7} {'CPU s':>7} {'wall s':>7} {'art/CPU-s':>9} {'claims':>8} "
          f"{'peak MB':>8} {'regex art/CPU-s':>15} {'ratio':>6} {'load':>5}", flush=True)
    rows = []
    for n in sizes:
        r = child("one-core", str(n), timeout)
        if r is None:
            print(f"{n:>8,}  did not finish in {timeout:.0f} s", flush=True)
            continue
        rate, regex_rate = n / r["cpu"], n / max(r["regex_cpu"], 1e-9)
        r["ratio"] = rate / regex_rate
        print(f"{n:>8,} {r['chars'] / 1e6:>7.1f} {r['cpu']:>7.2f} {r['wall']:>7.2f} {rate:>9.0f} {r['claims']:>8,} "
              f"{r['rss_mb']:>8.0f} {regex_rate:>15,.0f} {r['ratio']:>6.3f} {r['load']:>5.1f}", flush=True)
        rows.append(r)
    if rows:
        names = list(rows[0]["stages"])
        print("seconds per stage (wall): " + ", ".join(names))
        for r in rows:
            print(f"{r['n']:>8,} " + " ".join(f"{r['stages'].get(s, 0):>8.2f}" for s in names))
        t = fit_exponent([r["n"] for r in rows], [r["cpu"] for r in rows])
        m = fit_exponent([r["n"] for r in rows], [r["rss_mb"] - r["empty_mb"] for r in rows])
        if t is not None and m is not None:
            lo, hi = rows[0]["n"], rows[-1]["n"]
            nlogn = math.log(hi * math.log(hi) / (lo * math.log(lo))) / math.log(hi / lo)
            print(f"fitted exponents {lo:,}..{hi:,}: time ~ n^{t:.2f} (n log n here is n^{nlogn:.2f}), "
                  f"memory above an empty run ~ n^{m:.2f}")
    return rows


def machine_table(n: int, jobs: int, dask: bool, timeout: float, scratch: Path) -> list[dict]:
    folder = write_corpus(synthetic_corpus(n), scratch / f"corpus-{n}")
    print(f"\n2. the whole machine: {n:,} files on disk, analyze_paths as `crosscheck analyze` runs it "
          f"({default_jobs()} cores)\n"
          f"{'how':<22} {'wall s':>7} {'art/s':>7} {'speed-up':>8} {'client CPU s':>12} {'peak MB':>8} {'load':>5}  "
          f"read/extract/link/topics+conflicts s", flush=True)
    runs = [("--jobs 1", 1, False), (f"--jobs {jobs}", jobs, False)]
    if dask:
        runs.append((f"dask, {jobs} workers", jobs, True))
    one = write_corpus(synthetic_corpus(1), scratch / "corpus-1") / "00000_synthetic.txt"
    rows = []
    for label, j, is_dask in runs:
        spec = {"folder": str(folder), "jobs": j, "dask": is_dask, "scratch": str(scratch), "one": str(one)}
        r = child("machine", json.dumps(spec), timeout)
        if r is None:
            print(f"{label:<22}  did not finish in {timeout:.0f} s", flush=True)
            continue
        r["label"], r["n"] = label, n
        base = rows[0]["wall"] if rows else r["wall"]
        mark = "" if r["sampled"] else " (bound)"
        stage_text = "/".join(f"{r['stages'].get(s, 0):.1f}" for s in Stages.ORDER)
        print(f"{label:<22} {r['wall']:>7.2f} {n / r['wall']:>7.0f} {base / r['wall']:>7.2f}x {r['client_cpu']:>12.2f} "
              f"{r['peak_mb']:>8.0f}{mark} {r['load']:>5.1f}  {stage_text}", flush=True)
        if is_dask:
            print(f"{'':<22} (starting the scheduler and {j} workers took {r['cluster_start']:.1f} s more, not counted)")
        rows.append(r)
    return rows


def dask_overhead(rows: list[dict], jobs: int) -> None:
    """Dask's fixed and per-article cost over the pool, and the corpus size from which a cluster pays.

    Fixed costs are measured as a one-file run in the same set-up (a pool starting its workers;
    a client connecting, checking the workers' crosscheck and sending the lexicon); the rest of
    each run's wall time, per article, gives the per-article costs.
    """
    pool = next((r for r in rows if not r["dask"] and r["jobs"] == jobs), None)
    dask = next((r for r in rows if r["dask"]), None)
    serial = next((r for r in rows if r["jobs"] == 1 and not r["dask"]), None)
    if not (pool and dask and serial) or jobs < 2:
        return
    n = pool["n"]
    per_pool, per_dask = (pool["wall"] - pool["fixed"]) / n, (dask["wall"] - dask["fixed"]) / n
    extra = per_dask - per_pool
    print(f"\nDask against the pool, {jobs} workers each, {n:,} articles: {dask['wall'] - pool['wall']:+.1f} s "
          f"({(dask['wall'] / pool['wall'] - 1) * 100:+.0f} %); fixed cost {dask['fixed']:.2f} s against the pool's "
          f"{pool['fixed']:.2f} s (a one-file run); per article {per_dask * 1e3:.2f} ms against {per_pool * 1e3:.2f} ms "
          f"({extra * 1e3:+.2f} ms: the client reads and ships each text, and the scheduler's round trips)")
    # One core's per-article work (reading + read_article), and what a run does serially in the client.
    work = (serial["stages"]["read"] + serial["stages"]["extract"]) / n
    print(f"per article: {work * 1e3:.2f} ms of per-article work on one core; the corpus-wide steps "
          f"(linking, topics, conflicts) take {serial['stages']['link'] + serial['stages']['topics']:.1f} s "
          f"at {n:,} in the client, wherever the rest runs")
    for k in (2, 4, 8):
        # A cluster of k machines like this one: the per-article work spread over k times the workers,
        # the client's share per article as measured on the loopback (more over a slow network).
        saved = work / jobs - work / (jobs * k) - max(extra, 0.0)
        if saved <= 0:
            print(f"a cluster of {k} machines like this one: no faster than this machine's pool at any size "
                  f"(Dask's cost per article exceeds what {k * jobs} workers save)")
            continue
        n_star = max(0.0, dask["fixed"] - pool["fixed"]) / saved
        at = dask["fixed"] + n * (per_dask - work / jobs + work / (jobs * k))
        print(f"a cluster of {k} machines like this one ({k * jobs} workers): pays from about {n_star:,.0f} articles; "
              f"{n:,} would take ~{at:.0f} s against the pool's {pool['wall']:.0f} s")


def big_inputs(jobs: int, timeout: float, scratch: Path) -> None:
    print(f"\n3. big inputs, --jobs {jobs}", flush=True)
    small = scratch / "small-files"
    pages = synthetic_corpus(20_000, chars=600)
    write_corpus(pages, small)
    r = child("machine", json.dumps({"folder": str(small), "jobs": jobs, "dask": False, "scratch": str(scratch)}),
              timeout)
    if r is None:
        print(f"20,000 small files: did not finish in {timeout:.0f} s")
    else:
        print(f"20,000 small files ({sum(len(t) for _, t in pages) / 1e6:.1f} MB): {r['wall']:.1f} s wall, "
              f"peak {r['peak_mb']:.0f} MB, {r['claims']:,} claims")
    one = scratch / "one-big"
    one.mkdir(exist_ok=True)
    text = "".join(t for _, t in synthetic_corpus(50_000_000 // ARTICLE_CHARS + 1))[:50_000_000]
    (one / "big.txt").write_text(text, encoding="utf-8")
    for label, max_bytes in (("refused at the default 10 MB limit", 10_000_000), ("read (limit raised)", 60_000_000)):
        spec = {"folder": str(one), "jobs": jobs, "dask": False, "scratch": str(scratch), "max_bytes": max_bytes}
        r = child("machine", json.dumps(spec), timeout)
        if r is None:
            print(f"one 50 MB article, {label}: did not finish in {timeout:.0f} s")
        else:
            print(f"one 50 MB article, {label}: {r['wall']:.1f} s wall, peak {r['peak_mb']:.0f} MB, "
                  f"{r['claims']:,} claims{'; ' + r['problems'][0] if r['problems'] else ''}")


def layouts(chars: int = 400_000) -> None:
    """The same text laid out as many paragraphs, one paragraph and one line: analysis time must
    not depend on where the line breaks fall (a paragraph of 400 KB once took 44 s, quadratically)."""
    print(f"\n4. one text of {chars // 1000} KB, three layouts (one core)", flush=True)
    sentences = real_sentences()
    rng = random.Random(SEED)
    picked: list[str] = []
    while sum(len(x) + 1 for x in picked) < chars:
        picked.append(_vary(rng.choice(sentences), rng))
    shapes = {"paragraphs of 3 sentences": "\n\n".join(" ".join(picked[i:i + 3]) for i in range(0, len(picked), 3)),
              "one paragraph": " ".join(picked),
              "one line, no breaks at all": " ".join(picked).replace("\n", " ")}
    base = None
    for label, text in shapes.items():
        started = time.perf_counter()
        analysis = analyze([source_from_text("layout.txt", "Layout\n\n" + text)])
        took = time.perf_counter() - started
        base = base or took
        print(f"{label:<28} {took:6.2f} s  {took / base:4.1f}x  {len(analysis.claims):,} claims", flush=True)


def verdict(growth: list[dict], machine: list[dict]) -> None:
    print("\ntargets: one core >= 0.25 of the regex ceiling, peak < 1 GB; growth <= n log n, memory <= linear; "
          "10,000 articles in < 20 s wall on 2 cores, < 1 GB")
    out = []
    for r in growth:
        if r["n"] == 2000 or r is growth[-1]:
            out.append(f"ratio {r['ratio']:.3f} at {r['n']:,} {'ok' if r['ratio'] >= TARGETS['ratio'] else 'BELOW'}")
    if growth:
        out.append(f"one-core peak {max(r['rss_mb'] for r in growth):.0f} MB "
                   f"{'ok' if max(r['rss_mb'] for r in growth) < TARGETS['peak_mb'] else 'OVER'}")
    for r in machine:
        if not r["dask"] and r["jobs"] > 1:
            small = r["peak_mb"] < TARGETS["peak_mb"]
            if r["n"] == TARGETS["machine_n"]:
                fast = "ok" if r["wall"] < TARGETS["machine_seconds"] else "OVER"
            else:
                fast = "not judged: the target is for 10,000 (--full)"
            out.append(f"{r['n']:,} on {r['jobs']} cores {r['wall']:.1f} s {fast}, "
                       f"{r['peak_mb']:.0f} MB {'ok' if small else 'OVER'}")
    print("verdict: " + "; ".join(out))


def profile(n: int, top: int = 15) -> None:
    pages = synthetic_corpus(n)
    profiler = cProfile.Profile()
    profiler.runcall(run_pipeline, pages)
    print(f"\ncProfile of the pipeline on {n:,} articles, top {top} by cumulative time:")
    pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats("cumulative").print_stats(top)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="the issue's sizes: growth 1k..16k, the machine at 10k, "
                                                            "big inputs")
    parser.add_argument("--sizes", type=int, nargs="+", help="one-core sizes (default 500 1000 2000; --full: "
                                                             "1000 2000 4000 8000 16000)")
    parser.add_argument("--machine", type=int, help="whole-machine size (default 2000; --full: 10000)")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="workers (default: every core)")
    parser.add_argument("--no-dask", action="store_true", help="skip the local Dask cluster")
    parser.add_argument("--no-big", action="store_true", help="skip the big inputs (run by --full)")
    parser.add_argument("--profile", action="store_true", help="cProfile the smallest size, top 15 functions")
    parser.add_argument("--timeout", type=float, default=900, help="give up on a run after this many seconds")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, arg = args.child
        print(json.dumps(one_core(int(arg)) if kind == "one-core" else whole_machine(json.loads(arg))))
        return 0
    sizes = sorted(args.sizes or ([1000, 2000, 4000, 8000, 16000] if args.full else [500, 1000, 2000]))
    machine = args.machine or (10_000 if args.full else 2000)
    dask = not args.no_dask
    if dask:
        try:
            import distributed  # noqa: F401
        except ImportError:
            print("(no local Dask cluster: distributed is not installed; pip install 'crosscheck[cluster]')")
            dask = False
    print(f"crosscheck {revision()}, Python {sys.version.split()[0]}, {default_jobs()} cores; 'load' is the "
          f"1-minute load average after each run (above the core count, other work shared the cores)", flush=True)
    scratch = Path(tempfile.mkdtemp(prefix="crosscheck-bench-"))
    try:
        growth = growth_table(sizes, args.timeout)
        rows = machine_table(machine, args.jobs, dask, args.timeout, scratch)
        if dask:
            dask_overhead(rows, args.jobs)
        if args.full and not args.no_big:
            big_inputs(args.jobs, args.timeout, scratch)
        layouts()
        verdict(growth, rows)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if args.profile:
        profile(min(sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
