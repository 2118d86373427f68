"""The per-article half of the analysis on every core, or on a Dask cluster.

Reading a file (decoding, HTML, page junk, metadata) and `article.read_article` depend on that
one file alone, so they run in worker processes; the corpus-wide `pipeline.combine` runs in the
calling process. Files go to the workers in chunks, in two rounds:

1. read: a listed file becomes a `Source`, or a `Problem` when it cannot be used;
2. analyse: a `Source` becomes an `Article`.

Round 2 waits for round 1 of the same chunk because source ids ("s1", "s2", ...) number the
files that could be read, and which ones could is known only after reading them. The caller
takes every result in input order whatever order the workers finish in and numbers the sources
itself, so the output is the same bytes as a serial loop's, for any number of workers.

What travels is small and picklable: a chunk of `Listed` files (path and manifest metadata),
their text when the workers cannot see the files (a cluster), the lexicon once per worker,
and the frozen results. From a pool an article comes back without the source the caller
already holds; on a cluster the sources stay on the workers between the rounds.
A worker keeps nothing between tasks.
"""
from __future__ import annotations

import os
from collections import deque
from dataclasses import replace
from typing import Any
from collections.abc import Callable, Iterator, Sequence

from .article import Article, read_article
from .lexicon import Lexicon
from ..model import Problem, Source
from ..reading.ingest import Listed, Listing, fetch, read_listed

Progress = Callable[[str, int, int], None]

POOL_PAYS_FROM = 250
"""Files below which the default (`jobs=None`) reads in this process. Starting a pool (spawning,
importing, warming up its workers) costs about 0.4 s on an idle 2-core machine and over 1 s on a
busy one; 2 workers save about 5 ms an article today (13 ms of one core's work each, less the
pickling), so the pool pays from about 80-250 articles, and from about 400 once the per-article
work is five times faster (issue 9's target). An explicit `jobs` is always honoured."""
MAX_CHUNK = 32
"""Files per task at most: large enough that a task's overhead is lost in its work, small enough
that every worker stays busy to the end and progress moves."""
MAX_BYTES = 10_000_000

Read = list[tuple[Source | None, list[Problem]]]
"""Round 1's result for one chunk: each file's source (id not yet given) or None, and its problems."""


class ClusterError(RuntimeError):
    """The Dask cluster cannot be used: not installed, not reachable, no workers, or workers that
    cannot run crosscheck. The message is one line, for the person who started the run."""


def default_jobs() -> int:
    """The cores this process may run on (its CPU affinity where the system has one)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def read_articles(listing: Listing, lex: Lexicon, *, jobs: int | None = None, scheduler: str | None = None,
                  max_bytes: int = MAX_BYTES, progress: Progress | None = None
                  ) -> tuple[list[Article], list[Problem]]:
    """Reads and analyses every listed file; returns the articles and every problem, in input order.

    Args:
        jobs: worker processes on this machine; None: one per core, or none for a small corpus;
            1: no pool, everything in this process.
        scheduler: a Dask scheduler's address (``tcp://host:port``); the work then runs on its
            workers and `jobs` is ignored. The files are read here and their text shipped.
        max_bytes: files over this size are refused (see `ingest.load_corpus`).
        progress: progress(stage, done, total) for "reading articles" and "extracting claims".
    """
    files = listing.files
    if scheduler is not None:
        runner: _Runner = _Cluster(scheduler, lex, max_bytes)
    else:
        workers = default_jobs() if jobs is None else max(1, jobs)
        if jobs is None and len(files) < POOL_PAYS_FROM:
            workers = 1
        runner = _Pool(workers, lex, max_bytes) if workers > 1 and files else _Serial(lex, max_bytes)
    try:
        return _run(runner, files, listing.problems, listing.manifest_problems, progress)
    finally:
        runner.close()


def _chunks(files: Sequence[Listed], workers: int) -> Iterator[tuple[Listed, ...]]:
    size = max(1, min(MAX_CHUNK, len(files) // (workers * 4)))
    for start in range(0, len(files), size):
        yield tuple(files[start:start + size])


def _run(runner: _Runner, files: Sequence[Listed], before: Sequence[Problem], after: Sequence[Problem],
         progress: Progress | None) -> tuple[list[Article], list[Problem]]:
    problems = list(before)
    chunks = _chunks(files, runner.workers)
    reading: deque[tuple[_Chunk, int]] = deque()
    analysing: deque[Any] = deque()
    articles: list[Article] = []
    window = max(4, runner.workers * 4)  # chunks in flight: enough to keep every worker fed

    def refill() -> None:
        while len(reading) < window and (chunk := next(chunks, None)) is not None:
            reading.append((runner.read(chunk), len(chunk)))

    refill()
    read_so_far = numbered = 0
    while reading:
        chunk, n = reading.popleft()
        found, ok = chunk.summary()
        refill()
        problems += found
        if ok:
            analysing.append(chunk.analyse(numbered + 1))
        numbered += ok
        read_so_far += n
        while analysing and analysing[0].done():  # taken early, so workers need not hold them
            articles += analysing.popleft().result()
        if progress:
            progress("reading articles", read_so_far, len(files))
    while analysing:
        articles += analysing.popleft().result()
        if progress:
            progress("extracting claims", len(articles), numbered)
    if progress and not numbered:
        progress("extracting claims", 0, 0)
    return articles, problems + list(after)


# -- the work, as the workers run it -----------------------------------------------------------

def read_chunk(items: Sequence[Listed], max_bytes: int,
               fetched: Sequence[tuple[str | None, str]] | None = None) -> Read:
    """Round 1: each listed file read (or its already fetched text built) into a Source with no id yet."""
    if fetched is None:
        return [read_listed(item, "", max_bytes=max_bytes) for item in items]
    return [read_listed(item, "", fetched=f) for item, f in zip(items, fetched, strict=True)]


_WORKER_LEXICON: Lexicon | None = None
"""The lexicon of this worker process, installed once when a pool starts it."""


def _install(lex: Lexicon) -> None:
    global _WORKER_LEXICON
    _WORKER_LEXICON = lex


def _numbered(results: Read, first_id: int) -> list[Source]:
    """The sources read in round 1, in order, numbered from `first_id`."""
    sources = [source for source, _ in results if source is not None]
    return [replace(s, id=f"s{first_id + i}") for i, s in enumerate(sources)]


def summarise(results: Read) -> tuple[list[Problem], int]:
    """Round 1 as the caller needs it: every file's problems, and how many sources were read."""
    return [p for _, found in results for p in found], sum(source is not None for source, _ in results)


