"""MyGrad code that must run unchanged (issue 11, items 11 and 13, core parts):
``mygrad.tensor_base``, ``no_autodiff(func, to_numpy=True)``, ``str(tensor)`` and the
errors of ``__setitem__``."""

from __future__ import annotations

import numpy as np
import pytest

import mygrad_core as mgc
from mygrad_core import tensor

from . import _ops


def test_tensor_base_is_an_alias_of_the_tensor_module():
    # MyGrad's canonical import path (ERRATA/issue 11: "from mygrad.tensor_base import Tensor")
    import mygrad
    from mygrad.tensor_base import Tensor

    assert Tensor is mygrad.Tensor is mgc.Tensor
    assert isinstance(tensor([1.0]), Tensor)


def test_no_autodiff_decorator_with_to_numpy_returns_an_array():
    # seed 000_7568d7cea38c6584.txt:2385 (no_autodiff); ERRATA row "no_autodiff(func, to_numpy=True)"
    x = tensor([1.0, 2.0])

    def f(a):
        return _ops.multiply(a, a)

    g = mgc.no_autodiff(f, to_numpy=True)
    out = g(x)
    assert type(out) is np.ndarray
    np.testing.assert_array_equal(out, [1.0, 4.0])
    assert g.__name__ == "f"
    # without to_numpy the result stays a tensor, built outside any graph
    t = mgc.no_autodiff(f)(x)
    assert isinstance(t, mgc.Tensor) and t.creator is None
    assert mgc.no_autodiff(f, to_numpy=False)(x).creator is None


def test_no_autodiff_to_numpy_does_not_track():
    x = tensor([1.0, 2.0])
    mgc.no_autodiff(lambda a: _ops.multiply(a, 2.0), to_numpy=True)(x)
    assert not x._consumers  # nothing was recorded: x is free to be written
    x[0] = 5.0


@pytest.mark.parametrize("data", [[1.0, 2.0], 2.5, [[1, 2], [3, 4]], np.ones((2, 2, 2), dtype=np.float32)])
def test_str_is_repr(data):
    # ERRATA row "str(tensor)": the same text as repr, as the reference
    t = tensor(data)
    assert str(t) == repr(t)
    assert str(t).startswith("Tensor(")


def test_setitem_with_a_bad_index_names_the_index():
    x = tensor([1.0, 2.0])
    with pytest.raises(IndexError, match=r"shape \(2,\).*index 'a'"):
        x["a"] = 1.0
    with pytest.raises(IndexError, match=r"index 5"):
        x[5] = 1.0
    np.testing.assert_array_equal(x.data, [1.0, 2.0])


@pytest.mark.parametrize("dtype", ["int8", "int64", "uint16"])
def test_writing_nan_into_an_integer_tensor_is_a_value_error_as_numpy(dtype):
    x = tensor(np.array([1, 2], dtype=dtype))
    with pytest.raises(ValueError, match="cannot convert float NaN to integer"):
        x[0] = np.nan  # today's numpy raises this for a Python float too
    np.testing.assert_array_equal(x.data, [1, 2])


@pytest.mark.parametrize("dtype", ["int8", "int64", "uint16", "bool"])
@pytest.mark.parametrize("value", [float("nan"), np.float64("nan"), np.float32("nan"), float("inf"), 3.7])
def test_writing_a_float_scalar_into_an_integer_tensor_does_what_numpy_does(dtype, value):
    arr = np.array([1, 1], dtype=dtype)
    try:
        with np.errstate(invalid="ignore"):
            arr[0] = value
        expected = None
    except (ValueError, OverflowError) as e:
        expected = e
    x = tensor(np.array([1, 1], dtype=dtype))
    if expected is not None:
        with pytest.raises(type(expected), match=str(expected)):
            x[0] = value
        np.testing.assert_array_equal(x.data, [1, 1])
    else:
        with np.errstate(invalid="ignore"):
            x[0] = value
        np.testing.assert_array_equal(x.data, arr)


def test_writing_inf_into_an_integer_tensor_raises_as_numpy():
    x = tensor([1, 2])
    with pytest.raises(OverflowError):
        x[1] = np.inf


def test_writing_finite_floats_into_an_integer_tensor_truncates_as_numpy():
    x = tensor([1, 2, 3])
    x[0] = 7.9
    x[1:] = np.float64(-2.5)
    arr = np.array([1, 2, 3])
    arr[0] = 7.9
    arr[1:] = np.float64(-2.5)
    np.testing.assert_array_equal(x.data, arr)
