"""gru: the documented equations by a step loop, numerical gradients (also with s0,
dropout and bp_lim), fixed dropout masks over time, mixed precision, errors."""

from __future__ import annotations

import inspect

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from hypothesis import given
from mygrad.nnet.layers import gru

from mygrad_core.testing import assert_grads_match_numerical, check_op_contract


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def naive_gru(X, Uz, Wz, bz, Ur, Wr, br, Uh, Wh, bh, s0=None, mask_u=None, mask_w=None):
    """The documented system, one step at a time (seed 000_7568d7cea38c6584.txt:22779-22782)."""
    T, N, _ = X.shape
    D = Uz.shape[1]
    if mask_u is not None:
        mz, mr, mh = mask_u[:, :D], mask_u[:, D : 2 * D], mask_u[:, 2 * D :]
        Wz, Wr, Wh = Wz * mask_w[0], Wr * mask_w[1], Wh * mask_w[2]
    else:
        mz = mr = mh = 1
    S = [np.zeros((N, D)) if s0 is None else s0]
    for t in range(T):
        s = S[-1]
        z = sigmoid((X[t] @ Uz) * mz + s @ Wz + bz)
        r = sigmoid((X[t] @ Ur) * mr + s @ Wr + br)
        h = np.tanh((X[t] @ Uh) * mh + (r * s) @ Wh + bh)
        S.append((1 - z) * h + z * s)
    return np.stack(S)


@st.composite
def gru_inputs(draw, max_t=4, max_n=2, max_c=2, max_d=3, s0=None):
    T, N, C, D = (draw(st.integers(1, m)) for m in (max_t, max_n, max_c, max_d))
    rng = np.random.default_rng(draw(st.integers(0, 2**16)))
    arrays = [rng.uniform(-1, 1, size=(T, N, C))]
    for _ in range(3):
        arrays += [
            rng.uniform(-1, 1, size=(C, D)),
            rng.uniform(-1, 1, size=(D, D)),
            rng.uniform(-0.5, 0.5, size=D),
        ]
    with_s0 = draw(st.booleans()) if s0 is None else s0
    if with_s0:
        arrays.append(rng.uniform(-1, 1, size=(N, D)))
    return arrays


def test_signature():
    # seed 000_7568d7cea38c6584.txt:22775 (constant is not keyword-only)
    params = list(inspect.signature(gru).parameters.values())
    assert [p.name for p in params] == [
        "X",
        "Uz",
        "Wz",
        "bz",
        "Ur",
        "Wr",
        "br",
        "Uh",
        "Wh",
        "bh",
        "s0",
        "bp_lim",
        "dropout",
        "constant",
    ]
    assert all(p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD for p in params)
    assert [p.default for p in params[10:]] == [None, None, 0.0, None]


@given(arrays=gru_inputs(max_t=5, max_n=3, max_c=3, max_d=4))
def test_forward_against_naive(arrays):
    out = gru(*arrays)
    T, N, _ = arrays[0].shape
    D = arrays[1].shape[1]
    assert out.shape == (T + 1, N, D)  # seed 000_7568d7cea38c6584.txt:22917-22918
    np.testing.assert_allclose(out.data, naive_gru(*arrays), rtol=1e-10, atol=1e-12)
    if len(arrays) == 11:
        np.testing.assert_array_equal(out.data[0], arrays[10])
    else:
        np.testing.assert_array_equal(out.data[0], 0)


@given(
    arrays=gru_inputs(max_t=3, max_n=2, max_c=2, max_d=2), constant_mask=st.integers(0, 2**11 - 1)
)
def test_gradients_match_numerical(arrays, constant_mask):
    tensors = [mg.tensor(a, constant=bool(constant_mask >> i & 1)) for i, a in enumerate(arrays)]
    assert_grads_match_numerical(lambda *a: gru(*a), *tensors, atol=1e-6, rtol=1e-5)


