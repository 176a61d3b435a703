"""A ufunc (and any op) called with an ndarray ``out=`` returns a Tensor whose ``.data``
is that array and which stays in the graph; the array is guarded while the graph lives
(issue 11, item 9; ERRATA row "ufunc with an ndarray `out=`")."""

from __future__ import annotations

import hypothesis.strategies as st
import numpy as np
import pytest
from hypothesis import given

import mygrad_core as mgc
from mygrad_core import tensor
from mygrad_core.testing import assert_grads_match_numerical
from mygrad_core.testing.strategies import arrays, broadcastable_shapes

from . import _ops

_CALLS = [
    pytest.param(lambda a, b, **kw: _ops.multiply(a, b, **kw), id="mg-ufunc"),
    pytest.param(lambda a, b, **kw: np.multiply(a, b, **kw), id="np-ufunc"),
    pytest.param(lambda a, b, **kw: _ops.multiply(a, b, kw.pop("out"), **kw), id="positional-out"),
    pytest.param(lambda a, b, **kw: _ops.multiply(a, b, out=(kw.pop("out"),), **kw), id="tuple-out"),
]


@pytest.mark.parametrize("call", _CALLS)
def test_ndarray_out_returns_a_tensor_over_it_that_stays_in_the_graph(call):
    # seed 000_7568d7cea38c6584.txt:19418 (a ufunc's `out: Optional[Union[Tensor, ndarray]]`)
    x = tensor([1.0, 2.0, 3.0])
    arr = np.zeros(3)
    y = call(x, 2.0, out=arr)
    assert isinstance(y, mgc.Tensor)
    assert y.data is arr
    np.testing.assert_array_equal(arr, [2.0, 4.0, 6.0])
    assert not y.constant and y.creator is not None
    # guarded while the graph lives
    assert not arr.flags.writeable
    with pytest.raises(ValueError, match="read-only"):
        arr[0] = 100.0
    _ops.multiply(y, y).backward()
    np.testing.assert_array_equal(x.grad, 2 * 2 * arr)  # d(4x^2)/dx = 8x
    assert arr.flags.writeable


@pytest.mark.parametrize("call", _CALLS[:2])
def test_ndarray_out_with_where_keeps_the_skipped_entries_and_their_zero_gradient(call):
    x = tensor([1.0, 2.0, 3.0])
    arr = np.full(3, -5.0)
    y = call(x, 2.0, out=arr, where=np.array([True, False, True]))
    assert y.data is arr
    np.testing.assert_array_equal(arr, [2.0, -5.0, 6.0])
    y.backward()
    np.testing.assert_array_equal(x.grad, [2.0, 0.0, 2.0])
    assert arr.flags.writeable


def test_ndarray_out_released_when_the_graph_is_dropped():
    x = tensor([1.0, 2.0])
    arr = np.zeros(2)
    y = _ops.multiply(x, 3.0, out=arr)
    assert not arr.flags.writeable
    del y
    assert arr.flags.writeable


def test_ndarray_out_that_was_read_only_stays_so():
    arr = np.zeros(2)
    arr.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        _ops.multiply(tensor([1.0, 2.0]), 3.0, out=arr)


def test_ndarray_out_of_another_dtype_keeps_its_dtype():
    x = tensor([1.0, 2.0])
    arr = np.zeros(2, dtype=np.float32)
    y = _ops.multiply(x, 3.0, out=arr)
    assert y.data is arr and y.dtype == np.float32
    y.backward()
    np.testing.assert_array_equal(x.grad, [3.0, 3.0])


def test_ndarray_out_under_no_autodiff_is_an_untracked_tensor_over_it():
    x = tensor([1.0, 2.0])
    arr = np.zeros(2)
    with mgc.no_autodiff:
        y = _ops.multiply(x, 3.0, out=arr)
    assert y.data is arr and y.creator is None and arr.flags.writeable


def test_ndarray_out_of_a_non_ufunc_op():
    x = tensor([[1.0, 2.0], [3.0, 4.0]])
    arr = np.zeros(2)
    y = _ops.sum_(x, axis=0, out=arr)
    assert y.data is arr
    np.testing.assert_array_equal(arr, [4.0, 6.0])
    y.backward()
    np.testing.assert_array_equal(x.grad, np.ones((2, 2)))


def test_ndarray_out_with_guarding_off_is_not_locked():
    x = tensor([1.0, 2.0])
    arr = np.zeros(2)
    with mgc.mem_guard_off:
        y = _ops.multiply(x, 3.0, out=arr)
    assert y.data is arr and arr.flags.writeable
    y.backward()
    np.testing.assert_array_equal(x.grad, [3.0, 3.0])


@given(
    shapes=broadcastable_shapes(2, max_dims=3, max_side=3),
    data=st.data(),
    where=st.booleans(),
    via_numpy=st.booleans(),
)
def test_gradients_through_an_ndarray_out_match_numerical(shapes, data, where, via_numpy):
    a = data.draw(arrays(shape=shapes[0]))
    b = data.draw(arrays(shape=shapes[1]))
    out_shape = np.broadcast_shapes(*shapes)
    mask = data.draw(arrays(shape=out_shape, dtype=bool)) if where else True
    fn = np.multiply if via_numpy else _ops.multiply

    def f(x, y):
        kw = {} if mask is True else {"where": mask}
        # (called with ndarrays too, by the numerical differentiation)
        return fn(x, y, out=np.zeros(out_shape), **kw)

    assert_grads_match_numerical(f, a, b)
