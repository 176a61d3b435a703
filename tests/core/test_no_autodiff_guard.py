"""Writes under ``no_autodiff`` never bypass the memory guard (issue 11, item 1;
ERRATA: "any write ... under no_autodiff into an array a live graph guards raises
ValueError")."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mygrad_core as mgc
from mygrad_core import tensor
from mygrad_core.testing import strategies as mst

from ._ops import add, multiply, square, sum_


def _write(x, kind):
    if kind == "setitem":
        x[(0,) * x.ndim] = 10.0
    elif kind == "ellipsis":
        x[...] = 10.0
    elif kind == "iadd":
        x += 1.0
    elif kind == "imul":
        x *= 3.0
    elif kind == "view":
        v = x[:1]
        v[...] = 10.0
    elif kind == "out":
        multiply(x, 2.0, out=x.data)
    elif kind == "numpy":
        x.data[...] = 10.0
    else:  # pragma: no cover
        raise AssertionError(kind)


KINDS = ["setitem", "ellipsis", "iadd", "imul", "view", "out", "numpy"]


@pytest.mark.parametrize("kind", KINDS)
def test_write_into_guarded_leaf_under_no_autodiff_raises(kind):
    x = tensor([1.0, 2.0, 3.0])
    y = sum_(square(x))
    with mgc.no_autodiff:
        with pytest.raises(ValueError, match="read-only"):
            _write(x, kind)
    np.testing.assert_array_equal(x.data, [1.0, 2.0, 3.0])
    y.backward()
    np.testing.assert_array_equal(x.grad, [2.0, 4.0, 6.0])  # the values y saw


@pytest.mark.parametrize("kind", KINDS)
def test_write_under_no_autodiff_works_once_the_graph_is_gone(kind):
    x = tensor([1.0, 2.0, 3.0])
    y = sum_(square(x))
    y.backward()
    with mgc.no_autodiff:
        _write(x, kind)
    assert not np.array_equal(x.data, [1.0, 2.0, 3.0])


def test_write_into_a_view_tracked_before_no_autodiff_raises():
    x = tensor([1.0, 2.0, 3.0])
    v = x[1:]  # a live view: its graph guards x's memory
    y = sum_(multiply(v, v))
    with mgc.no_autodiff:
        with pytest.raises(ValueError, match="read-only"):
            v[0] = 5.0
        with pytest.raises(ValueError, match="read-only"):
            x[1] = 5.0
    y.backward()
    np.testing.assert_array_equal(x.grad, [0.0, 4.0, 6.0])


def test_decorated_function_cannot_write_either():
    x = tensor([1.0, 2.0])
    y = sum_(square(x))

    @mgc.no_autodiff
    def step(t):
        t -= 0.1 * np.ones(2)

    with pytest.raises(ValueError, match="read-only"):
        step(x)
    y.backward()
    np.testing.assert_array_equal(x.grad, [2.0, 4.0])


def test_unguarded_graph_may_still_be_written():
    # with guarding off nothing is locked: no_autodiff writes as NumPy does
    x = tensor([1.0, 2.0])
    with mgc.mem_guard_off:
        y = sum_(square(x))
    with mgc.no_autodiff:
        x[0] = 5.0
    assert x.data[0] == 5.0
    del y


@given(
    x=mst.tensors(dtype=np.float64, shape=mst.shapes(min_dims=1, max_dims=2, min_side=1, max_side=4), constant=False),
    kind=st.sampled_from(KINDS),
    graph=st.sampled_from(["square", "mul_const", "add_self"]),
)
def test_property_no_autodiff_write_never_changes_a_live_graph(x, kind, graph):
    before = x.data.copy()
    if graph == "square":
        y, expected = sum_(square(x)), 2 * before
    elif graph == "mul_const":
        y, expected = sum_(multiply(x, before)), before
    else:
        y, expected = sum_(multiply(add(x, x), x)), 4 * before
    with mgc.no_autodiff:
        with pytest.raises(ValueError, match="read-only"):
            _write(x, kind)
    np.testing.assert_array_equal(x.data, before)
    y.backward()
    np.testing.assert_allclose(x.grad, expected)
    # the guard is lifted with the graph: the same write now goes through
    with mgc.no_autodiff:
        _write(x, kind)
