"""``repeat`` of a 0-D tensor back-propagates (issue 11, item 8)."""

from __future__ import annotations

import hypothesis.strategies as st
import numpy as np
import pytest
from hypothesis import given

import mygrad_core as mgc
from mygrad_core.testing import assert_grads_match_numerical


@pytest.mark.parametrize("axis", [None, 0, -1])
@pytest.mark.parametrize("repeats", [0, 1, 3])
def test_repeat_of_a_0d_tensor_backpropagates(axis, repeats):
    # seed 000_7568d7cea38c6584.txt:7807 (repeat); NumPy repeats a 0-D array as 1-D
    x = mgc.tensor(2.0)
    y = mgc.repeat(x, repeats, axis=axis)
    np.testing.assert_array_equal(y.data, np.repeat(np.array(2.0), repeats, axis=axis))
    y.backward()
    assert x.grad == float(repeats)


@given(repeats=st.integers(0, 3), axis=st.sampled_from([None, 0, -1]), x=st.floats(-5, 5))
def test_repeat_of_a_0d_tensor_matches_numerical_gradient(repeats, axis, x):
    assert_grads_match_numerical(lambda t: mgc.repeat(t, repeats, axis=axis), np.array(x))
