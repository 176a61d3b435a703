"""``python -m mygrad demo``: the spiral network trains to >= 95%, halves its loss and
writes its files."""

import importlib.util
import re
import shutil
import time

import numpy as np

from mygrad_core import demo
from mygrad_core.demo import spiral

WEIGHTS = {"w1": (2, 32), "b1": (1, 32), "w2": (32, 32), "b2": (1, 32), "w3": (32, 2), "b3": (1, 2)}


def test_spiral_trains_and_writes_its_files(tmp_path, kit):
    outdir = tmp_path / "out"
    start = time.perf_counter()
    result = kit.run(tmp_path, "--outdir", str(outdir), "--seconds", "2")
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert elapsed < 30, f"the demo took {elapsed:.1f} s"
    assert out.startswith("mygrad demo: a 2-32-32-2 tanh network")

    # stdout is a pipe, not a terminal: plain progress lines, no bar redrawn with \r
    assert "\r" not in out
    lines = re.findall(r"(?m)^  training +(\d+)%  step +(\d+)  loss [0-9.]+  accuracy +[0-9.]+%$", out)
    assert lines[0][1] == "0" and lines[-1][0] == "100"
    assert 2 <= len(lines) <= 2 + 2 / demo.LOG_EVERY + 1  # the first, one every few seconds, the last
    initial = float(re.search(r"initial loss: ([0-9.]+)", out).group(1))
    final = float(re.search(r"final loss: ([0-9.]+)", out).group(1))
    acc = float(re.search(r"training accuracy: ([0-9.]+)%", out).group(1))
    assert acc >= 95.0, out
    assert final <= initial / 2, out

    steps, loss, accuracy = kit.assert_learned(outdir / "history.csv")
    assert f"history (step, loss, accuracy) -> {outdir / 'history.csv'}" in out
    # one row per forward pass: the steps trained, and the final state
    assert len(steps) == int(re.search(r"steps: (\d+) in", out).group(1)) + 1
    # the printed figures are the history's, rounded
    assert round(loss[0], 4) == initial and round(loss[-1], 4) == final
    assert round(100 * accuracy[-1], 1) == acc
    kit.assert_plot(out, outdir)

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
        assert "SoftmaxCrossEntropy" in text
    else:
        assert not svg.exists() and "graph: skipped" in out
    assert not [p for p in tmp_path.iterdir() if p.name != "out"]  # nothing written to the cwd


def test_spiral_accuracy_from_the_saved_weights(tmp_path, kit):
    """Reload the saved weights and check the accuracy independently (graphviz disabled)."""
    import mygrad as mg

    outdir = tmp_path / "out"
    # without mygrad-graphviz the demo still runs and says how to get the graph
    result = kit.run(tmp_path, "--outdir", str(outdir), "--seconds", "0", env={"MYGRAD_DISABLE_PLUGINS": "graphviz"})
    assert result.returncode == 0, result.stderr
    assert "graph: skipped (install mygrad-graphviz" in result.stdout
    assert not (outdir / "computational_graph.svg").exists()
    x, y = spiral.two_spirals(mg, mg.random.default_rng(spiral.SEED))
    assert x.shape == (500, 2) and (np.bincount(y) == 250).all()
    w = {name: mg.load(outdir / f"{name}.npz").data for name in WEIGHTS}
    h = np.tanh(x.data @ w["w1"] + w["b1"])
    h = np.tanh(h @ w["w2"] + w["b2"])
    scores = h @ w["w3"] + w["b3"]
    assert np.mean(np.argmax(scores, axis=1) == y) >= 0.95


def test_the_spiral_demo_names_the_missing_distribution(tmp_path, run_demo):
    for disabled, dist in (("io", "mygrad-io"), ("nnet", "mygrad-nnet")):
        result = run_demo(tmp_path, "--outdir", str(tmp_path / "out"), env={"MYGRAD_DISABLE_PLUGINS": disabled})
        assert result.returncode == 2
        assert dist in result.stderr and "pip install" in result.stderr
        assert f"./plugins/{dist}" in result.stderr
        assert not (tmp_path / "out").exists()


def test_an_unknown_task_is_refused(tmp_path, run_demo):
    result = run_demo(tmp_path, "mnist")
    assert result.returncode == 2
    assert "invalid choice: 'mnist'" in result.stderr and "'spiral', 'conv'" in result.stderr
