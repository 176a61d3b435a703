"""Every two-input elementwise function: forward == NumPy over broadcast shapes and
mixed dtypes, gradients == central differences (each input reduced to its own shape),
constants, the same tensor twice, and the ufunc contract."""

from __future__ import annotations

import math

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from _mathspecs import BINARY, Spec, float_elements
from hypothesis import given

from mygrad_core import tensor
from mygrad_core.testing import (
    assert_grads_match_numerical,
    assert_matches_numpy,
    check_op_contract,
    numerical_gradient,
)
from mygrad_core.testing.strategies import arrays, broadcastable_shapes, real_dtypes, views_of

_TIE_FREE = {"maximum", "minimum"}


def _elements(dtype, domain, offset=None):
    lo, hi = domain
    dtype = np.dtype(dtype)
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return st.integers(max(math.ceil(lo), int(info.min)), min(math.floor(hi), int(info.max)))
    if offset is not None:
        # a grid shifted by `offset`: two inputs with different offsets never tie
        return st.integers(int(lo * 4), int(hi * 4) - 1).map(lambda i: i / 4 + offset)
    return float_elements(dtype, lo, hi)


def _pair(data, spec: Spec, dom2, dtypes=(np.float64, np.float64), max_dims=3):
    s1, s2 = data.draw(broadcastable_shapes(2, max_dims=max_dims, max_side=3), label="shapes")
    tie_free = spec.name in _TIE_FREE
    a = data.draw(
        arrays(
            shape=s1,
            dtype=dtypes[0],
            elements=_elements(dtypes[0], spec.domain, 0.1 if tie_free else None),
        ),
        label="x1",
    )
    b = data.draw(
        arrays(
            shape=s2,
            dtype=dtypes[1],
            elements=_elements(dtypes[1], dom2, 0.2 if tie_free else None),
        ),
        label="x2",
    )
    return a, b


@pytest.mark.parametrize("spec, dom2", BINARY, ids=[s.name for s, _ in BINARY])
@given(data=st.data())
def test_forward_matches_numpy(spec: Spec, dom2, data):
    d1 = data.draw(real_dtypes(floats=True, ints=True), label="dtype1")
    d2 = data.draw(real_dtypes(floats=True, ints=True), label="dtype2")
    if spec.name == "power" and np.dtype(d2).kind in "iu":
        dom2 = (0, 2)  # NumPy refuses negative integer powers of integers
    a, b = _pair(data, spec, dom2, (d1, d2))
    expected_dtype = spec.np(a, b).dtype
    rtol = 1e-3 if expected_dtype == np.float16 else 1e-6
    with np.errstate(all="ignore"):
        assert_matches_numpy(spec.mg, spec.np, a, b, rtol=rtol)


