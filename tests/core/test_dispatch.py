"""NumPy dispatch (G12): __array_ufunc__ / __array_function__ through the registry."""

from __future__ import annotations

import numpy as np
import pytest

import mygrad_core as mgc
from mygrad_core import tensor
from mygrad_core.registry import REGISTRY


def test_intro_example_np_sum():
    # seed 000 L14-21
    x = tensor([1.0, 2.0, 3.0])
    f = np.sum(x * x)
    assert isinstance(f, mgc.Tensor)
    f.backward()
    np.testing.assert_array_equal(x.grad, [2.0, 4.0, 6.0])


def test_np_square_scalar_derivative():
    # seed 000 L237-253 and changelog L26389-26394
    x = tensor(3.0)
    f = np.square(x)
    assert isinstance(f, mgc.Tensor) and f.item() == 9.0
    f.backward()
    assert x.grad == 6.0


def test_ufunc_dispatch_with_ndarray_first():
    x = tensor([1.0, 2.0])
    r = np.multiply(np.array([3.0, 4.0]), x)
    assert isinstance(r, mgc.Tensor)
    r.backward()
    np.testing.assert_array_equal(x.grad, [3.0, 4.0])
    r = np.array([3.0, 4.0]) * x  # ndarray.__mul__ defers to the tensor
    assert isinstance(r, mgc.Tensor)


def test_function_overrides_of_the_core():
    x = tensor([[1.0, 2.0], [3.0, 4.0]])
    for f, args in [
        (np.reshape, ((4,),)),
        (np.transpose, ()),
        (np.moveaxis, (0, 1)),
        (np.swapaxes, (0, 1)),
        (np.squeeze, ()),
        (np.expand_dims, (0,)),
        (np.ravel, ()),
        (np.broadcast_to, ((2, 2, 2),)),
        (np.roll, (1,)),
        (np.repeat, (2,)),
        (np.atleast_3d, ()),
        (np.ones_like, ()),
        (np.zeros_like, ()),
    ]:
        r = f(x, *args)
        assert isinstance(r, mgc.Tensor), f
        np.testing.assert_array_equal(r.data, f(x.data, *args))
    r = np.concatenate([x, x])
    assert isinstance(r, mgc.Tensor) and r.shape == (4, 2)
    r = np.stack([x, x.data])
    assert isinstance(r, mgc.Tensor) and r.shape == (2, 2, 2)
    r.backward()
    np.testing.assert_array_equal(x.grad, np.ones((2, 2)))


def test_data_functions_return_ndarrays():
    x = tensor([1.0, 2.0])
    y = tensor([2.0, 2.0])
    for f, want in [
        (np.equal, [False, True]),
        (np.not_equal, [True, False]),
        (np.less, [True, False]),
        (np.less_equal, [True, True]),
        (np.greater, [False, False]),
        (np.greater_equal, [False, True]),
    ]:
        r = f(x, y)
        assert type(r) is np.ndarray
        np.testing.assert_array_equal(r, want)
    assert np.shares_memory(x, x[:1]) and not np.shares_memory(x, y)
    assert np.may_share_memory(x, x.data)
    assert np.shape(x) == (2,) and np.ndim(x) == 1 and np.size(x) == 2
    assert np.result_type(x, np.float32) == np.float64
    assert np.can_cast(x, np.float32, "same_kind")
    assert np.min_scalar_type(tensor(3)) == np.uint8


def test_missing_ufunc_names_the_plugin():
    x = tensor([1.0, 2.0])
    REGISTRY.ufunc_overrides.pop(np.sin, None)
    # a plain function's provider is known only from an installed manifest
    from mygrad_core.registry import provider_of

    with pytest.raises(TypeError, match="mygrad-math" if provider_of("sin") else "does not support mygrad tensors"):
        np.sin(x)
    # (an unknown NumPy function: NumPy's own "no implementation found" TypeError)
    with pytest.raises(TypeError, match="mygrad-math" if provider_of("mean") else "numpy.mean"):
        np.mean(x)
    with pytest.raises(TypeError, match="mygrad-linalg"):
        np.linalg.norm(x)


def test_unknown_function_returns_not_implemented():
    x = tensor([1.0, 2.0])
    with pytest.raises(TypeError):
        np.polyval(x, 2.0)


def test_out_tuple_through_numpy():
    x = tensor([1.0, 2.0])
    out = tensor([0.0, 0.0])
    r = np.multiply(x, 2.0, out=out)
    assert r is out
    np.testing.assert_array_equal(out, [2.0, 4.0])


def test_asarray_has_no_copy():
    x = tensor([1.0, 2.0])
    assert np.asarray(x) is x.data
    assert mgc.asarray(x) is x.data
    # seed 000 L3741-3793
    a = np.array([1, 2])
    assert mgc.asarray(a) is a
    assert mgc.asarray(a, dtype=np.int64 if a.dtype == np.int64 else np.int32) is a
    assert mgc.asarray(a, dtype=float) is not a
    np.testing.assert_array_equal(mgc.asarray([1, 2]), [1, 2])
    rec = np.rec.array([(1.0, 2.0)], dtype=[("a", "f8"), ("b", "f8")])
    assert type(mgc.asarray(rec)) is np.ndarray
