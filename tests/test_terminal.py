"""The installed `crosscheck` in a real terminal (tmux at 80x24): conflicts shown, q exits."""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


def _crosscheck() -> str:
    beside = Path(sys.executable).parent / "crosscheck"
    return str(beside) if beside.exists() else (shutil.which("crosscheck") or "crosscheck")


def _tmux(*args: str) -> str:
    return subprocess.run([TMUX, *args], capture_output=True, text=True, timeout=20).stdout


def _wait_for(session: str, text: str, seconds: float = 20) -> str:
    deadline = time.monotonic() + seconds
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} not on screen:\n{screen}")


def test_conflicts_view_in_tmux_and_q_exits(tmp_path):
    """At 80x24, `c` shows the sample's first conflict with all of 5, 6 and 7 (the detail line
    under the list), every conflict's whole spread, and `q` ends the process."""
    session = f"cc-{uuid.uuid4().hex[:8]}"
    done = tmp_path / "exit-code"
    command = f"{_crosscheck()}; echo $? > {done}"
    _tmux("new-session", "-d", "-s", session, "-x", "80", "-y", "24",
          "env", "TERM=xterm-256color", f"XDG_DATA_HOME={tmp_path / 'data'}",
          f"XDG_CONFIG_HOME={tmp_path / 'config'}", "sh", "-c", command)
    try:
        _wait_for(session, " claims · ")  # the header shows counts once the analysis is in
        _tmux("send-keys", "-t", session, "c")
        screen = _wait_for(session, "[Conflicts]")
        screen = _wait_for(session, "5 vs 6")  # the detail line of the first conflict, under the list
        assert "5 vs 6 vs 6..∞ vs 7" in screen  # the first conflict, every figure of it
        assert "5–7+ · " in screen and "10–47 · 3 voices" in screen and "47–121 · " in screen
        _tmux("send-keys", "-t", session, "q")
        deadline = time.monotonic() + 15
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert done.exists() and done.read_text().strip() == "0"
    finally:
        _tmux("kill-session", "-t", session)
