"""Picking a topic's best figure: one of its claims, or a figure typed in with its own bounds."""
from __future__ import annotations

import re
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from crosscheck.core.review.decisions import Decision, Figure
from crosscheck.core.folding import fold
from crosscheck.core.index import AnalysisIndex
from crosscheck.core.naming import claimant_name, group_label, source_name
from crosscheck.core.analysis.numbers import interval_text

from ..safe import plain

OWN, CLEAR = "__own__", "__clear__"


@dataclass(frozen=True)
class FigureChoice:
    figure: Figure | None
    """None: clear the chosen figure."""
    note: str


def parse_bound(text: str) -> int | None:
    """'1,200' or '1 200' -> 1200; '' -> None. Raises ValueError for anything else."""
    t = re.sub(r"[,\s_’']", "", text)
    if not t:
        return None
    if not t.isdigit():
        raise ValueError(text)
    return int(t)


class FigureScreen(ModalScreen[FigureChoice | None]):
    """Lists the topic's claims; enter picks one, the last rows type a figure or clear it."""

    CSS_PATH = "figure.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save figure", priority=True, id="figure.save"),
        Binding("escape", "cancel", "Cancel", priority=True, id="figure.cancel"),
    ]

    def __init__(self, ix: AnalysisIndex, topic_id: str, current: Decision | None,
                 start_claim: str | None = None) -> None:
        super().__init__()
        self.ix = ix
        self.topic = ix.topics[topic_id]
        self.current = current
        self.start_claim = start_claim
        folds = fold([ix.claims[c] for c in self.topic.claims])
        self.picks: list[str] = [ids[0] for ids in folds]
        """The claims listed, in order: the first of each fold of one article's repeats."""
        self._pick_of = {cid: ids[0] for ids in folds for cid in ids}
        self.chosen: str | None = None
        """Claim id picked from the list; None while a typed figure is being entered."""

    def compose(self) -> ComposeResult:
        t = self.topic
        with VerticalScroll(id="figure-box"):
            yield Static(Text.assemble(("Best figure for ", "bold"),
                                       plain(f"{group_label(t.who or 'people')} {t.measure} · {self.ix.event_label(t.event)}", 160)),
                         id="figure-about")
            options = []
            for ids in fold([self.ix.claims[c] for c in t.claims]):  # one article's repeats: one option
                c = self.ix.claims[ids[0]]
                s = self.ix.sources[c.source]
                label = Text.assemble((f"{interval_text(c.low, c.high):>9}  ", "bold"),
                                      plain(f"“{c.number_text}” {source_name(s)} · {claimant_name(c.attributed_to, s)}", 90))
                if len(ids) > 1:
                    label.append(f" ×{len(ids)}", style="bold")
                options.append(Option(label, id=ids[0]))
            options.append(Option(Text("Type a figure of my own…", style="italic"), id=OWN))
            if self.current and self.current.figure:
                options.append(Option(Text("Clear the chosen figure", style="italic"), id=CLEAR))
            yield OptionList(*options, id="figure-options")
            with Horizontal(id="figure-bounds"):
                yield Static("low", classes="bound-label")
                yield Input(placeholder="e.g. 45", id="figure-low", restrict=r"[0-9, ]*")
                yield Static("high", classes="bound-label")
                yield Input(placeholder="same as low", id="figure-high")
            yield Static("why (note)", classes="bound-label")
            area = TextArea(self.current.note if self.current else "", id="figure-note", soft_wrap=True)
            area.cursor_blink = False
            yield area
            yield Static(id="figure-error")
            yield Static(Text("enter pick · ctrl+s save · esc cancel · high: empty = same as low, "
                              "+ = no upper bound", style="dim"), id="figure-help")

    def on_mount(self) -> None:
        for box in self.query(Input):
            box.cursor_blink = False
        options = self.query_one(OptionList)
        start = self.start_claim
        if start is None and self.current and self.current.figure and self.current.figure.claim:
            start = next((c for c in self.topic.claims
                          if self.ix.claims[c].fingerprint == self.current.figure.claim), None)
        current = self.current.figure if self.current else None
        if current is not None:  # the dialog opens on the figure chosen now, bounds filled in
            self._fill(current.low, current.high)
            self.chosen = next((c for c in self.topic.claims
                                if current.claim and self.ix.claims[c].fingerprint == current.claim), None)
        if start in self._pick_of:
            options.highlighted = self.picks.index(self._pick_of[start])
        elif current is not None and not current.claim:
            options.highlighted = len(self.picks)
        note = self.query_one(TextArea)
        note.move_cursor(note.document.end)  # editing a note adds to it, never prepends
        options.focus()

    def _fill(self, low: int | None, high: int | None) -> None:
        self.query_one("#figure-low", Input).value = "" if low is None else str(low)
        self.query_one("#figure-high", Input).value = "+" if high is None else ("" if high == low else str(high))

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        oid = event.option.id
        if oid == CLEAR:
            self.dismiss(FigureChoice(None, self.query_one(TextArea).text))
        elif oid == OWN:
            self.chosen = None
            self.query_one("#figure-low", Input).focus()
        elif oid is not None:
            self.chosen = oid
            c = self.ix.claims[oid]
            self._fill(c.low, c.high)
            self.query_one(TextArea).focus()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if self.chosen and self.focused is event.input:
            self.chosen = None  # editing the bounds turns a picked claim into a typed figure

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "figure-low":
            self.query_one("#figure-high", Input).focus()
        else:
            self.query_one(TextArea).focus()

    def figure(self) -> Figure:
        """The figure on screen; raises ValueError with a message for the reviewer."""
        if self.chosen:
            c = self.ix.claims[self.chosen]
            return Figure(c.low, c.high, c.fingerprint, c.number_text)
        low_text = self.query_one("#figure-low", Input).value
        high_text = self.query_one("#figure-high", Input).value.strip()
        if not low_text.strip() and not high_text:
            raise ValueError("Pick a claim with enter, or type a low figure.")
        try:
            low = parse_bound(low_text)
        except ValueError:
            raise ValueError(f"low must be a whole number, not “{low_text}”") from None
        if high_text in ("+", "∞", "none"):
            high = None
        else:
            try:
                high = parse_bound(high_text) if high_text else low
            except ValueError:
                raise ValueError(f"high must be a whole number, + or empty, not “{high_text}”") from None
        if low is not None and high is not None and high < low:
            raise ValueError(f"high ({high:,}) is below low ({low:,})")
        return Figure(low, high, None, interval_text(low, high))

    def action_save(self) -> None:
        """Saves from a callback queued behind keystrokes already sent to the focused field
        (ctrl+s is a priority binding, handled before them)."""
        if self.focused is not None:
            self.focused.call_later(self._save)
        else:
            self._save()

    def _save(self) -> None:
        if not self.is_current:
            return
        if self.chosen is None and not self.query_one("#figure-low", Input).value.strip() \
                and not self.query_one("#figure-high", Input).value.strip():
            options = self.query_one(OptionList)
            hi = options.highlighted
            if hi is not None and hi < len(self.picks):
                self.chosen = self.picks[hi]  # ctrl+s on a highlighted claim picks it
        try:
            figure = self.figure()
        except ValueError as e:
            self.query_one("#figure-error", Static).update(Text(str(e), style="bold red"))
            return
        self.dismiss(FigureChoice(figure, self.query_one(TextArea).text))

    def action_cancel(self) -> None:
        self.dismiss(None)
