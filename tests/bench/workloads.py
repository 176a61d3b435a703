"""The benchmark workloads, one per fresh process.

Run by ``run.py`` inside one of its virtual environments::

    python workloads.py WORKLOAD IMPL [--reps N]
    python workloads.py WORKLOAD mygrad --profile [--reps N]   # cProfile, top functions
    python workloads.py --info

``IMPL`` is ``mygrad`` (whichever ``mygrad`` the environment has: the original 2.5.0
or this project's) or ``numpy`` (the same computation written by hand in NumPy, the
floor). The process prints one JSON line: the median seconds of the timed repetitions,
the loss and a checksum of the gradients (for the correctness check), and the peak RSS.

Every workload is written against the documented MyGrad API only, so the very same code
runs on MyGrad 2.5.0 and on this project (and on a baseline build of it). The inputs
come from a seeded generator: every implementation sees identical data. When the
installed ``mygrad`` lacks a name a workload needs (this project's ``mygrad.nnet`` is
still being written; MyGrad 2.5.0 hides ``gru`` without numba), the process prints
``{"na": "<what is missing>"}`` instead of a time and the table shows "n/a".
"""

from __future__ import annotations

import gc
import json
import resource
import statistics
import sys
import time

import numpy as np

perf_counter = time.perf_counter


def _rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024.0 if sys.platform != "darwin" else peak / 2**20


class NotAvailable(Exception):
    """The installed ``mygrad`` lacks a name this workload needs: reported as "n/a"."""


def _need(mg, path: str):
    """``mg.<path>`` (dotted), or NotAvailable naming what is missing.

    This project's plugins are still growing (``mygrad.nnet`` is being written), and
    MyGrad 2.5.0 hides ``gru`` without numba: a missing name skips the workload instead
    of failing the run.
    """
    obj = mg
    for i, part in enumerate(path.split(".")):
        try:
            obj = getattr(obj, part)
        except Exception as exc:  # noqa: BLE001 - any failure to resolve means "absent"
            where = ".".join(["mygrad", *path.split(".")[: i + 1]])
            raise NotAvailable(f"{where}: {type(exc).__name__}: {str(exc)[:100]}") from None
    return obj


def _checksum(loss, grads) -> list:
    """A few numbers that summarise the loss and the gradients (None grads count as 0)."""
    out = [float(loss)]
    for g in grads:
        g = np.zeros(1) if g is None else np.asarray(g, dtype=np.float64)
        out.append(float(g.sum()))
        out.append(float(np.abs(g).sum()))
    return out


def _repeat(run, reps: int, warmup: int) -> tuple:
    """Call ``run()`` (it returns ``(seconds, loss, grads)``) warmup + reps times.

    Returns the median of the timed seconds and the checksum of the last call.
    """
    for _ in range(warmup):
        run()
    times = []
    result = None
    for _ in range(reps):
        seconds, loss, grads = run()
        times.append(seconds)
        result = (loss, grads)
    assert result is not None
    return statistics.median(times), _checksum(*result)


# ------------------------------------------------------------------ small_ops

N_SMALL = 200  # cycles of 5 ops: 1000 elementwise ops


def _small_inputs():
    rng = np.random.default_rng(0)
    return rng.uniform(-1, 1, 8), rng.uniform(0.1, 0.3, 8), rng.uniform(-0.5, 0.5, 8)


