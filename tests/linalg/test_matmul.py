"""mg.matmul, the @ operator and np.matmul on tensors."""

from __future__ import annotations

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from hypothesis import given

import mygrad_core
from mygrad_core.testing import (
    assert_grads_match_numerical,
    check_op_contract,
    numerical_gradient,
)
from mygrad_core.testing.strategies import arrays, broadcastable_shapes, real_dtypes, tensors

matmul = mg.matmul


@st.composite
def matmul_shapes(draw, mismatch=False):
    """Shapes of two matmul operands, 1-D to 4-D, with broadcast batch dimensions."""
    nd_a = draw(st.integers(1, 4))
    nd_b = draw(st.integers(1, 4))
    batch_a, batch_b = draw(broadcastable_shapes(2, min_dims=2, max_dims=2, max_side=3))
    n, k, m = (draw(st.integers(1, 4)) for _ in range(3))
    k2 = k
    if mismatch:
        k2 = draw(st.integers(1, 4).filter(lambda v: v != k))
    a = (k,) if nd_a == 1 else batch_a[len(batch_a) - (nd_a - 2) :] + (n, k) if nd_a > 2 else (n, k)
    b = (
        (k2,)
        if nd_b == 1
        else batch_b[len(batch_b) - (nd_b - 2) :] + (k2, m)
        if nd_b > 2
        else (k2, m)
    )
    return a, b


@given(shapes=matmul_shapes(), data=st.data())
def test_forward_matches_numpy(shapes, data):
    dtype = data.draw(real_dtypes(floats=True, ints=True))
    a = data.draw(arrays(shapes[0], dtype=dtype, min_value=-5, max_value=5))
    b = data.draw(arrays(shapes[1], dtype=dtype, min_value=-5, max_value=5))
    out = matmul(a, b)
    expected = np.matmul(a, b)
    assert isinstance(out, mg.Tensor)
    assert out.shape == expected.shape and out.dtype == expected.dtype
    np.testing.assert_allclose(out.data, expected, rtol=1e-2 if dtype == np.float16 else 1e-6)
    assert out.constant  # only constant inputs (arrays)


@given(shapes=matmul_shapes(), data=st.data())
def test_gradients_match_numerical(shapes, data):
    a = data.draw(tensors(shapes[0]))
    b = data.draw(tensors(shapes[1]))
    assert_grads_match_numerical(lambda x, y: matmul(x, y), a, b)


@given(shapes=matmul_shapes(), data=st.data())
def test_operator_and_numpy_dispatch(shapes, data):
    a = data.draw(tensors(shapes[0], constant=False))
    b = data.draw(arrays(shapes[1]))
    expected = np.matmul(a.data, b)
    for out in (a @ b, np.matmul(a, b), a @ mg.tensor(b)):
        assert isinstance(out, mg.Tensor)
        np.testing.assert_allclose(out.data, expected)
    # ndarray @ Tensor goes through np.matmul's __array_ufunc__, list @ Tensor through
    # Tensor.__rmatmul__
    for left in (a.data, a.data.tolist()):
        out = left @ mg.tensor(b)
        assert isinstance(out, mg.Tensor)
        np.testing.assert_allclose(out.data, expected)
    assert_grads_match_numerical(lambda x, y: x @ y, a, b)
    assert_grads_match_numerical(lambda x, y: np.matmul(x, y), a, b)


def test_rmatmul_gradient():
    x = mg.tensor([[1.0, 2.0], [3.0, 4.0]])
    out = np.array([1.0, -1.0]) @ x
    out.backward()
    np.testing.assert_array_equal(out.data, [-2.0, -2.0])
    np.testing.assert_array_equal(x.grad, [[1.0, 1.0], [-1.0, -1.0]])


def test_same_tensor_in_both_positions():
    x = mg.tensor([[1.0, 2.0], [3.0, 4.0]])
    assert_grads_match_numerical(lambda t: matmul(t, t), x)
    (x @ x).backward()
    # d(sum(X X))/dX = 1 X^T + X^T 1
    ones = np.ones((2, 2))
    np.testing.assert_allclose(x.grad, ones @ x.data.T + x.data.T @ ones)


