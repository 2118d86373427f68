"""Topics: claims about the same quantity of the same event (event x measure x who-class).

The hard part is the who-class. "Russian mercenaries", "Wagner Group mercenaries", "Russians" and
"20 Wagner fatalities" are one group; "Malian soldiers" and "government soldiers" are another;
"civilians" and "children" differ. Within one event and measure, a claim's *party* is built from:

- its affiliations (Russian, Wagner, Malian, government), unified when they appear together in one
  claim's group ("Russian Wagner mercenaries") or are spelling variants or configured aliases;
- its role (fighter, soldier, civilian, child, total ...);
- state forces: soldiers or police named by the host country's demonym, by "government"/"army",
  or by no affiliation at all, are the state's;
- a bare role ("mercenaries") or a bare affiliation ("Russians") joins the one party that has it;
- a generic combatant noun in an attributed restatement right after a figure ("According to
  Bloomberg, six militants were killed") refers to the group just counted.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from . import places
from .extract import Mention
from .lexicon import Lexicon
from ..model import Claim, Event, Topic

COMBATANT_ROLES = {"fighter", "militant", None}
STATE_ROLES = {"soldier", "police", "marine"}
PARTY_LABEL = {"total": "people (total)", "civilian": "civilians", "child": "children", "woman": "women",
               "soldier": "soldiers", "police": "police", "militant": "militants", "fighter": "fighters"}


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


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


_COUNTRY_CODES = {"US": "united states", "U.S.": "united states", "USA": "united states", "U.S.A.": "united states",
                  "UK": "britain", "U.K.": "britain"}
"""Countries written as capital initials: "US troops", "U.S. service members"."""


def affiliation_key(word: str, lex: Lexicon) -> str:
    """'Russians' -> 'russia', 'Wagner' -> 'wagner', 'government' -> 'GOV', 'U.S.' -> 'united states'."""
    if word in _COUNTRY_CODES:
        return places.key(_COUNTRY_CODES[word])
    low = re.sub(r"['’]s$", "", word.lower())
    if low in lex.state_words:
        return "GOV"
    country = places.country_of(low)
    if country:
        return country
    return re.sub(r"[^a-z0-9]", "", low)


def assign_parties(placed: Sequence[Placed], host: Mapping[str, str | None], lex: Lexicon,
                   aliases: Sequence[Sequence[str]] | None = None) -> dict[tuple[str, int], str]:
    """The party key of every placed mention, by `Placed.key`.

    Args:
        placed: every mention of the corpus, in corpus order, with its event.
        host: event id -> host country key (the country most mentioned in its sources).
        aliases: extra groups of names that mean the same actor (from configuration).
    """
    roles = _roles(placed)
    alias = _Union()
    for group in aliases or []:
        keys = [affiliation_key(w, lex) for w in group]
        for k in keys[1:]:
            alias.union(keys[0], k)
    union = _Union()
    per_event_affs: dict[str, set[str]] = defaultdict(set)
    co_occur: list[tuple[str, str]] = []
    keyed: list[tuple[str, str | None, list[str]]] = []
    for p in placed:
        f, event, role = p.mention, p.event, roles[p.key]
        h = host.get(event)
        affs = []
        for a in f.affiliations:
            k = alias.find(affiliation_key(a, lex))
            if not k or len(k) < 3 and k != "GOV":
                continue
            if role in STATE_ROLES and (k == h or k == "GOV"):
                k = "GOV"
            affs.append(k)
        if role in STATE_ROLES and not affs:
            affs = ["GOV"]
        if role not in STATE_ROLES:
            affs = [a for a in affs if a != "GOV"] or affs
        for a, b in zip(affs, affs[1:]):
            # "Russian Wagner mercenaries" anywhere in the corpus says Wagner is Russian everywhere
            co_occur.append((a, b))
        per_event_affs[event].update(affs)
        keyed.append((event, role, affs))
    for event, affs in per_event_affs.items():
        for a, b in co_occur:
            if a in affs and b in affs:
                union.union(f"{event}:{a}", f"{event}:{b}")
        ordered = sorted(affs)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                if len(a) >= 5 and len(b) >= 5 and fuzz.ratio(a, b) >= 88:
                    union.union(f"{event}:{a}", f"{event}:{b}")
    # roles seen with each affiliation cluster, per event and measure
    first: list[tuple[str, str]] = []
    cluster_roles: dict[tuple[str, str, str], set] = defaultdict(set)
    for p, (event, role, affs) in zip(placed, keyed):
        cluster = union.find(f"{event}:{affs[0]}") if affs else ""
        first.append((cluster, role or ""))
        if cluster:
            cluster_roles[(event, p.measure, cluster)].add(_family(role))
    combatant_owners: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (e, m, c), fams in cluster_roles.items():
        if "combatant" in fams and not c.endswith(":GOV"):
            combatant_owners[(e, m)].append(c)
    out: list[str] = []
    for p, (cluster, role) in zip(placed, first):
        family = _family(role or None)
        if cluster:
            party = cluster.split(":", 1)[1]
            if family in ("civilian", "child", "woman", "total") or role in STATE_ROLES and party != "GOV":
                party = f"{party}/{role or family}"
            elif role in STATE_ROLES:
                party = f"GOV/{role}"
            out.append(party)
            continue
        if family == "combatant":
            owners = combatant_owners.get((p.event, p.measure), [])
            if len(owners) == 1:
                out.append(owners[0].split(":", 1)[1])
                continue
        out.append(role or "total")
    out = _restatements(placed, roles, out)
    # a count limited to one facility or district is a part of the event, never its total
    return {p.key: party if not p.scope else f"{party}@{p.scope}" for p, party in zip(placed, out)}


def _roles(placed: Sequence[Placed]) -> dict[tuple[str, int], str | None]:
    """Each mention's role; '203 men and 213 women are missing': beside women, men is a group of its own."""
    women = {(p.mention.source, p.mention.sentence_index) for p in placed if p.mention.role == "woman"}
    out = {}
    for p in placed:
        f = p.mention
        role = f.role
        if role == "total" and f.who.split()[-1:] in (["men"], ["man"]) and (f.source, f.sentence_index) in women:
            role = "man"
        out[p.key] = role
    return out


