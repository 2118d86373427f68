"""The `crosscheck` command: the dashboard by default, `analyze` for headless output.

    crosscheck [PATH ...] [--db FILE] [--read-only]   open the dashboard (no PATH: the bundled sample)
    crosscheck analyze [PATH ...] --format json|table|csv [-o FILE] [--max-size SIZE] [--jobs N | --scheduler ADDRESS]
    crosscheck export [PATH ...] [--db FILE] --format markdown|csv|json [-o FILE] [--max-size SIZE]
                      [--jobs N | --scheduler ADDRESS]
    crosscheck history [PATH ...] [--db FILE] [--format table|json] [--limit N]

Exit codes: 0 ok, 1 nothing could be analysed, a review database given with --db could not be
read, the Dask scheduler given with --scheduler could not be used, or output failed; 2 usage
error. `analyze` and `export` read the articles on every core (`--jobs`) or on a Dask cluster
(`--scheduler`), with the `[aliases]` and `[measures]` of the user's config.toml, as the
dashboard does. Problems with single files go to stderr, one line each, and never stop the run. `export` and `history` only ever read the review database. Everything
printed that came from outside (file names, titles, notes, reviewer names) is made inert first
(`core.text_safety`); writing goes through `output.emit` (whole files, no tracebacks).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Sequence
from typing import TextIO

from .output import emit, say as _say
from crosscheck.core.text_safety import inert_line
from datetime import UTC

COMMANDS = ("analyze", "export", "history")


def _analyze_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="crosscheck analyze",
        description="Extract every people-count claim from a folder of articles, group claims about "
                    "the same quantity of the same event, and report where sources disagree.",
    )
    _paths_argument(p, "article files or folders (.txt, .md, .html), searched recursively; none: the bundled sample")
    p.add_argument("--format", "-f", choices=("json", "table", "csv"), default="table",
                   help="json: the crosscheck/1 schema; table: readable tables; csv: one row per claim "
                        "(default: table)")
    _output_options(p, "do not report unreadable files or progress on stderr")
    _max_size_option(p)
    _where_options(p)
    return p


def _paths_argument(p: argparse.ArgumentParser, help: str) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH", help=help)


def _output_options(p: argparse.ArgumentParser, quiet: str) -> None:
    """--output and --quiet, which every command that writes a document takes."""
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--quiet", "-q", action="store_true", help=quiet)


DEFAULT_MAX_SIZE = 10_000_000
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*", re.IGNORECASE)


def _max_size_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-size", type=_byte_size, default=DEFAULT_MAX_SIZE, metavar="SIZE",
                   help="skip articles larger than SIZE, in bytes or with a unit: 500KB, 50MB, 1GB "
                        "(default: 10MB)")


def _byte_size(text: str) -> int:
    """`--max-size`: "50MB", "50m", "500 KB", "1.5GB" or a number of bytes (units are powers of 1000)."""
    m = _SIZE.fullmatch(text)
    if not m or float(m.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"expected a size such as 50MB, 500KB or 2000000, got {text!r}")
    return int(float(m.group(1)) * {"": 1, "k": 1e3, "m": 1e6, "g": 1e9}[m.group(2).lower()])


_ADDRESS = re.compile(r"(?:(?:tcp|tls|ws|wss|ucx)://)?(?:\[[0-9A-Fa-f:.]+\]|[\w.-]+):\d{1,5}")


def _address(text: str) -> str:
    if not _ADDRESS.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(f"expected a Dask scheduler address like tcp://HOST:PORT, got {text!r}")
    return text.strip()


def _where_options(p: argparse.ArgumentParser) -> None:
    """--jobs and --scheduler: where the per-article work runs."""
    where = p.add_mutually_exclusive_group()
    where.add_argument("--jobs", "-j", type=_positive, metavar="N",
                       help="worker processes reading and analysing articles (default: one per core; "
                            "1: no workers, all in this process). The output is the same for any N")
    where.add_argument("--scheduler", type=_address, metavar="ADDRESS",
                       help="run the per-article work on the workers of a running Dask scheduler, e.g. "
                            "tcp://10.0.0.5:8786 (needs crosscheck[cluster]; the files are read here and "
                            "their text sent, so workers need crosscheck installed, not the files)")


class _Progress:
    """One self-rewriting line on stderr while the articles are read and analysed (a terminal only)."""

    def __init__(self, shown: bool) -> None:
        self.shown, self.last, self.width = shown, 0.0, 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.shown or (now - self.last < 0.1 and done < total):
            return
        self.last = now
        line = f"crosscheck: {stage} {done:,}/{total:,}" if total > 1 else f"crosscheck: {stage}"
        sys.stderr.write("\r" + line.ljust(self.width))
        self.width = len(line)
        sys.stderr.flush()

    def clear(self) -> None:
        if self.shown and self.width:
            sys.stderr.write("\r" + " " * self.width + "\r")
            sys.stderr.flush()


def _analysis(args: argparse.Namespace):
    """The analysis of args.paths with the user's config, or None (said on stderr) when there is none.

    Raises `ClusterError` when --scheduler cannot be used."""
    from crosscheck.core.analysis.pipeline import analyze_paths
    from crosscheck.core.config import load_config

    config, config_problems = load_config()
    for problem in config_problems:
        _say(f"{problem}; analysing with the default settings")
    progress = _Progress(not args.quiet and sys.stderr.isatty())
    try:
        analysis = analyze_paths(args.paths or None, jobs=args.jobs, scheduler=args.scheduler, max_bytes=args.max_size,
                                 aliases=[list(g) for g in config.aliases] or None,
                                 measure_words={k: list(v) for k, v in config.measure_words.items()} or None,
                                 progress=progress)
    finally:
        progress.clear()
    if not args.quiet:
        for trouble in analysis.problems:
            _say(str(trouble))
    if not analysis.sources:
        _say("nothing could be analysed")
        return None
    return analysis


class _Version(argparse.Action):
    """--version, with the version looked up only when asked for (not on every start-up)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from . import __version__
        print(f"crosscheck {__version__}")
        parser.exit()


