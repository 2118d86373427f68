"""Column widths fitted to the terminal: claimant and source first, the strip shrinks first."""
from __future__ import annotations

from crosscheck.tui.columns import Column, fit, want

COLUMNS = [
    Column("mark", "", 1, 2, 0),
    Column("source", "source", 10, 22, 1),
    Column("claimant", "claimant", 14, 40, 1),
    Column("interval", "interval", 6, 8, 2),
    Column("strip", "scale", 6, 6, 3, elastic=True),
    Column("date", "date", 10, 10, 4, optional=True),
    Column("text", "as written", 8, 14, 5, optional=True),
]


def widths(total: int) -> dict[str, int]:
    return dict(zip([c.key for c in COLUMNS], fit(COLUMNS, total), strict=True))


def test_everything_fits_exactly():
    """The widths and gaps fill the space exactly: no empty columns at the right edge."""
    for total in (76, 118, 196):
        w = fit(COLUMNS, total)
        assert sum(w) + sum(1 for x in w if x) <= total
        assert sum(w) + sum(1 for x in w if x) >= total - 1


def test_narrow_keeps_claimant_and_source_readable():
    """At 80 columns claimant and source grow before the optional date and wording are shown."""
    w = widths(76)
    assert w["claimant"] >= 30 and w["source"] >= 16
    assert w["date"] == 0 and w["text"] == 0 and w["strip"] >= 6


def test_strip_shrinks_first():
    """Taking width away shrinks the strip before any wanted column loses a cell."""
    wide, less = widths(140), widths(120)
    assert less["strip"] == wide["strip"] - 20
    assert {k: v for k, v in less.items() if k != "strip"} == {k: v for k, v in wide.items() if k != "strip"}


def test_lowest_ranks_leave_first_when_too_narrow():
    """When even the least widths do not fit, the strip leaves; claimant, source and interval stay."""
    w = widths(36)
    assert w["strip"] == 0
    assert w["claimant"] > 0 and w["source"] > 0 and w["interval"] > 0


def test_wide_gives_rest_to_the_strip():
    """At 200 columns every column shows its cells whole and the strip takes the rest."""
    w = widths(196)
    assert w["claimant"] == 40 and w["source"] == 22 and w["text"] == 14
    assert w["strip"] > 40


def test_want_is_longest_cell_within_bounds():
    """A column wants its longest cell or header, within its bounds."""
    assert want(["six", "at least half a dozen"], "as written", 6, 16) == 16
    assert want(["7"], "interval", 6, 16) == 8
    assert want([], "date", 4, 10) == 4
