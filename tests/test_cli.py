"""The `crosscheck analyze` contract: formats, schema, exit codes and bad input."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from crosscheck.cli import main

REQUIRED = {
    "sources": {"id", "path", "title", "outlet", "published", "same_story_as"},
    "events": {"id", "label", "date", "place"},
    "claims": {"id", "source", "start", "end", "number_text", "sentence", "low", "high", "measure",
               "who", "attributed_to", "event", "topic"},
    "topics": {"id", "event", "measure", "who", "claims", "low", "best", "high", "independent_sources"},
    "conflicts": {"id", "topic", "claims", "pairs", "kind", "why"},
}


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_schema_on_bundled_sample(capsys):
    """No PATH analyses the bundled sample; the JSON has every required crosscheck/1 key."""
    code, out, _ = run(capsys, "analyze", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["schema"] == "crosscheck/1"
    for section, keys in REQUIRED.items():
        assert doc[section], section
        for item in doc[section]:
            assert keys <= set(item), (section, keys - set(item))
    assert {x["kind"] for x in doc["conflicts"]} <= {"dispute", "revision", "internal"}


def test_paths_relative_and_slash_separated(capsys, tmp_path):
    """Source paths are relative to the PATH given, '/' separated."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Blast\n\nFive people were killed in the blast.\n")
    code, out, _ = run(capsys, "analyze", str(tmp_path), "--format", "json")
    assert code == 0
    assert [s["path"] for s in json.loads(out)["sources"]] == ["sub/a.txt"]


def test_csv_one_row_per_claim(capsys):
    """CSV has a header and one row per claim."""
    _, out_json, _ = run(capsys, "analyze", "--format", "json")
    code, out, _ = run(capsys, "analyze", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == len(json.loads(out_json)["claims"])
    assert {"claim", "number_text", "low", "high", "attributed_to"} <= set(rows[0])


def test_table_fits_80_columns(capsys, monkeypatch):
    """The table output is readable at 80 columns: no line is wider."""
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "analyze", "--format", "table")
    assert code == 0 and "conflicts" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_bad_files_reported_rest_analysed(capsys, tmp_path):
    """An empty and a binary file each get one stderr line; the good file is still analysed."""
    (tmp_path / "good.txt").write_text("Raid\n\nSix guards were killed in the raid.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = run(capsys, "analyze", str(tmp_path), "--format", "json")
    assert code == 0
    assert len(json.loads(out)["sources"]) == 1
    lines = err.strip().splitlines()
    assert len(lines) == 2 and any("empty.txt" in x for x in lines) and any("binary.txt" in x for x in lines)


def test_nothing_readable_exits_1(capsys, tmp_path):
    """A folder with nothing to read exits 1 with a message."""
    code, _, err = run(capsys, "analyze", str(tmp_path))
    assert code == 1 and err


def test_usage_error_exits_2():
    """An unknown format is a usage error: exit 2."""
    with pytest.raises(SystemExit) as e:
        main(["analyze", "--format", "yaml"])
    assert e.value.code == 2


def test_markup_in_article_printed_literally(capsys, tmp_path):
    """Rich markup and escape sequences in article data cannot restyle the table output."""
    (tmp_path / "[bold red]evil.txt").write_text("[bold red]Raid[/] on \x1b[31mthe camp\n\nSeven guards were killed in the raid.\n")
    code, out, _ = run(capsys, "analyze", str(tmp_path), "--format", "table")
    assert code == 0 and "\x1b" not in out
    assert "[bold red]evil.txt" in out


def test_console_script_version():
    """`crosscheck --version` works from the installed entry point."""
    result = subprocess.run([sys.executable, "-m", "crosscheck", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("crosscheck ")
