"""vstack, hstack, dstack, column_stack, row_stack, block, append, insert, delete and the
splits (issue 14): values and view-ness as NumPy, gradients against central differences."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import mygrad_core as mgc
from mygrad_core import Tensor, tensor
from mygrad_core.testing import assert_grads_match_numerical
from mygrad_core.testing import strategies as mst

from ._manip import NUMPY2, check
from ._ops import multiply

AxisError = getattr(np, "exceptions", np).AxisError


@st.composite
def join_inputs(draw, free_axis):
    """1 to 3 arrays of one shape, but for the length along ``free_axis(ndim)`` (None: all alike)."""
    shape = draw(mst.shapes(min_dims=0, max_dims=3, min_side=1, max_side=2))
    ax = free_axis(len(shape))
    arrays = []
    for _ in range(draw(st.integers(1, 3))):
        s = list(shape)
        if ax is not None:
            s[ax] = draw(st.integers(0, 3))
        arrays.append(draw(mst.arrays(shape=tuple(s))))
    return arrays


STACKS = {
    "vstack": lambda nd: 0 if nd >= 2 else None,
    "hstack": lambda nd: None if nd == 0 else (0 if nd == 1 else 1),
    "dstack": lambda nd: 2 if nd >= 3 else None,
    "column_stack": lambda nd: 1 if nd >= 2 else None,
}


@pytest.mark.parametrize("name", sorted(STACKS))
@given(data=st.data())
def test_stacks(name, data):
    arrays = data.draw(join_inputs(STACKS[name]))
    mg_f, np_f = getattr(mgc, name), getattr(np, name)
    check(lambda *ts, **kw: mg_f(list(ts), **kw), lambda *a: np_f(list(a)), *arrays, np_fn=lambda *ts: np_f(list(ts)))


@pytest.mark.filterwarnings("ignore:`row_stack` alias is deprecated:DeprecationWarning")
@given(arrays=join_inputs(STACKS["vstack"]))
def test_row_stack(arrays):
    check(lambda *ts, **kw: mgc.row_stack(list(ts), **kw), lambda *a: np.vstack(list(a)), *arrays,
          np_fn=lambda *ts: np.row_stack(list(ts)))


def test_row_stack_is_deprecated_as_in_numpy():
    if NUMPY2:
        with pytest.warns(DeprecationWarning, match="row_stack"):
            mgc.row_stack([tensor([1.0]), tensor([2.0])])
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            mgc.row_stack([tensor([1.0]), tensor([2.0])])


def test_stack_dtype_and_casting():
    a, b = tensor([1.0, 2.0]), tensor([3.0])
    assert mgc.hstack([a, b], dtype="float32").dtype == np.float32
    with pytest.raises(TypeError):
        np.vstack([a.data, a.data], dtype="int32", casting="safe")
    with pytest.raises(TypeError):
        mgc.vstack([a, a], dtype="int32", casting="safe")


def test_stack_errors_as_numpy():
    with pytest.raises(ValueError):
        mgc.vstack([])
    with pytest.raises(ValueError):
        mgc.hstack([tensor(np.zeros((2, 2))), tensor(np.zeros((3, 2)))])
    with pytest.raises(TypeError, match="sequence"):
        mgc.vstack(t for t in [tensor([1.0])])


@given(data=st.data())
def test_block(data):
    r1, r2, c1, c2 = (data.draw(st.integers(1, 3)) for _ in range(4))
    shapes = [(r1, c1), (r1, c2), (r2, c1), (r2, c2)]
    arrays = [data.draw(mst.arrays(shape=s)) for s in shapes]

    def layout(a, b, c, d):
        return [[a, b], [c, d]]

    check(lambda *ts, **kw: mgc.block(layout(*ts), **kw), lambda *a: np.block(layout(*a)), *arrays,
          np_fn=lambda *ts: np.block(layout(*ts)))


@given(x=mst.arrays(shape=mst.shapes(min_dims=0, max_dims=2, min_side=1, max_side=3)),
       y=mst.arrays(shape=mst.shapes(min_dims=0, max_dims=1, min_side=1, max_side=3)))
def test_block_promotes_dimensions_as_numpy(x, y):
    check(lambda a, **kw: mgc.block([[[a]], [[a]]], **kw), lambda a: np.block([[[a]], [[a]]]), x)
    check(lambda a, b, **kw: mgc.block([[a], [b]], **kw), lambda a, b: np.block([[a], [b]]), x, x)
    check(lambda b, **kw: mgc.block([b, b], **kw), lambda b: np.block([b, b]), y)


def test_block_gradient_with_a_constant_first_block():
    c = tensor([[1.0]], constant=True)
    v = tensor([[2.0, 3.0]])
    out = mgc.block([[c, v]])
    out.backward(np.array([[5.0, 6.0, 7.0]]))
    assert c.grad is None
    np.testing.assert_array_equal(v.grad, [[6.0, 7.0]])


def test_block_errors_as_numpy():
    with pytest.raises(TypeError, match="tuple"):
        mgc.block((tensor([1.0]), tensor([2.0])))
    with pytest.raises(ValueError):
        mgc.block([[tensor([1.0])], tensor([2.0])])
    with pytest.raises(ValueError):
        mgc.block([])


@given(x=mst.arrays(shape=mst.shapes(min_dims=0, max_dims=3, min_side=1, max_side=3)), data=st.data())
def test_append(x, data):
    axis = data.draw(st.none() | st.integers(-x.ndim, x.ndim - 1)) if x.ndim else None
    if axis is None:
        vshape = data.draw(mst.shapes(min_dims=0, max_dims=2, min_side=0, max_side=3))
    else:
        s = list(x.shape)
        s[axis] = data.draw(st.integers(0, 3))
        vshape = tuple(s)
    v = data.draw(mst.arrays(shape=vshape))
    check(lambda a, b, **kw: mgc.append(a, b, axis, **kw), lambda a, b: np.append(a, b, axis), x, v,
          np_fn=lambda a, b: np.append(a, b, axis))


@given(x=mst.arrays(shape=mst.shapes(min_dims=1, max_dims=3, min_side=1, max_side=3)), data=st.data())
def test_insert(x, data):
    axis = data.draw(st.none() | st.integers(-x.ndim, x.ndim - 1))
    n = x.size if axis is None else x.shape[axis]
    position = st.integers(-n, n)
    obj = data.draw(position | st.lists(position, min_size=1, max_size=3) | st.slices(n))
    m = len(range(n)[obj]) if isinstance(obj, slice) else (len(obj) if isinstance(obj, list) else 1)
    if axis is None:
        vshape = data.draw(st.sampled_from([(), (m,)]))
    else:
        s = list(x.shape)
        s[axis] = m
        vshape = data.draw(st.sampled_from([(), tuple(s)]))
    v = data.draw(mst.arrays(shape=vshape))
    try:
        np.insert(x, obj, v, axis)
    except (ValueError, IndexError):
        assume(False)
    check(lambda a, b, **kw: mgc.insert(a, obj, b, axis, **kw), lambda a, b: np.insert(a, obj, b, axis), x, v,
          np_fn=lambda a, b: np.insert(a, obj, b, axis))


def test_insert_broadcast_value_gets_summed_gradient():
    x = tensor(np.zeros((2, 3)))
    v = tensor(1.0)
    out = mgc.insert(x, [0, 2], v, axis=1)
    out.backward(np.arange(10.0).reshape(2, 5))
    # v fills columns 0 and 3 of the result: 0 + 3 + 5 + 8
    assert v.grad == 16.0
    np.testing.assert_array_equal(x.grad, [[1.0, 2.0, 4.0], [6.0, 7.0, 9.0]])


@given(x=mst.arrays(shape=mst.shapes(min_dims=1, max_dims=3, min_side=1, max_side=4)), data=st.data())
def test_delete(x, data):
    axis = data.draw(st.none() | st.integers(-x.ndim, x.ndim - 1))
    n = x.size if axis is None else x.shape[axis]
    index = st.integers(-n, n - 1)
    obj = data.draw(
        index
        | st.lists(index, max_size=3)
        | st.slices(n)
        | st.lists(st.booleans(), min_size=n, max_size=n).map(np.array)
    )
    check(lambda a, **kw: mgc.delete(a, obj, axis, **kw), lambda a: np.delete(a, obj, axis), x,
          np_fn=lambda a: np.delete(a, obj, axis))


def test_delete_errors_as_numpy():
    x = np.zeros(3)
    with pytest.raises(IndexError):
        np.delete(x, 5)
    with pytest.raises(IndexError):
        mgc.delete(tensor(x), 5)


# ------------------------------------------------------------------ splits


def check_pieces(mg_split, np_split, x):
    """Every piece: a view as NumPy's, right values, right gradient, constant=."""
    expected = np_split(x)
    pieces = mg_split(tensor(x))
    assert len(pieces) == len(expected)
    assert type(pieces) is type(expected)
    for i in range(len(expected)):
        check(lambda t, i=i, **kw: mg_split(t, **kw)[i], lambda a, i=i: np_split(a)[i], x,
              np_fn=lambda t, i=i: np_split(t)[i])


