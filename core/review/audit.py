"""The audit trail in words: one stored change (`store.AuditEntry`) as a reviewer reads it.

The store keeps old and new values as text (a figure as JSON); a screen wants "10..12 “10 to 12”",
"“checked with the desk”" or "resolved". These functions only format: the values stay untrusted
text, so callers still render them as plain text.
"""
from __future__ import annotations

import json

from .decisions import Figure
from .progress import WORDS

FIELD_WORDS = {"verdict": "verdict", "note": "note", "figure": "best figure", "state": "review state"}


def value_text(field: str, value: str | None) -> str:
    """A stored value for a person: '—' for none, a figure as its interval and words, a note quoted."""
    if value is None or value == "":
        return "—"
    if field == "figure":
        try:
            fig = Figure.from_dict(json.loads(value))
        except (ValueError, TypeError, AttributeError):
            return value
        if fig is None:
            return "—"
        typed = f" “{fig.text}”" if fig.text and fig.text != str(fig) else ""
        return f"{fig}{typed}"
    if field == "note":
        return f"“{' '.join(value.split())}”"
    if field == "state":
        return WORDS.get(value, value)
    return value


def when_text(at: str) -> str:
    """'2024-11-25T10:02:11.123Z' -> '2024-11-25 10:02Z' (UTC, to the minute)."""
    return at[:16].replace("T", " ") + ("Z" if at.endswith("Z") else "")
