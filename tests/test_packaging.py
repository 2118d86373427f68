"""A normal (non-editable) install carries every module, stylesheet and the bundled sample."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_dashboard_and_sample(tmp_path):
    """The built wheel holds one top-level package, crosscheck, with core, tui, their .tcss files and the sample."""
    src = tmp_path / "src"  # a clean copy: a stale build/ directory must not hide a missing package
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".venv", "build", "dist", "*.egg-info", "__pycache__",
                                                             ".git", "tests", "benchmarks", ".pytest_cache"))
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps",
                             "-q", "-w", str(tmp_path)], capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        pytest.skip(f"could not build a wheel here: {result.stderr[-300:]}")
    (wheel,) = tmp_path.glob("crosscheck-*.whl")  # written beside src, not inside it
    names = set(zipfile.ZipFile(wheel).namelist())
    for module in ("tui/app.py", "tui/screens/main.py", "tui/screens/help.py", "tui/widgets/article.py",
                   "tui/widgets/virtual_table.py", "core/analysis/pipeline.py", "core/reading/ingest.py",
                   "core/review/store.py", "cli.py"):
        assert f"crosscheck/{module}" in names, module
    for data in ("tui/screens/main.tcss", "tui/screens/help.tcss", "sample_data/articles/sources.toml"):
        assert f"crosscheck/{data}" in names, data
    assert sum(n.startswith("crosscheck/sample_data/articles/") and n.endswith(".txt") for n in names) == 5
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"crosscheck"}, f"site-packages would gain {sorted(tops)}"
