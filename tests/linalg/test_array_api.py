"""NumPy 2's array-API spellings in mg.linalg: matmul, tensordot, outer, vecdot, cross,
diagonal, trace, matrix_transpose, vector_norm, matrix_norm.

They exist as mg.linalg.X on every supported NumPy; the np.linalg.X comparisons run
where NumPy has the name (the references below are written with NumPy 1's functions).
"""

from __future__ import annotations

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from hypothesis import given

from mygrad_core.testing import assert_grads_match_numerical, check_op_contract
from mygrad_core.testing.strategies import arrays, constants, real_dtypes


def batch(max_dims: int = 2):
    return st.lists(st.integers(1, 3), max_size=max_dims).map(tuple)


def np_linalg(name):
    return getattr(np.linalg, name, None)


def check(name, reference, shapes, data, kwargs=None, ints=True, elements=None, rtol=1e-6):
    kwargs = kwargs or {}
    mg_fn = getattr(mg.linalg, name)
    np_fn = np_linalg(name)
    dtype = data.draw(real_dtypes(floats=True, ints=ints), label="dtype")
    arrs = [
        data.draw(
            arrays(s, dtype=dtype, min_value=-5, max_value=5, elements=elements), label=f"x{i}"
        )
        for i, s in enumerate(shapes)
    ]
    expected = np.asarray(reference(*arrs, **kwargs))
    tol = 1e-2 if dtype == np.float16 else rtol
    for fn in (mg_fn, np_fn) if np_fn is not None else (mg_fn,):
        out = fn(*[mg.tensor(a) for a in arrs], **kwargs)
        assert isinstance(out, mg.Tensor)
        assert out.shape == expected.shape and out.dtype == expected.dtype
        np.testing.assert_allclose(out.data, expected, rtol=tol, atol=tol)
        if np_fn is not None:
            np.testing.assert_allclose(
                out.data, np.asarray(np_fn(*arrs, **kwargs)), rtol=tol, atol=tol
            )
    if expected.dtype.kind == "f":
        variables = [mg.tensor(a, constant=False) for a in arrs]
        assert mg_fn(*variables, constant=True, **kwargs).constant
    ts = [
        mg.tensor(
            data.draw(arrays(s, min_value=-3, max_value=3, elements=elements)),
            constant=data.draw(constants()),
        )
        for s in shapes
    ]
    assert_grads_match_numerical(lambda *xs: mg_fn(*xs, **kwargs), *ts)
    if np_fn is not None:
        assert_grads_match_numerical(lambda *xs: np_fn(*xs, **kwargs), *ts)


@given(b=batch(), n=st.integers(1, 3), k=st.integers(1, 3), m=st.integers(1, 3), data=st.data())
def test_matmul(b, n, k, m, data):
    check("matmul", np.matmul, (b + (n, k), (k, m)), data)


@given(a=batch(2), shared=batch(2), b=batch(1), data=st.data())
def test_tensordot(a, shared, b, data):
    n = len(shared)
    check(
        "tensordot",
        lambda x, y, axes: np.tensordot(x, y, axes),
        (a + shared, shared + b),
        data,
        kwargs={"axes": n},
    )


@given(n=st.integers(1, 4), m=st.integers(1, 4), data=st.data())
def test_outer(n, m, data):
    check("outer", np.outer, ((n,), (m,)), data)


def test_outer_refuses_non_vectors():
    with pytest.raises(ValueError, match="one-dimensional"):
        mg.linalg.outer(mg.tensor(np.ones((2, 2))), np.ones(2))


@given(b=batch(), k=st.integers(1, 3), axis=st.integers(-3, -1), data=st.data())
def test_vecdot(b, k, axis, data):
    shape = b + (k,)
    axis = max(axis, -len(shape))
    shape = tuple(np.moveaxis(np.empty(shape), -1, axis).shape)

    def reference(x, y, axis):
        prod = x * y
        return np.sum(prod, axis=axis).astype(prod.dtype)

    check("vecdot", reference, (shape, shape), data, kwargs={"axis": axis})


@given(b=batch(), axis=st.integers(-3, -1), data=st.data())
def test_cross(b, axis, data):
    shape = b + (3,)
    axis = max(axis, -len(shape))
    shape = tuple(np.moveaxis(np.empty(shape), -1, axis).shape)
    check(
        "cross",
        lambda x, y, axis: np.cross(x, y, axis=axis),
        (shape, shape),
        data,
        kwargs={"axis": axis},
    )


def test_cross_refuses_2_vectors():
    with pytest.raises(ValueError, match="3-dimensional vectors"):
        mg.linalg.cross(mg.tensor([1.0, 2.0]), np.ones(3))


@given(
    b=batch(), n=st.integers(1, 4), m=st.integers(1, 4), offset=st.integers(-3, 3), data=st.data()
)
def test_diagonal(b, n, m, offset, data):
    check(
        "diagonal",
        lambda x, offset: np.diagonal(x, offset, -2, -1),
        (b + (n, m),),
        data,
        kwargs={"offset": offset},
    )


@given(
    b=batch(), n=st.integers(1, 4), m=st.integers(1, 4), offset=st.integers(-3, 3), data=st.data()
)
def test_trace(b, n, m, offset, data):
    check(
        "trace",
        lambda x, offset: np.trace(x, offset, -2, -1),
        (b + (n, m),),
        data,
        kwargs={"offset": offset},
    )


def test_trace_dtype():
    out = mg.linalg.trace(np.ones((2, 2), dtype=np.int8), dtype=np.float32)
    assert out.dtype == np.float32 and out.item() == 2.0


