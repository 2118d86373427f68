"""Import hygiene: core never loads a UI, its layers import downward only, one namespace."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TREES = ("core", "tui", "crosscheck", "tests", "benchmarks")


def test_core_imports_no_ui():
    """Importing every core module leaves textual and rich out of sys.modules."""
    code = ("import sys, pkgutil, importlib, crosscheck.core as core\n"
            "for m in pkgutil.walk_packages(core.__path__, 'crosscheck.core.'): importlib.import_module(m.name)\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
            "print(','.join(bad)); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _imports(path: Path) -> list[tuple[int, str]]:
    """(level, module) of every import statement in a file; level > 0 is relative."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(0, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            out.append((node.level, node.module or ""))
    return out


def test_no_bare_top_level_imports():
    """Nothing imports `core`, `tui` or `sample_data` as top-level packages: only `crosscheck.*`."""
    bad = []
    for tree in TREES:
        for path in (ROOT / tree).rglob("*.py"):
            for level, module in _imports(path):
                if level == 0 and module.split(".")[0] in ("core", "tui", "sample_data"):
                    bad.append(f"{path.relative_to(ROOT)}: {module}")
    assert not bad, bad


def _resolved(path: Path, level: int, module: str) -> str:
    """The dotted name (under crosscheck.core) an import in a core file refers to."""
    if level == 0:
        return module
    package = ["crosscheck", "core", *path.relative_to(ROOT / "core").parts[:-1]]
    base = package[: len(package) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def test_core_layers_import_downward():
    """reading imports no analysis or review code, and analysis imports no review code."""
    forbidden = {"reading": ("crosscheck.core.analysis", "crosscheck.core.review"),
                 "analysis": ("crosscheck.core.review",)}
    bad = []
    for layer, banned in forbidden.items():
        for path in (ROOT / "core" / layer).rglob("*.py"):
            for level, module in _imports(path):
                name = _resolved(path, level, module)
                if name.startswith(banned) or any(name.startswith(b.replace("crosscheck.", "")) for b in banned):
                    bad.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not bad, bad


def test_core_uses_relative_imports():
    """Inside core/, modules import each other relatively, never as crosscheck.core.* ."""
    bad = [f"{p.relative_to(ROOT)}: {m}" for p in (ROOT / "core").rglob("*.py")
           for level, m in _imports(p) if level == 0 and m.startswith("crosscheck")]
    assert not bad, bad


def _tui_module(path: Path) -> str:
    """The dotted name a file under tui/ installs as."""
    parts = ["crosscheck", "tui", *path.relative_to(ROOT / "tui").with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _tui_imports(path: Path) -> set[str]:
    """The tui modules a tui file imports, at any level (top, inside functions, TYPE_CHECKING)."""
    me = _tui_module(path)
    package = me.split(".") if path.name == "__init__.py" else me.split(".")[:-1]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - (node.level - 1)] + ([base] if base else []))
            names = [base] + [f"{base}.{a.name}" for a in node.names]
        else:
            continue
        out |= {n for n in names if n.startswith("crosscheck.tui.") and n != me}
    return out


def test_tui_modules_import_no_cycle():
    """No tui module imports, even lazily or for typing, a module that imports it back."""
    files = {_tui_module(p): p for p in (ROOT / "tui").rglob("*.py")}
    graph = {m: {n for n in _tui_imports(p) if n in files} for m, p in files.items()}
    cycles = []

    def visit(m: str, stack: list[str]) -> None:
        for n in sorted(graph[m]):
            if n in stack:
                cycles.append(" -> ".join(stack[stack.index(n):] + [n]))
            elif n not in done:
                visit(n, stack + [n])
        done.add(m)

    done: set[str] = set()
    for m in sorted(graph):
        if m not in done:
            visit(m, [m])
    assert not cycles, cycles
