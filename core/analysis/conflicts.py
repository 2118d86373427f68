"""Conflicts: claims about one quantity that cannot all be true, and totals that contradict their parts.

Two claims conflict when their intervals share no value: "at least six" and "seven" agree, "five"
and "at least six" do not. A pair is a *revision* rather than a dispute when the same claimant gave
both figures and the later one is later by publication date or is worded as an update ("rose to",
"revised"); a topic whose every incompatible pair is a revision is reported as one. A figure
stated as a total with its parts ("121 killed: 84 ... and 47 ...") is *internal* when the parts add
up to more than the total allows.
"""
from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from ..model import Claim, Conflict, Source, Topic
from .numbers import interval_text

MAX_PAIRS = 5_000
"""Beyond this many incompatible pairs in one topic, `pairs` keeps one pair per disputed claim."""
_UPDATE = re.compile(r"\b(?:rose|risen|climbed|increased|jumped|revised|updated|up\s+from|now\s+stands|"
                     r"has\s+(?:risen|climbed|reached)|raised|new\s+toll|latest\s+toll)\b", re.I)


def _same_claimant(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return fuzz.token_set_ratio(a.lower(), b.lower()) >= 80


def _voices(members: list[Claim]) -> dict[str, str | None]:
    """Each claim's claimant; an unattributed figure (a headline) takes the claimant of the same
    figure in the same article, since it restates it."""
    named: dict[tuple, str] = {}
    for c in members:
        if c.attributed_to:
            named.setdefault((c.source, c.low, c.high), c.attributed_to)
    return {c.id: c.attributed_to or named.get((c.source, c.low, c.high)) for c in members}


def _all_revisions(involved: list[Claim], voice: dict[str, str | None], published: dict[str, str | None]) -> bool:
    """Whether the incompatible figures all come from one claimant who updated them."""
    voices = [voice[c.id] for c in involved]
    if not voices or any(v is None for v in voices):
        return False
    first = voices[0]
    if not all(_same_claimant(first, v) for v in set(voices)):
        return False
    dates = {published.get(c.source) for c in involved}
    return len(dates - {None}) > 1 or any(_UPDATE.search(c.sentence) for c in involved)


def find(topics: Sequence[Topic], claims: Mapping[str, Claim], sources: Sequence[Source]) -> list[Conflict]:
    """Every conflict in the corpus, ids x1.. in topic order.

    Incompatibility is decided once per pair of distinct intervals, so a topic of thousands of
    claims costs what its output costs.

    A total contradicts its parts ("121 killed: 84 ... and 47 ...") when the parts, found from
    each claim's `part_of`, add up to more than it allows.
    """
    published = {s.id: s.published for s in sources}
    parts: dict[str, list[str]] = defaultdict(list)
    for c in claims.values():
        if c.part_of:
            parts[c.part_of].append(c.id)
    out: list[Conflict] = []
    for t in topics:
        if t.measure == "other":
            continue  # freed, rescued, crowds, responders: counted, but not the casualty figures compared
        members = [claims[i] for i in t.claims]
        order = {c.id: n for n, c in enumerate(members)}
        total, involved, pairs = _incompatible(members, order)
        if pairs:
            pairs.sort(key=lambda p: (order[p[0]], order[p[1]]))
            kind = "revision" if _all_revisions(involved, _voices(members), published) else "dispute"
            figures = sorted({interval_text(c.low, c.high) for c in involved}, key=_sort_key)
            why = (f"{total:,} incompatible pair{'s' * (total != 1)} about {t.who} "
                   f"({t.measure}): {', '.join(figures)}")
            if kind == "revision":
                why += "; the same claimant updated the figure"
            disputed = tuple(c.id for c in involved)
            out.append(Conflict("", t.id, t.claims, tuple(pairs), kind, why, disputed=disputed, pairs_total=total))
        for total_id in t.claims:
            part_ids = parts.get(total_id)
            if not part_ids:
                continue
            stated = claims[total_id]
            part_claims = [claims[p] for p in part_ids if p in claims]
            least = sum(p.low or 0 for p in part_claims)
            if stated.high is not None and least > stated.high:
                listed = " + ".join(interval_text(p.low, p.high) for p in part_claims)
                why = (f"stated total {interval_text(stated.low, stated.high)} is smaller than its parts "
                       f"{listed} = {least}")
                out.append(Conflict("", t.id, t.claims, (), "internal", why,
                                    parts=tuple(p.id for p in part_claims)))
    return [replace(c, id=f"x{i}") for i, c in enumerate(out, 1)]


def _incompatible(members: list[Claim], order: dict[str, int]) -> tuple[int, list[Claim], list[tuple[str, str]]]:
    """A topic's incompatible pairs: how many, the claims in at least one (in topic order), and
    the pairs listed — all of them up to MAX_PAIRS, else one per disputed claim.

    Claims are grouped by distinct interval and intervals sorted by their low end, so counting is
    O(k log k) in the distinct intervals and listing costs what is listed: two intervals are
    incompatible exactly when one lies wholly to the left of the other.
    """
    classes: dict[tuple, list[Claim]] = {}
    for c in members:
        classes.setdefault((c.low, c.high), []).append(c)
    spans = [(-math.inf if lo is None else lo, math.inf if hi is None else hi, key)
             for key in classes for lo, hi in [key]]
    by_low = sorted(spans, key=lambda s: s[0])
    lows = [s[0] for s in by_low]
    weight_after = list(itertools.accumulate(len(classes[s[2]]) for s in reversed(by_low)))[::-1] + [0]
    total = 0
    for _lo, hi, key in spans:
        total += len(classes[key]) * weight_after[bisect.bisect_right(lows, hi)]
    if not total:
        return 0, [], []
    max_low = max(lows)
    min_high = min(s[1] for s in spans)
    disputed_keys = {key for lo, hi, key in spans if hi < max_low or lo > min_high}
    involved = sorted((c for key in disputed_keys for c in classes[key]), key=lambda c: order[c.id])
    pairs: list[tuple[str, str]] = []

    def pair(x: Claim, y: Claim) -> tuple[str, str]:
        return (x.id, y.id) if order[x.id] < order[y.id] else (y.id, x.id)

    if total <= MAX_PAIRS:
        for _lo, hi, key in spans:
            for right in by_low[bisect.bisect_right(lows, hi):]:
                pairs += [pair(x, y) for x in classes[key] for y in classes[right[2]]]
    else:  # one pair per disputed claim, with the first claim of an interval it cannot meet
        rightmost = classes[by_low[-1][2]][0]
        leftmost = classes[min(spans, key=lambda s: (s[1], order[classes[s[2]][0].id]))[2]][0]
        for c in involved:
            hi = math.inf if c.high is None else c.high
            pairs.append(pair(c, rightmost if hi < max_low else leftmost))
    pairs.sort(key=lambda p: (order[p[0]], order[p[1]]))
    return total, involved, pairs


def _sort_key(text: str) -> tuple[float, str]:
    m = re.search(r"[\d,]+", text)
    return (float(m.group().replace(",", "")) if m else 0.0), text
