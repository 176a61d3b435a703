"""NumPy dispatch: NumPy's ufuncs and functions called on tensors, and the
non-differentiable NumPy functions (and their ``mg.`` aliases) that return ndarrays."""

from __future__ import annotations

import mygrad as mg
import numpy as np
import pytest
from _mathspecs import NUMPY_UFUNCS


@pytest.mark.parametrize("name", sorted(NUMPY_UFUNCS))
def test_numpy_ufuncs_dispatch_to_mygrad(name):
    np_ufunc = NUMPY_UFUNCS[name]
    x = mg.tensor([1.5, 1.75] if name == "arccosh" else [0.5, 0.75])
    args = (x,) * np_ufunc.nin
    y = np_ufunc(*args)
    assert isinstance(y, mg.Tensor) and not y.constant
    np.testing.assert_allclose(y.data, np_ufunc(*[a.data for a in args]))
    y.backward()
    assert x.grad is not None


def test_front_page_example():
    # seed 000, L14-21
    x = mg.tensor([1.0, 2.0, 3.0])
    f = np.sum(x * x)
    f.backward()
    np.testing.assert_array_equal(x.grad, [2.0, 4.0, 6.0])


def test_numpy_composition():
    x = mg.tensor([0.5, 1.0, 2.0])
    np.sum(np.sin(x) * x).backward()
    np.testing.assert_allclose(x.grad, np.cos(x.data) * x.data + np.sin(x.data))
    y = np.mean(np.exp(x) ** 2, axis=0, keepdims=True)
    assert isinstance(y, mg.Tensor) and y.shape == (1,)
    y.backward()
    np.testing.assert_allclose(x.grad, 2 * np.exp(2 * x.data) / 3)


def test_numpy_ufunc_out_and_where():
    x = mg.tensor([1.0, 2.0])
    out = np.empty(2)
    r = np.add(x, 1.0, out=out)
    assert isinstance(r, mg.Tensor) and r.data is out  # ERRATA row "ufunc with an ndarray out="
    np.testing.assert_array_equal(out, [2.0, 3.0])
    t = mg.tensor([0.0, 0.0])
    assert np.negative(x, out=t, where=np.array([True, False])) is t
    np.testing.assert_array_equal(t.data, [-1.0, 0.0])


@pytest.mark.parametrize(
    "np_func, kwargs",
    [
        (np.sum, {"axis": 0}),
        (np.mean, {}),
        (np.var, {"ddof": 1}),
        (np.std, {"axis": 1}),
        (np.prod, {"axis": -1}),
        (np.cumsum, {"axis": 0}),
        (np.cumprod, {}),
        (np.amax, {"axis": 1}),
        (np.amin, {}),
        (np.max, {"keepdims": True}),
        (np.min, {"axis": 0}),
    ],
)
def test_numpy_functions_dispatch(np_func, kwargs):
    data = np.array([[1.0, 4.0, 2.5], [3.0, -1.0, 0.5]])
    x = mg.tensor(data)
    y = np_func(x, **kwargs)
    assert isinstance(y, mg.Tensor)
    np.testing.assert_allclose(y.data, np_func(data, **kwargs))
    y.backward()
    assert x.grad.shape == x.shape


def test_numpy_positional_order_is_numpy_s():
    x = mg.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=np.float32)
    y = np.sum(x, 0, np.float64)  # axis, dtype
    assert y.dtype == np.float64 and y.shape == (2,)
    y = np.var(x, None, None, None, 1)  # ddof=1
    assert np.isclose(y.item(), np.var(x.data, ddof=1))


def test_nondifferentiable_numpy_functions_return_arrays():
    x = mg.tensor([1.0, np.nan, np.inf, -2.0])
    for f in (np.isnan, np.isfinite, np.isinf, np.signbit, np.logical_not):
        r = f(x)
        assert isinstance(r, np.ndarray)
        np.testing.assert_array_equal(r, f(x.data))
    b = mg.tensor([1.0, 0.0, 1.0, 0.0])
    for f in (np.logical_and, np.logical_or, np.logical_xor):
        np.testing.assert_array_equal(f(b, x), f(b.data, x.data))
    assert np.allclose(mg.tensor([1.0, 2.0]), [1.0, 2.0 + 1e-12])
    np.testing.assert_array_equal(np.isclose(mg.tensor([1.0]), mg.tensor([1.1])), [False])
    np.testing.assert_array_equal(np.bincount(mg.tensor([0, 1, 1])), [1, 2])
    dst = np.zeros(2)
    np.copyto(dst, mg.tensor([3.0, 4.0]))
    np.testing.assert_array_equal(dst, [3.0, 4.0])
    assert isinstance(np.argmax(x), np.integer) and np.argmin(mg.tensor([3.0, 1.0, 2.0])) == 1
    assert isinstance(np.any(x, axis=0), np.bool_)


@pytest.mark.parametrize("name", ["ceil", "floor", "rint", "sign", "trunc"])
def test_constant_only_unary(name):
    f = getattr(np, name)
    x = mg.tensor([1.5, -2.5])
    with pytest.raises(ValueError):
        f(x)
    with pytest.raises(ValueError):
        getattr(mg, name)(x)
    c = mg.tensor([1.5, -2.5], constant=True)
    r = getattr(mg, name)(c)
    assert isinstance(r, np.ndarray)
    np.testing.assert_array_equal(r, f(c.data))
    np.testing.assert_array_equal(getattr(mg, name)([1.5, -2.5]), f([1.5, -2.5]))


@pytest.mark.parametrize("name", ["floor_divide", "remainder", "mod", "fmod", "divmod"])
def test_constant_only_binary(name):
    f = getattr(np, name)
    x = mg.tensor([5.0, -3.0])
    with pytest.raises(ValueError):
        f(x, 2)
    with pytest.raises(ValueError):
        getattr(mg, name)(2, x)
    c = mg.tensor([5, -3])
    got = getattr(mg, name)(c, 2)
    expected = f(c.data, 2)
    if name == "divmod":
        for g, e in zip(got, expected):
            np.testing.assert_array_equal(g, e)
    else:
        assert isinstance(got, np.ndarray)
        np.testing.assert_array_equal(got, expected)


def test_top_level_data_aliases():
    for name in (
        "isnan",
        "isfinite",
        "isinf",
        "isnat",
        "signbit",
        "logical_not",
        "logical_and",
        "logical_or",
        "logical_xor",
        "isclose",
        "allclose",
        "bincount",
        "copyto",
    ):
        assert getattr(mg, name) is getattr(np, name)
    assert mg.math.isnan is np.isnan
    assert isinstance(mg.isnan(mg.tensor([1.0, np.nan])), np.ndarray)
    assert isinstance(mg.any(mg.tensor([0.0, 1.0])), np.bool_)
    np.testing.assert_array_equal(mg.argmax(mg.tensor([[1.0, 2.0], [3.0, 0.0]]), axis=0), [1, 0])
    np.testing.assert_array_equal(
        mg.argmin([[1.0, 2.0], [3.0, 0.0]], axis=1, keepdims=True), [[0], [1]]
    )
