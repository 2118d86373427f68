"""The sources view: the list of articles, the selected one's text, and its claims.

The view keeps its three panes in step: the highlighted source fills the article and the claims,
and the highlighted claim is marked in the article. The screen hands it the analysis, the review
and the filter text, and asks it to open a claim or a source.
"""
from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget

from crosscheck.core.index import AnalysisIndex
from crosscheck.core.review.decisions import Review

from ..messages import ClaimHighlighted, SourceHighlighted
from .article import ArticleView
from .claims import ClaimTable, claim_matches
from .sources import SourceList


class SourcesView(Horizontal):
    """Sources, the article of the highlighted one, and its claims."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.ix: AnalysisIndex | None = None
        self.review = Review()
        self.filter_text = ""
        self.current_source: str | None = None

    def compose(self) -> ComposeResult:
        yield SourceList(id="sources", classes="pane")
        yield ArticleView(id="article", classes="pane")
        yield ClaimTable(id="claims", classes="pane")

    def start(self, ix: AnalysisIndex, review: Review) -> None:
        """Lists the sources and shows the first."""
        self.ix, self.review = ix, review
        self.query_one(SourceList).show(ix)
        if ix.analysis.sources:
            self.show_source(ix.analysis.sources[0].id)

    def show_source(self, source_id: str, claim_id: str | None = None, keep: bool = False) -> None:
        """Shows a source's article (`claim_id` marked) and its claims that pass the filter;
        `keep` only restyles the claims in place (a decision changed)."""
        ix = self.ix
        if ix is None or source_id not in ix.sources:
            return
        self.current_source = source_id
        outlet = ix.sources[source_id].outlet
        claims = [c for c in ix.claims_by_source.get(source_id, [])
                  if not self.filter_text or claim_matches(c, self.filter_text, outlet)]
        self.query_one(ClaimTable).show(ix, claims, self.review, keep_cursor=keep)
        if not keep:
            self.query_one(ArticleView).show(ix, ix.sources[source_id], current=claim_id)

    def restyle(self, review: Review) -> None:
        self.review = review
        if self.current_source:
            self.show_source(self.current_source, keep=True)

    def refilter(self, text: str) -> None:
        self.filter_text = text
        if self.current_source:
            self.show_source(self.current_source)

    def highlight(self, claim_id: str, origin: Widget | None = None) -> None:
        """Marks a claim of the shown source in the article and puts the claims cursor on it,
        leaving alone the pane it came from (`origin`) and announcing nothing."""
        if self.ix and claim_id in self.ix.claims and self.ix.claims[claim_id].source == self.current_source:
            article, table = self.query_one(ArticleView), self.query_one(ClaimTable)
            if origin is not article:
                article.mark(claim_id)
            if origin is not table:
                table.select_claim(claim_id)

    def open_claim(self, claim_id: str) -> None:
        """Shows a claim in its article, scrolled to it and highlighted."""
        ix = self.ix
        if ix is None or claim_id not in ix.claims:
            return
        claim = ix.claims[claim_id]
        if claim.source != self.current_source:
            self.query_one(SourceList).select_source(claim.source)
            self.show_source(claim.source, claim_id)
        self.query_one(ClaimTable).select_claim(claim_id)
        self.call_after_refresh(self.query_one(ArticleView).mark, claim_id)

    def open_description(self, description_id: str) -> None:
        """Shows a description's article with its phrase highlighted and scrolled into view."""
        ix = self.ix
        if ix is None or description_id not in ix.descriptions:
            return
        d = ix.descriptions[description_id]
        if d.source != self.current_source:
            self.query_one(SourceList).select_source(d.source)
            self.show_source(d.source)
        self.call_after_refresh(self.query_one(ArticleView).mark_phrase, d.start, d.end)

    def open_source(self, source_id: str) -> None:
        self.query_one(SourceList).select_source(source_id)
        self.show_source(source_id)

    @on(SourceHighlighted)
    def _source_highlighted(self, message: SourceHighlighted) -> None:
        message.stop()
        if message.source_id != self.current_source:
            self.show_source(message.source_id)

    @on(ClaimHighlighted)
    def _claim_highlighted(self, message: ClaimHighlighted) -> None:
        message.stop()
        self.highlight(message.claim_id, message.origin)
