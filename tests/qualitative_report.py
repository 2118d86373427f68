"""Precision and recall of descriptions and description conflicts against the qualitative gold.

usage: .venv/bin/python tests/qualitative_report.py [SET ...] [-v]

SET is `seeds`, `realdev` or `devset` (default: all three); the gold is tests/data/qualitative
(see its README.md). Per set and slot it prints descriptions and conflicts found, right and
missed. `-v` lists every false and missed item.

Matching, after the gold file's aliases and crosscheck's own are applied to both sides:

- a **description** is a (file, slot, value) unit (a denial's value is the value it denies): the
  gold's first clear phrase stands for all its repeats, so repeats count once on both sides; a
  value in fewer words of the gold's ("airport" for "Kabul airport") is the same description;
- a **conflict** found is right when a gold conflict of the same slot holds two of its values that
  the gold does not list as compatible, and shares a file with it. Denials of a figure (`figure:
  true`, "253 and not 359") duplicate numeric conflicts and are left out, as the gold allows.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path, PurePosixPath

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "data" / "qualitative"))

import check  # noqa: E402  (the gold's own loader and folders)

from crosscheck.core.analysis.disagreements import Names  # noqa: E402
from crosscheck.core.analysis.labels import GROUP_ALIASES  # noqa: E402
from crosscheck.core.analysis.pipeline import analyze_paths  # noqa: E402

SLOTS = check.SLOTS
SLOT_OF = {"perpetrator": "perpetrator", "victims": "victims", "target": "target", "denial": "denial"}


def gold_files(sets: list[str]) -> list[tuple[str, Path]]:
    out = []
    for g in check.gold_files():
        name = "seeds" if g.name == "seeds.json" else g.parent.name
        if name in sets:
            out.append((name, g))
    return out


def score_file(gold_path: Path) -> dict:
    """Counts per slot for one event's gold file, with the false and missed items."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    folder = check.text_dir(gold_path)
    names = Names([*GROUP_ALIASES, *gold["aliases"]])

    def norm(v: str | None) -> str:
        return names.canonical(v or "").casefold()

    analysis = analyze_paths([folder], aliases=gold["aliases"])
    file_of = {s.id: PurePosixPath(s.path).name for s in analysis.sources}
    by_id = {d.id: d for d in analysis.descriptions}
    out: dict = {s: Counter() for s in SLOTS}
    notes: list[str] = []

    def unit(file: str, slot: str, value: str | None, denies: str | None) -> tuple[str, str, str]:
        return (file, slot, norm(denies if slot == "denial" else value))

    gold_units = {unit(d["file"], d["slot"], d["value"], d.get("denies")) for d in gold["descriptions"]
                  if not d.get("figure")}
    found_units = {unit(file_of[d.source], d.slot, d.value, d.denies) for d in analysis.descriptions}
    def same(a: tuple, b: tuple) -> bool:
        """One description: the same file and slot, and the same value or one in fewer words of
        the other ("airport" for "Kabul airport", "findings" for "the UN report's findings")."""
        return a[:2] == b[:2] and (a[2] == b[2] or _same_words(a[2], b[2]))
    for u in found_units:
        out[u[1]]["desc_found"] += 1
        if any(same(u, g) for g in gold_units if g[:2] == u[:2]):
            out[u[1]]["desc_right"] += 1
        else:
            notes.append(f"false description {u}")
    for u in gold_units:
        out[u[1]]["desc_gold"] += 1
        if any(same(f, u) for f in found_units if f[:2] == u[:2]):
            out[u[1]]["desc_recalled"] += 1
        else:
            notes.append(f"missed description {u}")

    figure_only = {i for i, c in enumerate(gold["conflicts"]) if c["slot"] == "denial" and all(
        d.get("figure") for d in gold["descriptions"] if d["slot"] == "denial" and d["file"] in c["files"]
        and norm(d["denies"]) in {norm(v) for v in c["values"]})}
    compatible = {(c["slot"], frozenset(norm(v) for v in c["values"])) for c in gold["compatible"]}
    matched_gold: set[int] = set()
    for x in analysis.description_conflicts:
        out[x.slot]["conf_found"] += 1
        values = {norm(v) for v in x.values}
        files = {file_of[by_id[i].source] for i in x.descriptions}
        hit = None
        for i, c in enumerate(gold["conflicts"]):
            if c["slot"] != x.slot or i in figure_only or not files & set(c["files"]):
                continue
            gold_values = {norm(v) for v in c["values"]}
            if x.slot == "denial":  # the denied value; the denier's own words vary ("not X", "no X")
                ok = norm(x.values[0]) in gold_values or any(_same_words(x.values[0], v) for v in c["values"])
            else:
                shared = values & gold_values
                ok = any((x.slot, frozenset((a, b))) not in compatible for a in shared for b in shared if a < b)
            if ok:
                hit = i if hit is None or hit in matched_gold else hit
        if hit is None:
            notes.append(f"false conflict {x.slot}: {list(x.values)} in {sorted(files)}")
        else:
            out[x.slot]["conf_right"] += 1
            matched_gold.add(hit)
    for i, c in enumerate(gold["conflicts"]):
        if i in figure_only:
            continue
        out[c["slot"]]["conf_gold"] += 1
        if i in matched_gold:
            out[c["slot"]]["conf_recalled"] += 1
        else:
            notes.append(f"missed conflict {c['topic']}: {c['values']}")
    return {"slots": out, "notes": notes}


_STOP = frozenset("the a an of in on at to by for and or not no any its their his her".split())


def _same_words(found: str, gold: str) -> bool:
    """A denied thing named in other words: every content word of one is in the other ("findings"
    and "the UN report's findings")."""
    a = {w.strip("'’s") for w in found.casefold().split()} - _STOP
    b = {w.strip("'’s") for w in gold.casefold().split()} - _STOP
    return bool(a) and bool(b) and (a <= b or b <= a)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=["seeds", "realdev", "devset"])
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args(argv)
    for name in args.sets:
        totals = {s: Counter() for s in SLOTS}
        for set_name, path in gold_files([name]):
            result = score_file(path)
            for s in SLOTS:
                totals[s] += result["slots"][s]
            if args.v:
                print(f"## {set_name}/{path.stem}")
                for n in result["notes"]:
                    print("   ", n)
        print(f"{name}: slot          descriptions P / R (found, gold)     conflicts P / R (found, gold)")
        all_c: Counter = Counter()
        for s in SLOTS:
            t = totals[s]
            all_c += t
            print(f"   {s:<12} {_ratio(t['desc_right'], t['desc_found'])} / {_ratio(t['desc_recalled'], t['desc_gold'])}"
                  f" ({t['desc_found']:>3}, {t['desc_gold']:>3})              "
                  f"{_ratio(t['conf_right'], t['conf_found'])} / {_ratio(t['conf_recalled'], t['conf_gold'])}"
                  f" ({t['conf_found']:>2}, {t['conf_gold']:>2})")
        print(f"   {'all':<12} {_ratio(all_c['desc_right'], all_c['desc_found'])} / "
              f"{_ratio(all_c['desc_recalled'], all_c['desc_gold'])}                          "
              f"{_ratio(all_c['conf_right'], all_c['conf_found'])} / {_ratio(all_c['conf_recalled'], all_c['conf_gold'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
