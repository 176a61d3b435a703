"""mg.linalg.norm: vector and matrix norms against NumPy, gradients and nan_to_num."""

from __future__ import annotations

import hypothesis.strategies as st
import mygrad as mg
import mygrad_linalg
import numpy as np
import pytest
from hypothesis import given

from mygrad_core.testing import assert_grads_match_numerical, check_op_contract
from mygrad_core.testing.strategies import arrays, shapes

norm = mg.linalg.norm

VECTOR_ORDS = [None, 1, 2, 3, 0.5, -1, -2, -1.5, np.inf, -np.inf, 0]
MATRIX_ORDS = [None, "fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf]


@st.composite
def kink_free(draw, shape):
    """Arrays away from the norms' kinks: entries with distinct magnitudes in [0.5, 3]
    (no zeros, no ties for inf-norms) and random signs."""
    mags = draw(
        arrays(
            shape,
            elements=st.floats(0.5, 3.0),
        ).filter(lambda a: len(np.unique(a)) == a.size)
    )
    signs = draw(arrays(shape, dtype=bool))
    return np.where(signs, mags, -mags)


@st.composite
def generic_matrices(draw, min_dims=2, max_dims=3):
    """Random normal matrices (stacks): distinct singular values, row/column sums."""
    shape = draw(shapes(min_dims=min_dims, max_dims=max_dims, min_side=1, max_side=4))
    seed = draw(st.integers(0, 2**32 - 1))
    return np.random.default_rng(seed).normal(size=shape)


@given(shape=shapes(min_dims=1, max_dims=3, min_side=1, max_side=4), data=st.data())
def test_vector_norms(shape, data):
    x = data.draw(kink_free(shape))
    ord = data.draw(st.sampled_from(VECTOR_ORDS))
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    keepdims = data.draw(st.booleans())
    expected = np.linalg.norm(x, ord=ord, axis=axis, keepdims=keepdims)
    out = norm(mg.tensor(x), ord=ord, axis=axis, keepdims=keepdims)
    assert out.shape == expected.shape and out.dtype == expected.dtype
    np.testing.assert_allclose(out.data, expected)
    assert_grads_match_numerical(
        lambda t: norm(t, ord=ord, axis=axis, keepdims=keepdims), x, atol=1e-4, rtol=1e-4
    )


@given(data=st.data())
def test_vector_norms_axis_none(data):
    x = data.draw(kink_free(data.draw(shapes(min_dims=1, max_dims=1, min_side=1))))
    ord = data.draw(st.sampled_from(VECTOR_ORDS))
    keepdims = data.draw(st.booleans())
    expected = np.linalg.norm(x, ord=ord, keepdims=keepdims)
    out = norm(x, ord=ord, keepdims=keepdims)
    assert out.shape == np.shape(expected)
    np.testing.assert_allclose(out.data, expected)
    assert_grads_match_numerical(lambda t: norm(t, ord=ord, keepdims=keepdims), x, atol=1e-4)


@given(shape=shapes(min_dims=0, max_dims=4, min_side=1, max_side=3), data=st.data())
def test_frobenius_of_everything_by_default(shape, data):
    x = data.draw(kink_free(shape))
    keepdims = data.draw(st.booleans())
    expected = np.linalg.norm(x, keepdims=keepdims)
    out = norm(x, keepdims=keepdims)
    assert out.shape == np.shape(expected)
    np.testing.assert_allclose(out.data, expected)
    np.testing.assert_allclose(out.data, np.sqrt(np.sum(x**2)).reshape(out.shape))
    assert_grads_match_numerical(lambda t: norm(t, keepdims=keepdims), x)


@given(x=generic_matrices(), data=st.data())
def test_matrix_norms(x, data):
    ord = data.draw(st.sampled_from(MATRIX_ORDS))
    axis = tuple(data.draw(st.permutations(range(-x.ndim, 0)))[:2])
    keepdims = data.draw(st.booleans())
    expected = np.linalg.norm(x, ord=ord, axis=axis, keepdims=keepdims)
    out = norm(x, ord=ord, axis=axis, keepdims=keepdims)
    assert out.shape == expected.shape
    np.testing.assert_allclose(out.data, expected)
    assert_grads_match_numerical(
        lambda t: norm(t, ord=ord, axis=axis, keepdims=keepdims), x, atol=1e-4, rtol=1e-4
    )


@given(x=generic_matrices(max_dims=2), data=st.data())
def test_matrix_norms_axis_none_2d(x, data):
    ord = data.draw(st.sampled_from(MATRIX_ORDS))
    expected = np.linalg.norm(x, ord=ord)
    out = norm(x, ord=ord)
    np.testing.assert_allclose(out.data, expected)
    assert out.shape == ()
    assert_grads_match_numerical(lambda t: norm(t, ord=ord), x, atol=1e-4, rtol=1e-4)


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64, np.int32, np.int64])
def test_dtypes_follow_numpy(dtype):
    x = np.array([[3, 4], [1, 2]], dtype=dtype)
    out = norm(mg.tensor(x), axis=1)
    expected = np.linalg.norm(x, axis=1)
    assert out.dtype == expected.dtype
    np.testing.assert_allclose(out.data, expected, rtol=1e-3)
    assert out.constant == (np.dtype(dtype).kind == "i")


