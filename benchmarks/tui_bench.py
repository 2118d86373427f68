"""How fast the dashboard paints, shows analysed data, and answers keys.

usage: .venv/bin/python benchmarks/tui_bench.py [--articles 10000] [--claims 100000] [--runs 3]

Prints, in milliseconds:
- process start to first paint: a bare Textual app (the baseline), and crosscheck on the sample
  and on N synthetic articles (each measured in a fresh process, median of --runs);
- process start to analysed data shown, for the same two corpora;
- per keypress (down arrow) in a claims table of --claims rows, after filling it;
- per pane switch (`tab`) and view switch (`c`, `s`), on the sample and on every devset event in
  one folder, at 80x24 and 160x48, beside a bare Textual app (two views of two bordered panes
  and a header) switched the same way in the same run. Both go through Textual's pilot, which
  waits for the screen to settle after each key: wall time includes its frame pacing (the bare
  app's figure is that floor); CPU time is the work done, and is not inflated by other jobs.

Targets: first paint within 1.5x of the bare app; a keypress under 50 ms at 100,000 claims; a
pane or view switch under 100 ms.
Apps run headless, so the figures are Textual's and crosscheck's work, not a terminal's.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

CHILD_BARE = """
import sys, time
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("hello")
    def on_mount(self):
        self.call_after_refresh(self.painted)
    def painted(self):
        print("paint", time.time(), flush=True)
        self.exit()
Bare().run(headless=True)
"""

CHILD_CROSSCHECK = """
import sys, time
sys.path.insert(0, {root!r})
from crosscheck.tui.app import CrosscheckApp
class Timed(CrosscheckApp):
    def on_mount(self):
        super().on_mount()
        self.seen = {{}}
        self.set_interval(0.005, self.poll)
    def poll(self):
        if "paint" not in self.seen and self.main_screen.is_mounted:
            self.seen["paint"] = time.time(); print("paint", self.seen["paint"], flush=True)
        if self.main_screen.loaded:
            print("data", time.time(), flush=True); self.exit()
Timed({paths!r}).run(headless=True)
"""


_SCRATCH = tempfile.mkdtemp(prefix="crosscheck-bench-")
os.environ.update(XDG_DATA_HOME=f"{_SCRATCH}/data", XDG_CONFIG_HOME=f"{_SCRATCH}/config")
"""Private XDG folders for this run and its children: a benchmark never leaves review databases
in the user's home, and no user config.toml changes what is measured."""


def _spawn(code: str) -> dict[str, float]:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    marks = {}
    for line in out.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("paint", "data"):
            marks[parts[0]] = (float(parts[1]) - start) * 1000
    if not marks:
        raise RuntimeError(out.stderr[-2000:])
    return marks


def _median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs if key in r)


def startup(paths: list[str], runs: int) -> dict[str, float]:
    code = CHILD_CROSSCHECK.format(root=str(ROOT), paths=paths)
    got = [_spawn(code) for _ in range(runs)]
    return {"paint": _median(got, "paint"), "data": _median(got, "data")}


def write_corpus(n: int, folder: Path) -> None:
    from analyze_bench import synthetic_corpus
    for path, text in synthetic_corpus(n):
        target = folder / Path(path).name
        target.write_text(text, encoding="utf-8")


def big_analysis(n_claims: int):
    """One source whose claims table has `n_claims` rows, spread over 2,000 paragraphs."""
    from crosscheck.core.model import Analysis, Block, Claim, Source
    lines = [f"{i % 90 + 2} people were killed in village {i}." for i in range(2000)]
    text = "Big corpus\n\n" + "\n".join(lines)
    blocks, pos = [Block(0, 10, "title")], 12
    for line in lines:
        blocks.append(Block(pos, pos + len(line), "body"))
        pos += len(line) + 1
    # every figure distinct: identical figures of one voice in one article fold into one row
    claims = tuple(Claim(f"c{i}", "s1", blocks[1 + i % 2000].start, blocks[1 + i % 2000].start + 2,
                         str(i + 2), "x", i + 2, i + 2, "killed", "people", None,
                         event="e1", topic="t1") for i in range(n_claims))
    source = Source("s1", "big.txt", text, title="Big corpus", blocks=tuple(blocks))
    return Analysis(sources=(source,), claims=claims, root="synthetic")


async def keypress(n_claims: int, presses: int = 300) -> tuple[float, float, float]:
    """(start+fill ms, ms per key through the pilot, ms per key of the app's own work).

    The pilot waits on every widget on screen after each key, so its figure is an upper bound;
    the direct figure times what a key costs the app: the cursor move, the screen's handler
    (article mark) and repainting the table's visible lines.
    """
    from crosscheck.tui.app import make_app
    from crosscheck.tui.messages import ClaimHighlighted
    from crosscheck.tui.widgets.claims import ClaimTable
    t0 = time.perf_counter()
    app = make_app(analysis=big_analysis(n_claims))
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        fill_ms = (time.perf_counter() - t0) * 1000
        table = app.screen.query_one(ClaimTable)
        table.focus()
        await pilot.pause()
        t1 = time.perf_counter()
        for _ in range(presses):
            await pilot.press("down")
        via_pilot = (time.perf_counter() - t1) * 1000 / presses
        assert table.cursor_row == presses
        t2 = time.perf_counter()
        for _ in range(presses):
            table.action_cursor_down()
            app.main_screen._claim_highlighted(ClaimHighlighted(table.current_key))
            for y in range(table.size.height):
                table.render_line(y)
        direct = (time.perf_counter() - t2) * 1000 / presses
    return fill_ms, via_pilot, direct


