"""Text from outside made inert before it reaches a terminal: the one home of that rule.

File names, article text, claimants, `sources.toml` titles, notes, reviewer names and config
values all come from people crosscheck does not trust. Printed raw, an ESC or a C1 byte starts
a terminal escape sequence (OSC 0 retitles the window, OSC 52 writes the clipboard, CSI clears
the screen), and a bidi override makes a name read backwards. Every place that prints such text
uses this module:

- `inert` keeps the text readable and shows each dangerous character as a visible escape
  (`\\x1b`, `\\x9b`, `\\u202e`), so a reader sees that something odd was there; this is what
  the command line prints (stderr lines, tables, CSV, Markdown, `history`).
- `strip_controls` drops them instead, for the dashboard, whose article view keeps highlight
  spans aligned piece by piece and shows decoration-free text.
- `inert_json` makes a JSON document printed with `ensure_ascii=False` inert too: `json`
  escapes C0 itself, but not DEL, C1 or the bidi controls. The escapes it adds are standard
  JSON, so a parser reads back exactly the same strings.

It imports nothing from the UI; the characters it treats as unsafe are `UNSAFE`.
"""
from __future__ import annotations

import re

_C0 = r"\x00-\x1f"
"""C0 controls (ESC, BEL, CR...): `json` escapes these itself."""
_OTHER = (
    r"\x7f-\x9f"            # DEL and C1 (CSI 0x9b, OSC 0x9d, ST 0x9c)
    r"\u061c\u200e\u200f"   # bidi marks: Arabic letter mark, LRM, RLM
    r"\u202a-\u202e"        # bidi embeddings and overrides (LRE RLE PDF LRO RLO)
    r"\u2066-\u2069"        # bidi isolates (LRI RLI FSI PDI)
    r"\u200b-\u200d\u2060"  # zero-width space, non-joiner, joiner, word joiner: hide text
    r"\u2028\u2029"         # line and paragraph separators: line breaks a terminal may not show
)
UNSAFE = re.compile(f"[{_C0}{_OTHER}]")
"""Every character that must not reach a terminal as itself."""
_NOT_JSON_ESCAPED = re.compile(f"[{_OTHER}]")


_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escape_char(ch: str) -> str:
    """One character as a visible escape, as Python writes it: `\\n`, `\\x1b`, `\\u202e`."""
    n = ord(ch)
    return _SHORT.get(ch) or (f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}")


def inert(text: str | None, keep: str = "") -> str:
    """`text` with every unsafe character shown as a visible escape (`\\x1b]0;x\\x07`).

    Args:
        text: untrusted text; None reads as "".
        keep: unsafe characters to leave as they are, e.g. "\\n" for a multi-line cell.
    """
    if not text:
        return ""
    if keep:
        return UNSAFE.sub(lambda m: m.group() if m.group() in keep else escape_char(m.group()), text)
    return UNSAFE.sub(lambda m: escape_char(m.group()), text)


def inert_line(text: str | None) -> str:
    """Untrusted text on one line: runs of whitespace (line breaks too) as one space, the rest inert."""
    return inert(" ".join((text or "").split()))


def strip_controls(text: str | None, keep: str = "\t\n") -> str:
    """`text` with every unsafe character removed except those in `keep` (tab and newline)."""
    if not text:
        return ""
    if keep:
        return UNSAFE.sub(lambda m: m.group() if m.group() in keep else "", text)
    return UNSAFE.sub("", text)


def inert_json(document: str) -> str:
    """A JSON text (as `json.dumps(..., ensure_ascii=False)` writes it) with DEL, C1 and the bidi
    and zero-width controls written as `\\uXXXX` escapes. Outside strings JSON is plain ASCII, so
    only string contents change, and only in spelling: parsed, the document is the same."""
    return _NOT_JSON_ESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", document)
