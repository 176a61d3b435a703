"""max_pool: documented examples, a naive-loop reference (values and first-max gradients),
numerical gradients, constant semantics, errors."""

from __future__ import annotations

import itertools

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from hypothesis import given
from mygrad.nnet import max_pool

from mygrad_core.testing import assert_grads_match_numerical, check_op_contract


def naive_pool(x, pool, stride, grad=None):
    """Values by loops over leading indices and placements; with ``grad``, also the
    gradient sent to the first maximum of each window (row-major)."""
    n = len(pool)
    lead, spatial = x.shape[: x.ndim - n], x.shape[x.ndim - n :]
    grid = [(s - p) // st + 1 for s, p, st in zip(spatial, pool, stride)]
    out = np.zeros(lead + tuple(grid), dtype=x.dtype)
    dx = np.zeros(x.shape)
    for li in itertools.product(*map(range, lead)):
        for g in itertools.product(*map(range, grid)):
            best, where = None, None
            for k in itertools.product(*map(range, pool)):
                pos = li + tuple(g[i] * stride[i] + k[i] for i in range(n))
                if best is None or x[pos] > best:
                    best, where = x[pos], pos
            out[li + g] = best
            if grad is not None:
                dx[where] += grad[li + g]
    return out, dx


@st.composite
def pool_cases(draw, max_lead=2, max_pool_dims=3, max_grid=3):
    n = draw(st.integers(1, max_pool_dims))
    lead = tuple(draw(st.lists(st.integers(1, 2), max_size=max_lead)))
    pool, stride, spatial = [], [], []
    for _ in range(n):
        p = draw(st.integers(1, 3))
        s = draw(st.integers(1, 3))
        g = draw(st.integers(1, max_grid if n < 3 else 2))
        pool.append(p), stride.append(s), spatial.append((g - 1) * s + p)
    return lead + tuple(spatial), tuple(pool), tuple(stride)


@given(case=pool_cases(), dtype=st.sampled_from(["float64", "float32", "int32"]), data=st.data())
def test_values_and_first_max_gradient_against_naive(case, dtype, data):
    shape, pool, stride = case
    size = int(np.prod(shape))
    # few distinct values: ties inside windows are common
    vals = data.draw(st.lists(st.integers(0, 3), min_size=size, max_size=size))
    x = np.array(vals, dtype=dtype).reshape(shape)
    stride_arg = stride[0] if len(set(stride)) == 1 and data.draw(st.booleans()) else stride
    out = max_pool(x, pool, stride_arg)
    g = np.arange(1.0, out.size + 1).reshape(out.shape)
    expected, expected_dx = naive_pool(x, pool, stride, g)
    assert out.shape == expected.shape and out.dtype == x.dtype
    np.testing.assert_array_equal(out.data, expected)
    if dtype.startswith("float"):
        t = mg.tensor(x)
        max_pool(t, pool, stride_arg).backward(g)
        np.testing.assert_allclose(t.grad, expected_dx)


@given(case=pool_cases(max_lead=1, max_pool_dims=2, max_grid=2), seed=st.integers(0, 2**16))
def test_gradients_match_numerical(case, seed):
    shape, pool, stride = case
    rng = np.random.default_rng(seed)
    # distinct values, so that the maxima are isolated and the function is smooth
    x = rng.permutation(np.prod(shape)).reshape(shape).astype(float) + rng.uniform(
        0, 0.1, size=shape
    )
    assert_grads_match_numerical(lambda a: max_pool(a, pool, stride), x)


def test_op_contract():
    check_op_contract(
        max_pool, np.random.default_rng(0).normal(size=(2, 4, 5)), pool=(2, 3), stride=(2, 1)
    )


def test_constant_semantics():
    x = mg.tensor(np.arange(4.0).reshape(2, 2))
    assert not max_pool(x, (2,), 1).constant
    assert max_pool(x, (2,), 1, constant=True).constant
    assert max_pool(np.arange(4.0), (2,), 2).constant
    c = mg.tensor(np.arange(4.0), constant=True)
    out = max_pool(c, (2,), 2)
    assert out.constant
    out.backward()
    assert c.grad is None


def test_documented_2d_example():
    # seed 000_7568d7cea38c6584.txt:22690-22703: two windows share the 10; the tie
    # between the 7s sends the gradient to the first one only
    x = mg.Tensor([[0.0, 10.0, 8.0], [2.0, 7.0, 3.0], [5.0, 7.0, 20.0]])
    out = max_pool(x, pool=(2, 2), stride=1)
    np.testing.assert_array_equal(out.data, [[10.0, 10.0], [7.0, 20.0]])
    out.sum().backward()
    np.testing.assert_array_equal(x.grad, [[0.0, 2.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])


def test_documented_1d_example():
    # seed 000_7568d7cea38c6584.txt:22713-22719
    x = mg.Tensor([[0.0, 10.0, 8.0], [9.0, 7.0, 3.0], [5.0, 0.0, 20.0]])
    np.testing.assert_array_equal(
        max_pool(x, pool=(2,), stride=1).data, [[10.0, 10.0], [9.0, 7.0], [5.0, 20.0]]
    )


def test_documented_4d_example():
    # seed 000_7568d7cea38c6584.txt:22731-22737
    x = mg.Tensor(np.random.rand(10, 3, 12, 12))
    assert max_pool(x, (2, 2), (2, 1)).shape == (10, 3, 6, 11)


def test_first_max_with_overlapping_windows():
    x = mg.tensor([[1.0, 3.0, 3.0, 1.0]])
    max_pool(x, (3,), 1).backward()
    np.testing.assert_array_equal(x.grad, [[0.0, 2.0, 0.0, 0.0]])


def test_strides_larger_than_pool_skip_positions():
    x = mg.tensor(np.arange(7.0))
    out = max_pool(x, (2,), 5)
    np.testing.assert_array_equal(out.data, [1.0, 6.0])
    out.backward()
    np.testing.assert_array_equal(x.grad, [0, 1, 0, 0, 0, 0, 1])


@pytest.mark.parametrize(
    "shape, pool, stride, exc, words",
    [
        ((5, 5), (2, 2), 2, ValueError, ["(5, 5)", "pool=(2, 2)", "stride=(2, 2)", "tile"]),
        ((3, 3), (4,), 1, ValueError, ["(3, 3)", "pool=(4,)"]),
        ((3,), (2, 2), 1, ValueError, ["`pool`", "(2, 2)", "(3,)"]),
        ((3, 3), (0, 2), 1, ValueError, ["`pool`", "(0, 2)"]),
        ((3, 3), 2, 1, TypeError, ["`pool`", "2"]),
        ((3, 3), (2.0,), 1, TypeError, ["`pool`", "2.0"]),
        ((3, 3), (2, 2), 0, ValueError, ["`stride`", "0"]),
        ((3, 3), (2, 2), (1,), ValueError, ["`stride`", "(1,)"]),
        ((3, 3), (2, 2), 1.0, TypeError, ["`stride`", "1.0"]),
        ((3, 3), (), 1, ValueError, ["`pool`", "()"]),
    ],
)
def test_bad_inputs(shape, pool, stride, exc, words):
    with pytest.raises(exc) as info:
        max_pool(np.zeros(shape), pool, stride)
    msg = str(info.value)
    assert "max_pool" in msg
    for w in words:
        assert w in msg


def test_non_contiguous_input():
    x = np.random.default_rng(5).normal(size=(4, 6, 2)).transpose(2, 1, 0)  # (2, 6, 4)
    out = max_pool(x, (2, 2), (2, 1))
    np.testing.assert_array_equal(out.data, naive_pool(x, (2, 2), (2, 1))[0])
