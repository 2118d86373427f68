"""A reviewer's decisions and how they find their claims again after a re-analysis.

Claim and topic ids (`c12`, `t3`) are renumbered by every analysis, so a decision is stored
under a key of its own with an *anchor*: what the claim or topic looked like when it was
decided (path, fingerprint, sentence, figure; a topic's member fingerprints). `attach` maps
stored decisions onto a fresh analysis: a claim by its fingerprint, else by the same sentence
(or nearly) in the same file with an overlapping figure, which survives an extractor that
widens "six" to "at least six"; a topic by the members it shares. Whatever finds nothing is
returned as orphaned, never dropped.

Descriptions are reviewed the same way: a description (`description:` key) takes a verdict and
a note as a claim does, a description conflict (`dconflict:` key) a note and the reviewer's chosen
value as a topic does. The store knows two kinds, one item and one group, so they are stored as
`claim` and `topic` decisions and told apart by their key (`target_kind`); an older crosscheck
reading the database keeps them as orphans, never loses them.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from collections.abc import Iterable

from ..index import AnalysisIndex
from ..model import Claim, Description, DescriptionConflict, Topic
from ..analysis.numbers import interval_text

VERDICTS = ("accepted", "disputed", "rejected")
SENTENCE_SIMILARITY = 75
"""rapidfuzz ratio above which two sentences of one file count as the same sentence re-read."""


@dataclass(frozen=True)
class Figure:
    """A reviewer's best figure for a topic: one of its claims, or typed in with its own bounds."""

    low: int | None
    high: int | None
    claim: str | None = None
    """The chosen claim's fingerprint; None for a figure typed in."""
    text: str = ""
    """How the figure was written (the claim's words, or what the reviewer typed)."""

    def to_dict(self) -> dict:
        return {"low": self.low, "high": self.high, "claim": self.claim, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict | None) -> Figure | None:
        if not d:
            return None
        return cls(d.get("low"), d.get("high"), d.get("claim"), d.get("text") or "")

    def __str__(self) -> str:
        return interval_text(self.low, self.high)


@dataclass(frozen=True)
class Decision:
    """Everything decided about one claim or topic, as stored."""

    key: str
    kind: str
    """`claim` or `topic`."""
    anchor: dict = field(compare=False, hash=False)
    verdict: str | None = None
    note: str = ""
    figure: Figure | None = None
    rev: int = 0
    """Bumped by every change; a write based on an older rev is stale."""
    reviewer: str = ""
    updated_at: str = ""
    state: str | None = None
    """A topic's review state: `resolved`, `follow-up` (needs follow-up), or None: open."""

    @property
    def label(self) -> str:
        return self.anchor.get("label") or self.key

    @property
    def empty(self) -> bool:
        return self.verdict is None and not self.note and self.figure is None and self.state is None


@dataclass(frozen=True)
class Review:
    """Stored decisions mapped onto one analysis."""

    claims: dict[str, Decision] = field(default_factory=dict)
    """Claim id -> its decision."""
    topics: dict[str, Decision] = field(default_factory=dict)
    """Topic id -> its decision (best figure and note)."""
    orphans: tuple[Decision, ...] = ()
    """Decisions whose claim or topic is no longer found."""
    figure_claims: dict[str, str] = field(default_factory=dict)
    """Topic id -> the claim id chosen as its best figure, when it still exists."""
    descriptions: dict[str, Decision] = field(default_factory=dict)
    """Description id -> its decision (verdict and note)."""
    description_conflicts: dict[str, Decision] = field(default_factory=dict)
    """Description conflict id -> its decision: a note and the chosen value (`figure.text`, with
    `figure.claim` the chosen description's fingerprint, or None for a value typed in)."""


DESCRIPTION_PREFIX, DCONFLICT_PREFIX = "description:", "dconflict:"
STORE_KIND = {"claim": "claim", "topic": "topic", "description": "claim", "dconflict": "topic"}
"""The store's kind for each kind of decision (an item or a group)."""


def target_kind(d: Decision) -> str:
    """`claim`, `topic`, `description` or `dconflict`: what a stored decision is about."""
    if d.key.startswith(DESCRIPTION_PREFIX):
        return "description"
    if d.key.startswith(DCONFLICT_PREFIX):
        return "dconflict"
    return d.kind


