"""The `crosscheck/1` JSON document and the one-row-per-claim CSV.

The JSON is a contract other tools read (the scorer, the review store, exports): required keys
are never renamed or removed, only added to. Offsets are character offsets into each file's
decoded text, end exclusive.

`write_json` writes it with the standard library's C encoder (an `indent` would force the
pure-Python one, several times slower) yet keeps it readable and greppable: one top-level key,
and one item of each list, per line. Only whitespace differs from `json.dumps(..., indent=1)`.
"""
from __future__ import annotations

import csv
from collections import Counter
import io
import itertools
import json
from typing import Any, TextIO
from collections.abc import Iterable, Iterator, Mapping

from .model import Analysis, Description, DescriptionConflict
from .text_safety import inert, inert_json

SCHEMA = "crosscheck/1"


def to_json(analysis: Analysis) -> dict[str, Any]:
    """The analysis as a `crosscheck/1` document (plain dicts and lists, ready for json.dumps)."""
    return {key: list(value) if isinstance(value, Iterator) else value for key, value in _document(analysis)}


def write_analysis_json(analysis: Analysis, out: TextIO) -> None:
    """Writes `to_json(analysis)` to `out` as `write_json` does, one item at a time (no whole
    document held in memory)."""
    write_json(_document(analysis), out)


def _document(analysis: Analysis) -> Iterator[tuple[str, Any]]:
    """The document's keys in order, each list section as an iterator of its items."""
    per_source = Counter(c.source for c in analysis.claims)
    return iter({
        "schema": SCHEMA,
        "root": analysis.root,
        "sources": (
            {"id": s.id, "path": s.path, "title": s.title, "outlet": s.outlet,
             "published": s.published, "url": s.url, "same_story_as": list(s.same_story_as),
             "claims": per_source[s.id]}
            for s in analysis.sources
        ),
        "events": (
            {"id": e.id, "label": e.label, "date": e.date, "place": e.place,
             "actors": list(e.actors), "sources": list(e.sources)}
            for e in analysis.events
        ),
        "claims": (
            {"id": c.id, "source": c.source, "start": c.start, "end": c.end,
             "number_text": c.number_text, "sentence": c.sentence, "low": c.low, "high": c.high,
             "hedge": c.hedge, "measure": c.measure, "who": c.who, "party": c.party,
             "attributed_to": c.attributed_to, "event": c.event, "topic": c.topic,
             "part_of": c.part_of, "in_title": c.in_title, "fingerprint": c.fingerprint,
             "implausible": c.implausible}
            for c in analysis.claims
        ),
        "topics": (
            {"id": t.id, "event": t.event, "measure": t.measure, "who": t.who,
             "claims": list(t.claims), "low": t.low, "best": t.best, "high": t.high,
             "independent_sources": t.independent_sources, "basis": t.basis}
            for t in analysis.topics
        ),
        "conflicts": itertools.chain((
            {"id": x.id, "topic": x.topic, "claims": list(x.claims),
             "pairs": [list(p) for p in x.pairs], "kind": x.kind, "why": x.why,
             "parts": list(x.parts), "disputed": list(x.disputed),
             "pairs_total": x.pairs_total, "pairs_truncated": x.pairs_total > len(x.pairs)}
            for x in analysis.conflicts
        ), (description_conflict_json(x) for x in analysis.description_conflicts)),
        "descriptions": (description_json(d) for d in analysis.descriptions),
        "problems": ({"path": p.path, "message": p.message, "fatal": p.fatal} for p in analysis.problems),
    }.items())


def description_json(d: Description) -> dict[str, Any]:
    """One description as `crosscheck/1` writes it (docs/export.md, `descriptions`)."""
    return {"id": d.id, "source": d.source, "start": d.start, "end": d.end, "phrase": d.phrase,
            "slot": d.slot, "value": d.value, "denies": d.denies, "claimant": d.claimant,
            "event": d.event, "sentence": d.sentence, "fingerprint": d.fingerprint}


