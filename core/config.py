"""The user's configuration file: who is reviewing, how the dashboard looks, and extra vocabulary.

It lives at `$XDG_CONFIG_HOME/crosscheck/config.toml` (`~/.config/crosscheck/config.toml` when
XDG_CONFIG_HOME is unset). Every setting is optional; `docs/config.example.toml` explains each:

    reviewer = "Ana Diaz"          # recorded with every decision; default: the login name
    theme = "gruvbox"              # any Textual theme name
    [keys]                         # remap by binding id (see the help screen, `?`)
    "verdict.accept" = "A"         # several keys: "ctrl+a,f5"
    "app.quit" = "ctrl+q"
    [aliases]                      # names that mean the same actor or place
    jnim = ["JNIM", "GSIM", "Jama'at Nusrat al-Islam wal-Muslimin"]
    tinzaouaten = ["Tinzaouaten", "Tin-Zaouatine"]
    [measures]                     # extra words that say what happened to the people counted
    killed = ["neutralised", "liquidated"]
    captured = ["rounded up"]

The name before `=` in `[aliases]` is only a label. `core.analysis.analyze(aliases=...)` uses the
groups twice: for the sides counted (`topics.assign_parties`: "JNIM fighters" and "GSIM fighters"
are one group; there a name is matched one word at a time, so long multi-word names rarely hit)
and for linking events (place keys and acronyms, "Bombay" = "Mumbai"). `measure_words=` adds the
`[measures]` words to the lexicon for one analysis. Key strings are checked here for shape only;
whether a binding id exists is for the UI to say. A file with any mistake is ignored as a whole,
with one `ConfigProblem` per mistake naming its line: a half-applied configuration (say, the
keys but not the reviewer) would be harder to notice than a message and plain defaults.
This module never raises on bad input and imports nothing from the UI.
"""
from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from collections.abc import Mapping

import tomllib

from .analysis.lexicon import MEASURES
from .text_safety import inert

SETTINGS = ("reviewer", "theme", "keys", "aliases", "measures")
_EXAMPLE_ALIAS = 'jnim = ["JNIM", "GSIM"]'
_WORD = re.compile(r"[A-Za-z][\w'’\-]*")  # what `measures.tokens` reads as one word
_MEASURE_EXAMPLE = dict(killed="neutralised", injured="maimed", missing="vanished", captured="rounded up",
                        displaced="driven out", attackers="infiltrated", casualties="struck", other="airlifted")


@dataclass(frozen=True)
class Config:
    """Settings as read from the file; `path` is the file they came from (None: defaults)."""

    reviewer: str | None = None
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict, hash=False)
    """Binding id -> key string, e.g. {"verdict.accept": "A", "app.quit": "ctrl+q,f10"}."""
    aliases: tuple[tuple[str, ...], ...] = ()
    measure_words: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    """Measure -> extra words or phrases, e.g. {"killed": ("neutralised",)}."""
    path: str | None = None


