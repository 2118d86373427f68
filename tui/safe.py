"""Untrusted article text made safe to show: never markup, never control sequences.

Every string that came from an article, a file name or a claimant goes through `plain` before it
reaches a widget, so `[bold]` is shown as typed and an ESC byte can never reach the terminal.
"""
from __future__ import annotations

from rich.text import Text

from crosscheck.core.text_safety import strip_controls


def clean(text: str | None) -> str:
    """The string with control and bidi-override characters removed (newlines kept)."""
    return strip_controls(text)


def plain(text: str | None, limit: int | None = None, style: str = "") -> Text:
    """One line of untrusted text as a `Text` (no markup parsing), optionally shortened."""
    one = " ".join(clean(text).split())
    if limit and len(one) > limit:
        one = one[: limit - 1] + "…"
    return Text(one, style=style, no_wrap=False)
