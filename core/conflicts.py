"""Conflicts: claims about one quantity that cannot all be true, and totals that contradict their parts.

Two claims conflict when their intervals share no value: "at least six" and "seven" agree, "five"
and "at least six" do not. A pair is a *revision* rather than a dispute when the same claimant gave
both figures and the later one is later by publication date or is worded as an update ("rose to",
"revised"); a topic whose every incompatible pair is a revision is reported as one. A figure
stated as a total with its parts ("121 killed: 84 ... and 47 ...") is *internal* when the parts add
up to more than the total allows.
"""
from __future__ import annotations

import itertools
import re

from rapidfuzz import fuzz

from .model import Claim, Conflict, Source, Topic
from .numbers import interval_text, overlaps

_UPDATE = re.compile(r"\b(?:rose|risen|climbed|increased|jumped|revised|updated|up\s+from|now\s+stands|"
                     r"has\s+(?:risen|climbed|reached)|raised|new\s+toll|latest\s+toll)\b", re.I)


def _same_claimant(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return fuzz.token_set_ratio(a.lower(), b.lower()) >= 80


def _voices(members: list[Claim]) -> dict[str, str | None]:
    """Each claim's claimant; an unattributed figure (a headline) takes the claimant of the same
    figure in the same article, since it restates it."""
    out = {}
    for c in members:
        who = c.attributed_to
        if not who:
            who = next((o.attributed_to for o in members if o.source == c.source and o.attributed_to
                        and (o.low, o.high) == (c.low, c.high)), None)
        out[c.id] = who
    return out


def _is_revision(a: Claim, b: Claim, published: dict[str, str | None], voice: dict[str, str | None]) -> bool:
    if not _same_claimant(voice[a.id], voice[b.id]):
        return False
    pa, pb = published.get(a.source), published.get(b.source)
    if pa and pb and pa != pb:
        return True
    return bool(_UPDATE.search(a.sentence) or _UPDATE.search(b.sentence))


def find(topics: list[Topic], claims: dict[str, Claim], sources: list[Source],
         parts: dict[str, list[str]]) -> list[Conflict]:
    """Every conflict in the corpus, ids x1.. in topic order.

    Args:
        parts: total claim id -> ids of the claims stated as its parts in the same sentence.
    """
    published = {s.id: s.published for s in sources}
    out: list[Conflict] = []
    for t in topics:
        members = [claims[i] for i in t.claims]
        pairs, revisions = [], 0
        voice = _voices(members)
        for a, b in itertools.combinations(members, 2):
            if overlaps((a.low, a.high), (b.low, b.high)):
                continue
            pairs.append((a.id, b.id))
            revisions += _is_revision(a, b, published, voice)
        if pairs:
            kind = "revision" if revisions == len(pairs) else "dispute"
            figures = sorted({interval_text(c.low, c.high) for c in members
                              if any(c.id in p for p in pairs)}, key=_sort_key)
            why = (f"{len(pairs)} incompatible pair{'s' * (len(pairs) != 1)} about {t.who} "
                   f"({t.measure}): {', '.join(figures)}")
            if kind == "revision":
                why += "; the same claimant updated the figure"
            out.append(Conflict("", t.id, t.claims, tuple(pairs), kind, why))
        for total_id in t.claims:
            part_ids = parts.get(total_id)
            if not part_ids:
                continue
            total = claims[total_id]
            part_claims = [claims[p] for p in part_ids if p in claims]
            least = sum(p.low or 0 for p in part_claims)
            if total.high is not None and least > total.high:
                listed = " + ".join(interval_text(p.low, p.high) for p in part_claims)
                why = (f"stated total {interval_text(total.low, total.high)} is smaller than its parts "
                       f"{listed} = {least}")
                out.append(Conflict("", t.id, t.claims, (), "internal", why,
                                    parts=tuple(p.id for p in part_claims)))
    return [Conflict(f"x{i}", c.topic, c.claims, c.pairs, c.kind, c.why, c.parts)
            for i, c in enumerate(out, 1)]


def _sort_key(text: str) -> tuple[float, str]:
    m = re.search(r"[\d,]+", text)
    return (float(m.group().replace(",", "")) if m else 0.0), text
