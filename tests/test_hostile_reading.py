"""The reading layer on input from the wild: CRLF front matter, and HTML figures with markup in
and around them keeping exact offsets."""
from __future__ import annotations

import html
import re
from bisect import bisect_left

import pytest

from crosscheck.core.analysis.pipeline import analyze
from crosscheck.core.reading.ingest import load_corpus, source_from_text
from crosscheck.core.reading.markup import read_html

TOML_FRONT = ('+++\ntitle = "Gao ambush"\noutlet = "Sahel Wire"\npublished = 2024-11-23\n+++\n'
              "At least 12 soldiers were killed near Gao, the army said.\n")
YAML_FRONT = ("---\ntitle: Gao ambush\nsite: Sahel Wire\ndate: 2024-11-23\n---\n"
              "At least 12 soldiers were killed near Gao, the army said.\n")


@pytest.mark.parametrize("text", [TOML_FRONT, YAML_FRONT], ids=["toml", "yaml"])
def test_crlf_front_matter_is_recognised(text, tmp_path):
    """Front matter saved with Windows line ends gives the same metadata and meta block as LF."""
    crlf = text.replace("\n", "\r\n")
    (tmp_path / "a.md").write_bytes(crlf.encode())
    corpus = load_corpus([tmp_path])
    (source,) = corpus.sources
    assert not corpus.problems
    assert (source.title, source.outlet, source.published) == ("Gao ambush", "Sahel Wire", "2024-11-23")
    assert source.text == crlf
    meta = source.blocks[0]
    assert meta.kind == "meta" and source.text[meta.start:meta.end].endswith(("+++", "---"))
    (claim,) = analyze(corpus.sources).claims
    assert source.text[claim.start:claim.end] == claim.number_text == "At least 12"


def _visible(raw: str) -> str:
    """What a reader sees of an HTML fragment: tags, comments and scripts gone, entities decoded."""
    raw = re.sub(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", "", raw, flags=re.S | re.I)
    return " ".join(html.unescape(raw).split())


@pytest.mark.parametrize("figure", [
    "12<script>var killed = 99;</script>", "12<!-- 99 dead -->", "<b>12</b>", "1<b>2</b>", "1&#50;",
    "12<img src='99.png'>", "1<span class='n'>2</span>", "12</a>",
])
def test_figure_offsets_hold_the_figure_and_nothing_after_it(figure):
    """A figure with a tag or entity inside or right after it maps to a source span that reads
    as the figure: no trailing script, comment or closing tag's text leaks into it."""
    page = f"<html><body><h1>Ambush</h1><p>At least {figure} soldiers were killed on Monday.</p></body></html>"
    source = source_from_text("a.html", page)
    (claim,) = analyze([source]).claims
    assert claim.number_text == "At least 12"
    span = page[claim.start:claim.end]
    assert span.startswith("At least ") and _visible(span) == "At least 12", span
    assert span.endswith(("2", "&#50;")), span  # ends where the figure's last character does
    i, j = bisect_left(source.offsets, claim.start), bisect_left(source.offsets, claim.end)
    assert source.plain[i:j] == claim.number_text


def test_a_gap_maps_to_where_it_starts():
    """A space or line break standing for whitespace and markup maps to the gap's first character."""
    page = read_html("<p>twelve</b>  <i>men</i></p><p>died</p>")
    assert page.plain == "twelve men\n\ndied"
    src = "<p>twelve</b>  <i>men</i></p><p>died</p>"
    assert src[page.offsets[6]:page.offsets[7]] == "</b>  <i>"  # the space: the whole gap
    assert page.offsets[10] == page.offsets[11] == src.index("</i>")  # the paragraph break
    assert list(page.offsets) == sorted(page.offsets)
