#!/usr/bin/env python3
"""Builds a devset event's gold.json from its hand-written annotation.json.

usage: build_gold.py EVENT_DIR [EVENT_DIR ...]      (or --all to rebuild every event folder)

annotation.json holds what a human decides; this script computes what must not be done by hand:

    {
      "events": {"A": "...", "B": "..."},
      "claims": [
        {"file": "001_x.txt", "quote": "exact text around the number", "number_text": "at least 28",
         "occurrence": 0,            # optional: which occurrence of the quote in the file (default 0)
         "low": 28, "high": null, "measure": "killed", "who": "people",
         "attributed_to": "police", "topic": "A-dead-total"}
      ],
      "optional": [{"file": ..., "quote": ..., "number_text": "several", "occurrence": 0}],
      "qualitative": [...], "aliases": [...], "same_story": [...], "traps": [...]
    }

For each claim it assigns an id (c1, c2, ... in annotation order), finds the quote in the file
(decoded as UTF-8, Python str offsets), takes the FIRST occurrence of number_text inside the quote
(as score.py does), and writes number_start/number_end. It checks that text[start:end] equals
number_text, that the number is not glued to neighbouring letters or digits, and warns when the
interval does not follow the hedge conventions of the seed gold. Conflicts and compatible pairs
are derived within each topic from the intervals (claims with measure "other" are skipped).
"""
import itertools
import json
import math
import pathlib
import re
import sys

MEASURES = {"killed", "injured", "missing", "captured", "displaced", "attackers", "other"}
KEYS = ["id", "file", "quote", "number_text", "number_start", "number_end", "low", "high",
        "measure", "who", "attributed_to", "topic"]

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
         "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100, "a dozen": 12,
         "half a dozen": 6, "two dozen": 24, "a thousand": 1000}
VAGUE = {"dozens": (24, None), "hundreds": (200, None), "scores": (40, None),
         "thousands": (2000, None)}


def base_value(s):
    """The bare number of a number phrase without its hedge, or None when it can't tell."""
    s = s.strip().lower().replace("\u00a0", " ")
    m = re.fullmatch(r"([\d,]+(?:\.\d+)?)\s*(million|lakh|thousand)?", s)
    if m:
        v = float(m.group(1).replace(",", ""))
        mult = {"million": 1_000_000, "lakh": 100_000, "thousand": 1000, None: 1}[m.group(2)]
        return int(round(v * mult))
    if s in WORDS:
        return WORDS[s]
    parts = s.replace("-", " ").split()
    if len(parts) == 2 and parts[0] in WORDS and parts[1] in WORDS and WORDS[parts[1]] < 10:
        return WORDS[parts[0]] + WORDS[parts[1]]
    return None


