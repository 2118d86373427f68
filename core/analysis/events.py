"""Which event each claim is about, and which events in different articles are the same one.

An article reports one event and mentions others as background ("just months after another
ambush, where nearly 50 ..."). Each article is cut into *frames*: the primary frame (what the
headline and lead are about) and background frames opened by cues — a date that cannot be the
primary event's ("in July" in a November story), a marker ("another ambush", "a similar
incident", "months after"), or a sequel ("Later, ..."). A frame persists until another cue, and a
definite reference in a new paragraph ("the attack", "Thursday's ambush") returns to the primary.

Frames are then linked across articles by date compatibility (a hard constraint) and shared
places weighted by rarity, so "Tin-Zaouatine" in one article meets "Tinzaouaten" in another.
Candidate events are found through an index of place keys and months, never by comparing every
frame with every other.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from . import places, timeref
from .extract import SourceExtraction
from ..model import Event
from .lexicon import MONTHS
from .timeref import When

EVENT_NOUNS = ("attack|ambush|assault|bombing|blast|explosion|strike|airstrike|air strike|drone strike|"
               "raid|battle|clash|clashes|fighting|shooting|massacre|earthquake|quake|flood|floods|"
               "flooding|landslide|storm|cyclone|hurricane|typhoon|fire|blaze|collapse|stampede|crash|"
               "derailment|shipwreck|sinking|riot|riots|protest|protests|crackdown|siege|offensive|"
               "incursion|kidnapping|abduction|hijacking|incident|operation|violence|tragedy|disaster|"
               "insurgency|conflict|war|uprising|crisis")
_NOUN = re.compile(rf"\b({EVENT_NOUNS})\b", re.I)
_BACKGROUND = re.compile(
    rf"\b(?:another|previous|earlier|prior|similar|separate|last|new|fresh|second)\s+(?:[\w.]+\s+){{0,3}}?(?:{EVENT_NOUNS})\b|"
    rf"\b(?:worse|deadlier|bigger|larger|smaller)\s+than\s+(?:the|a|an)\b|\bafter\s+the\s+(?:\w+\s+){{0,2}}(?:{EVENT_NOUNS})s?\s+in\s+[A-Z]|"
    r"\b(?:months|weeks|years)\s+(?:after|before)\s+(?:another|an?|the\s+\w+\s+of)\b|"
    r"\b(?:months|weeks|years)\s+(?:ago|earlier)\b|\bin\s+a\s+separate\b|"
    r"\bover\s+(?:the\s+(?:past|last)\s+)?(?:\w+\s+)?(?:years|decades)\b|"
    r"\b(?:insurgency|conflict|civil\s+war|violence)\b[^.]{0,60}?\b(?:in|since)\s+(?:19|20)\d\d\b|"
    r"\blast\s+year\b|\ba\s+year\s+(?:ago|earlier)\b|\b(?:across|throughout)\s+the\s+(?:country|region|nation)\b|"
    r"\bnationwide\b|\bso\s+far\s+this\s+year\b|\bin\s+(?:\w+\s+)?attacks\b|\bdeadliest\s+(?:month|year|week)\b|"
    r"\b(?:in|during)\s+(?:the\s+|its\s+|\w+['’]s\s+)?(?:\w+\s+)?(?:conflict|insurgency|civil\s+war|war)\b|"
    r"\b(?:deadliest|worst|bloodiest|biggest|largest)\b[^.;]{0,50}?\bsince\b|"
    rf"\b(?:a|an)\s+(?:{'|'.join(MONTHS)})\s+(?:{EVENT_NOUNS})\b",
    re.I,
)
_SEQUEL = re.compile(r"^\s*(?:Later|Subsequently|Afterwards|Since then|(?:Days|Weeks|Months|A\s+(?:day|week|month))\s+later)\b", re.I)
_NEW_EVENT = re.compile(rf"\b(?:a|an|another|new|second|fresh)\s+(?:[\w-]+\s+){{0,2}}(?:{EVENT_NOUNS})\b", re.I)
"""'Later, ... organizing a strike': a sequel is a new event only when it introduces one."""
_RETURN = re.compile(
    rf"\b(?:this|the\s+latest|the|this\s+latest|\w+day['’]s)\s+(?:latest\s+|deadly\s+|recent\s+)?(?:{EVENT_NOUNS})\b", re.I)
_ACRONYM = re.compile(r"\b[A-Z]{2,6}(?:-[A-Z]{2,6})?\b")
_PRIMARY_LEAD = 6


@dataclass
class Frame:
    """One event as one article talks about it."""

    source: str
    number: int
    primary: bool
    sequel: bool = False
    anchor: When | None = None
    whens: list[When] = field(default_factory=list)
    places: Counter = field(default_factory=Counter)
    nouns: Counter = field(default_factory=Counter)
    actors: set = field(default_factory=set)
    start_paragraph: int = 0
    place_names: dict = field(default_factory=dict)
    fixed: bool = False
    """The primary frame's date comes from the lead only; later dates do not move it."""

    def absorb(self, sentence: str, pub: dt.date | None, with_time: bool = True) -> None:
        if with_time:
            for w in timeref.find(sentence, pub):
                self.whens.append(w)
                if not self.fixed and (self.anchor is None or _specificity(w) > _specificity(self.anchor)):
                    self.anchor = w
        for k in sorted(places.find(sentence)):  # sorted: Counter ties keep a stable order
            self.places[k] += 1
        for m in _NOUN.finditer(sentence):
            self.nouns[m.group(1).lower()] += 1
        self.actors.update(a for a in _ACRONYM.findall(sentence) if a not in ("AP", "AFP", "BBC", "CNN", "UN"))
        for m in re.finditer(r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?", sentence):
            name = re.sub(r"['’]s$", "", m.group())
            self.place_names.setdefault(places.key(name), name)


_REPORTING = re.compile(r"\b(?:said|says|say|reported|reports|told|tells|announced|stated|posted|"
                        r"published|updated|wrote|speaking|spoke|added|confirmed|claimed|quoted|"
                        r"cited|released|issued|tweeted)\b", re.I)
_DATELINE = re.compile(r"^\W*[A-Z][A-Z .'’\-]{2,}(?:,\s*[A-Z][\w .'’\-]*)?,\s*$")
_CONTINUES = re.compile(r"\b(?:at\s+(?:that|the)\s+time|that\s+(?:day|night|week|attack|ambush|battle|"
                        r"incident|time|raid|strike|clash)|back\s+then|then)\b", re.I)


@lru_cache(maxsize=8192)
def event_times(sentence: str, pub: dt.date | None) -> list[When]:
    """Time references that date an event, not a report: 'said on Monday' and 'In October CNN
    reported' are skipped; 'killed on Sunday, police said' is kept."""
    out = []
    for w in timeref.find(sentence, pub):
        if _DATELINE.match(sentence[: w.start]):
            continue  # "ISLAMABAD, June 23 —" dates the report
        before = sentence[max(0, w.start - 40): w.start]
        if re.search(rf"{_REPORTING.pattern}(?:\s+[\w'’\-]+){{0,2}}\s*$", before, re.I):
            continue
        if not sentence[: w.start].strip():
            rest = re.sub(r"^\S+\s+(?:\d+\s+)?(?:\w+\s+)?", "", sentence[w.start:], count=1)
            if re.match(rf"\s*,?\s*(?:the\s+)?(?:[\w'’\-]+\s+){{0,3}}{_REPORTING.pattern}", rest, re.I):
                continue
        out.append(w)
    return out


def _continues(paragraph: str, frame: "Frame", pub: dt.date | None) -> bool:
    """Whether a paragraph takes up a background frame again: 'at that time', its date or places."""
    if _CONTINUES.search(paragraph):
        return True
    if frame.anchor and any(timeref.compatible(w, frame.anchor) and w.month for w in timeref.find(paragraph, pub)):
        return True
    own = {k for k in frame.places if len(k) >= 5}
    return bool(own & places.find(paragraph))


def _specificity(w: When) -> int:
    return (w.year is not None) + 2 * (w.month is not None) + 2 * (w.day is not None) + (w.weekday is not None)


def segment(ex: SourceExtraction, published: str | None) -> tuple[list[Frame], list[int]]:
    """Cuts one article into frames; returns the frames and each found claim's frame number."""
    pub = timeref.parse_iso(published)
    sents = ex.sentences
    primary = Frame(ex.source.id, 0, True)
    for s in sents[:_PRIMARY_LEAD + 3]:
        if _BACKGROUND.search(s.text) or _SEQUEL.match(s.text):
            continue
        found = event_times(s.text, pub)
        if found:
            primary.anchor = max(found, key=_specificity)
            break
    primary.fixed = True
    claim_sentences = {f.sentence_index for f in ex.found}
    paragraph_text: dict[int, str] = defaultdict(str)
    for s in sents:
        paragraph_text[s.paragraph] += " " + s.text
    frames = [primary]
    current = primary
    sentence_frame: list[tuple[list[tuple[int, Frame]], Frame]] = []
    for i, s in enumerate(sents):
        if (current is not primary and s.paragraph != current.start_paragraph
                and s.paragraph != sents[i - 1].paragraph
                and not _continues(paragraph_text[s.paragraph], current, pub)):
            current = primary  # a background frame ends with its paragraphs unless taken up again
        cues: list[tuple[int, Frame]] = []
        if _SEQUEL.match(s.text) and _NEW_EVENT.search(s.text):
            current = Frame(ex.source.id, len(frames), False, sequel=True, start_paragraph=s.paragraph)
            frames.append(current)
            current.absorb(s.text, pub, with_time=False)
            sentence_frame.append(([], current))
            continue
        bg_in_sentence: Frame | None = None
        for m in _BACKGROUND.finditer(s.text):
            if bg_in_sentence is None:
                bg_in_sentence = Frame(ex.source.id, len(frames), False, start_paragraph=s.paragraph)
                frames.append(bg_in_sentence)
            cues.append((m.start(), bg_in_sentence))
        for w in event_times(s.text, pub):
            anchor = primary.anchor
            if anchor is None or (w.month is None and w.year is None):
                continue
            shared = (anchor.year and w.year) or (anchor.month and w.month) or (
                anchor.weekday is not None and w.weekday is not None)
            if not shared:
                continue  # a bare year says nothing against a weekday-only lead
            if timeref.compatible(w, anchor):
                cues.append((w.start, primary))
                continue
            target = bg_in_sentence or next(
                (f for f in frames[1:] if not f.sequel and f.anchor and timeref.compatible(f.anchor, w)), None)
            if target is None:
                target = Frame(ex.source.id, len(frames), False, start_paragraph=s.paragraph)
                frames.append(target)
            bg_in_sentence = bg_in_sentence or target
            target.anchor = target.anchor if target.anchor and _specificity(target.anchor) >= _specificity(w) else w
            cues.append((w.start, target))
        if current is not primary and s.paragraph != current.start_paragraph and not cues:
            if _RETURN.search(s.text):
                cues.append((_RETURN.search(s.text).start(), primary))
        cues.sort(key=lambda c: c[0])
        sentence_frame.append((cues, current))
        eventive = i in claim_sentences or _NOUN.search(s.text)
        if cues and (eventive or cues[-1][1] is primary):
            current = cues[-1][1]  # a date in an aside ("I wrote to him in September") opens nothing
    # claims: the cue nearest before the figure in its sentence, else the first after it, else the
    # frame in force when the sentence began
    claim_frame: list[int] = []
    for f in ex.found:
        cues, start_frame = sentence_frame[f.sentence_index]
        pos = f.extra["number_start"] - ex.sentences[f.sentence_index].start
        before = [fr for p, fr in cues if p <= pos]
        after = [fr for p, fr in cues if p > pos]
        frame = before[-1] if before else (after[0] if after else start_frame)
        claim_frame.append(frame.number)
    for (cues, start_frame), s in zip(sentence_frame, sents):
        targets = {id(fr): fr for _, fr in cues} or {id(start_frame): start_frame}
        for fr in targets.values():
            if not fr.sequel:
                fr.absorb(s.text, pub, with_time=fr is not primary or len(targets) == 1)
            else:
                fr.absorb(s.text, pub, with_time=False)
    return frames, claim_frame


@dataclass
class _Cluster:
    id: int
    frames: list[Frame] = field(default_factory=list)
    anchors: list[When] = field(default_factory=list)
    places: Counter = field(default_factory=Counter)
    nouns: Counter = field(default_factory=Counter)
    actors: Counter = field(default_factory=Counter)
    sources: set = field(default_factory=set)
    n_primary: int = 0
    by_prefix: dict = field(default_factory=lambda: defaultdict(set))
    """Place keys by their first three letters, so fuzzy matching compares like with like."""


def _place_match(a: str, b: str) -> bool:
    return a == b or (len(a) >= 5 and len(b) >= 5 and fuzz.ratio(a, b) >= 85)


def _score(frame: Frame, c: _Cluster, weight) -> float | None:
    score = 0.0
    if frame.anchor is not None:
        for a in c.anchors:
            if not timeref.compatible(frame.anchor, a):
                return None
        if c.anchors:
            best = max(c.anchors, key=_specificity)
            if frame.anchor.month and best.month:
                score += 2.0
            elif frame.anchor.weekday is not None and frame.anchor.weekday == best.weekday:
                score += 1.0
    for k in frame.places:
        if k in c.places:
            score += weight(k)
        elif len(k) >= 5:
            for other in c.by_prefix.get(k[:3], ()):
                if _place_match(k, other):
                    score += weight(k) * 0.9
                    break
    shared_nouns = set(frame.nouns) & set(c.nouns) - {"attack", "incident", "violence", "operation"}
    score += 0.3 * min(len(shared_nouns), 2)
    score += 0.3 * min(len(frame.actors & set(c.actors)), 2)
    if frame.primary and any(f.primary for f in c.frames):
        score += 1.0
    return score


def link(all_frames: list[Frame]) -> tuple[list[_Cluster], dict[tuple[str, int], int]]:
    """Groups frames of all articles into events; returns clusters and (source, frame) -> cluster."""
    df: Counter = Counter()
    for f in all_frames:
        df.update(set(f.places))
    n = max(len(all_frames), 1)

    def weight(k: str) -> float:
        return math.log(1 + n / df.get(k, 1)) if df.get(k, 1) < n else 0.2

    clusters: list[_Cluster] = []
    index: dict[str, set[int]] = defaultdict(set)
    where: dict[tuple[str, int], int] = {}
    order = sorted(all_frames, key=lambda f: (not f.primary, f.sequel, -_specificity(f.anchor) if f.anchor else 0))
    largest = main = 0  # the cluster with most frames, and the one with most primary frames
    for f in order:
        candidates: set[int] = set()
        for k in sorted(f.places, key=lambda k: (df.get(k, 0), k)):
            posting = index.get(k, set())
            if len(posting) <= 64:
                candidates |= posting  # rarest places first, until there are enough to choose from
            if len(candidates) >= 8:
                break
        if f.anchor and f.anchor.month and len(candidates) < 8:
            by_month = index.get(f"@{f.anchor.month}", set())
            candidates |= by_month if len(by_month) <= 64 else set()
        if clusters:
            candidates.add(largest)
        best, best_score = None, 0.0
        threshold = 2.0 if f.primary else 1.0
        if f.sequel:
            threshold = 3.0
        for ci in candidates:
            c = clusters[ci]
            if f.source in c.sources:
                continue  # an article's own frames are different events by construction
            s = _score(f, c, weight)
            if s is not None and s >= threshold and s > best_score:
                best, best_score = ci, s
        if best is None and f.primary and clusters:
            # the corpus is reports of one event: an article whose lead shares anything with the
            # main event and whose date cannot contradict it joins it
            s = _score(f, clusters[main], weight)
            if s is not None and s > 1.0 and f.source not in clusters[main].sources:
                best = main
        if best is None:
            best = len(clusters)
            clusters.append(_Cluster(best))
        c = clusters[best]
        c.frames.append(f)
        c.sources.add(f.source)
        c.n_primary += f.primary
        if len(c.frames) > len(clusters[largest].frames):
            largest = best
        if c.n_primary > clusters[main].n_primary:
            main = best
        if f.anchor:
            c.anchors.append(f.anchor)
            if f.anchor.month:
                index[f"@{f.anchor.month}"].add(best)
        c.places.update(f.places)
        for k in f.places:
            c.by_prefix[k[:3]].add(k)
        c.nouns.update(f.nouns)
        c.actors.update(sorted(f.actors))  # ties in most_common keep this order
        for k in f.places:
            index[k].add(best)
        where[(f.source, f.number)] = best
    return clusters, where


def describe(clusters: list[_Cluster], used: set[int]) -> tuple[list[Event], dict[int, str]]:
    """Events for the clusters that hold claims, ids e1.. by how many sources report them."""
    ranked = sorted((c for c in clusters if c.id in used),
                    key=lambda c: (-len({f.source for f in c.frames}), not any(f.primary for f in c.frames), c.id))
    events, ids = [], {}
    for i, c in enumerate(ranked, 1):
        eid = f"e{i}"
        ids[c.id] = eid
        date = None
        dated = [a for a in c.anchors if a.iso()]
        if dated:
            date = Counter(a.iso() for a in sorted(dated, key=_specificity, reverse=True)).most_common(1)[0][0]
        names: dict[str, str] = {}
        for f in c.frames:
            names.update(f.place_names)
        top = [k for k, _ in c.places.most_common(4)]
        place = ", ".join(names.get(k, k) for k in top[:2]) or None
        noun = c.nouns.most_common(1)[0][0] if c.nouns else "event"
        label = " · ".join(x for x in (date, place, noun) if x)
        events.append(Event(eid, label, date, place, tuple(a for a, _ in c.actors.most_common(5)),
                            tuple(sorted({f.source for f in c.frames}))))
    return events, ids
