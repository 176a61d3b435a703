"""In-place writes and views (issue 11, item 7 (a)-(f); ERRATA rows on in-place
writes into read-only data and constants, on taking views, on disconnected views)."""

from __future__ import annotations

import gc

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mygrad_core as mgc
from mygrad_core import tensor
from mygrad_core.testing import strategies as mst

from ._ops import add, multiply, square, sum_


def _write(x, kind, value):
    if kind == "setitem":
        x[...] = value
    elif kind == "slice":
        x[:1] = value[..., :1]
    elif kind == "iadd":
        x += value
    elif kind == "out":
        multiply(value, 2.0, out=x)
    else:  # pragma: no cover
        raise AssertionError(kind)


WRITES = ["setitem", "slice", "iadd", "out"]


# ------------------------------------------------------------ (a) user's read-only data


@pytest.mark.parametrize("kind", WRITES)
@pytest.mark.parametrize("in_graph", [False, True])
@pytest.mark.parametrize("tracking", [True, False])
def test_write_into_users_read_only_data_raises(kind, in_graph, tracking):
    a = np.arange(3.0)
    a.flags.writeable = False
    x = tensor(a, copy=False)
    assert x.data is a
    y = sum_(square(x)) if in_graph else None
    with (mgc.no_autodiff if not tracking else _Nothing()):
        with pytest.raises(ValueError, match="read-only"):
            _write(x, kind, tensor([1.0]))
    assert x.data is a  # never silently rebound to a copy
    np.testing.assert_array_equal(a, [0.0, 1.0, 2.0])
    if y is not None:
        y.backward()
        np.testing.assert_array_equal(x.grad, [0.0, 2.0, 4.0])
    assert not a.flags.writeable  # still the user's choice


class _Nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return None


# ------------------------------------------------------------ (b) constant targets


@pytest.mark.parametrize("kind", WRITES)
def test_constant_target_stays_constant(kind):
    x = tensor([1.0, 2.0, 3.0], constant=True)
    w = tensor([4.0, 5.0, 6.0])
    _write(x, kind, w)
    assert x.constant
    sum_(multiply(x, w)).backward()
    assert x.grad is None
    np.testing.assert_array_equal(w.grad, x.data)  # only through the explicit use


@given(
    x=mst.tensors(shape=mst.shapes(min_dims=1, max_dims=2, min_side=1, max_side=3), constant=True),
    kind=st.sampled_from(WRITES),
)
def test_property_the_target_decides_constness(x, kind):
    w = tensor(np.ones(x.shape[-1:]))
    _write(x, kind, w)
    assert x.constant and x.creator is None
    y = sum_(multiply(x, w))
    y.backward()
    assert x.grad is None
    np.testing.assert_allclose(w.grad, x.data.reshape(-1, x.shape[-1]).sum(0))


# ------------------------------------------------------------ (c) taking a view


@pytest.mark.parametrize("take", [lambda b: b[:2], lambda b: b[::-1], lambda b: b.reshape(3, 1)])
def test_taking_a_view_keeps_the_base_gradient(take):
    b = tensor([1.0, 2.0, 3.0])
    sum_(square(b)).backward()
    v = take(b)
    np.testing.assert_array_equal(b.grad, [2.0, 4.0, 6.0])
    np.testing.assert_array_equal(v.grad, take(np.array([2.0, 4.0, 6.0])))


def test_a_new_op_still_nulls_the_gradients():
    b = tensor([1.0, 2.0, 3.0])
    sum_(square(b)).backward()
    v = b[:2]
    multiply(v, 2.0)
    assert b.grad is None and v.grad is None


@given(b=mst.tensors(shape=mst.shapes(min_dims=1, max_dims=2, min_side=1, max_side=4), constant=False), data=st.data())
def test_property_view_after_backward_sees_the_base_gradient(b, data):
    sum_(square(b)).backward()
    expected = 2 * b.data
    v = data.draw(mst.views_of(b))
    np.testing.assert_array_equal(b.grad, expected)
    assert v.base is b
    np.testing.assert_array_equal(v.grad, expected[tuple(_index_of(v, b))])


def _index_of(v, b):
    # the view's slices, recovered from its memory offset and strides
    offset = (v.data.__array_interface__["data"][0] - b.data.__array_interface__["data"][0]) // b.data.itemsize
    index = []
    for axis in range(b.ndim):
        stride = b.data.strides[axis] // b.data.itemsize
        start, offset = divmod(offset, stride) if stride else (0, offset)
        step = v.data.strides[axis] // b.data.strides[axis] if v.shape[axis] > 1 else 1
        index.append(slice(start, start + step * v.shape[axis], step))
    return index


# ------------------------------------------------------------ (d) disconnected views


def test_disconnected_view_drops_base_when_it_enters_a_new_op():
    x = tensor([1.0, 2.0, 3.0])
    v = x[:2]
    sum_(multiply(v, 2.0)).backward()
    assert v.base is x  # kept until it enters a new op
    np.testing.assert_array_equal(v.grad, [2.0, 2.0])
    w = sum_(multiply(v, 3.0))
    assert v.base is None
    w.backward()
    np.testing.assert_array_equal(v.grad, [3.0, 3.0])  # its own gradient
    np.testing.assert_array_equal(x.grad, [2.0, 2.0, 0.0])  # x took no part
    v2 = x[1:]
    np.testing.assert_array_equal(v2.grad, [2.0, 0.0])


