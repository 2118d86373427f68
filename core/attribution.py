"""Who a figure is attributed to: the claimant, as distinct from the outlet that printed it.

Reporting attributes figures in a handful of shapes: "according to X", "X said/reported/claimed
(that)", "X told Bloomberg", "as reported by X", "a video reviewed by Reuters showed". The cue
nearest before the number governs it ("According to Bloomberg, six ..., while Reuters reported
seven"); failing that, a sentence-level cue after it ("..., police said."). Subjects are read by
walking back from the verb to a clause boundary; pronouns ("one", "it", "the group") fall back to
the previous claimant in the sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import SAY_VERBS

_WORD = re.compile(r"[\w'’\-]+|[^\w\s]")
_BOUNDARY = {",", ";", ":", "(", ")", "—", "–", "while", "whereas", "but", "that", "as", "and",
             "when", "after", "which", "who", "because", "although", "though", "if", "where"}
_PRONOUNS = {"one", "it", "they", "he", "she", "we", "i", "this", "that", "others", "another",
             "some", "both", "the group", "the official", "the source", "which", "who"}
_NOT_SAY = {"according", "put", "showed", "shows", "report", "claim", "say", "adds", "updated",
            "raised", "revised", "posted"}
_LEAD_STRIP = re.compile(r"^(?:with|and|but|while|as|then|also|later|meanwhile)\s+", re.I)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,;:.()]+?)(?=\s+on\s+(?:\w+day|the\s+\w+)\b|\s+(?:in|at)\s+a\s+|[,;:.()]|$)", re.I)
_REPORTED_BY = re.compile(r"\b(?:as\s+)?(?:reported|cited|quoted|confirmed|announced|estimated|claimed|counted)\s+by\s+(?P<who>[^,;:.()]+?)(?=\s+on\s+\w+day\b|[,;:.()]|$)", re.I)
_PASSIVE_ATTACK = re.compile(r"\b(?:attack|ambush|assault|bombing|strike|raid|blast)s?\s+(?:was\s+|were\s+)?claimed\s+by\b", re.I)
_TOLD = re.compile(r"^\s*(?P<outlet>(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3})", re.U)
_SENT_START_VERB = SAY_VERBS | {"attributed", "has", "have", "had", "is", "was", "were", "will",
                                "would", "did", "does", "added", "blamed", "issued", "released"}


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    claimant: str
    kind: str


def _clean(who: str) -> str:
    who = who.strip(" \"'“”‘’,")
    who = re.sub(r"\s+", " ", who)
    who = re.sub(r"[\"“”]", "", who)
    return who


def _subject_before(sentence: str, verb_start: int) -> str:
    """The noun phrase before a verb, back to a clause boundary (skipping empty appositions)."""
    tokens = [(m.start(), m.group()) for m in _WORD.finditer(sentence, 0, verb_start)]
    words: list[str] = []
    i = len(tokens) - 1
    while i >= 0:
        pos, tok = tokens[i]
        low = tok.lower()
        if low in _BOUNDARY:
            if low == "and" and not words:
                return ""  # "X attributed ..., and estimated": the caller uses the sentence subject
            real = [w for w in words if re.match(r"\w", w)]
            if real and not (len(real) == 1 and real[0].lower() in ("has", "have", "had")):
                break
            if low in (",", ")") and i > 0:
                i -= 1
                continue
            if real:
                break
            if low not in (",", "(", ")"):
                break
        words.insert(0, tok)
        i -= 1
        if len(words) > 14:
            break
    for k, w in enumerate(words):
        if k and w.lower() in _SENT_START_VERB and w.lower() not in ("has", "have", "had"):
            words = words[:k]  # "JNIM claimed responsibility, asserting": the subject is JNIM
            break
    text = " ".join(w for w in words if re.match(r"[\w'’\-]", w))
    text = re.sub(r"\s+(?:has|have|had|also|later|previously|then|reportedly|first)$", "", text, flags=re.I)
    return _clean(_LEAD_STRIP.sub("", text))


def _sentence_subject(sentence: str) -> str:
    words = []
    for m in _WORD.finditer(sentence):
        tok = m.group()
        if tok.lower() in _SENT_START_VERB or tok in (",", ";", ":"):
            break
        words.append(tok)
        if len(words) > 10:
            return ""
    return _clean(" ".join(words))


def cues(sentence: str) -> list[Cue]:
    """Every attribution cue in a sentence, in order."""
    out: list[Cue] = []
    for m in _ACCORDING.finditer(sentence):
        out.append(Cue(m.start(), m.end(), _clean(m.group("who")), "according"))
    for m in _REPORTED_BY.finditer(sentence):
        if _PASSIVE_ATTACK.search(sentence[max(0, m.start() - 40): m.end()]):
            continue  # "an attack claimed by X": X claimed the attack, not the figure
        out.append(Cue(m.start(), m.end(), _clean(m.group("who")), "by"))
    for m in _WORD.finditer(sentence):
        tok = m.group().lower()
        if tok not in SAY_VERBS or tok in _NOT_SAY and tok not in ("showed", "shows", "put"):
            continue
        if any(c.start <= m.start() < c.end for c in out):
            continue
        after = sentence[m.end():]
        if re.match(r"\s+by\b", after) or re.match(r"\s+(?:responsibility|credit)\b", after):
            continue  # passive or "claimed responsibility": not a figure's source
        inverted = re.search(r",\s*$", sentence[: m.start()]) and tok in ("said", "says")
        tail = re.match(r"\s+(?:the\s+)?([A-Za-z][\w’'\-]*(?:\s+[\w’'\-]+){0,5}?)\s*(?:[.,;]|$)", after)
        if inverted and tail:
            out.append(Cue(m.start(), m.end(), _clean(tail.group(1)), "say"))
            continue
        subject = _subject_before(sentence, m.start())
        if not subject and re.search(r"\band\s*$", sentence[: m.start()]):
            subject = _sentence_subject(sentence)
        kind = "say"
        if not subject or subject.lower() in _PRONOUNS or re.fullmatch(r"(?:one|some|each) of \w+", subject, re.I):
            kind = "pronoun"
            # "X said": subject after a sentence-final verb ("..., said the police chief.")
            tail = re.match(r"\s+(?:the\s+)?([A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,5}?)\s*[.,]", after)
            if tail and tok in ("said", "says"):
                subject, kind = _clean(tail.group(1)), "say"
        if tok in ("told", "tells", "telling"):
            told = _TOLD.match(after)
            if told and subject:
                subject = f"{subject} (to {_clean(told.group('outlet'))})"
        out.append(Cue(m.start(), m.end(), subject, kind))
    out.sort(key=lambda c: c.start)
    resolved: list[Cue] = []
    for c in out:
        if c.kind == "pronoun":
            prev = next((p for p in reversed(resolved) if p.claimant), None)
            if prev is None:
                continue
            c = Cue(c.start, c.end, prev.claimant, "say")
        if c.claimant:
            resolved.append(c)
    return resolved


def claimant_for(sentence: str, number_start: int, sentence_cues: list[Cue] | None = None) -> str | None:
    """The claimant of the figure starting at `number_start` in `sentence`, or None."""
    found = cues(sentence) if sentence_cues is None else sentence_cues
    if not found:
        return None
    before = [c for c in found if c.end <= number_start]
    if before:
        return before[-1].claimant
    after = [c for c in found if c.start >= number_start]
    for kind in ("according", "say", "by"):
        for c in after:
            if c.kind == kind:
                return c.claimant
    return None
