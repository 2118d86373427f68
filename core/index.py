"""Look-ups over one `Analysis`, built once: claims by source, topics by id, which claims conflict.

The dashboard asks these questions on every keypress, and the export asks them for every topic;
answering them from dicts keeps both independent of corpus size.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .model import Analysis, Claim, Conflict, Description, DescriptionConflict, Event, Source, Topic


@dataclass
class AnalysisIndex:
    analysis: Analysis
    sources: dict[str, Source] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    claims_by_source: dict[str, list[Claim]] = field(default_factory=dict)
    conflicts_by_topic: dict[str, list[Conflict]] = field(default_factory=dict)
    in_conflict: set[str] = field(default_factory=set)
    """Claims that are in at least one incompatible pair."""
    conflicts_by_source: dict[str, int] = field(default_factory=dict)
    descriptions: dict[str, Description] = field(default_factory=dict)
    description_conflicts: dict[str, DescriptionConflict] = field(default_factory=dict)
    descriptions_by_source: dict[str, list[Description]] = field(default_factory=dict)
    in_description_conflict: set[str] = field(default_factory=set)
    """Descriptions that take a side in at least one description conflict."""

    @classmethod
    def build(cls, analysis: Analysis) -> AnalysisIndex:
        ix = cls(analysis)
        ix.sources = {s.id: s for s in analysis.sources}
        ix.claims = {c.id: c for c in analysis.claims}
        ix.topics = {t.id: t for t in analysis.topics}
        ix.events = {e.id: e for e in analysis.events}
        by_source: dict[str, list[Claim]] = defaultdict(list)
        for c in analysis.claims:
            by_source[c.source].append(c)
        ix.claims_by_source = {s.id: by_source.get(s.id, []) for s in analysis.sources}
        by_topic: dict[str, list[Conflict]] = defaultdict(list)
        for x in analysis.conflicts:
            by_topic[x.topic].append(x)
            ix.in_conflict.update(x.disputed)
        ix.conflicts_by_topic = dict(by_topic)
        counts: dict[str, set[str]] = defaultdict(set)
        for x in analysis.conflicts:
            for cid in x.claims:
                if cid in ix.in_conflict or x.kind == "internal":
                    counts[ix.claims[cid].source].add(x.id)
        ix.conflicts_by_source = {sid: len(v) for sid, v in counts.items()}
        ix.descriptions = {d.id: d for d in analysis.descriptions}
        ix.description_conflicts = {x.id: x for x in analysis.description_conflicts}
        described: dict[str, list[Description]] = defaultdict(list)
        for d in analysis.descriptions:
            described[d.source].append(d)
        ix.descriptions_by_source = dict(described)
        ix.in_description_conflict = {i for x in analysis.description_conflicts for i in x.descriptions}
        return ix

    def event_label(self, event_id: str) -> str:
        e = self.events.get(event_id)
        return e.label if e else event_id
