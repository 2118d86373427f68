"""Splits readable text into sentences with their offsets.

A claim's event, claimant and group are read from its sentence, so a split in the wrong place
(after "Gen." or "U.S.") detaches a figure from the words that explain it. Each of a page's
blocks is one line (headlines, bullets and captions stand on lines of their own), so a line
break inside a block is a hard-wrapped paragraph or a sentence the page broke over a blank
line, and the sentence reads on across it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "cpl", "pvt", "adm", "gov",
    "sen", "rep", "st", "mt", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "inc", "ltd", "co", "corp",
    "approx", "est", "prof", "rev", "fr", "jr", "sr", "al",
}
_WORD_BEFORE = re.compile(r"([\w.]+)\.*$")
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    """Index of the block the sentence belongs to: sentences of one line share it."""


def split(text: str, start: int, end: int, paragraph: int = 0) -> list[Sentence]:
    """Sentences of `text[start:end]`, offsets into `text`, whitespace trimmed."""
    out: list[Sentence] = []
    seg_start = start
    chunk = text[start:end]
    for m in _END.finditer(chunk):
        stop = start + m.end()
        if m.group()[0] == ".":
            # the word before the stop, read from a bounded window: searching the whole prefix
            # made splitting quadratic in the paragraph's length (an abbreviation is short)
            before = _WORD_BEFORE.search(chunk[max(0, m.start() - 64): m.start() + 1].rstrip("."))
            word = before.group(1).lower() if before else ""
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
        _add(out, text, seg_start, stop, paragraph)
        seg_start = stop
    _add(out, text, seg_start, end, paragraph)
    return out


def _add(out: list[Sentence], text: str, a: int, b: int, paragraph: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Sentence(a, b, text[a:b], paragraph))
