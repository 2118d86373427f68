"""Topics: claims about the same quantity of the same event (event x measure x party x scope).

Who each figure counts (its party) is decided in `parties.py`; here claims that share an event,
a measure and a party become one topic with a low / best / high estimate.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from . import places, voices
from .extract import Mention
from ..model import Claim, Event, Topic

PARTY_LABEL = {"total": "people (total)", "civilian": "civilians", "child": "children", "woman": "women",
               "soldier": "soldiers", "police": "police", "militant": "militants", "fighter": "fighters"}


PEOPLE_ON_EARTH = 10**10
"""Above this a figure cannot count people ("a billion" can; 400 digits cannot)."""


@dataclass(frozen=True)
class Placed:
    """A mention placed in the corpus: its event, its claimant resolved, its final measure."""

    mention: Mention
    event: str
    measure: str
    claimant: str | None
    scope: str | None = None
    """The part of the event the figure counts ("critical condition", "identified"), if any."""

    @property
    def key(self) -> tuple[str, int]:
        return self.mention.source, self.mention.index


def host_country(texts: Sequence[str]) -> str | None:
    """The country most mentioned in these texts, by name or demonym."""
    counts: Counter = Counter()
    for t in texts:
        for w in re.findall(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b", t):
            c = places.country_of(w)
            if c:
                counts[places.key(c)] += 1
    return counts.most_common(1)[0][0] if counts else None


def host_countries(events: Sequence[Event], host_of_source: Mapping[str, str | None]) -> dict[str, str | None]:
    """Each event's host country: the one most of its sources are mostly about.

    A figure for "soldiers" with no nationality is the host state's; one article that mentions a
    neighbour more than the host must not move the whole event, so each source has one vote.
    """
    out: dict[str, str | None] = {}
    for e in events:
        counts: Counter = Counter(host_of_source[s] for s in e.sources if host_of_source.get(s))
        out[e.id] = counts.most_common(1)[0][0] if counts else None
    return out


def build(placed: Sequence[Placed], parties: Mapping[tuple[str, int], str],
          same_story_group: Mapping[str, int]) -> tuple[list[Claim], list[Topic]]:
    """The corpus's claims (ids c1.. in corpus order) and topics (t1.., by event and size).

    Each claim is built once here, with its topic, party and the total it is a stated part of.
    """
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, p in enumerate(placed):
        groups[(p.event, p.measure, parties[p.key])].append(i)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0][0], -len(kv[1]), kv[0][1], kv[0][2]))
    topic_of = {i: f"t{n}" for n, (_, idx) in enumerate(ordered, 1) for i in idx}
    claim_id = {p.key: f"c{i}" for i, p in enumerate(placed, 1)}
    claims = []
    for i, p in enumerate(placed):
        m = p.mention
        claims.append(Claim(
            id=claim_id[p.key], source=m.source, start=m.start, end=m.end, number_text=m.number_text,
            sentence=m.sentence, low=m.low, high=m.high, measure=p.measure, who=m.who,
            attributed_to=p.claimant, event=p.event, topic=topic_of[i], hedge=m.hedge, party=parties[p.key],
            fingerprint=m.fingerprint, sentence_start=m.sentence_start, in_title=m.in_title,
            implausible=max(m.low or 0, m.high or 0) > PEOPLE_ON_EARTH,
            part_of=None if m.part_of is None else claim_id[(m.source, m.part_of)]))
    topics: list[Topic] = []
    for n, ((event, measure, party), idx) in enumerate(ordered, 1):
        members = [claims[i] for i in idx]
        whos = Counter(c.who for c in members if c.who)
        who = whos.most_common(1)[0][0] if whos else PARTY_LABEL.get(party, party)
        low, best, high, basis = estimate(members, same_story_group)
        independent = len({same_story_group.get(c.source, c.source) for c in members})
        topics.append(Topic(f"t{n}", event, measure, who, tuple(c.id for c in members), low, best, high,
                            independent, basis))
    return claims, topics


def estimate(members: list[Claim], same_story_group: Mapping[str, int]) -> tuple[int | None, int | None, int | None, dict]:
    """Low / best / high in the spirit of UCDP: the lowest and highest figures reported, and
    the median of one figure per voice (`voices.py`: a claimant however spelled, or an outlet
    with its same-story copies, counts once)."""
    spoken = voices.voices(members, same_story_group)
    points = sorted(v.point for v in spoken)
    if not points:
        return None, None, None, {}
    lows = [c.low for c in members if c.low is not None]
    highs = [c.high for c in members if c.high is not None]
    low = min(lows) if lows else int(points[0])
    high = max(highs + [int(p) for p in points]) if highs or points else None
    mid = len(points) // 2
    middle = points[mid] if len(points) % 2 else (points[mid - 1] + points[mid]) / 2
    best = int(round(middle))
    basis = {
        "low": [c.id for c in members if c.low == low],
        "best": [c.id for c in members if c.low is not None and c.high is not None and c.low <= best <= c.high
                 or c.low is not None and c.high is None and c.low <= best],
        "high": [c.id for c in members if (c.high if c.high is not None else c.low) == high],
        "voices": [list(v.claims) for v in spoken],
        "voice_figures": [v.figure for v in spoken],
    }
    return low, best, high, basis
