"""Gradients at the edges of their domain (issue 11, item 8; ERRATA rows "gradient of
``x ** 0``" and "gradient of ``std(x, axis=())``")."""

from __future__ import annotations

import warnings

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from hypothesis import given

from mygrad_core.testing import assert_grads_match_numerical
from mygrad_core.testing.strategies import arrays, shapes

_POWERS = [
    pytest.param(lambda x, p: x ** p, id="operator"),
    pytest.param(lambda x, p: mg.power(x, p), id="mg.power"),
    pytest.param(lambda x, p: np.power(x, p), id="np.power"),
]


@pytest.mark.parametrize("power", _POWERS)
@pytest.mark.parametrize("zero", [0, 0.0, "tensor"], ids=["int", "float", "tensor"])
def test_zeroth_power_has_zero_gradient_at_zero(power, zero):
    # seed 000_7568d7cea38c6584.txt:19418 (power); ERRATA: x ** 0 has gradient 0 everywhere
    x = mg.tensor([0.0, 0.0, 2.0, -3.0])
    p = mg.tensor(0.0, constant=True) if zero == "tensor" else zero
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no divide-by-zero / invalid warning either
        power(x, p).backward()
    np.testing.assert_array_equal(x.grad, np.zeros(4))


def test_zeroth_power_of_zero_gives_zero_to_both_inputs():
    # ERRATA: at power(0, 0) both partials are 0 (the reference's values)
    x, p = mg.tensor(0.0), mg.tensor(0.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        mg.power(x, p).backward()
    assert x.grad == 0.0 and p.grad == 0.0


def test_zero_base_with_positive_exponent_keeps_its_limits():
    # the exponent's partial at a = 0, b > 0 is 0 (the limit); the base's is b * 0 ** (b - 1)
    x, p = mg.tensor([0.0, 0.0]), mg.tensor([1.0, 2.0])
    mg.power(x, p).backward()
    np.testing.assert_array_equal(p.grad, [0.0, 0.0])
    np.testing.assert_array_equal(x.grad, [1.0, 0.0])


@given(
    x=arrays(shape=shapes(max_dims=3, max_side=3), min_value=-3, max_value=3),
    exps=st.lists(st.sampled_from([0.0, 1.0, 2.0, 3.0]), min_size=1, max_size=3),
)
def test_power_with_zero_exponents_matches_numerical_gradient(x, exps):
    # exponents mix 0 with others; integer exponents keep x ** b smooth at x = 0
    b = np.resize(np.array(exps), x.shape[-1:] if x.ndim else ())
    x = np.where(np.abs(x) < 0.1, 0.0, x)  # zeros on purpose; no bases within h of 0
    assert_grads_match_numerical(lambda t: mg.power(t, b), x)


def test_std_over_no_axes_has_zero_gradient():
    # seed 000_7568d7cea38c6584.txt:14393 (std); ERRATA: std(x, axis=()) is identically 0
    x = mg.tensor([[1.0, 2.0], [3.0, 5.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = mg.std(x, axis=())
        y.backward()
    np.testing.assert_array_equal(y.data, np.zeros((2, 2)))
    np.testing.assert_array_equal(x.grad, np.zeros((2, 2)))


@given(x=arrays(shape=shapes(max_dims=3, max_side=3)), keepdims=st.booleans())
def test_std_over_no_axes_matches_numerical_gradient(x, keepdims):
    assert_grads_match_numerical(lambda t: mg.std(t, axis=(), keepdims=keepdims), x)
