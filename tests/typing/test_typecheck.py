"""mypy and pyright on a user's code, against the installed packages (``nox -s typecheck``).

Type checkers read the files of a regular install; they do not run an editable install's
import hooks, so these tests skip under an editable install of mygrad-core.
``user_code.py`` must check clean (its ``assert_type`` lines pin the types: ``mg.exp(x)``
is a Tensor, ``x.backward()`` None, ...) and ``user_errors.py`` must give an error on
exactly its lines marked ``# error`` (``mg.typo`` ...).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Set

import pytest

HERE = Path(__file__).parent
BIN = Path(sys.executable).parent


def _editable(dist: str) -> bool:
    text = metadata.distribution(dist).read_text("direct_url.json") or "{}"
    return bool(json.loads(text).get("dir_info", {}).get("editable"))


pytestmark = [
    pytest.mark.skipif(
        _editable("mygrad-core"),
        reason="type checkers do not run an editable install's import hooks: `nox -s typecheck` installs regularly",
    ),
]


def _marked_lines(path: Path) -> Set[int]:
    lines = path.read_text().splitlines()
    return {i for i, line in enumerate(lines, 1) if line.rstrip().endswith("# error")}


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    # a folder of its own: no project configuration applies, and the sources checked are
    # the installed ones, never this repository's
    for name in ("user_code.py", "user_errors.py"):
        shutil.copy(HERE / name, tmp_path / name)
    return tmp_path


def _mypy(workdir: Path, filename: str) -> subprocess.CompletedProcess:
    pytest.importorskip("mypy")
    cmd = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-executable", sys.executable, filename]
    return subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, timeout=300)


def _mypy_error_lines(out: str, filename: str) -> Set[int]:
    return {int(m.group(1)) for m in re.finditer(rf"^{re.escape(filename)}:(\d+): error:", out, flags=re.M)}


def _pyright(workdir: Path, filename: str) -> dict:
    exe = BIN / "pyright"
    if not exe.exists():
        pytest.skip("pyright is not installed in this environment")
    cmd = [str(exe), "--outputjson", "--pythonpath", sys.executable, filename]
    proc = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, timeout=300)
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"pyright did not run:\n{proc.stdout}\n{proc.stderr}")


def _pyright_errors(report: dict) -> list:
    return [d for d in report["generalDiagnostics"] if d["severity"] == "error"]


def test_user_code_runs():
    # every expression the checkers see also works at run time
    proc = subprocess.run([sys.executable, str(HERE / "user_code.py")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_mypy_types_user_code(workdir):
    proc = _mypy(workdir, "user_code.py")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Success" in proc.stdout


def test_mypy_reports_mistakes(workdir):
    proc = _mypy(workdir, "user_errors.py")
    expected = _marked_lines(HERE / "user_errors.py")
    assert len(expected) >= 5
    assert _mypy_error_lines(proc.stdout, "user_errors.py") == expected, proc.stdout


def test_mypy_misspelt_name_is_an_error(workdir):
    (workdir / "typo.py").write_text("import mygrad as mg\nmg.typo\n")
    proc = _mypy(workdir, "typo.py")
    assert proc.returncode == 1
    assert 'typo.py:2: error: Module has no attribute "typo"' in proc.stdout


def test_pyright_types_user_code(workdir):
    report = _pyright(workdir, "user_code.py")
    assert _pyright_errors(report) == []
    assert report["summary"]["filesAnalyzed"] == 1


def test_pyright_reports_mistakes(workdir):
    report = _pyright(workdir, "user_errors.py")
    lines = {d["range"]["start"]["line"] + 1 for d in _pyright_errors(report)}
    assert lines == _marked_lines(HERE / "user_errors.py"), json.dumps(report["generalDiagnostics"], indent=1)
    line = next(i for i, text in enumerate((HERE / "user_errors.py").read_text().splitlines()) if text.startswith("mg.typo"))
    typo = [d for d in _pyright_errors(report) if d["range"]["start"]["line"] == line]
    assert '"typo" is not a known attribute of module "mygrad"' in typo[0]["message"]
