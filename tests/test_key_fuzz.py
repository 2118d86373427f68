"""Key fuzz of the dashboard: thousands of random keys (every binding, navigation keys and
printable text) in bursts, with rapid resizes between 20x5 and 300x100, raise nothing."""
from __future__ import annotations

import random
import string
import unicodedata

import pytest
from textual import events
from textual.keys import _character_to_key, _get_unicode_name_from_key

from crosscheck.tui.app import CrosscheckApp, help_sections

from apps import sample_analysis

NAVIGATION = ["up", "down", "left", "right", "home", "end", "pageup", "pagedown", "enter", "escape", "tab",
              "shift+tab", "backspace", "delete", "space", "ctrl+p", "ctrl+s", "ctrl+z", "ctrl+c", "ctrl+q"]
TEXT = string.ascii_letters + string.digits + string.punctuation + " éß…“”"
KEYS_PER_SEED = 600
BURST = 40
"""Keys sent before the app is let to catch up: input read in one go from a laggy link."""


def _binding_keys() -> list[str]:
    keys = {k.strip() for _, bindings in help_sections() for b in bindings for k in b.key.split(",")}
    return sorted(keys | set(NAVIGATION))


def _key_event(key: str) -> events.Key:
    """A Key event as a terminal driver would make it (as Textual's pilot does)."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(key))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


class FuzzedApp(CrosscheckApp):
    """The dashboard with quitting counted instead of done, so every key of the run is played."""

    quits = 0

    async def action_quit(self) -> None:
        self.quits += 1


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_random_keys_and_resizes_raise_nothing(seed, tmp_path, monkeypatch):
    """KEYS_PER_SEED random keys from the bindings, navigation and text, sent in bursts with
    resizes between 20x5 and 300x100, leave the app running with no exception."""
    monkeypatch.chdir(tmp_path)  # exports and screenshots land here
    rng = random.Random(seed)
    bindings = _binding_keys()
    app = FuzzedApp(analysis=sample_analysis(), db=str(tmp_path / "r.db"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        driver = app._driver
        assert driver is not None
        sent = 0
        while sent < KEYS_PER_SEED:
            for _ in range(BURST):
                key = rng.choice(bindings) if rng.random() < 0.6 else rng.choice(TEXT)
                driver.send_message(_key_event(key))
                sent += 1
            if rng.random() < 0.15:
                for _ in range(rng.randint(1, 4)):  # rapid resizes, the app not waited for between them
                    await pilot.resize_terminal(rng.randint(20, 300), rng.randint(5, 100))
            await pilot.pause()
            assert app._exception is None, f"after {sent} keys (seed {seed})"
            assert app.is_running, f"the app stopped after {sent} keys (seed {seed})"
        await pilot.resize_terminal(20, 5)
        await pilot.resize_terminal(300, 100)
        await pilot.pause()
