"""Validate the qualitative (description) gold files against their schema and their article texts.

Run from anywhere: ``python3 tests/data/qualitative/check.py`` (``-v`` prints a per-event table of
descriptions and conflicts per slot). Exits 1 when any file breaks a rule; the rules are the ones
written in README.md beside this script.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]  # the repository (or worktree) root: tests/data/qualitative -> root
SLOTS = ("perpetrator", "victims", "target", "denial")
TOP_KEYS = {"event_notes", "aliases", "descriptions", "conflicts", "compatible"}
DESCRIPTION_KEYS = {"file", "event", "slot", "phrase", "value", "claimant"}
DESCRIPTION_OPTIONAL = {"denies", "note", "figure"}
CONFLICT_KEYS = {"topic", "event", "slot", "why", "values", "files"}
COMPATIBLE_KEYS = {"event", "slot", "values", "why"}
MAX_PHRASE_WORDS = 8


def shared_dir() -> Path:
    """``../shared`` beside the repository root; a worktree looks further up for the same folder."""
    first = ROOT / ".." / "shared"
    if (first / "realdev").is_dir():
        return first
    for parent in ROOT.resolve().parents:
        if (parent / "shared" / "realdev").is_dir():
            return parent / "shared"
    return first


def text_dir(gold: Path) -> Path:
    """The folder holding the articles a gold file refers to."""
    if gold.name == "seeds.json":
        return shared_dir() / "seeds" / "articles"
    if gold.parent.name == "realdev":
        return shared_dir() / "realdev" / gold.stem
    if gold.parent.name == "devset":
        return ROOT / "tests" / "data" / "devset" / gold.stem
    raise ValueError(f"{gold}: not a seeds, realdev or devset gold file")


def gold_files() -> list[Path]:
    return [HERE / "seeds.json", *sorted((HERE / "realdev").glob("*.json")),
            *sorted((HERE / "devset").glob("*.json"))]


def _is_text(x: object) -> bool:
    return isinstance(x, str) and x.strip() == x and x != ""


def check(gold: Path) -> tuple[list[str], dict]:
    """All rule violations in one gold file, and the file's parsed content."""
    errors: list[str] = []
    err = errors.append
    try:
        data = json.loads(gold.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return [f"cannot read: {exc}"], {}
    if not isinstance(data, dict) or set(data) != TOP_KEYS:
        return [f"top-level keys must be exactly {sorted(TOP_KEYS)}"], {}
    folder = text_dir(gold)
    if not folder.is_dir():
        return [f"article folder {folder} not found"], data
    texts: dict[str, str] = {}

    def text(name: str) -> str | None:
        if name not in texts:
            path = folder / name
            if "/" in name or not path.is_file():
                return None
            texts[name] = path.read_text(encoding="utf-8")
        return texts[name]

    notes = data["event_notes"]
    if not isinstance(notes, dict) or not notes:
        err("event_notes must be a non-empty object")
        notes = {}
    for letter, note in notes.items():
        if not (len(letter) == 1 and letter.isupper() and _is_text(note)):
            err(f"event_notes: bad entry {letter!r}")

    canon: dict[str, str] = {}
    if not isinstance(data["aliases"], list):
        err("aliases must be a list")
    else:
        for group in data["aliases"]:
            if not (isinstance(group, list) and len(group) >= 2 and all(_is_text(n) for n in group)):
                err(f"aliases: each group is a list of two or more names: {group!r}")
                continue
            for name in group:
                if name in canon and canon[name] != group[0]:
                    err(f"aliases: {name!r} is in two groups")
                canon[name] = group[0]

    def norm(value: str) -> str:
        return canon.get(value, value)

    descs = data["descriptions"] if isinstance(data["descriptions"], list) else []
    if not descs:
        err("descriptions must be a non-empty list")
    seen: set[tuple] = set()
    for i, d in enumerate(descs):
        where = f"descriptions[{i}]"
        if not isinstance(d, dict):
            err(f"{where}: not an object")
            continue
        keys = set(d)
        if not DESCRIPTION_KEYS <= keys or keys - DESCRIPTION_KEYS - DESCRIPTION_OPTIONAL:
            err(f"{where}: keys must be {sorted(DESCRIPTION_KEYS)} (+ {sorted(DESCRIPTION_OPTIONAL)})")
            continue
        where = f"{where} ({d['file']}, {d.get('phrase')!r})"
        body = text(d["file"]) if isinstance(d["file"], str) else None
        if body is None:
            err(f"{where}: no such article in {folder}")
        if d["event"] not in notes:
            err(f"{where}: event {d['event']!r} not in event_notes")
        if d["slot"] not in SLOTS:
            err(f"{where}: slot must be one of {SLOTS}")
        phrase = d["phrase"]
        if not _is_text(phrase):
            err(f"{where}: phrase must be a non-empty trimmed string")
        else:
            if not 1 <= len(phrase.split()) <= MAX_PHRASE_WORDS:
                err(f"{where}: phrase must be 1 to {MAX_PHRASE_WORDS} words")
            if body is not None and body.find(phrase) < 0:
                err(f"{where}: phrase is not a substring of the article")
        if not _is_text(d["value"]):
            err(f"{where}: value must be a non-empty trimmed string")
        if d["claimant"] is not None and not _is_text(d["claimant"]):
            err(f"{where}: claimant must be null or a non-empty string")
        if (d["slot"] == "denial") != ("denies" in d):
            err(f"{where}: 'denies' is required for slot denial and only there")
        if "denies" in d and not _is_text(d["denies"]):
            err(f"{where}: denies must be a non-empty string")
        if "note" in d and not _is_text(d["note"]):
            err(f"{where}: note must be a non-empty string")
        if "figure" in d and (d["figure"] is not True or d["slot"] != "denial"):
            err(f"{where}: figure, when present, is true and only on a denial")
        key = (d["file"], d["event"], d["slot"], d["value"],
               d["claimant"], d.get("denies"))
        if key in seen:
            err(f"{where}: duplicate of an earlier description (same file, event, slot, value, claimant, denies)")
        seen.add(key)

    good = [d for d in descs if isinstance(d, dict) and DESCRIPTION_KEYS <= set(d)
            and isinstance(d["value"], str)]

    def values_of(event: str, slot: str, files: set[str] | None = None) -> set[str]:
        return {norm(d["value"]) for d in good if d["event"] == event and d["slot"] == slot
                and (files is None or d["file"] in files)}

    conflicts = data["conflicts"] if isinstance(data["conflicts"], list) else None
    if conflicts is None:
        err("conflicts must be a list")
        conflicts = []
    topics: Counter = Counter()
    for i, c in enumerate(conflicts):
        where = f"conflicts[{i}]"
        if not isinstance(c, dict) or set(c) != CONFLICT_KEYS:
            err(f"{where}: keys must be exactly {sorted(CONFLICT_KEYS)}")
            continue
        where = f"{where} ({c['topic']})"
        topics[c["topic"]] += 1
        ev, slot = c["event"], c["slot"]
        if ev not in notes or slot not in SLOTS:
            err(f"{where}: bad event or slot")
            continue
        if not (isinstance(c["topic"], str) and c["topic"].startswith(f"{ev}-")):
            err(f"{where}: topic must start with '{ev}-'")
        if not _is_text(c["why"]):
            err(f"{where}: why must be a non-empty string")
        vals = c["values"]
        if not (isinstance(vals, list) and all(_is_text(v) for v in vals)
                and len({norm(v) for v in vals}) == len(vals) >= 2):
            err(f"{where}: values must be two or more distinct values (after aliases)")
            continue
        files = c["files"]
        if not (isinstance(files, list) and files and len(set(files)) == len(files)
                and all(isinstance(f, str) and text(f) is not None for f in files)):
            err(f"{where}: files must be distinct existing articles")
            continue
        wanted = {norm(v) for v in vals}
        fileset = set(files)
        if slot == "denial":
            denials = [d for d in good if d["event"] == ev and d["slot"] == "denial" and d["file"] in fileset
                       and norm(d["denies"]) in wanted and norm(d["value"]) in wanted]
            if not denials:
                err(f"{where}: no denial in its files whose value and denied value are both in values")
            for f in files:
                if not any(d["file"] == f and d["event"] == ev and
                           (norm(d["value"]) in wanted or norm(d.get("denies", "")) in wanted) for d in good):
                    err(f"{where}: {f} has no description of event {ev} with one of the values")
        else:
            present = values_of(ev, slot, fileset)
            for v in wanted - present:
                err(f"{where}: value {v!r} is not described for {ev}/{slot} in its files")
            for f in files:
                if not values_of(ev, slot, {f}) & wanted:
                    err(f"{where}: {f} has no {ev}/{slot} description with one of the values")
            claimants = {d["claimant"] for d in good if d["event"] == ev and d["slot"] == slot
                         and d["file"] in fileset and norm(d["value"]) in wanted}
            if len(claimants) < 2:
                err(f"{where}: a conflict needs values from two or more claimants")
    for topic, n in topics.items():
        if n > 1:
            err(f"conflicts: topic {topic!r} used {n} times")

    compatible = data["compatible"] if isinstance(data["compatible"], list) else None
    if compatible is None:
        err("compatible must be a list")
        compatible = []
    for i, c in enumerate(compatible):
        where = f"compatible[{i}]"
        if not isinstance(c, dict) or set(c) != COMPATIBLE_KEYS:
            err(f"{where}: keys must be exactly {sorted(COMPATIBLE_KEYS)}")
            continue
        ev, slot, vals = c["event"], c["slot"], c["values"]
        if ev not in notes or slot not in SLOTS or not _is_text(c["why"]):
            err(f"{where}: bad event, slot or why")
            continue
        if not (isinstance(vals, list) and len(vals) == 2 and all(_is_text(v) for v in vals)):
            err(f"{where}: values must be a pair of values")
            continue
        known = values_of(ev, slot) | ({norm(d["denies"]) for d in good if d["event"] == ev
                                        and d["slot"] == "denial"} if slot == "denial" else set())
        for v in vals:
            if norm(v) not in known and v not in known:
                err(f"{where}: value {v!r} is not described for {ev}/{slot}")
        pair = {norm(v) for v in vals}
        for cf in conflicts:
            if isinstance(cf, dict) and cf.get("event") == ev and cf.get("slot") == slot and \
                    isinstance(cf.get("values"), list) and {norm(v) for v in cf["values"]} == pair:
                err(f"{where}: the same pair is a conflict ({cf.get('topic')})")
    return errors, data


def table(name: str, data: dict) -> str:
    """One line per event: descriptions and conflicts per slot."""
    lines = []
    for ev in sorted(data.get("event_notes", {})):
        d = Counter(x["slot"] for x in data["descriptions"] if x.get("event") == ev)
        c = Counter(x["slot"] for x in data["conflicts"] if x.get("event") == ev)
        if not d and not c:
            continue
        cells = "  ".join(f"{s[:4]} {d[s]:>2}/{c[s]}" for s in SLOTS)
        lines.append(f"  {name:<40} {ev}  {cells}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    failed = 0
    files = gold_files()
    for gold in files:
        errors, data = check(gold)
        rel = gold.relative_to(HERE)
        if errors:
            failed += 1
            print(f"FAIL {rel}")
            for e in errors:
                print(f"     {e}")
        elif verbose:
            print(table(str(rel), data))
    print(f"{len(files) - failed}/{len(files)} gold files pass"
          + ("" if not verbose else "   (cells: descriptions/conflicts per slot)"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
