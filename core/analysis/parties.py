"""Parties: who each figure counts, so that figures about the same people meet in one topic.

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
  Bloomberg, six militants were killed") refers to the group just counted;
- competing labels for the same dead are one party (`_competing_labels`): the army's "203
  terrorists" and a rights group's "some 300 civilians" for one operation, while a breakdown
  in one sentence ("95 Afghans and 13 U.S. troops") keeps its parts apart; and a figure that
  names no group joins the group every other figure of its quantity names (`_dominant`).
"""
from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz

from . import places
from .lexicon import Lexicon
from .topics import Placed

COMBATANT_ROLES = {"fighter", "militant", None}
STATE_ROLES = {"soldier", "police", "marine"}


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
        for a, b in itertools.pairwise(affs):
            # "Russian Wagner mercenaries" anywhere in the corpus says Wagner is Russian everywhere
            co_occur.append((a, b))
        per_event_affs[event].update(affs)
        keyed.append((event, role, affs))
    for event, event_affs in per_event_affs.items():
        for a, b in co_occur:
            if a in event_affs and b in event_affs:
                union.union(f"{event}:{a}", f"{event}:{b}")
        ordered = sorted(event_affs)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                if len(a) >= 5 and len(b) >= 5 and fuzz.ratio(a, b) >= 88:
                    union.union(f"{event}:{a}", f"{event}:{b}")
    # roles seen with each affiliation cluster, per event and measure
    first: list[tuple[str, str]] = []
    cluster_roles: dict[tuple[str, str, str], set] = defaultdict(set)
    for p, (event, role, affs) in zip(placed, keyed, strict=True):
        cluster = union.find(f"{event}:{affs[0]}") if affs else ""
        first.append((cluster, role or ""))
        if cluster:
            cluster_roles[(event, p.measure, cluster)].add(_family(role))
    combatant_owners: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (e, m, c), fams in cluster_roles.items():
        if "combatant" in fams and not c.endswith(":GOV"):
            combatant_owners[(e, m)].append(c)
    out: list[str] = []
    for p, (cluster, role) in zip(placed, first, strict=True):
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
    out = _own_forces(placed, out)
    out = _competing_labels(placed, out, host)
    out = _dominant(placed, out)
    # a count limited to one facility or district is a part of the event, never its total
    return {p.key: party if not p.scope else f"{party}@{p.scope}" for p, party in zip(placed, out, strict=True)}


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


def _family(role: str | None) -> str | None:
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




_STATE_SPEAKER = re.compile(r"\b(?:army|military|armed\s+forces|troops|government|ministry|defen[cs]e|junta|"
                            r"authorities|presidency|soldiers|forces)\b", re.I)
_NONSTATE_ARMED = {"militant", "fighter"}


def _breakdowns(placed: Sequence[Placed], parties: list[str]) -> set[tuple[str, int]]:
    """Sentences that count two groups side by side ("95 Afghans and 13 U.S. troops were
    killed", "20 civilians and a dozen militants"): their figures are parts, never rival totals."""
    out = set()
    for k in range(1, len(placed)):
        p, q = placed[k - 1], placed[k]
        if (q.mention.listed and q.mention.source == p.mention.source
                and q.mention.sentence_index == p.mention.sentence_index and q.measure == p.measure
                and parties[k].split("@")[0] != parties[k - 1].split("@")[0]):
            out.add((q.mention.source, q.mention.sentence_index))
    return out


def _competing_labels(placed: Sequence[Placed], parties: list[str], host: Mapping[str, str | None]) -> list[str]:
    """One operation's dead under rival labels are one quantity, the label being the dispute.

    The state that carried out an operation counts "203 terrorists" or "more than 200 jihadists"
    killed; a rights group or the UN counts "some 300 civilians"; others "at least 500 people"
    (Moura, 2022; Barsalogho, 2024, where JNIM called the dead militiamen). So, outside a
    breakdown, civilians join the total, or the host country's own people where the event counts
    them apart ("at least 13 civilians killed" beside "79 Afghans" in Kabul), and armed
    non-state groups counted by a state speaker join the total too, when the event has one.
    """
    split = _breakdowns(placed, parties)
    out = list(parties)
    by_event: dict[tuple[str, str], set[str]] = defaultdict(set)
    for p, party in zip(placed, parties, strict=True):
        if not p.scope:
            by_event[(p.event, p.measure)].add(party)
    for i, p in enumerate(placed):
        if p.scope or (p.mention.source, p.mention.sentence_index) in split or p.measure not in ("killed", "injured"):
            continue
        present = by_event[(p.event, p.measure)]
        own = host.get(p.event)
        if parties[i] == "civilian":
            out[i] = own if own and own in present else "total"
        elif p.mention.role in _NONSTATE_ARMED and not p.mention.affiliations and p.claimant \
                and _STATE_SPEAKER.search(p.claimant) \
                and ("total" in present or "civilian" in present) and not parties[i].startswith("GOV"):
            out[i] = "total"
    return out


def _dominant(placed: Sequence[Placed], parties: list[str]) -> list[str]:
    """A figure that names no group ("276 still with Boko Haram", "Hundreds taken") counts the
    group that the other figures of its quantity name, when one group holds at least two thirds
    of them (the schoolgirls of an abduction, the passengers of a sinking)."""
    named: dict[tuple[str, str, str | None], Counter] = defaultdict(Counter)
    for p, party in zip(placed, parties, strict=True):
        if p.mention.who:
            named[(p.event, p.measure, p.scope)][party] += 1
    out = list(parties)
    for i, p in enumerate(placed):
        if p.mention.who or parties[i] != "total":
            continue
        counts = named.get((p.event, p.measure, p.scope))
        if not counts:
            continue
        party, n = counts.most_common(1)[0]
        if party != "total" and n >= 2 and n * 3 >= 2 * sum(counts.values()):
            out[i] = party
    return out


def _own_forces(placed: Sequence[Placed], parties: list[str]) -> list[str]:
    """Troops with no nationality in an article that names only one foreign force are that
    force's: "Besides the 13 service members killed" in a report on U.S. troops at Kabul airport,
    "the soldiers" in a report on French troops in the Sahel."""
    named: dict[str, set[str]] = defaultdict(set)
    for p, party in zip(placed, parties, strict=True):
        side, _, role = party.partition("/")
        if role in STATE_ROLES and side != "GOV":
            named[p.mention.source].add(side)
    out = list(parties)
    for i, (p, party) in enumerate(zip(placed, parties, strict=True)):
        sides = named.get(p.mention.source)
        if party.startswith("GOV/") and not p.mention.affiliations and sides and len(sides) == 1:
            out[i] = f"{next(iter(sides))}/{party.split('/', 1)[1]}"
    return out
