"""Which descriptions of one event disagree: description conflicts.

Two descriptions conflict when they answer one question of one event (a slot) in ways that cannot
both be true, and come from different claimants. Precision comes first, since a false
disagreement is noise an editor must dismiss, so only these count:

- **victims / target**: two labels on opposite sides of one axis (`labels`): civilians against
  terrorists (Moura 2022), mercenaries against trainers (Mali 2024), a convoy against a
  checkpoint (Mali 2024). A claimant who uses both sides for one event is counting two groups
  side by side ("12 civilians and 5 militants") and takes part on neither.
- **perpetrator**: two named groups that are not one group under any alias, branch or rebranding
  (JNIM against the Tuareg rebels of the CSP, Mali 2024; bandits against Boko Haram, Kankara
  2020). Generic words (gunmen, militants, suicide bombers) are compatible with every name.
- **denial**: a denial against what it denies, asserted by someone else for the event ("denied
  allegations of deploying mercenaries" against the outlets' "Wagner mercenaries"; "No civilian
  from Moura lost their life" against "some 300 civilians"), or a denial that names the allegation
  it answers ("Kyiv denied any involvement", Crocus 2024).

Names are compared after aliases: the shipped table of armed groups, the user's `[aliases]`, and
what the corpus itself says ("Tuareg rebels (CSP)", "a rebranded paramilitary force called Africa
Corps").
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from . import labels
from .descriptions import DENIAL, PERPETRATOR, TARGET, VICTIMS
from ..model import Claim, Description, DescriptionConflict


class Names:
    """Alias groups joined into one canonical name each (union-find over case-folded names)."""

    def __init__(self, groups: Iterable[Sequence[str]]) -> None:
        self._parent: dict[str, str] = {}
        self._shown: dict[str, str] = {}
        for group in groups:
            names = [n for n in group if n and n.strip()]
            for n in names:
                self._shown.setdefault(n.casefold(), n)
            for n in names[1:]:
                self._join(names[0].casefold(), n.casefold())

    def _find(self, k: str) -> str:
        self._parent.setdefault(k, k)
        while self._parent[k] != k:
            self._parent[k] = self._parent[self._parent[k]]
            k = self._parent[k]
        return k

    def _join(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[rb] = ra  # the earlier group's first name stays canonical

    def canonical(self, name: str) -> str:
        k = name.casefold()
        if "-" in k and k not in self._parent and k.split("-")[0] in self._parent:
            k = k.split("-")[0]  # "CSP-PSD" is the CSP
        return self._shown.get(self._find(k), name)


def names_for(aliases: Sequence[Sequence[str]] | None, learned: Iterable[tuple[str, str]]) -> Names:
    """The shipped groups, the configuration's `[aliases]` and the corpus's own appositions."""
    return Names([*labels.GROUP_ALIASES, *(aliases or ()), *((b, a) for a, b in learned)])


def _label(names: Names, value: str) -> labels.Label | None:
    for v in (value, names.canonical(value)):
        found = labels.VICTIM_LABELS.get(v.casefold()) or labels.SETTINGS.get(v.casefold())
        if found and found.axis:
            return found
    return None


def _generic(value: str) -> bool:
    low = value.casefold()
    return low in labels.GENERIC_ATTACKERS or low in ("suicide bombers", "gunmen") or (
        len(low.split()) == 2 and low.split()[1] in labels.GENERIC_ATTACKERS
        and low.split()[0] in labels.GENERIC_QUALIFIERS)


def _related(names: Names, a: str, b: str) -> bool:
    """One group, or one a branch or affiliate of the other."""
    ca, cb = names.canonical(a), names.canonical(b)
    if ca.casefold() == cb.casefold():
        return True

    def line(x: str) -> set[str]:
        seen = {x.casefold()}
        while x in labels.GROUP_PARENT:
            x = labels.GROUP_PARENT[x]
            seen.add(x.casefold())
        return seen
    return bool(line(ca) & line(cb))


def _speaker(d: Description) -> str:
    return (d.claimant or f"outlet {d.source}").casefold()


def find(descriptions: Sequence[Description], claims: Sequence[Claim], names: Names) -> list[DescriptionConflict]:
    """The description conflicts of a corpus, by event and slot, in a stable order."""
    by: dict[tuple[str, str], list[Description]] = defaultdict(list)
    for d in descriptions:
        if d.event:
            by[(d.event, d.slot)].append(d)
    out: list[DescriptionConflict] = []
    for (event, slot) in sorted(by, key=lambda k: (k[0], ("perpetrator", "victims", "target", "denial").index(k[1]))):
        group = by[(event, slot)]
        if slot in (VICTIMS, TARGET):
            out.extend(_sided(event, slot, group, names))
        elif slot == PERPETRATOR:
            out.extend(_attackers(event, group, names))
        elif slot == DENIAL:
            everything = [d for (e, _), ds in by.items() if e == event for d in ds if d.slot != DENIAL]
            out.extend(_denials(event, group, everything, names))
    out = [_with_topics(x, descriptions, claims) for x in out]
    return [DescriptionConflict(f"dx{n}", x.event, x.slot, x.descriptions, x.values, x.pairs, x.why, x.topics)
            for n, x in enumerate(out, 1)]


def _pairs(sides: Mapping[str, list[Description]]) -> list[tuple[str, str]]:
    keys = sorted(sides)
    return [(a.id, b.id) for i, ka in enumerate(keys) for kb in keys[i + 1:]
            for a in sides[ka] for b in sides[kb] if _speaker(a) != _speaker(b)]


def _make(event: str, slot: str, sides: Mapping[str, list[Description]], names: Names, why: str) -> DescriptionConflict | None:
    pairs = _pairs(sides)
    if not pairs:
        return None
    ids = sorted({i for p in pairs for i in p}, key=_order)
    members = {d.id: d for ds in sides.values() for d in ds}
    values = tuple(dict.fromkeys(names.canonical(members[i].value) for i in ids))
    return DescriptionConflict("", event, slot, tuple(ids), values, tuple(pairs[:50]), why)


def _order(i: str) -> int:
    return int(i.lstrip("d")) if i.lstrip("d").isdigit() else 0


def _sided(event: str, slot: str, group: list[Description], names: Names) -> list[DescriptionConflict]:
    by_axis: dict[str, dict[str, list[Description]]] = defaultdict(lambda: defaultdict(list))
    for d in group:
        label = _label(names, d.value)
        if label and label.axis and label.side:
            by_axis[label.axis][label.side].append(d)
    out = []
    for axis, sides in sorted(by_axis.items()):
        spoken: dict[str, set[str]] = defaultdict(set)
        for side, ds in sides.items():
            for d in ds:
                spoken[_speaker(d)].add(side)
        mixed = {k for k, v in spoken.items() if len(v) > 1}
        kept = {side: [d for d in ds if _speaker(d) not in mixed] for side, ds in sides.items()}
        kept = {side: ds for side, ds in kept.items() if ds}
        if len(kept) < 2:
            continue
        shown = " against ".join(f"{side} ({', '.join(sorted({d.value for d in ds}))})" for side, ds in sorted(kept.items()))
        x = _make(event, slot, kept, names, f"{axis}: {shown}")
        if x:
            out.append(x)
    return out


def _attackers(event: str, group: list[Description], names: Names) -> list[DescriptionConflict]:
    clusters: list[tuple[str, list[Description]]] = []
    for d in group:
        if _generic(d.value):
            continue
        for name, ds in clusters:
            if _related(names, name, d.value):
                ds.append(d)
                break
        else:
            clusters.append((names.canonical(d.value), [d]))
    if len(clusters) < 2:
        return []
    sides = {name: ds for name, ds in clusters}
    x = _make(event, PERPETRATOR, sides, names, "named as the attackers: " + " against ".join(sides))
    return [x] if x else []


def _denials(event: str, denials: list[Description], others: list[Description], names: Names) -> list[DescriptionConflict]:
    """One conflict per source and thing denied: the article's denials of one value ("trainers, not
    mercenaries" and "denied allegations of deploying mercenaries") are one dispute with the
    descriptions that assert it."""
    groups: dict[tuple, list[tuple[Description, list[Description]]]] = {}
    for d in denials:
        denied = names.canonical(d.denies or "")
        denied_label = _label(names, denied)
        against = []
        for o in others:
            if _speaker(o) == _speaker(d) or o.slot == DENIAL:
                continue
            value = names.canonical(o.value)
            label = _label(names, value)
            if value.casefold() == denied.casefold() or (
                    denied_label and label and label.axis == denied_label.axis and label.side == denied_label.side):
                against.append(o)
        if not against and not _names_allegation(d):
            continue
        what = (denied_label.axis, denied_label.side) if denied_label else denied.casefold()
        groups.setdefault((d.source, what), []).append((d, against))
    out = []
    for members in groups.values():
        head = members[0][0]
        asserted = list({o.id: o for _, against in members for o in against}.values())
        ids = tuple(dict.fromkeys([*(d.id for d, _ in members), *(o.id for o in asserted)]))
        pairs = tuple((d.id, o.id) for d, against in members for o in against)[:50]
        n = len({_speaker(o) for o in asserted})
        why = f"a denial of {head.denies}" + (f", which {n} other claimant{'s' * (n != 1)} assert{'s' * (n == 1)}"
                                             if asserted else ", the allegation it answers")
        out.append(DescriptionConflict("", event, DENIAL, ids, (names.canonical(head.denies or ""), head.value), pairs, why))
    return out


def _names_allegation(d: Description) -> bool:
    """'denied allegations of ...', 'denied any involvement', 'fake news about ...', 'denied ever
    issuing a statement': the allegation is in the denial itself."""
    low = d.phrase.casefold()
    return any(w in low for w in ("allegation", "accusation", "involvement", "claim", "report", "charge", "finding",
                                  "fake news", "false", "misinformation", "statement", "distanced", "dissociated",
                                  "insist"))


def _with_topics(x: DescriptionConflict, descriptions: Sequence[Description], claims: Sequence[Claim]) -> DescriptionConflict:
    """The numeric topics whose figures sit inside the conflict's phrases ("203 terrorists")."""
    if x.slot != VICTIMS:
        return x
    spans = defaultdict(list)
    members = set(x.descriptions)
    for d in descriptions:
        if d.id in members:
            spans[d.source].append((d.start, d.end))
    topics = []
    for c in claims:
        if any(a <= c.start < b for a, b in spans.get(c.source, ())) and c.topic and c.topic not in topics:
            topics.append(c.topic)
    return DescriptionConflict(x.id, x.event, x.slot, x.descriptions, x.values, x.pairs, x.why, tuple(topics))
