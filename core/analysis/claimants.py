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
from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Source

_ACR = r"[A-Z][A-Z\-]{1,9}"
_DEFINITIONS = [
    re.compile(rf"\(({_ACR})\)\s*,\s*(?:an?|the)\s+([^,.;()]{{3,60}})"),
    re.compile(rf"\(({_ACR})\)\s*,\s*((?:linked|affiliated|allied|tied)\s+(?:to|with)\s+[^,.;()]{{3,40}})"),
    re.compile(rf"(?:^|[.,;]\s*|\b(?:an?|the|its)\s+)([^,.;()]{{3,80}}?),\s*known\s+as\s+({_ACR})\b"),
    re.compile(rf"\b(?:an?|the|its)\s+([^,.;()]{{3,60}}?),\s*(?:[\w'’\-]+\s+){{0,6}}\(({_ACR})\)"),
    re.compile(rf"\b({_ACR}),\s*(?:an?|the)\s+([^,.;()]{{3,60}})"),
]
_FULL_NAME = re.compile(rf"((?:[A-Z][\w'’\-]*\s+)(?:(?:of|on|for|and|the|de|du|des|la|le)\s+|[A-Z][\w'’\-]*\s+){{1,8}})\(({_ACR})\)")
_STOP = {"a", "an", "the", "of", "its", "their", "to", "with", "by", "and", "in", "on", "for", "has",
         "have", "had", "that", "which", "who", "group", "known", "as", "from", "s"}
_NAMED = re.compile(rf"\b{_ACR}\b|\b(?:[A-Z][a-z]+\s+){{1,3}}(?:Group|Agency|Ministry|Army|Forces|Front|"
                    r"Movement|Observatory|Committee|Council|Office|Service|Police)\b")


def _key(word: str) -> str:
    """A spelling-tolerant word key: first letter and the next consonants ('qaida' = 'qaeda')."""
    return word[0] + re.sub(r"[aeiouy]", "", word[1:])[:4]


def _words(text: str) -> set[str]:
    ws = set()
    for w in re.findall(r"[a-z]+", text.lower().replace("’", "'")):
        if w in _STOP or len(w) < 2:
            continue
        ws.add(_key(w[:-1] if w.endswith("s") and len(w) > 4 else w))
    return ws


@dataclass(frozen=True)
class Introductions:
    """How one article introduces actors: acronyms with full names, names with descriptions."""

    full_names: tuple[tuple[str, str], ...] = ()
    """(acronym, full name) in text order: "Kenya National Commission on Human Rights (KNCHR)"."""
    descriptions: tuple[tuple[str, frozenset[str]], ...] = ()
    """(name, description word keys) in text order: "JNIM, an al-Qaeda affiliate"."""


def introductions(source: Source) -> Introductions:
    """The name-description appositions of one article (per-article work, done with the rest)."""
    text = source.readable
    if "(" not in text and "known as" not in text and "," not in text:
        return Introductions()
    full, described = [], []
    bracket, known_as = "(" in text, "known" in text
    for m in _FULL_NAME.finditer(text) if bracket else ():
        name, acronym = m.group(1).strip(), m.group(2)
        full.append((acronym, name))
        described.append((acronym, frozenset(_words(name))))
    acronyms = set(_BARE_ACRONYM.findall(text))
    if acronyms:  # "The Islamic State group ... IS named the attackers": an acronym of a name the article uses
        named = {acronym for acronym, _ in full}
        for m in _CAPITALISED_RUN.finditer(text):
            words = [w for w in m.group().split() if w.lower() not in ("of", "the", "and", "for")]
            initials = "".join(w[0] for w in words)
            if 2 <= len(words) <= 5 and initials in acronyms and initials not in named:
                full.append((initials, m.group()))
                named.add(initials)
    for n, pattern in enumerate(_DEFINITIONS):
        if n in (0, 1, 3) and not bracket or n == 2 and not known_as:
            continue  # each of these needs its bracketed acronym or its "known as"
        for m in pattern.finditer(text):
            a, b = m.group(1), m.group(2)
            name, desc = (a, b) if re.fullmatch(_ACR, a) else (b, a)
            described_words = _words(desc)
            if described_words and len(described_words) <= 8:
                described.append((name, frozenset(described_words)))
    return Introductions(tuple(full), tuple(described))


_BARE_ACRONYM = re.compile(r"\b([A-Z]{2,5})\b")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of\s+|the\s+|and\s+|for\s+)?[A-Z][a-z]+){1,4}")


class Resolver:
    """Collects the corpus's name-description appositions once, then resolves claimants.

    Descriptions are merged per name and indexed by word, so resolving a claimant looks only at
    names that share a word with it, whatever the corpus size.
    """

    def __init__(self, by_source: Mapping[str, Introductions]) -> None:
        self.by_source: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.corpus: dict[str, set[str]] = defaultdict(set)
        self.index: dict[str, set[str]] = defaultdict(set)
        self._cache: dict[tuple[str, str], str] = {}
        self.full_names: dict[str, str] = {}
        for sid, intro in by_source.items():
            for acronym, name in intro.full_names:
                self.full_names.setdefault(acronym, name)
            for name, words in intro.descriptions:
                self.by_source[sid][name] |= words
                self.corpus[name] |= words
                for w in words:
                    self.index[w].add(name)

    def resolve(self, claimant: str | None, source_id: str) -> str | None:
        """The claimant with its introduced name appended where it is only a description."""
        if not claimant:
            return claimant
        bare = claimant.strip()
        if bare in self.full_names:
            return f"{bare} ({self.full_names[bare]})"  # "KNCHR" is also its full name
        if _NAMED.search(claimant):
            return claimant
        key = (claimant, source_id)
        if key not in self._cache:
            self._cache[key] = self._resolve(claimant, source_id)
        return self._cache[key]

    def _resolve(self, claimant: str, source_id: str) -> str:
        words = _words(claimant.partition(" (to ")[0])
        if len(words) < 2:
            return claimant
        candidates = set().union(*(self.index.get(w, set()) for w in words))
        for pool in (self.by_source.get(source_id, {}), self.corpus):
            scores = sorted(((len(words & pool[name]), name) for name in candidates if name in pool),
                            reverse=True)
            if not scores:
                continue
            score, best = scores[0]
            if score >= 2 and (len(scores) == 1 or scores[1][0] < score):
                head, sep, tail = claimant.partition(" (to ")
                full = self.full_names.get(best)
                label = f"{best}: {full}" if full else best
                return f"{head} ({label}){sep}{tail}"
        return claimant
