"""core/ is plain Python: importing it never loads a UI framework."""
import subprocess
import sys


def test_core_imports_no_ui():
    """Importing every core module leaves textual and rich out of sys.modules."""
    code = ("import sys, pkgutil, importlib, core\n"
            "for m in pkgutil.iter_modules(core.__path__): importlib.import_module('core.' + m.name)\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
            "print(','.join(bad)); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
