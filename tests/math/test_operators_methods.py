"""Tensor operators (+ - * / ** unary - + abs, augmented assignment, views) and the
methods the plugin provides (sum, mean, ..., clip)."""

from __future__ import annotations

import operator

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from hypothesis import given

from mygrad_core.testing import assert_grads_match_numerical
from mygrad_core.testing.strategies import arrays, broadcastable_shapes

BINARY_OPS = [operator.add, operator.sub, operator.mul, operator.truediv, operator.pow]


@pytest.mark.parametrize("op", BINARY_OPS, ids=lambda o: o.__name__)
@given(data=st.data())
def test_binary_operators(op, data):
    s1, s2 = data.draw(broadcastable_shapes(2, max_dims=3, max_side=3))
    a = data.draw(arrays(shape=s1, dtype=np.float64, min_value=0.5, max_value=3))
    b = data.draw(arrays(shape=s2, dtype=np.float64, min_value=0.5, max_value=3))
    np.testing.assert_allclose(op(mg.tensor(a), b).data, op(a, b))
    np.testing.assert_allclose(op(a, mg.tensor(b)).data, op(a, b))  # reflected
    assert_grads_match_numerical(op, a, b)
    assert_grads_match_numerical(lambda x: op(2.0, x), b)
    assert_grads_match_numerical(lambda x: op(x, 2.0), a)


@pytest.mark.parametrize("op", [operator.neg, operator.pos, abs], ids=lambda o: o.__name__)
@given(x=arrays(shape=(3,), dtype=np.float64, min_value=0.5, max_value=3))
def test_unary_operators(op, x):
    t = mg.tensor(x)
    y = op(t)
    assert isinstance(y, mg.Tensor) and y is not t
    np.testing.assert_allclose(y.data, op(x))
    assert_grads_match_numerical(op, x)
    assert_grads_match_numerical(lambda v: op(-v), x)


@pytest.mark.parametrize("exponent, op_name", [(2, "Square"), (2.0, "Square"), (1, "Positive"), (3, "Power"), (True, "Power")])
@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int64])
def test_power_operator_shortcut(exponent, op_name, dtype):
    # `x ** 2` and `x ** 1` by a Python number run Square and Positive, as in MyGrad;
    # the result, its dtype and the gradient are the general power's
    x = mg.tensor(np.array([-1.5, 0.0, 2.0]).astype(dtype))
    y = x**exponent
    expected = mg.power(x, exponent)
    if dtype is np.int64 and type(exponent) is float:
        op_name = "Power"  # an integer tensor by a float: a float result, the general path
    assert type(y.creator).__name__ == op_name
    assert type(expected.creator).__name__ == "Power"  # the ufunc itself: never a shortcut
    assert y.dtype == expected.dtype and y.constant == expected.constant
    np.testing.assert_array_equal(y.data, expected.data)
    if dtype is not np.int64:
        y.sum().backward()
        g = x.grad
        expected.sum().backward()
        np.testing.assert_allclose(g, x.grad)


def test_tensor_page_example():
    # seed 000, L530-552; ERRATA: x.grad is 2.0 (the page's 6.0 is wrong)
    x = mg.Tensor(3.0)
    y = mg.Tensor(2.0)
    loss = 2 * x + y**2
    loss.backward()
    assert x.grad == 2.0 and x.grad.shape == ()
    assert y.grad == 4.0
    assert loss.grad == 1.0


def test_operators_null_gradients_and_constants():
    x = mg.tensor([1.0, 2.0])
    (x * 3).backward()
    assert x.grad is not None
    _ = 2 * x
    assert x.grad is None  # taking part in a new op nulls the gradient
    c = mg.tensor([1.0, 2.0], constant=True)
    assert (c + 1).constant and (c * c).constant
    assert not (c + x).constant
    i = mg.tensor([1, 2])
    y = i * 2.5
    assert y.constant and y.dtype == np.float64


def test_augmented_assignment_is_in_place():
    # seed 000, L26598-26602: the result is the very same object
    x = mg.tensor([1.0, 2.0, 3.0])
    y = x
    x *= 2
    assert x is y
    np.testing.assert_array_equal(x.data, [2.0, 4.0, 6.0])

    w = mg.tensor([1.0, 2.0, 3.0])
    z = w * 1  # z's graph leads back to w
    z += w
    z **= 2
    z -= 1.0
    z /= 2.0
    z.backward()
    # z = ((2w) ** 2 - 1) / 2 -> dz/dw = 4w
    np.testing.assert_allclose(w.grad, 4 * w.data)


