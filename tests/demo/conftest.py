"""Running ``python -m mygrad demo`` in a subprocess, and reading what it wrote.

The helpers reach the tests as fixtures (``kit``, ``run_demo``): every test folder has a
conftest, so importing one by name would be ambiguous."""

from __future__ import annotations

import csv
import importlib.util
import os
import subprocess
import sys
import types

import numpy as np
import pytest

NEEDED = {
    "mygrad-math": "mygrad_math",
    "mygrad-linalg": "mygrad_linalg",
    "mygrad-random": "mygrad_random",
    "mygrad-io": "mygrad_io",
    "mygrad-nnet": "mygrad_nnet",
}
MISSING = [dist for dist, pkg in NEEDED.items() if importlib.util.find_spec(pkg) is None]
HAS_MATPLOTLIB = importlib.util.find_spec("matplotlib") is not None


def run_demo(cwd, *args, env=None, timeout=120):
    result = subprocess.run(
        [sys.executable, "-m", "mygrad", "demo", *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        timeout=timeout,
    )
    # decoded by hand: text mode would turn the progress bar's carriage returns into newlines
    result.stdout = result.stdout.decode()
    result.stderr = result.stderr.decode()
    return result


def read_history(path):
    """history.csv as (steps, losses, accuracies) arrays."""
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["step", "loss", "accuracy"]
    data = np.array(rows[1:], dtype=float)
    return data[:, 0].astype(int), data[:, 1], data[:, 2]


def assert_learned(path):
    """The history counts its steps from 0, and the mean loss of its last 10% of steps is
    below half that of its first 10%."""
    steps, loss, acc = read_history(path)
    assert (steps == np.arange(len(steps))).all()
    assert ((acc >= 0) & (acc <= 1)).all() and np.isfinite(loss).all()
    tenth = max(1, len(steps) // 10)
    first, last = loss[:tenth].mean(), loss[-tenth:].mean()
    assert last < first / 2, (first, last)
    return steps, loss, acc


def assert_plot(out, outdir):
    png = outdir / "history.png"
    if HAS_MATPLOTLIB:
        assert f"loss and accuracy curves -> {png}" in out
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    else:
        assert "plot: skipped (matplotlib is not installed" in out and not png.exists()


@pytest.fixture(name="run_demo")
def _run_demo_fixture():
    return run_demo


@pytest.fixture
def kit():
    """The helpers, for a test that needs the demo's plugins installed (skipped otherwise)."""
    if MISSING:
        pytest.skip(f"the demo needs {', '.join(MISSING)} installed")
    return types.SimpleNamespace(
        run=run_demo, read_history=read_history, assert_learned=assert_learned, assert_plot=assert_plot
    )
