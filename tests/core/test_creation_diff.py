"""full and linspace differentiable in their tensor arguments (issue 14), and their
MyGrad behaviour kept for non-tensor arguments."""

from __future__ import annotations

import mygrad as mg
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mygrad_core as mgc
from mygrad_core import Tensor, tensor
from mygrad_core.testing import strategies as mst

from ._manip import check


def test_full_seed_examples():
    # seed 000_7568d7cea38c6584.txt:4847 and :4855: an int fill value gives an int tensor
    for value in (33, 10):
        out = mg.full((2, 2), value)
        assert out.dtype.kind == "i" and out.constant
        np.testing.assert_array_equal(out.data, np.full((2, 2), value))


@given(
    shapes=mst.broadcastable_shapes(num_shapes=2, min_dims=0, max_dims=3, max_side=3),
    dtype=st.sampled_from([None, "float64", "float32"]),
    data=st.data(),
)
def test_full_differentiable_in_fill_value(shapes, dtype, data):
    fill_shape, shape = shapes
    shape = tuple(np.broadcast_shapes(fill_shape, shape))  # the fill value must broadcast to it
    fill = data.draw(mst.arrays(shape=fill_shape))
    check(
        lambda v, **kw: mgc.full(shape, v, dtype, **kw),
        lambda v: np.full(shape, v, dtype),
        fill,
        grad=dtype != "float32",
        leaf_from_constants=True,
    )


def test_full_gradient_sums_over_the_broadcast():
    v = tensor([1.0, 2.0])
    out = mgc.full((3, 2), v)
    out.backward(np.arange(6.0).reshape(3, 2))
    np.testing.assert_array_equal(v.grad, [6.0, 9.0])


def test_full_keeps_mygrad_leaf_behaviour_without_a_variable():
    assert not mgc.full((2,), 1.5).constant  # a float leaf is a variable, as MyGrad's
    assert not mgc.full((2,), tensor(1.5, constant=True)).constant
    assert mgc.full((2,), 1.5, constant=True).constant
    assert mgc.full((2,), tensor(1.5), dtype=int).constant  # an int result is a constant
    with pytest.raises(ValueError):
        mgc.full((2, 3), tensor([1.0, 2.0]))


def test_linspace_seed_examples():
    # seed 000_7568d7cea38c6584.txt:5514 and :5516
    np.testing.assert_allclose(mg.linspace(2.0, 3.0, num=5).data, [2.0, 2.25, 2.5, 2.75, 3.0])
    np.testing.assert_allclose(mg.linspace(2.0, 3.0, num=5, endpoint=False).data, [2.0, 2.2, 2.4, 2.6, 2.8])


@given(
    shapes=mst.broadcastable_shapes(num_shapes=2, min_dims=0, max_dims=2, max_side=3),
    num=st.integers(0, 5),
    endpoint=st.booleans(),
    data=st.data(),
)
def test_linspace_differentiable_in_start_and_stop(shapes, num, endpoint, data):
    start = data.draw(mst.arrays(shape=shapes[0]))
    stop = data.draw(mst.arrays(shape=shapes[1]))
    nd = len(np.broadcast_shapes(*shapes)) + 1
    axis = data.draw(st.integers(-nd, nd - 1))
    check(
        lambda a, b, **kw: mgc.linspace(a, b, num, endpoint, axis=axis, **kw),
        lambda a, b: np.linspace(a, b, num, endpoint, axis=axis),
        start,
        stop,
        np_fn=lambda a, b: np.linspace(a, b, num, endpoint, axis=axis),
        leaf_from_constants=True,
    )


def test_linspace_one_variable_end_and_integer_dtype():
    a = tensor(1.0)
    out = mgc.linspace(a, 5.0, num=5)
    out.backward()
    assert a.grad == pytest.approx(2.5)  # sum of (1 - frac) over frac = 0, .25, ..., 1
    ints = mgc.linspace(tensor(0.0), 10.0, num=4, dtype=int)
    assert ints.constant and ints.dtype.kind == "i"
    np.testing.assert_array_equal(ints.data, np.linspace(0.0, 10.0, num=4, dtype=int))


def test_linspace_retstep_and_numpy_signature():
    a, b = tensor(0.0), tensor(1.0)
    out, step = mgc.linspace(a, b, 5, retstep=True)
    assert isinstance(out, Tensor) and step == 0.25
    # numpy.linspace's positional order: (start, stop, num, endpoint, retstep, dtype, axis)
    out, step = np.linspace(a, b, 3, False, True)
    assert isinstance(out, Tensor) and not out.constant
    np.testing.assert_allclose(out.data, np.linspace(0.0, 1.0, 3, False))
    assert step == pytest.approx(1 / 3)
    with pytest.raises(ValueError, match="non-negative"):
        np.linspace(a, b, -1)