def test_ord_zero_counts_nonzeros_with_zero_gradient():
    x = mg.tensor([[1.0, 0.0, -2.0], [0.0, 0.0, 5.0]])
    out = norm(x, ord=0, axis=1)
    np.testing.assert_array_equal(out.data, [2.0, 1.0])
    out.backward()
    np.testing.assert_array_equal(x.grad, np.zeros((2, 3)))


@pytest.mark.parametrize("ord", [None, 1, 2, 3, np.inf, -np.inf, 0.5])
@pytest.mark.parametrize("axis", [None, 1, -1])
def test_zero_vector_gradients(ord, axis):
    """nan_to_num=True (default): 0 where the norm is 0, also with axis= (ERRATA)."""
    x = np.array([[0.0, 0.0, 0.0], [1.0, -2.0, 2.0]])
    if axis is None:
        x = x[0]
    t = mg.tensor(x)
    out = norm(t, ord=ord, axis=axis)
    np.testing.assert_allclose(out.data, np.linalg.norm(x, ord=ord, axis=axis))
    out.backward()
    zero_rows = t.grad if axis is None else t.grad[0]
    np.testing.assert_array_equal(zero_rows, np.zeros(3))
    assert not np.isnan(t.grad).any()

    t = mg.tensor(x)
    out = norm(t, ord=ord, axis=axis, nan_to_num=False)
    out.backward()
    zero_rows = t.grad if axis is None else t.grad[0]
    if ord in (np.inf, -np.inf):  # only the selected (first) entry gets a derivative
        np.testing.assert_array_equal(zero_rows, [np.nan, 0.0, 0.0])
    else:
        assert np.isnan(zero_rows).all()
    if axis is not None:
        assert not np.isnan(t.grad[1]).any()


def test_zero_entries_off_the_selected_one_have_zero_gradient():
    """A zero entry that does not attain the max/min has a well-defined 0 derivative,
    so it is never nan, even with nan_to_num=False."""
    x = mg.tensor([0.0, 1.0, -3.0])
    norm(x, ord=np.inf, nan_to_num=False).backward()
    np.testing.assert_array_equal(x.grad, [0.0, 0.0, -1.0])
    m = mg.tensor([[0.0, 5.0], [0.0, -1.0]])
    norm(m, ord=1, nan_to_num=False).backward()  # the second column has the max sum
    np.testing.assert_array_equal(m.grad, [[0.0, 1.0], [0.0, -1.0]])
    m = mg.tensor([[0.0, 0.0], [2.0, -1.0]])
    norm(m, ord=np.inf, nan_to_num=False).backward()  # the second row has the max sum
    np.testing.assert_array_equal(m.grad, [[0.0, 0.0], [1.0, -1.0]])


@pytest.mark.parametrize("ord", [None, "fro", "nuc", 2, 1, np.inf])
def test_zero_matrix_gradients(ord):
    x = mg.tensor(np.zeros((2, 2, 3)))
    out = norm(x, ord=ord, axis=(1, 2))
    np.testing.assert_array_equal(out.data, np.zeros(2))
    out.backward()
    np.testing.assert_array_equal(x.grad, np.zeros((2, 2, 3)))


def test_numpy_dispatch():
    x = mg.tensor([[3.0, 4.0], [6.0, 8.0]])
    out = np.linalg.norm(x, axis=1)
    assert isinstance(out, mg.Tensor)
    out.backward()
    np.testing.assert_allclose(x.grad, [[0.6, 0.8], [0.6, 0.8]])
    out = np.linalg.norm(x, ord="fro")
    assert isinstance(out, mg.Tensor)
    np.testing.assert_allclose(out.data, np.linalg.norm(x.data))


