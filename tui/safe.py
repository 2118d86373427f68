"""Untrusted article text made safe to show: never markup, never control sequences.

Every string that came from an article, a file name or a claimant goes through `plain` before it
reaches a widget, so `[bold]` is shown as typed and an ESC byte can never reach the terminal.
"""
from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str | None) -> str:
    """The string with control and bidi-override characters removed (newlines kept)."""
    return _CONTROL.sub("", text or "")


def plain(text: str | None, limit: int | None = None, style: str = "") -> Text:
    """One line of untrusted text as a `Text` (no markup parsing), optionally shortened."""
    one = " ".join(clean(text).split())
    if limit and len(one) > limit:
        one = one[: limit - 1] + "…"
    return Text(one, style=style, no_wrap=False)
