"""How description conflicts read in the conflicts view: their row in the list, their summary and
one row per side (source, phrase, value, claimant) in the figures pane.

Description conflicts sit beside the numeric ones with their own mark (`DESCRIPTION_MARK`), and
their rows are reviewed with the same keys as claims: the desk tells a description id (`d…`) from
a claim id (`c…`) and a description conflict (`dx…`) from a topic. Every phrase, value and
claimant is article text: built as `Text`, never markup.
"""
from __future__ import annotations

from rich.text import Text

from crosscheck.core.analysis import labels
from crosscheck.core.index import AnalysisIndex
from crosscheck.core.model import DescriptionConflict
from crosscheck.core.naming import claimant_name, source_name
from crosscheck.core.review.decisions import Review

from ..safe import plain
from ..verdicts import FIGURE_MARK, NOTE_MARK, verdict_cell

DESCRIPTION_MARK = "¶"
"""The conflicts list's mark for a disagreement in words (numeric ones: ≠ ↻ Σ)."""

SLOT_NAMES = {"perpetrator": "who attacked", "victims": "who the dead were", "target": "what was hit",
              "denial": "denied"}

COLUMNS = (("", "mark", 2), ("✓", "review", 3), ("source", "source", 12), ("phrase", "text", 26),
           ("value", "interval", 14), ("claimant", "claimant", 22), ("date", "date", 10))
"""The figures pane's columns for a description conflict (keys shared with the numeric ones)."""


def description_matches(ix: AnalysisIndex, x: DescriptionConflict, needle: str) -> bool:
    """Whether the filter text names the conflict's slot, a value, a claimant, a phrase or an outlet."""
    low = needle.lower()
    if low in f"{x.slot} {SLOT_NAMES[x.slot]} description {' '.join(x.values)} {ix.event_label(x.event)}".lower():
        return True
    for i in x.descriptions:
        d = ix.descriptions[i]
        if low in f"{d.phrase} {d.claimant or ''} {ix.sources[d.source].outlet or ''}".lower():
            return True
    return False


def list_cells(ix: AnalysisIndex, x: DescriptionConflict, review: Review) -> tuple:
    """The conflicts list's cells for a description conflict: mark, review, what, slot, values, event."""
    return (Text(DESCRIPTION_MARK, style="bold"), review_cell(x, review), plain(SLOT_NAMES[x.slot], 40),
            "words", plain(" vs ".join(x.values), 60), x.event)


def review_cell(x: DescriptionConflict, review: Review) -> Text:
    """★ for a chosen value, ✎ for a note, then how many of its descriptions have verdicts."""
    d = review.description_conflicts.get(x.id)
    cell = Text()
    if d and d.figure:
        cell.append(FIGURE_MARK, style="bold")
    if d and d.note:
        cell.append(NOTE_MARK)
    decided = sum(1 for i in x.descriptions if (v := review.descriptions.get(i)) and v.verdict)
    if decided:
        cell.append(str(decided))
    return cell


def summary(ix: AnalysisIndex, x: DescriptionConflict, review: Review) -> Text:
    head = Text()
    head.append(f"{DESCRIPTION_MARK} DESCRIPTION  ", style="bold")
    head.append_text(plain(f"{SLOT_NAMES[x.slot]} · {' vs '.join(x.values)}", 120))
    head.append("\n")
    head.append_text(plain(ix.event_label(x.event)))
    if x.topics:
        head.append("\ncounts with these labels: ", style="dim")
        head.append_text(plain(", ".join(x.topics), 80, style="dim"))
    head.append("\n")
    head.append_text(plain(x.why, 300, style="italic"))
    d = review.description_conflicts.get(x.id)
    if d and d.figure:
        head.append(f"\n{FIGURE_MARK} reviewer's value: ", style="bold")
        head.append_text(plain(d.figure.text, 80))
        head.append(" · ", style="dim")
        head.append_text(plain(d.reviewer, 40, style="dim"))
    if d and d.note:
        head.append(f"\n{NOTE_MARK} ", style="bold")
        head.append_text(plain(d.note, 200, style="italic"))
    return head


def side_marks(ix: AnalysisIndex, x: DescriptionConflict) -> dict[str, str]:
    """Description id -> a letter per side (A, B...) so the sides read without colour: labels on
    one side of their axis share a letter ("mercenaries" and "Wagner Group"); a denial is A and
    what it denies B."""
    sides: dict[str, str] = {}
    letters: dict[str, str] = {}
    for n, i in enumerate(x.descriptions):
        d = ix.descriptions[i]
        label = labels.VICTIM_LABELS.get(d.value.casefold()) or labels.SETTINGS.get(d.value.casefold())
        if x.slot == "denial":
            key = "denial" if n == 0 else "denied"
        else:
            key = label.side if label and label.side else d.value.casefold()
        letters.setdefault(key or "", chr(ord("A") + len(letters) % 26))
        sides[i] = letters[key or ""]
    return sides


def row(ix: AnalysisIndex, x: DescriptionConflict, description_id: str, review: Review, mark: str) -> tuple:
    d = ix.descriptions[description_id]
    s = ix.sources[d.source]
    value = d.value if d.denies is None else f"{d.value} (denies {d.denies})"
    return (Text(mark, style="bold"), row_review(ix, x, description_id, review), plain(source_name(s), 60),
            plain(d.phrase, 80), plain(value, 60), plain(claimant_name(d.claimant, s), 60), s.published or "—")


def row_review(ix: AnalysisIndex, x: DescriptionConflict, description_id: str, review: Review) -> Text:
    """The description's verdict and note marks, and ★ when its value is the reviewer's choice."""
    chosen = review.description_conflicts.get(x.id)
    fp = chosen.figure.claim if chosen and chosen.figure else None
    return verdict_cell(review.descriptions.get(description_id),
                        chosen=fp is not None and fp == ix.descriptions[description_id].fingerprint)
