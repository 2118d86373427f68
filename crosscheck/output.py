"""Writing a command's result to standard output or to `-o FILE`, whole or not at all.

A full disk, a closed pipe or `> /dev/full` must end in one clear line on stderr and exit 1
(exit 0 for a closed pipe, as `crosscheck analyze | head` is normal use), never a traceback.
`-o FILE` is written to a temporary file in FILE's folder and renamed over FILE only once every
byte is on disk, so a failed write leaves FILE as it was (absent, or its previous content) and
never a truncated document. The new file keeps the old one's mode (and owner, where allowed); a
FILE this user may not write is refused, as a plain open would refuse it. Special files (`-o /dev/stdout`, a FIFO, a terminal) are written
directly: they cannot be replaced by a rename, and must not be.
"""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from typing import TextIO
from collections.abc import Callable

from crosscheck.core.text_safety import inert

Write = Callable[[TextIO], None]


def say(message: str) -> None:
    """One line on stderr, `crosscheck: ` first, with anything unsafe in it shown as escapes."""
    try:
        print(f"crosscheck: {inert(message)}", file=sys.stderr)
    except (OSError, ValueError):  # stderr closed or full: nowhere left to say it
        pass


def emit(path: str | None, write: Write) -> int:
    """Runs `write` on standard output (path None) or on FILE; the command's exit status.

    Args:
        path: the `-o` argument, or None for standard output.
        write: writes the whole result to the text stream it is given.

    Returns:
        0 when everything was written (or the reader of a pipe went away), 1 otherwise, after
        saying why on stderr.
    """
    if path is None:
        return _to_stdout(write)
    try:
        info = os.stat(path)
    except OSError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        return _to_special(path, write)
    if info is not None and not os.access(path, os.W_OK):  # a rename would get round the file's mode
        say(f"cannot write {path}: Permission denied")
        return 1
    return _to_file(path, write, info)


def _to_stdout(write: Write) -> int:
    if sys.stdout is None:  # started with standard output closed
        say("cannot write standard output: it is closed")
        return 1
    try:
        write(sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except OSError as e:
        _silence_stdout()
        say(f"cannot write standard output: {e.strerror or e}")
        return 1
    return 0


def _silence_stdout() -> None:
    """Points fd 1 at /dev/null so the interpreter's last flush of what is left in the buffer
    succeeds quietly instead of printing 'Exception ignored' and exiting 120."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _to_special(path: str, write: Write) -> int:
    try:
        with open(path, "w", encoding="utf-8", newline="") as out:
            write(out)
    except BrokenPipeError:
        return 0
    except OSError as e:
        say(f"cannot write {path}: {e.strerror or e}")
        return 1
    return 0


def _to_file(path: str, write: Write, info: os.stat_result | None) -> int:
    target = os.path.realpath(path)  # through a symlink: the rename must replace its target
    folder = os.path.dirname(target) or "."
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".part")
    except OSError as e:
        say(f"cannot write {path}: {e.strerror or e}")
        return 1
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            os.fchmod(out.fileno(), stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask())
            if info is not None and (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
                _keep_owner(out.fileno(), info)
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except OSError as e:
        _unlink(temp)
        state = "left unchanged" if info is not None else "not created"
        say(f"cannot write {path}: {e.strerror or e}; {path} was {state}")
        return 1
    except BaseException:
        _unlink(temp)
        raise
    return 0


def _keep_owner(fd: int, info: os.stat_result) -> None:
    """The replaced file's owner and group, where this user may give them (root, or a group it is in)."""
    try:
        os.fchown(fd, info.st_uid, info.st_gid)
    except OSError:
        pass


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _umask() -> int:
    mask = os.umask(0o22)
    os.umask(mask)
    return mask
