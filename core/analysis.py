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
from typing import Callable, Sequence

from . import claimants, conflicts, events, samestory, topics
from .extract import extract
from .model import Analysis, Problem, Source

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): called as work advances, e.g. to drive a progress bar."""


def analyze(sources: Sequence[Source], *, problems: Sequence[Problem] = (), root: str = "",
            aliases: list[list[str]] | None = None, progress: Progress | None = None) -> Analysis:
    """Analyses a corpus of already-read sources."""
    sources = list(sources)
    total = len(sources)
    extractions = []
    for n, s in enumerate(sources, 1):
        extractions.append(extract(s))
        if progress and (n % 200 == 0 or n == total):
            progress("extracting claims", n, total)
    all_frames, claim_frames = [], []
    for ex in extractions:
        frames, claim_frame = events.segment(ex, ex.source.published)
        all_frames.extend(frames)
        claim_frames.append(claim_frame)
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
