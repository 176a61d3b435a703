"""Constant inference (G1, G2) for construction, creation functions and op results."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mygrad_core as mgc
from mygrad_core import Tensor, astensor, tensor
from mygrad_core.testing import strategies as mst

from ._ops import multiply, square, sum_

CONST = st.sampled_from([None, True, False])
ALL_DTYPES = mst.real_dtypes(floats=True, ints=True, bools=True)


def _expected(dtype, constant, inherited=False):
    """None when constant=False is invalid (integer/bool data)."""
    kind = np.dtype(dtype).kind
    if kind != "f":
        return None if constant is False else True
    if constant is None:
        return inherited
    return constant


@given(dtype=ALL_DTYPES, constant=CONST, ctor=st.sampled_from(["Tensor", "tensor", "astensor"]))
def test_construction_constant_inference(dtype, constant, ctor):
    data = np.ones((2,), dtype=dtype)
    make = {"Tensor": Tensor, "tensor": tensor, "astensor": astensor}[ctor]
    expected = _expected(dtype, constant)
    if expected is None:
        with pytest.raises(ValueError, match="constant"):
            make(data, constant=constant)
        return
    t = make(data, constant=constant)
    assert t.constant is expected
    assert t.dtype == dtype


@given(src=ALL_DTYPES, dtype=ALL_DTYPES, src_const=st.booleans(), constant=CONST)
def test_construction_from_tensor(src, dtype, src_const, constant):
    if np.dtype(src).kind != "f":
        src_const = True
    x = Tensor(np.ones(2, dtype=src), constant=src_const)
    # astensor passes a float tensor's flag on when nothing else is asked for; a new
    # tensor (Tensor(x), tensor(x)) infers it from the dtype (ERRATA: "`Tensor(t)` /
    # `mg.tensor(t)` returning a new tensor")
    inherited = src_const if np.dtype(src).kind == "f" else False
    for make in (Tensor, tensor, astensor):
        kw = {"dtype": dtype, "constant": constant}
        expected = _expected(dtype, constant, inherited=inherited if make is astensor else False)
        if expected is None:
            with pytest.raises(ValueError):
                make(x, **kw)
            continue
        t = make(x, **kw)
        assert t.dtype == dtype
        if make is astensor and constant is None and np.dtype(dtype) == np.dtype(src):
            assert t is x
        assert t.constant is expected, (make, src, dtype, src_const, constant)


@given(
    func=st.sampled_from(["ones", "zeros", "empty", "full", "eye", "identity", "arange", "linspace"]),
    dtype=ALL_DTYPES,
    constant=CONST,
)
def test_creation_constant_inference(func, dtype, constant):
    calls = {
        "ones": lambda **kw: mgc.ones(2, **kw),
        "zeros": lambda **kw: mgc.zeros((1, 2), **kw),
        "empty": lambda **kw: mgc.empty(2, **kw),
        "full": lambda **kw: mgc.full((2,), 1, **kw),
        "eye": lambda **kw: mgc.eye(2, **kw),
        "identity": lambda **kw: mgc.identity(2, **kw),
        "arange": lambda **kw: mgc.arange(0, 2, **kw),
        "linspace": lambda **kw: mgc.linspace(0, 1, 3, **kw),
    }
    expected = _expected(dtype, constant)
    if expected is None:
        with pytest.raises(ValueError, match=func):
            calls[func](dtype=dtype, constant=constant)
        return
    t = calls[func](dtype=dtype, constant=constant)
    assert t.dtype == dtype and t.constant is expected and t.creator is None


@given(
    func=st.sampled_from(["ones_like", "zeros_like", "empty_like", "full_like"]),
    src=ALL_DTYPES,
    src_const=st.booleans(),
    as_tensor=st.booleans(),
    dtype=st.one_of(st.none(), ALL_DTYPES),
    constant=CONST,
)
def test_like_constant_inference(func, src, src_const, as_tensor, dtype, constant):
    # ERRATA: inferred from `other` when it is a Tensor, else from the dtype
    arr = np.ones(3, dtype=src)
    if np.dtype(src).kind != "f":
        src_const = True
    other = Tensor(arr, constant=src_const) if as_tensor else arr
    fn = getattr(mgc, func)
    args = (other, 1) if func == "full_like" else (other,)
    out_dtype = np.dtype(src if dtype is None else dtype)
    inherited = src_const if as_tensor else False
    expected = _expected(out_dtype, constant, inherited=inherited)
    if expected is None:
        with pytest.raises(ValueError):
            fn(*args, dtype=dtype, constant=constant)
        return
    t = fn(*args, dtype=dtype, constant=constant)
    assert t.dtype == out_dtype and t.constant is expected


@given(
    a_dtype=ALL_DTYPES,
    a_const=st.booleans(),
    b_kind=st.sampled_from(["tensor", "const-tensor", "ndarray", "list", "scalar"]),
    constant=CONST,
)
def test_op_result_constant_inference(a_dtype, a_const, b_kind, constant):
    if np.dtype(a_dtype).kind != "f":
        a_const = True
    a = Tensor(np.ones(2, dtype=a_dtype), constant=a_const)
    b = {
        "tensor": tensor([2.0, 3.0]),
        "const-tensor": tensor([2.0, 3.0], constant=True),
        "ndarray": np.array([2.0, 3.0]),
        "list": [2.0, 3.0],
        "scalar": 2.0,
    }[b_kind]
    b_const = b_kind != "tensor"
    result_dtype = np.result_type(a.data, np.asarray(b) if b_kind != "scalar" else b)
    if constant is None:
        expected = (a_const and b_const) or result_dtype.kind != "f"
    elif constant is False and result_dtype.kind != "f":
        expected = None
    else:
        expected = constant
    if expected is None:
        with pytest.raises(ValueError, match="constant"):
            multiply(a, b, constant=constant)
        return
    r = multiply(a, b, constant=constant)
    assert r.constant is expected
    assert r.dtype == result_dtype
    r.backward()
    if not r.constant and not a.constant:
        np.testing.assert_allclose(a.grad, np.broadcast_to(np.asarray(b, dtype=float), (2,)))
    if a.constant or r.constant:
        assert a.grad is None


@given(data=st.data(), shape=mst.shapes(max_dims=2))
def test_constant_false_forces_variable_for_constant_inputs(data, shape):
    # seed 000 L27037-27090: constant=False forces a non-constant
    x = data.draw(mst.tensors(shape=shape, constant=True))
    y = square(x, constant=False)
    assert not y.constant and x.constant
    y.backward()
    assert x.grad is None and y.grad is not None
    assert sum_(x, constant=False).constant is False
    assert mgc.reshape(x, -1, constant=False).constant is False
    assert mgc.reshape(x, -1).constant is True


def test_constant_page():
    # seed 000 L1214-1250
    x = Tensor([1.0, 2.0], constant=True)
    y = Tensor([0.0, 3.0], constant=False)
    f = x * y
    f.backward()
    assert x.grad is None
    np.testing.assert_array_equal(y.grad, [1.0, 2.0])
    x = Tensor([1.0, 2.0], constant=True)
    y = Tensor([0.0, 3.0], constant=True)
    z = (x + y) ** 2 - np.array([8.0, 7.0])
    assert z.constant
    assert Tensor([1, 2]).constant
    assert mgc.tensor([[1, 2]]).constant  # seed 000 L27148-27157


def test_creation_page_constants():
    # seed 000 L488-516
    assert mgc.astensor(1, dtype=np.int8).constant is True
    assert mgc.astensor(1, dtype=np.float32).constant is False
    np.testing.assert_array_equal(mgc.tensor(2.3), 2.3)
    t = mgc.tensor(np.array([1.2, 3.0]))
    np.testing.assert_array_equal(t, [1.2, 3.0])
    assert mgc.arange(4).constant


def test_array_likes_are_constants():
    # seed 000 L131-135
    x = mgc.tensor([1.0, 2.0, 3.0])
    constant = [-1.0, 0.0, 10]
    (x * constant).backward()
    np.testing.assert_array_equal(x.grad, [-1.0, 0.0, 10.0])
    # seed 000 L342-348 (ndarray exponent)
    x = mgc.tensor([2.0, 2.0, 2.0])
    (x ** np.array([1.0, 2.0, 3.0])).backward()
    np.testing.assert_array_equal(x.grad, [1.0, 4.0, 12.0])


def test_constant_false_on_int_result_names_dtype():
    with pytest.raises(ValueError, match="int"):
        multiply(tensor([1, 2]), 2, constant=False)
    with pytest.raises(ValueError, match="int"):
        Tensor([1, 2], constant=False)
