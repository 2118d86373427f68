"""The timeline: figures against publication dates, one mark per voice, undated ones apart."""
from __future__ import annotations

from crosscheck.core.index import AnalysisIndex
from crosscheck.core.timeline import Mark, marks
from crosscheck.tui.widgets.timeline import GLYPHS, chart

from apps import sample_analysis


def plot(lines) -> list[str]:
    """The plot rows of a chart (above the axis), as plain text."""
    text = [t.plain for t in lines]
    axis = next(i for i, t in enumerate(text) if "└" in t)
    return text[:axis]


def where(rows: list[str], glyph: str) -> list[tuple[int, int]]:
    return [(y, x) for y, r in enumerate(rows) for x, ch in enumerate(r) if ch == glyph]


def test_rising_toll_is_one_voice_climbing():
    """One voice's figures on three later dates: the same mark, each further right and higher."""
    ms = [Mark("2024-01-01", 10, 10, "ministry", ("c1",)), Mark("2024-01-02", 40, 40, "ministry", ("c2",)),
          Mark("2024-01-05", 90, 90, "ministry", ("c3",))]
    at = where(plot(chart(ms, 60)), GLYPHS[0])
    assert len(at) == 3
    by_x = sorted(at, key=lambda p: p[1])
    assert [y for y, _ in by_x] == sorted((y for y, _ in by_x), reverse=True)  # rows count down: higher is up


def test_rival_claims_are_different_marks_on_one_date():
    """Two voices on one date get two different marks, both drawn."""
    ms = [Mark("2024-01-01", 7, 7, "JNIM", ("c1",)), Mark("2024-01-01", 5, 5, "local officials", ("c2",))]
    rows = plot(chart(ms, 40))
    assert where(rows, GLYPHS[0]) and where(rows, GLYPHS[1])
    legend = " ".join(t.plain for t in chart(ms, 40)[-2:])
    assert f"{GLYPHS[0]} JNIM" in legend and f"{GLYPHS[1]} local officials" in legend


def test_undated_figures_have_their_own_column_and_open_ends_an_arrow():
    """Figures from undated articles sit under 'no date'; an at-least figure has an arrow above."""
    ms = [Mark("2024-07-29", 10, 10, "JNIM", ("c1",)), Mark(None, 47, None, "CSP-PSD", ("c2",))]
    lines = chart(ms, 50)
    dates = next(t.plain for t in lines if "no date" in t.plain)
    assert "29 Jul" in dates and dates.index("29 Jul") < dates.index("no date")
    rows = plot(lines)
    (y, x), = where(rows, GLYPHS[1])
    assert y > 0 and rows[y - 1][x] == "↑"


def test_revision_is_one_voice_at_two_heights():
    """A revision (one voice, two figures, two dates) shows one mark twice at different heights."""
    ms = [Mark("2024-10-05", 12, 12, "disaster agency", ("c1",)),
          Mark("2024-10-07", 27, 27, "disaster agency", ("c2",)),
          Mark("2024-10-07", 20, 20, "a rival", ("c3",))]
    rows = plot(chart(ms, 50))
    agency = where(rows, GLYPHS[0])
    assert len(agency) == 2 and agency[0][0] != agency[1][0]
    assert len(where(rows, GLYPHS[1])) == 1


def test_sample_marks_fold_repeats_and_spellings():
    """In the sample, JNIM's three Malian-soldier claims (two spellings, one article) are one mark."""
    ix = AnalysisIndex.build(sample_analysis())
    t = next(t for t in ix.analysis.topics if t.who == "Malian soldiers")
    ms = marks(ix, list(t.claims))
    assert sorted((m.voice, m.low, m.date) for m in ms) == [("CSP-PSD", 47, None), ("JNIM", 10, "2024-07-29")]
    assert len(next(m for m in ms if m.voice == "JNIM").claims) == 3
