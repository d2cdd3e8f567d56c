"""The core needs no Qt: every core module imports, and aligns, with PySide6 blocked."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import clausediff.core

SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
import block_qt  # installs the import blocker
try:
    import PySide6  # noqa: F401
except ImportError:
    pass
else:
    raise SystemExit("PySide6 was importable: the blocker did not work")
import importlib
for name in {modules!r}:
    importlib.import_module(name)
from clausediff.core.read.bundled import load_bundled
from clausediff.core.compare.lineage import build_lineage
lineage = build_lineage([load_bundled(s) for s in ("WT/MIN(98)/DEC/2", "WT/L/843", "WT/L/907")])
assert not [m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")]
print("core ok", len(lineage.families))
"""


def test_core_imports_and_aligns_with_qt_blocked() -> None:
    modules = [
        m.name for m in pkgutil.walk_packages(clausediff.core.__path__, prefix="clausediff.core.")
    ]
    assert "clausediff.core.compare.align" in modules
    tests = str(Path(__file__).resolve().parents[1])
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(tests=tests, modules=modules)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("core ok")


def test_no_core_module_mentions_qt_in_its_imports() -> None:
    for path in Path(clausediff.core.__file__).parent.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")):
                assert "PySide6" not in stripped and "clausediff.gui" not in stripped, path