@dataclass(frozen=True)
class ConfigProblem:
    """One mistake in the configuration file, worded for the person who has to fix it."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        """One line for a person; a path or quoted value with control characters shows them as escapes."""
        where = f"{self.path}, line {self.line}" if self.line else self.path
        return inert(f"{where}: {self.message}")


def config_path(environ: Mapping[str, str] = os.environ) -> Path:
    """Where the configuration file is; a relative XDG_CONFIG_HOME is ignored, as the XDG spec says."""
    base = environ.get("XDG_CONFIG_HOME") or ""
    if not os.path.isabs(base):
        home = environ.get("HOME") or os.path.expanduser("~")
        base = os.path.join(home, ".config")
    return Path(base) / "crosscheck" / "config.toml"


def load_config(path: Path | str | None = None) -> tuple[Config, list[ConfigProblem]]:
    """The configuration at `path` (default: `config_path()`) and its problems.

    A missing file is no problem. Any problem means the defaults, `Config()`, are returned."""
    path = Path(path) if path is not None else config_path()
    shown = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Config(), []
    except IsADirectoryError:
        return Config(), [ConfigProblem(shown, None, "is a folder, not a settings file")]
    except OSError as e:
        return Config(), [ConfigProblem(shown, None, f"cannot be read ({e.strerror or e})")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        return Config(), [ConfigProblem(shown, line, "is not UTF-8 text; save it as UTF-8")]
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        where, message = _syntax_error(e, text)
        return Config(), [ConfigProblem(shown, where, message)]
    checker = _Checker(shown, text)
    config = checker.check(raw)
    return (Config(), checker.problems) if checker.problems else (config, [])


def _syntax_error(e: Exception, text: str) -> tuple[int | None, str]:
    """The line and message of a TOML syntax error, without tomllib's '(at line N, column M)'."""
    message = getattr(e, "msg", None) or str(e)
    m = re.search(r"\s*\(at (?:line (\d+), column \d+|end of document)\)\s*$", message)
    if m:
        message = message[:m.start()]
    line = getattr(e, "lineno", None) or (int(m.group(1)) if m and m.group(1) else None)
    if line is None and m:
        line = text.count("\n") + (0 if text.endswith("\n") else 1)  # "end of document"
    return line, message


class _Checker:
    """Validates the parsed TOML, collecting a problem per mistake with the line it is on."""

    def __init__(self, path: str, text: str) -> None:
        self.path, self.lines = path, _key_lines(text)
        self.problems: list[ConfigProblem] = []

    def problem(self, where: tuple[str, ...], message: str) -> None:
        self.problems.append(ConfigProblem(self.path, self.line(where), message))

    def line(self, where: tuple[str, ...]) -> int | None:
        """The line of a key path: its own, else the first key under it, else its section's."""
        if where in self.lines:
            return self.lines[where]
        below = [n for p, n in self.lines.items() if p[:len(where)] == where]
        if below:
            return min(below)
        return next((self.lines[where[:n]] for n in range(len(where) - 1, 0, -1) if where[:n] in self.lines), None)

    def check(self, raw: dict[str, Any]) -> Config:
        for name in raw:
            if name not in SETTINGS:
                self.problem((name,), _unknown("setting", name, SETTINGS))
        return Config(
            reviewer=self.text("reviewer", raw.get("reviewer"), 'reviewer = "Ana Diaz"'),
            theme=self.text("theme", raw.get("theme"), 'theme = "gruvbox"'),
            keys=self.keys(raw.get("keys")),
            aliases=self.aliases(raw.get("aliases")),
            measure_words=self.measures(raw.get("measures")),
            path=self.path,
        )

    def text(self, name: str, value: Any, example: str) -> str | None:
        if value is not None and not isinstance(value, str):
            self.problem((name,), f"{name} must be text in quotes, e.g. {example}")
        elif value is not None and not value.strip():
            self.problem((name,), f"{name} is empty; give a name, e.g. {example}, or delete the line")
        elif value is not None:
            return value.strip()
        return None

    def section(self, name: str, value: Any, example: str) -> dict[str, Any]:
        if value is not None and not isinstance(value, dict):
            self.problem((name,), f"{name} must be a section: a line [{name}] followed by lines like {example}")
        return value if isinstance(value, dict) else {}

    def keys(self, value: Any) -> dict[str, str]:
        out: dict[str, str] = {}
        for binding, key in _flatten(self.section("keys", value, '"app.quit" = "ctrl+q"')).items():
            where: tuple[str, ...] = ("keys", binding)  # written "a.b" = ..., or a.b = ... (a dotted key)
            where = where if where in self.lines else ("keys", *binding.split("."))
            example = f'"{binding}" = "ctrl+q"'
            if not isinstance(key, str):
                self.problem(where, f'the key for "{binding}" must be text in quotes, e.g. {example}')
                continue
            parts = [p.strip() for p in key.split(",")]
            if not key.strip():
                self.problem(where, f'the key for "{binding}" is empty; give one, e.g. {example}')
            elif not all(parts):
                self.problem(where, f'"{key}" for "{binding}" has an empty key between commas; '
                                    'separate keys with single commas, e.g. "ctrl+a,f5"')
            elif any(re.search(r"\s", p) for p in parts):
                self.problem(where, f'"{key}" for "{binding}" has a space inside a key; join the parts '
                                    'with +, e.g. "ctrl+a", and separate several keys with commas')
            else:
                out[binding] = ",".join(parts)
        return out

    def aliases(self, value: Any) -> tuple[tuple[str, ...], ...]:
        out = []
        for label, names in self.section("aliases", value, _EXAMPLE_ALIAS).items():
            where = ("aliases", label)
            if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
                self.problem(where, f'"{label}" must be a list of names in quotes, e.g. {_EXAMPLE_ALIAS}')
            elif len({n.strip() for n in names}) < 2:
                self.problem(where, f'"{label}" needs at least two different names to be an alias, '
                                    f"e.g. {_EXAMPLE_ALIAS}")
            else:
                out.append(tuple(n.strip() for n in names))
        return tuple(out)

    def measures(self, value: Any) -> dict[str, tuple[str, ...]]:
        out = {}
        for measure, words in self.section("measures", value, 'killed = ["neutralised"]').items():
            where, example = ("measures", measure), f'{measure} = ["{_MEASURE_EXAMPLE.get(measure)}"]'
            if measure not in MEASURES:
                self.problem(where, _unknown("measure", measure, MEASURES))
            elif not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                self.problem(where, f"{measure} must be a list of words in quotes, e.g. {example}")
            elif bad := [w for w in words if not _phrase(w)]:
                self.problem(where, f'"{bad[0]}" in {measure} is not a word or a phrase of up to four words '
                                    f"(letters, hyphens, apostrophes), e.g. {example}")
            else:
                out[measure] = tuple(" ".join(w.split()) for w in words)
        return out