def _main_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="crosscheck",
        description="A keyboard-driven terminal dashboard that shows where news reports of one event "
                    "disagree.",
        epilog="commands:\n  analyze    headless analysis as JSON, tables or CSV "
               "(crosscheck analyze --help)\n  export     the review (verdicts, chosen figures, notes, "
               "conflicts) as Markdown, CSV or JSON\n  history    every change to the review, who made it "
               "and when\n\nWith no command, opens the dashboard on PATH (no PATH: the bundled sample).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _paths_argument(p, "article files or folders")
    p.add_argument("--db", metavar="FILE", help="the review database (default: one per corpus under "
                                                "$XDG_DATA_HOME/crosscheck/reviews/)")
    p.add_argument("--read-only", action="store_true", help="open the review database read-only: "
                                                            "browse decisions without changing them")
    p.add_argument("--version", action=_Version, help="show the version and exit")
    return p


def analyze_command(argv: Sequence[str]) -> int:
    args = _analyze_parser().parse_args(argv)
    from crosscheck.core.analysis.parallel import ClusterError
    from crosscheck.core.report import to_csv, write_analysis_json

    try:
        analysis = _analysis(args)
    except ClusterError as e:
        _say(str(e))
        return 1
    if analysis is None:
        return 1

    def write(out) -> None:
        if args.format == "json":
            write_analysis_json(analysis, out)
        elif args.format == "csv":
            out.write(to_csv(analysis))
        else:
            from rich.console import Console

            from .table import render
            width = None if out.isatty() else max(80, int(os.environ.get("COLUMNS", "100") or 100))
            render(analysis, Console(file=out, width=width, highlight=False, soft_wrap=False))

    return emit(args.output, write)


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="FILE", help="the review database (default: the corpus's own, under "
                                                "$XDG_DATA_HOME/crosscheck/reviews/); only read, never changed")


def _export_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="crosscheck export",
        description="Write the review of a corpus: per topic each source's figure, claimant, verdict and "
                    "note, the chosen figure, the conflicts, and decisions that no longer match a claim "
                    "(orphaned). See docs/export.md.",
    )
    _paths_argument(p, "article files or folders, as given to the dashboard; none: the bundled sample")
    _db_option(p)
    p.add_argument("--format", "-f", choices=("markdown", "csv", "json"), required=True,
                   help="markdown: a memo for a story; csv: one row per claim for a spreadsheet; "
                        "json: crosscheck/1 plus verdicts")
    _output_options(p, "report only errors on stderr (not unreadable articles, progress or a missing database)")
    _max_size_option(p)
    _where_options(p)
    return p


def _history_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="crosscheck history",
        description="Print the review's audit trail: every change to a verdict, note or chosen figure, "
                    "with its time (UTC), reviewer, and old and new value. Oldest first.",
    )
    _paths_argument(p, "the corpus whose default review database to read; none: the bundled sample")
    _db_option(p)
    p.add_argument("--format", "-f", choices=("table", "json"), default="table",
                   help="table: one line per change (default); json: a list of changes")
    p.add_argument("--limit", "-n", type=_positive, metavar="N", help="only the last N changes")
    return p


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {text!r}")
    return n


def _open_review(db: str | None, paths: Sequence[str]):
    """(store or None, path, problem): the review database opened read-only.

    A missing file gives (None, path, None) when it is the default location (nothing decided yet)
    and a problem when it was named with --db (most likely a typo). Nothing is ever created.
    """
    from pathlib import Path

    from crosscheck.core.review.export import store_problem
    from crosscheck.core.review.store import Store, default_path

    path = Path(db).expanduser() if db is not None else default_path(paths)
    if not path.exists():
        return None, path, (f"{path}: no such review database (check --db)" if db is not None else None)
    store = Store.open(path, read_only=True)
    problem = store_problem(store)
    if problem:
        store.close()
        return None, path, problem
    return store, path, None


