"""``python -m mygrad demo``: trains to >= 95% accuracy, halves the loss and writes its files."""

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time

import numpy as np
import pytest

NEEDED = {
    "mygrad-math": "mygrad_math",
    "mygrad-linalg": "mygrad_linalg",
    "mygrad-random": "mygrad_random",
    "mygrad-io": "mygrad_io",
}
MISSING = [dist for dist, pkg in NEEDED.items() if importlib.util.find_spec(pkg) is None]
WEIGHTS = {"w1": (2, 32), "b1": (1, 32), "w2": (32, 32), "b2": (1, 32), "w3": (32, 1), "b3": (1, 1)}


def run_demo(tmp_path, *args, env=None):
    result = subprocess.run(
        [sys.executable, "-m", "mygrad", "demo", *args],
        cwd=tmp_path,
        env={**os.environ, **(env or {})},
        capture_output=True,
        timeout=120,
    )
    # decoded by hand: text mode would turn the progress bar's carriage returns into newlines
    result.stdout = result.stdout.decode()
    result.stderr = result.stderr.decode()
    return result


@pytest.mark.skipif(bool(MISSING), reason=f"the demo needs {', '.join(MISSING)} installed")
def test_demo_trains_and_writes_its_files(tmp_path):
    outdir = tmp_path / "out"
    start = time.perf_counter()
    result = run_demo(tmp_path, "--outdir", str(outdir), "--seconds", "3")
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert elapsed < 30, f"the demo took {elapsed:.1f} s"

    assert "\r  training [" in out  # a one-line progress bar redrawn with carriage returns
    initial = float(re.search(r"initial loss: ([0-9.]+)", out).group(1))
    final = float(re.search(r"final loss: ([0-9.]+)", out).group(1))
    acc = float(re.search(r"training accuracy: ([0-9.]+)%", out).group(1))
    assert acc >= 95.0, out
    assert final <= initial / 2, out

    import mygrad as mg

    for name, shape in WEIGHTS.items():
        path = outdir / f"{name}.npz"
        assert f"saved {name} {shape} -> {path}" in out
        w = mg.load(path)
        assert w.shape == shape and w.dtype == np.float64 and not w.constant
        assert np.isfinite(w.data).all()

    svg = outdir / "computational_graph.svg"
    has_graphviz = importlib.util.find_spec("mygrad_graphviz") is not None and shutil.which("dot")
    if has_graphviz:
        assert f"computational graph of one training step -> {svg}" in out
        text = svg.read_text()
        assert "<svg" in text and "MatMul" in text and "Tanh" in text and ">loss<" in text
    else:
        assert not svg.exists() and "graph: skipped" in out
    assert not [p for p in tmp_path.iterdir() if p.name != "out"]  # nothing written to the cwd


@pytest.mark.skipif(bool(MISSING), reason=f"the demo needs {', '.join(MISSING)} installed")
def test_demo_accuracy_from_the_saved_weights(tmp_path):
    """Reload the saved weights and check the accuracy independently (graphviz disabled)."""
    import mygrad as mg

    from mygrad_core import demo

    outdir = tmp_path / "out"
    # without mygrad-graphviz the demo still runs and says how to get the graph
    result = run_demo(tmp_path, "--outdir", str(outdir), "--seconds", "0", env={"MYGRAD_DISABLE_PLUGINS": "graphviz"})
    assert result.returncode == 0, result.stderr
    assert "graph: skipped (install mygrad-graphviz" in result.stdout
    assert not (outdir / "computational_graph.svg").exists()
    x, y = demo.two_spirals(mg, mg.random.default_rng(demo.SEED))
    w = {name: mg.load(outdir / f"{name}.npz").data for name in WEIGHTS}
    h = np.tanh(x.data @ w["w1"] + w["b1"])
    h = np.tanh(h @ w["w2"] + w["b2"])
    logits = h @ w["w3"] + w["b3"]
    assert np.mean((logits > 0) == (y.data > 0)) >= 0.95


def test_demo_names_the_missing_distribution(tmp_path):
    result = run_demo(tmp_path, "--outdir", str(tmp_path / "out"), env={"MYGRAD_DISABLE_PLUGINS": "io"})
    assert result.returncode == 2
    assert "mygrad-io" in result.stderr and "pip install" in result.stderr
    assert "./plugins/mygrad-io" in result.stderr
    assert not (tmp_path / "out").exists()