@given(
    arrays=gru_inputs(max_t=3, max_n=2, max_c=2, max_d=2, s0=True),
    dropout=st.sampled_from([0.25, 0.5]),
    seed=st.integers(0, 100),
)
def test_gradients_with_dropout_match_numerical(arrays, dropout, seed):
    def f(*a):
        np.random.seed(seed)  # the same masks on every call
        return gru(*a, dropout=dropout)

    assert_grads_match_numerical(f, *arrays, atol=1e-6, rtol=1e-5)


def test_dropout_masks_are_fixed_over_time_and_rescaled():
    rng = np.random.default_rng(0)
    T, N, C, D = 6, 40, 3, 30
    arrays = [rng.uniform(-1, 1, size=(T, N, C))]
    for _ in range(3):
        arrays += [
            rng.uniform(-1, 1, size=(C, D)),
            rng.uniform(-1, 1, size=(D, D)),
            rng.uniform(-0.5, 0.5, size=D),
        ]
    np.random.seed(3)
    out = gru(*arrays, dropout=0.4)
    op = out.creator
    mask_u, mask_w = op.mask_u, op.mask_w
    assert mask_u.shape == (N, 3 * D) and mask_w.shape == (3, D, D)  # no time axis
    assert set(np.unique(mask_u)) <= {0.0, 1 / 0.6} and set(np.unique(mask_w)) <= {0.0, 1 / 0.6}
    assert 0.5 < (mask_u > 0).mean() < 0.7 and 0.5 < (mask_w > 0).mean() < 0.7
    np.testing.assert_allclose(
        out.data, naive_gru(*arrays, mask_u=mask_u, mask_w=mask_w), rtol=1e-10, atol=1e-12
    )
    # NumPy's global random state drives the masks
    np.random.seed(3)
    np.testing.assert_array_equal(gru(*arrays, dropout=0.4).data, out.data)
    assert not np.array_equal(gru(*arrays, dropout=0.4).data, out.data)


def naive_truncated_grads(arrays, grad, lim):
    """The gradients when the gradient of each S_t travels back at most `lim` steps: for
    each t, back-propagate grad[t] through a GRU run over X[t-lim:t] only, started from
    the (constant) state S_{t-lim}, or from s0 when t <= lim."""
    T = arrays[0].shape[0]
    states = naive_gru(*arrays)
    total = [np.zeros_like(a) for a in arrays]
    total[10] = total[10] + grad[0]
    for t in range(1, T + 1):
        cut = max(t - lim, 0)
        tensors = [mg.tensor(a) for a in arrays]
        start = tensors[10] if cut == 0 else mg.tensor(states[cut], constant=True)
        seg = gru(tensors[0][cut:t], *tensors[1:10], start)
        (seg[-1] * grad[t]).sum().backward()
        for i, tt in enumerate(tensors):
            if tt.grad is not None:
                total[i] += tt.grad
    return total


@given(arrays=gru_inputs(max_t=5, max_n=2, max_c=2, max_d=2, s0=True), lim=st.integers(1, 6))
def test_bp_lim_truncates_back_propagation(arrays, lim):
    tensors = [mg.tensor(a) for a in arrays]
    out = gru(*tensors, bp_lim=lim)
    grad = np.random.default_rng(0).normal(size=out.shape)
    out.backward(grad)
    expected = naive_truncated_grads(arrays, grad, lim)
    for t, e in zip(tensors, expected):
        np.testing.assert_allclose(t.grad, e, rtol=1e-9, atol=1e-12)


def test_bp_lim_at_least_t_is_full_back_propagation():
    rng = np.random.default_rng(5)
    T, N, C, D = 3, 2, 2, 2
    arrays = [rng.uniform(-1, 1, size=(T, N, C))]
    for _ in range(3):
        arrays += [
            rng.uniform(-1, 1, size=(C, D)),
            rng.uniform(-1, 1, size=(D, D)),
            rng.uniform(-0.5, 0.5, size=D),
        ]
    a = [mg.tensor(x) for x in arrays]
    b = [mg.tensor(x) for x in arrays]
    gru(*a).sum().backward()
    gru(*b, bp_lim=T).sum().backward()
    for x, y in zip(a, b):
        np.testing.assert_allclose(x.grad, y.grad, rtol=1e-12)


