"""The crosscheck Textual app: thin wiring from paths (or a ready analysis) to the main screen."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

from textual.app import App
from textual.binding import Binding

from core.model import Analysis

from .screens.help import HelpScreen
from .screens.main import MainScreen


def _commands_provider():
    """Imported on first use of the palette, so textual.command is not paid for at start-up."""
    from .commands import CrosscheckCommands
    return CrosscheckCommands


class CrosscheckApp(App):
    """Shows where reports of one event disagree."""

    TITLE = "crosscheck"
    COMMANDS = App.COMMANDS | {_commands_provider}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
    ]
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, paths: Sequence[str] = (), analysis: Analysis | None = None) -> None:
        super().__init__()
        self.paths = [str(p) for p in paths]
        self.main_screen = MainScreen(self.paths, analysis)

    def on_mount(self) -> None:
        self.push_screen(self.main_screen)

    def action_help(self) -> None:
        from .widgets.article import ArticleView
        from .widgets.claims import ClaimTable
        from .widgets.conflicts import ConflictList, FigureTable
        from .widgets.sources import SourceList
        sections = [("Everywhere", list(self.BINDINGS)), ("Dashboard", list(MainScreen.BINDINGS)),
                    ("Sources pane", list(SourceList.BINDINGS)), ("Article pane", list(ArticleView.BINDINGS)),
                    ("Claims pane", list(ClaimTable.BINDINGS)), ("Conflicts", list(ConflictList.BINDINGS)),
                    ("Figures side by side", list(FigureTable.BINDINGS))]
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(sections))

    def action_export(self) -> None:
        """Writes the analysis as crosscheck/1 JSON into the working directory."""
        ix = self.main_screen.ix
        if ix is None:
            self.notify("Nothing to export yet: the analysis is still running.", severity="warning")
            return
        from core.report import to_json
        name = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in (ix.analysis.root or "corpus"))
        target = Path.cwd() / f"crosscheck-{name}.json"
        try:
            target.write_text(json.dumps(to_json(ix.analysis), ensure_ascii=False, indent=1), encoding="utf-8")
        except OSError as e:
            self.notify(f"Could not write {target}: {e.strerror}", severity="error")
            return
        self.notify(f"Analysis written to {target}", title="Exported")


def make_app(paths: Sequence[str] = (), analysis: Analysis | None = None) -> CrosscheckApp:
    """The one factory used by the command line and the tests."""
    return CrosscheckApp(paths, analysis)


def run(paths: Sequence[str]) -> int:
    make_app(paths).run()
    return 0
