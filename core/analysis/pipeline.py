"""The analysis pipeline: sources in, `Analysis` out.

    per article (`article.read_article`): extract figures -> cut into event frames
    corpus: link frames into events -> resolve claimants -> parties -> same-story groups
            -> topics and estimates -> conflicts -> descriptions and their conflicts

The per-article half depends on nothing but the article, so its cost grows with the corpus and
no further; the corpus-wide steps use indexes instead of comparing all pairs. Each stage hands
the next a frozen value.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path
from collections.abc import Callable, Mapping, Sequence

from . import conflicts, disagreements, events, measures, parties, samestory, scopes, topics
from .article import Article, read_article
from .claimants import Resolver
from .lexicon import SHIPPED, Lexicon
from ..model import Analysis, Description, Problem, Source
from ..reading.ingest import list_corpus

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): called as work advances, e.g. to drive a progress bar."""


def analyze(sources: Sequence[Source], *, problems: Sequence[Problem] = (), root: str = "",
            aliases: Sequence[Sequence[str]] | None = None,
            measure_words: Mapping[str, Sequence[str]] | None = None,
            progress: Progress | None = None) -> Analysis:
    """Analyses a corpus of already-read sources.

    Args:
        aliases: groups of names that mean one actor or place (configuration `[aliases]`). They
            join affiliations in `topics.assign_parties` ("JNIM" and "GSIM" fighters are one
            group) and, before events are linked, place keys and acronym actors, so articles
            that spell a place differently ("Bombay", "Mumbai") can meet on one event.
        measure_words: measure -> extra words or phrases (configuration `[measures]`), e.g.
            {"killed": ["neutralised"]}, read by this analysis only.
    """
    lex = SHIPPED.with_measure_words(measure_words)
    total = len(sources)
    articles = []
    for n, s in enumerate(sources, 1):
        articles.append(read_article(s, lex))
        if progress and (n % 200 == 0 or n == total):
            progress("extracting claims", n, total)
    return combine(articles, problems=problems, root=root, aliases=aliases, lex=lex, progress=progress)


def analyze_paths(paths: Sequence[str | Path] | None = None, *, jobs: int | None = 1,
                  scheduler: str | None = None, aliases: Sequence[Sequence[str]] | None = None,
                  measure_words: Mapping[str, Sequence[str]] | None = None, max_bytes: int = 10_000_000,
                  progress: Progress | None = None) -> Analysis:
    """Reads and analyses the articles under `paths` (the bundled sample when none), on every core.

    The same result, to the byte, as `analyze(load_corpus(paths).sources, ...)`, for any `jobs`.

    Args:
        jobs: worker processes; 1 (the default): none, all in this process; None: one per core
            (a small corpus is still read in this process). Workers are started fresh, so a script
            that asks for them needs the usual ``if __name__ == "__main__":`` guard.
        scheduler: the address of a Dask scheduler (``tcp://host:port``) whose workers do the
            per-article work instead; raises `parallel.ClusterError` when it cannot be used.
        aliases, measure_words: as for `analyze`.
        max_bytes: files over this size are refused, as in `load_corpus`.
        progress: progress(stage, done, total): "reading articles", "extracting claims", then the
            corpus-wide stages.
    """
    from .parallel import read_articles

    listing = list_corpus(paths)
    lex = SHIPPED.with_measure_words(measure_words)
    articles, problems = read_articles(listing, lex, jobs=jobs, scheduler=scheduler, max_bytes=max_bytes,
                                       progress=progress)
    return combine(articles, problems=problems, root=listing.root, aliases=aliases, lex=lex, progress=progress)


