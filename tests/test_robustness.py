"""Mangled real articles never crash the analysis, and every offset stays inside its file."""
from __future__ import annotations

import json
import random
from pathlib import Path

from crosscheck.core.analysis.pipeline import analyze
from crosscheck.core.reading.ingest import source_from_text
from crosscheck.core.report import to_json

DATA = Path(__file__).parent / "data"
NOISE = ["", "\n", " 12 ", "at least", "(", ")", '"', "“", "—", ":", "killed", "on Thursday",
         "in July 2024", "[bold]", "\x1b[31m", "\u202e", "1,2,3", "99999999999999999999",
         "between 5 and", "nearly", "%", "$", "according to", "said", "Later,", "\t", "\r\n", "…"]


def _mangle(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(0, 12)):
        i = rng.randint(0, len(text))
        roll = rng.random()
        if roll < 0.5:
            text = text[:i] + rng.choice(NOISE) + text[i:]
        elif roll < 0.7:
            text = text[:i]
        elif roll < 0.85:
            text = text[i:]
        else:
            lines = text.split("\n")
            rng.shuffle(lines)
            text = "\n".join(lines)
    return text


def test_mangled_articles_analyse_cleanly():
    """80 corpora of cut, shuffled and noise-laden real articles analyse without error."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DATA.rglob("*.txt"))]
    rng = random.Random(20241121)
    for _ in range(80):
        sources = [source_from_text(f"f{k}.{rng.choice(['txt', 'md', 'html'])}", _mangle(rng.choice(texts), rng),
                                    id=f"s{k}") for k in range(rng.randint(1, 4))]
        analysis = analyze(sources)
        json.dumps(to_json(analysis))
        lengths = {s.id: len(s.text) for s in analysis.sources}
        assert all(0 <= c.start <= c.end <= lengths[c.source] for c in analysis.claims)
