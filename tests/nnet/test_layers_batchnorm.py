"""batchnorm: the documented example and formula, a per-channel loop reference, numerical
gradients for x, gamma and beta, constant semantics, errors."""

from __future__ import annotations

import inspect

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from hypothesis import given
from mygrad.nnet import batchnorm

from mygrad_core.testing import assert_grads_match_numerical, check_op_contract
from mygrad_core.testing.strategies import shapes


def naive_batchnorm(x, gamma, beta, eps):
    """Channel by channel: mean and biased variance of x[:, c, ...]."""
    out = np.empty(x.shape, dtype=np.float64)
    for c in range(x.shape[1]):
        xc = x[:, c].astype(np.float64)
        y = (xc - xc.mean()) / np.sqrt(xc.var() + eps)
        out[:, c] = y * (1 if gamma is None else gamma[c]) + (0 if beta is None else beta[c])
    return out


def test_documented_example():
    # seed 000_7568d7cea38c6584.txt:22295-22301
    x = mg.Tensor([1.0, 4.0, 1.0]).reshape(3, 1)
    np.testing.assert_allclose(
        batchnorm(x, eps=0).data, [[-0.70710678], [1.41421356], [-0.70710678]], rtol=1e-7
    )


def test_signature_eps_is_required_and_keyword_only():
    # seed 000_7568d7cea38c6584.txt:22229; ERRATA: eps keyword-only and required
    params = inspect.signature(batchnorm).parameters
    assert params["eps"].kind is inspect.Parameter.KEYWORD_ONLY
    assert params["eps"].default is inspect.Parameter.empty
    with pytest.raises(TypeError):
        batchnorm(np.ones((2, 1)))


channel_shapes = shapes(min_dims=2, max_dims=4, min_side=1, max_side=3).filter(
    lambda s: np.prod(s) // s[1] >= 2
)


@given(
    shape=channel_shapes,
    affine=st.sampled_from([(False, False), (True, False), (False, True), (True, True)]),
    dtype=st.sampled_from(["float64", "float32"]),
    eps=st.sampled_from([0.0, 1e-5, 0.5]),
    seed=st.integers(0, 2**16),
)
def test_forward_against_naive(shape, affine, dtype, eps, seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=shape).astype(dtype)
    C = shape[1]
    gamma = rng.normal(size=C).astype(dtype) if affine[0] else None
    beta = rng.normal(size=C).astype(dtype) if affine[1] else None
    out = batchnorm(x, gamma=gamma, beta=beta, eps=eps)
    assert out.shape == x.shape and out.dtype == x.dtype
    tol = 1e-9 if dtype == "float64" else 2e-3
    np.testing.assert_allclose(out.data, naive_batchnorm(x, gamma, beta, eps), rtol=tol, atol=tol)


@given(
    shape=shapes(min_dims=2, max_dims=3, min_side=1, max_side=3).filter(
        lambda s: np.prod(s) // s[1] >= 2
    ),
    affine=st.sampled_from([(False, False), (True, False), (False, True), (True, True)]),
    const=st.booleans(),
    seed=st.integers(0, 2**16),
)
def test_gradients_match_numerical(shape, affine, const, seed):
    rng = np.random.default_rng(seed)
    x = mg.tensor(rng.uniform(-2, 2, size=shape), constant=const and any(affine))
    C = shape[1]
    params = []
    if affine[0]:
        params.append(rng.uniform(0.5, 2, size=C))
    if affine[1]:
        params.append(rng.uniform(-1, 1, size=C))

    def f(x, *p):
        it = iter(p)
        gamma = next(it) if affine[0] else None
        beta = next(it) if affine[1] else None
        return batchnorm(x, gamma=gamma, beta=beta, eps=0.1)

    assert_grads_match_numerical(f, x, *params, atol=1e-5, rtol=1e-4)


def test_statistics_are_per_channel():
    # channel 1 is channel 0 scaled and shifted: normalized, they are equal
    x = np.random.default_rng(0).normal(size=(4, 1, 3))
    x = np.concatenate([x, 5 * x + 3], axis=1)
    out = batchnorm(x, eps=0).data
    np.testing.assert_allclose(out[:, 0], out[:, 1], atol=1e-12)
    np.testing.assert_allclose(out.mean(axis=(0, 2)), 0, atol=1e-12)
    np.testing.assert_allclose(out.var(axis=(0, 2)), 1, atol=1e-12)


def test_op_contract():
    rng = np.random.default_rng(0)
    check_op_contract(
        lambda x, g, b, **kw: batchnorm(x, gamma=g, beta=b, eps=1e-3, **kw),
        rng.normal(size=(3, 2, 2)),
        rng.normal(size=2),
        rng.normal(size=2),
    )


def test_constant_semantics():
    x = mg.tensor(np.random.default_rng(1).normal(size=(3, 2)))
    gamma = mg.tensor([1.0, 2.0], constant=True)
    beta = mg.tensor([0.0, 1.0])
    out = batchnorm(x, gamma=gamma, beta=beta, eps=1e-5)
    assert not out.constant
    out.backward()
    assert gamma.grad is None and beta.grad is not None and x.grad is not None
    assert batchnorm(x, eps=1e-5, constant=True).constant
    assert batchnorm(np.ones((3, 2)), eps=1e-5).constant


def test_integer_input_gives_a_float_constant():
    out = batchnorm(np.array([[1], [3]]), eps=0)
    assert out.dtype == np.float64 and out.constant
    np.testing.assert_array_equal(out.data, [[-1.0], [1.0]])


def test_one_dimensional_input_normalizes_axis_0():
    np.testing.assert_allclose(batchnorm(np.array([1.0, 3.0]), eps=0).data, [-1.0, 1.0])


@pytest.mark.parametrize(
    "kwargs, exc, words",
    [
        ({"eps": -1.0}, ValueError, ["`eps`", "-1.0"]),
        ({"eps": "0.1"}, TypeError, ["`eps`", "'0.1'"]),
        ({"eps": None}, TypeError, ["`eps`", "None"]),
        ({"eps": 0.1, "gamma": np.ones(3)}, ValueError, ["`gamma`", "(3,)", "(2,)"]),
        ({"eps": 0.1, "beta": np.ones((1, 2))}, ValueError, ["`beta`", "(1, 2)"]),
    ],
)
def test_bad_inputs(kwargs, exc, words):
    with pytest.raises(exc) as info:
        batchnorm(np.ones((4, 2)), **kwargs)
    msg = str(info.value)
    assert "batchnorm" in msg
    for w in words:
        assert w in msg
