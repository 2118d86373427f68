"""How sources are named on screen and in human-readable output: the outlet, else a short title.

A source's `id` (`s2`) and its file name (`001_fd7eeb6585d1acaf.txt`) are handles for programs,
not names for people: a reviewer knows an article by who published it, or by its headline. The
rule lives here so the dashboard's panes, the command line's tables and the Markdown memo name
a source the same way.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath

from .model import Source

SHORT_TITLE = 36
"""Characters of a headline kept when it stands in for a missing outlet."""

_HASH = re.compile(r"(?:^|[_\-. ])[0-9a-f]{8,}(?=$|[_\-. ])", re.IGNORECASE)
_INDEX = re.compile(r"^(\d+)[_\-. ]*")


def short_title(title: str, limit: int = SHORT_TITLE) -> str:
    """A headline cut at a word boundary to at most `limit` characters, with `…` when cut."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


def file_label(path: str) -> str:
    """A file name as words: `001_wire_first_day.txt` -> `wire first day`; a bare hash stub
    (`003_de7d36d995471ea3.txt`) -> `article 003`; never the hash itself."""
    stem = PurePosixPath(path).stem
    index = _INDEX.match(stem)
    words = _HASH.sub(" ", stem[index.end():] if index else stem)
    words = " ".join(re.sub(r"[_\-.]+", " ", words).split())
    if words:
        return words
    return f"article {index.group(1)}" if index else "untitled article"


def source_name(source: Source, limit: int = SHORT_TITLE) -> str:
    """What to call a source: its outlet, else its headline cut short, else its file name as words."""
    if source.outlet and source.outlet.strip():
        return " ".join(source.outlet.split())
    if source.title and source.title.strip():
        return short_title(source.title, limit)
    return file_label(source.path)


def source_title(source: Source) -> str:
    """A source's headline, else its file name as words (for a title column)."""
    if source.title and source.title.strip():
        return " ".join(source.title.split())
    return file_label(source.path)


def source_names(ids: Iterable[str], sources: Mapping[str, Source]) -> str:
    """Several sources by name, comma separated (e.g. the articles one is the same story as)."""
    return ", ".join(source_name(sources[i]) if i in sources else "another article" for i in ids)