def _phrase(words: str) -> bool:
    """Whether the extractor can match this: it reads measure phrases of up to four words."""
    return 0 < len(words.split()) <= 4 and all(map(_WORD.fullmatch, words.split()))


def _unknown(kind: str, name: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    hint = f'; did you mean "{close[0]}"?' if close else ""
    return f'unknown {kind} "{name}"{hint} (known: {", ".join(known)})'


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """{"verdict": {"accept": "A"}} -> {"verdict.accept": "A"}: an unquoted `verdict.accept = "A"`
    is a dotted key in TOML, which is what the user meant by the binding id."""
    out: dict[str, Any] = {}
    for k, v in table.items():
        if isinstance(v, dict):
            out.update(_flatten(v, f"{prefix}{k}."))
        else:
            out[f"{prefix}{k}"] = v
    return out


_KEY_PART = re.compile(r"""\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(\.|=|\])?""")


def _dotted(s: str, end: str) -> tuple[str, ...] | None:
    """The parts of the (dotted) TOML key that starts `s` and ends at `end` ('=' or ']'), or None."""
    parts, pos = [], 0
    while m := _KEY_PART.match(s, pos):
        parts.append(next(g for g in m.groups()[:3] if g is not None))
        if m.group(4) != ".":
            return tuple(parts) if m.group(4) == end else None
        pos = m.end()
    return None


def _key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The line (1-based) where each key path is first set: ("measures", "killed") -> 12.

    A `[section]` header is the line of the section's own path. Keys inside inline tables and
    multi-line values are not found; `_Checker.line` then falls back to the enclosing key."""
    found: dict[tuple[str, ...], int] = {}
    section: tuple[str, ...] = ()
    for n, line in enumerate(text.split("\n"), 1):  # tomllib counts lines by "\n" only
        header = re.match(r"\s*\[\[?", line)
        path = _dotted(line[header.end():], "]") if header else _dotted(line, "=")
        if header and path:
            section = path
            found.setdefault(path, n)
        elif path and not header:
            found.setdefault(section + path, n)
    return found
