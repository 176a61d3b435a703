"""diff (n, axis, prepend, append), ediff1d, gradient, trace, cumulative_sum and
cumulative_prod: values == NumPy (mg. and np. forms), gradients == central differences
in every tensor argument, constant= and views."""

from __future__ import annotations

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from _issue14 import assert_same, check_function, floats, small_shapes
from hypothesis import given, settings

from mygrad_core import tensor

HAS_CUMULATIVE = hasattr(np, "cumulative_sum")  # NumPy >= 2.1


@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_diff(data):
    x = data.draw(floats(small_shapes()), label="x")
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1), label="axis")
    n = data.draw(st.integers(0, 3), label="n")
    if n == 0:
        t = tensor(x)
        assert mg.diff(t, n=0) is t and np.diff(t, n=0) is t  # NumPy returns its input
        return
    check_function(mg.diff, np.diff, [x], n=n, axis=axis)


@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_diff_prepend_append_are_differentiable(data):
    x = data.draw(floats(small_shapes()), label="x")
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1), label="axis")
    n = data.draw(st.integers(1, 3), label="n")
    shape = list(x.shape)
    shape[axis] = data.draw(st.integers(1, 2), label="k")
    pre = data.draw(floats(tuple(shape)), label="prepend")
    app = data.draw(floats(st.sampled_from([(), tuple(shape)])), label="append")
    check_function(
        lambda a, p, q, **kw: mg.diff(a, n, axis, prepend=p, append=q, **kw),
        lambda a, p, q: np.diff(a, n, axis, prepend=p, append=q),
        [x, pre, app],
    )
    check_function(
        lambda a, q, **kw: mg.diff(a, n, axis, append=q, **kw),
        lambda a, q: np.diff(a, n, axis, append=q),
        [x, app],
    )


@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_ediff1d(data):
    x = data.draw(floats(small_shapes()), label="x")
    begin = data.draw(floats(st.sampled_from([(), (2,)])), label="to_begin")
    end = data.draw(floats(st.sampled_from([(), (1,), (3,)])), label="to_end")
    check_function(mg.ediff1d, np.ediff1d, [x])
    check_function(
        lambda a, b, e, **kw: mg.ediff1d(a, to_end=e, to_begin=b, **kw),
        lambda a, b, e: np.ediff1d(a, to_end=e, to_begin=b),
        [x, begin, end],
    )


@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_gradient(data):
    edge_order = data.draw(st.sampled_from([1, 2]), label="edge_order")
    x = data.draw(floats(small_shapes(min_side=edge_order + 1)), label="x")
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1), label="axis")
    n = x.shape[axis]
    kind = data.draw(st.sampled_from(["unit", "scalar", "coordinates"]), label="spacing")
    if kind == "unit":
        spacing = ()
    elif kind == "scalar":
        spacing = (data.draw(st.sampled_from([0.5, 2.0])),)
    else:
        steps = data.draw(st.lists(st.integers(1, 4), min_size=n - 1, max_size=n - 1))
        spacing = (np.concatenate([[0.0], np.cumsum(steps) / 2]),)
    check_function(
        lambda f, **kw: mg.gradient(f, *spacing, axis=axis, edge_order=edge_order, **kw),
        lambda f: np.gradient(f, *spacing, axis=axis, edge_order=edge_order),
        [x],
    )


@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(x=floats(small_shapes(min_side=2)), h=st.floats(0.5, 2.0))
def test_gradient_scalar_spacing_tensor_is_differentiable(x, h):
    check_function(
        lambda f, s, **kw: mg.gradient(f, s, axis=-1, **kw),
        lambda f, s: np.gradient(f, s, axis=-1),
        [x, np.array(h)],
    )


def test_gradient_over_several_axes_gives_one_tensor_per_axis():
    x = np.arange(12.0).reshape(3, 4) ** 2
    t = tensor(x)
    got = np.gradient(t, 2.0)
    want = np.gradient(x, 2.0)
    assert type(got) is type(want) and len(got) == 2
    for g, w in zip(got, want):
        assert_same(g, w)
    (got[0] + got[1]).sum().backward()
    assert t.grad is not None and t.grad.shape == x.shape


@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_trace(data):
    x = data.draw(floats(small_shapes(min_dims=2)), label="x")
    axis1, axis2 = data.draw(st.permutations(range(x.ndim)), label="axes")[:2]
    offset = data.draw(st.integers(-2, 2), label="offset")
    check_function(mg.trace, np.trace, [x], offset=offset, axis1=axis1, axis2=axis2)


@pytest.mark.parametrize("name", ["cumulative_sum", "cumulative_prod"])
@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_cumulative(name, data):
    x = data.draw(floats(small_shapes(min_dims=0), lo=-2, hi=2), label="x")
    axis = None if x.ndim <= 1 and data.draw(st.booleans()) else data.draw(st.integers(-max(x.ndim, 1), max(x.ndim, 1) - 1))
    include_initial = data.draw(st.booleans(), label="include_initial")
    kw = dict(axis=axis, include_initial=include_initial)
    mg_f = getattr(mg, name)
    if HAS_CUMULATIVE:
        check_function(mg_f, getattr(np, name), [x], **kw)
    else:  # NumPy 1.x: the NumPy 2 function is only mygrad's; compare with cumsum/cumprod
        base = (np.cumsum if name == "cumulative_sum" else np.cumprod)(np.atleast_1d(x), axis=axis or 0)
        got = mg_f(tensor(x), **kw)
        if include_initial:
            pad = [(0, 0)] * base.ndim
            pad[(axis or 0) % base.ndim] = (1, 0)
            base = np.pad(base, pad, constant_values=0 if name == "cumulative_sum" else 1)
        assert_same(got, base)
        check_function(mg_f, None, [x], **kw)


def test_cumulative_sum_needs_an_axis_for_nd_tensors():
    with pytest.raises(ValueError, match="axis"):
        mg.cumulative_sum(tensor(np.ones((2, 2))))
