"""Fault helpers for the tests: a small filesystem to fill (root only)."""
from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest


@pytest.fixture
def small_disk():
    """A 512 KB tmpfs, mounted for the test (root only)."""
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs for the full-disk test")
    mount = Path(tempfile.mkdtemp(prefix="crosscheck-full-"))
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k,mode=0755", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        mount.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)
        mount.rmdir()


def fill(folder: Path) -> Path:
    """Writes a file until the filesystem is full; the file."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 4096)
        except OSError:
            pass
    with open(filler, "ab", buffering=0) as f:  # the last partial block, byte by byte
        try:
            while True:
                f.write(b"\0")
        except OSError:
            pass
    return filler
