"""Property-based fuzzing of the analysis: whatever the text, it never raises, and every claim
points at its figure.

Inputs: random Unicode; random bytes decoded exactly as the reader decodes a file
(`ingest.decode`); real sentences from the seed articles, mangled (characters inserted, deleted
and swapped, digits and number words spliced in, invisible and bidi characters dropped inside
figures); and the same wrapped in HTML with tags and entities inside and around the figures.
Properties: `analyze` returns; each claim's offsets lie inside the file with start <= end; for a
text file `source.text[start:end] == number_text`, for HTML the readable text under those offsets
is `number_text`; no claim or topic has low > high.

Runs are derandomised (the same examples every run, so CI cannot flake) and kept small: the
whole file takes a few seconds. Known analysis bugs these found are pinned, as strict xfails, in
test_hostile_analysis.py.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck.core.analysis.pipeline import analyze
from crosscheck.core.reading.ingest import decode, source_from_text

SEEDS = Path(__file__).parent / "data" / "seed_articles"
FUZZ = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def check(source) -> None:
    """The properties every analysis must have."""
    analysis = analyze([source])
    n = len(source.text)
    for c in analysis.claims:
        assert 0 <= c.start <= c.end <= n, (c.start, c.end, n)
        if source.plain is None:
            assert source.text[c.start:c.end] == c.number_text, (c.start, c.end, c.number_text)
        else:
            i, j = bisect_left(source.offsets, c.start), bisect_left(source.offsets, c.end)
            assert source.plain[i:j] == c.number_text, (source.plain[i:j], c.number_text)
        assert c.low is None or c.high is None or c.low <= c.high, (c.number_text, c.low, c.high)
    for t in analysis.topics:
        assert t.low is None or t.high is None or t.low <= t.high, (t.id, t.low, t.high)


def readable(text: str) -> bool:
    """What the reader would analyse at all (it skips a file that is only whitespace)."""
    return bool(text.strip())


@lru_cache(maxsize=1)
def seed_sentences() -> tuple[str, ...]:
    """The seed articles' sentences that hold a digit or a number word: where the figures are."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for sentence in re.split(r"(?<=[.!?])\s+", line.strip()):
                if re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?)\b",
                             sentence, re.I):
                    out.append(sentence)
    return tuple(out)


# Pieces spliced into real sentences: digits and separators, number words and hedges, and the
# characters that have broken number readers elsewhere (no-break and thin spaces, zero-width and
# bidi controls, other scripts' digits, a soft hyphen, huge exponents).
SPLICE = st.sampled_from([
    "0", "1", "7", "12", "1,000", "1.5", ",", ".", " ", "-", "–", "\u00a0", "\u2009", "\u202f",
    "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u00ad", "٣", "५", "½", "²", "1e400",
    "9" * 40, "million", "half a", "dozens of", "at least", "nearly", "between 5 and", "to",
    "more than", "up to", "killed", "wounded", "soldiers", "\n", "\n\n", "\t", "\r\n", "(", ")",
    "\"", "’", "%", "$", "—",
])


@st.composite
def mangled_sentences(draw) -> str:
    """A few seed sentences with random edits."""
    pool = seed_sentences()
    text = " ".join(draw(st.lists(st.sampled_from(pool), min_size=1, max_size=4)))
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["insert", "delete", "swap", "duplicate"]))
        at = draw(st.integers(0, len(text)))
        if op == "insert":
            text = text[:at] + draw(st.one_of(SPLICE, st.text(max_size=3))) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 12)):]
        elif op == "swap" and 0 < at < len(text):
            text = text[:at - 1] + text[at] + text[at - 1] + text[at + 1:]
        elif op == "duplicate":
            text = text[:at] + text[at:at + draw(st.integers(1, 20))] + text[at:]
    return text


TAGS = st.sampled_from(["<b>", "</b>", "<i>", "</i>", "<br>", "<span class=x>", "</span>", "<!-- c -->",
                        "&nbsp;", "&amp;", "&#48;", "&#x31;", "&thinsp;", "&lt;", "<wbr>", "<p>", "</p>",
                        "<script>var n = 12;</script>", "<a href='/12'>", "</a>", "&", "<", ">"])


@st.composite
def html_pages(draw) -> str:
    """A mangled seed passage inside a page, with tags and entities dropped into it anywhere."""
    text = draw(mangled_sentences())
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(TAGS) + text[at:]
    return f"<html><head><title>Report</title></head><body><h1>Ambush</h1><p>{text}</p></body></html>"


@FUZZ
@given(st.text(max_size=400))
def test_random_unicode(text):
    """Any Unicode text is analysed without error, and its claims point at their figures."""
    if readable(text):
        check(source_from_text("fuzz.txt", text))


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_decoded_as_the_reader_decodes_them(data):
    """Any bytes the reader accepts as text are analysed without error."""
    text, _ = decode(data)
    if text is not None and readable(text):
        check(source_from_text("fuzz.txt", text))


@FUZZ
@given(mangled_sentences())
def test_mangled_seed_sentences(text):
    """Real reporting, mangled, is analysed without error, and its claims point at their figures."""
    check(source_from_text("fuzz.txt", text))


@FUZZ
@given(html_pages())
def test_mangled_seed_sentences_in_html(page):
    """The same inside HTML with tags and entities in and around the figures."""
    source = source_from_text("fuzz.html", page)
    if readable(source.readable):
        check(source)


@FUZZ
@given(st.lists(mangled_sentences(), min_size=2, max_size=3))
def test_several_mangled_sources_together(texts):
    """Several mangled sources analysed together (events, topics and conflicts across them)."""
    sources = [source_from_text(f"f{i}.txt", t, id=f"s{i}") for i, t in enumerate(texts, 1)]
    analysis = analyze(sources)
    by_id = {s.id: s for s in sources}
    for c in analysis.claims:
        assert by_id[c.source].text[c.start:c.end] == c.number_text
    for t in analysis.topics:
        assert t.low is None or t.high is None or t.low <= t.high
