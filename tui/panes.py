"""The dashboard's panes: which view holds which, how focus moves between them, the tab line.

Below 100 columns a view shows one pane at a time as a tab; from 160 everything sits side by
side. These are plain functions of the pane names and the terminal width, so the main screen only
applies their answers.
"""
from __future__ import annotations

from rich.text import Text
from textual.dom import DOMNode

VIEWS = {"sources-view": ("sources", "article", "claims"), "conflicts-view": ("conflict-list", "figures")}
"""Each view's panes (widget ids), in the order `tab` visits them."""
PANE_NAMES = {"sources": "Sources", "article": "Article", "claims": "Claims",
              "conflict-list": "Conflicts", "figures": "Figures"}
"""Pane id -> the name shown on its tab."""


def width_classes(width: int) -> dict[str, bool]:
    """The screen's layout class for a terminal `width` columns wide (exactly one is True)."""
    return {"narrow": width < 100, "medium": 100 <= width < 160, "wide": width >= 160}


def pane_holding(node: DOMNode | None, stop: DOMNode) -> str | None:
    """The id of the pane that `node` sits in, looking up the tree until `stop`."""
    while node is not None and node is not stop:
        if node.id in PANE_NAMES:
            return node.id
        node = node.parent
    return None


def cycled(panes: tuple[str, ...], current: str, delta: int) -> str:
    """The pane `delta` steps from `current`, wrapping around; the first when `current` is elsewhere."""
    i = panes.index(current) if current in panes else -1
    return panes[(i + delta) % len(panes)]


def tab_line(panes: tuple[str, ...], current: str) -> Text:
    """The tab strip: every pane of the view, the current one bracketed and reversed (no colour needed)."""
    line = Text()
    for name in panes:
        label = f" {PANE_NAMES[name]} "
        line.append(f"[{label.strip()}]" if name == current else label,
                    style="bold reverse" if name == current else "")
        line.append(" ")
    line.append("  tab: next pane · ?: help", style="dim")
    return line
