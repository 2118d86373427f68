"""The review as a memo (Markdown), a spreadsheet (CSV) or a document for other tools (JSON).

Exports join one analysis with the reviewer's decisions attached to it (`decisions.attach`).
Article text and notes are untrusted: in Markdown they are escaped so a `|` or a newline cannot
break a table and a leading `#` cannot become a heading; in CSV a cell that a spreadsheet would
run as a formula is prefixed with an apostrophe. Decisions left empty by an undo are skipped.
The format is described field by field in docs/export.md.
"""
from __future__ import annotations

import csv
import io
import re
import sqlite3
from datetime import datetime, UTC
from typing import Any

from .progress import WORDS, conflict_progress, progress_words
from .decisions import Decision, Review, counts, target_kind
from ..index import AnalysisIndex
from ..model import Claim, Topic
from .. import estimate
from ..naming import claimant_name, group_label, readable_keys, source_name
from ..analysis.numbers import interval_text
from ..report import json_text, to_json as analysis_json
from ..text_safety import inert

FORMATS = ("markdown", "csv", "json")


def generated_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def store_problem(store) -> str | None:
    """Why a store opened read-only cannot be exported from, or None when its decisions can be read.

    `Store.open(read_only=True)` skips the checks a writable open makes (schema version, whose
    database, integrity), so they are made here on the store's read-only connection.
    """
    con = getattr(store, "_con", None)
    if con is None:
        return store.reason or f"{store.path} could not be read"
    from .store import SCHEMA_VERSION
    path = store.path
    try:
        version = con.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version > SCHEMA_VERSION:
            return (f"{path} was written by a newer crosscheck (schema {version}; this version knows "
                    f"{SCHEMA_VERSION}); upgrade crosscheck to read it")
        if version == 0 or not {"decisions", "audit"} <= tables:
            return f"{path} is a SQLite database but not a crosscheck review database"
        if con.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return f"{path} is damaged (integrity check failed)"
    except sqlite3.Error as e:
        return f"{path} is damaged or unreadable ({e})"
    return None


# ---- shared -------------------------------------------------------------------------------
def _live(decisions) -> list[Decision]:
    return [d for d in decisions if not d.empty]


def _conflict_roles(ix: AnalysisIndex, conflicts) -> dict[str, dict[str, str]]:
    """Claim id -> {conflict kind: role}; role is `disputed` (in an incompatible pair), or `total`
    or `part` of an internal conflict."""
    roles: dict[str, dict[str, str]] = {}
    for x in conflicts:
        if x.kind == "internal":
            totals = {ix.claims[p].part_of for p in x.parts} - {None}
            found = {**{p: "part" for p in x.parts}, **{t: "total" for t in totals}}
        else:
            found = {cid: "disputed" for cid in x.disputed}
        for cid, role in found.items():
            roles.setdefault(cid, {}).setdefault(x.kind, role)
    return roles


def _summary(ix: AnalysisIndex, review: Review) -> dict[str, int]:
    a = ix.analysis
    return {"sources": len(a.sources), "claims": len(a.claims), "topics": len(a.topics),
            "conflicts": len(a.conflicts),
            "decisions": len(_live(review.claims.values())) + len(_live(review.topics.values()))
            + len(_live(review.descriptions.values())) + len(_live(review.description_conflicts.values())),
            "orphaned": len(_live(review.orphans)),
            "descriptions": len(a.descriptions), "description_conflicts": len(a.description_conflicts)}


# ---- Markdown -----------------------------------------------------------------------------
_INLINE = re.compile(r"([\\`*\[\]<>|~]|&(?=#?\w+;)|_(?![^\W_])|(?<![^\W_])_)")
_LEADING = re.compile(r"^(\s*)([#+\-=>!:]|\d+(?=[.)]))")


def md(text: str | None) -> str:
    """Untrusted text as one line of literal Markdown: punctuation backslash-escaped, newlines as
    `<br>` (what GitHub tables accept), other control characters shown as escapes (ESC as
    `\\\\x1b`, which renders as `\\x1b`), a leading block marker escaped."""
    s = inert((text or "").replace("\r\n", "\n").replace("\r", "\n"), keep="\t\n")
    s = _INLINE.sub(r"\\\1", s)
    s = _LEADING.sub(lambda m: m.group(1) + ("\\" + m.group(2) if not m.group(2).isdigit()
                                             else m.group(2) + "\\"), s)
    return s.replace("\t", " ").replace("\n", "<br>")


