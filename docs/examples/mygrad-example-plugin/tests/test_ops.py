"""The example's ops, checked with mygrad-core's kit (``mygrad_core.testing``)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from mygrad_example import hypot, softplus

from mygrad_core import Tensor, tensor
from mygrad_core.testing import (
    assert_grads_match_numerical,
    assert_matches_numpy,
    check_op_contract,
)
from mygrad_core.testing.strategies import arrays, broadcastable_shapes, shapes


def np_softplus(x, **kwargs):
    return np.logaddexp(0, x, **kwargs)


@given(x=arrays(shape=shapes(), min_value=-30, max_value=30))
def test_softplus_matches_numpy(x):
    assert_matches_numpy(softplus, np_softplus, x)


@given(x=arrays(shape=shapes(max_side=3), min_value=-5, max_value=5))
def test_softplus_gradient(x):
    assert_grads_match_numerical(softplus, x)


@given(x=arrays(shape=shapes(min_dims=1, max_dims=3, min_side=1, max_side=3)))
def test_softplus_contract(x):
    check_op_contract(softplus, x, ufunc=True)


def test_softplus_large_inputs_do_not_overflow():
    x = tensor([-1000.0, 0.0, 1000.0])
    y = softplus(x)
    y.backward()
    assert np.allclose(y.data, [0.0, np.log(2), 1000.0])
    assert np.allclose(x.grad, [0.0, 0.5, 1.0])


@given(data=st.data(), shapes_=broadcastable_shapes(2, max_dims=3, max_side=3))
def test_hypot_matches_numpy(data, shapes_):
    x, y = (data.draw(arrays(shape=s)) for s in shapes_)
    assert_matches_numpy(hypot, np.hypot, x, y)


@given(data=st.data(), shapes_=broadcastable_shapes(2, max_dims=3, max_side=3))
def test_hypot_gradient(data, shapes_):
    # away from the origin, where hypot is smooth
    x, y = (data.draw(arrays(shape=s, min_value=0.5, max_value=5)) for s in shapes_)
    assert_grads_match_numerical(hypot, x, y)
    assert_grads_match_numerical(hypot, tensor(x, constant=True), y)


@given(data=st.data(), shapes_=broadcastable_shapes(2, min_dims=1, max_dims=3, max_side=3))
def test_hypot_contract(data, shapes_):
    x, y = (data.draw(arrays(shape=s, min_value=0.5, max_value=5)) for s in shapes_)
    check_op_contract(hypot, x, y, ufunc=True)


def test_hypot_at_origin_has_zero_gradient():
    x, y = tensor(0.0), tensor(0.0)
    hypot(x, y).backward()
    assert x.grad == 0.0 and y.grad == 0.0


def test_docstring_examples():
    x = tensor([0.0, 1.0])
    softplus(x).backward()
    assert np.allclose(x.grad, [0.5, 0.7311], atol=1e-4)
    x = tensor(3.0)
    hypot(x, 4.0).backward()
    assert x.grad == pytest.approx(0.6)
    assert isinstance(hypot(1.0, 2.0), Tensor)
