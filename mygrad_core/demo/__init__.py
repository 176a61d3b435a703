"""``python -m mygrad demo [spiral|conv]``: train a small network with the standard plugins.

- ``spiral`` (the default, :mod:`mygrad_core.demo.spiral`): a tanh MLP separates two
  interleaved spirals.
- ``conv`` (:mod:`mygrad_core.demo.conv`): a convnet (``conv_nd``, ``batchnorm``,
  ``relu``, ``max_pool``, dense) tells noisy pictures of shapes apart and reports its
  accuracy on held-out pictures.

Each shows its progress, saves the trained weights with mygrad-io (``mg.save``), draws
the computational graph of one training step when mygrad-graphviz and Graphviz's ``dot``
are installed, and writes ``history.csv`` (step, loss, accuracy) and, when matplotlib is
installed (mygrad-core's ``demo`` extra), a plot of those curves to ``history.png``.
The demos import the facade ``mygrad`` inside their functions, never a plugin package.
"""

from __future__ import annotations

import sys
from typing import Optional, TextIO

from ._common import DRAW_EVERY, LOG_EVERY, Progress
from .spiral import SEED, two_spirals

__all__ = ["TASKS", "main", "Progress", "LOG_EVERY", "DRAW_EVERY", "SEED", "two_spirals"]

TASKS = ("spiral", "conv")


def main(task: str = "spiral", outdir: str = ".", seconds: Optional[float] = None, out: TextIO = sys.stdout) -> int:
    """Run the demo ``task`` (one of ``TASKS``); returns the process exit code."""
    if task == "spiral":
        from . import spiral

        return spiral.main(outdir=outdir, seconds=seconds, out=out)
    if task == "conv":
        from . import conv

        return conv.main(outdir=outdir, seconds=seconds, out=out)
    raise ValueError(f"mygrad_core.demo.main: `task` must be one of {TASKS}, got {task!r}")
