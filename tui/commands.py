"""Command palette (ctrl+p): jump to a source or a conflict, switch views, toggle junk, export."""
from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from crosscheck.core.naming import group_label, source_name, source_title

from .safe import clean


class CrosscheckCommands(Provider):
    """The app's commands, searchable by name, source outlet/title and conflict topic."""

    def _commands(self):
        main = getattr(self.app, "main_screen", None)
        if main is None:
            return []
        out = [
            ("Show conflicts view", main.action_show_conflicts, "every topic whose figures disagree"),
            ("Show sources and article view", main.action_show_sources, "articles, their text and claims"),
            ("Toggle page junk", main.action_toggle_junk, "show or fold menus, teasers and footers"),
            ("Export review (Markdown, CSV or JSON)…", main.action_export,
             "figures, verdicts, chosen figures, notes and orphaned decisions"),
            ("Show orphaned decisions", main.show_orphans, "decisions whose claim or topic is gone"),
            ("Undo last decision", main.action_undo, "take back this session's last decision"),
            ("Export analysis as JSON", self.app.action_export, "write the crosscheck/1 document to a file"),
            ("Help: list every key", self.app.action_help, "the help screen"),
        ]
        ix = main.ix
        if ix is not None:
            for s in ix.analysis.sources:
                label = clean(f"Jump to source: {source_name(s)} — {source_title(s)}")[:100]
                out.append((label, partial(main.open_source, s.id), clean(s.path)))
            for x in ix.analysis.conflicts:
                t = ix.topics[x.topic]
                label = clean(f"Jump to conflict: {group_label(t.who)} {t.measure} ({x.kind}) · "
                              f"{ix.event_label(t.event)}")[:100]
                out.append((label, partial(main.open_conflict, x.id), clean(ix.event_label(t.event))))
        return out

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands()[:5]:
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