def small_ops(mg, reps, mode="guard"):
    """1000 elementwise ops (* + sin exp **2) on shape-(8,) tensors, then backward.

    The time is per op (total / 1000; the final sum and backward are included).
    """
    x0, w0, b0 = _small_inputs()
    sin, exp = mg.sin, mg.exp
    if mode == "noguard":
        mg.turn_memory_guarding_off()

    def run():
        x, w, b = mg.tensor(x0), mg.tensor(w0), mg.tensor(b0)
        t0 = perf_counter()
        y = x
        for _ in range(N_SMALL):
            y = y * w
            y = y + b
            y = sin(y)
            y = exp(y)
            y = y**2
        loss = y.sum()
        loss.backward()
        t = perf_counter() - t0
        return t / (5 * N_SMALL), loss.item(), [x.grad, w.grad, b.grad]

    def run_forward():
        x, w, b = mg.tensor(x0), mg.tensor(w0), mg.tensor(b0)
        t0 = perf_counter()
        with mg.no_autodiff:
            y = x
            for _ in range(N_SMALL):
                y = y * w
                y = y + b
                y = sin(y)
                y = exp(y)
                y = y**2
            loss = y.sum()
        t = perf_counter() - t0
        return t / (5 * N_SMALL), loss.item(), []

    return _repeat(run_forward if mode == "noautodiff" else run, reps, warmup=2)


def small_ops_np(reps, mode="noautodiff"):
    """The forward chain of ``small_ops`` in NumPy (only meaningful against no_autodiff)."""
    x0, w0, b0 = _small_inputs()

    def run():
        t0 = perf_counter()
        y = x0
        for _ in range(N_SMALL):
            y = y * w0
            y = y + b0
            y = np.sin(y)
            y = np.exp(y)
            y = y**2
        loss = y.sum()
        t = perf_counter() - t0
        return t / (5 * N_SMALL), float(loss), []

    return _repeat(run, reps, warmup=2)


def _fn_chain(mg, reps, ops):
    """The ``small_ops`` chain through function calls ``ops = (mul, add, sin, exp, square)``."""
    x0, w0, b0 = _small_inputs()
    mul, add, sin, exp, square = ops

    def run():
        x, w, b = mg.tensor(x0), mg.tensor(w0), mg.tensor(b0)
        t0 = perf_counter()
        y = x
        for _ in range(N_SMALL):
            y = mul(y, w)
            y = add(y, b)
            y = sin(y)
            y = exp(y)
            y = square(y)
        loss = y.sum()
        loss.backward()
        t = perf_counter() - t0
        return t / (5 * N_SMALL), loss.item(), [x.grad, w.grad, b.grad]

    return _repeat(run, reps, warmup=2)


def small_ops_fn(mg, reps):
    """The small_ops chain through the built-in functions (the third-party row's reference).

    ``mg.multiply, mg.add, mg.sin, mg.exp, mg.square``: the calling form a third party's
    ops have (a plugin cannot define ``*`` on Tensor).
    """
    ops = tuple(_need(mg, n) for n in ("multiply", "add", "sin", "exp", "square"))
    return _fn_chain(mg, reps, ops)


def third_party_ops(mg, reps):
    """The small_ops chain through ops defined the way a third party defines them.

    The ops live in the example plugin (``docs/examples/mygrad-example-plugin``,
    module ``mygrad_example.bench_ops``), written with mygrad-core's public
    op-authoring API only; the bench installs it into each environment of this project
    that ships it.
    """
    try:
        from mygrad_example import bench_ops
    except ImportError as exc:
        raise NotAvailable(f"mygrad_example.bench_ops: {exc}") from None
    ops = (bench_ops.multiply, bench_ops.add, bench_ops.sin, bench_ops.exp, bench_ops.square)
    return _fn_chain(mg, reps, ops)


# ------------------------------------------------------------------ mlp_step

BATCH, SIZES, LR = 128, (784, 256, 256, 10), 0.1


def _mlp_inputs():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(BATCH, SIZES[0]))
    labels = rng.integers(0, SIZES[-1], size=BATCH)
    onehot = np.zeros((BATCH, SIZES[-1]))
    onehot[np.arange(BATCH), labels] = 1.0
    params = []
    for n_in, n_out in zip(SIZES[:-1], SIZES[1:]):
        params.append(rng.normal(scale=np.sqrt(2.0 / n_in), size=(n_in, n_out)))
        params.append(rng.normal(scale=0.01, size=n_out))
    return x, onehot, params