def expected_interval(number_text):
    """The interval the seed conventions give a number phrase, or None when it can't tell."""
    s = number_text.strip().lower()
    s = re.sub(r"\s+", " ", s)
    if s in VAGUE:
        return VAGUE[s]
    m = re.fullmatch(r"(?:between )?(.+?) (?:to|and|-) (.+)", s)
    if m and base_value(m.group(1)) is not None and base_value(m.group(2)) is not None:
        return base_value(m.group(1)), base_value(m.group(2))
    hedges = [
        (r"(?:at least|no fewer than|not less than|a minimum of) ", lambda n: (n, None)),
        (r"(?:more than|over|upwards of|in excess of) ", lambda n: (n + 1, None)),
        (r"(?:nearly|almost|close to|just under) ", lambda n: (-(-9 * n // 10), n)),
        (r"(?:about|around|some|roughly|approximately|an estimated|estimated|nearly about) ",
         lambda n: (9 * n // 10, -(-11 * n // 10))),
        (r"(?:up to|as many as|not more than|no more than|at most) ", lambda n: (None, n)),
    ]
    for pat, f in hedges:
        m = re.match(pat, s)
        if m:
            rest = s[m.end():]
            if rest in VAGUE:
                return None
            n = base_value(rest)
            return f(n) if n is not None else None
    m = re.fullmatch(r"(.+?) or more", s)
    if m and base_value(m.group(1)) is not None:
        return base_value(m.group(1)), None
    n = base_value(s)
    return (n, n) if n is not None else None


def locate(text, quote, occurrence, where):
    at = -1
    for _ in range(occurrence + 1):
        at = text.find(quote, at + 1)
        if at < 0:
            sys.exit(f"{where}: quote not found (occurrence {occurrence}): {quote!r}")
    return at


def overlap(a, b):
    lo = max(-math.inf if a[0] is None else a[0], -math.inf if b[0] is None else b[0])
    hi = min(math.inf if a[1] is None else a[1], math.inf if b[1] is None else b[1])
    return lo <= hi


def build(event_dir):
    event_dir = pathlib.Path(event_dir).resolve()
    ann = json.loads((event_dir / "annotation.json").read_text(encoding="utf-8"))
    texts = {}
    warnings = []

    def span(item, where):
        f = item["file"]
        if f not in texts:
            texts[f] = (event_dir / f).read_text(encoding="utf-8")
        text = texts[f]
        q, nt = item["quote"], item["number_text"]
        if nt not in q:
            sys.exit(f"{where}: number_text {nt!r} not in quote {q!r}")
        at = locate(text, q, item.get("occurrence", 0), where)
        start = at + q.find(nt)
        end = start + len(nt)
        assert text[start:end] == nt
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before.isalnum() or after.isalnum():
            sys.exit(f"{where}: number_text {nt!r} is glued to its neighbours in {f}")
        # a digit group inside a bigger number ("294" inside "1,294", "5" inside "2.5")
        if (before in ",." and start >= 2 and text[start - 2].isdigit()) or \
           (after in ",." and end + 1 < len(text) and text[end + 1].isdigit()):
            sys.exit(f"{where}: number_text {nt!r} is part of a bigger number in {f}")
        if "\n" in q:
            warnings.append(f"{where}: quote spans a line break")
        n = text.count(q)
        if n > 1 and "occurrence" not in item:
            warnings.append(f"{where}: quote occurs {n} times in {f} (score.py matches all)")
        return start, end

    claims = []
    for i, c in enumerate(ann["claims"], 1):
        cid = f"c{i}"
        where = f"{event_dir.name}/{cid}"
        if c["measure"] not in MEASURES:
            sys.exit(f"{where}: bad measure {c['measure']!r}")
        if not c["topic"][:1].isalpha() or c["topic"][1:2] != "-" or c["topic"][0] not in ann["events"]:
            sys.exit(f"{where}: topic {c['topic']!r} does not start with an event letter")
        start, end = span(c, where)
        exp = expected_interval(c["number_text"])
        if exp is not None and tuple(exp) != (c["low"], c["high"]):
            if not c.get("interval_note"):
                warnings.append(f"{where}: {c['number_text']!r} -> {c['low']}..{c['high']}, "
                                f"conventions suggest {exp[0]}..{exp[1]}")
        if c["low"] is not None and c["high"] is not None and c["low"] > c["high"]:
            sys.exit(f"{where}: low > high")
        out = dict(id=cid, file=c["file"], quote=c["quote"], number_text=c["number_text"],
                   number_start=start, number_end=end, low=c["low"], high=c["high"],
                   measure=c["measure"], who=c["who"], attributed_to=c.get("attributed_to"),
                   topic=c["topic"])
        claims.append({k: out[k] for k in KEYS})

    optional = []
    for j, o in enumerate(ann.get("optional", []), 1):
        start, end = span(o, f"{event_dir.name}/optional{j}")
        optional.append(dict(file=o["file"], quote=o["quote"], number_text=o["number_text"],
                             number_start=start, number_end=end))

    # no two claims may share a number span
    seen = {}
    for c in claims:
        key = (c["file"], c["number_start"])
        if key in seen:
            sys.exit(f"{event_dir.name}: {c['id']} and {seen[key]} share a span")
        seen[key] = c["id"]

    conflicts, compatible = [], []
    by_topic = {}
    for c in claims:
        if c["measure"] != "other":
            by_topic.setdefault(c["topic"], []).append(c)
    for topic, cs in by_topic.items():
        for a, b in itertools.combinations(cs, 2):
            pair = {"topic": topic, "a": a["id"], "b": b["id"]}
            if overlap((a["low"], a["high"]), (b["low"], b["high"])):
                compatible.append(pair)
            else:
                conflicts.append(pair)
    def order(p: dict) -> tuple[int, int]:
        return int(p["a"][1:]), int(p["b"][1:])
    conflicts.sort(key=order)
    compatible.sort(key=order)

    gold = {"events": ann["events"], "claims": claims, "optional": optional,
            "conflicts": conflicts, "compatible_pairs": compatible,
            "qualitative": ann.get("qualitative", []), "aliases": ann.get("aliases", []),
            "same_story": ann.get("same_story", []), "traps": ann.get("traps", [])}
    for pair in gold["same_story"]:
        for f in pair:
            if not (event_dir / f).exists():
                sys.exit(f"{event_dir.name}: same_story names a missing file {f}")
    for q in gold["qualitative"]:
        for f in q.get("files", []):
            if not (event_dir / f).exists():
                sys.exit(f"{event_dir.name}: qualitative names a missing file {f}")
    (event_dir / "gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
    for w in warnings:
        print("warning:", w)
    nodes = {(c["file"], c["topic"], c["low"], c["high"]) for c in claims if c["measure"] != "other"}
    print(f"{event_dir.name}: {len(claims)} claims ({sum(c['measure'] == 'other' for c in claims)} other), "
          f"{len(optional)} optional, {len(conflicts)} conflicts, {len(compatible)} compatible, "
          f"{len(nodes)} scored nodes")
    return gold


if __name__ == "__main__":
    args = sys.argv[1:]
    if args == ["--all"] or not args:
        here = pathlib.Path(__file__).resolve().parent
        args = sorted(str(p.parent) for p in here.glob("*/annotation.json"))
    for d in args:
        build(d)
