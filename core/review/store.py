"""The review store: decisions and their audit trail in one SQLite file.

One transaction per decision, in WAL mode with `synchronous=FULL`, committed before the caller
returns, so a decision that reached the screen survives the process being killed. Every write
checks the decision's revision first (`BEGIN IMMEDIATE` holds the write lock while it does), so
two reviewers sharing a file never overwrite each other unknowingly: a write based on an old
revision raises `Stale` with what is stored now.

`Store.open` never raises for the state of the file. A database that is locked, read-only,
damaged, not crosscheck's, or from a newer schema opens read-only, with `reason` saying why
and what to do; the file itself is never modified in those cases.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, UTC
from typing import Any
from pathlib import Path
from collections.abc import Mapping, Sequence
from urllib.parse import quote

from .decisions import Decision, Figure
from ..text_safety import inert

SCHEMA_VERSION = 1
BUSY_MS = 3000
"""How long a write waits for another writer's transaction before giving up as locked."""
KEEP = object()
"""`record` argument default: leave this field as stored."""
_HEADER = b"SQLite format 3\x00"
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE decisions (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('claim', 'topic')),
    anchor TEXT NOT NULL,
    verdict TEXT CHECK (verdict IN ('accepted', 'disputed', 'rejected')),
    note TEXT NOT NULL DEFAULT '',
    figure TEXT,
    rev INTEGER NOT NULL,
    reviewer TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    state TEXT CHECK (state IN ('resolved', 'follow-up'))
);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    kind TEXT NOT NULL,
    field TEXT NOT NULL,
    old TEXT,
    new TEXT,
    reviewer TEXT NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_key ON audit (key);
"""


STATES = ("resolved", "follow-up")
"""A topic's review state besides open (stored as NULL)."""
_STATE_COLUMN = "ALTER TABLE decisions ADD COLUMN state TEXT CHECK (state IN ('resolved', 'follow-up'))"
"""Added to a database made before review states, at its first state write. The column is
additive: crosscheck versions that predate it name their columns, so they read and write such
a database as before (their upserts leave a state alone), and the schema version stays 1."""
_COLUMNS = "key, kind, anchor, verdict, note, figure, rev, reviewer, updated_at"


def _has_state(con: sqlite3.Connection) -> bool:
    return any(r[1] == "state" for r in con.execute("PRAGMA table_info(decisions)"))


def _select(con: sqlite3.Connection) -> str:
    return f"SELECT {_COLUMNS}, {'state' if _has_state(con) else 'NULL'} FROM decisions"


class StoreError(Exception):
    """A decision could not be saved; the message is meant for the reviewer."""


class ReadOnly(StoreError):
    pass


class Locked(StoreError):
    pass


class Stale(StoreError):
    """The decision changed since the caller read it; `current` is what is stored now."""

    def __init__(self, message: str, current: Decision | None) -> None:
        super().__init__(message)
        self.current = current


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    key: str
    kind: str
    field: str
    old: str | None
    new: str | None
    reviewer: str
    at: str
    action: str
    """`set`, or `undo` when the change took back an earlier one."""
    label: str


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def default_path(paths: Sequence[str | os.PathLike], environ: Mapping[str, str] = os.environ) -> Path:
    """Where a corpus's decisions live unless `--db` says otherwise: one file per corpus under
    `$XDG_DATA_HOME/crosscheck/reviews/`, named for the corpus folder plus a hash of its full path."""
    base = environ.get("XDG_DATA_HOME", "")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".local" / "share"
    if paths:
        resolved = sorted(str(Path(p).expanduser().resolve()) for p in paths)
        name = Path(resolved[0]).name or "corpus"
    else:
        resolved, name = ["(bundled sample)"], "sample"
    slug = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in name)[:40] or "corpus"
    digest = hashlib.blake2b("\n".join(resolved).encode(), digest_size=5).hexdigest()
    return root / "crosscheck" / "reviews" / f"{slug}-{digest}.sqlite3"


def _text(field: str, value) -> str | None:
    if value is None:
        return None
    if field == "figure":
        return json.dumps(value.to_dict(), ensure_ascii=False, sort_keys=True)
    return str(value)