def mlp_step(mg, reps):
    """One SGD step of a 784-256-256-10 ReLU MLP, softmax cross-entropy from math ops."""
    x, onehot, init = _mlp_inputs()

    def run():
        params = [mg.tensor(p) for p in init]
        t0 = perf_counter()
        w1, b1, w2, b2, w3, b3 = params
        h = mg.maximum(mg.matmul(x, w1) + b1, 0.0)
        h = mg.maximum(mg.matmul(h, w2) + b2, 0.0)
        z = mg.matmul(h, w3) + b3
        z = z - mg.max(z, axis=1, keepdims=True)
        logp = z - mg.log(mg.sum(mg.exp(z), axis=1, keepdims=True))
        loss = -mg.mean(mg.sum(onehot * logp, axis=1))
        return _backward_and_sgd(loss, params, t0)

    return _repeat(run, reps, warmup=1)


def _backward_and_sgd(loss, params, t0):
    """The timed end of an SGD step: backward, the update in place, then the result
    ``(seconds since t0, loss, grads + updated parameters)`` for the checks."""
    loss.backward()
    grads = [p.grad for p in params]
    for p, g in zip(params, grads):
        np.subtract(p.data, LR * g, out=p.data)
    t = perf_counter() - t0
    return t, loss.item(), grads + [p.data for p in params]


def mlp_step_np(reps):
    """The same SGD step by hand in NumPy (the usual closed-form softmax-CE gradient)."""
    return _mlp_np(*_mlp_inputs(), reps)


def _mlp_np(x, onehot, init, reps):
    """The MLP's SGD step by hand in NumPy, from these inputs and initial parameters."""

    def run():
        params = [p.copy() for p in init]
        t0 = perf_counter()
        w1, b1, w2, b2, w3, b3 = params
        a1 = x @ w1 + b1
        h1 = np.maximum(a1, 0.0)
        a2 = h1 @ w2 + b2
        h2 = np.maximum(a2, 0.0)
        z = h2 @ w3 + b3
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        s = e.sum(axis=1, keepdims=True)
        logp = z - np.log(s)
        loss = -(onehot * logp).sum(axis=1).mean()
        dz = (e / s - onehot) / BATCH
        gw3, gb3 = h2.T @ dz, dz.sum(axis=0)
        da2 = (dz @ w3.T) * (a2 > 0)
        gw2, gb2 = h1.T @ da2, da2.sum(axis=0)
        da1 = (da2 @ w2.T) * (a1 > 0)
        gw1, gb1 = x.T @ da1, da1.sum(axis=0)
        grads = [gw1, gb1, gw2, gb2, gw3, gb3]
        for p, g in zip(params, grads):
            p -= LR * g
        t = perf_counter() - t0
        return t, float(loss), grads + params

    return _repeat(run, reps, warmup=1)


# ------------------------------------------------------------------ big_elementwise


def _big_inputs():
    rng = np.random.default_rng(2)
    return rng.uniform(-2, 2, (1000, 1000)), rng.uniform(-2, 2, (1000, 1000))


def big_elementwise(mg, reps):
    """``(x*y + sin(x)).sum()`` then backward, on 1000x1000 float64 tensors."""
    x0, y0 = _big_inputs()

    def run():
        x, y = mg.tensor(x0), mg.tensor(y0)
        t0 = perf_counter()
        loss = (x * y + mg.sin(x)).sum()
        loss.backward()
        t = perf_counter() - t0
        return t, loss.item(), [x.grad, y.grad]

    return _repeat(run, reps, warmup=1)


def big_elementwise_np(reps):
    """The same chain rule written out in NumPy, seeded with dL/dout = ones.

    No simplification an autodiff engine cannot make (e.g. dropping ``ones *``): this is
    the work any reverse-mode engine must do, minus the bookkeeping.
    """
    x, y = _big_inputs()

    def run():
        t0 = perf_counter()
        xy = x * y
        out = xy + np.sin(x)
        loss = out.sum()
        g = np.ones_like(out)
        gx = g * y + g * np.cos(x)
        gy = g * x
        t = perf_counter() - t0
        return t, float(loss), [gx, gy]

    return _repeat(run, reps, warmup=1)


