"""Turning paths on disk into `Source` objects, without ever stopping on bad input.

A PATH may be a file or a folder (read recursively, hidden entries skipped) of `.txt`, `.md`
(`.markdown`) and `.html` (`.htm`) files; other files inside folders are skipped silently, one
given by name is reported. Every file that cannot be read (missing, unreadable, empty, binary,
over the size limit) becomes one `Problem` and the run goes on. A file that is not valid UTF-8
is still read: the bytes that are not UTF-8 are taken as Windows-1252 (Latin-1 for the five
bytes Windows-1252 leaves undefined), which keeps the UTF-8 parts of a mixed file intact and
decodes a plain Windows-1252 file exactly as `cp1252` would; the `Problem` is then not fatal.

`Source.text` is the decoded file exactly, line endings included, so every offset points into
it; the one exception is a leading byte-order mark, which is dropped: offsets count from the
first character after it.

Metadata comes, field by field, from the first of: a `sources.toml` manifest in the article's
folder; TOML front matter between `+++` lines at the top of the file (the fenced region
becomes a `meta` block); an HTML page's `<meta>` tags, `<h1>` and JSON-LD; the text itself
(`core.metadata`). The manifest:

    [[source]]
    file = "000_70c9904cbc3fcad8.txt"   # a file in the manifest's folder
    outlet = "Devdiscourse"
    published = 2024-11-23              # TOML date or "YYYY-MM-DD" string
    title = "..."
    url = "..."                         # optional, like every key but `file`

Front matter takes the same keys (`date` is accepted for `published`).
"""
from __future__ import annotations

import bisect
import codecs
import os
import posixpath
import re
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import tomllib

from .markup import read_html
from .metadata import Metadata, from_table, front_matter, infer, toml_error
from ..model import Block, Problem, Source
from .pagejunk import classify

FORMATS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
"""Readable file suffixes and the format each is read as."""
MANIFEST = "sources.toml"
_NONE_FOUND = "no .txt, .md or .html files found"


@dataclass(frozen=True)
class Corpus:
    """Everything read from the PATHs a user gave."""

    root: str
    """A display name: the folder's (or file's) name, or a short list when several PATHs."""
    sources: tuple[Source, ...]
    problems: tuple[Problem, ...]


@dataclass
class _Found:
    rel: str
    path: Path
    arg: Path
    walked: bool


# -- decoding --------------------------------------------------------------------------------

_CP1252 = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]


def _cp1252_fallback(e: UnicodeError) -> tuple[str, int]:
    """Bytes cp1252 leaves undefined (0x81, 0x8d...) read as the Latin-1 characters they would be."""
    assert isinstance(e, UnicodeDecodeError)
    return "".join(_CP1252[b] for b in e.object[e.start:e.end]), e.end


codecs.register_error("crosscheck-cp1252", _cp1252_fallback)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"


