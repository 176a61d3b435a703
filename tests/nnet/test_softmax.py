"""softmax, logsoftmax and glu: values against NumPy references written here, gradients
against numerical ones, over shapes and axis arguments; numerical stability."""

import hypothesis.extra.numpy as hnp
import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from hypothesis import given
from mygrad.nnet.activations import glu, logsoftmax, softmax

from mygrad_core.testing import assert_grads_match_numerical, check_op_contract
from mygrad_core.testing.strategies import arrays, shapes


def _naive_softmax(x, axis):
    # fine for the moderate inputs generated here (|x| <= 10)
    e = np.exp(x)
    return e / e.sum(axis=axis, keepdims=True)


@st.composite
def _input_and_axis(draw, dtype=np.float64):
    shape = draw(shapes(min_dims=0, max_dims=3, min_side=1, max_side=4))
    ndim = len(shape)
    axis_choices = [st.none(), hnp.valid_tuple_axes(ndim)]
    if ndim:
        axis_choices.append(st.integers(-ndim, ndim - 1))
    axis = draw(st.one_of(*axis_choices))
    x = draw(arrays(shape=shape, dtype=dtype, min_value=-10, max_value=10))
    return x, axis


@pytest.mark.parametrize("func", [softmax, logsoftmax])
@given(case=_input_and_axis(), constant=st.sampled_from([None, True, False]))
def test_forward_and_gradient_over_axes(func, case, constant):
    x, axis = case
    ax = tuple(range(x.ndim)) if axis is None else axis
    expected = _naive_softmax(x, ax)
    if func is logsoftmax:
        expected = np.log(expected)
    out = func(mg.tensor(x), axis=axis, constant=constant)
    assert out.shape == x.shape and out.constant is bool(constant)
    np.testing.assert_allclose(out.data, expected, rtol=1e-10, atol=1e-12)
    assert_grads_match_numerical(lambda t: func(t, axis=axis), x)


@pytest.mark.parametrize("func", [softmax, logsoftmax])
def test_default_axis_is_the_last(func):
    x = np.arange(6.0).reshape(2, 3)
    np.testing.assert_array_equal(func(x).data, func(x, axis=1).data)
    np.testing.assert_array_equal(func(x).data, func(x, axis=(-1,)).data)


@pytest.mark.parametrize("func", [softmax, logsoftmax])
@pytest.mark.parametrize("dtype, tol", [(np.float16, 2e-3), (np.float32, 1e-6)])
@given(data=st.data())
def test_low_precision_dtypes_are_preserved(func, dtype, tol, data):
    x, axis = data.draw(_input_and_axis(dtype=dtype))
    t = mg.tensor(x)
    out = func(t, axis=axis)
    assert out.dtype == dtype
    ax = tuple(range(x.ndim)) if axis is None else axis
    expected = _naive_softmax(x.astype(np.float64), ax)
    if func is logsoftmax:
        expected = np.log(expected)
        tol = tol * 10  # log-probabilities run up to ~20 in magnitude
    np.testing.assert_allclose(out.data.astype(np.float64), expected, rtol=tol, atol=tol)
    out.backward()
    assert t.grad.dtype == dtype


@pytest.mark.parametrize("func", [softmax, logsoftmax])
@given(x=arrays(shape=shapes(min_dims=1, max_dims=2, min_side=1), min_value=-5, max_value=5),
       shift=st.sampled_from([-1e5, 1e5, 700.0, -800.0]))
def test_shift_invariance_far_from_zero(func, x, shift):
    # a naive exp overflows (or underflows to 0/0) here; the stable forms do not
    np.testing.assert_allclose(func(x + shift).data, func(x).data, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("func", [softmax, logsoftmax])
def test_extreme_rows_have_finite_values_and_gradients(func):
    x = mg.tensor([[2e50, -2e50, 1e50], [-1e300, -1e300, -1e300], [1e300, 1e300, -1e300]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        y = func(x)
        y.backward(np.arange(9.0).reshape(3, 3))
    assert np.all(np.isfinite(y.data)) and np.all(np.isfinite(x.grad))
    p = softmax(x).data
    np.testing.assert_allclose(p, [[1, 0, 0], [1 / 3] * 3, [0.5, 0.5, 0]], atol=1e-15)


@pytest.mark.parametrize("func", [softmax, logsoftmax])
def test_op_contract(func):
    check_op_contract(func, np.linspace(-3.0, 3.0, 12).reshape(3, 4), axis=0)


@given(data=st.data())
def test_glu_forward_and_gradient(data):
    shape = list(data.draw(shapes(min_dims=1, max_dims=3, min_side=1, max_side=3)))
    axis = data.draw(st.integers(-len(shape), len(shape) - 1))
    shape[axis] *= 2
    x = data.draw(arrays(shape=tuple(shape)))
    a, b = np.split(x, 2, axis=axis)
    out = glu(x, axis=axis)
    np.testing.assert_allclose(out.data, a / (1 + np.exp(-b)), rtol=1e-12)
    assert_grads_match_numerical(lambda t: glu(t, axis=axis), x)


@pytest.mark.parametrize("dtype", [np.float16, np.float32])
def test_glu_preserves_dtype(dtype):
    x = mg.tensor(np.linspace(-2, 2, 8).reshape(2, 4), dtype=dtype)
    y = glu(x, axis=0)
    assert y.shape == (1, 4) and y.dtype == dtype
    y.backward()
    assert x.grad.dtype == dtype


def test_glu_constant_and_contract():
    check_op_contract(glu, np.linspace(-2.0, 2.0, 12).reshape(3, 4))
    assert glu(mg.tensor([1.0, 2.0]), constant=True).constant