def combine(articles: Sequence[Article], *, problems: Sequence[Problem] = (), root: str = "",
            aliases: Sequence[Sequence[str]] | None = None, lex: Lexicon = SHIPPED,
            progress: Progress | None = None) -> Analysis:
    """The corpus-wide half: per-article results (in corpus order) to the whole analysis."""
    if progress:
        progress("linking events", 0, 1)
    linking = events.link([f for a in articles for f in a.frames],
                          {(m.source, m.frame) for a in articles for m in a.mentions}, aliases)
    host = topics.host_countries(linking.events, {a.source.id: a.host for a in articles})
    taken = measures.abduction_events(linking.events, {a.source.id: a.abduction_words for a in articles})
    resolver = Resolver({a.source.id: a.introductions for a in articles})
    dated = {e.id: e.date for e in linking.events}
    placed = []
    for a in articles:
        later = measures.years_on([a.source.readable[b.start:b.end] for b in a.source.blocks[:6]
                                   if b.kind in ("title", "body")])
        for m in a.mentions:
            event = linking.event_of[(m.source, m.frame)]
            abduction = event in taken
            placed.append(topics.Placed(m, event, measures.in_abduction(m.measure) if abduction else m.measure,
                                        resolver.resolve(m.claimant, m.source),
                                        measures.placed_scope(m.scope, m.measure, abduction, a.source.published,
                                                              dated.get(event), later if m.frame == 0 else None)))
    placed = _breakdown_places(placed)
    if progress:
        progress("grouping topics", 0, 1)
    party_of = parties.assign_parties(placed, host, lex, aliases)
    sources = [a.source for a in articles]
    same = samestory.groups_by_event({a.source.id: a.story_words for a in articles},
                                     {a.source.id: linking.event_of.get((a.source.id, 0)) for a in articles})
    claims, topic_list = topics.build(placed, party_of, samestory.group_ids(sources, same))
    conflict_list = conflicts.find(topic_list, {c.id: c for c in claims}, sources)
    out_sources = tuple(s if s.id not in same else _with_same(s, same[s.id]) for s in sources)
    described = _descriptions(articles, linking.event_of, resolver)
    names = disagreements.names_for(aliases, (pair for a in articles for pair in a.group_names))
    described_conflicts = disagreements.find(described, claims, names)
    if progress:
        progress("done", 1, 1)
    return Analysis(out_sources, linking.events, tuple(claims), tuple(topic_list), tuple(conflict_list),
                    tuple(problems), root, tuple(described), tuple(described_conflicts))


def _descriptions(articles: Sequence[Article], event_of: Mapping[tuple[str, int], str],
                  resolver: Resolver) -> list[Description]:
    """Every article's descriptions with their event and resolved claimant, offsets into the file.

    A description in a frame that holds no figure takes the article's main event: frames are cut
    for figures, and a date in an aside ("the army, which took power in 2020 and 2021, maintains
    that the Russians are trainers") opens a frame the description is not about."""
    out: list[Description] = []
    for a in articles:
        s = a.source
        readable = s.readable
        for f in a.descriptions:
            event = event_of.get((s.id, f.frame)) or event_of.get((s.id, 0), "")
            start, end = s.to_original(f.start), s.to_original(f.end - 1) + 1
            context = readable[max(0, f.start - 40): f.end + 40]
            fp = hashlib.blake2b(f"{s.path}\0{f.slot}\0{context}".encode(), digest_size=8).hexdigest()
            out.append(Description(f"d{len(out) + 1}", s.id, start, end, s.text[start:end], f.slot, f.value,
                                   resolver.resolve(f.claimant, s.id), event,
                                   _sentence_at(readable, f.start, f.end), f.denies, fp))
    return out


def _sentence_at(text: str, start: int, end: int) -> str:
    """The sentence around a span, for exports and the dashboard (bounded: 300 characters a side)."""
    a = max(text.rfind(". ", max(0, start - 300), start) + 2, text.rfind("\n", max(0, start - 300), start) + 1,
            max(0, start - 300))
    stops = [i for i in (text.find(". ", end, end + 300), text.find("\n", end, end + 300)) if i >= 0]
    b = min(stops) + 1 if stops else min(len(text), end + 300)
    return " ".join(text[a:b].split())


def _breakdown_places(placed: list[topics.Placed]) -> list[topics.Placed]:
    """Once one article breaks an event's toll down by place ("202 in the Valencia region, two in
    Castilla-La Mancha"), a figure elsewhere counted in one of those places ("three people died in
    Castilla-La Mancha") is that place's count too, not the whole event's."""
    by_event: dict[tuple[str, str], set[str]] = {}
    for p in placed:
        if p.scope and p.scope.startswith("in "):
            by_event.setdefault((p.event, p.measure), set()).add(p.scope)
    if not by_event:
        return placed
    out = []
    for p in placed:
        known = by_event.get((p.event, p.measure))
        if known and p.scope is None:
            named = scopes.place_named_after(p.mention.sentence, p.mention.number_text)
            if named in known:
                p = replace(p, scope=named)
        out.append(p)
    return out


def _with_same(source: Source, others: list[str]) -> Source:
    return replace(source, same_story_as=tuple(others))
