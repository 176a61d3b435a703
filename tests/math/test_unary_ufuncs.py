"""Every one-input elementwise function: forward == NumPy over shapes and dtypes,
gradients == central differences, the ufunc contract (out/where/dtype/constant),
views and non-contiguous inputs."""

from __future__ import annotations

import math

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from _mathspecs import UNARY, Spec, float_elements
from hypothesis import given

from mygrad_core import tensor
from mygrad_core.testing import (
    assert_grads_match_numerical,
    assert_matches_numpy,
    check_op_contract,
    numerical_gradient,
)
from mygrad_core.testing.strategies import arrays, real_dtypes, shapes


def _in_domain(spec: Spec, dtype, shape=None, max_dims=4):
    lo, hi = spec.domain
    dtype = np.dtype(dtype)
    if shape is None:
        shape = shapes(min_dims=0, max_dims=max_dims, max_side=3)
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        lo_i, hi_i = max(math.ceil(lo), int(info.min)), min(math.floor(hi), int(info.max))
        return arrays(shape=shape, dtype=dtype, elements=st.integers(lo_i, hi_i))
    return arrays(shape=shape, dtype=dtype, elements=float_elements(dtype, lo, hi))


@pytest.mark.parametrize("spec", UNARY, ids=repr)
@given(data=st.data())
def test_forward_matches_numpy(spec: Spec, data):
    dtype = data.draw(real_dtypes(floats=True, ints=True), label="dtype")
    if np.dtype(dtype).kind == "u" and spec.name == "negative":
        dtype = np.dtype(np.int16)
    x = data.draw(_in_domain(spec, dtype), label="x")
    rtol = {2: 1e-3, 4: 1e-6}.get(np.dtype(dtype).itemsize, 1e-12) if x.dtype.kind == "f" else 1e-12
    with np.errstate(all="ignore"):
        assert_matches_numpy(spec.mg, spec.np, x, rtol=rtol)
    # integer inputs are constants, and so is anything computed only from them
    if x.dtype.kind in "iu":
        assert spec.mg(tensor(x)).constant


@pytest.mark.parametrize("spec", UNARY, ids=repr)
@given(data=st.data())
def test_grad_matches_numerical(spec: Spec, data):
    x = data.draw(_in_domain(spec, np.float64, max_dims=3), label="x")
    f = spec.mg
    if isinstance(f, type) and issubclass(f, mg.ufunc) and data.draw(st.booleans(), label="out=ndarray"):
        # the result lives in an ndarray out= and stays in the graph (issue 11, item 9)
        def f(t):
            return spec.mg(t, out=np.zeros(np.shape(t)))
    assert_grads_match_numerical(f, x, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("spec", UNARY, ids=repr)
@given(data=st.data())
def test_grad_dtype_follows_input(spec: Spec, data):
    dtype = data.draw(st.sampled_from([np.float16, np.float32]), label="dtype")
    x = tensor(data.draw(_in_domain(spec, dtype, shape=(3,)), label="x"))
    y = spec.mg(x)
    assert y.dtype == dtype
    with np.errstate(all="ignore"):  # float16 may overflow; only the dtype matters here
        y.backward()
    assert x.grad.dtype == dtype and x.grad.shape == x.shape


@pytest.mark.parametrize("spec", UNARY, ids=repr)
@given(data=st.data())
def test_ufunc_contract(spec: Spec, data):
    x = data.draw(
        _in_domain(spec, np.float64, shape=shapes(min_dims=1, max_dims=3, min_side=1, max_side=3))
    )
    check_op_contract(spec.mg, x, ufunc=True)


@pytest.mark.parametrize("spec", UNARY, ids=repr)
@given(data=st.data())
def test_where_masks_the_gradient(spec: Spec, data):
    x = data.draw(_in_domain(spec, np.float64, shape=shapes(min_dims=1, max_dims=2, min_side=1)))
    mask = data.draw(arrays(shape=x.shape, dtype=bool), label="mask")
    t = tensor(x)
    out = tensor(np.full(x.shape, -3.0))
    got = spec.mg(t, out=out, where=mask)
    assert got is out
    np.testing.assert_allclose(out.data[mask], spec.np(x)[mask])
    assert np.all(out.data[~mask] == -3.0)
    out.backward()
    expected = np.where(mask, numerical_gradient(spec.np, x)[0], 0.0)
    np.testing.assert_allclose(t.grad, expected, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("spec", UNARY, ids=repr)
@given(data=st.data())
def test_views_and_non_contiguous_inputs(spec: Spec, data):
    base_arr = data.draw(_in_domain(spec, np.float64, shape=(4, 3)))
    base = tensor(base_arr)
    index = data.draw(
        st.sampled_from(
            [(slice(None, None, 2), slice(None, None, -1)), (Ellipsis, 1), (slice(1, 3),)]
        )
    )
    view = base[index]
    assert np.shares_memory(view.data, base.data)
    y = spec.mg(view)
    np.testing.assert_allclose(y.data, spec.np(base_arr[index]))
    y.backward()
    expected = np.zeros_like(base_arr)
    expected[index] = numerical_gradient(spec.np, base_arr[index])[0]
    np.testing.assert_allclose(base.grad, expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(view.grad, expected[index], rtol=1e-5, atol=1e-6)
    # a transposed (non-contiguous) ndarray input is a constant
    r = spec.mg(base_arr.T)
    assert r.constant
    np.testing.assert_allclose(r.data, spec.np(base_arr.T))


@pytest.mark.parametrize(
    "spec", [s for s in UNARY if s.name in ("sin", "exp", "sqrt", "tanh")], ids=repr
)
def test_constant_keyword(spec: Spec):
    x = tensor([1.0, 2.0])
    assert spec.mg(x, constant=True).constant
    assert not spec.mg([1.0, 2.0], constant=False).constant
    assert spec.mg([1.0, 2.0]).constant
    y = spec.mg(tensor([1, 2]), constant=False)  # int input, float result: allowed
    assert not y.constant and y.dtype == np.float64


def test_constant_false_on_an_integer_result_raises():
    with pytest.raises(ValueError):
        mg.negative(tensor([1, 2]), constant=False)


@pytest.mark.parametrize("spec", UNARY, ids=repr)
def test_unary_ufunc_attributes(spec: Spec):
    f = spec.mg
    assert issubclass(f, mg.ufunc)
    assert f.nin == 1 and f.nout == 1 and f.nargs == 2
    assert f.__name__ == spec.name
    with pytest.raises(NotImplementedError):
        f.reduce([1.0])