def export_command(argv: Sequence[str]) -> int:
    args = _export_parser().parse_args(argv)
    from crosscheck.core.analysis.parallel import ClusterError
    from crosscheck.core.review.decisions import Review, attach
    from crosscheck.core.review.export import render
    from crosscheck.core.index import AnalysisIndex

    store, path, problem = _open_review(args.db, args.paths)
    if problem and args.db is not None:
        _say(problem)
        return 1
    try:
        try:
            analysis = _analysis(args)
        except ClusterError as e:
            _say(str(e))
            return 1
        if analysis is None:
            return 1
        ix = AnalysisIndex.build(analysis)
        review = attach(ix, store.decisions()) if store is not None else Review()
    finally:
        if store is not None:
            store.close()
    if problem:
        _say(f"{problem}; exporting the analysis without decisions")
    elif store is None and not args.quiet:
        _say(f"no decisions recorded for this corpus yet (looked in {path}); exporting the analysis alone")
    text = render(args.format, ix, review, db=str(path) if store is not None else None)

    def write(out: TextIO) -> None:
        out.write(text)

    return emit(args.output, write)


def history_command(argv: Sequence[str]) -> int:
    args = _history_parser().parse_args(argv)
    store, path, problem = _open_review(args.db, args.paths)
    if problem:
        _say(problem)
        return 1
    entries = []
    if store is not None:
        try:
            entries = store.history(limit=args.limit)
        finally:
            store.close()
    if not entries:
        _say(f"no decisions recorded for this corpus yet (looked in {path})")
        if args.format == "table":
            return 0

    def write(out) -> None:
        if args.format == "json":
            doc = {"db": str(path), "entries": [
                {"seq": e.seq, "at": e.at, "reviewer": e.reviewer, "action": e.action, "key": e.key,
                 "kind": e.kind, "label": e.label, "field": e.field,
                 "old": _history_json(e.field, e.old), "new": _history_json(e.field, e.new)}
                for e in entries]}
            from crosscheck.core.report import write_json
            write_json(doc, out)
        else:
            for e in entries:
                out.write(f"{_utc(e.at)}  {_line(e.reviewer)}  {_line(e.action)}  {_line(e.label or e.key)}  "
                          f"{_line(e.field)}: {_history_text(e.field, e.old)} → {_history_text(e.field, e.new)}\n")

    return emit(None, write)


def _utc(at: str) -> str:
    from datetime import datetime
    try:
        when = datetime.fromisoformat(str(at).replace("Z", "+00:00"))
    except (ValueError, TypeError):
        return _line(str(at))
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%SZ")


def _line(text: str | None) -> str:
    """Stored text on one terminal line: line breaks shown as ↵, other control characters as escapes."""
    return " ↵ ".join(inert_line(part) for part in (text or "").splitlines() or [""])


def _history_json(field: str, value: str | None):
    if field == "figure" and value:
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _history_text(field: str, value: str | None) -> str:
    if value is None or value == "":
        return "—"
    if field == "figure":
        from crosscheck.core.review.decisions import Figure
        fig = _history_json(field, value)
        if not isinstance(fig, dict):
            return _line(str(fig))
        f = Figure.from_dict(fig)
        if f is None:
            return "—"
        typed = f" “{_line(f.text)}”" if f.text and f.text != str(f) else ""
        return f"{f}{typed}"
    if field == "note":
        return f"“{_line(value)}”"
    return _line(value)


def _check_dashboard_paths(parser: argparse.ArgumentParser, paths: Sequence[str]) -> None:
    """A PATH that does not exist is a usage error (exit 2), not an empty dashboard; one that looks
    like a mistyped command (`crosscheck analyse`) is named as that."""
    import difflib

    for path in paths:
        if os.path.exists(path):
            continue
        shown = inert_line(path)
        near = difflib.get_close_matches(path.lower(), COMMANDS, n=1, cutoff=0.6)
        if near and os.sep not in path and "." not in path:
            parser.error(f"unknown command '{shown}' (did you mean '{near[0]}'? commands: {', '.join(COMMANDS)})")
        parser.error(f"{shown}: no such file or folder")


def dashboard_command(argv: Sequence[str]) -> int:
    parser = _main_parser()
    args = parser.parse_args(argv)
    _check_dashboard_paths(parser, args.paths)
    from crosscheck.tui.app import run
    return run(args.paths, db=args.db, read_only=args.read_only)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            return {"analyze": analyze_command, "export": export_command,
                    "history": history_command}[argv[0]](argv[1:])
        return dashboard_command(argv)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
