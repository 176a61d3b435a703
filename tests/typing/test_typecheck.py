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
from typing import Dict, Set

import pytest

HERE = Path(__file__).parent
BIN = Path(sys.executable).parent
FILES = ("user_code.py", "user_errors.py")


def _editable(dist: str) -> bool:
    text = metadata.distribution(dist).read_text("direct_url.json") or "{}"
    return bool(json.loads(text).get("dir_info", {}).get("editable"))


pytestmark = [
    pytest.mark.skipif(
        _editable("mygrad-core"),
        reason="type checkers do not run an editable install's import hooks: `nox -s typecheck` installs regularly",
    ),
]


def _line_of(start: str) -> int:
    lines = (HERE / "user_errors.py").read_text().splitlines()
    return next(i for i, text in enumerate(lines, 1) if text.startswith(start))


def _marked_lines(path: Path) -> Set[int]:
    lines = path.read_text().splitlines()
    return {i for i, line in enumerate(lines, 1) if line.rstrip().endswith("# error")}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # a folder of its own: no project configuration applies, and the sources checked are
    # the installed ones, never this repository's
    tmp_path = tmp_path_factory.mktemp("user")
    for name in FILES:
        shutil.copy(HERE / name, tmp_path / name)
    # pyright skips files under a hidden folder (``.nox/...``) unless told to include them
    (tmp_path / "pyrightconfig.json").write_text('{"include": ["."], "exclude": []}')
    return tmp_path


@pytest.fixture(scope="module")
def mypy_output(workdir: Path) -> str:
    """One mypy run (``--strict``) over both files."""
    pytest.importorskip("mypy")
    cmd = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-executable", sys.executable, *FILES]
    proc = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, timeout=300)
    assert "error: " in proc.stdout, proc.stdout + proc.stderr  # user_errors.py has some
    return proc.stdout


@pytest.fixture(scope="module")
def pyright_errors(workdir: Path) -> Dict[str, list]:
    """One pyright run over both files: file name -> its error diagnostics."""
    exe = BIN / "pyright"
    if not exe.exists():
        pytest.skip("pyright is not installed in this environment")
    cmd = [str(exe), "--outputjson", "--pythonpath", sys.executable, *FILES]
    proc = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, timeout=300)
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"pyright did not run:\n{proc.stdout}\n{proc.stderr}")
    assert report["summary"]["filesAnalyzed"] == len(FILES)
    out: Dict[str, list] = {name: [] for name in FILES}
    for d in report["generalDiagnostics"]:
        if d["severity"] == "error":
            out[Path(d["file"]).name].append(d)
    return out


def _mypy_error_lines(out: str, filename: str) -> Set[int]:
    return {int(m.group(1)) for m in re.finditer(rf"^{re.escape(filename)}:(\d+): error:", out, flags=re.M)}


def test_user_code_runs():
    # every expression the checkers see also works at run time
    proc = subprocess.run([sys.executable, str(HERE / "user_code.py")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_mypy_types_user_code(mypy_output):
    assert _mypy_error_lines(mypy_output, "user_code.py") == set(), mypy_output
    assert "user_code.py" not in mypy_output, mypy_output  # no note either (reveal_type ...)


def test_mypy_reports_mistakes(mypy_output):
    expected = _marked_lines(HERE / "user_errors.py")
    assert len(expected) >= 5
    assert _mypy_error_lines(mypy_output, "user_errors.py") == expected, mypy_output
    line = _line_of("mg.typo")
    assert f'user_errors.py:{line}: error: Module has no attribute "typo"' in mypy_output


def test_pyright_types_user_code(pyright_errors):
    assert pyright_errors["user_code.py"] == []


def test_pyright_reports_mistakes(pyright_errors):
    errors = pyright_errors["user_errors.py"]
    lines = {d["range"]["start"]["line"] + 1 for d in errors}
    assert lines == _marked_lines(HERE / "user_errors.py"), json.dumps(errors, indent=1)
    (typo,) = [d for d in errors if d["range"]["start"]["line"] + 1 == _line_of("mg.typo")]
    assert '"typo" is not a known attribute of module "mygrad"' in typo["message"]