@given(shapes=matmul_shapes(), data=st.data())
def test_views_as_inputs(shapes, data):
    a = data.draw(tensors(tuple(2 * s for s in shapes[0]), constant=False))
    index = tuple(slice(None, None, 2) for _ in shapes[0])
    view = a[index]
    b = data.draw(tensors(shapes[1], constant=False))
    out = matmul(view, b)
    np.testing.assert_allclose(out.data, np.matmul(view.data, b.data))
    out.backward()
    assert np.shares_memory(view.grad, a.grad)
    expected = np.zeros(a.shape)
    expected[index] = numerical_gradient(lambda x: np.matmul(x, b.data), view.data)[0]
    np.testing.assert_allclose(a.grad, expected, atol=1e-6)


@given(data=st.data())
def test_mismatched_shapes_raise_like_numpy(data):
    shapes = data.draw(matmul_shapes(mismatch=True))
    a, b = np.ones(shapes[0]), np.ones(shapes[1])
    with pytest.raises(Exception) as np_err:
        np.matmul(a, b)
    with pytest.raises(np_err.type):
        matmul(mg.tensor(a), mg.tensor(b))
    with pytest.raises(np_err.type):
        mg.tensor(a) @ b


@pytest.mark.parametrize("scalar", [3, 2.5, np.float64(2.0), np.array(2.0), mg.tensor(2.0)])
def test_scalar_operand_raises(scalar):
    x = mg.tensor([[1.0, 2.0]])
    msg = "Scalar operands are not allowed, use '\\*' instead"
    with pytest.raises(ValueError, match=msg):
        matmul(x, scalar)
    with pytest.raises(ValueError, match=msg):
        matmul(scalar, x)
    with pytest.raises(ValueError, match=msg):
        x @ scalar


def test_where_is_rejected():
    with pytest.raises(TypeError):
        matmul(np.eye(2), np.eye(2), where=np.ones((2, 2), dtype=bool))
    with pytest.raises(TypeError):
        matmul(np.eye(2), np.eye(2), where=True)


def test_inplace_matmul_is_refused():
    x = mg.tensor(np.eye(2))
    with pytest.raises(TypeError):
        x @= mg.tensor(np.eye(2))


@given(shapes=matmul_shapes(), data=st.data())
def test_out_tensor_and_ndarray(shapes, data):
    a = data.draw(tensors(shapes[0], constant=False))
    b = data.draw(tensors(shapes[1], constant=False))
    expected = np.matmul(a.data, b.data)

    target = np.full(expected.shape, -1.0)
    got = matmul(a, b, out=target)
    # ERRATA row "ufunc with an ndarray out=": a Tensor over that array, in the graph
    assert isinstance(got, mg.Tensor) and got.data is target
    np.testing.assert_allclose(target, expected)
    got.backward()
    assert a.grad is not None and b.grad is not None

    t_out = mg.tensor(np.full(expected.shape, -1.0))
    got = matmul(a, b, t_out)  # positional out, as for NumPy ufuncs
    assert got is t_out
    np.testing.assert_allclose(t_out.data, expected)
    t_out.backward()
    assert a.grad is not None and b.grad is not None
    assert_grads_match_numerical(lambda x, y: matmul(x, y), a, b, back_grad=1.0)

    # the gradient through out= is the gradient of matmul itself
    def through_out(x, y):
        return matmul(x, y, out=mg.zeros(expected.shape, dtype=np.float64))

    assert_grads_match_numerical(through_out, a, b)


@given(shapes=matmul_shapes(), dtype=st.sampled_from([np.float32, np.float64, np.float16]))
def test_dtype_argument(shapes, dtype):
    a = mg.tensor(np.arange(np.prod(shapes[0]), dtype=np.int64).reshape(shapes[0]))
    b = mg.tensor(np.arange(np.prod(shapes[1]), dtype=np.int64).reshape(shapes[1]))
    out = matmul(a, b, dtype=dtype)
    expected = np.matmul(a.data, b.data, dtype=dtype)
    assert out.dtype == expected.dtype == dtype
    np.testing.assert_allclose(out.data, expected)
    assert out.constant


