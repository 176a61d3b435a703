"""What both demos share: the plugin check, the progress display, and writing the
weights, the graph of one step, ``history.csv`` and the plot of the curves."""

from __future__ import annotations

import csv
import os
import shutil
import sys
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, TextIO, Tuple

import numpy as np

__all__ = [
    "LOG_EVERY",
    "DRAW_EVERY",
    "PLOT_HINT",
    "Progress",
    "missing_distributions",
    "report_missing",
    "seeded_params",
    "save_graph",
    "save_weights",
    "write_history",
    "plot_history",
    "report_files",
]

LOG_EVERY = 3.0  # seconds between progress lines when the output is a log, not a terminal
DRAW_EVERY = 0.1  # seconds between redraws of the bar on a terminal

# how to get the optional plot: the `demo` extra of mygrad-core
PLOT_HINT = "python -m pip install matplotlib, or install mygrad-core with its `demo` extra: python -m pip install '.[demo]'"


def missing_distributions(mg: Any, required: Mapping[str, Iterable[str]]) -> List[str]:
    """The plugin distributions whose names (``{distribution: names}``) the facade lacks."""
    missing = []
    for dist, names in required.items():
        for name in names:
            try:
                obj = mg
                for part in name.split("."):
                    obj = getattr(obj, part)
            except AttributeError:  # MissingPluginError is an AttributeError
                missing.append(dist)
                break
    return missing


def seeded_params(init_params: Callable[[Any], Dict[str, Any]], mg: Any, seed: int) -> Dict[str, Any]:
    """``init_params(mg)`` with NumPy's global generator seeded, then put back as it was.

    mygrad.nnet's initializers draw from the global generator, as MyGrad's do: seeded
    for a reproducible run, without changing the caller's stream.
    """
    saved_state = np.random.get_state()
    np.random.seed(seed)
    try:
        return init_params(mg)
    finally:
        np.random.set_state(saved_state)


def report_missing(missing: Sequence[str]) -> int:
    """Say which distributions to install; the exit code of a demo that cannot run."""
    paths = " ".join(f"./plugins/{d}" for d in missing)
    sys.stderr.write(
        "mygrad demo: this demo needs the plugin distribution(s) "
        f"{', '.join(missing)}, which are not installed (or failed to load).\n"
        f"Install them from the repository root: python -m pip install {paths}\n"
        "(`python -m mygrad plugins` lists what is loaded)\n"
    )
    return 2


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


def save_graph(mg: Any, loss: Any, names: Mapping[str, Any], path: str, out: TextIO) -> Optional[str]:
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
        cg.build_graph(loss, names=dict(names), dims=True, save=path, format="svg", render=False)
    except Exception as e:  # drawing is a bonus: never fail the demo for it
        out.write(f"  graph: skipped ({type(e).__name__}: {e})\n")
        return None
    return path


def save_weights(mg: Any, params: Mapping[str, Any], outdir: str, out: TextIO) -> Dict[str, str]:
    """``mg.save`` each tensor to ``outdir/<name>.npz``; returns {name: path}."""
    paths = {}
    for name, p in params.items():
        path = os.path.join(outdir, f"{name}.npz")
        mg.save(path, p)
        out.write(f"  saved {name} {p.shape} -> {path}\n")
        paths[name] = path
    return paths


def write_history(rows: Sequence[Tuple[int, float, float]], path: str) -> str:
    """``history.csv``: one row per training step: step, loss, accuracy (a fraction)."""
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["step", "loss", "accuracy"])
        for step, loss, acc in rows:
            w.writerow([step, f"{loss:.6g}", f"{acc:.6g}"])
    return path


def plot_history(
    rows: Sequence[Tuple[int, float, float]], path: str, title: str, out: TextIO, smooth: bool = False
) -> Optional[str]:
    """The loss and accuracy curves to a PNG, when matplotlib is installed; ``smooth``
    adds their running mean (for mini-batch curves)."""
    try:
        # the object API with the Agg canvas: no pyplot, no GUI backend, no global state
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        out.write(f"  plot: skipped (matplotlib is not installed; to get the plot: {PLOT_HINT})\n")
        return None
    data = np.asarray(rows, dtype=float).reshape(-1, 3)
    steps, loss, acc = data[:, 0], data[:, 1], 100 * data[:, 2]
    fig = Figure(figsize=(9, 3.6), layout="constrained")
    FigureCanvasAgg(fig)
    ax_loss, ax_acc = fig.subplots(1, 2)
    for ax, values, color in ((ax_loss, loss, "tab:blue"), (ax_acc, acc, "tab:green")):
        # mini-batch curves are noisy: the raw values faint, their running mean on top
        window = len(values) // 50 if smooth else 1
        if window > 1:
            ax.plot(steps, values, lw=0.6, color=color, alpha=0.3)
            running = np.convolve(values, np.ones(window) / window, mode="valid")
            ax.plot(steps[window - 1 :], running, lw=1.2, color=color, label=f"mean of {window} steps")
            ax.legend(loc="best", fontsize="small")
        else:
            ax.plot(steps, values, lw=1.0, color=color)
        ax.grid(alpha=0.3)
    ax_loss.set(xlabel="step", ylabel="loss", title="loss", yscale="log")
    ax_acc.set(xlabel="step", ylabel="accuracy (%)", title="accuracy", ylim=(0, 100.5))
    fig.suptitle(title)
    fig.savefig(path, dpi=100)
    return path


def report_files(paths: Mapping[str, Optional[str]], out: TextIO) -> None:
    """The last lines about files: what each written file holds, and where it went."""
    for what, path in paths.items():
        if path is not None:
            out.write(f"  {what} -> {path}\n")