_MARK = {"disputed": "≠", "total": "total", "part": "part"}


def _md_row(cells) -> str:
    return "| " + " | ".join(c if c else " " for c in cells) + " |"


def _figure_md(ix: AnalysisIndex, review: Review, tid: str, d: Decision) -> str:
    f = d.figure
    assert f is not None, "only decisions with a figure are written as one"
    where = ""
    cid = review.figure_claims.get(tid)
    if cid:
        c = ix.claims[cid]
        s = ix.sources[c.source]
        where = f" from {cid}, {md(source_name(s))}, {md(claimant_name(c.attributed_to, s))}"
    elif f.claim is None:
        where = " typed in by the reviewer"
    else:
        where = " (chosen from a claim no longer in the analysis)"
    text = f" “{md(f.text)}”" if f.text else ""
    return f"**{interval_text(f.low, f.high)}**{text}{where}"


def to_markdown(ix: AnalysisIndex, review: Review, *, db: str | None = None, generated: str | None = None) -> str:
    """A memo: per topic in conflict or decided, the chosen figure, the conflict and every source's
    figure with its verdict and note; then other topics in one line each, then orphaned decisions."""
    generated = generated or generated_now()
    a = ix.analysis
    n = _summary(ix, review)
    out = [f"# Crosscheck review: {md(a.root or 'corpus')} ({generated[:10]})", ""]
    origin = f"decisions from {md(db)}" if db else "no review database"
    out += [f"Generated {md(generated)} · {origin}", ""]
    tally = ", ".join(f"{k} {v}" for k, v in sorted(counts(review).items()))
    out += [" · ".join(f"{v} {k}" for k, v in n.items()) + (f" (verdicts: {tally})" if tally else ""), ""]
    if a.conflicts:
        out += [progress_words(a, review), ""]
    shown: list[Topic] = []
    rest: list[Topic] = []
    for t in a.topics:
        decided = any(cid in review.claims and not review.claims[cid].empty for cid in t.claims)
        td = review.topics.get(t.id)
        (shown if t.id in ix.conflicts_by_topic or decided or (td and not td.empty) else rest).append(t)
    if shown:
        out += ["## Topics in conflict or decided", ""]
    for t in shown:
        out += [f"### {md(group_label(t.who or 'people'))} · {md(t.measure)} · {md(ix.event_label(t.event))}", ""]
        td = review.topics.get(t.id)
        if td and td.figure:
            out.append(f"- **Chosen figure:** {_figure_md(ix, review, t.id, td)}")
        if td and td.state:
            out.append(f"- **Review state:** {WORDS[td.state]}")
        out += _note_and_reviewer(td)
        conflicts = ix.conflicts_by_topic.get(t.id, [])
        roles = _conflict_roles(ix, conflicts)
        for x in conflicts:
            out.append(f"- **Conflict ({x.kind}):** {md(readable_keys(x.why))}")
        for dx in a.description_conflicts:
            if t.id in dx.topics:
                out.append(f"- **Labels disputed:** {md(' / '.join(dx.values))} (see Descriptions in conflict)")
        out.append(f"- **Estimate low/best/high:** {_n(t.low)} / {_n(t.best)} / {_n(t.high)} · "
                   f"{t.independent_sources} independent source(s)")
        why = estimate.basis(ix, t.id)
        out.append(f"- **Why this best:** {md(estimate.basis_text(why))}")
        if warning := estimate.spread_warning(why):
            out.append(f"- **Warning:** {md(warning)}")
        out += ["", _md_row(["claim", "source", "date", "as written", "interval", "claimant", "conflict",
                             "verdict", "note"]), "|" + " --- |" * 9]
        rows = list(t.claims) + [p for x in conflicts for p in x.parts if p not in t.claims]
        for cid in dict.fromkeys(rows):
            c = ix.claims[cid]
            s = ix.sources[c.source]
            d = review.claims.get(cid)
            mark = " ".join(dict.fromkeys(_MARK[r] for r in roles.get(cid, {}).values()))
            if review.figure_claims.get(t.id) == cid:
                mark = (mark + " chosen").strip()
            out.append(_md_row([cid, md(source_name(s)), md(s.published or "—"), md(c.number_text),
                                interval_text(c.low, c.high), md(claimant_name(c.attributed_to, s)), mark,
                                (d.verdict or "") if d else "", md(d.note) if d else ""]))
        out.append("")
    out += _descriptions_md(ix, review)
    if rest:
        out += ["## Other topics", "", f"{len(rest)} topic(s) with no conflict and no decision:", ""]
        for t in rest:
            out.append(f"- {md(group_label(t.who or 'people'))} · {md(t.measure)} · {md(ix.event_label(t.event))}: "
                       f"{_n(t.low)} / {_n(t.best)} / {_n(t.high)} ({len(t.claims)} claim(s))")
        out.append("")
    orphans = _live(review.orphans)
    if orphans:
        out += ["## Orphaned decisions", "",
                "These decisions match no claim or topic of this analysis (the article changed or is no "
                "longer in the corpus). They are kept in the review database.", "",
                _md_row(["what", "verdict", "figure", "note", "reviewer", "when"]), "|" + " --- |" * 6]
        for d in orphans:
            fig = interval_text(d.figure.low, d.figure.high) if d.figure else ""
            if d.figure and d.figure.text:
                fig += f" “{md(d.figure.text)}”"
            out.append(_md_row([md(d.label), d.verdict or "", fig, md(d.note), md(d.reviewer), md(d.updated_at)]))
        out.append("")
    return "\n".join(out)