# ------------------------------------------------------------------ rnn_loop

T_STEPS, HIDDEN, RNN_BATCH, RNN_IN = 50, 32, 16, 16


def _rnn_inputs():
    rng = np.random.default_rng(3)
    xs = rng.normal(size=(T_STEPS, RNN_BATCH, RNN_IN))
    wx = rng.normal(scale=1 / np.sqrt(RNN_IN), size=(RNN_IN, HIDDEN))
    wh = rng.normal(scale=1 / np.sqrt(HIDDEN), size=(HIDDEN, HIDDEN))
    b = rng.normal(scale=0.1, size=HIDDEN)
    return xs, wx, wh, b


def rnn_loop(mg, reps):
    """A vanilla tanh RNN: 50 steps, hidden 32, batch 16; loss = sum of all states."""
    xs, wx0, wh0, b0 = _rnn_inputs()

    def run():
        wx, wh, b = mg.tensor(wx0), mg.tensor(wh0), mg.tensor(b0)
        t0 = perf_counter()
        h = np.zeros((RNN_BATCH, HIDDEN))
        loss = None
        for t in range(T_STEPS):
            h = mg.tanh(mg.matmul(xs[t], wx) + mg.matmul(h, wh) + b)
            loss = h.sum() if loss is None else loss + h.sum()
        loss.backward()
        t = perf_counter() - t0
        return t, loss.item(), [wx.grad, wh.grad, b.grad]

    return _repeat(run, reps, warmup=2)


# ------------------------------------------------------------------ deep_chain

DEEP = 100_000


def deep_chain(mg, reps):
    """100,000 chained ops (alternating ``* 0.9999`` and ``+ 0.0001``), then backward.

    Reports the time (forward and backward separately too) and the memory the graph
    takes; a RecursionError (or any error) is caught and reported, not raised.
    """

    def chain(n):
        x = mg.tensor(np.linspace(-1, 1, 8))
        y = x
        for _ in range(n // 2):
            y = y * 0.9999
            y = y + 0.0001
        return x, y.sum()

    x, loss = chain(1000)  # warm-up (plugins loaded, caches filled)
    loss.backward()
    del x, loss
    gc.collect()
    rss_before = _rss_mb()
    t0 = perf_counter()
    x, loss = chain(DEEP)
    t1 = perf_counter()
    extra = {"forward_s": t1 - t0, "graph_rss_mb": _rss_mb() - rss_before}
    try:
        loss.backward()
    except RecursionError as exc:
        extra["error"] = f"RecursionError: {str(exc)[:80]}"
    except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not fail
        extra["error"] = f"{type(exc).__name__}: {str(exc)[:80]}"
    t2 = perf_counter()
    extra["backward_s"] = t2 - t1
    extra["peak_delta_mb"] = _rss_mb() - rss_before
    if "error" in extra:
        return t2 - t0, None, extra
    return t2 - t0, _checksum(loss.item(), [x.grad]), extra


# ------------------------------------------------------------------ mygrad.nnet

NNET_SEED = 5  # NumPy's global stream, which MyGrad's initializers (and ours) draw from


def _mlp_nnet_data():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(BATCH, SIZES[0]))
    labels = rng.integers(0, SIZES[-1], size=BATCH)
    biases = [rng.normal(scale=0.01, size=n) for n in SIZES[1:]]
    return x, labels, biases