@given(shapes=matmul_shapes(), data=st.data())
def test_constant_inference_and_override(shapes, data):
    a = data.draw(tensors(shapes[0]))
    b = data.draw(tensors(shapes[1]))
    out = matmul(a, b)
    assert out.constant == (a.constant and b.constant)
    assert matmul(a, b, constant=True).constant
    forced = matmul(a, b, constant=False)
    assert not forced.constant
    forced.backward()
    assert forced.grad is not None
    for t in (a, b):
        assert (t.grad is None) == t.constant


def test_integer_inputs_are_constant_and_refuse_constant_false():
    a = mg.tensor([[1, 2], [3, 4]])
    assert matmul(a, a).constant
    with pytest.raises(ValueError):
        matmul(a, a, constant=False)


@given(shapes=matmul_shapes())
def test_op_contract(shapes):
    rng = np.random.default_rng(0)
    check_op_contract(matmul, rng.normal(size=shapes[0]), rng.normal(size=shapes[1]))


def test_ufunc_attributes():
    assert issubclass(matmul, mygrad_core.ufunc)
    assert matmul.nin == 2 and matmul.nout == 1 and matmul.nargs == 3
    assert matmul.signature == np.matmul.signature
    assert matmul.identity is None
    assert matmul.ntypes == len(matmul.types) > 0
    for method in ("reduce", "accumulate", "outer", "at", "reduceat"):
        with pytest.raises(NotImplementedError):
            getattr(matmul, method)(np.eye(2))


def test_gradient_reduced_over_broadcast_batch_dims():
    a = mg.tensor(np.arange(6.0).reshape(1, 2, 3))  # broadcast along the batch axis
    b = mg.tensor(np.ones((4, 3, 2)))
    out = matmul(a, b)
    assert out.shape == (4, 2, 2)
    out.backward()
    assert a.grad.shape == (1, 2, 3) and b.grad.shape == (4, 3, 2)
    # each of the 4 batch products contributes ones(2, 2) @ b[i].T to a
    np.testing.assert_allclose(a.grad[0], 4 * np.ones((2, 2)) @ np.ones((2, 3)))
    np.testing.assert_allclose(b.grad, np.broadcast_to(a.data[0].T @ np.ones((2, 2)), (4, 3, 2)))


# ------------------------------------------------------------ documented examples


def test_doc_example_2d():
    """seed 000, L8131-8137: two 2-D (integer) operands."""
    out = mg.matmul([[1, 0], [0, 1]], [[4, 1], [2, 2]])
    assert isinstance(out, mg.Tensor)
    np.testing.assert_array_equal(out.data, [[4, 1], [2, 2]])
    assert out.dtype.kind == "i"


def test_doc_example_2d_with_1d():
    """seed 000, L8142-8146: 2-D times 1-D is a matrix-vector product."""
    out = mg.matmul([[1, 0], [0, 1]], [1, 2])
    np.testing.assert_array_equal(out.data, [1, 2])
    assert out.shape == (2,)


def test_doc_example_stack_broadcast():
    """seed 000, L8154-8158: a (3, 5, 6) stack times a (6, 4) matrix is (3, 5, 4)."""
    a = mg.arange(3 * 5 * 6).reshape((3, 5, 6))
    b = mg.arange(6 * 4).reshape((6, 4))
    out = mg.matmul(a, b)
    assert out.shape == (3, 5, 4)
    np.testing.assert_array_equal(out.data, np.matmul(a.data, b.data))


def test_doc_example_scalar_raises():
    """seed 000, L8163-8167: a scalar operand raises ValueError."""
    a = mg.arange(3 * 5 * 6).reshape((3, 5, 6))
    with pytest.raises(ValueError, match=r"Scalar operands are not allowed, use '\*' instead"):
        mg.matmul(a, 3)