def _digest(*parts: str) -> str:
    return hashlib.blake2b("\x00".join(parts).encode(), digest_size=8).hexdigest()


def claim_key(claim: Claim) -> str:
    return "claim:" + (claim.fingerprint or _digest(claim.source, str(claim.start), claim.number_text))


def topic_key(ix: AnalysisIndex, topic: Topic) -> str:
    fps = sorted(ix.claims[c].fingerprint for c in topic.claims)
    return "topic:" + _digest(topic.measure, *fps)


def description_key(d: Description) -> str:
    return DESCRIPTION_PREFIX + (d.fingerprint or _digest(d.source, str(d.start), d.phrase))


def dconflict_key(ix: AnalysisIndex, x: DescriptionConflict) -> str:
    fps = sorted(ix.descriptions[i].fingerprint for i in x.descriptions)
    return DCONFLICT_PREFIX + _digest(x.slot, *fps)


def description_anchor(ix: AnalysisIndex, d: Description) -> dict:
    s = ix.sources[d.source]
    by = d.claimant or "the outlet"
    return {"target": "description", "path": s.path, "fingerprint": d.fingerprint, "phrase": d.phrase,
            "slot": d.slot, "value": d.value, "denies": d.denies, "claimant": d.claimant, "outlet": s.outlet,
            "sentence": d.sentence, "start": d.start, "end": d.end,
            "label": f"{s.outlet or s.path}: “{d.phrase}” {d.slot} {d.value} ({by})"}


def dconflict_anchor(ix: AnalysisIndex, x: DescriptionConflict) -> dict:
    return {"target": "description conflict", "fingerprints": sorted(ix.descriptions[i].fingerprint for i in x.descriptions),
            "slot": x.slot, "values": list(x.values), "event": ix.event_label(x.event),
            "label": f"{x.slot}: {' / '.join(x.values)} · {ix.event_label(x.event)}"}


def claim_label(ix: AnalysisIndex, claim: Claim) -> str:
    s = ix.sources[claim.source]
    by = claim.attributed_to or "the outlet"
    return f"{s.outlet or s.path}: “{claim.number_text}” {claim.measure} ({claim.who or 'people'}; {by})"


def topic_label(ix: AnalysisIndex, topic: Topic) -> str:
    return f"{topic.who or 'people'} {topic.measure} · {ix.event_label(topic.event)}"


def claim_anchor(ix: AnalysisIndex, claim: Claim) -> dict:
    s = ix.sources[claim.source]
    return {"path": s.path, "fingerprint": claim.fingerprint, "number_text": claim.number_text,
            "sentence": claim.sentence, "start": claim.start, "end": claim.end, "low": claim.low,
            "high": claim.high, "measure": claim.measure, "who": claim.who,
            "claimant": claim.attributed_to, "outlet": s.outlet, "label": claim_label(ix, claim)}


def topic_anchor(ix: AnalysisIndex, topic: Topic) -> dict:
    return {"fingerprints": sorted(ix.claims[c].fingerprint for c in topic.claims),
            "measure": topic.measure, "who": topic.who, "event": ix.event_label(topic.event),
            "label": topic_label(ix, topic)}


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _overlap(anchor: dict, c: Claim) -> bool:
    a, b = _norm(anchor.get("number_text") or ""), _norm(c.number_text)
    if a and b and (a in b or b in a):
        return True
    lo, hi = anchor.get("low"), anchor.get("high")
    return (lo, hi) == (c.low, c.high) and lo is not None


