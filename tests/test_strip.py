"""The shared-scale strip: figures that differ are drawn apart at every spread, zero included."""
from __future__ import annotations

import pytest

from crosscheck.tui import strip

WIDTH = 22


def marks(figures: list[int], width: int = WIDTH) -> list[int]:
    """Where each exact figure's bar lands on a strip drawn on their shared scale."""
    lo, hi, log = strip.scale([(f, f) for f in figures])
    return [strip.draw(f, f, lo, hi, log, width).index("┃") for f in figures]


def test_one_figure_sits_inside_the_strip():
    """A spread of 1x (every figure the same) draws one bar away from both edges."""
    at = marks([6, 6, 6])
    assert len(set(at)) == 1
    assert 0 < at[0] < WIDTH - 1


def test_twentyfold_spread_is_linear_and_far_apart():
    """A 20x spread stays linear: 10 and 200 are most of the strip apart, 100 between them."""
    low, mid, high = marks([10, 100, 200])
    assert high - low >= WIDTH * 3 // 4
    assert low < mid < high
    assert not strip.scale([(10, 10), (200, 200)])[2]


@pytest.mark.parametrize("figures", [[3, 224], [3, 224, 3000], [1_000, 1_000_000], [2, 50, 2_000]])
def test_thousandfold_spread_keeps_every_figure_apart(figures):
    """Figures spanning up to 1,000x land in order, each at least a quarter of the strip from the next."""
    at = marks(figures)
    assert at == sorted(at)
    assert all(b - a >= WIDTH // 4 for a, b in zip(at, at[1:], strict=False))


def test_zero_is_at_the_left_edge_and_others_apart():
    """A zero figure sits at the left edge; small figures beside it and a large one stay apart."""
    at = marks([0, 5, 7, 400])
    assert at[0] == 0
    assert 0 < at[1] < at[2] < at[3]


def test_all_zero_draws():
    """Only zeros still draw a bar (no division by zero, no log of zero)."""
    assert marks([0, 0]) == [0, 0]


def test_open_ends_run_to_the_edges():
    """At least 6 runs to the right edge with an arrow; at most 50 from the left edge."""
    lo, hi, log = strip.scale([(6, None), (None, 50), (7, 7)])
    assert strip.draw(6, None, lo, hi, log, WIDTH).endswith("█▶")
    assert strip.draw(None, 50, lo, hi, log, WIDTH).startswith("◀█")