def test_disconnected_view_drops_base_on_an_in_place_op():
    x = tensor([1.0, 2.0, 3.0])
    v = x[:2]
    sum_(v).backward()
    v *= 2.0
    assert v.base is None
    sum_(v).backward()
    np.testing.assert_array_equal(v.grad, [1.0, 1.0])


# ------------------------------------------------------------ (e) in-place reshape


def test_in_place_reshape_keeps_view_and_gradient_links():
    x = tensor([1.0, 2.0, 3.0, 4.0])
    y = x[...]
    x.shape = (2, 2)
    y.backward()
    np.testing.assert_array_equal(x.grad, np.ones((2, 2)))


@given(x=mst.tensors(shape=st.sampled_from([(4,), (2, 2), (1, 4)]), constant=False), new=st.sampled_from([(4,), (2, 2), (4, 1)]))
def test_property_in_place_reshape_gradient(x, new):
    x0 = x.data.copy()
    z = square(x)
    x.shape = new
    (sum_(z) + sum_(multiply(x, 3.0))).backward()
    np.testing.assert_allclose(x.grad, (2 * x0 + 3.0).reshape(new))


# ------------------------------------------------------------ (f) writeability comes back


def _end(graph, how, *also):
    if how == "backward":
        graph.backward()
    elif how == "clear":
        graph.clear_graph()
    for t in also:
        if how == "backward":
            t.backward()
        elif how == "clear":
            t.clear_graph()


ENDS = ["backward", "clear", "drop"]


@pytest.mark.parametrize("how", ENDS)
def test_writeable_again_view_of_view_written_in_place(how):
    x = tensor(np.arange(6.0))
    v = x[1:]
    w = v[1:]
    w *= 2.0
    y = sum_(multiply(w, 2.0))
    _end(y, how)
    del y, v, w
    gc.collect()
    if how == "drop":
        x.clear_graph()  # x itself holds the in-place history
    assert x.data.flags.writeable


@pytest.mark.parametrize("how", ENDS)
def test_writeable_again_two_views_of_one_base_in_one_op(how):
    x = tensor(np.arange(6.0))
    a, b = x[:3], x[3:]
    y = sum_(multiply(a, b))
    _end(y, how)
    del y, a, b
    gc.collect()
    assert x.data.flags.writeable


@pytest.mark.parametrize("how", ENDS)
def test_writeable_again_numpy_view_of_a_guarded_array_used_as_input(how):
    x = tensor(np.arange(6.0))
    y0 = multiply(x, 1.0)  # guards x
    nv = x.data[:3]  # so this NumPy view is born read-only
    assert not nv.flags.writeable
    y = sum_(multiply(nv, y0[:3]))
    _end(y, how, y0)
    del y, y0
    gc.collect()
    assert x.data.flags.writeable and nv.flags.writeable


@pytest.mark.parametrize("how", ENDS)
def test_writeable_again_data_of_a_tensor_reshaped_in_place(how):
    x = tensor(np.arange(6.0))
    y0 = multiply(x, 2.0)
    x.shape = (2, 3)
    y = sum_(multiply(x, 2.0))
    _end(y, how, y0)
    del y, y0
    gc.collect()
    assert x.data.flags.writeable


@given(
    x0=mst.arrays(shape=st.sampled_from([(4,), (2, 3), (6,)]), dtype=np.float64),
    steps=st.lists(st.sampled_from(["view", "view_of_view", "numpy_view", "write_view", "iadd", "reshape", "op"]), min_size=1, max_size=5),
    how=st.sampled_from(ENDS),
)
def test_property_guard_never_leaves_an_array_read_only(x0, steps, how):
    x = tensor(x0)
    _build_and_end(x, steps, how)  # every graph lives in that call's frame only
    gc.collect()
    x.clear_graph()  # the in-place history x itself holds
    assert x.data.flags.writeable
    base = x.data.base
    while isinstance(base, np.ndarray):
        assert base.flags.writeable
        base = base.base


def _build_and_end(x, steps, how):
    keep = []  # tensors (and graphs) alive until the end
    for step in steps:
        if step == "view":
            keep.append(x[:1])
        elif step == "view_of_view":
            keep.append(x[...][:1])
        elif step == "numpy_view":
            keep.append(multiply(x.data[:1], add(x, 0.0)[:1]))
        elif step == "write_view":
            v = x[:1]
            v *= 2.0
            keep.append(v)
        elif step == "iadd":
            x += 1.0
        elif step == "reshape":
            x.shape = (x.size,) if x.ndim > 1 else (1, x.size)
        else:
            keep.append(square(x))
    y = sum_(multiply(x, 2.0))
    for k in keep:
        y = add(y, sum_(k))
    _end(y, how)