class _BareViews:
    """A bare Textual app shaped like the dashboard: two views of two bordered, focusable panes
    with a line of text each, and a header (no footer: Textual's recomposes on every focus change,
    which is a cost of the footer, not a floor)."""

    @staticmethod
    def make():
        from textual.app import App
        from textual.containers import Horizontal
        from textual.widgets import ContentSwitcher, Header, Static

        class Pane(Static, can_focus=True):
            DEFAULT_CSS = "Pane { border: round $secondary; height: 1fr; width: 1fr; } Pane:focus { border: heavy $accent; }"

        class Bare(App):
            BINDINGS = [("c", "view('b')", "Other view"), ("s", "view('a')", "First view")]

            def compose(self):
                yield Header()
                with ContentSwitcher(initial="a"):
                    with Horizontal(id="a"):
                        yield Pane("one", id="a1")
                        yield Pane("two", id="a2")
                    with Horizontal(id="b"):
                        yield Pane("three", id="b1")
                        yield Pane("four", id="b2")

            def action_view(self, view: str) -> None:
                self.query_one(ContentSwitcher).current = view
                self.query_one(f"#{view}1").focus()

        return Bare()


SWITCHES = ("tab", "tab", "c", "tab", "s")
"""One round: pane, pane, to the conflicts view, pane, back to the sources view."""


async def switches(make, size: tuple[int, int], rounds: int = 3) -> dict[str, float]:
    """Median ms per `tab` and per view switch (`c`/`s`) pressed through the pilot: wall time
    (`tab`, `view`) and this process's CPU time (`tab cpu`, `view cpu`), which a loaded machine
    (other jobs on the same cores) does not inflate."""
    app = make()
    times: dict[str, list[float]] = {"tab": [], "view": [], "tab cpu": [], "view cpu": []}
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.5)
        main = getattr(app, "main_screen", None)
        for _ in range(100):  # the dashboard paints first and fills its panes when the analysis is in
            if main is None or main.loaded:
                break
            await pilot.pause(0.05)
        await pilot.pause(0.3)
        for _ in range(rounds):
            for key in SWITCHES:
                kind = "tab" if key == "tab" else "view"
                wall, cpu = time.perf_counter(), time.process_time()
                await pilot.press(key)
                await pilot.pause()
                times[kind].append((time.perf_counter() - wall) * 1000)
                times[kind + " cpu"].append((time.process_time() - cpu) * 1000)
    return {k: statistics.median(v) for k, v in times.items()}


def view_switch_table() -> list[tuple[str, tuple[int, int], dict[str, float]]]:
    """Switch times for the bare app, the sample and all devset events, at 80x24 and 160x48."""
    sys.path.insert(0, str(ROOT / "tests"))
    from apps import devset_analysis, sample_analysis
    from crosscheck.tui.app import make_app
    out = []
    for size in ((80, 24), (160, 48)):
        out.append(("bare Textual app", size, asyncio.run(switches(_BareViews.make, size))))
        out.append(("crosscheck, sample", size, asyncio.run(switches(lambda: make_app(analysis=sample_analysis()), size))))
        out.append(("crosscheck, 13 devset events", size,
                    asyncio.run(switches(lambda: make_app(analysis=devset_analysis()), size))))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--switch-only", action="store_true", help="only the pane and view switch figures")
    args = parser.parse_args()

    switched = view_switch_table()
    print(f"{'pane and view switches (ms, median)':44s} {'tab':>6s} {'view':>6s} {'tab cpu':>8s} {'view cpu':>8s}")
    for name, size, t in switched:
        print(f"{f'{name} at {size[0]}x{size[1]}':44s} {t['tab']:6.0f} {t['view']:6.0f} "
              f"{t['tab cpu']:8.0f} {t['view cpu']:8.0f}")
    print("(wall: key to settled screen through the pilot; cpu: this process's work for it. target < 100)\n")
    if args.switch_only:
        return 0

    bare = _median([_spawn(CHILD_BARE) for _ in range(args.runs)], "paint")
    sample = startup([], args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(args.articles, Path(tmp))
        big = startup([tmp], 1)
    fill_ms, per_key, direct = asyncio.run(keypress(args.claims))

    print(f"{'measure':52s} {'ms':>10s}")
    print(f"{'bare Textual app: start to first paint':52s} {bare:10.0f}")
    print(f"{'crosscheck, sample: start to first paint':52s} {sample['paint']:10.0f}   "
          f"({sample['paint'] / bare:.2f}x bare; target <= 1.5x)")
    print(f"{'crosscheck, sample: start to data shown':52s} {sample['data']:10.0f}")
    print(f"{f'crosscheck, {args.articles:,} articles: start to first paint':52s} {big['paint']:10.0f}   "
          f"({big['paint'] / bare:.2f}x bare)")
    print(f"{f'crosscheck, {args.articles:,} articles: start to data shown':52s} {big['data']:10.0f}")
    print(f"{f'claims table of {args.claims:,} rows: app start and fill':52s} {fill_ms:10.0f}")
    print(f"{f'claims table of {args.claims:,} rows: per key, app work':52s} {direct:10.1f}   (target < 50)")
    print(f"{f'claims table of {args.claims:,} rows: per key, via pilot':52s} {per_key:10.1f}   "
          "(includes the test pilot waiting on every widget)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
