"""Every core and a Dask cluster: the same bytes as a serial run, for any --jobs and hash seed."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crosscheck.cli import main
from crosscheck.core.analysis.parallel import read_articles
from crosscheck.core.analysis.pipeline import analyze, analyze_paths
from crosscheck.core.analysis.lexicon import SHIPPED
from crosscheck.core.reading.ingest import list_corpus, load_corpus
from crosscheck.core.report import json_text, to_json

DATA = Path(__file__).parent / "data"
DEVSET = ["barsalogho-2024", "crocus-city-hall-2024", "pylos-shipwreck-2023", "westgate-mall-2013"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    """The seeds, four devset events (text, Markdown and HTML) and a folder of files that cannot
    be read between good ones, so source ids are renumbered after failures."""
    odd = tmp_path_factory.mktemp("odd")
    (odd / "a_good.txt").write_text("Blast in Kabul\n\nFive people were killed in the blast on Monday.\n")
    (odd / "b_empty.txt").write_text("")
    (odd / "c_binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    (odd / "d_good.html").write_text("<html><head><title>Flood</title></head><body><p>At least 12 people "
                                     "died in the floods, officials said.</p></body></html>")
    (odd / "e_markup_only.html").write_text("<html><body><script>x()</script></body></html>")
    (odd / "f_cp1252.txt").write_bytes("Caf\xe9 attack\n\nThree soldiers were wounded.\n".encode("cp1252"))
    return [str(DATA / "seed_articles"), *(str(DATA / "devset" / e) for e in DEVSET), str(odd)]


def _serial_json(paths: list[str], **options) -> str:
    c = load_corpus(paths)
    return json_text(to_json(analyze(c.sources, problems=c.problems, root=c.root, **options)))


def test_jobs_and_hash_seeds_give_the_same_bytes(corpus, tmp_path):
    """`analyze --format json` prints the same bytes for --jobs 1, 2 and 3 under three hash seeds."""
    outputs = []
    for jobs, seed in ((1, "0"), (2, "1"), (3, "4242")):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = tmp_path / f"jobs{jobs}.json"
        subprocess.run([sys.executable, "-m", "crosscheck", "analyze", *corpus, "--format", "json", "--jobs",
                        str(jobs), "-q", "-o", str(out)], check=True, env=env, timeout=120)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert json.loads(outputs[0]) == json.loads(_serial_json(corpus))


def test_pool_numbers_sources_over_the_files_read(corpus):
    """Files that cannot be read leave no gap in source ids, and their problems keep their order."""
    listing = list_corpus(corpus)
    articles, problems = read_articles(listing, SHIPPED, jobs=2)
    serial = load_corpus(corpus)
    assert [a.source for a in articles] == list(serial.sources)
    assert [a.source.id for a in articles] == [f"s{i}" for i in range(1, len(articles) + 1)]
    assert problems == list(serial.problems)
    assert any("empty file" in p.message for p in problems)


def test_progress_reports_each_stage_in_order(corpus):
    """Progress goes file by file through reading, then extraction, then the corpus-wide stages."""
    seen: list[tuple[str, int, int]] = []
    analysis = analyze_paths(corpus, jobs=2, progress=lambda *step: seen.append(step))
    stages = [s for s, _, _ in seen]
    order = list(dict.fromkeys(stages))
    assert order == ["reading articles", "extracting claims", "linking events", "grouping topics", "done"]
    files = len(list_corpus(corpus).files)
    assert ("reading articles", files, files) in seen
    assert ("extracting claims", len(analysis.sources), len(analysis.sources)) in seen


def test_pool_refuses_a_50_mb_article_as_a_serial_run_does(tmp_path):
    """A 50 MB file among small ones is refused by its size, without being read, in the pool too."""
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(f"Blast\n\n{i + 3} people were killed in the blast.\n")
    with (tmp_path / "2_big.txt").open("wb") as f:
        f.truncate(50_000_000)  # sparse: nothing is written, and nothing need be read
    pooled = analyze_paths([tmp_path], jobs=2)
    assert [str(p) for p in pooled.problems] == ["2_big.txt: 50 MB is over the 10 MB limit, skipped"]
    assert [s.id for s in pooled.sources] == ["s1", "s2", "s3", "s4"]
    assert json_text(to_json(pooled)) == _serial_json([str(tmp_path)])


DASHBOARD = """
import sys, time
from crosscheck.tui.app import make_app
from crosscheck.core.analysis.parallel import POOL_PAYS_FROM