def _family(role: str | None) -> str:
    if role in COMBATANT_ROLES:
        return "combatant"
    if role in STATE_ROLES:
        return "state"
    return role


def _restatements(placed: Sequence[Placed], roles: Mapping[tuple[str, int], str | None],
                  parties: list[str]) -> list[str]:
    """'According to X, six militants were killed' right after a count: the same group."""
    out = list(parties)
    for i in range(1, len(placed)):
        f, event = placed[i].mention, placed[i].event
        p, prev_event = placed[i - 1].mention, placed[i - 1].event
        same_measure = placed[i].measure == placed[i - 1].measure
        if (roles[placed[i].key] in ("militant", "fighter") and not f.affiliations and placed[i].claimant
                and p.source == f.source and prev_event == event and same_measure
                and 0 <= f.sentence_index - p.sentence_index <= 1
                and out[i] in ("militant", "fighter") and out[i - 1] not in ("total", "civilian")
                and _family(roles[placed[i - 1].key]) == "combatant"):
            out[i] = out[i - 1]
        if f.elliptical and p.source == f.source and prev_event == event and same_measure:
            out[i] = out[i - 1]
    return out


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


def _point(c: Claim) -> float:
    if c.low is not None and c.high is not None:
        return (c.low + c.high) / 2
    return float(c.low if c.low is not None else c.high)


def estimate(members: list[Claim], same_story_group: Mapping[str, int]) -> tuple[int | None, int | None, int | None, dict]:
    """Low / best / high in the spirit of UCDP: the lowest and highest figures reported, and
    the median of one figure per independent voice (same-story copies and repeats count once)."""
    voices: dict[tuple, float] = {}
    for c in members:
        voice = (same_story_group.get(c.source, c.source), (c.attributed_to or "").lower(), c.low, c.high)
        voices.setdefault(voice, _point(c))
    points = sorted(voices.values())
    if not points:
        return None, None, None, {}
    lows = [c.low for c in members if c.low is not None]
    highs = [c.high for c in members if c.high is not None]
    low = min(lows) if lows else int(points[0])
    high = max(highs + [int(p) for p in points]) if highs or points else None
    mid = len(points) // 2
    best = points[mid] if len(points) % 2 else (points[mid - 1] + points[mid]) / 2
    best = int(round(best))
    basis = {
        "low": [c.id for c in members if c.low == low],
        "best": [c.id for c in members if c.low is not None and c.high is not None and c.low <= best <= c.high
                 or c.low is not None and c.high is None and c.low <= best],
        "high": [c.id for c in members if (c.high if c.high is not None else c.low) == high],
    }
    return low, best, high, basis