@st.composite
def split_spec(draw, n):
    """An int that divides ``n`` (sections) or a list of indices (possibly unsorted/out of range)."""
    divisors = [d for d in range(1, n + 1) if n % d == 0] or [1]
    return draw(st.sampled_from(divisors) | st.lists(st.integers(-n - 1, n + 1), max_size=3))


@given(x=mst.arrays(shape=mst.shapes(min_dims=1, max_dims=3, min_side=0, max_side=4)), data=st.data())
def test_split(x, data):
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    spec = data.draw(split_spec(x.shape[axis]))
    check_pieces(lambda t, **kw: mgc.split(t, spec, axis, **kw), lambda a: np.split(a, spec, axis), x)


def test_split_errors_as_numpy():
    with pytest.raises(ValueError, match="equal division"):
        np.split(np.zeros(5), 2)
    with pytest.raises(ValueError, match="equal division"):
        mgc.split(tensor(np.zeros(5)), 2)
    with pytest.raises(ValueError):
        mgc.array_split(tensor(np.zeros(5)), 0)


@given(x=mst.arrays(shape=mst.shapes(min_dims=1, max_dims=3, min_side=0, max_side=4)), data=st.data())
def test_array_split(x, data):
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    spec = data.draw(st.integers(1, 5) | st.lists(st.integers(-5, 5), max_size=3))
    check_pieces(lambda t, **kw: mgc.array_split(t, spec, axis, **kw), lambda a: np.array_split(a, spec, axis), x)


