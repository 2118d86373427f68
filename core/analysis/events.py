"""Which frames of different articles are one event, and what each event is called.

Frames (`frames.segment`) are linked across articles by date compatibility (a hard constraint)
and shared places weighted by rarity, so "Tin-Zaouatine" in one article meets "Tinzaouaten" in
another. Candidate events are found through an index of place keys and months, never by
comparing every frame with every other.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from . import event_labels, places, timeref
from .frames import Frame, specificity
from ..model import Event
from .timeref import When

FrameKey = tuple[str, int]
"""(source id, frame number): a frame's identity across the corpus."""


@dataclass
class _Cluster:
    id: int
    frames: list[Frame] = field(default_factory=list)
    anchors: list[When] = field(default_factory=list)
    distinct_anchors: dict = field(default_factory=dict)
    """The anchors with distinct fields, first seen first: what compatibility is checked against,
    so a big event's thousand copies of one date cost one check."""
    places: Counter = field(default_factory=Counter)
    nouns: Counter = field(default_factory=Counter)
    actors: Counter = field(default_factory=Counter)
    sources: set = field(default_factory=set)
    n_primary: int = 0
    by_prefix: dict = field(default_factory=lambda: defaultdict(set))
    """Place keys by their first three letters, so fuzzy matching compares like with like."""


def _place_match(a: str, b: str) -> bool:
    return a == b or (len(a) >= 5 and len(b) >= 5 and fuzz.ratio(a, b) >= 85)


def _score(frame: Frame, c: _Cluster, weight) -> float | None:
    score = 0.0
    if frame.anchor is not None:
        for a in c.distinct_anchors.values():
            if not timeref.compatible(frame.anchor, a):
                return None
        if c.distinct_anchors:
            best = max(c.distinct_anchors.values(), key=specificity)
            if frame.anchor.month and best.month:
                score += 2.0
            elif frame.anchor.weekday is not None and frame.anchor.weekday == best.weekday:
                score += 1.0
    for k, _ in frame.places:
        if k in c.places:
            score += weight(k)
        elif len(k) >= 5:
            for other in c.by_prefix.get(k[:3], ()):
                if _place_match(k, other):
                    score += weight(k) * 0.9
                    break
    shared_nouns = {n for n, _ in frame.nouns} & set(c.nouns) - {"attack", "incident", "violence", "operation"}
    score += 0.3 * min(len(shared_nouns), 2)
    score += 0.3 * min(len(set(frame.actors) & set(c.actors)), 2)
    if frame.primary and any(f.primary for f in c.frames):
        score += 1.0
    return score


def _link(all_frames: Sequence[Frame]) -> tuple[list[_Cluster], dict[FrameKey, int]]:
    """Groups frames of all articles into events; returns clusters and (source, frame) -> cluster."""
    df: Counter = Counter()
    for f in all_frames:
        df.update(k for k, _ in f.places)
    n = max(len(all_frames), 1)

    def weight(k: str) -> float:
        return math.log(1 + n / df.get(k, 1)) if df.get(k, 1) < n else 0.2

    clusters: list[_Cluster] = []
    index: dict[str, set[int]] = defaultdict(set)
    where: dict[tuple[str, int], int] = {}
    order = sorted(all_frames, key=lambda f: (not f.primary, f.sequel, -specificity(f.anchor) if f.anchor else 0))
    largest = main = 0  # the cluster with most frames, and the one with most primary frames
    many: set[int] = set()  # clusters whose event two or more articles report
    for f in order:
        candidates: set[int] = set()
        for k in sorted((k for k, _ in f.places), key=lambda k: (df.get(k, 0), k)):
            posting = index.get(k, set())
            if len(posting) <= 64:
                candidates |= posting  # rarest places first, until there are enough to choose from
            if len(candidates) >= 8:
                break
        if f.anchor and f.anchor.month and len(candidates) < 8:
            by_month = index.get(f"@{f.anchor.month}", set())
            candidates |= by_month if len(by_month) <= 64 else set()
        if clusters:
            candidates.add(largest)
        best, best_score = None, 0.0
        threshold = 2.0 if f.primary else 1.0
        if f.sequel:
            threshold = 3.0
        for ci in candidates:
            c = clusters[ci]
            if f.source in c.sources:
                continue  # an article's own frames are different events by construction
            s = _score(f, c, weight)
            if s is not None and s >= threshold and s > best_score:
                best, best_score = ci, s
        if best is None and f.primary and clusters:
            # a folder is reports of a few events: an article whose lead shares anything with one
            # that several articles report, and whose date cannot contradict it, joins the best
            # of them (with one event in the folder, that event)
            reported = [main] + sorted((ci for ci in many if ci != main), key=lambda ci: -clusters[ci].n_primary)[:31]
            best_fallback = 1.0
            for ci in reported:
                s = _score(f, clusters[ci], weight)
                if s is not None and s > best_fallback and f.source not in clusters[ci].sources:
                    best, best_fallback = ci, s
        if best is None:
            best = len(clusters)
            clusters.append(_Cluster(best))
        c = clusters[best]
        c.frames.append(f)
        c.sources.add(f.source)
        c.n_primary += f.primary
        if c.n_primary >= 2:
            many.add(best)
        if len(c.frames) > len(clusters[largest].frames):
            largest = best
        if c.n_primary > clusters[main].n_primary:
            main = best
        if f.anchor:
            c.anchors.append(f.anchor)
            a = f.anchor
            c.distinct_anchors.setdefault((a.year, a.month, a.day, a.weekday), a)
            if f.anchor.month:
                index[f"@{f.anchor.month}"].add(best)
        c.places.update(dict(f.places))
        for k, _ in f.places:
            c.by_prefix[k[:3]].add(k)
        c.nouns.update(dict(f.nouns))
        c.actors.update(f.actors)  # sorted, so ties in most_common keep a stable order
        for k, _ in f.places:
            index[k].add(best)
        where[(f.source, f.number)] = best
    return clusters, where