def mlp_step_nnet(mg, reps):
    """mlp_step written with mygrad.nnet: glorot_uniform weights, relu, softmax_crossentropy.

    The weights are drawn (float64) before the timer starts, from a seeded global stream.
    """
    relu = _need(mg, "nnet.activations.relu")
    sce = _need(mg, "nnet.losses.softmax_crossentropy")
    glorot_uniform = _need(mg, "nnet.initializers.glorot_uniform")
    x, labels, biases = _mlp_nnet_data()
    shapes = list(zip(SIZES[:-1], SIZES[1:]))

    def run():
        np.random.seed(NNET_SEED)
        ws = [glorot_uniform(n_in, n_out, dtype="float64") for n_in, n_out in shapes]
        params = [p for w, b in zip(ws, biases) for p in (w, mg.tensor(b))]
        t0 = perf_counter()
        w1, b1, w2, b2, w3, b3 = params
        h = relu(mg.matmul(x, w1) + b1)
        h = relu(mg.matmul(h, w2) + b2)
        loss = sce(mg.matmul(h, w3) + b3, labels)
        return _backward_and_sgd(loss, params, t0)

    return _repeat(run, reps, warmup=1)


def mlp_step_nnet_np(reps):
    """The NumPy floor of mlp_step_nnet: the same step by hand, the same initial weights.

    Glorot-uniform as documented: U(-b, b) with b = sqrt(6 / (fan_in + fan_out)), one
    float64 draw per weight matrix from the same seeded global stream.
    """
    x, labels, biases = _mlp_nnet_data()
    onehot = np.zeros((BATCH, SIZES[-1]))
    onehot[np.arange(BATCH), labels] = 1.0
    np.random.seed(NNET_SEED)
    init = []
    for (n_in, n_out), b in zip(zip(SIZES[:-1], SIZES[1:]), biases):
        bound = np.sqrt(6.0 / (n_in + n_out))
        init += [np.random.uniform(-bound, bound, size=(n_in, n_out)), b]
    return _mlp_np(x, onehot, init, reps)


SCE_N, SCE_C, SCE_INNER = 128, 10, 50


def _sce_inputs():
    rng = np.random.default_rng(6)
    return rng.normal(scale=3.0, size=(SCE_N, SCE_C)), rng.integers(0, SCE_C, size=SCE_N)


def sce_step(mg, reps):
    """softmax_crossentropy forward + backward on float64 scores (128, 10), int labels.

    One call is tens of microseconds: each repetition times 50 of them (fresh tensors
    made beforehand) and reports the time per call.
    """
    sce = _need(mg, "nnet.losses.softmax_crossentropy")
    s0, labels = _sce_inputs()

    def run():
        scores = [mg.tensor(s0) for _ in range(SCE_INNER)]
        t0 = perf_counter()
        for s in scores:
            loss = sce(s, labels)
            loss.backward()
        t = perf_counter() - t0
        return t / SCE_INNER, loss.item(), [scores[-1].grad]

    return _repeat(run, reps, warmup=2)


def sce_step_np(reps):
    """The closed form by hand: log-softmax, mean NLL, gradient (softmax - onehot) / N."""
    s0, labels = _sce_inputs()
    rows = np.arange(SCE_N)

    def run():
        t0 = perf_counter()
        for _ in range(SCE_INNER):
            z = s0 - s0.max(axis=1, keepdims=True)
            e = np.exp(z)
            total = e.sum(axis=1, keepdims=True)
            loss = -(z[rows, labels] - np.log(total[:, 0])).mean()
            grad = e / total
            grad[rows, labels] -= 1.0
            grad /= SCE_N
        t = perf_counter() - t0
        return t / SCE_INNER, float(loss), [grad]

    return _repeat(run, reps, warmup=2)


def _conv_inputs():
    rng = np.random.default_rng(7)
    return rng.normal(size=(32, 3, 32, 32)), rng.normal(scale=0.2, size=(16, 3, 3, 3))


def conv_step(mg, reps):
    """conv_nd (32 RGB 32x32 images, 16 3x3 filters, stride 1), 2x2 max_pool stride 2, sum, backward."""
    conv_nd = _need(mg, "nnet.layers.conv_nd")
    max_pool = _need(mg, "nnet.layers.max_pool")
    x0, w0 = _conv_inputs()

    def run():
        x, w = mg.tensor(x0), mg.tensor(w0)
        t0 = perf_counter()
        loss = max_pool(conv_nd(x, w, stride=1), (2, 2), 2).sum()
        loss.backward()
        t = perf_counter() - t0
        return t, loss.item(), [x.grad, w.grad]

    return _repeat(run, reps, warmup=1)