class Loaded(type(make_app())):
    def on_mount(self):
        super().on_mount()
        self.started = time.monotonic()
        self.set_interval(0.05, self.check)
    def check(self):
        screen = self.main_screen
        if screen.loaded or time.monotonic() - self.started > 30:
            with open(sys.argv[2], "w") as out:
                out.write(str(len(screen.ix.analysis.sources)) if screen.loaded else "not loaded")
            self.exit()

if __name__ == "__main__":
    assert len(__import__("os").listdir(sys.argv[1])) >= POOL_PAYS_FROM
    Loaded([sys.argv[1]]).run(headless=True)
"""


def test_dashboard_loads_a_large_corpus_through_the_pool(tmp_path):
    """The dashboard reads a corpus big enough for the pool from its worker thread, inside Textual
    (whose stderr has no file descriptor for multiprocessing to hand on)."""
    from crosscheck.core.analysis.parallel import POOL_PAYS_FROM

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(POOL_PAYS_FROM + 10):
        (corpus / f"{i:04d}.txt").write_text(f"Blast {i}\n\n{i % 40 + 2} people were killed in the blast.\n")
    script, result = tmp_path / "dashboard.py", tmp_path / "result.txt"
    script.write_text(DASHBOARD)
    subprocess.run([sys.executable, str(script), str(corpus), str(result)], timeout=120, check=True,
                   capture_output=True)
    assert result.read_text() == str(POOL_PAYS_FROM + 10)


def test_configured_words_reach_pool_workers(tmp_path):
    """[measures] words given to the analysis are read by the workers too (they travel in the lexicon)."""
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Raid\n\nArmy says {12 + i} insurgents were neutralised in the raid.\n")
    words = {"killed": ["neutralised"]}
    pooled = analyze_paths([tmp_path], jobs=2, measure_words=words)
    assert {c.measure for c in pooled.claims} == {"killed"}
    assert json_text(to_json(pooled)) == _serial_json([str(tmp_path)], measure_words=words)


def test_cli_reads_config_measures(tmp_path, capsys):
    """`analyze` honours the [measures] of config.toml, as the dashboard does."""
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "crosscheck" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[measures]\nkilled = ["neutralised"]\n')
    (tmp_path / "a.txt").write_text("Raid\n\nArmy says 12 insurgents were neutralised in the raid.\n")
    assert main(["analyze", str(tmp_path), "--format", "json"]) == 0
    assert [c["measure"] for c in json.loads(capsys.readouterr().out)["claims"]] == ["killed"]


def test_json_is_the_schema_one_item_a_line(capsys):
    """The JSON holds exactly the crosscheck/1 document; each list item sits on one line."""
    assert main(["analyze", "--format", "json"]) == 0
    out = capsys.readouterr().out
    analysis = analyze_paths(None)
    assert json.loads(out) == to_json(analysis)
    lines = out.splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    assert sum(line.startswith('  {"id": "c') for line in lines) == len(analysis.claims)


def test_write_json_edge_cases():
    """Empty objects, empty lists, iterators and nested values come out as valid JSON."""
    cases = [({}, {}), ({"a": []}, {"a": []}), ({"a": iter([1, {"b": [2]}])}, {"a": [1, {"b": [2]}]}),
             ({"x": None, "y": "é\n", "z": {"k": [1]}}, {"x": None, "y": "é\n", "z": {"k": [1]}})]
    for doc, expected in cases:
        assert json.loads(json_text(doc)) == expected
    assert json_text({"a": [1]}) == '{\n "a": [\n  1\n ]\n}\n'


@pytest.mark.parametrize("option, message", [(["--jobs", "0"], "--jobs"), (["--scheduler", "nowhere"], "--scheduler"),
                                              (["--jobs", "2", "--scheduler", "tcp://127.0.0.1:1"], "not allowed")])
def test_bad_jobs_or_scheduler_is_a_usage_error(capsys, option, message):
    """--jobs 0, an address that is not one, or both options at once: exit 2 naming the option."""
    with pytest.raises(SystemExit) as stop:
        main(["analyze", *option])
    assert stop.value.code == 2 and message in capsys.readouterr().err


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_scheduler_is_one_line_and_exit_1(capsys, monkeypatch):
    """A scheduler nobody runs: one line naming the address, exit 1, at once (Dask's client,
    which would retry until its timeout, is never started)."""
    distributed = pytest.importorskip("distributed", reason="Dask is not installed (pip install 'crosscheck[cluster]')")
    started = []
    monkeypatch.setattr(distributed, "Client", lambda *a, **k: started.append(a) or pytest.fail("Client started"))
    address = f"tcp://127.0.0.1:{_closed_port()}"
    assert main(["analyze", "--scheduler", address]) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [f"crosscheck: cannot reach the Dask scheduler at {address} (connection refused)"]
    assert started == []


# -- a real Dask cluster on the loopback ------------------------------------------------------------

@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory):
    """A `dask scheduler` and two `dask worker` processes on 127.0.0.1, on free ports; killed after."""
    pytest.importorskip("distributed", reason="Dask is not installed (pip install 'crosscheck[cluster]')")
    from distributed import Client

    folder = tmp_path_factory.mktemp("dask")
    info = folder / "scheduler.json"
    log = (folder / "cluster.log").open("w")
    procs = [subprocess.Popen([sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port", "0",
                               "--no-dashboard", "--scheduler-file", str(info)], stdout=log, stderr=log)]
    try:
        deadline = time.monotonic() + 30
        while not (info.exists() and info.read_text().strip().endswith("}")):
            assert time.monotonic() < deadline and procs[0].poll() is None, "the Dask scheduler did not start"
            time.sleep(0.05)
        address = json.loads(info.read_text())["address"]
        for n in range(2):
            procs.append(subprocess.Popen([sys.executable, "-m", "dask", "worker", address, "--nthreads", "1",
                                           "--no-nanny", "--no-dashboard", "--host", "127.0.0.1",
                                           "--name", f"worker-{n}", "--death-timeout", "30"],
                                          stdout=log, stderr=log))
        with Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=30)
        yield address
    finally:
        for p in procs:  # killed, not asked: a worker's graceful shutdown can wait 10 s on the scheduler
            p.kill()
        for p in procs:
            p.wait()
        log.close()


def test_dask_cluster_gives_the_same_json_as_one_job(dask_cluster, corpus, capsys):
    """`analyze --scheduler` on two loopback workers prints what `--jobs 1` prints."""
    assert main(["analyze", *corpus, "--format", "json", "--jobs", "1", "-q"]) == 0
    serial = capsys.readouterr().out
    assert main(["analyze", *corpus, "--format", "json", "--scheduler", dask_cluster, "-q"]) == 0
    assert capsys.readouterr().out == serial


def test_dask_workers_read_configured_words(dask_cluster, tmp_path):
    """[measures] words reach the cluster's workers, and failed files leave no gap in ids there too."""
    (tmp_path / "a.txt").write_text("Raid\n\nArmy says 12 insurgents were neutralised in the raid.\n")
    (tmp_path / "b.txt").write_text("")
    (tmp_path / "c.txt").write_text("Raid\n\nArmy says 30 insurgents were neutralised in the raid.\n")
    words = {"killed": ["neutralised"]}
    clustered = analyze_paths([tmp_path], scheduler=dask_cluster, measure_words=words)
    assert [c.measure for c in clustered.claims] == ["killed", "killed"]
    assert [s.id for s in clustered.sources] == ["s1", "s2"]
    assert json_text(to_json(clustered)) == _serial_json([str(tmp_path)], measure_words=words)


def test_files_are_shipped_to_dask_workers(dask_cluster, tmp_path, monkeypatch):
    """Workers never open the paths: a file gone once the client has read it is still analysed."""
    from crosscheck.core.analysis import parallel

    (tmp_path / "a.txt").write_text("Raid\n\nFive people were killed in the raid.\n")

    def fetch_then_remove(item, max_bytes):
        fetched = parallel.fetch.__wrapped__(item, max_bytes)
        os.remove(item.path)
        return fetched

    fetch_then_remove.__wrapped__ = parallel.fetch
    monkeypatch.setattr(parallel, "fetch", fetch_then_remove)
    analysis = analyze_paths([tmp_path], scheduler=dask_cluster)
    assert not (tmp_path / "a.txt").exists()
    assert [c.number_text for c in analysis.claims] == ["Five"] and not analysis.problems
