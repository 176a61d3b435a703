"""mygrad-core and PyPI's MyGrad both install the package ``mygrad``: each direction of
the clash is detected and explained (faked here with folders on PYTHONPATH)."""

from __future__ import annotations

import shutil
from pathlib import Path

import mygrad

from ._helpers import run_python, write_dist

CLI = "import sys\nfrom mygrad_core.cli import main\nsys.exit(main(['plugins']))\n"


def fake_mygrad(root: Path) -> None:
    """PyPI's MyGrad, installed after mygrad-core (its files win)."""
    (root / "mygrad").mkdir()
    (root / "mygrad" / "__init__.py").write_text("__version__ = '2.5.0'\nfrom mygrad.tensor_core import Tensor\n")
    (root / "mygrad" / "tensor_core.py").write_text("class Tensor:\n    pass\n")
    write_dist(root, "mygrad", version="2.5.0")


def test_ours_over_mygrads_leftovers_refuses_to_import(tmp_path):
    # our facade's files, plus a file only PyPI's MyGrad ships (left by an upgrade)
    shutil.copytree(Path(mygrad.__file__).parent, tmp_path / "mygrad", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "mygrad" / "tensor_core.py").write_text("# PyPI MyGrad's\n")
    proc = run_python("import mygrad", tmp_path, check=False)
    assert proc.returncode == 1
    assert "ImportError" in proc.stderr and "PyPI's MyGrad" in proc.stderr and "tensor_core.py" in proc.stderr
    assert "pip uninstall" in proc.stderr


def test_mygrad_installed_last_is_detected_by_mygrad_core(tmp_path):
    fake_mygrad(tmp_path)
    proc = run_python("import mygrad\nimport mygrad_core", tmp_path, check=False)
    assert proc.returncode == 1 and "ImportError" in proc.stderr and "PyPI's MyGrad" in proc.stderr


def test_mygrad_installed_last_is_reported_by_the_cli(tmp_path):
    fake_mygrad(tmp_path)
    proc = run_python(CLI, tmp_path, check=False)
    assert proc.returncode == 1
    assert "problem:" in proc.stdout and "PyPI's MyGrad" in proc.stdout and "pip uninstall" in proc.stdout


def test_mygrad_distribution_metadata_alone_is_reported_by_the_cli(tmp_path):
    write_dist(tmp_path, "mygrad", version="2.5.0")  # its metadata remains
    proc = run_python(CLI, tmp_path, check=False)
    assert proc.returncode == 1 and "mygrad 2.5.0" in proc.stdout


def test_no_clash_is_quiet(tmp_path):
    proc = run_python(CLI, tmp_path, check=False)
    assert proc.returncode == 0 and "problem" not in proc.stdout