def maxpool_step(mg, reps):
    """max_pool of (32, 16, 32, 32), pool (2, 2), stride 2, sum, backward."""
    max_pool = _need(mg, "nnet.layers.max_pool")
    x0 = np.random.default_rng(8).normal(size=(32, 16, 32, 32))

    def run():
        x = mg.tensor(x0)
        t0 = perf_counter()
        loss = max_pool(x, (2, 2), 2).sum()
        loss.backward()
        t = perf_counter() - t0
        return t, loss.item(), [x.grad]

    return _repeat(run, reps, warmup=1)


GRU_T, GRU_N, GRU_C, GRU_D = 20, 16, 16, 32


def _gru_inputs():
    rng = np.random.default_rng(9)
    x = rng.normal(size=(GRU_T, GRU_N, GRU_C))
    params = []  # Uz, Wz, bz, Ur, Wr, br, Uh, Wh, bh
    for _ in range(3):
        params.append(rng.normal(scale=1 / np.sqrt(GRU_C), size=(GRU_C, GRU_D)))
        params.append(rng.normal(scale=1 / np.sqrt(GRU_D), size=(GRU_D, GRU_D)))
        params.append(rng.normal(scale=0.1, size=GRU_D))
    return x, params


def gru_step(mg, reps):
    """gru (T=20, N=16, C=16, D=32), loss = sum of the (T+1, N, D) states, backward."""
    gru = _need(mg, "nnet.layers.gru")
    x0, p0 = _gru_inputs()

    def run():
        x, params = mg.tensor(x0), [mg.tensor(p) for p in p0]
        t0 = perf_counter()
        loss = gru(x, *params).sum()
        loss.backward()
        t = perf_counter() - t0
        return t, loss.item(), [x.grad, *(p.grad for p in params)]

    return _repeat(run, reps, warmup=2)


def gru_step_np(reps):
    """A fused GRU by hand: one matmul for every input projection, one per step for the
    recurrent gates, the backward pass through time, then one matmul per weight gradient.
    """
    x, (uz, wz, bz, ur, wr, br, uh, wh, bh) = _gru_inputs()
    T, N, C, D = GRU_T, GRU_N, GRU_C, GRU_D

    def run():
        t0 = perf_counter()
        u = np.concatenate([uz, ur, uh], axis=1)  # (C, 3D)
        wzr = np.concatenate([wz, wr], axis=1)  # (D, 2D)
        b = np.concatenate([bz, br, bh])
        xu = (x.reshape(T * N, C) @ u + b).reshape(T, N, 3 * D)
        s = np.zeros((T + 1, N, D))
        z_, r_, h_ = np.empty((T, N, D)), np.empty((T, N, D)), np.empty((T, N, D))
        for t in range(T):
            prev = s[t]
            zr = xu[t, :, : 2 * D] + prev @ wzr
            zr = 1.0 / (1.0 + np.exp(-zr))
            z, r = zr[:, :D], zr[:, D:]
            h = np.tanh(xu[t, :, 2 * D :] + (r * prev) @ wh)
            s[t + 1] = h + z * (prev - h)
            z_[t], r_[t], h_[t] = z, r, h
        loss = s.sum()
        # backward: dL/ds = 1 for every state
        da = np.empty((T, N, 3 * D))
        ds = np.zeros((N, D))
        for t in range(T - 1, -1, -1):
            ds = ds + 1.0
            prev, z, r, h = s[t], z_[t], r_[t], h_[t]
            dah = ds * (1.0 - z) * (1.0 - h * h)
            drs = dah @ wh.T
            da[t, :, :D] = ds * (prev - h) * z * (1.0 - z)
            da[t, :, D : 2 * D] = drs * prev * r * (1.0 - r)
            da[t, :, 2 * D :] = dah
            ds = ds * z + drs * r + da[t, :, : 2 * D] @ wzr.T
        da2 = da.reshape(T * N, 3 * D)
        du = x.reshape(T * N, C).T @ da2
        db = da2.sum(axis=0)
        dx = (da2 @ u.T).reshape(T, N, C)
        dwzr = s[:-1].reshape(T * N, D).T @ da2[:, : 2 * D]
        dwh = (r_ * s[:-1]).reshape(T * N, D).T @ da2[:, 2 * D :]
        grads = [dx]
        for k, dw in enumerate((dwzr[:, :D], dwzr[:, D:], dwh)):
            grads += [du[:, k * D : (k + 1) * D], dw, db[k * D : (k + 1) * D]]
        t = perf_counter() - t0
        return t, float(loss), grads

    return _repeat(run, reps, warmup=2)


