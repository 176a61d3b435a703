"""Views: base is the root, shared memory, view grads mirror base grads (G7, G8)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mygrad_core as mgc
from mygrad_core import tensor
from mygrad_core.testing import strategies as mst

from ._ops import flip, multiply, square, sum_

# view-producing steps, each applicable to any tensor with ndim >= 1
VIEW_STEPS = {
    "slice": lambda t: t[::2] if t.ndim else t[...],
    "basic": lambda t: t[..., 1:] if t.ndim else t[...],
    "T": lambda t: t.T,
    "reshape": lambda t: t.reshape(-1),
    "expand": lambda t: mgc.expand_dims(t, 0),
    "swap": lambda t: mgc.swapaxes(t, 0, -1) if t.ndim else t[...],
    "moveaxis": lambda t: mgc.moveaxis(t, 0, -1) if t.ndim else t[...],
    "ravel": lambda t: mgc.ravel(t),
    "atleast_3d": lambda t: mgc.atleast_3d(t) if t.ndim < 3 else t[...],
    "flip": lambda t: flip(t) if t.ndim else t[...],
    "newaxis": lambda t: t[None],
}


@given(
    data=st.data(),
    shape=mst.shapes(min_dims=1, max_dims=3, min_side=1, max_side=4),
    steps=st.lists(st.sampled_from(sorted(VIEW_STEPS)), min_size=1, max_size=4),
)
def test_views_of_views(data, shape, steps):
    x = data.draw(mst.tensors(shape=shape, constant=False))
    views = []  # (view, the steps that made it)
    v = x
    for i, name in enumerate(steps):
        nxt = VIEW_STEPS[name](v)
        if nxt is v:  # `.T` of a tensor with ndim < 2 is the tensor itself
            continue
        if nxt.size == 0 or not np.shares_memory(nxt.data, x.data):
            break
        v = nxt
        views.append((v, steps[: i + 1]))
    for v, _ in views:
        assert v.base is x, "a view's base is the root tensor"
        assert np.shares_memory(v, x)
        assert v.data.base is not None
    (square(x)).backward()
    for v, made_by in views:
        assert v.grad is not None
        assert np.shares_memory(v.grad, x.grad)
        # the view's grad is the same view of the base's grad as its data is of base's data
        w = tensor(np.arange(x.size, dtype=float).reshape(x.shape))
        for name in made_by:
            w = VIEW_STEPS[name](w)
        np.testing.assert_array_equal(v.data, x.data.ravel()[w.data.astype(int)])
        np.testing.assert_array_equal(v.grad, x.grad.ravel()[w.data.astype(int)])


@given(data=st.data())
def test_mutation_through_view_propagates(data):
    x = data.draw(mst.tensors(shape=mst.shapes(min_dims=1, max_dims=3, min_side=2), constant=False))
    v1 = data.draw(mst.views_of(x))
    v2 = x[...]
    sibling = x.reshape(-1)
    expected = x.data.copy()
    ids = np.arange(x.size).reshape(x.shape)
    sel = ids[tuple(slice(s.start, s.stop, s.step) for s in _slices_of(x, v1))]
    v1 *= -2.0
    expected.ravel()[sel.ravel()] *= -2.0
    np.testing.assert_array_equal(x.data, expected)
    np.testing.assert_array_equal(v2.data, expected)
    np.testing.assert_array_equal(sibling.data, expected.ravel())
    assert v1.base is x and v2.base is x and sibling.base is x
    assert np.shares_memory(v1.data, x.data) and np.shares_memory(sibling.data, x.data)


def _slices_of(x, v):
    # recover the slices views_of used, from the view's offset and strides
    out = []
    offset = (v.data.__array_interface__["data"][0] - x.data.__array_interface__["data"][0]) // x.data.itemsize
    starts = np.unravel_index(offset, x.shape) if x.size else (0,) * x.ndim
    for ax in range(x.ndim):
        step = v.data.strides[ax] // x.data.strides[ax] if x.data.strides[ax] else 1
        out.append(slice(int(starts[ax]), None, int(step)))
    return out


def test_views_page_example():
    # seed 000 L615-644, L2122-2151 (seed 002 lost the minus signs)
    x = tensor([1.0, 2.0, 3.0, 4.0])
    y = x[:2]
    assert y.base is x
    assert np.shares_memory(x, y)
    y *= -1
    np.testing.assert_array_equal(x, [-1.0, -2.0, 3.0, 4.0])
    np.testing.assert_array_equal(y, [-1.0, -2.0])
    (x**2).backward()
    np.testing.assert_array_equal(x.grad, [-2.0, -4.0, 6.0, 8.0])
    np.testing.assert_array_equal(y.grad, [-2.0, -4.0])
    assert y.grad.base is x.grad


def test_changelog_view_examples():
    # seed 000 L26645-26674, L26705-26731, L26749-26755
    x = mgc.arange(4.0)
    y = x[-2:]
    assert y.base is x and x.base is None
    y[:] = -1.0
    np.testing.assert_array_equal(x, [0.0, 1.0, -1.0, -1.0])
    x[:] = 5.0
    np.testing.assert_array_equal(y, [5.0, 5.0])
    sum_(x * x).backward()
    np.testing.assert_array_equal(x.grad, [10.0] * 4)
    assert y.grad.base is x.grad
    np.testing.assert_array_equal(y.grad, [10.0, 10.0])


def test_view_grad_when_only_view_took_part():
    x = tensor([1.0, 2.0, 3.0])
    v = x[1:]
    square(v).backward()
    np.testing.assert_array_equal(x.grad, [0.0, 4.0, 6.0])
    np.testing.assert_array_equal(v.grad, [4.0, 6.0])
    assert np.shares_memory(v.grad, x.grad)


def test_views_grad_none_before_backprop_and_after_nulling():
    x = tensor([1.0, 2.0, 3.0])
    v = x[:2]
    assert v.grad is None
    square(x).backward()
    assert v.grad is not None
    x.null_grad()
    assert v.grad is None


def test_scalar_index_is_not_a_view():
    # ERRATA: a 0-D result of indexing a single element is not a view
    x = tensor([1.0, 2.0])
    assert x[0].base is None
    assert x[0:1].base is x
    assert mgc.reshape(2.0, (1,)).base is None


def test_copying_ops_are_not_views():
    x = tensor([[1.0, 2.0], [3.0, 4.0]])
    for r in (x.flatten(), mgc.roll(x, 1), mgc.repeat(x, 2), mgc.concatenate([x, x]), mgc.stack([x, x]), x[[0, 1]], x[x > 1]):
        assert r.base is None and not np.shares_memory(r.data, x.data)


def test_custom_view_op_sets_base_and_grad_view():
    x = tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    f = flip(x)
    assert f.base is x and np.shares_memory(f, x)
    multiply(f, tensor([1.0, 2.0, 3.0])).backward()
    np.testing.assert_array_equal(x.grad, [[3.0, 2.0, 1.0], [3.0, 2.0, 1.0]])
    np.testing.assert_array_equal(f.grad, x.grad[..., ::-1])
    assert np.shares_memory(f.grad, x.grad)


def test_view_of_constant_and_nontensor_input():
    x = tensor([1.0, 2.0], constant=True)
    v = x[:1]
    assert v.constant and v.base is x
    v2 = mgc.reshape(np.arange(4.0), (2, 2))
    assert v2.base is None


@pytest.mark.parametrize("k", [1, 2])
def test_broadcast_view_grad(k):
    x = tensor([1.0, 2.0])
    b = mgc.broadcast_to(x, (k, 3, 2)) if k > 1 else mgc.broadcast_to(x, (3, 2))
    assert b.base is x
    sum_(b * b).backward()
    np.testing.assert_array_equal(x.grad, 2 * x.data * 3 * k)
