"""A one-line Unicode strip that draws a claim's interval on a scale shared by its topic.

    6..∞   ···········██████████▶
    7      ··············┃·······
    5      ·········┃············

Open ends run to the edge with an arrow, exact figures are a single bar, so figures that do
not overlap are visibly apart. The scale is linear while the figures span up to 20 times, and
logarithmic beyond (3 and 224 must not share a corner of the strip). The logarithm is of
`1 + v`, so a zero sits at the left edge instead of at minus infinity.
"""
from __future__ import annotations

import math

LOG_FROM = 20
"""Spreads (highest / lowest figure) above this are drawn on a logarithmic scale."""


def scale(intervals: list[tuple[int | None, int | None]]) -> tuple[float, float, bool]:
    """The (low, high, logarithmic) scale that fits every finite end of these intervals."""
    ends = [v for lo, hi in intervals for v in (lo, hi) if v is not None]
    if not ends:
        return 0.0, 1.0, False
    lo, hi = float(min(ends)), float(max(ends))
    if lo == hi:  # one figure: put it in the middle
        return lo * 0.5, hi * 1.5 + 1, False
    if hi / max(lo, 1.0) > LOG_FROM:
        a, b = math.log1p(lo), math.log1p(hi)
        pad = (b - a) * 0.06
        return max(0.0, math.expm1(a - pad)), math.expm1(b + pad), True
    pad = (hi - lo) * 0.12
    return max(0.0, lo - pad), hi + pad, False


def position(v: float, lo: float, hi: float, log: bool, width: int) -> int:
    """The cell (0 .. width-1) of value `v` on the scale (low, high, log)."""
    if log:
        v, lo, hi = math.log1p(max(v, 0.0)), math.log1p(max(lo, 0.0)), math.log1p(max(hi, 0.0))
    frac = 0.0 if hi == lo else (v - lo) / (hi - lo)
    return min(width - 1, max(0, round(frac * (width - 1))))


def draw(low: int | None, high: int | None, lo: float, hi: float, log: bool, width: int = 22) -> str:
    """The strip for one interval on the shared scale."""
    width = max(1, width)
    cells = ["·"] * width
    a = 0 if low is None else position(low, lo, hi, log, width)
    b = width - 1 if high is None else position(high, lo, hi, log, width)
    if low is not None and high is not None and low == high:
        cells[a] = "┃"
        return "".join(cells)
    for i in range(a, b + 1):
        cells[i] = "█"
    if low is None:
        cells[0] = "◀"
    if high is None:
        cells[-1] = "▶"
    return "".join(cells)
