"""The analysis pipeline: sources in, `Analysis` out.

    extract (per source) -> segment into event frames (per source) -> link frames into events
    -> resolve claimants -> parties -> same-story groups -> topics and estimates -> conflicts

Every step but linking and same-story is per source, so the cost grows with the corpus; the two
corpus-wide steps use indexes instead of comparing all pairs.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Callable, Mapping, Sequence

from . import claimants, conflicts, events, lexicon, places, samestory, topics
from .extract import extract
from ..model import Analysis, Problem, Source

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
            {"killed": ["neutralised"]}; added to the lexicon only while claims are extracted.
    """
    sources = list(sources)
    total = len(sources)
    extractions = []
    with lexicon.extra_measure_words(measure_words):
        for n, s in enumerate(sources, 1):
            extractions.append(extract(s))
            if progress and (n % 200 == 0 or n == total):
                progress("extracting claims", n, total)
    all_frames, claim_frames = [], []
    for ex in extractions:
        frames, claim_frame = events.segment(ex, ex.source.published)
        all_frames.extend(frames)
        claim_frames.append(claim_frame)
    _alias_places(all_frames, aliases)
    if progress:
        progress("linking events", 0, 1)
    clusters, where = events.link(all_frames)
    used = {where[(ex.source.id, fr)] for ex, cf in zip(extractions, claim_frames) for fr in cf}
    event_list, event_ids = events.describe(clusters, used)

    country_by_source = {ex.source.id: Counter() for ex in extractions}
    for ex in extractions:
        h = topics.host_country([s.text for s in ex.sentences])
        if h:
            country_by_source[ex.source.id][h] += 1
    host: dict[str, str | None] = {}
    for e in event_list:
        counts: Counter = Counter()
        for sid in e.sources:
            counts.update(country_by_source.get(sid, {}))
        host[e.id] = counts.most_common(1)[0][0] if counts else None

    resolver = claimants.Resolver([ex.source for ex in extractions])
    items, claims = [], []
    parts: dict[str, list[str]] = {}
    for ex, claim_frame in zip(extractions, claim_frames):
        ids = []
        for f, fr in zip(ex.found, claim_frame):
            cid = f"c{len(claims) + 1}"
            ids.append(cid)
            event = event_ids[where[(ex.source.id, fr)]]
            claim = replace(f.claim, id=cid, event=event,
                            attributed_to=resolver.resolve(f.claim.attributed_to, ex.source.id))
            f.claim = claim
            claims.append(claim)
            items.append((f, event))
        for f, cid in zip(ex.found, ids):
            if f.part_of is not None:
                parts.setdefault(ids[f.part_of], []).append(cid)
    if progress:
        progress("grouping topics", 0, 1)
    kidnapping = _abduction_events(extractions, event_list)
    for f, event in items:
        if event in kidnapping and f.claim.measure == "missing":
            f.claim = replace(f.claim, measure="captured")  # in an abduction the missing are the taken
    claims = [f.claim for f, _ in items]
    parties = topics.assign_parties(items, host, aliases)
    same = samestory.groups(sources)
    group = samestory.group_ids(sources, same)
    claims, topic_list = topics.build(claims, parties, group)
    total_of = {part: total for total, members in parts.items() for part in members}
    claims = [replace(c, parts_of=total_of.get(c.id)) for c in claims]
    by_id = {c.id: c for c in claims}
    conflict_list = conflicts.find(topic_list, by_id, sources, parts)
    sources = [replace(s, same_story_as=tuple(same.get(s.id, ()))) for s in sources]
    if progress:
        progress("done", 1, 1)
    return Analysis(tuple(sources), tuple(event_list), tuple(claims), tuple(topic_list),
                    tuple(conflict_list), tuple(problems), root)


_ABDUCTION = re.compile(r"\b(?:kidnap\w*|abduct\w*|captiv\w*|hostages?|carted\s+away|ransom)\b", re.I)


def _abduction_events(extractions, event_list) -> set[str]:
    """Events whose reporting is mostly about people taken (abduction words in most sources)."""
    hits = {ex.source.id: len(_ABDUCTION.findall(" ".join(s.text for s in ex.sentences))) for ex in extractions}
    return {e.id for e in event_list
            if e.sources and sum(hits.get(sid, 0) >= 3 for sid in e.sources) * 2 > len(e.sources)}


def _alias_places(frames: list[events.Frame], aliases: Sequence[Sequence[str]] | None) -> None:
    """Puts every configured alias of a place or actor under its group's first name, in place."""
    first: dict[str, tuple[str, str]] = {}
    for group in aliases or ():
        for name in group:
            first.setdefault(places.key(name), (places.key(group[0]), group[0]))
    for k, target in first.items():
        while first[target[0]] != target:  # a name in two groups: follow to the earlier group
            target = first[target[0]]
        first[k] = target
    if not first:
        return
    for f in frames:
        if any(k in first for k in f.places):
            merged: Counter = Counter()
            for k, n in f.places.items():
                merged[first[k][0] if k in first else k] += n
            f.places = merged
        for k, name in list(f.place_names.items()):
            if k in first:
                f.place_names.setdefault(first[k][0], name)
        f.actors = {first[places.key(a)][1] if places.key(a) in first else a for a in f.actors}
