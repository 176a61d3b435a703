"""``python -m mygrad demo conv``: a small convnet learns to tell shapes apart.

The images are drawn by the demo itself (nothing is downloaded): 12x12 pictures of
five shape classes (a hollow square, a ring, a disc, a plus and an X), each at a random
position, size, thickness and brightness, under Gaussian noise. The network is one
convolutional block and a dense layer written with ``mygrad.nnet``::

    conv_nd 3x3 (8 filters, padding 1) -> batchnorm -> relu -> max_pool 2x2 -> dense -> softmax

trained with Adam on mini-batches and ``softmax_crossentropy``, then scored on images
it never saw. The whole batch goes through ``conv_nd`` at once, as (N, C, H, W).
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

__all__ = ["main", "shapes", "init_params", "forward", "accuracy", "held_out_accuracy", "Adam", "CLASSES", "SEED"]

SEED = 0
SIZE = 12  # pixels per side
CLASSES = ("square", "ring", "disc", "plus", "x")
HELD_OUT_IMAGES = 1000
NOISE = 0.3  # standard deviation of the pixel noise (the shapes' brightness is 0.7 to 1.2)
FILTERS = 16
BATCH = 64
LEARNING_RATE = 0.01
BETAS = (0.9, 0.999)
EPS = 1e-5  # batchnorm's
MOMENTUM = 0.9  # of the running statistics that batchnorm uses on held-out images
DEFAULT_SECONDS = 20.0
MIN_STEPS = 300  # trained even on a slow machine, so the result does not depend on its speed
MAX_STEPS = 3000

REQUIRED = {
    "mygrad-nnet": ("nnet.conv_nd", "nnet.batchnorm", "nnet.max_pool", "nnet.relu", "nnet.softmax_crossentropy", "nnet.initializers.he_normal"),
    "mygrad-linalg": ("matmul",),
    "mygrad-math": ("sqrt",),
    "mygrad-io": ("save",),
}


def shapes(n: int, rng: np.random.Generator) -> Tuple[np.ndarray, np.ndarray]:
    """``n`` noisy pictures of the ``CLASSES`` and their classes.

    Every picture is drawn from distances to its own jittered centre, all at once: the
    classes are balanced and shuffled.

    Parameters
    ----------
    n : int
        How many pictures.
    rng : numpy.random.Generator
        The source of the positions, sizes, thicknesses, brightnesses and noise.

    Returns
    -------
    Tuple[numpy.ndarray, numpy.ndarray]
        The pictures, shape (n, 1, SIZE, SIZE) float32, and their classes, shape (n,) int64.
    """
    labels = rng.permutation(np.arange(n) % len(CLASSES))
    mid = (SIZE - 1) / 2
    cy, cx, radius, half_width, brightness = (
        a[:, None, None]
        for a in (
            mid + rng.uniform(-2.0, 2.0, n),
            mid + rng.uniform(-2.0, 2.0, n),
            rng.uniform(2.5, 3.8, n),
            rng.uniform(0.45, 0.8, n),
            rng.uniform(0.7, 1.2, n),
        )
    )
    yy, xx = np.mgrid[0:SIZE, 0:SIZE].astype(np.float64)
    dy, dx = np.abs(yy - cy), np.abs(xx - cx)
    inside = np.maximum(dy, dx) <= radius + half_width
    drawn = {
        "square": np.abs(np.maximum(dy, dx) - radius) <= half_width,
        "ring": np.abs(np.hypot(dy, dx) - radius) <= half_width,
        "disc": np.hypot(dy, dx) <= radius,
        "plus": ((dy <= half_width) | (dx <= half_width)) & inside,
        "x": (np.abs(dy - dx) <= half_width * np.sqrt(2)) & inside,
    }
    images = np.zeros((n, SIZE, SIZE))
    for k, name in enumerate(CLASSES):
        mask = labels == k
        images[mask] = drawn[name][mask]
    images = images * brightness + rng.normal(0.0, NOISE, images.shape)
    return images[:, None].astype(np.float32), labels.astype(np.int64)


def init_params(mg: Any) -> Dict[str, Any]:
    """He-normal filters and dense weights (seeded by the caller), batchnorm's gamma = 1, beta = 0."""
    init = mg.nnet.initializers
    pooled = FILTERS * (SIZE // 2) ** 2
    return {
        "conv_w": init.he_normal(FILTERS, 1, 3, 3, gain=np.sqrt(2)),
        "bn_gamma": init.constant(FILTERS, value=1.0),
        "bn_beta": init.constant(FILTERS, value=0.0),
        # he_normal reads (out, in): drawn so, used transposed
        "dense_w": mg.tensor(init.he_normal(len(CLASSES), pooled).data.T.copy()),
        "dense_b": init.constant(len(CLASSES), value=0.0),
    }


def forward(mg: Any, params: Dict[str, Any], x: Any, stats: Optional[Tuple[np.ndarray, np.ndarray]] = None) -> Dict[str, Any]:
    """The network's scores for the batch ``x``; every intermediate tensor by name.

    Training normalizes with the batch's own statistics (``mg.nnet.batchnorm``); held-out
    images use the running ``stats`` (mean, var) gathered during training instead.
    """
    nn = mg.nnet
    conv = nn.conv_nd(x, params["conv_w"], stride=1, padding=1)
    if stats is None:
        normed = nn.batchnorm(conv, gamma=params["bn_gamma"], beta=params["bn_beta"], eps=EPS)
    else:
        mean, var = (s.reshape(1, -1, 1, 1) for s in stats)
        gamma, beta = (params[k].reshape(1, -1, 1, 1) for k in ("bn_gamma", "bn_beta"))
        normed = (conv - mean) / np.sqrt(var + EPS) * gamma + beta
    act = nn.relu(normed)
    pooled = nn.max_pool(act, (2, 2), 2)
    flat = pooled.reshape(len(pooled), -1)
    scores = flat @ params["dense_w"] + params["dense_b"]
    return {"x": x, "conv": conv, "normed": normed, "act": act, "pooled": pooled, "flat": flat, "scores": scores, **params}


def accuracy(scores: Any, labels: np.ndarray) -> float:
    return float(np.mean(np.argmax(scores.data, axis=1) == labels))


def held_out_accuracy(mg: Any, params: Dict[str, Any], stats: Tuple[np.ndarray, np.ndarray], x: np.ndarray, y: np.ndarray) -> float:
    with mg.no_autodiff:
        return accuracy(forward(mg, params, x, stats)["scores"], y)


class Adam:
    """Adam on the tensors' ``.data``, from their ``.grad``."""

    def __init__(self, params: Dict[str, Any], lr: float = LEARNING_RATE, betas: Tuple[float, float] = BETAS) -> None:
        self.params, self.lr, self.betas = params, lr, betas
        self.m = {k: np.zeros_like(p.data) for k, p in params.items()}
        self.v = {k: np.zeros_like(p.data) for k, p in params.items()}
        self.t = 0

    def step(self) -> None:
        self.t += 1
        b1, b2 = self.betas
        scale = self.lr * np.sqrt(1 - b2**self.t) / (1 - b1**self.t)
        for k, p in self.params.items():
            g = p.grad
            m, v = self.m[k], self.v[k]
            m *= b1
            m += (1 - b1) * g
            v *= b2
            v += (1 - b2) * g * g
            p.data -= (scale * m / (np.sqrt(v) + 1e-8)).astype(p.dtype, copy=False)


def main(outdir: str = ".", seconds: Optional[float] = None, out: TextIO = sys.stdout) -> int:
    """Run the conv demo.

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

    rng = np.random.default_rng(SEED)
    test_x, test_y = shapes(HELD_OUT_IMAGES, rng)
    params = seeded_params(init_params, mg, SEED)
    n_params = sum(p.size for p in params.values())
    out.write(
        f"mygrad demo conv: a convnet ({n_params} parameters: conv_nd 3x3x{FILTERS}, batchnorm, relu, "
        f"max_pool 2x2, dense) learns {len(CLASSES)} shapes ({', '.join(CLASSES)}) in noisy "
        f"{SIZE}x{SIZE} images it draws itself, a new batch of {BATCH} every step (Adam) for ~{budget:g} s, "
        f"then {HELD_OUT_IMAGES} held-out images\n"
    )

    optimizer = Adam(params)
    run_mean = np.zeros(FILTERS)
    run_var = np.ones(FILTERS)
    history: List[Tuple[int, float, float]] = []
    graph_path: Optional[str] = None
    progress = Progress(out)
    start = time.perf_counter()
    step = 0
    while True:
        # a fresh batch every step: the network never sees the same picture twice
        images, y = shapes(BATCH, rng)
        x = mg.tensor(images, constant=True)
        tensors = forward(mg, params, x)
        loss = mg.nnet.softmax_crossentropy(tensors["scores"], y)
        tensors["loss"] = loss
        history.append((step, float(loss.data), accuracy(tensors["scores"], y)))
        if step == 0:
            graph_path = save_graph(mg, loss, tensors, os.path.join(outdir, "computational_graph.svg"), out)
        conv = tensors["conv"].data
        run_mean = MOMENTUM * run_mean + (1 - MOMENTUM) * conv.mean(axis=(0, 2, 3))
        run_var = MOMENTUM * run_var + (1 - MOMENTUM) * conv.var(axis=(0, 2, 3))
        elapsed = time.perf_counter() - start
        done = step + 1 >= MAX_STEPS or (elapsed >= budget and step + 1 >= MIN_STEPS)
        fraction = max(elapsed / budget if budget > 0 else 1.0, (step + 1) / MAX_STEPS)
        progress.update(elapsed, fraction, step, *history[-1][1:], final=done)
        loss.backward()
        optimizer.step()
        if done:
            break
        step += 1
    elapsed = time.perf_counter() - start
    progress.close()
    steps = step + 1
    stats = (run_mean, run_var)
    held_out = held_out_accuracy(mg, params, stats, test_x, test_y)

    out.write(f"  steps: {steps} ({steps * BATCH} images) in {elapsed:.1f} s ({steps / max(elapsed, 1e-9):.0f} steps/s)\n")
    first, last = history[0][1], float(np.mean([h[1] for h in history[-max(1, steps // 10) :]]))
    out.write(f"  loss: {first:.4f} at the start, {last:.4f} over the last 10% of steps\n")
    weights = {**params, "bn_mean": mg.tensor(run_mean, constant=True), "bn_var": mg.tensor(run_var, constant=True)}
    save_weights(mg, weights, outdir, out)
    rows = history
    report_files(
        {
            "computational graph of one training step": graph_path,
            "history (step, loss, accuracy)": write_history(rows, os.path.join(outdir, "history.csv")),
            "loss and accuracy curves": plot_history(rows, os.path.join(outdir, "history.png"), "mygrad demo conv: a convnet on noisy shapes", out, smooth=True),
        },
        out,
    )
    out.write(f"held-out accuracy: {100 * held_out:.1f}%\n")
    return 0
