"""The suite's own rules: every test says in one line the behaviour it checks, and no test
judges speed by the clock (speed lives in benchmarks/)."""
from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).parent


def _tests():
    for path in sorted(TESTS.rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
                yield path, node


def test_every_test_has_a_docstring_saying_the_behaviour():
    """Each test function opens with a docstring whose first line is a sentence."""
    missing = [f"{p.name}:{n.lineno} {n.name}" for p, n in _tests()
               if not (ast.get_docstring(n) or "").strip().splitlines()[:1]]
    assert missing == []


def test_no_test_asserts_on_elapsed_time():
    """No assertion compares a clock reading: a slow machine must not fail the suite."""
    clocks = ("perf_counter", "monotonic", "time.time")
    timed = []
    for path, node in _tests():
        for sub in ast.walk(node):
            if isinstance(sub, ast.Assert) and any(c in ast.unparse(sub.test) for c in clocks):
                timed.append(f"{path.name}:{sub.lineno}")
    assert timed == []