def _chosen_value(ix: AnalysisIndex, d: Decision | None) -> str:
    """The reviewer's chosen value of a description conflict, and whose description it is."""
    if d is None or d.figure is None:
        return ""
    by_fp = {x.fingerprint: x for x in ix.analysis.descriptions}
    chosen = by_fp.get(d.figure.claim or "")
    if chosen is None:
        return d.figure.text + (" (typed in by the reviewer)" if d.figure.claim is None else "")
    return f"{d.figure.text} (from {chosen.id}, {claimant_name(chosen.claimant, ix.sources[chosen.source])})"


def _descriptions_md(ix: AnalysisIndex, review: Review) -> list[str]:
    """One section per description conflict: the chosen value, the note, and each side's phrase."""
    conflicts = ix.analysis.description_conflicts
    if not conflicts:
        return []
    out = ["## Descriptions in conflict", ""]
    for x in conflicts:
        out += [f"### {md(x.slot)} · {md(' / '.join(x.values))} · {md(ix.event_label(x.event))}", ""]
        xd = review.description_conflicts.get(x.id)
        if xd and xd.figure:
            out.append(f"- **Chosen value:** {md(_chosen_value(ix, xd))}")
        out += _note_and_reviewer(xd)
        denier = ix.descriptions[x.descriptions[0]]
        who = f"{claimant_name(denier.claimant, ix.sources[denier.source])}: " if x.slot == "denial" else ""
        out.append(f"- **Conflict (description, {md(x.slot)}):** {md(who + x.why)}")
        if x.topics:
            out.append("- **Counts with these labels:** " + ", ".join(
                md(f"{group_label(ix.topics[t].who or 'people')} · {ix.topics[t].measure}") + f" ({md(t)})"
                for t in x.topics if t in ix.topics))
        out += ["", _md_row(["description", "source", "date", "phrase", "value", "claimant", "verdict", "note"]),
                "|" + " --- |" * 8]
        for i in x.descriptions:
            d = ix.descriptions[i]
            src = ix.sources[d.source]
            dd = review.descriptions.get(i)
            value = d.value if d.denies is None else f"{d.value} (denies {d.denies})"
            out.append(_md_row([i, md(source_name(src)), md(src.published or "—"), md(d.phrase), md(value),
                                md(claimant_name(d.claimant, src)), (dd.verdict or "") if dd else "",
                                md(dd.note) if dd else ""]))
        out.append("")
    return out


def _n(v: int | None) -> str:
    return "?" if v is None else f"{v:,}"


# ---- CSV ----------------------------------------------------------------------------------
CSV_FIELDS = ["claim", "topic", "event", "measure", "who", "source", "outlet", "published", "path",
              "number_text", "low", "high", "hedge", "claimant", "sentence", "in_conflict", "conflict_kind",
              "verdict", "note", "reviewer", "decided_at", "topic_figure_low", "topic_figure_high",
              "topic_figure_text", "topic_figure_is_this_claim", "topic_note", "topic_reviewer",
              "topic_decided_at", "status", "topic_state", "row", "description", "slot", "value", "denies",
              "phrase", "description_conflicts", "chosen_value", "conflict_note"]
