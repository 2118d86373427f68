"""Voices: who stands behind a topic's figures, so each speaker counts once in the estimate.

A figure relayed by three outlets, or one group's claim repeated in a headline and a bullet,
is one voice. So is a claimant spelled two ways once the claimant resolver has named it: "An Al
Qaeda affiliate (JNIM)" and "An affiliate of Al Qaeda (JNIM)" are both JNIM. A figure with no
claimant is its outlet's own voice, and same-story copies share their outlet's voice.

Each voice contributes one figure: the one it gives most often (ties: the later one in corpus
order, so a revision stands over what it revised).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..model import Claim

NAMED_IN_BRACKETS = re.compile(r"\(([^()]+)\)\s*$")
_ARTICLES = {"the", "a", "an"}
ACRONYM = re.compile(r"[A-Z][A-Z\-]{1,9}")


def claimant_key(claimant: str | None) -> str | None:
    """The normalised claimant: the name the resolver put in brackets ("(JNIM)", "(KNCHR: ...)")
    after a description, an acronym before its spelled-out name, else the words without articles
    or case; None when there is no claimant."""
    if not claimant:
        return None
    head = claimant.split(" (to ", 1)[0].strip()
    m = NAMED_IN_BRACKETS.search(head)
    before = head[: m.start()].strip() if m else head
    if m and not ACRONYM.fullmatch(before):  # "An Al Qaeda affiliate (JNIM)": the name is in brackets
        name = m.group(1).split(":", 1)[0]
    else:  # "KNCHR (Kenya National Commission on Human Rights)": the acronym is the name
        name = before
    words = re.findall(r"[\w'’\-]+", name.lower())
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words) or None


def voice_key(claim: Claim, same_story_group: Mapping[str, int]) -> tuple[str, str]:
    """Whose figure this is: ("claimant", normalised name), or ("outlet", its same-story group)."""
    name = claimant_key(claim.attributed_to)
    if name:
        return "claimant", name
    return "outlet", str(same_story_group.get(claim.source, claim.source))


def point(c: Claim) -> Fraction:
    """The middle of a claim's interval, exactly (a figure may have hundreds of digits)."""
    if c.low is not None and c.high is not None:
        return Fraction(c.low + c.high, 2)
    bound = c.low if c.low is not None else c.high
    return Fraction(bound if bound is not None else 0)


@dataclass(frozen=True)
class Voice:
    """One speaker's say on a topic."""

    key: tuple[str, str]
    claims: tuple[str, ...]
    """Every claim of the topic this voice stands behind, in corpus order."""
    figure: str
    """The claim whose interval stands for the voice."""
    point: Fraction


def voices(members: Sequence[Claim], same_story_group: Mapping[str, int]) -> list[Voice]:
    """The topic's voices in the order they first speak, each with its one figure."""
    by_voice: dict[tuple[str, str], list[Claim]] = {}
    for c in members:
        by_voice.setdefault(voice_key(c, same_story_group), []).append(c)
    out = []
    for key, claims in by_voice.items():
        counts = Counter((c.low, c.high) for c in claims)
        top = max(counts.values())
        figure = next(c for c in reversed(claims) if counts[(c.low, c.high)] == top)
        out.append(Voice(key, tuple(c.id for c in claims), figure.id, point(figure)))
    return out
