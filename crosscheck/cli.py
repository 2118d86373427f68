"""The `crosscheck` command: the dashboard by default, `analyze` for headless output.

    crosscheck [PATH ...]                       open the dashboard (no PATH: the bundled sample)
    crosscheck analyze [PATH ...] --format json|table|csv [-o FILE]

Exit codes: 0 ok, 1 nothing could be analysed (or output failed), 2 usage error. Problems with
single files go to stderr, one line each, and never stop the run.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Sequence

from . import __version__

COMMANDS = ("analyze",)


def _analyze_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="crosscheck analyze",
        description="Extract every people-count claim from a folder of articles, group claims about "
                    "the same quantity of the same event, and report where sources disagree.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="article files or folders (.txt, .md, .html), searched recursively; "
                        "none: the bundled sample")
    p.add_argument("--format", "-f", choices=("json", "table", "csv"), default="table",
                   help="json: the crosscheck/1 schema; table: readable tables; csv: one row per claim "
                        "(default: table)")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--quiet", "-q", action="store_true", help="do not report unreadable files on stderr")
    return p


def _main_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="crosscheck",
        description="A keyboard-driven terminal dashboard that shows where news reports of one event "
                    "disagree.",
        epilog="commands:\n  analyze    headless analysis as JSON, tables or CSV "
               "(crosscheck analyze --help)\n\nWith no command, opens the dashboard on PATH "
               "(no PATH: the bundled sample).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    p.add_argument("--version", action="version", version=f"crosscheck {__version__}")
    return p


def analyze_command(argv: Sequence[str]) -> int:
    args = _analyze_parser().parse_args(argv)
    from core.analysis import analyze
    from core.ingest import load_corpus
    from core.report import to_csv, to_json

    corpus = load_corpus(args.paths or None)
    if not args.quiet:
        for problem in corpus.problems:
            print(f"crosscheck: {problem}", file=sys.stderr)
    if not corpus.sources:
        print("crosscheck: nothing could be analysed", file=sys.stderr)
        return 1
    analysis = analyze(corpus.sources, problems=corpus.problems, root=corpus.root)
    try:
        out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    except OSError as e:
        print(f"crosscheck: cannot write {args.output}: {e.strerror}", file=sys.stderr)
        return 1
    try:
        if args.format == "json":
            json.dump(to_json(analysis), out, ensure_ascii=False, indent=1)
            out.write("\n")
        elif args.format == "csv":
            out.write(to_csv(analysis))
        else:
            from rich.console import Console

            from .table import render
            width = None if out.isatty() else max(80, int(os.environ.get("COLUMNS", "100") or 100))
            render(analysis, Console(file=out, width=width, highlight=False, soft_wrap=False))
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def dashboard_command(argv: Sequence[str]) -> int:
    args = _main_parser().parse_args(argv)
    from tui.app import run
    return run(args.paths)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            return {"analyze": analyze_command}[argv[0]](argv[1:])
        return dashboard_command(argv)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