@pytest.mark.parametrize("spec, dom2", BINARY, ids=[s.name for s, _ in BINARY])
@given(data=st.data())
def test_grad_matches_numerical(spec: Spec, dom2, data):
    a, b = _pair(data, spec, dom2)
    f = spec.mg
    if isinstance(f, type) and issubclass(f, mg.ufunc) and data.draw(st.booleans(), label="out=ndarray"):
        # the result lives in an ndarray out= and stays in the graph (issue 11, item 9)
        def f(x, y):
            return spec.mg(x, y, out=np.zeros(np.broadcast_shapes(np.shape(x), np.shape(y))))
    assert_grads_match_numerical(f, a, b, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("spec, dom2", BINARY, ids=[s.name for s, _ in BINARY])
@given(data=st.data(), which=st.sampled_from([0, 1]))
def test_constant_input_gets_no_grad(spec: Spec, dom2, data, which):
    a, b = _pair(data, spec, dom2, max_dims=2)
    inputs = [tensor(a), tensor(b)]
    inputs[which] = tensor(inputs[which].data, constant=True)
    assert_grads_match_numerical(spec.mg, *inputs, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("spec, dom2", [b for b in BINARY if b[0].name not in _TIE_FREE], ids=repr)
@given(data=st.data())
def test_same_tensor_twice(spec: Spec, dom2, data):
    lo = max(spec.domain[0], dom2[0])
    hi = min(spec.domain[1], dom2[1])
    a = data.draw(arrays(shape=(3,), dtype=np.float64, min_value=lo, max_value=hi))
    assert_grads_match_numerical(lambda t: spec.mg(t, t), a, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("spec, dom2", BINARY, ids=[s.name for s, _ in BINARY])
@given(data=st.data())
def test_ufunc_contract(spec: Spec, dom2, data):
    a = data.draw(
        arrays(shape=(2, 3), dtype=np.float64, elements=_elements(np.float64, spec.domain, 0.1))
    )
    b = data.draw(arrays(shape=(3,), dtype=np.float64, elements=_elements(np.float64, dom2, 0.2)))
    check_op_contract(spec.mg, a, b, ufunc=True)


@pytest.mark.parametrize("spec, dom2", BINARY, ids=[s.name for s, _ in BINARY])
def test_binary_ufunc_attributes(spec: Spec, dom2):
    assert issubclass(spec.mg, mg.ufunc)
    assert spec.mg.nin == 2 and spec.mg.nargs == 3
    assert spec.mg.identity == spec.np.identity


def test_python_scalars_are_weak():
    # NumPy 2 (NEP 50): a Python float does not upcast a float32 tensor
    x = mg.tensor([1.0, 2.0], dtype=np.float32)
    for y in (
        x * 2.0,
        2.0 * x,
        x + 1,
        x - 1.5,
        x / 2.0,
        x**2.5,
        mg.power(x, 3),
        mg.maximum(x, 0.5),
    ):
        assert y.dtype == np.float32
    assert (mg.tensor([1, 2], dtype=np.int8) * 3).dtype == np.int8


def test_power_integer_base_negative_integer_exponent_raises():
    with pytest.raises(ValueError):
        mg.power(mg.tensor([1, 2]), -1)
    with pytest.raises(ValueError):
        mg.tensor([2]) ** -2


@pytest.mark.parametrize("exponent", [0, 1, 2, 3, 0.5, -1.0, 2.0])
def test_power_special_cases_match_general(exponent):
    x = mg.tensor([0.5, 1.5, 3.0])
    y = x**exponent
    np.testing.assert_allclose(y.data, x.data**exponent)
    y.backward()
    np.testing.assert_allclose(x.grad, exponent * x.data ** (exponent - 1) if exponent else 0.0)
    x2 = mg.tensor([0.5, 1.5, 3.0])
    mg.power(x2, exponent).backward()
    np.testing.assert_allclose(x2.grad, x.grad)


def test_power_square_and_identity_take_the_fast_path():
    x = mg.tensor([1.0, 2.0])
    # a constant scalar exponent of 2 or 1 squares or copies instead of calling np.power
    # (the operator runs Square/Positive: test_power_operator_shortcut)
    assert mg.power(x, 2).creator.mode == 2 and mg.power(x, 1).creator.mode == 1
    assert mg.power(x, np.array(2.0)).creator.mode == 2
    y = x**1
    assert y is not x and not np.shares_memory(y.data, x.data)


def test_power_grad_wrt_exponent_at_zero_base():
    b = mg.tensor([2.0, 0.5])
    mg.power(0.0, b).backward()
    np.testing.assert_array_equal(b.grad, [0.0, 0.0])


def test_maximum_minimum_ties_send_no_gradient():
    x = mg.tensor([1.0, 2.0, 3.0])
    y = mg.tensor([1.0, 0.0, 3.0])
    mg.maximum(x, y).backward()
    np.testing.assert_array_equal(x.grad, [0.0, 1.0, 0.0])
    np.testing.assert_array_equal(y.grad, [0.0, 0.0, 0.0])
    mg.minimum(x, y).backward()
    np.testing.assert_array_equal(x.grad, [0.0, 0.0, 0.0])
    np.testing.assert_array_equal(y.grad, [0.0, 1.0, 0.0])


def test_true_divide_is_divide():
    assert mg.true_divide is mg.divide
    assert mg.math.true_divide is mg.divide


@pytest.mark.parametrize("spec, dom2", BINARY, ids=[s.name for s, _ in BINARY])
@given(data=st.data())
def test_views_as_inputs(spec: Spec, dom2, data):
    a = data.draw(
        arrays(shape=(4, 3), dtype=np.float64, elements=_elements(np.float64, spec.domain, 0.1))
    )
    b = data.draw(arrays(shape=(4, 3), dtype=np.float64, elements=_elements(np.float64, dom2, 0.2)))
    ta, tb = tensor(a), tensor(b)
    va = data.draw(views_of(ta), label="view of x1")
    vb = tb.T[::-1].T[: va.shape[0], : va.shape[1]]  # non-contiguous view
    if vb.shape != va.shape:
        vb = vb[tuple(slice(0, n) for n in va.shape)]
    y = spec.mg(va, vb)
    np.testing.assert_allclose(y.data, spec.np(va.data, vb.data))
    y.backward()
    assert va.grad is not None and np.shares_memory(va.grad, ta.grad)
    num_a, num_b = numerical_gradient(spec.np, va.data, vb.data)
    np.testing.assert_allclose(va.grad, num_a, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(vb.grad, num_b, rtol=1e-5, atol=1e-6)