# ------------------------------------------------------------------ driver

WORKLOADS = {
    "small_ops": (lambda mg, r: small_ops(mg, r, "guard"), None),
    "small_ops_noguard": (lambda mg, r: small_ops(mg, r, "noguard"), None),
    "small_ops_noautodiff": (lambda mg, r: small_ops(mg, r, "noautodiff"), small_ops_np),
    "mlp_step": (mlp_step, mlp_step_np),
    "big_elementwise": (big_elementwise, big_elementwise_np),
    "rnn_loop": (rnn_loop, None),
    "deep_chain": (deep_chain, None),
    "small_ops_fn": (small_ops_fn, None),
    "third_party_ops": (third_party_ops, None),
    "mlp_step_nnet": (mlp_step_nnet, mlp_step_nnet_np),
    "sce_step": (sce_step, sce_step_np),
    "conv_step": (conv_step, None),
    "maxpool_step": (maxpool_step, None),
    "gru_step": (gru_step, gru_step_np),
}


def _info() -> dict:
    from importlib import metadata

    info = {"python": sys.version.split()[0], "numpy": np.__version__}
    try:
        import mygrad

        info["mygrad"] = getattr(mygrad, "__version__", "?")
    except ImportError:  # pragma: no cover
        info["mygrad"] = None
    dists, extras = {}, {}
    for d in metadata.distributions():
        name = d.metadata["Name"] or ""
        if name.lower().startswith("mygrad"):
            dists[name] = d.version
        elif name.lower() in ("numba", "scipy"):
            extras[name.lower()] = d.version
    info["dists"] = dists
    info["extras"] = extras
    return info


def main(argv: list) -> int:
    if argv[:1] == ["--info"]:
        print(json.dumps(_info()))
        return 0
    name, impl = argv[0], argv[1]
    reps = int(argv[argv.index("--reps") + 1]) if "--reps" in argv else 5
    mg_fn, np_fn = WORKLOADS[name]
    extra: dict = {}
    if "--profile" in argv:  # cProfile the workload, print the top functions by own time
        import cProfile
        import pstats

        import mygrad as mg

        prof = cProfile.Profile()
        prof.runcall(mg_fn, mg, reps)
        stats = pstats.Stats(prof).strip_dirs()
        stats.sort_stats("tottime").print_stats(30)
        stats.sort_stats("cumulative").print_stats(30)
        return 0
    if impl == "numpy":
        if np_fn is None:
            raise SystemExit(f"{name} has no NumPy floor")
        seconds, check = np_fn(reps)
    else:
        import mygrad as mg

        try:
            out = mg_fn(mg, reps)
        except NotAvailable as exc:
            print(json.dumps({"na": str(exc), "rss_mb": _rss_mb()}))
            return 0
        if len(out) == 3:
            seconds, check, extra = out
        else:
            seconds, check = out
    print(json.dumps({"seconds": seconds, "check": check, "rss_mb": _rss_mb(), **extra}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
