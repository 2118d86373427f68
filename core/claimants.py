"""Names for descriptive claimants: "An Al Qaeda affiliate claims ..." is JNIM's claim.

Articles introduce an actor once with its name and a description — "Jama'a Nusrat ul-Islam wa
al-Muslimin (JNIM), an Al Qaeda branch", "extremists, known as JNIM", "al Qaeda's regional
affiliate, Jama'at Nusrat al-Islam wal-Muslimin (JNIM)" — and later refer to it by the
description alone. Those appositions are collected from the corpus (the claimant's own article
first), and a description-only claimant gets the name it was introduced with appended.
"""
from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz

from .model import Source

_ACR = r"[A-Z][A-Z\-]{1,9}"
_DEFINITIONS = [
    re.compile(rf"\(({_ACR})\)\s*,\s*(?:an?|the)\s+([^,.;()]{{3,60}})"),
    re.compile(rf"\(({_ACR})\)\s*,\s*((?:linked|affiliated|allied|tied)\s+(?:to|with)\s+[^,.;()]{{3,40}})"),
    re.compile(rf"(?:^|[.,;]\s*|\b(?:an?|the|its)\s+)([^,.;()]{{3,80}}?),\s*known\s+as\s+({_ACR})\b"),
    re.compile(rf"\b(?:an?|the|its)\s+([^,.;()]{{3,60}}?),\s*(?:[\w'’\-]+\s+){{0,6}}\(({_ACR})\)"),
    re.compile(rf"\b({_ACR}),\s*(?:an?|the)\s+([^,.;()]{{3,60}})"),
]
_STOP = {"a", "an", "the", "of", "its", "their", "to", "with", "by", "and", "in", "on", "for", "has",
         "have", "had", "that", "which", "who", "group", "known", "as", "from", "s"}
_NAMED = re.compile(rf"\b{_ACR}\b|\b(?:[A-Z][a-z]+\s+){{1,3}}(?:Group|Agency|Ministry|Army|Forces|Front|"
                    r"Movement|Observatory|Committee|Council|Office|Service|Police)\b")


def _words(text: str) -> set[str]:
    ws = set()
    for w in re.findall(r"[a-z]+", text.lower().replace("’", "'")):
        if w in _STOP or len(w) < 2:
            continue
        ws.add(w[:-1] if w.endswith("s") and len(w) > 4 else w)
    return ws


def _overlap(a: set[str], b: set[str]) -> int:
    n = 0
    for w in a:
        if w in b or any(len(w) >= 4 and len(x) >= 4 and fuzz.ratio(w, x) >= 80 for x in b):
            n += 1
    return n


class Resolver:
    """Collects the corpus's name-description appositions once, then resolves claimants."""

    def __init__(self, sources: list[Source]) -> None:
        self.by_source: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
        self.corpus: list[tuple[str, set[str]]] = []
        for s in sources:
            text = s.readable
            for pattern in _DEFINITIONS:
                for m in pattern.finditer(text):
                    a, b = m.group(1), m.group(2)
                    name, desc = (a, b) if re.fullmatch(_ACR, a) else (b, a)
                    words = _words(desc)
                    if words and len(words) <= 8:
                        self.by_source[s.id].append((name, words))
                        self.corpus.append((name, words))

    def resolve(self, claimant: str | None, source_id: str) -> str | None:
        """The claimant with its introduced name appended where it is only a description."""
        if not claimant or _NAMED.search(claimant):
            return claimant
        words = _words(claimant.partition(" (to ")[0])
        if len(words) < 2:
            return claimant
        for pool in (self.by_source.get(source_id, []), self.corpus):
            scores: dict[str, int] = defaultdict(int)
            for name, desc in pool:
                scores[name] = max(scores[name], _overlap(words, desc))
            if not scores:
                continue
            ranked = sorted(scores.items(), key=lambda kv: -kv[1])
            best, score = ranked[0]
            if score >= 2 and (len(ranked) == 1 or ranked[1][1] < score):
                head, sep, tail = claimant.partition(" (to ")
                return f"{head} ({best}){sep}{tail}"
        return claimant