_FORMULA = re.compile(r"^'*[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d[\d,]*(\.\d+)?$")


def cell(value: Any) -> Any:
    """A value safe for a spreadsheet and a terminal: control characters other than tab and line
    break are shown as escapes (`text_safety.inert`), and text a spreadsheet would run as a formula
    (starting with = + - @, tab or CR, after any apostrophes) gets one more leading apostrophe.
    Plain numbers, negative ones included, are left alone. Reading back: drop one apostrophe from
    any cell that matches `'+[=+-@\\t\\r]`."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = inert(value.replace("\r\n", "\n"), keep="\t\n")
    if isinstance(value, str) and _FORMULA.match(value) and not _NUMBER.match(value):
        return "'" + value
    return value


def _topic_cells(review: Review, tid: str | None, cid: str | None, d: Decision | None) -> dict:
    if d is None or d.empty:
        return {}
    f = d.figure
    return {"topic_figure_low": f.low if f else None, "topic_figure_high": f.high if f else None,
            "topic_figure_text": f.text if f else None,
            "topic_figure_is_this_claim": ("yes" if cid and tid and review.figure_claims.get(tid) == cid else "no")
            if f and cid else None,
            "topic_note": d.note, "topic_reviewer": d.reviewer, "topic_decided_at": d.updated_at,
            "topic_state": d.state or "open"}


def _claim_cells(d: Decision | None) -> dict:
    if d is None or d.empty:
        return {}
    return {"verdict": d.verdict, "note": d.note, "reviewer": d.reviewer, "decided_at": d.updated_at}


def to_csv(ix: AnalysisIndex, review: Review) -> str:
    """One row per claim of the analysis (status `current`) with its verdict and its topic's
    decision, then one row per orphaned decision (status `orphaned`) with its anchor's fields."""
    roles = _conflict_roles(ix, ix.analysis.conflicts)
    buf = io.StringIO()
    w = csv.DictWriter(buf, CSV_FIELDS, lineterminator="\r\n")
    w.writeheader()
    for c in ix.analysis.claims:
        s = ix.sources[c.source]
        kinds = sorted(roles.get(c.id, ()))
        row = {"claim": c.id, "topic": c.topic, "event": ix.event_label(c.event), "measure": c.measure,
               "who": c.who, "source": c.source, "outlet": s.outlet, "published": s.published, "path": s.path,
               "number_text": c.number_text, "low": c.low, "high": c.high, "hedge": c.hedge,
               "claimant": c.attributed_to, "sentence": " ".join(c.sentence.split()),
               "in_conflict": "yes" if kinds else "no", "conflict_kind": ";".join(kinds), "status": "current",
               "row": "claim"}
        row |= _claim_cells(review.claims.get(c.id))
        row |= _topic_cells(review, c.topic, c.id, review.topics.get(c.topic))
        w.writerow({k: cell(v) for k, v in row.items()})
    _description_rows(ix, review, w)
    for d in _live(review.orphans):
        a = d.anchor
        row = {"measure": a.get("measure"), "who": a.get("who"), "status": "orphaned",
               "row": target_kind(d), "slot": a.get("slot"), "value": a.get("value"), "phrase": a.get("phrase")}
        if d.kind == "claim":
            row |= {"outlet": a.get("outlet"), "path": a.get("path"), "number_text": a.get("number_text"),
                    "low": a.get("low"), "high": a.get("high"), "claimant": a.get("claimant"),
                    "sentence": " ".join((a.get("sentence") or "").split())} | _claim_cells(d)
        else:
            row |= {"event": a.get("event")} | _topic_cells(review, None, None, d)
        w.writerow({k: cell(v) for k, v in row.items()})
    return buf.getvalue()


