"""Everything crosscheck learns from one article alone, before it looks at the corpus.

`read_article` is the per-article half of the analysis: claims, event frames, the country the
article is about, its words of abduction, how it introduces actors, its story words and its
descriptions (`descriptions.read`). It
depends on nothing but the source and the lexicon, so it runs the same in a loop, a process
pool or on a cluster's workers, and what it returns is small, frozen and picklable.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import claimants, descriptions, frames, measures, samestory, topics
from .extract import Mention, extract
from .frames import Frame
from .lexicon import SHIPPED, Lexicon
from ..model import Source


@dataclass(frozen=True)
class Article:
    """One source with what the corpus-wide steps need to know of it."""

    source: Source
    mentions: tuple[Mention, ...]
    """Every figure that counts people, in text order, each with its frame."""
    frames: tuple[Frame, ...]
    host: str | None
    """The country the article mentions most (a vote for its event's host country)."""
    abduction_words: int
    introductions: claimants.Introductions
    story_words: tuple[tuple[str, int], ...]
    descriptions: tuple[descriptions.Found, ...] = ()
    """Who attacked, who the dead were, what was hit, denials; each with its frame."""
    group_names: tuple[tuple[str, str], ...] = ()
    """(name, other name) pairs the article gives one group: "Tuareg rebels (CSP)"."""


def read_article(source: Source, lex: Lexicon = SHIPPED) -> Article:
    """The per-article analysis of one source."""
    ex = extract(source, lex)
    article_frames, mentions, sentence_frames = frames.segment_sentences(ex)
    texts = [s.text for s in ex.sentences]
    found, group_names = descriptions.read(ex, sentence_frames)
    return Article(source, mentions, article_frames, topics.host_country(texts), measures.abduction_words(texts),
                   claimants.introductions(source), samestory.story_words(source), found, group_names)