def analyse_chunk(results: Read, first_id: int, lex: Lexicon | None = None, *,
                  with_source: bool = False) -> list[Article]:
    """Round 2: the sources read in round 1, numbered from `first_id` in order, each analysed.

    Unless `with_source`, the articles come back without their source (`source=None`): a pool's
    caller has it already, and not sending it again saves a third of what travels back."""
    lex = lex if lex is not None else _WORKER_LEXICON
    assert lex is not None, "a pool worker's lexicon is installed when it starts"
    articles = (read_article(s, lex) for s in _numbered(results, first_id))
    return list(articles) if with_source else [replace(a, source=None) for a in articles]  # type: ignore[arg-type]  # re-attached by the caller


# -- where the work runs -------------------------------------------------------------------------

class _Done:
    """A result already computed, answering like a future."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def done(self) -> bool:
        return True

    def result(self) -> Any:
        return self.value


class _Chunk:
    """One chunk of files on its way through the two rounds."""

    def summary(self) -> tuple[list[Problem], int]:
        """Round 1's problems and number of sources read (waits for round 1)."""
        raise NotImplementedError

    def analyse(self, first_id: int) -> Any:
        """Starts round 2; a future whose result is the chunk's articles, sources and all."""
        raise NotImplementedError


class _Runner:
    workers = 1

    def read(self, chunk: tuple[Listed, ...]) -> _Chunk:
        raise NotImplementedError

    def close(self) -> None:
        pass


class _LocalChunk(_Chunk):
    """A chunk whose round-1 result comes back here (in this process, or from a pool), so round 2
    gets the sources sent and the articles can come back without them."""

    def __init__(self, read: Any, analyse: Callable[[Read, int], Any]) -> None:
        self.read, self.submit = read, analyse

    def summary(self):
        self.results: Read = self.read.result()
        return summarise(self.results)

    def analyse(self, first_id):
        return _WithSources(self.submit(self.results, first_id), _numbered(self.results, first_id))


class _WithSources:
    """Articles that came back without their sources, given them again."""

    def __init__(self, future: Any, sources: list[Source]) -> None:
        self.future, self.sources = future, sources

    def done(self) -> bool:
        return self.future.done()

    def result(self) -> list[Article]:
        return [replace(a, source=s) for a, s in zip(self.future.result(), self.sources, strict=True)]


class _Serial(_Runner):
    """Everything in this process, in order: `--jobs 1`, and small corpora by default."""

    def __init__(self, lex: Lexicon, max_bytes: int) -> None:
        self.lex, self.max_bytes = lex, max_bytes

    def read(self, chunk):
        return _LocalChunk(_Done(read_chunk(chunk, self.max_bytes)),
                           lambda results, first: _Done(analyse_chunk(results, first, self.lex)))