def _describe(clusters: list[_Cluster], used: set[int]) -> tuple[list[Event], dict[int, str]]:
    """Events for the clusters that hold claims, ids e1.. by how many sources report them."""
    ranked = sorted((c for c in clusters if c.id in used),
                    key=lambda c: (-len({f.source for f in c.frames}), not any(f.primary for f in c.frames), c.id))
    events, ids = [], {}
    for i, c in enumerate(ranked, 1):
        eid = f"e{i}"
        ids[c.id] = eid
        date = None
        dated = [a for a in c.anchors if a.iso()]
        if dated:
            date = Counter(a.iso() for a in sorted(dated, key=specificity, reverse=True)).most_common(1)[0][0]
        names: dict[str, str] = {}
        for f in c.frames:
            for k, name in f.place_names:
                names.setdefault(k, name)  # the name as first written
        label, place = event_labels.describe(date, c.places.most_common(12), names, c.nouns.most_common())
        events.append(Event(eid, label, date, place, tuple(a for a, _ in c.actors.most_common(5)),
                            tuple(sorted({f.source for f in c.frames}))))
    return events, ids


@dataclass(frozen=True)
class Linking:
    """The corpus's events and which event each frame holding a figure belongs to."""

    events: tuple[Event, ...]
    event_of: Mapping[FrameKey, str]


def link(frames: Sequence[Frame], with_figures: set[FrameKey],
         aliases: Sequence[Sequence[str]] | None = None) -> Linking:
    """Links every article's frames into events and names the events that hold figures.

    Args:
        frames: all frames of the corpus.
        with_figures: the frames that hold at least one figure; only their events are named.
        aliases: groups of names for one place or actor (configuration), applied first so that
            articles spelling a place differently ("Bombay", "Mumbai") can meet on one event.
    """
    clusters, where = _link(place_aliases(frames, aliases))
    events, ids = _describe(clusters, {where[k] for k in with_figures})
    return Linking(tuple(events), {k: ids[c] for k, c in where.items() if c in ids})


def place_aliases(frames: Sequence[Frame], aliases: Sequence[Sequence[str]] | None) -> list[Frame]:
    """The frames with every configured alias of a place or actor put under its group's first name."""
    first: dict[str, tuple[str, str]] = {}
    for group in aliases or ():
        for name in group:
            first.setdefault(places.key(name), (places.key(group[0]), group[0]))
    for k, target in first.items():
        while first[target[0]] != target:  # a name in two groups: follow to the earlier group
            target = first[target[0]]
        first[k] = target
    if not first:
        return list(frames)
    out = []
    for f in frames:
        counts = dict(f.places)
        if any(k in first for k in counts):
            merged: Counter = Counter()
            for k, n in counts.items():
                merged[first[k][0] if k in first else k] += n
            counts = dict(merged)
        names = dict(f.place_names)
        for k, name in list(names.items()):
            if k in first:
                names.setdefault(first[k][0], name)
        actors = {first[places.key(a)][1] if places.key(a) in first else a for a in f.actors}
        out.append(f.with_places(tuple(counts.items()), tuple(names.items()), tuple(sorted(actors))))
    return out
