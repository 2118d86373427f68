"""The key line at the bottom of the dashboard: the keys that work where the focus is.

Textual's `Footer` recomposes on every focus change, mounting and styling one widget per key
(about thirty here): that was half of every `tab` (~270 ms of ~550 ms, measured with
`benchmarks/tui_bench.py`). This line is one widget that renders the same keys as one `Text`
and only repaints when they change. A click on a key presses it.
"""
from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static


class KeyLine(Static):
    """The focused pane's and the screen's keys, one line, `^p Commands` at the right."""

    DEFAULT_CSS = """
    KeyLine { dock: bottom; height: 1; width: 100%; background: $footer-background; color: $footer-foreground; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__("", **kwargs)
        self._spans: list[tuple[int, int, str]] = []
        """(start, end, key) of each key on the line, for clicks."""
        self._shown: str | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        keys: list[tuple[Binding, bool]] = []
        seen: set[str] = set()
        palette = None
        for _node, binding, enabled, _tooltip in screen.active_bindings.values():
            if binding.key == self.app.COMMAND_PALETTE_BINDING or binding.action == "command_palette":
                palette = (binding, enabled)
                continue
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                keys.append((binding, enabled))
        line, spans = Text(no_wrap=True, overflow="ellipsis"), []
        for binding, enabled in keys:
            start = len(line)
            line.append(f" {self.app.get_key_display(binding)} ", style="bold reverse" if enabled else "dim reverse")
            line.append(f" {binding.description} ", style="" if enabled else "dim")
            spans.append((start, len(line), binding.key))
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            tail = Text.assemble(("▏", "dim"), (f" {self.app.get_key_display(palette[0])} ", "bold reverse"),
                                 " Commands ")
            room = max(0, self.size.width - tail.cell_len)
            if line.cell_len > room:
                line.truncate(room, overflow="ellipsis")
            else:
                line.append(" " * (room - line.cell_len))
            spans.append((len(line), len(line) + len(tail), palette[0].key))
            line.append_text(tail)
        if line.plain != self._shown:
            self._shown = line.plain
            self._spans = spans
            self.update(line, layout=False)  # always one line: no layout pass for the screen

    def on_resize(self, event: events.Resize) -> None:
        self._shown = None  # the palette key sits at the right edge: lay the line out again
        self._bindings_changed(self.screen)

    async def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key.split(",")[0])
                return