@pytest.mark.parametrize("name, min_dims, axis", [("hsplit", 1, None), ("vsplit", 2, 0), ("dsplit", 3, 2)])
@given(data=st.data())
def test_hsplit_vsplit_dsplit(name, min_dims, axis, data):
    x = data.draw(mst.arrays(shape=mst.shapes(min_dims=min_dims, max_dims=3, min_side=1, max_side=4)))
    ax = axis if axis is not None else (1 if x.ndim > 1 else 0)
    spec = data.draw(split_spec(x.shape[ax]))
    mg_f, np_f = getattr(mgc, name), getattr(np, name)
    check_pieces(lambda t, **kw: mg_f(t, spec, **kw), lambda a: np_f(a, spec), x)


def test_dsplit_needs_3d_as_numpy():
    with pytest.raises(ValueError):
        np.dsplit(np.zeros((2, 2)), 2)
    with pytest.raises(ValueError):
        mgc.dsplit(tensor(np.zeros((2, 2))), 2)


def _unstack_ref(a, axis=0):
    return tuple(np.moveaxis(a, axis, 0))  # NumPy 1.26 has no np.unstack


@given(x=mst.arrays(shape=mst.shapes(min_dims=1, max_dims=3, min_side=0, max_side=4)), data=st.data())
def test_unstack(x, data):
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    if NUMPY2 and hasattr(np, "unstack"):
        for a, b in zip(np.unstack(x, axis=axis), _unstack_ref(x, axis)):
            np.testing.assert_array_equal(a, b)
    expected = _unstack_ref(x, axis)
    pieces = mgc.unstack(tensor(x), axis=axis)
    assert type(pieces) is tuple and len(pieces) == len(expected)
    for i in range(len(expected)):
        np_fn = (lambda t, i=i: np.unstack(t, axis=axis)[i]) if hasattr(np, "unstack") else None
        check(lambda t, i=i, **kw: mgc.unstack(t, axis=axis, **kw)[i], lambda a, i=i: _unstack_ref(a, axis)[i], x,
              np_fn=np_fn)


def test_unstack_errors():
    with pytest.raises(ValueError, match="1-d"):
        mgc.unstack(tensor(1.0))
    with pytest.raises(AxisError):
        mgc.unstack(tensor([1.0]), axis=1)


def test_split_pieces_are_views_whose_grads_flow_to_the_base():
    x = tensor(np.arange(6.0))
    a, b = mgc.split(x, 2)
    assert a.base is x and b.base is x
    multiply(a, b).backward()
    np.testing.assert_array_equal(x.grad, [3.0, 4.0, 5.0, 0.0, 1.0, 2.0])
    assert_grads_match_numerical(lambda t: multiply(*mgc.split(t, 2)), x.data)
    assert all(isinstance(p, Tensor) for p in np.array_split(tensor(np.arange(5.0)), 2))


def test_array_split_reads_sections_as_numpy():
    x = np.arange(5.0)
    for spec in (2.0, np.int64(2), np.array([1, 3]), (4,)):
        check_pieces(lambda t, spec=spec, **kw: mgc.array_split(t, spec, **kw), lambda a, spec=spec: np.array_split(a, spec), x)
