"""The code gates run in the suite: ruff and the type checker pass over the whole repository."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    """`ruff check .` (configured in pyproject.toml) reports no finding."""
    result = _run("-m", "ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_type_checker_finds_nothing():
    """`scripts/typecheck.py` (mypy over the installed namespace) reports no error."""
    result = _run("scripts/typecheck.py")
    assert result.returncode == 0, result.stdout + result.stderr
