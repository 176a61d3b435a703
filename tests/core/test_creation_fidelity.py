"""How ``Tensor``/``tensor``/``astype`` set ``constant`` and handle ``ndmin`` when given a
tensor (issue 11, item 12; ERRATA rows "`Tensor(t)` / `mg.tensor(t)` returning a new
tensor", "`astype(dtype, constant=None)`", "`mg.tensor(t, copy=False, ndmin=k)`")."""

from __future__ import annotations

import hypothesis.strategies as st
import numpy as np
import pytest
from hypothesis import given

import mygrad_core as mgc
from mygrad_core import Tensor, tensor
from mygrad_core.testing.strategies import arrays, shapes


@pytest.mark.parametrize("make", [Tensor, tensor], ids=["Tensor", "tensor"])
@pytest.mark.parametrize("copy", [True, False])
def test_a_new_tensor_from_a_constant_float_tensor_is_a_variable(make, copy):
    # seed 000_7568d7cea38c6584.txt:3516-3518: "If a new tensor is returned: Defaults to
    # False for float-type data"
    src = tensor([1.0, 2.0], constant=True)
    t = make(src, dtype=np.float32, copy=copy) if not copy else make(src)
    assert t is not src
    assert t.constant is False


def test_tensor_without_a_copy_returns_the_same_tensor_with_its_flag():
    src = tensor([1.0, 2.0], constant=True)
    assert tensor(src, copy=False) is src


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
@pytest.mark.parametrize("src_dtype", ["int8", "int64", "bool"])
def test_astype_from_integer_data_infers_constant_from_the_new_dtype(dtype, src_dtype):
    # seed 000_7568d7cea38c6584.txt:870-880 (astype); mg.arange(3).astype(float) is a variable
    x = tensor(np.ones(3, dtype=src_dtype))
    assert x.constant
    f = x.astype(dtype)
    assert f.constant is False
    f.backward()
    np.testing.assert_array_equal(f.grad, np.ones(3))
    assert x.astype("int32").constant  # integer data is always a constant


def test_astype_from_a_float_tensor_keeps_its_flag():
    assert tensor([1.0], constant=True).astype(np.float32).constant
    assert not tensor([1.0]).astype(np.float16).constant
    assert mgc.arange(3).astype(float).constant is False


@given(x=arrays(shape=shapes(max_dims=2, min_side=1, max_side=3)), extra=st.integers(1, 3), constant=st.sampled_from([None, False]))
def test_tensor_copy_false_with_ndmin_is_a_differentiable_view(x, extra, constant):
    # np.array(a, copy=False, ndmin=k).base is a: the tensor analogue is a view of t
    t = tensor(x)
    ndmin = x.ndim + extra
    v = tensor(t, copy=False, ndmin=ndmin, constant=constant)
    expected = np.array(x, ndmin=ndmin)
    assert v.shape == expected.shape
    assert v.base is t and np.shares_memory(v.data, t.data)
    g = np.arange(v.size, dtype=float).reshape(v.shape)
    v.backward(g)
    np.testing.assert_array_equal(t.grad, g.reshape(t.shape))


@pytest.mark.parametrize("bad", [1.0, 2.5, "2", None, -1, [1]])
@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda x, n: Tensor(x, ndmin=n), id="Tensor(list)"),
        pytest.param(lambda x, n: tensor(x, ndmin=n), id="tensor(list)"),
        pytest.param(lambda x, n: Tensor(tensor(x), ndmin=n), id="Tensor(tensor)"),
        pytest.param(lambda x, n: tensor(tensor(x), ndmin=n), id="tensor(tensor)"),
        pytest.param(lambda x, n: tensor(tensor(x), copy=False, ndmin=n), id="tensor(tensor, copy=False)"),
        pytest.param(lambda x, n: Tensor(np.asarray(x), copy=False, ndmin=n), id="Tensor(array, copy=False)"),
    ],
)
def test_bad_ndmin_is_a_type_error_on_every_path(make, bad):
    with pytest.raises(TypeError, match=r"ndmin.*non-negative integer.*" + repr(bad).replace("[", r"\[").replace("]", r"\]")):
        make([1.0, 2.0], bad)


def test_ndmin_accepts_numpy_integers():
    assert tensor([1.0], ndmin=np.int64(3)).shape == (1, 1, 1)


@pytest.mark.parametrize("bad", ["maybe", 1, 0.0, "True"])
@pytest.mark.parametrize("make", [Tensor, tensor, lambda x, constant: tensor(tensor(x), copy=False, constant=constant)])
def test_constant_that_is_not_a_bool_is_a_type_error_naming_the_value(make, bad):
    with pytest.raises(TypeError, match=r"constant.*" + repr(bad)):
        make([1.0, 2.0], constant=bad)


def test_constant_accepts_numpy_bools():
    assert Tensor([1.0], constant=np.bool_(True)).constant
