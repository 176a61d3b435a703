"""ptp, median, percentile, quantile: values == NumPy over axes/keepdims/q shapes (mg. and
np. forms), the gradient going to the order statistics used (central differences on
tie-free inputs), constant= and views."""

from __future__ import annotations

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from _issue14 import check_function, distinct, small_shapes
from hypothesis import given, settings

from mygrad_core import tensor


@st.composite
def axes(draw, ndim):
    kind = draw(st.sampled_from(["none", "int", "tuple"]))
    if kind == "none":
        return None
    if kind == "int":
        return draw(st.integers(-ndim, ndim - 1))
    picked = draw(st.lists(st.integers(0, ndim - 1), unique=True, min_size=1, max_size=ndim))
    return tuple(picked)


@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_ptp(data):
    x = data.draw(distinct(small_shapes()), label="x")
    axis = data.draw(axes(x.ndim), label="axis")
    keepdims = data.draw(st.booleans(), label="keepdims")
    check_function(mg.ptp, np.ptp, [x], axis=axis, keepdims=keepdims)


@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_median(data):
    x = data.draw(distinct(small_shapes()), label="x")
    axis = data.draw(axes(x.ndim), label="axis")
    keepdims = data.draw(st.booleans(), label="keepdims")
    check_function(mg.median, np.median, [x], axis=axis, keepdims=keepdims)


@pytest.mark.parametrize("name, top", [("quantile", 1.0), ("percentile", 100.0)])
@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_quantile_and_percentile(name, top, data):
    x = data.draw(distinct(small_shapes()), label="x")
    axis = data.draw(axes(x.ndim), label="axis")
    keepdims = data.draw(st.booleans(), label="keepdims")
    # q on a grid that keeps the virtual index away from integers and from 0/1 rounding
    qs = st.integers(0, 16).map(lambda i: top * i / 16)
    q = data.draw(st.one_of(qs, st.lists(qs, min_size=1, max_size=3).map(np.array)), label="q")
    check_function(getattr(mg, name), getattr(np, name), [x], q=q, axis=axis, keepdims=keepdims)
    # q as a tensor is differentiable too; off the grid, so that q * (n - 1) (n <= 64) is
    # never an integer, where the derivative in q jumps
    qt = data.draw(st.lists(st.integers(0, 15), min_size=1, max_size=3), label="q tensor")
    qt = top * (np.array(qt) + 0.37) / 16
    check_function(
        lambda v, w, **kw: getattr(mg, name)(v, w, axis=axis, keepdims=keepdims, **kw),
        lambda v, w: getattr(np, name)(v, w, axis=axis, keepdims=keepdims),
        [x, qt],
    )


def test_median_of_an_even_count_splits_the_gradient():
    x = tensor([4.0, 1.0, 3.0, 2.0])
    np.median(x).backward()
    np.testing.assert_array_equal(x.grad, [0.0, 0.0, 0.5, 0.5])


def test_quantile_refuses_non_linear_methods():
    with pytest.raises(ValueError, match="linear"):
        mg.quantile(tensor([1.0, 2.0]), 0.5, method="nearest")
