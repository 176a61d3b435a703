"""``python -m mygrad demo``: a small network learns to separate two interleaved spirals.

The demo uses the standard plugins the way a user would: ``mg.random`` makes the data,
``mg.nnet``'s initializers draw the weights, the forward pass is ``@`` (linalg) and
``mg.nnet.activations.tanh``, the loss ``mg.nnet.softmax_crossentropy`` over the two
classes, and back-propagation gives the gradients for plain SGD with momentum.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any, Dict, List, Optional, TextIO, Tuple

import numpy as np

from ._common import (
    Progress,
    missing_distributions,
    plot_history,
    report_files,
    report_missing,
    save_graph,
    save_weights,
    seeded_params,
    write_history,
)

__all__ = ["main", "two_spirals", "init_params", "forward", "accuracy", "SEED"]

SEED = 0
POINTS_PER_CLASS = 250
HIDDEN = 32
LEARNING_RATE = 0.1
MOMENTUM = 0.9
DEFAULT_SECONDS = 5.0
MIN_STEPS = 1500  # trained even on a slow machine, so the result does not depend on its speed
MAX_STEPS = 20000

# what the demo uses, by the distribution that provides it
REQUIRED = {
    "mygrad-math": ("sqrt", "sin", "cos"),
    "mygrad-linalg": ("matmul",),
    "mygrad-random": ("random",),
    "mygrad-nnet": ("nnet.initializers.glorot_normal", "nnet.activations.tanh", "nnet.softmax_crossentropy"),
    "mygrad-io": ("save",),
}


def two_spirals(mg: Any, rng: Any, n: int = POINTS_PER_CLASS) -> Tuple[Any, np.ndarray]:
    """Two interleaved spirals of two turns each: inputs (2n, 2) and classes (2n,) in {0, 1}."""
    turns = 2.0
    # sqrt of a uniform draw spreads the points evenly along the arms
    theta = mg.sqrt(rng.random(n, constant=True)) * (turns * 2 * np.pi)
    radius = theta / (turns * 2 * np.pi)
    arm = mg.stack([radius * mg.cos(theta), radius * mg.sin(theta)], axis=1)
    noise = rng.normal(0.0, 0.02, size=(2 * n, 2), constant=True)
    x = mg.concatenate([arm, -arm]) * 2.0 + noise
    y = np.repeat(np.arange(2), n)
    return mg.tensor(x, constant=True), y


def init_params(mg: Any) -> Dict[str, Any]:
    """A 2-H-H-2 MLP: Glorot-normal weights (drawn from NumPy's generator, seeded by the
    caller), zero biases."""
    init = mg.nnet.initializers
    sizes = [(2, HIDDEN), (HIDDEN, HIDDEN), (HIDDEN, 2)]
    params = {}
    for i, (fan_in, fan_out) in enumerate(sizes, start=1):
        params[f"w{i}"] = init.glorot_normal(fan_in, fan_out, dtype=np.float64)
        params[f"b{i}"] = init.constant(1, fan_out, value=0.0, dtype=np.float64)
    return params


def forward(mg: Any, params: Dict[str, Any], x: Any, y: np.ndarray) -> Dict[str, Any]:
    """The network and its loss; returns every intermediate tensor by name."""
    tanh = mg.nnet.activations.tanh
    h1 = tanh(x @ params["w1"] + params["b1"])
    h2 = tanh(h1 @ params["w2"] + params["b2"])
    scores = h2 @ params["w3"] + params["b3"]
    loss = mg.nnet.softmax_crossentropy(scores, y)
    return {"x": x, "h1": h1, "h2": h2, "scores": scores, "loss": loss, **params}


def accuracy(scores: Any, y: np.ndarray) -> float:
    return float(np.mean(np.argmax(scores.data, axis=1) == y))


def main(outdir: str = ".", seconds: Optional[float] = None, out: TextIO = sys.stdout) -> int:
    """Run the spiral demo.

    Parameters
    ----------
    outdir : str
        Where to write the weights, ``history.csv``, ``history.png`` and the graph.
    seconds : Optional[float]
        The training time budget (default ``DEFAULT_SECONDS``); at least ``MIN_STEPS``
        and at most ``MAX_STEPS`` steps are trained whatever it is.
    out : TextIO
        Where the progress and the report go.

    Returns
    -------
    int
        The process exit code: 0, or 2 when a plugin the demo needs is missing.
    """
    import mygrad as mg

    missing = missing_distributions(mg, REQUIRED)
    if missing:
        return report_missing(missing)
    budget = DEFAULT_SECONDS if seconds is None else float(seconds)
    outdir = os.path.abspath(outdir)
    os.makedirs(outdir, exist_ok=True)

    rng = mg.random.default_rng(SEED)
    x, y = two_spirals(mg, rng)
    params = seeded_params(init_params, mg, SEED)
    velocity = {k: np.zeros_like(p.data) for k, p in params.items()}
    n_params = sum(p.size for p in params.values())
    out.write(
        f"mygrad demo: a 2-{HIDDEN}-{HIDDEN}-2 tanh network ({n_params} parameters) learns to "
        f"separate two spirals ({len(x)} points), SGD with momentum for ~{budget:g} s\n"
    )

    history: List[Tuple[int, float, float]] = []
    graph_path: Optional[str] = None
    progress = Progress(out)
    start = time.perf_counter()
    step = 0
    while True:
        tensors = forward(mg, params, x, y)
        loss = tensors["loss"]
        acc = accuracy(tensors["scores"], y)
        history.append((step, float(loss.data), acc))
        if step == 0:
            graph_path = save_graph(mg, loss, tensors, os.path.join(outdir, "computational_graph.svg"), out)
        elapsed = time.perf_counter() - start
        done = step >= MAX_STEPS or (elapsed >= budget and step >= MIN_STEPS)
        fraction = max(elapsed / budget if budget > 0 else 1.0, step / MAX_STEPS)
        progress.update(elapsed, fraction, step, history[-1][1], acc, final=done)
        if done:
            break
        loss.backward()
        for name, p in params.items():
            v = velocity[name]
            v *= MOMENTUM
            v -= LEARNING_RATE * p.grad
            p.data += v
        step += 1
    elapsed = time.perf_counter() - start
    progress.close()

    initial_loss, final_loss = history[0][1], history[-1][1]
    out.write(f"  steps: {step} in {elapsed:.1f} s ({step / max(elapsed, 1e-9):.0f} steps/s)\n")
    out.write(f"  initial loss: {initial_loss:.4f}\n")
    out.write(f"  final loss: {final_loss:.4f} ({100 * final_loss / initial_loss:.1f}% of the initial loss)\n")
    out.write(f"  training accuracy: {100 * history[-1][2]:.1f}%\n")
    save_weights(mg, params, outdir, out)
    report_files(
        {
            "computational graph of one training step": graph_path,
            "history (step, loss, accuracy)": write_history(history, os.path.join(outdir, "history.csv")),
            "loss and accuracy curves": plot_history(history, os.path.join(outdir, "history.png"), "mygrad demo: two spirals", out),
        },
        out,
    )
    return 0
