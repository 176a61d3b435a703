"""flip, flipud, fliplr, rot90, rollaxis, matrix_transpose, permute_dims, tile, pad, astype
(issue 14): values and view-ness as NumPy, gradients against central differences."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mygrad_core as mgc
from mygrad_core import tensor
from mygrad_core.testing import assert_grads_match_numerical
from mygrad_core.testing import strategies as mst

from ._manip import NUMPY2, check
from ._ops import multiply

# at most 4**3 = 64 elements: numerical gradients stay cheap
small = mst.shapes(min_dims=0, max_dims=3, min_side=0, max_side=4)
nonempty = mst.shapes(min_dims=1, max_dims=3, min_side=1, max_side=4)
at_least_2d = mst.shapes(min_dims=2, max_dims=3, min_side=0, max_side=4)

AxisError = getattr(np, "exceptions", np).AxisError


def axes_subset(ndim):
    return st.one_of(
        st.none(),
        st.integers(-ndim, ndim - 1),
        st.lists(st.integers(0, ndim - 1), unique=True).map(tuple),
    )


@given(x=mst.arrays(shape=small), data=st.data())
def test_flip(x, data):
    axis = data.draw(axes_subset(x.ndim)) if x.ndim else None
    check(
        lambda t, **kw: mgc.flip(t, axis, **kw),
        lambda a: np.flip(a, axis),
        x,
        np_fn=lambda t: np.flip(t, axis),
    )


@given(x=mst.arrays(shape=nonempty))
def test_flipud(x):
    check(mgc.flipud, np.flipud, x, np_fn=np.flipud)


@given(x=mst.arrays(shape=mst.shapes(min_dims=2, max_dims=3, min_side=1, max_side=4)))
def test_fliplr(x):
    check(mgc.fliplr, np.fliplr, x, np_fn=np.fliplr)


@given(x=mst.arrays(shape=at_least_2d), data=st.data())
def test_rot90(x, data):
    k = data.draw(st.integers(-5, 5))
    ax = data.draw(st.lists(st.integers(-x.ndim, x.ndim - 1), min_size=2, max_size=2, unique_by=lambda a: a % x.ndim))
    axes = tuple(ax)
    check(
        lambda t, **kw: mgc.rot90(t, k, axes, **kw),
        lambda a: np.rot90(a, k, axes),
        x,
        np_fn=lambda t: np.rot90(t, k, axes),
    )


@given(x=mst.arrays(shape=nonempty), data=st.data())
def test_rollaxis(x, data):
    n = x.ndim
    axis = data.draw(st.integers(-n, n - 1))
    start = data.draw(st.integers(-n, n))
    check(
        lambda t, **kw: mgc.rollaxis(t, axis, start, **kw),
        lambda a: np.rollaxis(a, axis, start),
        x,
        np_fn=lambda t: np.rollaxis(t, axis, start),
    )


def test_rollaxis_errors_as_numpy():
    x = np.zeros((2, 3))
    for axis, start in [(2, 0), (0, 3), (0, -3)]:
        with pytest.raises(AxisError):
            np.rollaxis(x, axis, start)
        with pytest.raises(AxisError):
            mgc.rollaxis(tensor(x), axis, start)


def _matrix_transpose_ref(a):
    return np.swapaxes(a, -1, -2)  # NumPy 1.26 has no np.matrix_transpose


@given(x=mst.arrays(shape=at_least_2d))
def test_matrix_transpose(x):
    if NUMPY2:
        np.testing.assert_array_equal(np.matrix_transpose(x), _matrix_transpose_ref(x))
    check(mgc.matrix_transpose, _matrix_transpose_ref, x, np_fn=getattr(np, "matrix_transpose", None))


def test_matrix_transpose_needs_2d():
    with pytest.raises(ValueError, match="at least 2-dimensional"):
        mgc.matrix_transpose(tensor([1.0, 2.0]))


@given(x=mst.arrays(shape=small), data=st.data())
def test_permute_dims(x, data):
    axes = data.draw(st.none() | st.permutations(range(x.ndim)).map(tuple))
    np_fn = (lambda t: np.permute_dims(t, axes)) if NUMPY2 else None
    check(
        lambda t, **kw: mgc.permute_dims(t, axes, **kw),
        lambda a: np.transpose(a, axes),
        x,
        np_fn=np_fn,
    )


@given(x=mst.arrays(shape=mst.shapes(min_dims=0, max_dims=2, min_side=0, max_side=3)), data=st.data())
def test_tile(x, data):
    reps = data.draw(st.integers(0, 3) | st.lists(st.integers(0, 3), min_size=1, max_size=3).map(tuple))
    check(
        lambda t, **kw: mgc.tile(t, reps, **kw),
        lambda a: np.tile(a, reps),
        x,
        np_fn=lambda t: np.tile(t, reps),
    )


LINEAR_MODES = ["constant", "edge", "reflect", "symmetric", "wrap", "linear_ramp", "mean"]


@given(
    x=mst.arrays(shape=mst.shapes(min_dims=0, max_dims=3, min_side=1, max_side=4)),
    mode=st.sampled_from(LINEAR_MODES),
    data=st.data(),
)
def test_pad(x, mode, data):
    pair = st.tuples(st.integers(0, 5), st.integers(0, 5))
    pad_width = data.draw(
        st.integers(0, 5)
        | pair
        | st.lists(pair, min_size=max(x.ndim, 1), max_size=max(x.ndim, 1)).map(tuple)
        if x.ndim
        else st.just(0)
    )
    kwargs = {}
    if mode == "constant":
        kwargs["constant_values"] = data.draw(st.floats(-3, 3))
    elif mode == "linear_ramp":
        kwargs["end_values"] = data.draw(st.floats(-3, 3))
    elif mode in ("reflect", "symmetric"):
        kwargs["reflect_type"] = data.draw(st.sampled_from(["even", "odd"]))
    elif mode == "mean":
        kwargs["stat_length"] = data.draw(st.none() | st.integers(1, 4))
    check(
        lambda t, **kw: mgc.pad(t, pad_width, mode, **kwargs, **kw),
        lambda a: np.pad(a, pad_width, mode, **kwargs),
        x,
        np_fn=lambda t: np.pad(t, pad_width, mode, **kwargs),
    )


def test_pad_nonlinear_mode_computes_but_refuses_backprop():
    x = tensor([1.0, 5.0, 2.0])
    y = mgc.pad(x, 1, mode="maximum")
    np.testing.assert_array_equal(y.data, np.pad(x.data, 1, mode="maximum"))
    with pytest.raises(ValueError, match="maximum"):
        y.backward()


def test_pad_errors_as_numpy():
    with pytest.raises(ValueError):
        np.pad(np.zeros(0), 1, mode="reflect")
    with pytest.raises(ValueError):
        mgc.pad(tensor(np.zeros(0)), 1, mode="reflect")


@given(x=mst.arrays(shape=small), dtype=st.sampled_from(["float64", "float32", "float16", "int32"]))
def test_astype(x, dtype):
    def ref(a):
        return np.astype(a, dtype) if NUMPY2 and hasattr(np, "astype") else a.astype(dtype)

    np_fn = (lambda t: np.astype(t, dtype)) if hasattr(np, "astype") else None
    # the gradient check runs in float64: the cast to float64 is where it is exact
    check(lambda t, **kw: mgc.astype(t, dtype, **kw), ref, x, np_fn=np_fn, grad=dtype == "float64")


def test_astype_gradient_returns_to_the_input_dtype():
    x = tensor(np.array([1.0, 2.0], dtype=np.float32))
    y = mgc.astype(x, np.float64)
    multiply(y, tensor([3.0, 4.0], constant=True)).backward()
    assert x.grad.dtype == np.float32
    np.testing.assert_array_equal(x.grad, [3.0, 4.0])


def test_astype_copy_false_same_dtype_returns_the_input():
    x = tensor([1.0, 2.0])
    assert mgc.astype(x, x.dtype, copy=False) is x
    assert mgc.astype(x, x.dtype) is not x
    # as Tensor.astype (ERRATA): a float cast of an integer tensor is a variable
    assert not mgc.astype(mgc.arange(3), float).constant
    assert mgc.astype(tensor([1.5]), "int8").constant


def test_view_ops_register_views_of_their_base():
    x = tensor(np.arange(24.0).reshape(2, 3, 4))
    for view in (
        mgc.flip(x),
        mgc.rot90(x),
        mgc.rollaxis(x, 2),
        mgc.matrix_transpose(x),
        mgc.permute_dims(x, (2, 0, 1)),
        mgc.flipud(x),
    ):
        assert view.base is x
        assert np.shares_memory(view.data, x.data)
    # a view's grad is the same view of its base's grad
    v = mgc.rot90(x, 1, (1, 2))
    multiply(x, x).backward()
    np.testing.assert_array_equal(v.grad, np.rot90(x.grad, 1, (1, 2)))


def test_flip_grad_through_views_of_views():
    x = tensor(np.arange(12.0).reshape(3, 4))
    assert_grads_match_numerical(lambda t: mgc.rot90(mgc.flip(t, 0))[1:], x.data)


@pytest.mark.skipif(not hasattr(np.lib, "NumpyVersion") or np.lib.NumpyVersion(np.__version__) < "2.3.0", reason="pad_width as a dict needs NumPy >= 2.3")
def test_pad_width_as_a_dict():
    x = np.arange(6.0).reshape(2, 3)
    for pw in ({1: (1, 2)}, {-1: 1, 0: (0, 2)}):
        check(lambda t, pw=pw, **kw: mgc.pad(t, pw, "wrap", **kw), lambda a, pw=pw: np.pad(a, pw, "wrap"), x)


def test_writing_into_a_rot90_view_writes_the_base_and_routes_gradients():
    x = tensor(np.arange(6.0).reshape(2, 3))
    w = tensor(10.0)
    y = mgc.rot90(x)
    y[0] = w  # the first row of rot90(x) is x's last column
    np.testing.assert_array_equal(x.data[:, 2], [10.0, 10.0])
    mgc.flip(x).backward(np.arange(6.0).reshape(2, 3))
    np.testing.assert_array_equal(x.grad, [[5.0, 4.0, 3.0], [2.0, 1.0, 0.0]])
    assert w.grad == 3.0  # the gradient that reached x[:, 2]
