"""diagonal, diag, diagflat, triu, tril (issue 14): values and view-ness as NumPy,
gradients against central differences."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mygrad_core as mgc
from mygrad_core import tensor
from mygrad_core.testing import strategies as mst

from ._manip import check
from ._ops import multiply


@given(x=mst.arrays(shape=mst.shapes(min_dims=2, max_dims=3, min_side=0, max_side=4)), data=st.data())
def test_diagonal(x, data):
    offset = data.draw(st.integers(-5, 5))
    a1, a2 = data.draw(st.lists(st.integers(-x.ndim, x.ndim - 1), min_size=2, max_size=2, unique_by=lambda a: a % x.ndim))
    check(
        lambda t, **kw: mgc.diagonal(t, offset, a1, a2, **kw),
        lambda a: np.diagonal(a, offset, a1, a2),
        x,
        np_fn=lambda t: np.diagonal(t, offset, a1, a2),
    )


def test_diagonal_is_a_read_only_view_as_numpy():
    x = tensor(np.arange(9.0).reshape(3, 3))
    d = mgc.diagonal(x)
    assert d.base is x
    assert not d.data.flags.writeable and not np.diagonal(x.data).flags.writeable
    multiply(x, x).backward()
    np.testing.assert_array_equal(d.grad, 2 * np.array([0.0, 4.0, 8.0]))


def test_diagonal_errors_as_numpy():
    with pytest.raises(ValueError):
        np.diagonal(np.zeros((2, 2)), 0, 1, 1)
    with pytest.raises(ValueError):
        mgc.diagonal(tensor(np.zeros((2, 2))), 0, 1, 1)


@given(x=mst.arrays(shape=mst.shapes(min_dims=1, max_dims=2, min_side=0, max_side=4)), k=st.integers(-4, 4))
def test_diag(x, k):
    check(lambda t, **kw: mgc.diag(t, k, **kw), lambda a: np.diag(a, k), x, np_fn=lambda t: np.diag(t, k))


def test_diag_needs_1d_or_2d():
    with pytest.raises(ValueError, match="1- or 2-d"):
        mgc.diag(tensor(np.zeros((2, 2, 2))))


@given(x=mst.arrays(shape=mst.shapes(min_dims=0, max_dims=2, min_side=0, max_side=3)), k=st.integers(-3, 3))
def test_diagflat(x, k):
    check(lambda t, **kw: mgc.diagflat(t, k, **kw), lambda a: np.diagflat(a, k), x, np_fn=lambda t: np.diagflat(t, k))


@pytest.mark.parametrize("name", ["triu", "tril"])
@given(x=mst.arrays(shape=mst.shapes(min_dims=1, max_dims=3, min_side=0, max_side=4)), k=st.integers(-4, 4))
def test_triangles(name, x, k):
    # a 1-D input is broadcast to a square, as NumPy does
    mg_f, np_f = getattr(mgc, name), getattr(np, name)
    check(lambda t, **kw: mg_f(t, k, **kw), lambda a: np_f(a, k), x, np_fn=lambda t: np_f(t, k))
