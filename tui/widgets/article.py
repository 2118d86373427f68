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
_MAX_MATCHES = 10_000
CONFLICT = "bold underline red"
AGREE = "underline"
CURRENT = "bold reverse"
PHRASE = "bold reverse underline"
"""A description's phrase opened from the conflicts view (reversed and underlined, so it reads
apart from the figure under the cursor without colour)."""
MATCH = "italic black on yellow"
CURRENT_MATCH = "bold italic underline black on bright_yellow"


class BlockView(Static):
    """One paragraph or line of the article."""


class ArticleView(VerticalScroll, can_focus=True):
    """Scrollable article text with claim highlights; `scroll_to_claim` brings one into view."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="article.down"),
        Binding("k", "scroll_up", "Up", show=False, id="article.up"),
        Binding("f", "next_claim", "Next figure", id="article.next_claim"),
        Binding("p,F", "previous_claim", "Prev figure", id="article.previous_claim"),
        Binding("slash", "search", "Find in article", key_display="/", id="article.search"),
        Binding("n", "next_match", "Next match", id="article.next_match"),
        Binding("N", "previous_match", "Prev match", id="article.previous_match"),
        Binding("g,home", "scroll_home", "Top", show=False, id="article.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="article.bottom"),
        *VERDICT_BINDINGS,
    ]
    """`f` is the next figure: `n` and `N` are the next and previous search match, as in a pager."""

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
        self.search_term = ""
        self.matches: list[tuple[int, int]] = []
        """Where `search_term` occurs, in `readable` coordinates, in reading order."""
        self.match_index = -1

    def show(self, ix: AnalysisIndex, source: Source, current: str | None = None) -> None:
        """Renders a source (replacing what was shown)."""
        self.ix, self.source = ix, source
        self.claims = ix.claims_by_source.get(source.id, [])
        self.current = current
        self.phrase = None
        if self.search_term:
            self._find(self.search_term)
            self._say_matches()
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
        if self.matches and len(out) == b.end - b.start:  # (a dropped control character would shift them)
            first = bisect_left(self.matches, (b.start, -1))
            for i in range(first, len(self.matches)):
                start, end = self.matches[i]
                if start >= b.end:
                    break
                out.stylize(CURRENT_MATCH if i == self.match_index else MATCH, start - b.start,
                            min(end, b.end) - b.start)
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
        if self.source is None:
            return out
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
        claim_id = ids[max(0, min(len(ids) - 1, i))]
        self.mark(claim_id)
        self.post_message(ClaimHighlighted(claim_id, origin=self))

    # ---- search -------------------------------------------------------------------------
    def action_search(self) -> None:
        """Asks for a word and finds it in the article (`n`/`N` move between the matches)."""
        from ..screens.search import SearchScreen
        self.app.push_screen(SearchScreen(self.search_term), self._searched)

    def _searched(self, term: str | None) -> None:
        if term is not None:
            self.search(term)

    def search(self, term: str) -> None:
        """Highlights every occurrence of `term` (any case) and goes to the first; "" clears."""
        self.search_term = term.strip()
        self._find(self.search_term)
        self._restyle_all()
        if self.matches:
            self._go_to_match(0)
        self._say_matches()

    def _find(self, term: str) -> None:
        self.matches, self.match_index = [], -1
        if not term or self.source is None:
            return
        hay, needle = self.source.readable.casefold(), term.casefold()
        if len(hay) != len(self.source.readable):
            hay = self.source.readable.lower()  # casefold changed lengths (ß -> ss): offsets must hold
            needle = term.lower()
        at = hay.find(needle)
        while at >= 0 and len(self.matches) < _MAX_MATCHES:
            self.matches.append((at, at + len(needle)))
            at = hay.find(needle, at + len(needle))

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, delta: int) -> None:
        if not self.matches:
            self.notify("No search: press / to find a word in the article." if not self.search_term
                        else "No match in this article.", timeout=3)
            return
        self._go_to_match((self.match_index + delta) % len(self.matches))
        self._say_matches()

    def _go_to_match(self, i: int) -> None:
        old = self.match_index
        self.match_index = i
        blocks = self._blocks()
        starts = [b.start for b in blocks]
        for index in {old, i} - {-1}:
            if 0 <= index < len(self.matches):
                self._rerender_block(bisect_left(starts, self.matches[index][0] + 1) - 1)
        block = bisect_left(starts, self.matches[i][0] + 1) - 1
        piece = self._piece_of_block.get(block)
        if piece is not None and piece in self._widgets:
            self.scroll_to_widget(self._widgets[piece], animate=False, top=False)
        elif blocks[block].kind == "junk" and not self.show_junk:
            self.notify("This match is in folded page junk: t shows it.", timeout=3)

    def _restyle_all(self) -> None:
        for index, widget in self._widgets.items():
            widget.update(self._piece_text(index), layout=False)

    def _say_matches(self) -> None:
        if not self.search_term:
            self.border_subtitle = ""
        elif not self.matches:
            self.border_subtitle = Text(f"no match for “{clean(self.search_term)[:40]}”")
        else:
            self.border_subtitle = Text(f"match {self.match_index + 1} of {len(self.matches)} for "
                                        f"“{clean(self.search_term)[:40]}” · n/N")
