"""Which event of its article each figure is about: one article cut into event frames.

An article reports one event and mentions others as background ("just months after another
ambush, where nearly 50 ..."). Each article is cut into *frames*: the primary frame (what the
headline and lead are about) and background frames opened by cues — a date that cannot be the
primary event's ("in July" in a November story), a marker ("another ambush", "a similar
incident", "months after"), or a sequel ("Later, ..."). A frame persists until another cue, and a
definite reference in a new paragraph ("the attack", "Thursday's ambush") returns to the primary.

This is per-article work; `events.link` then finds which frames of different articles are one
event.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import places, timeref
from .extract import Extraction, Mention
from .timeref import MONTHS, When
from .words import has_any, keys

EVENT_NOUNS = ("attack|ambush|assault|bombing|blast|explosion|strike|airstrike|air strike|drone strike|"
               "raid|battle|clash|clashes|fighting|shooting|massacre|earthquake|quake|flood|floods|"
               "flooding|landslide|storm|cyclone|hurricane|typhoon|fire|blaze|collapse|stampede|crash|"
               "derailment|shipwreck|sinking|riot|riots|protest|protests|crackdown|siege|offensive|"
               "incursion|kidnapping|abduction|hijacking|incident|operation|violence|tragedy|disaster|"
               "insurgency|conflict|war|uprising|crisis")
_NOUN = re.compile(rf"\b({EVENT_NOUNS})\b", re.I)
_BACKGROUND = re.compile(
    rf"\b(?:another|previous|earlier|prior|similar|separate|last|new|fresh|second)\s+(?:[\w.]+\s+){{0,3}}?(?:{EVENT_NOUNS})\b|"
    rf"\bafter\s+the\s+(?:\w+\s+){{0,2}}(?:{EVENT_NOUNS})s?\s+in\s+[A-Z]|"
    r"\b(?:months|weeks|years)\s+(?:after|before)\s+(?:another|an?|the\s+\w+\s+of)\b|"
    r"\b(?:months|weeks|years)\s+(?:ago|earlier)\b|\bin\s+a\s+separate\b|"
    r"\bover\s+(?:the\s+(?:past|last)\s+)?(?:\w+\s+)?(?:years|decades)\b|"
    r"\b(?:insurgency|conflict|civil\s+war|violence)\b[^.]{0,60}?\b(?:in|since)\s+(?:19|20)\d\d\b|"
    r"\blast\s+year\b|\ba\s+year\s+(?:ago|earlier)\b|"
    r"\bso\s+far\s+this\s+year\b|\bin\s+(?!the\b|these\b|those\b|this\b|its\b|their\b|both\b)(?:\w+\s+)?attacks\b|"
    r"\bdeadliest\s+(?:month|year|week)\b|"
    r"\b(?:in|during)\s+(?:the\s+|its\s+|\w+['’]s\s+)?(?:\w+\s+)?(?:conflict|insurgency|civil\s+war|war)\b|"
    rf"\b(?:a|an)\s+(?:{'|'.join(MONTHS)})\s+(?:{EVENT_NOUNS})\b|"
    rf"\blast\s+(?:month|week|year)['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:{EVENT_NOUNS})\b|"
    r"\bin\s+(?:retaliation|revenge|reprisal)\s+for\b",
    re.I,
)
"""Cues that open a background frame: another event ("another ambush", "months after"), a
cumulative count ("over the past decade", "so far this year"), a conflict tied to a year. A
toll of the country as a whole ("across the country", "nationwide") is not one: in a disaster
it is the event's own total (Easter bombings: injured "in six hospitals throughout the
country"; Valencia floods: the national toll beside the regional one)."""
_COMPARISON = re.compile(
    r"\b(?:worse|deadlier|bigger|larger|smaller)\s+than\s+(?:the|a|an)\b"
    r"|\b(?:deadliest|worst|bloodiest|biggest|largest)\b[^.;]{0,50}?\bsince\b", re.I)
"""A comparison with an earlier event: the figures after it are that event's ("the worst disaster
since 2014, when the ferry Sewol sank and killed 304"), the figures before it stay with the
story ("At least 207 people were killed ..., in the biggest violence ... since its civil war")."""
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s")
_SEQUEL = re.compile(r"^\s*(?:Later|Subsequently|Afterwards|Since then|(?:Days|Weeks|Months|A\s+(?:day|week|month))\s+later)\b", re.I)
_NEW_EVENT = re.compile(rf"\b(?:a|an|another|new|second|fresh)\s+(?:[\w-]+\s+){{0,2}}(?:{EVENT_NOUNS})\b", re.I)
"""'Later, ... organizing a strike': a sequel is a new event only when it introduces one."""
_RETURN = re.compile(
    rf"\b(?:this|the\s+latest|the|this\s+latest|\w+day['’]s)\s+(?:latest\s+|deadly\s+|recent\s+)?(?:{EVENT_NOUNS})\b", re.I)
