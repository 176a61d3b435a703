"""Properties of the elementwise activations: forward values against NumPy references
written here, gradients against numerical ones (float64), `constant=`, and dtype
preservation for float16/float32 inputs."""

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from hypothesis import given
from mygrad.nnet.activations import (
    elu,
    hard_tanh,
    leaky_relu,
    relu,
    selu,
    sigmoid,
    soft_sign,
    tanh,
)

from mygrad_core.testing import assert_grads_match_numerical, check_op_contract
from mygrad_core.testing.strategies import arrays, broadcastable_shapes, shapes

LAMBDA, ALPHA = 1.0507009873554805, 1.6732632423543772


def _elu_ref(x, a):
    return np.where(x >= 0, x, a * (np.exp(x) - 1))


# name -> (the activation with its parameters fixed, a NumPy reference)
ACTIVATIONS = {
    "relu": (relu, lambda x: np.where(x > 0, x, 0.0)),
    "sigmoid": (sigmoid, lambda x: 1 / (1 + np.exp(-x))),
    "elu": (lambda x, **kw: elu(x, 0.7, **kw), lambda x: _elu_ref(x, 0.7)),
    "selu": (selu, lambda x: LAMBDA * _elu_ref(x, ALPHA)),
    "leaky_relu": (lambda x, **kw: leaky_relu(x, 0.3, **kw), lambda x: np.where(x > 0, x, 0.3 * x)),
    "hard_tanh": (
        lambda x, **kw: hard_tanh(x, lower_bound=-2, upper_bound=1.5, **kw),
        lambda x: np.minimum(np.maximum(x, -2), 1.5),
    ),
    "soft_sign": (soft_sign, lambda x: x / (1 + np.abs(x))),
    "tanh": (tanh, np.tanh),
}

# a grid offset by 0.1 never lands on a kink (0, -2, 1.5), where no derivative exists
OFF_KINKS = st.integers(-40, 39).map(lambda i: i / 4 + 0.1)
SMALL = shapes(min_dims=0, max_dims=3, min_side=0, max_side=4)  # at most 64 elements


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
@given(data=st.data())
def test_forward_and_gradient_float64(name, data):
    f, ref = ACTIVATIONS[name]
    x = data.draw(arrays(shape=SMALL, dtype=np.float64, elements=OFF_KINKS))
    out = f(mg.tensor(x))
    assert out.shape == x.shape and out.dtype == np.float64
    np.testing.assert_allclose(out.data, ref(x), rtol=1e-12, atol=1e-15)
    assert_grads_match_numerical(f, x)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
@given(data=st.data())
def test_constant_flag(name, data):
    f, _ = ACTIVATIONS[name]
    x_const = data.draw(st.booleans())
    constant = data.draw(st.sampled_from([None, True, False]))
    x = mg.tensor(data.draw(arrays(shape=SMALL, elements=OFF_KINKS)), constant=x_const)
    out = f(x, constant=constant)
    assert out.constant is (x_const if constant is None else constant)
    out.backward()
    if x_const or constant:
        assert x.grad is None
    else:
        assert x.grad is not None and x.grad.shape == x.shape


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
@pytest.mark.parametrize("dtype, tol", [(np.float16, 4e-3), (np.float32, 2e-6)])
@given(data=st.data())
def test_low_precision_dtypes_are_preserved(name, dtype, tol, data):
    f, ref = ACTIVATIONS[name]
    x = data.draw(arrays(shape=SMALL, dtype=dtype, min_value=-6, max_value=6))
    t = mg.tensor(x)
    out = f(t)
    assert out.dtype == dtype
    np.testing.assert_allclose(out.data.astype(np.float64), ref(x.astype(np.float64)), rtol=tol, atol=tol)
    out.backward()
    assert t.grad.dtype == dtype and np.all(np.isfinite(t.grad))


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_op_contract(name):
    # inputs never mutated, memory guarding, constant inference (the kit's checker)
    f, _ = ACTIVATIONS[name]
    check_op_contract(f, np.linspace(-3.1, 2.9, 12).reshape(3, 4))


@pytest.mark.parametrize("name", sorted(set(ACTIVATIONS) - {"tanh"}))
def test_integer_input_gives_a_constant(name):
    f, ref = ACTIVATIONS[name]
    x = mg.arange(-3, 4)
    out = f(x)
    assert out.constant
    np.testing.assert_allclose(out.data, ref(np.arange(-3.0, 4.0)), rtol=1e-12)


@given(data=st.data())
def test_leaky_relu_tensor_slope_gets_a_gradient(data):
    # the slope may be a Tensor (checklist 9c): differentiable, broadcast against x
    sx, ss = data.draw(broadcastable_shapes(2, max_dims=3, max_side=3))
    x = data.draw(arrays(shape=sx, elements=OFF_KINKS))
    slope = data.draw(arrays(shape=ss, min_value=-1, max_value=1))
    out = leaky_relu(x, mg.tensor(slope))
    np.testing.assert_allclose(out.data, np.where(x > 0, x, slope * x), rtol=1e-12)
    assert_grads_match_numerical(leaky_relu, x, slope)


def test_gradients_at_the_kinks():
    # checklist G15: relu and leaky_relu 0 at 0, elu 1 at 0, hard_tanh 0 at and beyond bounds
    x = mg.tensor([-1.0, 0.0, 1.0])
    relu(x).backward()
    np.testing.assert_array_equal(x.grad, [0, 0, 1])
    leaky_relu(x, 0.2).backward()
    np.testing.assert_allclose(x.grad, [0.2, 0, 1])
    elu(x, 0.5).backward()
    np.testing.assert_allclose(x.grad, [0.5 * np.exp(-1), 1, 1])
    selu(x).backward()
    np.testing.assert_allclose(x.grad, [LAMBDA * ALPHA * np.exp(-1), LAMBDA, LAMBDA])
    x = mg.tensor([-3.0, -1.0, 0.0, 1.0, 3.0])
    hard_tanh(x).backward()
    np.testing.assert_array_equal(x.grad, [0, 0, 1, 0, 0])


def test_relu_negative_outputs_are_negative_zero():
    y = relu(mg.tensor([-2.0, -0.0, 0.0, 3.0], dtype=np.float32))
    np.testing.assert_array_equal(np.signbit(y.data), [True, True, False, False])
    assert y.dtype == np.float32


def test_extreme_inputs_stay_finite():
    x = mg.tensor([-1e308, -800.0, 800.0, 1e308])
    for f in (sigmoid, soft_sign, relu, selu, lambda t: elu(t, 1.0)):
        with np.errstate(over="raise", invalid="raise", divide="raise"):  # not even a warning
            y = f(x)
            y.backward()
        assert np.all(np.isfinite(y.data)) and np.all(np.isfinite(x.grad))
    np.testing.assert_array_equal(sigmoid(x).data, [0.0, 0.0, 1.0, 1.0])
