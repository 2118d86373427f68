"""The crosscheck Textual app: thin wiring from paths (or a ready analysis) to the main screen."""
from __future__ import annotations

from pathlib import Path
from collections.abc import Sequence

from textual.app import App
from textual.binding import Binding

from crosscheck.core.config import Config, ConfigProblem, load_config
from crosscheck.core.model import Analysis

from . import textual_fixes
from .screens.main import MainScreen

textual_fixes.apply()


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
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.commands"),
    ]
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, paths: Sequence[str] = (), analysis: Analysis | None = None, *, db: str | None = None,
                 read_only: bool = False, config: Config | None = None,
                 config_problems: Sequence[ConfigProblem] = ()) -> None:
        super().__init__()
        self.paths = [str(p) for p in paths]
        self.config = config or Config()
        self.config_problems = list(config_problems)
        c = self.config
        self.main_screen = MainScreen(self.paths, analysis, db=db, read_only=read_only, reviewer=c.reviewer,
                                      aliases=[list(g) for g in c.aliases] or None,
                                      measure_words={k: list(v) for k, v in c.measure_words.items()} or None)

    def on_mount(self) -> None:
        self._apply_config()
        self.push_screen(self.main_screen)

    def _apply_config(self) -> None:
        """Theme and key remapping from config.toml; a bad entry is reported and the default kept."""
        for problem in self.config_problems:
            self.notify(f"{problem}. Starting with the default settings.", title="config.toml",
                        severity="error", timeout=20, markup=False)
        c = self.config
        if c.theme:
            if c.theme in self.available_themes:
                self.theme = c.theme
            else:
                self.notify(f"{c.path}: unknown theme “{c.theme}” (known: {', '.join(sorted(self.available_themes))})",
                            title="config.toml", severity="error", timeout=20, markup=False)
        if c.keys:
            known = binding_ids()
            unknown = sorted(set(c.keys) - known)
            for bid in unknown:
                self.notify(f"{c.path}: [keys] “{bid}” is not a binding id (see ? for keys; ids: "
                            f"{', '.join(sorted(known))})", title="config.toml", severity="error", timeout=20,
                            markup=False)
            self.set_keymap({k: v for k, v in c.keys.items() if k in known})

    def action_help(self) -> None:
        from .screens.help import HelpScreen  # first use, not start-up
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_sections(), self._keymap))

    def action_export(self) -> None:
        """Writes the analysis as crosscheck/1 JSON into the working directory, off the event loop."""
        ix = self.main_screen.ix
        if ix is None:
            self.notify("Nothing to export yet: the analysis is still running.", severity="warning")
            return
        from .screens.export import file_stem
        target = Path.cwd() / f"{file_stem(ix.analysis.root)}.json"
        self.run_worker(lambda: self._write_analysis(ix.analysis, target), thread=True, group="export",
                        exit_on_error=False)

    def _write_analysis(self, analysis: Analysis, target: Path) -> None:
        from crosscheck.core.report import write_analysis_json
        try:
            with target.open("w", encoding="utf-8") as out:
                write_analysis_json(analysis, out)
        except OSError as e:
            self.call_from_thread(self.notify, f"Could not write {target}: {e.strerror}", severity="error",
                                  markup=False)
            return
        self.call_from_thread(self.notify, f"Analysis written to {target}", title="Exported", markup=False)


def help_sections():
    """Every binding by where it works, for the help screen and for checking config key ids."""
    from .screens.export import ExportScreen, FormatChoice
    from .screens.figure import FigureScreen
    from .screens.note import NoteScreen
    from .widgets.article import ArticleView
    from .widgets.claims import ClaimTable
    from .widgets.conflicts import ConflictList, FigureTable
    from .screens.history import HistoryScreen
    from .screens.search import SearchScreen
    from .widgets.sources import SourceList
    from .widgets.virtual_table import JUMP_BINDINGS
    return [("Everywhere", list(CrosscheckApp.BINDINGS)), ("Dashboard", list(MainScreen.BINDINGS)),
            ("Sources pane", list(SourceList.BINDINGS)), ("Article pane", list(ArticleView.BINDINGS)),
            ("Claims pane", list(ClaimTable.BINDINGS)), ("Conflicts", list(ConflictList.BINDINGS)),
            ("Figures side by side", list(FigureTable.BINDINGS)), ("Note editor", list(NoteScreen.BINDINGS)),
            ("Best figure", list(FigureScreen.BINDINGS)), ("Export", [*ExportScreen.BINDINGS, *FormatChoice.BINDINGS]),
            ("Lists and tables", list(JUMP_BINDINGS)), ("Article search", list(SearchScreen.BINDINGS)),
            ("History", list(HistoryScreen.BINDINGS))]


def binding_ids() -> set[str]:
    return {b.id for _, bindings in help_sections() for b in bindings if b.id}


def make_app(paths: Sequence[str] = (), analysis: Analysis | None = None, **options) -> CrosscheckApp:
    """The one factory used by the command line and the tests (options: db, read_only, config)."""
    return CrosscheckApp(paths, analysis, **options)


def run(paths: Sequence[str], *, db: str | None = None, read_only: bool = False,
        config_file: str | None = None) -> int:
    """Runs the dashboard; the exit status is the app's (1 after an unhandled exception, whose
    traceback Textual prints once the screen is restored), so a crash is never reported as success."""
    config, problems = load_config(config_file)
    app = make_app(paths, db=db, read_only=read_only, config=config, config_problems=problems)
    app.run()
    code = app.return_code or 0
    from .widgets.loading import analysis_running
    if analysis_running():
        _exit_now(code)
    return code


def _exit_now(code: int) -> None:
    """Ends the process at once: the user quit while the analysis still runs, and a thread cannot be
    stopped. Called only after the app's teardown (the review store has closed, every decision is
    committed); pool workers are stopped and the output flushed first."""
    import multiprocessing
    import os
    import sys

    for child in multiprocessing.active_children():
        child.terminate()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)