@pytest.mark.parametrize(
    "dx, dw", [("float32", "float64"), ("float32", "float32"), ("float16", "float32")]
)
def test_mixed_precision(dx, dw):
    # changelog 1.8.0: mixed float precisions are accepted
    rng = np.random.default_rng(2)
    T, N, C, D = 3, 2, 2, 3
    X = mg.tensor(rng.uniform(-1, 1, size=(T, N, C)).astype(dx))
    params = []
    for _ in range(3):
        params += [
            rng.uniform(-1, 1, size=(C, D)),
            rng.uniform(-1, 1, size=(D, D)),
            rng.uniform(-0.5, 0.5, size=D),
        ]
    params = [mg.tensor(p.astype(dw)) for p in params]
    out = gru(X, *params)
    assert out.dtype == np.result_type(dx, dw)
    tol = 1e-6 if out.dtype == np.float64 else 2e-3
    np.testing.assert_allclose(
        out.data,
        naive_gru(X.data.astype(float), *[p.data.astype(float) for p in params]),
        rtol=tol,
        atol=tol,
    )
    out.sum().backward()
    assert X.grad.dtype == np.dtype(dx) and all(p.grad.dtype == np.dtype(dw) for p in params)


def test_constant_semantics():
    rng = np.random.default_rng(3)
    arrays = [rng.uniform(-1, 1, size=(2, 1, 2))]
    for _ in range(3):
        arrays += [
            rng.uniform(-1, 1, size=(2, 2)),
            rng.uniform(-1, 1, size=(2, 2)),
            rng.uniform(-0.5, 0.5, size=2),
        ]
    assert gru(*arrays).constant
    ts = [mg.tensor(a) for a in arrays]
    assert gru(*ts, None, None, 0.0, True).constant  # constant is positional
    out = gru(*ts)
    assert not out.constant
    out.backward()
    assert all(t.grad is not None for t in ts)


def test_op_contract():
    rng = np.random.default_rng(4)
    arrays = [rng.uniform(-1, 1, size=(2, 2, 2))]
    for _ in range(3):
        arrays += [
            rng.uniform(-1, 1, size=(2, 3)),
            rng.uniform(-1, 1, size=(3, 3)),
            rng.uniform(-0.5, 0.5, size=3),
        ]
    arrays.append(rng.uniform(-1, 1, size=(2, 3)))
    check_op_contract(gru, *arrays)


def _ok_arrays():
    return [np.zeros((2, 1, 2))] + [np.zeros((2, 3)), np.zeros((3, 3)), np.zeros(3)] * 3


@pytest.mark.parametrize(
    "change, kwargs, exc, words",
    [
        ((0, np.zeros((2, 2))), {}, ValueError, ["`X`", "(2, 2)"]),
        ((2, np.zeros((3, 2))), {}, ValueError, ["`Wz`", "(3, 2)", "(3, 3)"]),
        ((1, np.zeros((3, 3))), {}, ValueError, ["`Uz`", "(3, 3)"]),
        ((9, np.zeros(2)), {}, ValueError, ["`bh`", "(2,)", "(3,)"]),
        (None, {"s0": np.zeros((2, 3))}, ValueError, ["`s0`", "(2, 3)", "(1, 3)"]),
        (None, {"dropout": 1.0}, ValueError, ["`dropout`", "1.0"]),
        (None, {"dropout": -0.1}, ValueError, ["`dropout`", "-0.1"]),
        (None, {"dropout": "0.1"}, TypeError, ["`dropout`"]),
        (None, {"bp_lim": 0}, ValueError, ["`bp_lim`", "0"]),
        (None, {"bp_lim": 1.5}, ValueError, ["`bp_lim`", "1.5"]),
    ],
)
def test_bad_inputs(change, kwargs, exc, words):
    arrays = _ok_arrays()
    if change is not None:
        arrays[change[0]] = change[1]
    with pytest.raises(exc) as info:
        gru(*arrays, **kwargs)
    msg = str(info.value)
    assert "gru" in msg
    for w in words:
        assert w in msg