def attach(ix: AnalysisIndex, decisions: Iterable[Decision]) -> Review:
    """Maps stored decisions onto the claims and topics of `ix`; unmatched ones are orphans."""
    by_fp = {c.fingerprint: c.id for c in ix.analysis.claims if c.fingerprint}
    path_source = {s.path: s.id for s in ix.analysis.sources}
    claims: dict[str, Decision] = {}
    topics: dict[str, Decision] = {}
    orphans: list[Decision] = []
    pending: list[Decision] = []
    ordered = sorted(decisions, key=lambda d: d.updated_at)  # the newest wins a shared claim
    described = [d for d in ordered if target_kind(d) in ("description", "dconflict")]
    ordered = [d for d in ordered if target_kind(d) not in ("description", "dconflict")]
    for d in ordered:
        if d.kind == "claim":
            cid = by_fp.get(d.anchor.get("fingerprint") or "")
            if cid is None:
                pending.append(d)
                continue
            if cid in claims:
                orphans.append(claims[cid])
            claims[cid] = d
    for d in pending:
        cid = _nearest_claim(ix, d, path_source)
        if cid is None or cid in claims:
            orphans.append(d)
        else:
            claims[cid] = d
    topic_of_fp = {c.fingerprint: c.topic for c in ix.analysis.claims if c.fingerprint}
    for d in ordered:
        if d.kind != "topic":
            continue
        tid = _nearest_topic(ix, d, topic_of_fp)
        if tid is None:
            orphans.append(d)
            continue
        if tid in topics:
            orphans.append(topics[tid])
        topics[tid] = d
    figure_claims = {}
    for tid, d in topics.items():
        if d.figure and d.figure.claim and d.figure.claim in by_fp:
            figure_claims[tid] = by_fp[d.figure.claim]
    on_descriptions, on_conflicts = _attach_descriptions(ix, described, orphans)
    orphans.sort(key=lambda d: d.updated_at)
    return Review(claims, topics, tuple(orphans), figure_claims, on_descriptions, on_conflicts)


def _attach_descriptions(ix: AnalysisIndex, decisions: list[Decision],
                         orphans: list[Decision]) -> tuple[dict[str, Decision], dict[str, Decision]]:
    """Description decisions by fingerprint; a description conflict's by its key, else by the
    conflict of its slot holding most of its descriptions. The rest join `orphans`."""
    by_fp = {d.fingerprint: d.id for d in ix.analysis.descriptions if d.fingerprint}
    conflict_of_fp: dict[str, list[str]] = defaultdict(list)
    by_key = {}
    for x in ix.analysis.description_conflicts:
        by_key[dconflict_key(ix, x)] = x.id
        for i in x.descriptions:
            conflict_of_fp[ix.descriptions[i].fingerprint].append(x.id)
    on_d: dict[str, Decision] = {}
    on_x: dict[str, Decision] = {}
    for d in decisions:
        if target_kind(d) == "description":
            did = by_fp.get(d.anchor.get("fingerprint") or "")
            table = on_d
        else:
            did = by_key.get(d.key)
            if did is None:
                fps = d.anchor.get("fingerprints") or []
                votes = Counter(x for fp in fps for x in conflict_of_fp.get(fp, ())
                                if ix.description_conflicts[x].slot == d.anchor.get("slot"))
                top = votes.most_common(1)
                if top and 2 * top[0][1] >= len(fps):
                    did = top[0][0]
            table = on_x
        if did is None:
            orphans.append(d)
            continue
        if did in table:
            orphans.append(table[did])
        table[did] = d
    return on_d, on_x


def _nearest_claim(ix: AnalysisIndex, d: Decision, path_source: dict[str, str]) -> str | None:
    sid = path_source.get(d.anchor.get("path") or "")
    if sid is None:
        return None
    from rapidfuzz import fuzz  # only when a fingerprint was lost: keeps it off the dashboard's start-up
    sentence = _norm(d.anchor.get("sentence") or "")
    best, best_score = None, 0.0
    for c in ix.claims_by_source.get(sid, []):
        if c.measure != d.anchor.get("measure") or not _overlap(d.anchor, c):
            continue
        score = fuzz.ratio(sentence, _norm(c.sentence))
        if score >= SENTENCE_SIMILARITY and score > best_score:
            best, best_score = c.id, score
    return best


def _nearest_topic(ix: AnalysisIndex, d: Decision, topic_of_fp: dict[str, str]) -> str | None:
    fps = d.anchor.get("fingerprints") or []
    votes = Counter(topic_of_fp[fp] for fp in fps if fp in topic_of_fp)
    for tid, n in votes.most_common():
        t = ix.topics.get(tid)
        if t is None or t.measure != d.anchor.get("measure"):
            continue
        if 2 * n >= min(len(fps), len(t.claims)):  # most of the smaller side in common
            return tid
    return None


def counts(review: Review) -> dict[str, int]:
    """How many claims carry each verdict, for status lines and export summaries."""
    got: dict[str, int] = defaultdict(int)
    for d in review.claims.values():
        if d.verdict:
            got[d.verdict] += 1
    return dict(got)