def _description_rows(ix: AnalysisIndex, review: Review, w: csv.DictWriter) -> None:
    """One row per description (`row` = `description`) with its verdict and its conflicts' chosen
    values and notes; claim rows have `row` = `claim`."""
    conflicts_of: dict[str, list[str]] = {}
    for x in ix.analysis.description_conflicts:
        for i in x.descriptions:
            conflicts_of.setdefault(i, []).append(x.id)
    for d in ix.analysis.descriptions:
        s = ix.sources[d.source]
        xs = conflicts_of.get(d.id, [])
        decided = [review.description_conflicts[x] for x in xs if x in review.description_conflicts]
        row = {"row": "description", "description": d.id, "event": ix.event_label(d.event), "source": d.source,
               "outlet": s.outlet, "published": s.published, "path": s.path, "slot": d.slot, "value": d.value,
               "denies": d.denies, "phrase": d.phrase, "claimant": d.claimant,
               "sentence": " ".join(d.sentence.split()), "in_conflict": "yes" if xs else "no",
               "conflict_kind": "description" if xs else "", "description_conflicts": ";".join(xs),
               "chosen_value": "; ".join(_chosen_value(ix, x) for x in decided if x.figure) or None,
               "conflict_note": "; ".join(x.note for x in decided if x.note) or None, "status": "description"}
        row |= _claim_cells(review.descriptions.get(d.id))
        w.writerow({k: cell(v) for k, v in row.items()})


# ---- JSON ---------------------------------------------------------------------------------
def _verdict(d: Decision, status: str, claim: Claim | None, topic: str | None, figure_claim: str | None) -> dict:
    f = d.figure
    return {"target": d.kind, "claim": claim.id if claim else None, "topic": topic, "key": d.key,
            "status": status, "verdict": d.verdict, "note": d.note,
            "figure": {"low": f.low, "high": f.high, "claim": figure_claim, "fingerprint": f.claim,
                       "text": f.text} if f else None,
            "reviewer": d.reviewer, "updated_at": d.updated_at, "rev": d.rev, "anchor": d.anchor,
            "state": (d.state or "open") if d.kind == "topic" else None}


_TARGETS = {"description": "description", "dconflict": "description conflict"}


def to_json(ix: AnalysisIndex, review: Review, *, db: str | None = None, generated: str | None = None) -> dict:
    """The `crosscheck/1` analysis document unchanged, plus `review` (where the decisions came
    from) and `verdicts` (one object per decision, attached or orphaned)."""
    doc = analysis_json(ix.analysis)
    a, rc, rt = ix.analysis, review.claims, review.topics
    verdicts = [_verdict(rc[c.id], "attached", c, c.topic, None)
                for c in a.claims if c.id in rc and not rc[c.id].empty]
    verdicts += [_verdict(rt[t.id], "attached", None, t.id, review.figure_claims.get(t.id))
                 for t in a.topics if t.id in rt and not rt[t.id].empty]
    verdicts += [_verdict(d, "attached", None, None, None) | {"target": "description", "description": did}
                 for did, d in review.descriptions.items() if not d.empty]
    by_fp = {x.fingerprint: x.id for x in a.descriptions}
    verdicts += [_verdict(d, "attached", None, None, None)
                 | {"target": "description conflict", "description_conflict": xid,
                    "value": {"text": d.figure.text, "description": by_fp.get(d.figure.claim or ""),
                              "fingerprint": d.figure.claim} if d.figure else None}
                 for xid, d in review.description_conflicts.items() if not d.empty]
    verdicts += [_verdict(d, "orphaned", None, None, None) | ({"target": _TARGETS[target_kind(d)]} if target_kind(d)
                 in _TARGETS else {}) for d in _live(review.orphans)]
    progress = conflict_progress(ix.analysis, review)
    doc["review"] = {"db": db, "generated": generated or generated_now(), **_summary(ix, review),
                     "verdict_counts": counts(review), "conflicts_resolved": progress["resolved"],
                     "conflicts_follow_up": progress["follow-up"]}
    doc["verdicts"] = verdicts
    return doc


def render(fmt: str, ix: AnalysisIndex, review: Review, *, db: str | None = None,
           generated: str | None = None) -> str:
    """The export as text in `fmt` (`markdown`, `csv` or `json`)."""
    if fmt == "markdown":
        return to_markdown(ix, review, db=db, generated=generated)
    if fmt == "csv":
        return to_csv(ix, review)
    if fmt == "json":
        return json_text(to_json(ix, review, db=db, generated=generated))  # inert, C encoder
    raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")


def _note_and_reviewer(d) -> list[str]:
    """A decision's note and who made it, as memo bullets (topics and description conflicts alike)."""
    out = []
    if d and d.note:
        out.append(f"- **Note:** {md(d.note)}")
    if d and not d.empty:
        out.append(f"- **Decided by** {md(d.reviewer)} at {md(d.updated_at)}")
    return out
