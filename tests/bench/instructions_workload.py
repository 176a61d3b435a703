"""Fixed op loops for counting instructions (deterministic, unlike timings on a shared
machine): ``python instructions_workload.py N MODE`` runs N rounds of one loop:

- ``mul``: 50 × ``z = z * y`` (the operator); ``sin``: 50 × ``mg.sin`` (a ufunc call);
  ``pow2``: 50 × ``y ** 2``; ``getitem``: 50 × ``x[1:]``; ``bwd``: 50 × ``*`` then
  ``backward()``;
- ``small``: the ``small_ops`` chain (``* + sin exp **2``, 50 ops) then ``backward()``;
- ``rnn``: 10 steps of the ``rnn_loop`` cell (hidden 32, batch 16) then ``backward()``;
- a ``nad_`` prefix runs the loop inside ``no_autodiff`` (no backward);
  ``MYGRAD_MEM_GUARD=0`` turns the guard off.

``instructions.py`` counts them with valgrind (the difference of two N cancels
start-up) and compares environments.
"""

import sys

import mygrad as mg
import numpy as np

rng = np.random.default_rng(0)
x = mg.tensor(rng.normal(size=8))
y = mg.tensor(rng.normal(size=8))
x0, w0, b0 = rng.uniform(-1, 1, 8), rng.uniform(0.1, 0.3, 8), rng.uniform(-0.5, 0.5, 8)
xs = rng.normal(size=(10, 16, 8))
wx0, wh0 = rng.normal(size=(8, 32)) * 0.1, rng.normal(size=(32, 32)) * 0.1
sin, exp = mg.sin, mg.exp

mode = sys.argv[2]
untracked = mode.startswith("nad_")
mode = mode[4:] if untracked else mode


def chain():
    z = x
    for _ in range(50):
        if mode == "mul" or mode == "bwd":
            z = z * y
        elif mode == "sin":
            z = sin(z)
        elif mode == "pow2":
            z = y**2
        elif mode == "getitem":
            z = x[1:]
    return z if mode == "bwd" else None


def small():
    z, w, b = mg.tensor(x0), mg.tensor(w0), mg.tensor(b0)
    for _ in range(10):
        z = exp(sin(z * w + b)) ** 2
    return z.sum()


def rnn():
    wx, wh, b = mg.tensor(wx0), mg.tensor(wh0), mg.tensor(np.zeros(32))
    h, loss = np.zeros((16, 32)), None
    for t in range(10):
        h = mg.tanh(mg.matmul(xs[t], wx) + mg.matmul(h, wh) + b)
        loss = h.sum() if loss is None else loss + h.sum()
    return loss


loop = {"small": small, "rnn": rnn}.get(mode, chain)


def one_round():
    if untracked:
        with mg.no_autodiff:
            loop()
        return
    out = loop()
    if out is not None:
        out.backward()


for _ in range(int(sys.argv[1])):
    one_round()