def test_diagonal_and_trace_refuse_1d():
    for fn in (mg.linalg.diagonal, mg.linalg.trace):
        with pytest.raises(ValueError, match="at least two dimensions"):
            fn(mg.tensor([1.0, 2.0]))


@given(b=batch(), n=st.integers(1, 3), m=st.integers(1, 3), data=st.data())
def test_matrix_transpose(b, n, m, data):
    check("matrix_transpose", lambda x: np.swapaxes(x, -1, -2), (b + (n, m),), data)


def test_matrix_transpose_refuses_1d():
    with pytest.raises(ValueError, match="at least 2-dimensional"):
        mg.linalg.matrix_transpose(mg.tensor([1.0]))


# entries away from 0 and distinct in magnitude: the norms are differentiable there
_AWAY_FROM_ZERO = st.floats(0.5, 3, width=16).flatmap(lambda v: st.sampled_from([v, -v]))


@st.composite
def norm_case(draw):
    shape = draw(st.lists(st.integers(1, 3), min_size=1, max_size=3).map(tuple))
    nd = len(shape)
    kind = draw(st.sampled_from(["none", "int", "tuple"]))
    if kind == "none":
        axis = None
    elif kind == "int":
        axis = draw(st.integers(-nd, nd - 1))
    else:
        axis = tuple(draw(st.lists(st.integers(0, nd - 1), min_size=1, max_size=nd, unique=True)))
    return shape, axis


@given(
    case=norm_case(), keepdims=st.booleans(), ord=st.sampled_from([2, 1, 3, 0.5]), data=st.data()
)
def test_vector_norm(case, keepdims, ord, data):
    shape, axis = case
    kwargs = {"axis": axis, "keepdims": keepdims, "ord": ord}

    def reference(x, axis, keepdims, ord):
        # the p-norm of the entries over the given axes (all when axis is None)
        x = np.abs(x.astype(np.result_type(x.dtype, np.float16)))
        out = np.sum(x**ord, axis=axis, keepdims=keepdims) ** (1 / ord)
        return np.asarray(out).astype(x.dtype)  # NumPy 1 promotes a 0-d float16 ** float

    check(
        "vector_norm",
        reference,
        (shape,),
        data,
        kwargs=kwargs,
        ints=False,
        elements=_AWAY_FROM_ZERO,
        rtol=1e-5,
    )


@given(case=norm_case(), keepdims=st.booleans())
def test_vector_norm_matches_norm(case, keepdims):
    # mg.linalg.norm and vector_norm agree where both apply (one axis)
    shape, axis = case
    x = np.arange(1.0, 1.0 + np.prod(shape)).reshape(shape)
    if isinstance(axis, int):
        np.testing.assert_allclose(
            mg.linalg.vector_norm(x, axis=axis, keepdims=keepdims).data,
            mg.linalg.norm(x, axis=axis, keepdims=keepdims).data,
        )
    out = mg.linalg.vector_norm(x, axis=axis, keepdims=keepdims, ord=np.inf)
    np.testing.assert_allclose(out.data, np.max(np.abs(x), axis=axis, keepdims=keepdims))


@given(
    b=batch(1),
    m=st.integers(1, 3),
    n=st.integers(1, 3),
    keepdims=st.booleans(),
    ord=st.sampled_from(["fro", "nuc", 2]),
    data=st.data(),
)
def test_matrix_norm(b, m, n, keepdims, ord, data):
    # distinct, non-zero singular values: add a spaced diagonal
    d = np.zeros((m, n))
    k = min(m, n)
    d[np.arange(k), np.arange(k)] = 5.0 + 5.0 * np.arange(k)
    x = data.draw(arrays(b + (m, n), min_value=-1, max_value=1)) + d
    kwargs = {"keepdims": keepdims, "ord": ord}
    expected = np.linalg.norm(x, ord=ord, axis=(-2, -1), keepdims=keepdims)
    for fn in filter(None, (mg.linalg.matrix_norm, np_linalg("matrix_norm"))):
        out = fn(mg.tensor(x), **kwargs)
        assert isinstance(out, mg.Tensor) and out.shape == expected.shape
        np.testing.assert_allclose(out.data, expected, rtol=1e-7)
    t = mg.tensor(x, constant=data.draw(constants()))
    assert_grads_match_numerical(lambda y: mg.linalg.matrix_norm(y, **kwargs), t)
    assert mg.linalg.matrix_norm(x, constant=True, **kwargs).constant


def test_op_contract():
    a = np.arange(1.0, 7.0).reshape(2, 3)
    for name in ("diagonal", "trace", "matrix_transpose", "vector_norm", "matrix_norm"):
        check_op_contract(getattr(mg.linalg, name), a)
    check_op_contract(mg.linalg.vecdot, a, a)
    check_op_contract(mg.linalg.cross, a, a[::-1])
    check_op_contract(mg.linalg.tensordot, a, a)


def test_diagonal_and_matrix_transpose_are_views():
    # NumPy returns views here; so do the tensor forms (their base is the input)
    x = mg.tensor(np.arange(12.0).reshape(2, 2, 3))
    for out in (mg.linalg.diagonal(x, offset=1), mg.linalg.matrix_transpose(x)):
        assert out.base is x
        assert np.shares_memory(out.data, x.data)
    if hasattr(np.linalg, "diagonal"):
        assert np.linalg.diagonal(x).base is x
    d = mg.linalg.diagonal(x)
    d.backward(np.array([[1.0, 2.0], [3.0, 4.0]]))
    np.testing.assert_array_equal(x.grad[0], [[1.0, 0.0, 0.0], [0.0, 2.0, 0.0]])
