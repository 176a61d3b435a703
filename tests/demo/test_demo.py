"""``python -m mygrad demo``: trains to >= 95% accuracy, halves the loss and writes its files."""

import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
import time

import numpy as np
import pytest

from mygrad_core import demo

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

    # stdout is a pipe, not a terminal: plain progress lines, no bar redrawn with \r
    assert "\r" not in out
    lines = re.findall(r"(?m)^  training +(\d+)%  step +(\d+)  loss [0-9.]+  accuracy +[0-9.]+%$", out)
    assert lines[0][1] == "0" and lines[-1][0] == "100"
    assert 2 <= len(lines) <= 2 + 3 / demo.LOG_EVERY + 1  # the first, one every few seconds, the last
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


class _Stream(io.StringIO):
    def __init__(self, terminal):
        super().__init__()
        self.terminal = terminal

    def isatty(self):
        return self.terminal


def _feed(progress, times):
    for i, t in enumerate(times):
        progress.update(t, t / times[-1], i, 1.0 / (i + 1), 0.5, final=i == len(times) - 1)
    progress.close()


def test_progress_on_a_terminal_redraws_one_bar():
    out = _Stream(terminal=True)
    _feed(demo.Progress(out), [0.0, 0.05, 0.2, 0.25, 0.4, 1.0])
    text = out.getvalue()
    # redrawn at most every DRAW_EVERY seconds, plus the last state; one line in the end
    assert text.count("\r  training [") == 4
    assert text.endswith("100%  step     5  loss 0.1667  accuracy  50.0%\n")
    assert text.count("\n") == 1


def test_progress_in_a_log_prints_a_line_every_few_seconds():
    out = _Stream(terminal=False)
    every = demo.LOG_EVERY
    times = [0.0, 0.1, every / 2, every + 0.1, every + 1.0, 2 * every + 0.2, 2 * every + 0.3]
    _feed(demo.Progress(out), times)
    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue()
    assert [line.split("step")[1].split()[0] for line in lines] == ["0", "3", "5", "6"]
    assert all(line.startswith("  training ") for line in lines)


def test_progress_without_isatty_is_a_log():
    assert demo.Progress(io.StringIO()).terminal is False
    closed = io.StringIO()
    closed.close()
    assert demo.Progress(closed).terminal is False
