"""Shape manipulation (mygrad.tensor_manip): forward == NumPy, gradients == numerical."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import mygrad_core as mgc
from mygrad_core import tensor
from mygrad_core.testing import assert_grads_match_numerical, assert_matches_numpy
from mygrad_core.testing import strategies as mst

from ._ops import sum_

small_shapes = mst.shapes(min_dims=0, max_dims=3, min_side=0, max_side=3)
nonempty = mst.shapes(min_dims=1, max_dims=3, min_side=1, max_side=3)


def check(mg_f, np_f, *arrays):
    assert_matches_numpy(mg_f, np_f, *arrays)
    assert_grads_match_numerical(mg_f, *arrays)


@given(x=mst.arrays(shape=small_shapes), data=st.data())
def test_reshape(x, data):
    shape = data.draw(st.permutations(list(x.shape)).map(tuple))
    if x.size and data.draw(st.booleans()):
        shape = (-1,) + shape[1:] if shape else (-1,)
    check(lambda t: mgc.reshape(t, shape), lambda a: np.reshape(a, shape), x)
    check(lambda t: t.reshape(*shape) if shape else t.reshape(()), lambda a: a.reshape(shape), x)


@given(x=mst.arrays(shape=small_shapes))
def test_ravel_flatten(x):
    check(mgc.ravel, np.ravel, x)
    check(mgc.flatten, lambda a: a.flatten(), x)
    check(lambda t: t.flatten(), lambda a: a.flatten(), x)
    check(lambda t: t.ravel(), np.ravel, x)


@given(x=mst.arrays(shape=small_shapes), data=st.data())
def test_transpose(x, data):
    axes = tuple(data.draw(st.permutations(range(x.ndim))))
    check(lambda t: mgc.transpose(t, axes), lambda a: np.transpose(a, axes), x)
    check(lambda t: mgc.transpose(t, *axes) if axes else mgc.transpose(t), lambda a: np.transpose(a, axes), x)
    check(lambda t: mgc.transpose(t), np.transpose, x)
    check(lambda t: t.T, lambda a: a.T, x)
    neg = tuple(ax - x.ndim for ax in axes)
    check(lambda t: t.transpose(neg), lambda a: a.transpose(neg), x)


@given(x=mst.arrays(shape=nonempty), data=st.data())
def test_swapaxes_moveaxis(x, data):
    ax = st.integers(-x.ndim, x.ndim - 1)
    a1, a2 = data.draw(ax), data.draw(ax)
    check(lambda t: mgc.swapaxes(t, a1, a2), lambda a: np.swapaxes(a, a1, a2), x)
    check(lambda t: t.swapaxes(a1, a2), lambda a: np.swapaxes(a, a1, a2), x)
    k = data.draw(st.integers(1, x.ndim))
    src = data.draw(st.permutations(range(x.ndim)))[:k]
    dst = data.draw(st.permutations(range(x.ndim)))[:k]
    check(lambda t: mgc.moveaxis(t, src, dst), lambda a: np.moveaxis(a, src, dst), x)
    check(lambda t: mgc.moveaxis(t, a1, a2), lambda a: np.moveaxis(a, a1, a2), x)


@given(data=st.data())
def test_squeeze_expand_dims(data):
    shape = data.draw(mst.shapes(min_dims=0, max_dims=4, min_side=1, max_side=2))
    x = data.draw(mst.arrays(shape=shape))
    check(mgc.squeeze, np.squeeze, x)
    ones = [i for i, n in enumerate(shape) if n == 1]
    if ones:
        axis = data.draw(st.sampled_from(ones))
        check(lambda t: mgc.squeeze(t, axis), lambda a: np.squeeze(a, axis), x)
        check(lambda t: t.squeeze(tuple(ones)), lambda a: np.squeeze(a, tuple(ones)), x)
    axis = data.draw(st.integers(-x.ndim - 1, x.ndim))
    check(lambda t: mgc.expand_dims(t, axis), lambda a: np.expand_dims(a, axis), x)


@given(data=st.data())
def test_broadcast_to(data):
    src, target = data.draw(mst.broadcastable_shapes(2, max_dims=3, max_side=3))
    target = np.broadcast_shapes(src, target)
    x = data.draw(mst.arrays(shape=src))
    check(lambda t: mgc.broadcast_to(t, target), lambda a: np.broadcast_to(a, target), x)


@given(x=mst.arrays(shape=mst.shapes(min_dims=0, max_dims=4, max_side=2)))
def test_atleast(x):
    for mg_f, np_f in ((mgc.atleast_1d, np.atleast_1d), (mgc.atleast_2d, np.atleast_2d), (mgc.atleast_3d, np.atleast_3d)):
        check(mg_f, np_f, x)


@given(x=mst.arrays(shape=nonempty), data=st.data())
def test_roll(x, data):
    shift = data.draw(st.integers(-5, 5))
    check(lambda t: mgc.roll(t, shift), lambda a: np.roll(a, shift), x)
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    check(lambda t: mgc.roll(t, shift, axis), lambda a: np.roll(a, shift, axis), x)
    if x.ndim >= 2:
        check(lambda t: mgc.roll(t, (shift, 1), (0, 1)), lambda a: np.roll(a, (shift, 1), (0, 1)), x)


@given(data=st.data(), n=st.integers(1, 3))
def test_concatenate(data, n):
    base = data.draw(nonempty)
    axis = data.draw(st.one_of(st.none(), st.integers(-len(base), len(base) - 1)))
    arrays = []
    for _ in range(n):
        shape = list(base)
        if axis is not None:
            shape[axis] = data.draw(st.integers(0, 3))
        else:
            shape = data.draw(small_shapes)
        arrays.append(data.draw(mst.arrays(shape=tuple(shape))))
    check(lambda *ts: mgc.concatenate(ts, axis=axis), lambda *a: np.concatenate(a, axis=axis), *arrays)


@given(data=st.data(), n=st.integers(1, 3))
def test_stack(data, n):
    shape = data.draw(small_shapes)
    arrays = [data.draw(mst.arrays(shape=shape)) for _ in range(n)]
    axis = data.draw(st.integers(-len(shape) - 1, len(shape)))
    check(lambda *ts: mgc.stack(ts, axis=axis), lambda *a: np.stack(a, axis=axis), *arrays)


@given(x=mst.arrays(shape=small_shapes), data=st.data())
def test_repeat(x, data):
    reps = data.draw(st.integers(0, 3))
    check(lambda t: mgc.repeat(t, reps), lambda a: np.repeat(a, reps), x)
    if x.ndim:
        axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
        per = data.draw(st.lists(st.integers(0, 3), min_size=x.shape[axis], max_size=x.shape[axis]))
        check(lambda t: mgc.repeat(t, per, axis), lambda a: np.repeat(a, per, axis), x)
        check(lambda t: t.repeat(reps, axis=axis), lambda a: np.repeat(a, reps, axis), x)


@given(data=st.data())
def test_where(data):
    s_cond, s_x, s_y = data.draw(mst.broadcastable_shapes(3, max_dims=3, max_side=3))
    cond = data.draw(mst.arrays(shape=s_cond, dtype=bool))
    x = data.draw(mst.arrays(shape=s_x))
    y = data.draw(mst.arrays(shape=s_y))
    check(lambda a, b: mgc.where(cond, a, b), lambda a, b: np.where(cond, a, b), x, y)
    assume(x.ndim >= 0)
    check(lambda a: mgc.where(cond, a, -1.0), lambda a: np.where(cond, a, -1.0), x)


# ---------------------------------------------------------------- documented examples


def test_ravel_reshape_flatten_examples():
    # seed 000 L6109-6114, L6202-6215, L6288-6293
    x = tensor([[1, 2], [3, 4]])
    np.testing.assert_array_equal(mgc.ravel(x), [1, 2, 3, 4])
    a = tensor([[1, 2, 3], [4, 5, 6]])
    np.testing.assert_array_equal(mgc.reshape(a, 6), [1, 2, 3, 4, 5, 6])
    np.testing.assert_array_equal(mgc.reshape(a, (3, -1)), [[1, 2], [3, 4], [5, 6]])
    np.testing.assert_array_equal(a.flatten(), [1, 2, 3, 4, 5, 6])


def test_moveaxis_roll_swapaxes_examples():
    # seed 000 L6382-6390, L6488-6505, L6591-6608
    x = mgc.zeros((3, 4, 5))
    assert mgc.moveaxis(x, 0, -1).shape == (4, 5, 3)
    assert mgc.moveaxis(x, -1, 0).shape == (5, 3, 4)
    assert mgc.moveaxis(x, [0, 1], [-1, -2]).shape == (5, 4, 3)
    x = mgc.arange(10)
    np.testing.assert_array_equal(mgc.roll(x, 2), [8, 9, 0, 1, 2, 3, 4, 5, 6, 7])
    x2 = mgc.reshape(x, (2, 5))
    np.testing.assert_array_equal(mgc.roll(x2, 1), [[9, 0, 1, 2, 3], [4, 5, 6, 7, 8]])
    np.testing.assert_array_equal(mgc.roll(x2, 1, axis=0), [[5, 6, 7, 8, 9], [0, 1, 2, 3, 4]])
    np.testing.assert_array_equal(mgc.roll(x2, 1, axis=1), [[4, 0, 1, 2, 3], [9, 5, 6, 7, 8]])
    x = tensor([[1, 2, 3]])
    np.testing.assert_array_equal(mgc.swapaxes(x, 0, 1), [[1], [2], [3]])
    x = tensor([[[0, 1], [2, 3]], [[4, 5], [6, 7]]])
    np.testing.assert_array_equal(mgc.swapaxes(x, 0, 2), np.swapaxes(np.arange(8).reshape(2, 2, 2), 0, 2))


def test_transpose_method_forms():
    # seed 000 L6752-6766
    a = tensor([[1, 2], [3, 4]])
    for t in (a.transpose(), a.transpose((1, 0)), a.transpose(1, 0)):
        np.testing.assert_array_equal(t, [[1, 3], [2, 4]])


def test_atleast_examples():
    # seed 000 L6852-6902 (the doc shows array(...) reprs; ours are Tensors)
    x = tensor([1.0, 2.0])
    assert mgc.atleast_1d(x) is x
    r = mgc.atleast_1d(1.0)
    assert isinstance(r, mgc.Tensor) and r.shape == (1,)
    out = mgc.atleast_1d(1.0, x)
    assert isinstance(out, list) and [o.shape for o in out] == [(1,), (2,)]
    assert out[1] is x
    r = np.atleast_1d(x, 2.0)
    assert all(isinstance(o, mgc.Tensor) for o in r)
    t = tensor(3.0)
    y = mgc.atleast_1d(t)
    y.backward()
    assert t.grad == 1.0
    # seed 000 L6988-7036, L7124-7180
    x = tensor([1.0, 2.0, 3.0])
    y = mgc.atleast_2d(x)
    assert y.shape == (1, 3) and y.base is x
    z = mgc.atleast_3d(x)
    assert z.shape == (1, 3, 1) and z.base is x
    assert mgc.atleast_3d(mgc.zeros((4, 3))).shape == (4, 3, 1)
    assert all(isinstance(o, mgc.Tensor) for o in np.atleast_2d(x, [1.0]))


def test_broadcast_to_expand_squeeze_examples():
    # seed 000 L7272-7282, L7360-7370, L7461-7475
    x = tensor([1, 2, 3])
    np.testing.assert_array_equal(mgc.broadcast_to(x, (3, 3)), [[1, 2, 3]] * 3)
    with pytest.raises(ValueError, match=r"\(4, 4\)"):
        mgc.broadcast_to(x, (4, 4))
    x = tensor([1, 2])
    assert mgc.expand_dims(x, 0).shape == (1, 2)
    assert mgc.expand_dims(x, 1).shape == (2, 1)
    x = tensor([[[0], [1], [2]]])
    assert mgc.squeeze(x).shape == (3,)
    assert mgc.squeeze(x, axis=0).shape == (3, 1)
    with pytest.raises(ValueError):
        mgc.squeeze(x, axis=1)
    assert mgc.squeeze(x, axis=2).shape == (1, 3)


def test_concatenate_stack_repeat_examples():
    # seed 000 L7616-7628
    a = tensor([[1, 2], [3, 4]])
    b = tensor([[5, 6]])
    np.testing.assert_array_equal(mgc.concatenate((a, b), axis=0), [[1, 2], [3, 4], [5, 6]])
    np.testing.assert_array_equal(mgc.concatenate((a, b.T), axis=1), [[1, 2, 5], [3, 4, 6]])
    np.testing.assert_array_equal(mgc.concatenate((a, b), axis=None), [1, 2, 3, 4, 5, 6])
    r = mgc.concatenate([tensor([1, 2]), tensor([3])], dtype=np.float32)
    assert r.dtype == np.float32
    with pytest.raises(TypeError, match="out"):
        mgc.concatenate([a, a], out=np.zeros((4, 2)), dtype=float)
    # seed 000 L7759-7774
    arrays = [tensor(np.full((3, 4), i, dtype=float)) for i in range(10)]
    assert mgc.stack(arrays, axis=0).shape == (10, 3, 4)
    assert mgc.stack(arrays, axis=1).shape == (3, 10, 4)
    assert mgc.stack(arrays, axis=2).shape == (3, 4, 10)
    a, b = tensor([1, 2, 3]), tensor([2, 3, 4])
    np.testing.assert_array_equal(mgc.stack((a, b)), [[1, 2, 3], [2, 3, 4]])
    np.testing.assert_array_equal(mgc.stack((a, b), axis=-1), [[1, 2], [2, 3], [3, 4]])
    # seed 000 L7866-7879
    np.testing.assert_array_equal(mgc.repeat(3, 4), [3, 3, 3, 3])
    x = tensor([[1, 2], [3, 4]])
    np.testing.assert_array_equal(mgc.repeat(x, 2), [1, 1, 2, 2, 3, 3, 4, 4])
    np.testing.assert_array_equal(mgc.repeat(x, 3, axis=1), [[1, 1, 1, 2, 2, 2], [3, 3, 3, 4, 4, 4]])
    np.testing.assert_array_equal(mgc.repeat(x, [1, 2], axis=0), [[1, 2], [3, 4], [3, 4]])


def test_concatenate_and_stack_out():
    a, b = tensor([1.0, 2.0]), tensor([3.0])
    out = mgc.zeros(3, dtype=float)
    r = mgc.concatenate([a, b], out=out)
    assert r is out
    np.testing.assert_array_equal(out, [1.0, 2.0, 3.0])
    sum_(out * tensor([1.0, 2.0, 3.0])).backward()
    np.testing.assert_array_equal(a.grad, [1.0, 2.0])
    np.testing.assert_array_equal(b.grad, [3.0])
    nd = np.zeros((2, 2))
    assert mgc.stack([a, a], out=nd).data is nd
    np.testing.assert_array_equal(nd, [[1.0, 2.0], [1.0, 2.0]])


def test_where_examples():
    # seed 000 L21893-21934
    a = mgc.arange(10)
    np.testing.assert_array_equal(mgc.where(a < 5, a, 10 * a), [0, 1, 2, 3, 4, 50, 60, 70, 80, 90])
    r = mgc.where([[True, False], [True, True]], [[1, 2], [3, 4]], [[9, 8], [7, 6]])
    np.testing.assert_array_equal(r, [[1, 8], [3, 4]])
    x, y = np.ogrid[:3, :4]
    np.testing.assert_array_equal(mgc.where(x < y, x, 10 + y), np.where(x < y, x, 10 + y))
    a = tensor([[0, 1, 2], [0, 2, 4], [0, 3, 6]])
    np.testing.assert_array_equal(mgc.where(a < 4, a, -1), [[0, 1, 2], [0, 2, -1], [0, 3, -1]])
    nz = mgc.where(a < 4)
    assert isinstance(nz, tuple)
    for got, want in zip(nz, np.nonzero(a.data < 4)):
        np.testing.assert_array_equal(got, want)
    with pytest.raises(ValueError, match="both or neither"):
        mgc.where(a < 4, a)
    t = tensor([1.0, 2.0])
    r = np.where([True, False], t, 0.0)  # NumPy dispatch
    assert isinstance(r, mgc.Tensor)
    sum_(r).backward()
    np.testing.assert_array_equal(t.grad, [1.0, 0.0])