def test_augmented_assignment_through_a_view():
    x = mg.arange(6.0).reshape(2, 3)
    base_grad_source = x * 1
    view = base_grad_source[0]
    view += mg.tensor([10.0, 20.0, 30.0])
    np.testing.assert_array_equal(base_grad_source.data[0], [10.0, 21.0, 32.0])
    (base_grad_source**2).sum().backward()
    np.testing.assert_allclose(x.grad, 2 * base_grad_source.data)

    y = mg.tensor([1.0, 2.0, 3.0, 4.0])
    v = y[1:3]
    v *= -1  # mutates y in place
    np.testing.assert_array_equal(y.data, [1.0, -2.0, -3.0, 4.0])


def test_front_page_where_out_example():
    # seed 000, L60-67: differentiating through an in-place, masked ufunc call
    x = mg.tensor([1.0, 2.0, 3.0])
    y = mg.zeros_like(x)
    np.multiply(x, x, where=[True, False, True], out=y)
    y.backward()
    np.testing.assert_array_equal(x.grad, [2.0, 0.0, 6.0])


def test_constant_operand_example():
    # seed 000, L131-135
    x = mg.tensor([1.0, 2.0, 3.0])
    constant = [-1.0, 0.0, 10]
    (x * constant).backward()
    np.testing.assert_array_equal(x.grad, [-1.0, 0.0, 10.0])


@pytest.mark.parametrize(
    "name, kwargs",
    [
        ("sum", {"axis": 0}),
        ("prod", {"axis": 1, "keepdims": True}),
        ("mean", {"axis": -1}),
        ("std", {"ddof": 1}),
        ("var", {"axis": (0, 1)}),
        ("max", {"axis": 0}),
        ("min", {}),
        ("cumsum", {"axis": 1}),
        ("cumprod", {}),
    ],
)
def test_differentiable_methods(name, kwargs):
    x = np.array([[1.0, -2.0, 3.5], [0.5, 4.0, -1.5]])
    t = mg.tensor(x)
    got = getattr(t, name)(**kwargs)
    expected = getattr(mg, name)(x, **kwargs)
    np.testing.assert_allclose(got.data, expected.data)
    assert_grads_match_numerical(lambda v: getattr(v, name)(**kwargs), x)


def test_nondifferentiable_methods():
    t = mg.tensor([[1.0, 5.0], [7.0, 0.0]])
    assert isinstance(t.argmax(), np.integer) and t.argmax() == 2
    np.testing.assert_array_equal(t.argmax(axis=1), [1, 0])
    np.testing.assert_array_equal(t.argmin(axis=0), [0, 1])
    np.testing.assert_array_equal(t.any(axis=0), [True, True])
    assert t.any() and not mg.tensor([0.0]).any()
    assert isinstance(t.any(axis=1), np.ndarray)
    np.testing.assert_array_equal(t.clip(1, 5).data, [[1.0, 5.0], [5.0, 1.0]])


def test_floordiv_mod_divmod_are_constant_only():
    x = mg.tensor([5.0, -3.0])
    for fn in (lambda: x // 2, lambda: x % 2, lambda: divmod(x, 2), lambda: 7 // x, lambda: 7 % x):
        with pytest.raises(ValueError):
            fn()
    c = mg.tensor([5, -3])
    r = c // 2
    assert isinstance(r, np.ndarray) and r.dtype == np.int64
    np.testing.assert_array_equal(r, [2, -2])
    np.testing.assert_array_equal(c % 2, [1, 1])
    np.testing.assert_array_equal(7 // c, [1, -3])
    q, m = divmod(c, 2)
    np.testing.assert_array_equal(q, [2, -2])
    np.testing.assert_array_equal(m, [1, 1])
    small = mg.tensor([5, 9], dtype=np.int8)
    assert (small // 2).dtype == np.int8  # Python ints stay weak
    fc = mg.tensor([5.5, 2.0], constant=True)
    np.testing.assert_array_equal(fc // 2, [2.0, 1.0])
    c2 = mg.tensor([7, 9])
    before = c2
    c2 //= 2
    assert c2 is before and isinstance(c2, mg.Tensor)
    np.testing.assert_array_equal(c2.data, [3, 4])
    c2 %= 2
    np.testing.assert_array_equal(c2.data, [1, 0])
