"""Column widths fitted to the space a table has, most important columns first.

A table's columns are not equally worth their room: who says a figure (claimant) and where
(source) must stay readable at 80 columns, while the strip can shrink to a few cells and the
figure as written and the date can leave the row (the detail line under the table shows them).
`fit` is a pure function so the rule is tested without a terminal.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column's claim on the row's width."""

    key: str
    label: str
    least: int
    """Narrowest useful width; below it the column is left out (width 0)."""
    want: int
    """Width that shows every cell whole."""
    rank: int
    """Lower ranks get their room first and are left out last."""
    elastic: bool = False
    """Takes whatever room is left once every other column has what it wants (the strip)."""
    optional: bool = False
    """Shown only when every required column has its wanted width (the detail line shows it)."""


def fit(columns: list[Column], total: int, gap: int = 1) -> list[int]:
    """Widths for `columns`, in their order, that fit in `total` cells with `gap` after each.

    The required columns are admitted at their least width in rank order while they fit, then
    grow towards their wanted width, a rank at a time and the columns of one rank by turns;
    only then are optional columns admitted and grown; an elastic column (the strip) takes the
    rest, and any room still left goes to the column that wants most (its cells are the longest).
    """
    widths = [0] * len(columns)
    room = total

    def admit(group: list[int]) -> None:
        nonlocal room
        for i in group:
            need = max(columns[i].least, 1)
            if need + gap <= room:
                widths[i] = need
                room -= need + gap

    def grow(group: list[int]) -> None:
        nonlocal room
        for rank in sorted({columns[i].rank for i in group}):
            turn = [i for i in group if columns[i].rank == rank and widths[i] and not columns[i].elastic]
            while room > 0:
                hungry = [i for i in turn if widths[i] < columns[i].want]
                if not hungry:
                    break
                for i in hungry:
                    if room <= 0:
                        break
                    widths[i] += 1
                    room -= 1

    order = sorted(range(len(columns)), key=lambda i: (columns[i].rank, i))
    required = [i for i in order if not columns[i].optional]
    optional = [i for i in order if columns[i].optional]
    admit(required)
    grow(required)
    for i in optional:
        admit([i])
        grow([i])
    elastic = [i for i in order if widths[i] and columns[i].elastic]
    if elastic and room > 0:
        share, extra = divmod(room, len(elastic))
        for n, i in enumerate(elastic):
            widths[i] += share + (1 if n < extra else 0)
        room = 0
    if room > 0:
        takers = [i for i in order if widths[i] and not columns[i].elastic]
        if takers:
            widths[max(takers, key=lambda i: (columns[i].want, -i))] += room
    return widths


def want(cells: list[str], label: str, least: int, most: int) -> int:
    """The width that shows the longest cell and the header, between `least` and `most`."""
    longest = max([len(label), *map(len, cells)]) if cells else len(label)
    return max(least, min(most, longest))
