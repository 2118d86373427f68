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
from crosscheck.core.conflict_overview import Overview
from crosscheck.core.index import AnalysisIndex
from crosscheck.core.model import DescriptionConflict
from crosscheck.core.naming import claimant_name, group_label, source_name
from crosscheck.core.review.decisions import Review

from ..safe import plain
from ..verdicts import FIGURE_MARK, NOTE_MARK, verdict_cell

DESCRIPTION_MARK = "¶"
"""The conflicts list's mark for a disagreement in words (numeric ones: ≠ ↻ Σ)."""

SLOT_NAMES = {"perpetrator": "who attacked", "victims": "who the dead were", "target": "what was hit",
              "denial": "denied"}

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


class DescriptionOverview(Overview):
    """A description conflict's row in the conflicts list: its slot, its sides and its voices."""

    def compact(self) -> str:
        n = len(self.figures)
        return f"{n} sides · {self.voices} voice{'s' * (self.voices != 1)}"

    def full(self) -> str:
        return " vs ".join(self.figures)


def overview(ix: AnalysisIndex, x: DescriptionConflict) -> Overview:
    """The conflicts list's row for a description conflict (kind `description`)."""
    voices = {(ix.descriptions[i].claimant or ix.sources[ix.descriptions[i].source].outlet or
               ix.descriptions[i].source).casefold() for i in x.descriptions}
    return DescriptionOverview(conflict=x.id, topic=x.id, event=x.event, kind=x.kind, who=SLOT_NAMES[x.slot],
                               measure="words", figures=x.values, low=None, high=None, open_high=False,
                               voices=len(voices))


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
        words = [f"{group_label(ix.topics[t].who)} {ix.topics[t].measure}" for t in x.topics if t in ix.topics]
        head.append_text(plain(", ".join(words), 80, style="dim"))
    head.append("\n")
    if x.slot == "denial":
        first = ix.descriptions[x.descriptions[0]]
        head.append_text(plain(claimant_name(first.claimant, ix.sources[first.source]) + ": ", 60, style="italic"))
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


def detail(ix: AnalysisIndex, description_id: str) -> Text:
    """The side under the cursor in full: claimant, outlet, date, then the sentence."""
    d = ix.descriptions[description_id]
    s = ix.sources[d.source]
    line = Text()
    line.append_text(plain(claimant_name(d.claimant, s), 80, style="bold"))
    line.append(" in ", style="dim")
    line.append_text(plain(source_name(s, limit=80)))
    line.append(" · ", style="dim")
    line.append(s.published or "no date")
    line.append(" · ", style="dim")
    line.append_text(plain(d.value if d.denies is None else f"{d.value}, denying {d.denies}", 80, style="bold"))
    line.append("\n“")
    line.append_text(plain(d.sentence, 400))
    line.append("”")
    return line


def row_review(ix: AnalysisIndex, x: DescriptionConflict, description_id: str, review: Review) -> Text:
    """The description's verdict and note marks, and ★ when its value is the reviewer's choice."""
    chosen = review.description_conflicts.get(x.id)
    fp = chosen.figure.claim if chosen and chosen.figure else None
    return verdict_cell(review.descriptions.get(description_id),
                        chosen=fp is not None and fp == ix.descriptions[description_id].fingerprint)
