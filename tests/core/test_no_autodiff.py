"""no_autodiff (G11): no graph, no memory guard, plain in-place writes."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

import mygrad_core as mgc
from mygrad_core import tensor
from mygrad_core.testing import strategies as mst

from ._ops import multiply, square, sum_


def test_context_and_decorator_examples():
    # seed 000 L2238-2241, L2401-2419
    with mgc.no_autodiff:
        x = mgc.arange(4.0)
        (4 * x).backward()
    assert x.grad is None

    @mgc.no_autodiff
    def func(t):
        """docstring kept"""
        return square(t)

    t = tensor([1.0, 2.0])
    r = func(t)
    assert r.creator is None and func.__doc__ == "docstring kept"
    assert t.data.flags.writeable


def test_nested_and_restored():
    x = tensor([1.0])
    with mgc.no_autodiff:
        with mgc.no_autodiff:
            pass
        assert square(x).creator is None
    assert square(x).creator is not None


def test_inplace_without_state_saving():
    x = tensor([1.0, 2.0, 3.0])
    arr = x.data
    with mgc.no_autodiff:
        v = x[:2]  # untracked: a plain view, no graph guards x
        x *= 2.0
        v[...] = 0.0
    assert x.data is arr  # written in place: no copy of the old state
    np.testing.assert_array_equal(x, [0.0, 0.0, 6.0])
    np.testing.assert_array_equal(v, [0.0, 0.0])
    assert x.creator is None


@given(data=st.data(), shape=mst.shapes(max_dims=2))
def test_results_match_tracked_values(data, shape):
    x = data.draw(mst.tensors(shape=shape))
    y = data.draw(mst.tensors(shape=shape))
    tracked = sum_(multiply(square(x), y))
    with mgc.no_autodiff:
        untracked = sum_(multiply(square(x), y))
    np.testing.assert_array_equal(tracked.data, untracked.data)
    assert untracked.creator is None
    assert untracked.constant == tracked.constant
    untracked.backward()
    assert x.grad is None and y.grad is None
    if not untracked.constant:
        assert untracked.grad == 1.0