_ACRONYM = re.compile(r"\b[A-Z]{2,6}(?:-[A-Z]{2,6})?\b")
_NOUN_WORDS = keys(EVENT_NOUNS)
"""Words without which _NOUN, _NEW_EVENT and _RETURN cannot match."""
_BACKGROUND_WORDS = keys("another previous earlier prior similar separate last new fresh second retaliation revenge reprisal",
                         "after months weeks years decades insurgency conflict civil",
                         "violence year far attacks deadliest war", " ".join(MONTHS))
"""Words without which _BACKGROUND cannot match: one word of each of its alternatives."""
_COMPARISON_WORDS = keys("worse deadlier bigger larger smaller deadliest worst bloodiest biggest largest")
_NAME = re.compile(r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?")
_PRIMARY_LEAD = 6


@dataclass(frozen=True)
class Frame:
    """One event as one article talks about it: what linking across articles compares."""

    source: str
    number: int
    primary: bool
    sequel: bool
    anchor: When | None
    """The frame's best date: the lead's for the primary frame, else its most specific one."""
    places: tuple[tuple[str, int], ...]
    """Place keys and how often the frame's sentences mention them, in first-seen order."""
    nouns: tuple[tuple[str, int], ...]
    actors: tuple[str, ...]
    place_names: tuple[tuple[str, str], ...]
    """Place key -> the name as first written, for event labels."""

    def with_places(self, places: tuple[tuple[str, int], ...], names: tuple[tuple[str, str], ...],
                    actors: tuple[str, ...]) -> Frame:
        return replace(self, places=places, place_names=names, actors=actors)


@dataclass
class _Builder:
    """A frame while its article is read."""

    source: str
    number: int
    primary: bool
    sequel: bool = False
    anchor: When | None = None
    places: Counter = field(default_factory=Counter)
    nouns: Counter = field(default_factory=Counter)
    actors: set = field(default_factory=set)
    start_paragraph: int = 0
    place_names: dict = field(default_factory=dict)
    fixed: bool = False
    """The primary frame's date comes from the lead only; later dates do not move it."""

    def freeze(self) -> Frame:
        return Frame(self.source, self.number, self.primary, self.sequel, self.anchor,
                     tuple(self.places.items()), tuple(self.nouns.items()), tuple(sorted(self.actors)),
                     tuple(self.place_names.items()))

    def absorb(self, sentence: str, pub: dt.date | None, with_time: bool = True) -> None:
        if with_time:
            for w in timeref.find(sentence, pub):
                if not self.fixed and (self.anchor is None or specificity(w) > specificity(self.anchor)):
                    self.anchor = w
        for k in sorted(places.find(sentence)):  # sorted: Counter ties keep a stable order
            self.places[k] += 1
        if has_any(sentence, _NOUN_WORDS):
            for m in _NOUN.finditer(sentence):
                self.nouns[m.group(1).lower()] += 1
        self.actors.update(a for a in _ACRONYM.findall(sentence) if a not in ("AP", "AFP", "BBC", "CNN", "UN"))
        for name in _NAME.findall(sentence):
            if name.endswith(("'s", "’s")):
                name = name[:-2]
            self.place_names.setdefault(places.key(name), name)


_REPORTING = re.compile(r"\b(?:said|says|say|reported|reports|told|tells|announced|stated|posted|"
                        r"published|updated|wrote|speaking|spoke|added|confirmed|claimed|quoted|"
                        r"cited|released|issued|tweeted)\b", re.I)
_REPORTED_BEFORE = re.compile(rf"{_REPORTING.pattern}(?:\s+[\w'’\-]+){{0,2}}\s*$", re.I)
_REPORTED_AFTER = re.compile(rf"\s*,?\s*(?:the\s+)?(?:[\w'’\-]+\s+){{0,3}}{_REPORTING.pattern}", re.I)
_LEAD_DATE = re.compile(r"^\S+\s+(?:\d+\s+)?(?:\w+\s+)?")
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
        if _REPORTED_BEFORE.search(before):
            continue
        if not sentence[: w.start].strip():
            rest = _LEAD_DATE.sub("", sentence[w.start:], count=1)
            if _REPORTED_AFTER.match(rest):
                continue
        out.append(w)
    return out


def _continues(paragraph: str, frame: _Builder, pub: dt.date | None) -> bool:
    """Whether a paragraph takes up a background frame again: 'at that time', its date or places."""
    if _CONTINUES.search(paragraph):
        return True
    if frame.anchor and any(timeref.compatible(w, frame.anchor) and w.month for w in timeref.find(paragraph, pub)):
        return True
    own = {k for k in frame.places if len(k) >= 5}
    return bool(own & places.find(paragraph))


def _recent(frames: list[_Builder], keep: int = 64) -> list[_Builder]:
    """The background frames to search for a date's event, first opened first; bounded, so a page
    of one endless paragraph does not compare every date with every frame."""
    return frames[1:keep + 1]


def _background(text: str) -> bool:
    return (has_any(text, _BACKGROUND_WORDS) and _BACKGROUND.search(text) is not None
            or has_any(text, _COMPARISON_WORDS) and _COMPARISON.search(text) is not None)


def _update_of(w: When, anchor: When, days: int = 60) -> bool:
    """Whether `w` is a day up to `days` after `anchor` (the year taken from the other when one
    lacks it; with none, the same unknown year)."""
    if not (w.month and w.day and anchor.month and anchor.day):
        return False
    year = anchor.year or w.year or 2000  # no year on either: any leap year compares the days
    try:
        later = dt.date(w.year or year, w.month, w.day) - dt.date(anchor.year or year, anchor.month, anchor.day)
    except ValueError:
        return False
    return 0 < later.days <= days


def specificity(w: When) -> int:
    """How much of a date is known: a full date beats a month, a month beats a weekday."""
    return (w.year is not None) + 2 * (w.month is not None) + 2 * (w.day is not None) + (w.weekday is not None)


SentenceFrames = tuple[tuple[tuple[tuple[int, int], ...], int], ...]
"""Per sentence: its frame cues as (offset in the sentence, frame number), and the frame in force
when it began. `frame_at` reads a position's frame from it, as figures are placed."""


def frame_at(sentence_frames: SentenceFrames, sentence_index: int, pos: int) -> int:
    """The frame of the words at `pos` of a sentence: the cue nearest before them, else the frame
    in force when the sentence began (a description follows its sentence as a figure does)."""
    cues, start = sentence_frames[sentence_index]
    before = [fr for p, fr in cues if p <= pos]
    return before[-1] if before else start


def segment(ex: Extraction) -> tuple[tuple[Frame, ...], tuple[Mention, ...]]:
    """Cuts one article into frames; returns them and the mentions with their `frame` set."""
    found, mentions, _ = segment_sentences(ex)
    return found, mentions


def segment_sentences(ex: Extraction) -> tuple[tuple[Frame, ...], tuple[Mention, ...], SentenceFrames]:
    """`segment`, and each sentence's frames (`SentenceFrames`) for what else the article says."""
    pub = timeref.parse_iso(ex.source.published)
    sents = ex.sentences
    primary = _Builder(ex.source.id, 0, True)
    for s in sents[:_PRIMARY_LEAD + 3]:
        if _background(s.text) or _SEQUEL.match(s.text):
            continue
        found = event_times(s.text, pub)
        if found:
            primary.anchor = max(found, key=specificity)
            break
    primary.fixed = True
    claim_sentences = {m.sentence_index for m in ex.mentions}
    paragraph_text: dict[int, str] = defaultdict(str)
    for s in sents:
        paragraph_text[s.paragraph] += " " + s.text
    frames = [primary]
    current = primary
    sentence_frame: list[tuple[list[tuple[int, _Builder, str]], _Builder]] = []
    for i, s in enumerate(sents):
        if (current is not primary and s.paragraph != current.start_paragraph
                and s.paragraph != sents[i - 1].paragraph
                and not _continues(paragraph_text[s.paragraph], current, pub)):
            current = primary  # a background frame ends with its paragraphs unless taken up again
        cues: list[tuple[int, _Builder, str]] = []
        if _SEQUEL.match(s.text) and has_any(s.text, _NOUN_WORDS) and _NEW_EVENT.search(s.text):
            current = _Builder(ex.source.id, len(frames), False, sequel=True, start_paragraph=s.paragraph)
            frames.append(current)
            current.absorb(s.text, pub, with_time=False)
            sentence_frame.append(([], current))
            continue
        bg_in_sentence: _Builder | None = None
        spots = [(m.start(), "intro") for m in (_BACKGROUND.finditer(s.text) if has_any(s.text, _BACKGROUND_WORDS) else ())]
        spots += [(m.start(), "comparison") for m in (_COMPARISON.finditer(s.text) if has_any(s.text, _COMPARISON_WORDS) else ())]
        for at, kind in sorted(spots):
            if bg_in_sentence is None:
                bg_in_sentence = _Builder(ex.source.id, len(frames), False, start_paragraph=s.paragraph)
                frames.append(bg_in_sentence)
            cues.append((at, bg_in_sentence, kind))
        for w in event_times(s.text, pub):
            anchor = primary.anchor
            if anchor is None or (w.month is None and w.year is None):
                continue
            shared = (anchor.year and w.year) or (anchor.month and w.month) or (
                anchor.weekday is not None and w.weekday is not None)
            elsewhere = (not shared and w.year is not None and anchor.year is None and anchor.month is None
                         and bool(places.find(s.text) - set(primary.places)))
            if not shared and not elsewhere:
                continue  # a bare year says nothing against a weekday-only lead...
            if not elsewhere and (timeref.compatible(w, anchor) or _update_of(w, anchor) and not (
                    has_any(s.text, _NOUN_WORDS) and _NOUN.search(s.text))):
                # (or a later day in the weeks after, with no event of its own: "A patient died on
                # 18 October, taking the toll to 133"; "On 16 October the ministry said 43 of the
                # then 132 dead were children": the running toll of the lead's event)
                # ...unless it comes with a place the lead has not named: "In 2018, militants seized
                # 110 girls from a school in Dapchi" under a lead dated only "on Friday"
                cues.append((w.start, primary, "date"))
                continue
            target = bg_in_sentence or next(
                (f for f in _recent(frames) if not f.sequel and f.anchor and timeref.compatible(f.anchor, w)), None)
            if target is None:
                target = _Builder(ex.source.id, len(frames), False, start_paragraph=s.paragraph)
                frames.append(target)
            bg_in_sentence = bg_in_sentence or target
            target.anchor = target.anchor if target.anchor and specificity(target.anchor) >= specificity(w) else w
            cues.append((w.start, target, "date"))
        if current is not primary and s.paragraph != current.start_paragraph and not cues:
            back = _RETURN.search(s.text) if has_any(s.text, _NOUN_WORDS) else None
            if back:
                cues.append((back.start(), primary, "return"))
        cues.sort(key=lambda c: c[0])
        sentence_frame.append((cues, current))
        eventive = i in claim_sentences or has_any(s.text, _NOUN_WORDS) and _NOUN.search(s.text)
        if cues and (eventive or cues[-1][1] is primary):
            current = cues[-1][1]  # a date in an aside ("I wrote to him in September") opens nothing
    # a figure: the cue nearest before it in its sentence, else the first after it in its own
    # clause (never a comparison), else the frame in force when the sentence began
    mentions = []
    for m in ex.mentions:
        cues, start_frame = sentence_frame[m.sentence_index]
        text = ex.sentences[m.sentence_index].text
        pos = m.number_start - ex.sentences[m.sentence_index].start
        before = [fr for p, fr, _ in cues if p <= pos]
        after = [fr for p, fr, kind in cues
                 if p > pos and kind != "comparison" and not _CLAUSE_BREAK.search(text, pos, p)]
        frame = before[-1] if before else (after[0] if after else start_frame)
        mentions.append(replace(m, frame=frame.number))
    for (cues, start_frame), s in zip(sentence_frame, sents, strict=True):
        targets = {id(fr): fr for _, fr, _ in cues} or {id(start_frame): start_frame}
        for fr in targets.values():
            if not fr.sequel:
                fr.absorb(s.text, pub, with_time=fr is not primary or len(targets) == 1)
            else:
                fr.absorb(s.text, pub, with_time=False)
    blank = {f.number for f in frames
             if not f.primary and not f.sequel and f.anchor is None and not f.places and not f.nouns}
    if blank:  # an aside with no date, place or event noun of its own ('... in a village last year,
        # the UN said'; '... bigger than the state') is about the article's event
        mentions = [replace(m, frame=0) if m.frame in blank else m for m in mentions]

    def number(fr: _Builder) -> int:
        return 0 if fr.number in blank else fr.number

    per_sentence = tuple((tuple((p, number(fr)) for p, fr, _ in cues), number(start)) for cues, start in sentence_frame)
    return tuple(f.freeze() for f in frames), tuple(mentions), per_sentence
