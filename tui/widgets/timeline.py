"""A small chart of a topic's figures against time, drawn by hand in Unicode.

    84 ┤                  ▲
       │        ■
    10 ┤  ●               ●
       └──┴───────┴───────┴──
        29 Jul   23 Nov   no date
     ● JNIM  ■ CSP-PSD  ▲ Rusich

Each voice has its own mark, so one mark climbing is a rising toll or a revision and two marks
side by side are rival claims. Dates are spaced evenly in order (a chart a few cells wide cannot
show days to scale); figures share the strip's scale, logarithmic past a 20x spread. A finite
range is a bar (`│`) through the mark; `↑` above a mark is "at least".
"""
from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from crosscheck.core.calendar_names import MONTH_STEMS
from crosscheck.core.index import AnalysisIndex
from crosscheck.core.timeline import Mark, marks, voices_in_order

from .. import strip
from ..safe import clean

GLYPHS = "●■▲◆★✚○□△◇"
PLOT_ROWS = 5
LEGEND_LINES = 2


def _date_label(date: str | None, with_year: bool) -> str:
    if date is None:
        return "no date"
    y, m, d = date.split("-")
    return f"{int(d)} {MONTH_STEMS[int(m) - 1].capitalize()}" + (f" {y}" if with_year else "")


def _glyph(i: int) -> str:
    return GLYPHS[i] if i < len(GLYPHS) else chr(ord("a") + (i - len(GLYPHS)) % 26)


def chart(ms: list[Mark], width: int, rows: int = PLOT_ROWS) -> list[Text]:
    """The chart's lines for these marks, `width` cells wide: plot, axis, dates, legend."""
    if not ms:
        return [Text("no figures to chart", style="italic")]
    lo, hi, log = strip.scale([(m.low, m.high) for m in ms])

    headroom = 1 if any(m.high is None for m in ms) else 0  # a row above for the arrows of "at least"

    def row(v: int) -> int:
        return rows - 1 - strip.position(v, lo, hi, log, rows - headroom)

    def point(m: Mark) -> int:
        if m.low is not None and m.high is not None:
            return row((m.low + m.high) // 2)
        return row(m.low if m.low is not None else m.high or 0)

    finite = [v for m in ms for v in (m.low, m.high) if v is not None]
    labels = {row(max(finite)): f"{max(finite):,}", row(min(finite)): f"{min(finite):,}"} if finite else {}
    gutter = max((len(t) for t in labels.values()), default=1) + 1
    plot = max(4, width - gutter - 1)
    dates = list(dict.fromkeys(m.date for m in ms))
    xs = {d: min(plot - 1, round((i + 0.5) * plot / len(dates))) for i, d in enumerate(dates)}
    order = voices_in_order(ms)
    glyph = {v: _glyph(i) for i, v in enumerate(order)}
    grid: list[list[tuple[str, str]]] = [[(" ", "")] * plot for _ in range(rows)]
    for m in ms:
        x, y = xs[m.date], point(m)
        while grid[y][x][0] not in (" ", "│", "↑", "↓") and x + 1 < plot:  # another voice there: step aside
            x += 1
        if m.low is not None and m.high is not None and m.low != m.high:
            for r in range(row(m.high), row(m.low) + 1):
                if grid[r][x][0] == " ":
                    grid[r][x] = ("│", "dim")
        if m.high is None and y > 0 and grid[y - 1][x][0] == " ":
            grid[y - 1][x] = ("↑", "dim")
        if m.low is None and y + 1 < rows and grid[y + 1][x][0] == " ":
            grid[y + 1][x] = ("↓", "dim")
        grid[y][x] = (glyph[m.voice], "bold")
    lines = []
    for y in range(rows):
        line = Text(f"{labels.get(y, ''):>{gutter - 1}} " + ("┤" if y in labels else "│"), style="dim")
        for ch, style in grid[y]:
            line.append(ch, style=style)
        lines.append(line)
    axis = ["─"] * plot
    for x in xs.values():
        axis[x] = "┴"
    lines.append(Text(" " * gutter + "└" + "".join(axis), style="dim"))
    years = {d[:4] for d in dates if d}
    under = [" "] * (plot + 1)
    for d, x in xs.items():
        label = _date_label(d, len(years) > 1)
        start = max(0, min(plot + 1 - len(label), x + 1 - len(label) // 2))
        if all(c == " " for c in under[max(0, start - 1): start + len(label) + 1]):
            under[start: start + len(label)] = list(label)
    lines.append(Text(" " * gutter + "".join(under).rstrip(), style="dim"))
    legend = [Text()]
    for i, v in enumerate(order):
        name = " ".join(clean(v).split())
        name = name if len(name) <= 28 else name[:27] + "…"
        piece = len(name) + 4
        if legend[-1].cell_len + piece > width:
            if len(legend) == LEGEND_LINES:
                legend[-1].append(f"+{len(order) - i} more", style="dim")
                break
            legend.append(Text())
        legend[-1].append(glyph[v], style="bold")
        legend[-1].append(f" {name}  ")
    lines.extend(legend)
    return lines


class Timeline(Widget):
    """The selected topic's figures against the dates their articles were published."""

    DEFAULT_CSS = """
    Timeline { height: auto; padding: 0 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.marks: list[Mark] = []

    def show(self, ix: AnalysisIndex, claim_ids: list[str]) -> None:
        self.marks = marks(ix, claim_ids)
        self.refresh(layout=True)

    def render(self) -> Text:
        width = max(20, self.size.width or 60)
        return Text("\n").join(chart(self.marks, width))

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(chart(self.marks, max(20, width)))