def description_conflict_json(x: DescriptionConflict) -> dict[str, Any]:
    """A description conflict in the `conflicts` list: the keys every conflict has (`claims`,
    `pairs`, `parts` and `disputed` empty, as they hold claim ids), kind `description`, and its own
    keys (`slot`, `event`, `values`, `descriptions`, `description_pairs`, `topics`)."""
    return {"id": x.id, "topic": x.topics[0] if x.topics else None, "claims": [], "pairs": [],
            "kind": x.kind, "why": x.why, "parts": [], "disputed": [], "pairs_total": 0,
            "pairs_truncated": False, "slot": x.slot, "event": x.event, "values": list(x.values),
            "descriptions": list(x.descriptions), "description_pairs": [list(p) for p in x.pairs],
            "topics": list(x.topics)}


def description_from_json(d: Mapping[str, Any]) -> Description:
    """A description read back from `description_json`."""
    return Description(d["id"], d["source"], d["start"], d["end"], d["phrase"], d["slot"], d["value"],
                       d["claimant"], d["event"], d["sentence"], d["denies"], d["fingerprint"])


def description_conflict_from_json(x: Mapping[str, Any]) -> DescriptionConflict:
    """A description conflict read back from `description_conflict_json`."""
    return DescriptionConflict(x["id"], x["event"], x["slot"], tuple(x["descriptions"]), tuple(x["values"]),
                               tuple(tuple(p) for p in x["description_pairs"]), x["why"], tuple(x["topics"]),
                               x["kind"])


_C_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
"""Without `indent`, `encode` runs the C encoder."""


def _ENCODE(value: Any) -> str:
    """One value as JSON, inert (`text_safety.inert_json`): the same strings, safe to print."""
    return inert_json(_C_ENCODE(value))


def write_json(doc: Mapping[str, Any] | Iterable[tuple[str, Any]], out: TextIO) -> None:
    """Writes a JSON object with the C encoder, one top-level key and one list item a line, inert
    (controls a terminal would act on written as `\\uXXXX` escapes).

    `doc` is a mapping or its (key, value) pairs; a value that is a list or an iterator is
    written an item at a time, so an iterator is never held whole.
    """
    pairs = doc.items() if isinstance(doc, Mapping) else doc
    out.write("{")
    first = True
    for key, value in pairs:
        out.write(("\n " if first else ",\n ") + _ENCODE(key) + ": ")
        first = False
        if isinstance(value, (list, Iterator)):
            sep = "[\n  "
            for item in value:
                out.write(sep + _ENCODE(item))
                sep = ",\n  "
            out.write("[]" if sep == "[\n  " else "\n ]")
        else:
            out.write(_ENCODE(value))
    out.write("\n}\n" if not first else "}\n")


def json_text(doc: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> str:
    """`write_json`'s text as a string."""
    buf = io.StringIO()
    write_json(doc, buf)
    return buf.getvalue()


CSV_FIELDS = ["claim", "source", "path", "outlet", "published", "start", "end", "number_text",
              "low", "high", "hedge", "measure", "who", "attributed_to", "event", "topic",
              "in_conflict", "sentence"]


def to_csv(analysis: Analysis) -> str:
    """One row per claim, with its source's path and outlet and whether it is in a conflict.

    Text cells are made inert (`text_safety.inert`): a control character in a file name, an
    outlet or a sentence is written as a visible escape, so the CSV is safe to print."""
    sources = {s.id: s for s in analysis.sources}
    conflicted = {i for x in analysis.conflicts for i in x.disputed}
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for c in analysis.claims:
        s = sources[c.source]
        writer.writerow([inert(v) if isinstance(v, str) else v for v in (
            c.id, c.source, s.path, s.outlet or "", s.published or "", c.start, c.end,
            c.number_text, "" if c.low is None else c.low, "" if c.high is None else c.high,
            c.hedge, c.measure, c.who, c.attributed_to or "", c.event, c.topic,
            "yes" if c.id in conflicted else "no", " ".join(c.sentence.split()))])
    return buf.getvalue()
