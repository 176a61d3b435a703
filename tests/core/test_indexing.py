"""__getitem__ (basic, advanced, boolean, mixed, duplicates) and its gradients."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import mygrad_core as mgc
from mygrad_core import tensor
from mygrad_core.testing import assert_grads_match_numerical, assert_matches_numpy
from mygrad_core.testing import strategies as mst

from ._ops import square, sum_


def check(index, x):
    assert_matches_numpy(lambda t: t[index], lambda a: a[index], x)
    assert_grads_match_numerical(lambda t: t[index], x)


@given(data=st.data())
def test_basic_indexing(data):
    shape = data.draw(mst.shapes(min_dims=0, max_dims=3, min_side=1, max_side=4))
    x = data.draw(mst.arrays(shape=shape))
    index = data.draw(hnp.basic_indices(shape, allow_newaxis=True, allow_ellipsis=True))
    check(index, x)
    r = tensor(x)[index]
    # basic indexing of a non-scalar result gives a view; a 0-D result is not one
    if r.ndim == 0 and not any(i is Ellipsis or i is None for i in np.atleast_1d(np.array(index, dtype=object))):
        assert r.base is None
    if r.ndim and r.size:
        t = tensor(x)
        v = t[index]
        assert v.base is t and np.shares_memory(v, t)


@given(data=st.data())
def test_advanced_integer_indexing_with_duplicates(data):
    shape = data.draw(mst.shapes(min_dims=1, max_dims=3, min_side=1, max_side=4))
    x = data.draw(mst.arrays(shape=shape))
    index = data.draw(hnp.integer_array_indices(shape, result_shape=mst.shapes(min_dims=0, max_dims=2, max_side=4)))
    check(index, x)
    assert tensor(x)[index].base is None


@given(data=st.data())
def test_boolean_indexing(data):
    shape = data.draw(mst.shapes(min_dims=0, max_dims=3, min_side=1, max_side=4))
    x = data.draw(mst.arrays(shape=shape))
    k = data.draw(st.integers(0, len(shape)))
    mask = data.draw(mst.arrays(shape=shape[: max(k, 0)] if k else shape, dtype=bool))
    check(mask, x)
    check(np.asarray(x > 0), x)


@given(data=st.data())
def test_mixed_indexing(data):
    x = data.draw(mst.arrays(shape=(3, 4, 2)))
    i = data.draw(mst.arrays(shape=(2,), dtype=np.int64, min_value=-3, max_value=2))
    j = data.draw(mst.arrays(shape=(2, 1), dtype=np.int64, min_value=0, max_value=1))
    mask = data.draw(mst.arrays(shape=(4,), dtype=bool))
    for index in (
        (i, slice(None), 0),
        (slice(1, None), [0, 0, 3], j),
        (Ellipsis, [1, 1]),
        (None, i, mask),
        (i, None, slice(None, None, -1)),
        (mask.nonzero()[0] % 3, mask),
    ):
        try:
            expected = x[index]
        except IndexError:
            with pytest.raises(IndexError):
                tensor(x)[index]
            continue
        assert expected.shape == tensor(x)[index].shape
        check(index, x)


def test_index_with_tensors():
    x = tensor([1.0, 2.0, 3.0])
    i = tensor([2, 0])
    np.testing.assert_array_equal(x[i], [3.0, 1.0])
    np.testing.assert_array_equal(x[[tensor(1), 2]], [2.0, 3.0])
    np.testing.assert_array_equal(x[tensor([True, False, True])], [1.0, 3.0])
    np.testing.assert_array_equal(x[tensor(1)], 2.0)


def test_duplicate_gradients_accumulate():
    x = tensor([1.0, 2.0, 3.0])
    sum_(x[[0, 0, 0, 2]]).backward()
    np.testing.assert_array_equal(x.grad, [3.0, 0.0, 1.0])


def test_zero_d_indexing_newaxis():
    # changelog 1.9.0: 0-D tensors can be indexed with newaxis
    x = tensor(2.0)
    y = x[np.newaxis]
    assert y.shape == (1,)
    square(y).backward()
    assert x.grad == 4.0
    assert x[...].shape == () and x[()].shape == ()


def test_documented_indexing_example():
    # seed 000 L463-471 (the doc shows int32: a Windows default)
    x = mgc.arange(9).reshape(3, 3)
    np.testing.assert_array_equal(x, np.arange(9).reshape(3, 3))
    y = x[x == 4] ** 2
    np.testing.assert_array_equal(y, [16])
    assert y.dtype == np.arange(9).dtype and y.constant


def test_ndim_page_indexing():
    # seed 000 L1705-1721
    x = mgc.Tensor([1, 2, 3])
    assert x[0].ndim == 0 and x[0].item() == 1
    y = mgc.Tensor([[1, 2, 3], [4, 5, 6]])
    assert y[0, 0].item() == 1


def test_bad_index_errors_name_shape_and_leave_graph():
    x = tensor([1.0, 2.0, 3.0])
    y = square(x)
    with pytest.raises(IndexError, match=r"\(3,\)"):
        y[5]
    with pytest.raises(IndexError):
        y[[0, 7]]
    with pytest.raises(IndexError):
        y[np.array([True, False])]
    assert y.creator is not None and x.grad is None
    y.backward()
    np.testing.assert_array_equal(x.grad, [2.0, 4.0, 6.0])
