"""Work-arounds for crashes inside Textual itself that the dashboard's key fuzz found.

Each is applied once, when the app module is imported, and only changes what happens in the
failing case, so an upgrade that fixes Textual makes it inert.

- `OptionList` page up/down before the list has laid out its lines (a command palette or best
  figure list opened in a terminal a few rows high, then pageup at once) looked up line 0 of an
  empty line table and raised `KeyError` (textual 8.2). Paging through a list with no lines on
  screen does nothing instead.
"""
from __future__ import annotations

from textual.await_complete import AwaitComplete
from textual.screen import Screen
from textual.widgets import OptionList

_move_page = OptionList._move_page
_dismiss = Screen.dismiss


def _move_page_when_laid_out(self: OptionList, direction) -> None:
    if not self._index_to_line or not self._lines:
        return  # nothing laid out yet, so nothing to page through
    _move_page(self, direction)


def _dismiss_once(self: Screen, result=None) -> AwaitComplete:
    callbacks = self._result_callbacks
    given = bool(callbacks) and callbacks[-1].future is not None and callbacks[-1].future.done()
    if given or not self.is_attached or self.app.screen is not self:
        return AwaitComplete()  # already dismissed (popped, or its pop pending): nothing more to do
    return _dismiss(self, result)


def apply() -> None:
    """Installs the work-arounds (idempotent)."""
    if OptionList._move_page is not _move_page_when_laid_out:
        OptionList._move_page = _move_page_when_laid_out  # type: ignore[method-assign]
    if Screen.dismiss is not _dismiss_once:
        Screen.dismiss = _dismiss_once  # type: ignore[method-assign]
