"""Type-checks the installed layout: `core/`, `tui/` and `sample_data/` are `crosscheck.*` only
through pyproject's package-dir mapping, which mypy cannot follow, so the namespace is rebuilt
from symlinks in a temporary folder and mypy runs there."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        pkg = Path(tmp) / "crosscheck"
        pkg.mkdir()
        for item in (ROOT / "crosscheck").iterdir():
            if item.suffix == ".py":
                os.symlink(item, pkg / item.name)
        for sub in ("core", "tui", "sample_data"):
            os.symlink(ROOT / sub, pkg / sub)
        cmd = [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "-p", "crosscheck"]
        return subprocess.run(cmd, cwd=tmp).returncode


if __name__ == "__main__":
    sys.exit(main())
