"""sort, partition, select, take, take_along_axis, compress, extract, choose: values ==
NumPy (mg. and np. forms), the gradient scattered back to the picked elements (checked
against central differences on tie-free inputs), constant= and views."""

from __future__ import annotations

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from _issue14 import check_function, distinct, small_shapes
from hypothesis import given, settings

from mygrad_core import tensor


def _axis(data, ndim, none=True):
    choices = list(range(-ndim, ndim)) + ([None] if none else [])
    return data.draw(st.sampled_from(choices), label="axis")


@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_sort(data):
    x = data.draw(distinct(small_shapes()), label="x")
    axis = _axis(data, x.ndim)
    check_function(mg.sort, np.sort, [x], axis=axis)


def test_sort_scatters_the_gradient_through_the_permutation():
    x = tensor([[3.0, 1.0, 2.0], [0.0, -1.0, 5.0]])
    y = mg.sort(x, axis=1)
    (y * [1.0, 10.0, 100.0]).sum().backward()
    np.testing.assert_array_equal(x.grad, [[100.0, 1.0, 10.0], [10.0, 1.0, 100.0]])


@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_partition(data):
    x = data.draw(distinct(small_shapes()), label="x")
    axis = _axis(data, x.ndim, none=False)
    n = x.shape[axis]
    kth = data.draw(st.lists(st.integers(-n, n - 1), min_size=1, max_size=2), label="kth")
    check_function(mg.partition, np.partition, [x], kth=kth, axis=axis)


@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_take(data):
    x = data.draw(distinct(small_shapes()), label="x")
    axis = _axis(data, x.ndim)
    n = x.size if axis is None else x.shape[axis]
    mode = data.draw(st.sampled_from(["raise", "wrap", "clip"]), label="mode")
    lo, hi = (-n, n - 1) if mode == "raise" else (-2 * n, 2 * n)
    # repeated indices: their gradients add up
    idx = data.draw(st.lists(st.integers(lo, hi), min_size=0, max_size=5), label="indices")
    check_function(mg.take, np.take, [x], indices=np.array(idx, dtype=int), axis=axis, mode=mode)


@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_take_along_axis(data):
    x = data.draw(distinct(small_shapes()), label="x")
    axis = _axis(data, x.ndim, none=False)
    shape = list(x.shape)
    shape[axis] = data.draw(st.integers(1, 4), label="k")
    idx = data.draw(st.lists(st.integers(0, x.shape[axis] - 1), min_size=int(np.prod(shape)), max_size=int(np.prod(shape))))
    ind = np.array(idx, dtype=int).reshape(shape)
    check_function(mg.take_along_axis, np.take_along_axis, [x], indices=ind, axis=axis)


@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_compress_and_extract(data):
    x = data.draw(distinct(small_shapes()), label="x")
    axis = _axis(data, x.ndim)
    n = x.size if axis is None else x.shape[axis]
    cond = np.array(data.draw(st.lists(st.booleans(), min_size=1, max_size=n), label="cond"))
    check_function(
        lambda a, **kw: mg.compress(cond, a, axis=axis, **kw), lambda a: np.compress(cond, a, axis=axis), [x]
    )
    mask = np.asarray(data.draw(st.lists(st.booleans(), min_size=x.size, max_size=x.size))).reshape(x.shape)
    check_function(lambda a, **kw: mg.extract(mask, a, **kw), lambda a: np.extract(mask, a), [x])


@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_choose(data):
    shape = data.draw(small_shapes(max_dims=2), label="shape")
    c0 = data.draw(distinct(shape), label="c0")
    c1 = data.draw(distinct(shape[-1:]), label="c1")  # broadcasts against c0
    a = np.asarray(data.draw(st.lists(st.integers(0, 1), min_size=c0.size, max_size=c0.size))).reshape(shape)
    check_function(
        lambda x, y, **kw: mg.choose(a, [x, y], **kw), lambda x, y: np.choose(a, [x, y]), [c0, c1]
    )
    # one array whose first axis enumerates the choices
    stacked = np.stack([c0, np.broadcast_to(c1, shape)])
    check_function(lambda s, **kw: mg.choose(a, s, **kw), lambda s: np.choose(a, s), [stacked])


@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_select(data):
    shape = data.draw(small_shapes(max_dims=2), label="shape")
    c0 = data.draw(distinct(shape), label="c0")
    c1 = data.draw(distinct(shape), label="c1")
    d = data.draw(distinct(shape[-1:]), label="default")
    conds = [c0 > 0, c1 > 0]
    check_function(
        lambda x, y, z, **kw: mg.select(conds, [x, y], z, **kw),
        lambda x, y, z: np.select(conds, [x, y], z),
        [c0, c1, d],
    )
    check_function(
        lambda x, y, **kw: mg.select(conds, [x, y], 2.5, **kw),
        lambda x, y: np.select(conds, [x, y], 2.5),
        [c0, c1],
    )


@pytest.mark.parametrize(
    "call",
    [
        lambda m, x: m.take(x, [5]),
        lambda m, x: m.sort(x, axis=3),
        lambda m, x: m.partition(x, 7),
        lambda m, x: m.choose([2], [x, x]),
        lambda m, x: m.take_along_axis(x, np.array([[0]]), axis=0),
    ],
)
def test_errors_are_numpys(call):
    x = np.array([1.0, 2.0, 3.0])
    with pytest.raises(Exception) as expected:
        call(np, x)
    with pytest.raises(type(expected.value)):
        call(mg, tensor(x))
    with pytest.raises(type(expected.value)):
        call(np, tensor(x))
