"""sum, mean, var, std, prod, amax/amin/max/min, cumsum, cumprod: forward == NumPy for
every axis form (None, int, negative, tuple) with keepdims/ddof/dtype, gradients ==
central differences, tie and zero conventions, empty inputs."""

from __future__ import annotations

import warnings

import hypothesis.extra.numpy as hnp
import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from hypothesis import given

from mygrad_core import tensor
from mygrad_core.testing import assert_grads_match_numerical, check_op_contract
from mygrad_core.testing.strategies import arrays, real_dtypes, shapes

REDUCTIONS = {
    "sum": (mg.sum, np.sum),
    "mean": (mg.mean, np.mean),
    "prod": (mg.prod, np.prod),
    "amax": (mg.amax, np.max),
    "amin": (mg.amin, np.min),
    "max": (mg.max, np.max),
    "min": (mg.min, np.min),
}
MOMENTS = {"var": (mg.var, np.var), "std": (mg.std, np.std)}
CUMULATIVE = {"cumsum": (mg.cumsum, np.cumsum), "cumprod": (mg.cumprod, np.cumprod)}


@st.composite
def axes(draw, ndim):
    """None, an int (maybe negative) or a tuple of distinct axes (any order, maybe negative)."""
    kind = draw(st.sampled_from(["none", "int", "tuple"]))
    if kind == "none" or (kind == "int" and ndim == 0):
        return None
    if kind == "int":
        return draw(st.integers(-ndim, ndim - 1))
    picked = (
        draw(st.lists(st.integers(0, max(ndim - 1, 0)), unique=True, max_size=ndim)) if ndim else []
    )
    return tuple(a - ndim if draw(st.booleans()) else a for a in picked)


def _unique_floats(shape):
    # distinct values a step apart: no ties for max/min, well-conditioned differences
    return hnp.arrays(
        np.float64, shape, elements=st.integers(-500, 500).map(lambda i: i / 50), unique=True
    )


@pytest.mark.parametrize("name", REDUCTIONS)
@given(data=st.data())
def test_forward_matches_numpy(name, data):
    mg_f, np_f = REDUCTIONS[name]
    dtype = data.draw(real_dtypes(floats=True, ints=True), label="dtype")
    shape = data.draw(shapes(min_dims=0, max_dims=4, min_side=1, max_side=3), label="shape")
    x = data.draw(arrays(shape=shape, dtype=dtype, min_value=-3, max_value=3), label="x")
    axis = data.draw(axes(x.ndim), label="axis")
    keepdims = data.draw(st.booleans(), label="keepdims")
    expected = np_f(x, axis=axis, keepdims=keepdims)
    got = mg_f(x, axis=axis, keepdims=keepdims)
    assert got.dtype == expected.dtype and got.shape == np.shape(expected)
    np.testing.assert_allclose(got.data, expected, rtol=1e-3 if x.dtype == np.float16 else 1e-7)
    # the method form and the numpy override agree
    t = tensor(x)
    meth = getattr(t, name) if name not in ("amax", "amin") else None
    if meth is not None:
        np.testing.assert_array_equal(meth(axis=axis, keepdims=keepdims).data, got.data)
    np.testing.assert_array_equal(np_f(t, axis=axis, keepdims=keepdims).data, got.data)


@pytest.mark.parametrize("name", REDUCTIONS)
@given(data=st.data())
def test_grad_matches_numerical(name, data):
    mg_f, _ = REDUCTIONS[name]
    shape = data.draw(shapes(min_dims=0, max_dims=3, min_side=1, max_side=3), label="shape")
    if name in ("amax", "amin", "max", "min"):
        x = data.draw(_unique_floats(shape), label="x")
    else:
        x = data.draw(arrays(shape=shape, dtype=np.float64, min_value=-2, max_value=2), label="x")
    axis = data.draw(axes(x.ndim), label="axis")
    keepdims = data.draw(st.booleans(), label="keepdims")
    assert_grads_match_numerical(mg_f, x, kwargs={"axis": axis, "keepdims": keepdims}, atol=1e-6)


@pytest.mark.parametrize("name", MOMENTS)
@given(data=st.data())
def test_moments(name, data):
    mg_f, np_f = MOMENTS[name]
    shape = data.draw(shapes(min_dims=1, max_dims=3, min_side=2, max_side=3), label="shape")
    x = data.draw(_unique_floats(shape), label="x")  # distinct: std > 0
    axis = data.draw(axes(x.ndim), label="axis")
    keepdims = data.draw(st.booleans(), label="keepdims")
    ddof = data.draw(st.sampled_from([0, 1]), label="ddof")
    kw = {"axis": axis, "ddof": ddof, "keepdims": keepdims}
    with np.errstate(divide="ignore", invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # N - ddof <= 0: NumPy warns, so do we
        expected = np_f(x, **kw)
        np.testing.assert_allclose(mg_f(x, **kw).data, expected)
        np.testing.assert_allclose(getattr(tensor(x), name)(**kw).data, expected)
        np.testing.assert_allclose(np_f(tensor(x), **kw).data, expected)
    n = x.size if axis in (None, ()) else int(np.prod([x.shape[a] for a in np.atleast_1d(axis)]))
    if axis == ():
        n = 1
    if n - ddof > 0 and (name == "var" or n > 1):
        assert_grads_match_numerical(mg_f, x, kwargs=kw, atol=1e-6)


@pytest.mark.parametrize("name", CUMULATIVE)
@given(data=st.data())
def test_cumulative(name, data):
    mg_f, np_f = CUMULATIVE[name]
    shape = data.draw(shapes(min_dims=0, max_dims=3, min_side=0, max_side=4), label="shape")
    # zeros included: cumprod's gradient must handle them exactly
    x = data.draw(
        hnp.arrays(np.float64, shape, elements=st.sampled_from([0.0, 0.5, -1.5, 2.0, 1.0, -0.25])),
        label="x",
    )
    axis = (
        None
        if x.ndim == 0
        else data.draw(st.one_of(st.none(), st.integers(-x.ndim, x.ndim - 1)), label="axis")
    )
    expected = np_f(x, axis=axis)
    got = mg_f(x, axis=axis)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got.data, expected)
    np.testing.assert_allclose(getattr(tensor(x), name)(axis).data, expected)
    np.testing.assert_allclose(np_f(tensor(x), axis=axis).data, expected)
    assert_grads_match_numerical(mg_f, x, kwargs={"axis": axis}, atol=1e-6)


