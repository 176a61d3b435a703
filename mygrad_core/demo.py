"""``python -m mygrad demo``: train a small network on two interleaved spirals.

The demo uses the standard plugins the way a user would: ``mg.random`` makes the data
and the initial weights, the math and linalg plugins give the forward pass (``@``,
``mg.tanh``, a logistic loss written with ``mg.exp``/``mg.log``/``mg.maximum``) and
back-propagation gives the gradients for plain SGD with momentum; ``mg.save`` writes
the trained weights and, when mygrad-graphviz and Graphviz's ``dot`` are installed,
``mg.computational_graph.build_graph`` draws one training step.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from typing import Any, Dict, List, Optional, TextIO, Tuple

import numpy as np

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
    "mygrad-math": ("exp", "log", "tanh", "mean", "maximum", "abs", "sqrt", "sin", "cos"),
    "mygrad-linalg": ("matmul",),
    "mygrad-random": ("random",),
    "mygrad-io": ("save",),
}


def _missing_distributions(mg: Any) -> List[str]:
    missing = []
    for dist, names in REQUIRED.items():
        for name in names:
            try:
                getattr(mg, name)
            except AttributeError:  # MissingPluginError is an AttributeError
                missing.append(dist)
                break
    return missing


def two_spirals(mg: Any, rng: Any, n: int = POINTS_PER_CLASS) -> Tuple[Any, Any]:
    """Two interleaved spirals of two turns each: inputs (2n, 2) and labels (2n, 1) in {-1, 1}."""
    turns = 2.0
    # sqrt of a uniform draw spreads the points evenly along the arms
    theta = mg.sqrt(rng.random(n, constant=True)) * (turns * 2 * np.pi)
    radius = theta / (turns * 2 * np.pi)
    arm = mg.stack([radius * mg.cos(theta), radius * mg.sin(theta)], axis=1)
    noise = rng.normal(0.0, 0.02, size=(2 * n, 2), constant=True)
    x = mg.concatenate([arm, -arm]) * 2.0 + noise
    y = mg.concatenate([mg.ones((n, 1)), -mg.ones((n, 1))])
    return mg.tensor(x, constant=True), mg.tensor(y, constant=True)


def init_params(mg: Any, rng: Any) -> Dict[str, Any]:
    """A 2-H-H-1 MLP, weights drawn with variance 1/fan-in."""
    sizes = [(2, HIDDEN), (HIDDEN, HIDDEN), (HIDDEN, 1)]
    params = {}
    for i, (fan_in, fan_out) in enumerate(sizes, start=1):
        params[f"w{i}"] = rng.normal(0.0, np.sqrt(1.0 / fan_in), size=(fan_in, fan_out))
        params[f"b{i}"] = mg.zeros((1, fan_out), dtype=np.float64)
    return params


def forward(mg: Any, params: Dict[str, Any], x: Any, y: Any) -> Dict[str, Any]:
    """The network and its loss; returns every intermediate tensor by name."""
    h1 = mg.tanh(x @ params["w1"] + params["b1"])
    h2 = mg.tanh(h1 @ params["w2"] + params["b2"])
    logits = h2 @ params["w3"] + params["b3"]
    margin = y * logits
    # logistic loss log(1 + exp(-m)), written to be stable for large |m|
    loss = mg.mean(mg.maximum(-margin, 0.0) + mg.log(1.0 + mg.exp(-mg.abs(margin))))
    return {"x": x, "y": y, "h1": h1, "h2": h2, "logits": logits, "margin": margin, "loss": loss, **params}


def accuracy(logits: Any, y: Any) -> float:
    return float(np.mean((logits.data > 0) == (y.data > 0)))


LOG_EVERY = 3.0  # seconds between progress lines when the output is a log, not a terminal
DRAW_EVERY = 0.1  # seconds between redraws of the bar on a terminal


def _is_terminal(out: TextIO) -> bool:
    try:
        return bool(out.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


class Progress:
    """Training progress: a bar redrawn in place on a terminal; in a log (a file, a pipe,
    CI's output) a plain line every ``LOG_EVERY`` seconds, so the log stays readable."""

    def __init__(self, out: TextIO, terminal: Optional[bool] = None) -> None:
        self.out = out
        self.terminal = _is_terminal(out) if terminal is None else terminal
        self.every = DRAW_EVERY if self.terminal else LOG_EVERY
        self.last: Optional[float] = None

    def update(self, elapsed: float, fraction: float, step: int, loss: float, acc: float, final: bool = False) -> None:
        if not final and self.last is not None and elapsed - self.last < self.every:
            return
        self.last = elapsed
        percent = 100 * min(fraction, 1.0)
        stats = f"step {step:5d}  loss {loss:.4f}  accuracy {100 * acc:5.1f}%"
        if self.terminal:
            width = 24
            filled = int(round(width * min(fraction, 1.0)))
            bar = "#" * filled + "." * (width - filled)
            self.out.write(f"\r  training [{bar}] {percent:3.0f}%  {stats}")
        else:
            self.out.write(f"  training {percent:3.0f}%  {stats}\n")
        self.out.flush()

    def close(self) -> None:
        if self.terminal:
            self.out.write("\n")


def _save_graph(mg: Any, tensors: Dict[str, Any], path: str, out: TextIO) -> Optional[str]:
    """Draw one training step (before its backward pass clears the graph) to an SVG."""
    try:
        cg = mg.computational_graph
    except AttributeError:
        out.write("  graph: skipped (install mygrad-graphviz to draw the computational graph)\n")
        return None
    if shutil.which("dot") is None:
        out.write("  graph: skipped (Graphviz's `dot` is not installed: apt-get install graphviz, or https://graphviz.org)\n")
        return None
    try:
        cg.build_graph(tensors["loss"], names=tensors, dims=True, save=path, format="svg", render=False)
    except Exception as e:  # drawing is a bonus: never fail the demo for it
        out.write(f"  graph: skipped ({type(e).__name__}: {e})\n")
        return None
    return path


def main(outdir: str = ".", seconds: Optional[float] = None, out: TextIO = sys.stdout) -> int:
    """Run the demo; returns the process exit code."""
    import mygrad as mg

    missing = _missing_distributions(mg)
    if missing:
        paths = " ".join(f"./plugins/{d}" for d in missing)
        sys.stderr.write(
            "mygrad demo: this demo needs the plugin distribution(s) "
            f"{', '.join(missing)}, which are not installed (or failed to load).\n"
            f"Install them from the repository root: python -m pip install {paths}\n"
            "(`python -m mygrad plugins` lists what is loaded)\n"
        )
        return 2
    budget = DEFAULT_SECONDS if seconds is None else float(seconds)
    outdir = os.path.abspath(outdir)
    os.makedirs(outdir, exist_ok=True)

    rng = mg.random.default_rng(SEED)
    x, y = two_spirals(mg, rng)
    params = init_params(mg, rng)
    velocity = {k: np.zeros_like(p.data) for k, p in params.items()}
    n_params = sum(p.size for p in params.values())
    out.write(
        f"mygrad demo: a 2-{HIDDEN}-{HIDDEN}-1 tanh network ({n_params} parameters) learns to "
        f"separate two spirals ({len(x)} points), SGD with momentum for ~{budget:g} s\n"
    )

    graph_path: Optional[str] = None
    initial_loss = final_loss = float("nan")
    acc = 0.0
    progress = Progress(out)
    start = time.perf_counter()
    step = 0
    while True:
        tensors = forward(mg, params, x, y)
        loss = tensors["loss"]
        final_loss = float(loss.data)
        acc = accuracy(tensors["logits"], y)
        if step == 0:
            initial_loss = final_loss
            graph_path = _save_graph(mg, tensors, os.path.join(outdir, "computational_graph.svg"), out)
        elapsed = time.perf_counter() - start
        done = step >= MAX_STEPS or (elapsed >= budget and step >= MIN_STEPS)
        fraction = max(elapsed / budget if budget > 0 else 1.0, step / MAX_STEPS)
        progress.update(elapsed, fraction, step, final_loss, acc, final=done)
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

    out.write(f"  steps: {step} in {elapsed:.1f} s ({step / max(elapsed, 1e-9):.0f} steps/s)\n")
    out.write(f"  initial loss: {initial_loss:.4f}\n")
    out.write(f"  final loss: {final_loss:.4f} ({100 * final_loss / initial_loss:.1f}% of the initial loss)\n")
    out.write(f"  training accuracy: {100 * acc:.1f}%\n")
    for name, p in params.items():
        path = os.path.join(outdir, f"{name}.npz")
        mg.save(path, p)
        out.write(f"  saved {name} {p.shape} -> {path}\n")
    if graph_path is not None:
        out.write(f"  computational graph of one training step -> {graph_path}\n")
    return 0