class _Pool(_Runner):
    """Worker processes on this machine. They are started fresh (spawn), not forked: the dashboard
    calls this from a thread, and forking a process with threads can deadlock the child."""

    def __init__(self, workers: int, lex: Lexicon, max_bytes: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers, self.max_bytes = workers, max_bytes
        _start_resource_tracker()
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_install, initargs=(lex,))

    def read(self, chunk):
        return _LocalChunk(_Checked(self.pool.submit(read_chunk, chunk, self.max_bytes)),
                           lambda results, first: _Checked(self.pool.submit(analyse_chunk, results, first)))

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _start_resource_tracker() -> None:
    """Starts multiprocessing's resource tracker with a real stderr to hand it.

    The tracker is started with `sys.stderr.fileno()` as its stderr. Inside a Textual app that
    is Textual's capture object, whose fileno() is -1, and starting the pool fails with
    "bad value(s) in fds_to_keep"; so the tracker is started (once a process) with the
    interpreter's own stderr instead, or with none.
    """
    import sys
    from multiprocessing import resource_tracker

    try:
        usable = os.fstat(sys.stderr.fileno()) is not None
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable:
        resource_tracker.ensure_running()
        return
    captured, sys.stderr = sys.stderr, sys.__stderr__
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured


class _Checked:
    """A pool future whose broken pool is reported in words."""

    def __init__(self, future: Any) -> None:
        self.future = future

    def done(self) -> bool:
        return self.future.done()

    def result(self) -> Any:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.future.result()
        except BrokenProcessPool as e:
            raise RuntimeError("a worker process died (out of memory, or killed); try fewer --jobs") from e


class _Cluster(_Runner):
    """The workers of a Dask distributed scheduler. The files are read here, where they were
    listed, and their text travels with the task, so the workers need crosscheck installed and
    nothing else: no shared disk, no same paths."""

    def __init__(self, address: str, lex: Lexicon, max_bytes: int, timeout: float = 10) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise ClusterError("--scheduler needs Dask: pip install 'crosscheck[cluster]'") from None
        self.max_bytes = max_bytes
        _knock(address, timeout)
        try:
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as e:
            raise ClusterError(f"cannot reach the Dask scheduler at {address} ({_one_line(e)})") from None
        try:
            self._check_workers(address, timeout)
            self.lex = self.client.scatter(lex, broadcast=True, hash=False)
        except BaseException:
            self.client.close()
            raise

    def _check_workers(self, address: str, timeout: float) -> None:
        from importlib.metadata import version

        try:
            self.client.wait_for_workers(1, timeout=timeout)
        except TimeoutError:
            raise ClusterError(f"no Dask worker joined the scheduler at {address} within {timeout:.0f} s") from None
        mine = version("crosscheck")
        try:
            theirs = self.client.run(_worker_version)
        except Exception as e:  # noqa: BLE001 - whatever stops a worker from running crosscheck
            raise ClusterError(f"the Dask workers cannot run crosscheck ({_one_line(e)}); "
                               "install it on every worker") from None
        wrong = sorted(f"{w} has {v}" for w, v in theirs.items() if v != mine)
        if wrong:
            raise ClusterError(f"the Dask workers must run crosscheck {mine}: {', '.join(wrong)}")
        self.workers = max(1, sum(self.client.nthreads().values()))

    def read(self, chunk):
        fetched = [fetch(item, self.max_bytes) for item in chunk]
        return _ClusterChunk(self, self.client.submit(read_chunk, chunk, self.max_bytes, fetched, pure=False))

    def close(self) -> None:
        self.client.close()


class _ClusterChunk(_Chunk):
    """A chunk whose sources stay on the cluster between the rounds: only round 1's summary comes
    to the client, and round 2 runs where they are and sends back whole articles, so each text
    travels once each way."""

    def __init__(self, cluster: _Cluster, read: Any) -> None:
        self.cluster, self.read = cluster, read
        self.summarised = cluster.client.submit(summarise, read, pure=False)

    def summary(self):
        return self.summarised.result()

    def analyse(self, first_id):
        future = self.cluster.client.submit(analyse_chunk, self.read, first_id, self.cluster.lex, with_source=True,
                                            pure=False)
        self.read = self.summarised = None  # the cluster may free round 1 once round 2 has it
        return future


def _knock(address: str, timeout: float) -> None:
    """Fails at once, in words, when nothing listens at a TCP address (Dask itself would retry
    until its timeout and then say only that it timed out)."""
    import socket

    scheme, _, rest = address.rpartition("://")
    if scheme not in ("", "tcp"):
        return
    host, _, port = rest.rpartition(":")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except (OSError, ValueError) as e:
        reason = "connection refused" if isinstance(e, ConnectionRefusedError) else _one_line(e)
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({reason})") from None


def _worker_version() -> str:
    from importlib.metadata import version

    return version("crosscheck")


def _one_line(e: BaseException) -> str:
    text = " ".join(str(e).split()) or type(e).__name__
    return text if len(text) <= 200 else text[:197] + "..."