class Store:
    """One open review database. Not thread-safe: use it from one thread at a time."""

    def __init__(self, path: Path, con: sqlite3.Connection | None, read_only: bool, reason: str | None):
        self.path = path
        self._con = con
        self.read_only = read_only
        self.reason = reason
        """Why the store is read-only (None when writable), in words for the reviewer."""
        self._data_version: int | None = None
        self._snapshot: tuple | None = None
        """For a read-only connection opened `immutable` (see `_connect_ro`): the state of the
        files when it was opened; None for a live connection."""

    # ---- opening --------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike, *, read_only: bool = False) -> Store:
        path = Path(path).expanduser()
        if path.is_dir():
            return cls(path, None, True, f"{path} is a folder, not a database file; decisions cannot be "
                                         "saved. Choose a file with --db.")
        if path.exists():
            problem = _header_problem(path)
            if problem:
                return cls(path, None, True, problem)
        if read_only:
            return cls._open_ro(path, "opened read-only as asked")
        if path.exists() and not os.access(path, os.W_OK):
            return cls._open_ro(path, f"{path} is read-only for you; decisions cannot be saved")
        if not path.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                return cls(path, None, True, f"cannot create {path.parent}: {e.strerror}; decisions "
                                             "cannot be saved. Choose another file with --db.")
        if not os.access(path.parent, os.W_OK):
            return cls._open_ro(path, f"the folder {path.parent} is read-only for you; decisions "
                                      "cannot be saved")
        blocked = _foreign_side_file(path)
        if blocked:
            return cls._open_ro(path, blocked)
        try:
            con = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as e:
            return cls(path, None, True, f"cannot open {path}: {e}")
        try:
            return cls._prepare(path, con)
        except sqlite3.OperationalError as e:
            con.close()
            if _is_locked(e):
                return cls._open_ro(path, f"{path} is locked by another program; opened read-only")
            return cls._open_ro(path, f"cannot write to {path} ({e}); opened read-only")
        except sqlite3.DatabaseError as e:
            con.close()
            return cls(path, None, True, f"{path} is damaged ({e}); it was left untouched and decisions "
                                         "cannot be saved. Choose another file with --db.")

    @classmethod
    def _prepare(cls, path: Path, con: sqlite3.Connection) -> Store:
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            con.close()
            return cls._open_ro(path, f"{path} was written by a newer crosscheck (schema {version}; this "
                                      f"version knows {SCHEMA_VERSION}); opened read-only so nothing in it is lost")
        if con.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            con.close()
            return cls(path, None, True, f"{path} is damaged (integrity check failed); it was left "
                                         "untouched. Choose another file with --db.")
        if version == 0:
            con.execute("BEGIN IMMEDIATE")  # two first openers at once: one creates, the other sees it
            try:
                version = con.execute("PRAGMA user_version").fetchone()[0]
                tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                if version == 0 and tables:
                    con.execute("ROLLBACK")
                    con.close()
                    return cls(path, None, True, f"{path} is a SQLite database but not a crosscheck one; it "
                                                 "was left untouched. Choose another file with --db.")
                if version == 0:
                    for statement in filter(str.strip, _SCHEMA.split(";")):
                        con.execute(statement)
                    con.execute("INSERT INTO meta VALUES ('app', 'crosscheck'), ('created', ?)", (now(),))
                    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                con.execute("COMMIT")
            except BaseException:
                if con.in_transaction:
                    con.execute("ROLLBACK")
                raise
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("PRAGMA synchronous = FULL")
        return cls(path, con, False, None)

    @classmethod
    def _open_ro(cls, path: Path, reason: str) -> Store:
        if not path.exists():
            return cls(path, None, True, reason)
        con, snapshot = _connect_ro(path)
        if con is None:
            return cls(path, None, True, reason + "; its decisions could not be read either")
        problem, readable = _read_only_problem(path, con)
        if not readable:
            con.close()
            return cls(path, None, True, problem)
        store = cls(path, con, True, problem or reason)
        store._snapshot = _file_state(path) if snapshot else None
        return store

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    # ---- reading --------------------------------------------------------------------------
    def decisions(self) -> list[Decision]:
        if self._con is None:
            return []
        try:
            rows = self._con.execute(_select(self._con)).fetchall()
        except sqlite3.Error:
            return []
        return [_decision(r) for r in rows]

    def get(self, key: str) -> Decision | None:
        if self._con is None:
            return None
        row = self._con.execute(_select(self._con) + " WHERE key = ?", (key,)).fetchone()
        return _decision(row) if row else None

    def changed(self) -> bool:
        """Whether anyone (another process included) committed since the last call."""
        if self._con is None:
            return False
        if self._snapshot is not None:  # an immutable snapshot never sees commits: reopen when the files move
            state = _file_state(self.path)
            if state == self._snapshot:
                return False
            con, snapshot = _connect_ro(self.path)
            if con is None:
                return False
            self._con.close()
            self._con, self._snapshot = con, (state if snapshot else None)
            self._data_version = None
            return True
        try:
            version = self._con.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return False
        prev, self._data_version = self._data_version, version
        return prev is not None and version != prev

    def history(self, key: str | None = None, limit: int | None = None) -> list[AuditEntry]:
        if self._con is None:
            return []
        """The audit trail, oldest first; with `limit`, only the newest `limit` changes."""
        sql = "SELECT seq, key, kind, field, old, new, reviewer, at, action, label FROM audit"
        args: tuple = ()
        if key is not None:
            sql, args = sql + " WHERE key = ?", (key,)
        sql += " ORDER BY seq DESC" + (f" LIMIT {int(limit)}" if limit else "")
        try:
            return [AuditEntry(*r) for r in reversed(self._con.execute(sql, args).fetchall())]
        except sqlite3.Error:
            return []

    # ---- writing --------------------------------------------------------------------------
    def record(self, key: str, kind: str, anchor: dict, *, reviewer: str, expect_rev: int | None,
               verdict=KEEP, note=KEEP, figure=KEEP, state=KEEP, action: str = "set") -> Decision:
        """Changes one decision in one committed transaction and returns it as stored.

        `expect_rev` is the revision the caller's screen showed (0: no decision yet); None skips
        the check. Raises `Stale`, `Locked` or `ReadOnly`, and then nothing was written.
        """
        if self.read_only or self._con is None:
            raise ReadOnly(self.reason or "the review database is read-only")
        con = self._con
        try:
            con.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise self._write_failure(e) from e
        try:
            row = con.execute(_select(con) + " WHERE key = ?", (key,)).fetchone()
            current = _decision(row) if row else None
            rev = current.rev if current else 0
            if expect_rev is not None and rev != expect_rev:
                raise Stale(_stale_message(current), current)
            old = current or Decision(key, kind, anchor)
            new: dict[str, Any] = {"verdict": old.verdict if verdict is KEEP else verdict,
                                   "note": old.note if note is KEEP else (note or ""),
                                   "figure": old.figure if figure is KEEP else figure,
                                   "state": old.state if state is KEEP else state}
            changes = [(f, getattr(old, f), v) for f, v in new.items() if getattr(old, f) != v]
            if not changes:
                con.execute("ROLLBACK")
                return old
            at = now()
            stored_anchor = anchor or old.anchor
            if new["state"] is not None and not _has_state(con):
                con.execute(_STATE_COLUMN)  # in this write's transaction: both happen or neither
            with_state = _has_state(con)
            con.execute(
                f"INSERT INTO decisions ({_COLUMNS}{', state' if with_state else ''}) "
                f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?{', ?' if with_state else ''}) "
                "ON CONFLICT (key) DO UPDATE SET anchor = excluded.anchor, "
                "verdict = excluded.verdict, note = excluded.note, figure = excluded.figure, rev = excluded.rev, "
                "reviewer = excluded.reviewer, updated_at = excluded.updated_at"
                + (", state = excluded.state" if with_state else ""),
                (key, kind, json.dumps(stored_anchor, ensure_ascii=False), new["verdict"], new["note"],
                 _text("figure", new["figure"]), rev + 1, reviewer, at) + ((new["state"],) if with_state else ()))
            label = stored_anchor.get("label", "")
            con.executemany(
                "INSERT INTO audit (key, kind, field, old, new, reviewer, at, action, label) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(key, kind, f, _text(f, o), _text(f, n), reviewer, at, action, label) for f, o, n in changes])
            con.execute("COMMIT")
        except sqlite3.OperationalError as e:
            con.execute("ROLLBACK") if con.in_transaction else None
            raise self._write_failure(e) from e
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        return Decision(key, kind, stored_anchor, new["verdict"], new["note"], new["figure"], rev + 1, reviewer, at,
                        new["state"])


    def _write_failure(self, e: sqlite3.OperationalError) -> StoreError:
        """The error to raise for a failed write, worded for the reviewer. A database that became
        unwritable (a side file another user left, permissions changed) turns the store read-only,
        with the reason, so the dashboard says READ-ONLY instead of failing every decision."""
        text = str(e).lower()
        if _is_locked(e):
            return Locked(f"{self.path} is locked by another program; the decision was not saved. "
                          "Try again in a moment.")
        if "full" in text:
            return StoreError(f"the disk holding {self.path} is full; the decision was not saved. "
                              "Free some space and decide again.")
        if "readonly" in text or "read-only" in text:
            self.read_only = True
            self.reason = _foreign_side_file(self.path) or f"{self.path} can no longer be written ({e})"
            return ReadOnly(f"{self.reason}; the decision was not saved.")
        return StoreError(f"cannot write {self.path}: {e}; the decision was not saved")


def _side_files(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _foreign_side_file(path: Path) -> str | None:
    """Why the WAL side files beside `path` block writing (a `-wal` or `-shm` this user cannot
    write, typically left by someone who read the database with a tool that creates them, such as
    the sqlite3 shell or an older crosscheck), or None when they do not."""
    for side in _side_files(path):
        try:
            if not side.exists() or os.access(side, os.W_OK):
                continue
            owner = _owner(side)
        except OSError:
            continue
        wal, shm = _side_files(path)
        return (f"{side} belongs to {owner} and is read-only for you, so decisions cannot be saved. "
                f"It was probably left by someone reading the review read-only; when no one has the review "
                f"open, delete {wal.name} and {shm.name} (or ask {owner} or an administrator to)")
    return None


def _owner(path: Path) -> str:
    uid = path.stat().st_uid
    try:
        import pwd
        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"user {uid}"


def _is_wal_file(path: Path) -> bool:
    """Whether the database file's header says WAL mode (bytes 18 and 19 are 2)."""
    try:
        with open(path, "rb") as f:
            head = f.read(20)
    except OSError:
        return False
    return len(head) == 20 and head[18] == 2 and head[19] == 2


def _connect_ro(path: Path) -> tuple[sqlite3.Connection | None, bool]:
    """A read-only connection that leaves no file behind (None when the file cannot be read), and
    whether it is an immutable snapshot.

    A reader of a WAL database that finds no `-shm` beside it creates `-wal` and `-shm` owned by
    the reader, and then the owner cannot write the database any more ("attempt to write a
    readonly database"). So a WAL database whose side files are absent (no writer has it open)
    is read as an immutable snapshot, which creates nothing; `Store.changed` reopens it when the
    files change. When the side files exist (a writer has it open) the reader uses them like any
    other connection and sees commits as they happen.
    """
    uri = "file:" + quote(str(path.resolve())) + "?mode=ro"
    live = not _is_wal_file(path) or all(side.exists() for side in _side_files(path))
    for extra in (("", "&immutable=1") if live else ("&immutable=1",)):
        try:
            con = sqlite3.connect(uri + extra, uri=True, timeout=BUSY_MS / 1000, check_same_thread=False,
                                  isolation_level=None)
        except sqlite3.Error:
            continue
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error:
            con.close()
            continue
        con.execute("PRAGMA query_only = ON")
        return con, bool(extra)
    return None, False


def _file_state(path: Path) -> tuple:
    """What changes when anyone commits: the file's size and time, and which side files exist."""
    out: list = []
    for p in (path, *_side_files(path)):
        try:
            st = p.stat()
            out.append((st.st_size, st.st_mtime_ns))
        except OSError:
            out.append(None)
    return tuple(out)


def _decision(row) -> Decision:
    key, kind, anchor, verdict, note, figure, rev, reviewer, at, state = row
    try:
        anchor_d = json.loads(anchor) if anchor else {}
        fig = Figure.from_dict(json.loads(figure)) if figure else None
    except (ValueError, TypeError, AttributeError):
        anchor_d, fig = {}, None
    return Decision(key, kind, anchor_d if isinstance(anchor_d, dict) else {}, verdict, note or "", fig,
                    rev, reviewer, at, state if state in STATES else None)


def _read_only_problem(path: Path, con: sqlite3.Connection) -> tuple[str | None, bool]:
    """What a read-only open must still check: (problem or None, whether decisions can be read)."""
    try:
        version = con.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version == 0 and not tables:
            return None, True  # an empty file: nothing decided yet
        if version == 0 or not {"decisions", "audit"} <= tables:
            return (f"{path} is a SQLite database but not a crosscheck one; it was left untouched. "
                    "Choose another file with --db."), False
        if con.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return (f"{path} is damaged (integrity check failed); it was left untouched. "
                    "Choose another file with --db."), False
        if version > SCHEMA_VERSION:
            return (f"{path} was written by a newer crosscheck (schema {version}; this version knows "
                    f"{SCHEMA_VERSION}); opened read-only so nothing in it is lost"), True
    except sqlite3.Error as e:
        return f"{path} is damaged or unreadable ({e}); it was left untouched.", False
    return None, True


def _stale_message(current: Decision | None) -> str:
    if current is None or current.empty:
        return "This decision was changed by someone else since your screen showed it; nothing was saved."
    what = (f"to {current.verdict}" if current.verdict
            else f"the figure to {current.figure}" if current.figure else "its note")
    return inert(f"{current.reviewer} changed this {what} at {current.updated_at[11:19]} UTC since your "
                 "screen showed it; your change was not saved. The screen now shows theirs: decide again "
                 "to override.")


def _is_locked(e: sqlite3.OperationalError) -> bool:
    text = str(e).lower()
    return "locked" in text or "busy" in text


def _header_problem(path: Path) -> str | None:
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError as e:
        return f"cannot read {path}: {e.strerror}; decisions cannot be loaded or saved. Choose another file with --db."
    if head and head != _HEADER:
        return (f"{path} is not a SQLite database (damaged, or another kind of file); it was left untouched. "
                "Choose another file with --db.")
    return None
