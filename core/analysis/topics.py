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
from dataclasses import replace

from rapidfuzz import fuzz

from . import places
from .extract import Found
from .lexicon import STATE_WORDS
from ..model import Claim, Topic

COMBATANT_ROLES = {"fighter", "militant", None}
STATE_ROLES = {"soldier", "police"}
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


def affiliation_key(word: str) -> str:
    """'Russians' -> 'russia', 'Wagner' -> 'wagner', 'government' -> 'GOV'."""
    low = re.sub(r"['’]s$", "", word.lower())
    if low in STATE_WORDS:
        return "GOV"
    country = places.country_of(low)
    if country:
        return country
    return re.sub(r"[^a-z0-9]", "", low)


def assign_parties(items: list[tuple[Found, str]], host: dict[str, str | None],
                   aliases: list[list[str]] | None = None) -> list[str]:
    """A party key for each (found claim, event id), in the same order.

    Args:
        items: every found claim of the corpus with the event it was assigned to.
        host: event id -> host country key (the country most mentioned in its sources).
        aliases: extra groups of names that mean the same actor (from configuration).
    """
    gendered(items)
    alias = _Union()
    for group in aliases or []:
        keys = [affiliation_key(w) for w in group]
        for k in keys[1:]:
            alias.union(keys[0], k)
    union = _Union()
    per_event_affs: dict[str, set[str]] = defaultdict(set)
    co_occur: list[tuple[str, str]] = []
    keyed: list[tuple[str, str | None, list[str]]] = []
    for f, event in items:
        h = host.get(event)
        affs = []
        for a in f.affiliations:
            k = alias.find(affiliation_key(a))
            if not k or len(k) < 3 and k != "GOV":
                continue
            if f.role in STATE_ROLES and (k == h or k == "GOV"):
                k = "GOV"
            affs.append(k)
        if f.role in STATE_ROLES and not affs:
            affs = ["GOV"]
        if f.role not in STATE_ROLES:
            affs = [a for a in affs if a != "GOV"] or affs
        for a, b in zip(affs, affs[1:]):
            # "Russian Wagner mercenaries" anywhere in the corpus says Wagner is Russian everywhere
            co_occur.append((a, b))
        per_event_affs[event].update(affs)
        keyed.append((event, f.role, affs))
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
    for (f, _), (event, role, affs) in zip(items, keyed):
        cluster = union.find(f"{event}:{affs[0]}") if affs else ""
        first.append((cluster, role or ""))
        if cluster:
            cluster_roles[(event, f.claim.measure, cluster)].add(_family(role))
    combatant_owners: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (e, m, c), fams in cluster_roles.items():
        if "combatant" in fams and not c.endswith(":GOV"):
            combatant_owners[(e, m)].append(c)
    out: list[str] = []
    for (f, event), (cluster, role) in zip(items, first):
        family = _family(role or None)
        measure = f.claim.measure
        if cluster:
            party = cluster.split(":", 1)[1]
            if family in ("civilian", "child", "woman", "total") or role in STATE_ROLES and party != "GOV":
                party = f"{party}/{role or family}"
            elif role in STATE_ROLES:
                party = f"GOV/{role}"
            out.append(party)
            continue
        if family == "combatant":
            owners = combatant_owners.get((event, measure), [])
            if len(owners) == 1:
                out.append(owners[0].split(":", 1)[1])
                continue
        out.append(role or "total")
    out = _restatements(items, out)
    # a count limited to one facility or district is a part of the event, never its total
    return [p if not f.extra.get("scope") else f"{p}@{f.extra['scope']}" for p, (f, _) in zip(out, items)]


def gendered(items: list[tuple[Found, str]]) -> None:
    """'203 men and 213 women are missing': beside women, men is a group of its own."""
    women = {(f.claim.source, f.sentence_index) for f, _ in items if f.role == "woman"}
    for f, _ in items:
        if f.role == "total" and f.claim.who.split()[-1:] in (["men"], ["man"]) and (
                f.claim.source, f.sentence_index) in women:
            f.role = "man"


def _family(role: str | None) -> str:
    if role in COMBATANT_ROLES:
        return "combatant"
    if role in STATE_ROLES:
        return "state"
    return role


def _restatements(items: list[tuple[Found, str]], parties: list[str]) -> list[str]:
    """'According to X, six militants were killed' right after a count: the same group."""
    out = list(parties)
    for i in range(1, len(items)):
        f, event = items[i]
        p, prev_event = items[i - 1]
        if (f.role in ("militant", "fighter") and not f.affiliations and f.claim.attributed_to
                and p.claim.source == f.claim.source and prev_event == event
                and p.claim.measure == f.claim.measure
                and 0 <= f.sentence_index - p.sentence_index <= 1
                and out[i] in ("militant", "fighter") and out[i - 1] not in ("total", "civilian")
                and _family(p.role) == "combatant"):
            out[i] = out[i - 1]
        if (f.elliptical and p.claim.source == f.claim.source and prev_event == event
                and p.claim.measure == f.claim.measure):
            out[i] = out[i - 1]
    return out


def host_country(texts: list[str]) -> str | None:
    """The country most mentioned in these texts, by name or demonym."""
    counts: Counter = Counter()
    for t in texts:
        for w in re.findall(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b", t):
            c = places.country_of(w)
            if c:
                counts[places.key(c)] += 1
    return counts.most_common(1)[0][0] if counts else None


def build(claims: list[Claim], parties: list[str], same_story_group: dict[str, int]) -> tuple[list[Claim], list[Topic]]:
    """Topics from claims with events and parties set; returns claims with `topic` filled in."""
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, (c, party) in enumerate(zip(claims, parties)):
        groups[(c.event, c.measure, party)].append(i)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0][0], -len(kv[1]), kv[0][1], kv[0][2]))
    topics: list[Topic] = []
    out = list(claims)
    for n, ((event, measure, party), idx) in enumerate(ordered, 1):
        tid = f"t{n}"
        members = [claims[i] for i in idx]
        for i in idx:
            out[i] = replace(out[i], topic=tid, party=party)
        whos = Counter(c.who for c in members if c.who)
        who = whos.most_common(1)[0][0] if whos else PARTY_LABEL.get(party, party)
        low, best, high, basis = estimate(members, same_story_group)
        independent = len({same_story_group.get(c.source, c.source) for c in members})
        topics.append(Topic(tid, event, measure, who, tuple(c.id for c in members), low, best, high,
                            independent, basis))
    return out, topics


def _point(c: Claim) -> float:
    if c.low is not None and c.high is not None:
        return (c.low + c.high) / 2
    return float(c.low if c.low is not None else c.high)


def estimate(members: list[Claim], same_story_group: dict[str, int]) -> tuple[int | None, int | None, int | None, dict]:
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
