"""Output faults: a full disk under `-o FILE`, `> /dev/full`, a closed pipe, special files,
and the `--max-size` limit. Each ends in one clear line and the right exit status, never a
traceback or a truncated file."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crosscheck.cli import main

from faults import fill, small_disk  # noqa: F401 - small_disk is a fixture

ARTICLE = "Ambush\n\nAt least 12 soldiers were killed near Gao on Monday, the army said.\n"


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_analyze_output_on_a_full_disk_is_one_line_and_no_file(capsys, corpus, small_disk):
    """`analyze -o FILE` on a full disk: one clear line, exit 1, no FILE and no temporary left."""
    fill(small_disk)
    target = small_disk / "out.json"
    code, out, err = run(capsys, "analyze", str(corpus), "-f", "json", "-o", str(target))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "No space left on device" in err and str(target) in err
    assert "Traceback" not in err
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_analyze_output_on_a_full_disk_keeps_the_previous_file(capsys, corpus, small_disk):
    """A failed rewrite of an existing FILE leaves its previous content whole."""
    target = small_disk / "out.csv"
    assert main(["analyze", str(corpus), "-f", "csv", "-o", str(target)]) == 0
    before = target.read_bytes()
    capsys.readouterr()
    fill(small_disk)
    code, _, err = run(capsys, "analyze", str(corpus), "-f", "json", "-o", str(target))
    assert code == 1 and "left unchanged" in err
    assert target.read_bytes() == before


def test_export_output_on_a_full_disk(capsys, corpus, small_disk, tmp_path, monkeypatch):
    """`export -o FILE` on a full disk: the same single line and exit 1."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    fill(small_disk)
    code, _, err = run(capsys, "export", str(corpus), "-f", "markdown", "-q", "-o", str(small_disk / "memo.md"))
    assert code == 1 and "No space left on device" in err and err.count("\n") == 1
    assert not (small_disk / "memo.md").exists()


def test_output_file_is_written_whole_with_ordinary_permissions(capsys, corpus, tmp_path):
    """`-o FILE` gets the document and the permissions a plain open would give (umask applied)."""
    target = tmp_path / "out.csv"
    old = os.umask(0o027)
    try:
        assert main(["analyze", str(corpus), "-f", "csv", "-o", str(target)]) == 0
    finally:
        os.umask(old)
    assert target.read_text(encoding="utf-8").startswith("claim,source,path")
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_output_through_a_symlink_and_to_a_device(capsys, corpus, tmp_path):
    """A symlinked FILE is written through (the link stays), and /dev/null is written, not replaced."""
    real = tmp_path / "real.csv"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert main(["analyze", str(corpus), "-f", "csv", "-o", str(link)]) == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("claim,")
    assert main(["analyze", str(corpus), "-f", "csv", "-o", os.devnull]) == 0
    assert Path(os.devnull).is_char_device()


def _crosscheck(args: list[str], stdout, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crosscheck.cli", *args], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})}, timeout=120)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_analyze_and_history_to_dev_full_exit_1_without_traceback(tmp_path, corpus):
    """`analyze > /dev/full` and `history > /dev/full`: one line on stderr, exit 1."""
    from crosscheck.core.analysis.pipeline import analyze
    from crosscheck.core.index import AnalysisIndex
    from crosscheck.core.reading.ingest import load_corpus
    from crosscheck.core.review.session import Session
    from crosscheck.core.review.store import Store

    loaded = load_corpus([corpus])
    db = tmp_path / "r.sqlite3"
    store = Store.open(db)
    Session(store, AnalysisIndex.build(analyze(loaded.sources)), "ana").set_verdict("c1", "accepted")
    store.close()
    for args in (["analyze", str(corpus)], ["analyze", str(corpus), "-f", "json"],
                 ["history", "--db", str(db)], ["history", "--db", str(db), "-f", "json"],
                 ["export", str(corpus), "--db", str(db), "-f", "csv"]):
        with open("/dev/full", "w") as full:
            done = _crosscheck(args, full)
        assert done.returncode == 1, (args, done.stderr)
        assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, args
        assert done.stderr.strip().splitlines()[-1] == "crosscheck: cannot write standard output: No space left on device"


def test_closed_pipe_is_not_an_error(corpus):
    """`crosscheck analyze | head -1` exits 0 with nothing on stderr."""
    big = corpus / "b.txt"
    big.write_text(ARTICLE * 2000, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "crosscheck.cli", "analyze", str(corpus), "-f", "csv"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0 and err == ""


# ---- --max-size ------------------------------------------------------------------------------

def test_max_size_raises_and_lowers_the_limit(capsys, corpus):
    """`--max-size` sets the size over which an article is skipped, with a unit or in bytes."""
    big = corpus / "big.txt"
    big.write_text(ARTICLE + "filler line\n" * 1000, encoding="utf-8")  # about 12 KB
    code, out, err = run(capsys, "analyze", str(corpus), "-f", "csv", "--max-size", "10KB")
    assert code == 0 and "big.txt: 12.1 KB is over the 10 KB limit, skipped" in err
    assert "big.txt" not in out and "a.txt" in out
    code, out, err = run(capsys, "analyze", str(corpus), "-f", "csv", "--max-size", "0.5MB")
    assert code == 0 and err == "" and "big.txt" in out
    code, out, err = run(capsys, "export", str(corpus), "-f", "csv", "--max-size", "12000")
    assert code == 0 and "big.txt: 12.1 KB is over the 12 KB limit, skipped" in err


@pytest.mark.parametrize("size", ["", "abc", "0", "-5MB", "10TB"])
def test_max_size_rejects_what_is_not_a_size(size):
    """A --max-size that is not a positive size is a usage error (exit 2)."""
    with pytest.raises(SystemExit) as e:
        main(["analyze", "--max-size", size])
    assert e.value.code == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any file")
def test_output_file_the_user_may_not_write_is_refused(capsys, corpus, tmp_path):
    """An existing -o FILE without write permission is refused, not replaced by a rename."""
    target = tmp_path / "locked.csv"
    target.write_text("keep", encoding="utf-8")
    target.chmod(0o444)
    code, _, err = run(capsys, "analyze", str(corpus), "-f", "csv", "-o", str(target))
    assert code == 1 and "Permission denied" in err and target.read_text(encoding="utf-8") == "keep"


def test_rewritten_output_keeps_its_mode(capsys, corpus, tmp_path):
    """Rewriting an existing -o FILE keeps its permission bits."""
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    assert main(["analyze", str(corpus), "-f", "csv", "-o", str(target)]) == 0
    assert target.stat().st_mode & 0o777 == 0o600 and target.read_text(encoding="utf-8").startswith("claim,")
