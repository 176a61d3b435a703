"""MyGrad code that must run unchanged (issue 11, item 11, math parts): ``mg.max is
mg.amax``, ``np.clip(..., constant=)`` and ``clip(a, None, None)``."""

from __future__ import annotations

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from hypothesis import given

from mygrad_core.testing import assert_grads_match_numerical
from mygrad_core.testing.strategies import arrays, shapes


def test_max_and_min_are_amax_and_amin():
    # seed 000_7568d7cea38c6584.txt:14737 (max), 14532 (amax); ERRATA: one object each
    assert mg.max is mg.amax
    assert mg.min is mg.amin
    x = mg.tensor([[1.0, 5.0], [5.0, 2.0]])
    np.testing.assert_array_equal(mg.max(x, axis=1).data, [5.0, 5.0])
    np.testing.assert_array_equal(mg.min(x, axis=0).data, [1.0, 2.0])


@pytest.mark.parametrize("constant", [True, False, None])
def test_np_clip_forwards_constant(constant):
    # seed 000_7568d7cea38c6584.txt:20054 (clip's constant=)
    x = mg.tensor([-2.0, 0.5, 3.0])
    y = np.clip(x, -1.0, 1.0, constant=constant)
    assert isinstance(y, mg.Tensor)
    assert y.constant is bool(constant)
    np.testing.assert_array_equal(y.data, [-1.0, 0.5, 1.0])
    y.backward()
    assert (x.grad is None) if constant else np.array_equal(x.grad, [0.0, 1.0, 0.0])


def test_np_clip_still_rejects_unknown_keywords():
    with pytest.raises(TypeError, match="numpy.clip.*casting"):
        np.clip(mg.tensor([1.0]), 0, 1, casting="unsafe")


@given(x=arrays(shape=shapes(max_dims=3, max_side=3)), constant=st.sampled_from([None, True, False]))
def test_clip_without_bounds_is_a_differentiable_copy(x, constant):
    # ERRATA row "clip(a, None, None)": a copy, as NumPy >= 2.1
    t = mg.tensor(x)
    for y in (mg.clip(t, None, None, constant=constant), np.clip(t, None, None, constant=constant)):
        np.testing.assert_array_equal(y.data, np.clip(x, None, None))
        assert y is not t and (y.size == 0 or not np.shares_memory(y.data, t.data))
        assert y.constant is bool(constant)
    assert_grads_match_numerical(lambda a: mg.clip(a, None, None), x)
