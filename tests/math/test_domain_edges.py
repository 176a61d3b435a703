"""Domain edges give NumPy's values and NumPy's warnings, never an exception of ours."""

from __future__ import annotations

import mygrad as mg
import numpy as np
import pytest


@pytest.mark.parametrize(
    "func, x, expected",
    [
        (mg.log, [0.0, -1.0], [-np.inf, np.nan]),
        (mg.log2, [0.0], [-np.inf]),
        (mg.log10, [-3.0], [np.nan]),
        (mg.log1p, [-1.0], [-np.inf]),
        (mg.sqrt, [-1.0], [np.nan]),
        (mg.arcsin, [2.0], [np.nan]),
        (mg.arccos, [-1.5], [np.nan]),
        (mg.arccosh, [0.5], [np.nan]),
        (mg.arctanh, [1.0], [np.inf]),
        (mg.reciprocal, [0.0], [np.inf]),
    ],
)
def test_forward_edges_warn_like_numpy(func, x, expected):
    with pytest.warns(RuntimeWarning):
        y = func(x)
    np.testing.assert_array_equal(y.data, expected)


def test_division_by_zero():
    x = mg.tensor([1.0, -1.0, 0.0])
    with pytest.warns(RuntimeWarning):
        y = x / 0.0
    np.testing.assert_array_equal(y.data, [np.inf, -np.inf, np.nan])
    with pytest.warns(RuntimeWarning):
        y.backward()
    np.testing.assert_array_equal(x.grad, [np.inf, np.inf, np.inf])


def test_sqrt_and_half_power_gradient_at_zero_is_inf():
    for f in (mg.sqrt, lambda t: t**0.5, lambda t: mg.power(t, 0.5)):
        x = mg.tensor([0.0, 4.0])
        y = f(x)
        with pytest.warns(RuntimeWarning):
            y.backward()
        assert x.grad[0] == np.inf and x.grad[1] == 0.25


def test_log_and_arcsin_gradients_at_the_edge():
    x = mg.tensor([0.0, 1.0])
    with pytest.warns(RuntimeWarning):
        mg.log(x).backward()
    assert x.grad[0] == np.inf and x.grad[1] == 1.0
    x = mg.tensor([1.0, -1.0, 0.0])
    with pytest.warns(RuntimeWarning):
        mg.arcsin(x).backward()
    np.testing.assert_array_equal(x.grad, [np.inf, np.inf, 1.0])


def test_overflow_is_numpy_s():
    x = mg.tensor([1000.0], dtype=np.float64)
    with pytest.warns(RuntimeWarning):
        y = mg.exp(x)
    assert y.item() == np.inf
    h = mg.tensor([20.0], dtype=np.float16)
    with pytest.warns(RuntimeWarning):
        assert mg.exp(h).item() == np.inf


def test_maximum_with_nan_sends_no_gradient():
    x = mg.tensor([np.nan, 1.0])
    y = mg.tensor([0.0, np.nan])
    mg.maximum(x, y).backward()
    np.testing.assert_array_equal(x.grad, [0.0, 0.0])
    np.testing.assert_array_equal(y.grad, [0.0, 0.0])