@pytest.mark.parametrize("name", list(REDUCTIONS) + list(MOMENTS))
def test_contract(name):
    f = {**REDUCTIONS, **MOMENTS}[name][0]
    check_op_contract(f, np.array([[1.0, -2.0, 3.5], [0.5, 4.0, -1.0]]), axis=1)


def test_empty_reductions():
    # seed 000, L13678-13680 and L13834-13835
    s = mg.sum([])
    p = mg.prod([])
    assert s.item() == 0.0 and s.dtype == np.float64
    assert p.item() == 1.0 and p.dtype == np.float64
    x = mg.tensor(np.zeros((0, 3)))
    mg.sum(x, axis=0).backward()
    assert x.grad.shape == (0, 3)
    x = mg.tensor(np.zeros((0,)))
    mg.prod(x).backward()
    assert x.grad.shape == (0,)


def test_max_ties_send_gradient_to_first_maximum():
    x = mg.tensor([[1.0, 5.0, 5.0], [5.0, 2.0, 5.0]])
    mg.amax(x).backward()
    np.testing.assert_array_equal(x.grad, [[0, 1, 0], [0, 0, 0]])
    mg.max(x, axis=1).backward()
    np.testing.assert_array_equal(x.grad, [[0, 1, 0], [1, 0, 0]])
    mg.max(x, axis=0).backward()
    np.testing.assert_array_equal(x.grad, [[0, 1, 1], [1, 0, 0]])
    mg.min(mg.tensor([2.0, 2.0]) * 1).backward()  # through another op: no error
    x = mg.tensor([[[3.0, 1.0], [3.0, 3.0]]])
    mg.amax(x, axis=(0, 2), keepdims=True).backward()
    np.testing.assert_array_equal(x.grad, [[[1, 0], [1, 0]]])
    x = mg.tensor([[0.0, 1.0], [0.0, 2.0]])
    mg.amin(x, axis=(-1, 0)).backward()  # unsorted, negative axes
    np.testing.assert_array_equal(x.grad, [[1, 0], [0, 0]])


def test_max_of_0d_and_nan():
    x = mg.tensor(3.0)
    mg.max(x).backward()
    assert x.grad == 1.0
    x = mg.tensor([0.0, np.nan, 1.0])
    y = mg.amax(x)
    assert np.isnan(y.item())
    y.backward()
    np.testing.assert_array_equal(x.grad, [0.0, 1.0, 0.0])


def test_prod_with_zeros():
    x = mg.tensor([2.0, 0.0, 3.0])
    mg.prod(x).backward()
    np.testing.assert_array_equal(x.grad, [0.0, 6.0, 0.0])
    x = mg.tensor([[2.0, 0.0, 0.0], [1.0, 2.0, 3.0]])
    mg.prod(x, axis=1).backward()
    np.testing.assert_array_equal(x.grad, [[0.0, 0.0, 0.0], [6.0, 3.0, 2.0]])


def test_dtype_keyword():
    x = mg.tensor([1.0, 2.0], dtype=np.float32)
    for f in (mg.sum, mg.mean, mg.var, mg.std, mg.prod, mg.cumsum, mg.cumprod):
        y = f(x, dtype=np.float64)
        assert y.dtype == np.float64, f
        y.backward()
        assert x.grad.dtype == np.float32
    # seed 000, L13847: summing floats into an int32 accumulator
    assert mg.sum([0.5, 0.7, 0.2, 1.5], dtype=np.int32).item() == 1
    # seed 000, L13862: int8 overflow
    assert mg.ones(128, dtype=mg.int8).sum(dtype=np.int8).item() == -128


def test_integer_inputs():
    x = mg.tensor([[1, 2], [3, 4]])
    m = mg.mean(x)
    assert m.dtype == np.float64 and m.item() == 2.5 and m.constant
    assert mg.sum(x).dtype == np.int64 and mg.max(x).item() == 4
    y = mg.sum(x, constant=True)
    assert y.constant


def test_numpy_out_argument():
    x = mg.tensor([[1.0, 2.0], [3.0, 4.0]])
    out = mg.tensor(np.zeros(2))
    r = np.sum(x, axis=0, out=out)
    assert r is out
    np.testing.assert_array_equal(out.data, [4.0, 6.0])
    out.backward()
    np.testing.assert_array_equal(x.grad, np.ones((2, 2)))
    arr = np.zeros(2)
    assert np.mean(x, axis=1, out=arr).data is arr
    np.testing.assert_array_equal(arr, [1.5, 3.5])
    with pytest.raises(TypeError):
        np.sum(x, where=np.array([True, False]))