def _size(n: float) -> str:
    for unit, scale in (("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{int(n)} bytes"


def _read(path: Path, max_bytes: int) -> tuple[str | None, str]:
    """The file's text (None when it is skipped) and what was wrong with it ("" when nothing)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None, "not a regular file, skipped"
        if info.st_size > max_bytes:  # decided before reading a byte of it
            return None, f"{_size(info.st_size)} is over the {_size(max_bytes)} limit, skipped"
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except PermissionError:
        return None, "cannot read (permission denied), skipped"
    except OSError as e:
        return None, f"cannot read ({e.strerror or e}), skipped"
    if len(data) > max_bytes:
        return None, f"over the {_size(max_bytes)} limit, skipped"
    return decode(data)


def decode(data: bytes) -> tuple[str | None, str]:
    """A file's bytes as text (None when they are not text) and what was wrong ("" when nothing)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
            return (text, "") if text.strip() else (None, "empty file")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        return None, "binary file (contains NUL bytes), skipped"
    sample = data[:65536]
    if sample and (len(sample) - len(sample.translate(None, _CONTROL))) * 10 > len(sample):
        return None, "binary file (mostly control characters), skipped"
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    note = ""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        text = body.decode("utf-8", errors="crosscheck-cp1252")
        note = f"not valid UTF-8 at byte {e.start + len(data) - len(body)}; read as Windows-1252"
    if not text.strip():
        return None, "empty file"
    return text, note


class _Manifests:
    """The `sources.toml` of each folder, read once, and which of its entries were used."""

    def __init__(self) -> None:
        self.entries: dict[Path, dict[str, Metadata]] = {}
        self.used: dict[Path, set[str]] = {}
        self.shown: dict[Path, tuple[str, bool]] = {}
        self.problems: list[Problem] = []

    def lookup(self, found: _Found) -> Metadata:
        folder = found.path.parent
        if folder not in self.entries:
            shown = posixpath.join(posixpath.dirname(found.rel), MANIFEST)
            self.shown[folder] = (shown, found.walked)
            self.entries[folder] = self._load(folder / MANIFEST, shown)
            self.used[folder] = set()
        self.used[folder].add(found.path.name)
        return self.entries[folder].get(found.path.name, Metadata())

    def _load(self, path: Path, shown: str) -> dict[str, Metadata]:
        if not path.is_file():
            return {}
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as e:
            self.problems.append(Problem(shown, f"cannot read the manifest ({e}); metadata inferred"))
            return {}
        except tomllib.TOMLDecodeError as e:
            self.problems.append(Problem(shown, f"not valid TOML: {toml_error(e)}; metadata inferred"))
            return {}
        entries = {}
        tables = data.get("source", [])
        for n, table in enumerate(tables if isinstance(tables, list) else [tables], 1):
            name = table.get("file") if isinstance(table, dict) else None
            if not isinstance(name, str) or not name.strip():
                self.problems.append(Problem(shown, f"[[source]] entry {n} has no file = \"...\", ignored", False))
                continue
            meta, complaints = from_table(table)
            self.problems += [Problem(shown, f"entry for {name!r}: {c}", False) for c in complaints]
            entries[posixpath.basename(name.strip())] = meta
        return entries

    def unused(self) -> list[Problem]:
        """Entries naming no article, in manifests of folders that were read whole."""
        out = []
        for folder, entries in self.entries.items():
            shown, walked = self.shown[folder]
            if walked:
                out += [Problem(shown, f"entry for {name!r} matches no article in its folder", False)
                        for name in sorted(set(entries) - self.used[folder])]
        return out


# -- building sources ------------------------------------------------------------------------

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
"""Characters a reader does not see: zero-width spaces and joiners, soft hyphens, bidi marks.
Left in, "1\u200b2" reads as two figures; they are dropped from the readable text, and offsets
still point into the file as it is."""


def _visible(readable: str, offsets: tuple[int, ...] | None, start: int) -> tuple[str, tuple[int, ...], int]:
    """The readable text without invisible characters, its map into the file, and `start` in it."""
    keep = [i for i, ch in enumerate(readable) if not _INVISIBLE.match(ch)]
    base = offsets if offsets is not None else range(len(readable) + 1)
    mapped = tuple(base[i] for i in keep) + (base[len(readable)],)
    return "".join(readable[i] for i in keep), mapped, bisect.bisect_left(keep, start)


def _build(path: str, text: str, id: str, known: Metadata) -> tuple[Source, list[str]]:
    """A Source from decoded text, with complaints about its front matter."""
    front, front_end, complaint = front_matter(text)
    known = known.over(front)
    if FORMATS.get(posixpath.splitext(path)[1].lower()) == "html":
        page = read_html(text)
        readable, offsets, junk = page.plain, page.offsets, page.junk
        start = bisect.bisect_left(offsets, front_end) if front_end else 0
        known = known.over(Metadata(page.title, page.outlet, page.published, page.url))
    else:
        readable, offsets, junk, start = text, None, (), front_end
    if _INVISIBLE.search(readable):
        readable, offsets, start = _visible(readable, offsets, start)
    blocks = classify(readable, start=start, junk=junk, title=known.title)
    if start:
        blocks = (Block(0, len(readable[:start].rstrip()), "meta"), *blocks)
    final = known.over(infer(readable, blocks))
    source = Source(
        id=id, path=path, text=text, title=final.title, outlet=final.outlet,
        published=final.published, url=final.url,
        plain=readable if offsets is not None else None, offsets=offsets, blocks=blocks,
    )
    return source, [complaint] if complaint else []


def source_from_text(path: str, text: str, *, id: str = "s1", meta: Mapping | None = None) -> Source:
    """A Source from an in-memory string, read as `load_corpus` reads a file at `path`.

    `meta` plays the manifest's part (keys title, outlet, published or date, url).
    """
    return _build(path, text, id, from_table(meta or {})[0])[0]


# -- finding files ---------------------------------------------------------------------------

def _walk(arg: Path, found: list[_Found], problems: list[Problem]) -> None:
    failed: list[OSError] = []
    before, skipped = len(found), 0
    for folder, dirs, files in os.walk(arg, onerror=failed.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if posixpath.splitext(name)[1].lower() not in FORMATS:
                skipped += name != MANIFEST
                continue
            path = Path(folder, name)
            found.append(_Found(path.relative_to(arg).as_posix(), path, arg, True))
    for e in failed:
        reason = "permission denied" if isinstance(e, PermissionError) else (e.strerror or str(e))
        inside = e.filename and Path(e.filename) != arg
        where = Path(e.filename).relative_to(arg).as_posix() if inside else str(arg)
        problems.append(Problem(where, f"cannot read folder ({reason}), skipped"))
    if len(found) == before and not failed:
        extra = f" ({skipped} other file{'s' * (skipped != 1)} skipped)" if skipped else ""
        problems.append(Problem(str(arg), _NONE_FOUND + extra))


def _find(paths: Sequence[str | Path]) -> tuple[list[_Found], list[Problem]]:
    found: list[_Found] = []
    problems: list[Problem] = []
    for given in paths:
        try:
            arg = Path(given).expanduser()
            if not str(given).strip():
                problems.append(Problem(str(given), "empty path"))
            elif arg.is_dir():
                _walk(arg, found, problems)
            elif not arg.exists() and not arg.is_symlink():
                problems.append(Problem(str(given), "no such file or folder"))
            elif arg.suffix.lower() not in FORMATS:
                problems.append(Problem(str(given), f"unsupported file type {arg.suffix or '(no extension)'!r} "
                                                    "(expected .txt, .md or .html), skipped"))
            else:
                found.append(_Found(arg.name, arg, arg, False))
        except (OSError, ValueError, RuntimeError) as e:  # e.g. a NUL in the path, an unknown ~user
            problems.append(Problem(str(given), f"cannot use this path ({e})"))
    unique, seen = [], set()
    for f in found:  # a file named directly and inside a named folder is read once
        key = os.path.realpath(f.path)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    _disambiguate(unique)
    return unique, problems


def _disambiguate(found: list[_Found]) -> None:
    """Paths are relative to their PATH; when two PATHs yield the same one, the PATH's name is kept."""
    for widen in (lambda f: f"{(f.arg if f.walked else f.arg.parent).name}/{f.rel}",
                  lambda f: f.path.as_posix()):
        counts: dict[str, int] = {}
        for f in found:
            counts[f.rel] = counts.get(f.rel, 0) + 1
        for f in found:
            if counts[f.rel] > 1:
                f.rel = widen(f)


def _root_name(paths: Sequence[str | Path]) -> str:
    names = [Path(p).name or Path(p).resolve().name or str(p) for p in paths]
    if len(names) <= 3:
        return ", ".join(names)
    return f"{', '.join(names[:2])} and {len(names) - 2} more"


@dataclass(frozen=True)
class Listed:
    """One article file to read, with its manifest entry: all a worker needs to read it."""

    rel: str
    """The path shown for it: relative to its PATH, `/` separated."""
    path: str
    known: Metadata
    """What its folder's `sources.toml` says about it."""


@dataclass(frozen=True)
class Listing:
    """The files under the PATHs, in reading order, before any of them is read."""

    root: str
    files: tuple[Listed, ...]
    problems: tuple[Problem, ...]
    """Paths that could not be searched (reported before the files' own problems)."""
    manifest_problems: tuple[Problem, ...]
    """Bad or unused manifest entries (reported after them)."""


def list_corpus(paths: Sequence[str | Path] | None = None) -> Listing:
    """Finds the article files under `paths` (the bundled sample when none) and their manifests."""
    if not paths:
        from ... import sample_data

        paths = [sample_data.ARTICLES]
    found, problems = _find(paths)
    manifests = _Manifests()
    files = tuple(Listed(f.rel, str(f.path), manifests.lookup(f))
                  for f in sorted(found, key=lambda f: (f.rel, str(f.path))))
    return Listing(_root_name(paths), files, tuple(problems), tuple(manifests.problems + manifests.unused()))


def fetch(item: Listed, max_bytes: int = 10_000_000) -> tuple[str | None, str]:
    """The file's decoded text (None when it is skipped) and what was wrong with it ("" when nothing)."""
    return _read(Path(item.path), max_bytes)


def read_listed(item: Listed, id: str, *, max_bytes: int = 10_000_000,
                fetched: tuple[str | None, str] | None = None) -> tuple[Source | None, list[Problem]]:
    """One listed file as a Source (None when it cannot be used) and its problems.

    `fetched` is `fetch(item)` done elsewhere (e.g. where the file is, when this runs on a
    machine that cannot see it).
    """
    text, message = fetched if fetched is not None else fetch(item, max_bytes)
    if text is None:
        return None, [Problem(item.rel, message)]
    try:
        source, complaints = _build(item.rel, text, id, item.known)
    except Exception as e:  # noqa: BLE001 - one odd page must not end the run; say which and why
        return None, [Problem(item.rel, f"could not be read ({type(e).__name__}: {e}), skipped")]
    if not source.readable.strip():  # markup and nothing else
        return None, [Problem(item.rel, "no readable text, skipped")]
    problems = [Problem(item.rel, message, fatal=False)] if message else []
    return source, problems + [Problem(item.rel, c, fatal=False) for c in complaints]


def load_corpus(paths: Sequence[str | Path] | None = None, *, max_bytes: int = 10_000_000) -> Corpus:
    """Reads every article under `paths` (the bundled sample when there are none).

    Never raises for bad input: each unreadable path or file becomes one `Problem`.
    """
    listing = list_corpus(paths)
    problems = list(listing.problems)
    sources: list[Source] = []
    for item in listing.files:
        source, found = read_listed(item, f"s{len(sources) + 1}", max_bytes=max_bytes)
        problems += found
        if source is not None:
            sources.append(source)
    problems += listing.manifest_problems
    return Corpus(root=listing.root, sources=tuple(sources), problems=tuple(problems))