def test_namespace_is_the_plugins_module():
    import mygrad.linalg

    assert mg.linalg is mygrad_linalg.linalg
    assert mygrad.linalg is mygrad_linalg.linalg
    assert mygrad.linalg.norm is mygrad_linalg.norm
    from mygrad.linalg import norm as imported

    assert imported is mygrad_linalg.norm


def test_constant_argument():
    x = mg.tensor([3.0, 4.0])
    assert norm(x, constant=True).constant
    assert not norm(x).constant
    assert norm(np.array([3.0, 4.0])).constant
    assert not norm(np.array([3.0, 4.0]), constant=False).constant


@pytest.mark.parametrize(
    "x, kwargs",
    [
        (np.ones(3), {"ord": "fro"}),
        (np.ones(3), {"ord": "nuc"}),
        (np.ones((2, 2, 2)), {"ord": 1}),
        (np.ones((2, 2)), {"ord": 3}),
        (np.ones((2, 2)), {"axis": (0, 0)}),
        (np.ones((2, 2)), {"axis": 2}),
        (np.ones((2, 2)), {"axis": (0, 1, 1)}),
    ],
)
def test_errors_match_numpy(x, kwargs):
    with pytest.raises(Exception) as np_err:
        np.linalg.norm(x, **kwargs)
    with pytest.raises(np_err.type):
        norm(mg.tensor(x), **kwargs)


# ------------------------------------------------------------ documented examples


def _doc_x():
    return mg.tensor([[1.0, 2.0, 3.0], [1.0, 0.0, 0.0]])


def test_doc_l2_norms_along_rows():
    """seed 000, L9074-9079: l2 norms along axis=1 are [3.74165739, 1.]."""
    x = _doc_x()
    l2_norms = mg.linalg.norm(x, axis=1, ord=2)
    np.testing.assert_allclose(l2_norms.data, [3.74165739, 1.0], rtol=1e-8)


def test_doc_nan_to_num_true_gives_zeros():
    """seed 000, L9102-9107 shows these zeros, labelled nan_to_num=False there: the
    example labels are swapped (API_CHECKLIST 18.1, ERRATA). With nan_to_num=True, the
    default, the undefined derivatives at zero entries are 0."""
    x = _doc_x()
    l2_norms = mg.linalg.norm(x, axis=1, ord=2, nan_to_num=True)
    l2_norms.backward()
    np.testing.assert_allclose(
        x.grad, [[0.26726124, 0.53452248, 0.80178373], [1.0, 0.0, 0.0]], rtol=1e-7
    )
    # ... which is also the default
    x = _doc_x()
    mg.linalg.norm(x, axis=1, ord=2).backward()
    np.testing.assert_allclose(x.grad, [[0.26726124, 0.53452248, 0.80178373], [1.0, 0.0, 0.0]])


def test_doc_nan_to_num_false_gives_nans():
    """seed 000, L9088-9093 shows these nans, labelled nan_to_num=True there: the
    example labels are swapped (API_CHECKLIST 18.1, ERRATA). With nan_to_num=False the
    derivatives at zero entries are reported as nan."""
    x = _doc_x()
    l2_norms = mg.linalg.norm(x, axis=1, ord=2, nan_to_num=False)
    l2_norms.backward()
    np.testing.assert_allclose(
        x.grad, [[0.26726124, 0.53452248, 0.80178373], [1.0, np.nan, np.nan]], rtol=1e-7
    )


def test_doc_l1_norms_along_columns():
    """seed 000, L9113-9115: l1 norms along axis=0 are [2., 2., 3.]."""
    out = mg.linalg.norm(_doc_x(), axis=0, ord=1)
    assert isinstance(out, mg.Tensor)
    np.testing.assert_array_equal(out.data, [2.0, 2.0, 3.0])


@given(x=generic_matrices(), data=st.data())
def test_op_contract(x, data):
    ord = data.draw(st.sampled_from(MATRIX_ORDS))
    check_op_contract(lambda t, **kw: norm(t, ord=ord, axis=(-2, -1), **kw), x)
    check_op_contract(lambda t, **kw: norm(t, axis=-1, **kw), x)
