"""The article pane: the source's text with every claim's figure highlighted where it stands.

Figures in conflict are bold and underlined (red where there is colour), figures that agree are
underlined, and the figure under the cursor is reversed, so all three read without colour. Page
junk is dimmed, or folded into one line with `toggle junk`. The text is built as `Text` from the
plain string with styles applied by span: article text is never parsed as markup.
"""
from __future__ import annotations

from bisect import bisect_left

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from crosscheck.core.index import AnalysisIndex
from crosscheck.core.model import Block, Claim, Source
from crosscheck.core.naming import source_name, source_names

from ..messages import ClaimHighlighted, VerdictRequested
from ..safe import clean
from ..verdicts import VERDICT_BINDINGS

_MAX_PIECES = 150
CONFLICT = "bold underline red"
AGREE = "underline"
CURRENT = "bold reverse"
PHRASE = "bold reverse underline"
"""A description's phrase opened from the conflicts view (reversed and underlined, so it reads
apart from the figure under the cursor without colour)."""


class BlockView(Static):
    """One paragraph or line of the article."""


class ArticleView(VerticalScroll, can_focus=True):
    """Scrollable article text with claim highlights; `scroll_to_claim` brings one into view."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="article.down"),
        Binding("k", "scroll_up", "Up", show=False, id="article.up"),
        Binding("n", "next_claim", "Next figure", id="article.next_claim"),
        Binding("p", "previous_claim", "Prev figure", id="article.previous_claim"),
        *VERDICT_BINDINGS,
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.border_title = "Article"
        self.source: Source | None = None
        self.claims: list[Claim] = []
        self.ix: AnalysisIndex | None = None
        self.current: str | None = None
        self.show_junk = False
        self._block_of_claim: dict[str, int] = {}
        self._in_block: dict[int, list] = {}
        self._pieces: list[list[int]] = []
        self._piece_of_block: dict[int, int] = {}
        self._widgets: dict[int, BlockView] = {}
        self.phrase: tuple[int, int] | None = None
        """A description's span in the readable text, highlighted over the figures inside it."""

    def show(self, ix: AnalysisIndex, source: Source, current: str | None = None) -> None:
        """Renders a source (replacing what was shown)."""
        self.ix, self.source = ix, source
        self.claims = ix.claims_by_source.get(source.id, [])
        self.current = current
        self.phrase = None
        self._render_all()

    def _plain_span(self, claim: Claim) -> tuple[int, int]:
        s = self.source
        if s is None or s.offsets is None:
            return claim.start, claim.end
        return bisect_left(s.offsets, claim.start), bisect_left(s.offsets, claim.end)

    def _render_all(self) -> None:
        self.remove_children()
        self._widgets.clear()
        self._block_of_claim.clear()
        self._in_block.clear()
        self._pieces, self._piece_of_block = [], {}
        s = self.source
        if s is None:
            return
        text = s.readable
        header = Text()
        header.append(clean(source_name(s)), style="bold")
        header.append(" · " + (s.published or "no date") + " · ")
        header.append(clean(s.path), style="italic")
        if s.same_story_as:
            header.append(clean("  ≈ same story as " + source_names(s.same_story_as, self.ix.sources if self.ix else {})), style="bold")
        widgets: list[Static] = [Static(header, classes="article-header")]
        blocks = list(s.blocks) or [Block(0, len(text), "body")]
        starts = [b.start for b in blocks]
        for c in self.claims:
            span = self._plain_span(c)
            i = bisect_left(starts, span[0] + 1) - 1
            if 0 <= i < len(blocks) and span[0] < blocks[i].end:
                self._in_block.setdefault(i, []).append((span, c))
                self._block_of_claim[c.id] = i
        # one widget per paragraph, or per run of paragraphs in very long pages, so a restyle
        # repaints one widget and the page never holds thousands of them
        per_piece = max(1, -(-len(blocks) // _MAX_PIECES))
        piece: list[int] = []
        folded = 0

        def flush() -> None:
            if piece:
                index = len(self._pieces)
                self._pieces.append(list(piece))
                for b_i in piece:
                    self._piece_of_block[b_i] = index
                view = BlockView(self._piece_text(index), classes=f"block {blocks[piece[0]].kind}")
                self._widgets[index] = view
                widgets.append(view)
                piece.clear()

        for i, b in enumerate(blocks):
            if b.kind == "junk" and not self.show_junk:
                folded += 1
                continue
            if folded:
                flush()
                widgets.append(Static(Text(f"… {folded} line{'s' * (folded != 1)} of page junk folded "
                                           "(toggle junk to show)", style="dim italic"), classes="junk-fold"))
                folded = 0
            piece.append(i)
            if len(piece) >= per_piece:
                flush()
        flush()
        if folded:
            widgets.append(Static(Text(f"… {folded} line{'s' * (folded != 1)} of page junk folded",
                                       style="dim italic"), classes="junk-fold"))
        if not self.claims:
            widgets.append(Static(Text("No figures counting people were found in this article.",
                                       style="italic"), classes="empty-note"))
        self.mount_all(widgets)

    def _block_text(self, text: str, b: Block, inside: list) -> Text:
        out = Text()
        pos = b.start  # built piecewise so spans stay aligned while control characters are dropped
        phrase = self.phrase if self.phrase and self.phrase[0] < b.end and b.start < self.phrase[1] else None
        if phrase:  # the phrase replaces the figures it overlaps, and is one more span
            inside = [x for x in inside if x[0][1] <= phrase[0] or x[0][0] >= phrase[1]]
            inside.append(((max(phrase[0], b.start), min(phrase[1], b.end)), None))
        for (start, end), c in sorted(inside, key=lambda x: x[0][0]):
            out.append(clean(text[pos:start]), style=self._base(b))
            if c is None:
                out.append(clean(text[start:end]), style=PHRASE)
                pos = end
                continue
            style = CURRENT if c.id == self.current else (CONFLICT if self.ix and c.id in self.ix.in_conflict else AGREE)
            out.append(clean(text[start:end]), style=style)
            pos = end
        out.append(clean(text[pos:b.end]), style=self._base(b))
        return out

    @staticmethod
    def _base(b: Block) -> str:
        return {"title": "bold", "meta": "dim italic", "junk": "dim"}.get(b.kind, "")

    def _blocks(self) -> list[Block]:
        s = self.source
        return list(s.blocks) if s and s.blocks else [Block(0, len(s.readable) if s else 0, "body")]

    def _piece_text(self, index: int) -> Text:
        blocks = self._blocks()
        out = Text()
        for n, b_i in enumerate(self._pieces[index]):
            if n:
                out.append("\n\n" if blocks[b_i].kind in ("body", "title") else "\n")
            out.append_text(self._block_text(self.source.readable, blocks[b_i], self._in_block.get(b_i, [])))
        return out

    def _rerender_block(self, index: int | None) -> None:
        piece = self._piece_of_block.get(index) if index is not None else None
        if piece is None or piece not in self._widgets or self.source is None:
            return
        # restyling a figure never changes a paragraph's height: skip the layout pass
        self._widgets[piece].update(self._piece_text(piece), layout=False)

    def mark(self, claim_id: str | None, scroll: bool = True) -> None:
        """Makes `claim_id` the claim under the cursor and scrolls it into view."""
        old = self._block_of_claim.get(self.current) if self.current else None
        self.current = claim_id
        new = self._block_of_claim.get(claim_id) if claim_id else None
        self._rerender_block(old)
        if new != old:
            self._rerender_block(new)
        piece = self._piece_of_block.get(new) if new is not None else None
        if scroll and piece is not None and piece in self._widgets:
            self.scroll_to_widget(self._widgets[piece], animate=False, top=False)

    def mark_phrase(self, start: int, end: int) -> None:
        """Highlights a description's phrase (offsets into `Source.text`) and scrolls to it."""
        s = self.source
        if s is None:
            return
        if s.offsets is not None:
            start, end = bisect_left(s.offsets, start), bisect_left(s.offsets, end)
        old = self.phrase
        self.phrase = (start, end)
        blocks = self._blocks()
        starts = [b.start for b in blocks]
        hit = bisect_left(starts, start + 1) - 1
        for span in (old, self.phrase):
            if span is not None:
                self._rerender_block(bisect_left(starts, span[0] + 1) - 1)
        piece = self._piece_of_block.get(hit)
        if piece is not None and piece in self._widgets:
            self.scroll_to_widget(self._widgets[piece], animate=False, top=False)

    def toggle_junk(self) -> None:
        self.show_junk = not self.show_junk
        self._render_all()

    def action_verdict(self, verdict: str | None) -> None:
        """Decides on the figure under the article's cursor (the reversed one)."""
        if self.current:
            self.post_message(VerdictRequested(self.current, verdict))

    def action_next_claim(self) -> None:
        self._step(1)

    def action_previous_claim(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self.claims:
            return
        ids = [c.id for c in self.claims]
        i = ids.index(self.current) + delta if self.current in ids else (0 if delta > 0 else len(ids) - 1)
        self.mark(ids[max(0, min(len(ids) - 1, i))])
        self.post_message(ClaimHighlighted(self.current))
