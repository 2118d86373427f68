"""Same story: articles that are copies or rewrites of one report, so they are not independent.

Two rewrites of one wire story share few exact phrases but many *distinctive* words (checkpoint,
anonymity, platform, peacekeepers) in the same proportions, and the same figures. Articles are
compared by IDF-weighted cosine over the content words of their body text; only pairs that share
one of each other's rarest words are compared at all, so a 10,000-article corpus is not compared
all-pairs.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from ..model import Source

STOP = set("""a about above after again against all also an and any are as at be because been before
being below between both but by can could did do does during each few for from further had has have
having he her here hers him his how i if in into is it its itself just me more most my no nor not now
of off on once only or other our out over own said same says she should so some such than that the
their them then there these they this those through to too under until up very was we were what when
where which while who whom why will with would you your according reported told news report reports
year years time week month day thursday friday saturday sunday monday tuesday wednesday""".split())
_WORD = re.compile(r"[a-z][a-z'’\-]{2,}|\d+")
THRESHOLD = 0.18
"""Cosine above which two articles are one story (seed rewrites: ~0.22; independent reports of one event: <= 0.11)."""
_RARE_PER_DOC = 12
_MAX_POSTING = 24
_MIN_SHARED_RARE = 2
_MIN_DOCS = 6


def _body(s: Source) -> str:
    text = s.readable
    parts = [text[b.start:b.end] for b in s.blocks if b.kind == "body"]
    return "\n".join(parts) if parts else text


def story_words(source: Source) -> tuple[tuple[str, int], ...]:
    """The content words of a source's body and how often each occurs (per-article work)."""
    return tuple(Counter(w for w in _WORD.findall(_body(source).lower()) if w not in STOP).items())


def groups(words_by_source: Mapping[str, tuple[tuple[str, int], ...]], min_docs: int = 0) -> dict[str, list[str]]:
    """source id -> ids of the other sources judged to be the same story (rarities counted over
    at least `min_docs` articles)."""
    bags = {sid: dict(words) for sid, words in words_by_source.items()}
    df: Counter = Counter()
    for bag in bags.values():
        df.update(bag.keys())
    n = max(len(bags), min_docs)
    idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
    vectors: dict[str, dict[str, float]] = {}
    norms: dict[str, float] = {}
    index: dict[str, list[str]] = defaultdict(list)
    for sid, bag in bags.items():
        vec = {w: (1 + math.log(c)) * idf[w] for w, c in bag.items()}
        vectors[sid] = vec
        norms[sid] = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        rare = sorted((w for w in bag if df[w] >= 2), key=lambda w: (df[w], w))[:_RARE_PER_DOC]
        for w in rare:
            index[w].append(sid)
    shared: Counter = Counter()
    for postings in index.values():
        if len(postings) > _MAX_POSTING:
            continue
        for i, a in enumerate(postings):
            for b in postings[i + 1:]:
                shared[(a, b) if a < b else (b, a)] += 1
    linked: dict[str, set[str]] = defaultdict(set)
    for (a, b), n_rare in shared.items():
        if n_rare < _MIN_SHARED_RARE:
            continue  # copies and rewrites share several of each other's rarest words
        va, vb = vectors[a], vectors[b]
        if len(va) > len(vb):
            va, vb = vb, va
        dot = sum(v * vb.get(w, 0.0) for w, v in va.items())
        if dot / (norms[a] * norms[b]) >= THRESHOLD:
            linked[a].add(b)
            linked[b].add(a)
    return {sid: sorted(others) for sid, others in linked.items()}


def groups_by_event(words_by_source: Mapping[str, tuple[tuple[str, int], ...]],
                    event_of: Mapping[str, str | None]) -> dict[str, list[str]]:
    """`groups` within each event (a source's lead's event), each with its own word rarities: in a
    folder of many events the words of one event are rare folder-wide, and two independent reports
    of it would look like copies. A small event's rarities are counted as if it had `_MIN_DOCS`
    articles, so two rewrites that are an event's only reports are still found. A folder where
    fewer than two events have three reports each is one event's, compared as a whole."""
    by_event: dict[str | None, dict[str, tuple[tuple[str, int], ...]]] = defaultdict(dict)
    for sid, words in words_by_source.items():
        by_event[event_of.get(sid)][sid] = words
    if sum(len(v) >= 3 for v in by_event.values()) < 2:
        return groups(words_by_source)  # reports of one event (and a few strays): one rarity for all
    out: dict[str, list[str]] = {}
    for event in sorted(by_event, key=lambda e: (e is None, e or "")):
        out.update(groups(by_event[event], min_docs=_MIN_DOCS))
    return out


def group_ids(sources: Sequence[Source], same: Mapping[str, list[str]]) -> dict[str, int]:
    """Each source's story group (connected components of the same-story relation)."""
    group: dict[str, int] = {}
    for n, s in enumerate(sources):
        if s.id in group:
            continue
        stack = [s.id]
        while stack:
            x = stack.pop()
            if x in group:
                continue
            group[x] = n
            stack.extend(same.get(x, []))
    return group
