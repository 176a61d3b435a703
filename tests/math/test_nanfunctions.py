"""nansum, nanmean, nanprod, nanmax, nanmin, nanstd, nanvar, nancumsum, nancumprod:
values == NumPy with nans sprinkled in (mg. and np. forms), nans get no gradient,
the rest == central differences, constant= and views."""

from __future__ import annotations

import warnings

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from _issue14 import check_function, distinct, small_shapes
from hypothesis import given, settings

from mygrad_core import tensor

REDUCTIONS = ["nansum", "nanmean", "nanprod", "nanmax", "nanmin", "nanstd", "nanvar"]
CUMULATIVE = ["nancumsum", "nancumprod"]


def _with_nans(data, x):
    # a few nans, but never a whole array of them (no empty-slice warnings there)
    k = data.draw(st.integers(0, max(x.size - 1, 0)), label="nans")
    x = x.copy()
    x.flat[data.draw(st.permutations(range(x.size)))[:k]] = np.nan
    return x


@st.composite
def axes(draw, ndim):
    kind = draw(st.sampled_from(["none", "int", "tuple"]))
    if kind == "none":
        return None
    if kind == "int":
        return draw(st.integers(-ndim, ndim - 1))
    return tuple(draw(st.lists(st.integers(0, ndim - 1), unique=True, min_size=1, max_size=ndim)))


@pytest.mark.parametrize("name", REDUCTIONS)
@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_nan_reductions(name, data):
    x = _with_nans(data, data.draw(distinct(small_shapes(), lo=-60, hi=60, scale=20.0), label="x"))
    axis = data.draw(axes(x.ndim), label="axis")
    keepdims = data.draw(st.booleans(), label="keepdims")
    kw = dict(axis=axis, keepdims=keepdims)
    if name in ("nanstd", "nanvar"):
        kw["ddof"] = data.draw(st.integers(0, 1), label="ddof")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-nan slices, as NumPy
        want = getattr(np, name)(x, **kw)
        ok = np.isfinite(want).all() and (name != "nanstd" or np.all(want > 1e-3))
        # the gradient is checked where every slice has a finite value and, for std,
        # a non-zero one (its derivative is infinite at 0)
        check_function(getattr(mg, name), getattr(np, name), [x], grad=bool(ok), grad_tol=1e-4, **kw)
    t = tensor(x)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        out = getattr(mg, name)(t, **kw)
    if ok:
        out.backward()
        assert np.all(t.grad[np.isnan(x)] == 0), "a nan must get no gradient"


@pytest.mark.parametrize("name", CUMULATIVE)
@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_nan_cumulative(name, data):
    x = _with_nans(data, data.draw(distinct(small_shapes(), lo=-40, hi=40, scale=20.0), label="x"))
    axis = data.draw(st.sampled_from([None, *range(-x.ndim, x.ndim)]), label="axis")
    check_function(getattr(mg, name), getattr(np, name), [x], axis=axis, grad_tol=1e-4)
    t = tensor(x)
    getattr(mg, name)(t, axis=axis).backward()
    assert np.all(t.grad[np.isnan(x)] == 0)


def test_all_nan_slice_gives_nan_and_no_gradient():
    x = tensor([[np.nan, np.nan], [1.0, 2.0]])
    for name in ("nanmax", "nanmin", "nanmean"):
        with pytest.warns(RuntimeWarning):
            out = getattr(mg, name)(x, axis=1)
        assert np.isnan(out.data[0]) and not np.isnan(out.data[1])
        out[1].backward()
        assert np.all(x.grad[0] == 0)


def test_integer_input_keeps_numpys_dtype():
    x = np.arange(6).reshape(2, 3)
    for name in ("nansum", "nanprod", "nanmax", "nanmean", "nanvar"):
        got = getattr(np, name)(tensor(x), axis=0)
        want = getattr(np, name)(x, axis=0)
        assert got.dtype == want.dtype
        np.testing.assert_allclose(got.data, want)
