"""fabs, rad2deg/degrees, deg2rad/radians, hypot, fmax, fmin, copysign, nan_to_num and the
complex helpers on real tensors (real, conj, conjugate, real_if_close, imag, angle):
values == NumPy, gradients == central differences, constant=, views, and the
documented conventions (fmax/fmin ties and nans, zero gradients of imag/angle)."""

from __future__ import annotations

import hypothesis.extra.numpy as hnp
import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from _issue14 import check_function, distinct, small_shapes
from hypothesis import given, settings

from mygrad_core import tensor
from mygrad_core.testing import check_op_contract

# a grid away from 0 (fabs/copysign kinks) with no ties between the two inputs
UNARY = {
    "fabs": (mg.fabs, np.fabs),
    "rad2deg": (mg.rad2deg, np.rad2deg),
    "degrees": (mg.degrees, np.degrees),
    "deg2rad": (mg.deg2rad, np.deg2rad),
    "radians": (mg.radians, np.radians),
    "conjugate": (mg.conjugate, np.conjugate),
    "conj": (mg.conj, np.conj),
}
BINARY = {
    "hypot": (mg.hypot, np.hypot),
    "fmax": (mg.fmax, np.fmax),
    "fmin": (mg.fmin, np.fmin),
    "copysign": (mg.copysign, np.copysign),
}


def _off_zero(shape, offset=0.0):
    # values on a quarter grid shifted by `offset`, never 0
    return hnp.arrays(
        np.float64,
        shape,
        elements=st.integers(1, 20).flatmap(lambda i: st.sampled_from([i / 4 + offset, -i / 4 - offset])),
    )


@pytest.mark.parametrize("name", sorted(UNARY))
@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_unary(name, data):
    mg_f, np_f = UNARY[name]
    x = data.draw(_off_zero(small_shapes()), label="x")
    check_function(mg_f, np_f, [x])
    check_op_contract(mg_f, x, ufunc=True)


@pytest.mark.parametrize("name", sorted(BINARY))
@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(data=st.data())
def test_binary(name, data):
    mg_f, np_f = BINARY[name]
    shapes = data.draw(
        hnp.mutually_broadcastable_shapes(num_shapes=2, min_dims=0, max_dims=3, max_side=3), label="shapes"
    ).input_shapes
    a = data.draw(_off_zero(shapes[0], 0.0), label="a")
    b = data.draw(_off_zero(shapes[1], 0.125), label="b")  # never ties with a
    check_function(mg_f, np_f, [a, b])
    check_op_contract(mg_f, a, b, ufunc=True)


def test_fmax_fmin_nan_and_ties_conventions():
    a = tensor([1.0, np.nan, 2.0, np.nan, 3.0])
    b = tensor([np.nan, 1.0, 2.0, np.nan, 0.0])
    for f, npf in ((mg.fmax, np.fmax), (mg.fmin, np.fmin)):
        out = f(a, b)
        np.testing.assert_array_equal(out.data, npf(a.data, b.data))
        out.backward()
        # the non-nan argument gets the gradient; ties and all-nan go to x1
        np.testing.assert_array_equal(a.grad, [1.0, 0.0, 1.0, 1.0, float(f is mg.fmax)])
        np.testing.assert_array_equal(b.grad, [0.0, 1.0, 0.0, 0.0, float(f is mg.fmin)])


def test_copysign_second_argument_gets_zero_gradient():
    a, b = tensor([1.0, -2.0, 3.0]), tensor([-1.0, -1.0, 1.0])
    out = mg.copysign(a, b)
    out.backward()
    np.testing.assert_array_equal(out.data, [-1.0, -2.0, 3.0])
    np.testing.assert_array_equal(a.grad, [-1.0, 1.0, 1.0])
    np.testing.assert_array_equal(b.grad, [0.0, 0.0, 0.0])


def test_hypot_at_origin_has_zero_gradient():
    x, y = tensor([0.0, 3.0]), tensor([0.0, 4.0])
    mg.hypot(x, y).backward()
    np.testing.assert_allclose(x.grad, [0.0, 0.6])
    np.testing.assert_allclose(y.grad, [0.0, 0.8])


@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(x=distinct(small_shapes()), fills=st.lists(st.sampled_from([np.nan, np.inf, -np.inf]), max_size=4))
def test_nan_to_num(x, fills):
    x = x.copy()
    x.flat[: len(fills)] = fills[: x.size]
    for kw in ({}, {"nan": 2.0, "posinf": 5.0, "neginf": -5.0}):
        want = np.nan_to_num(x, **kw)
        for f in (mg.nan_to_num, np.nan_to_num):
            t = tensor(x)
            out = f(t, **kw)
            assert isinstance(out, mg.Tensor)
            np.testing.assert_array_equal(out.data, want)
            out.backward()
            np.testing.assert_array_equal(t.grad, np.isfinite(x).astype(float))
    assert mg.nan_to_num(tensor(x), constant=True).constant
    if np.isfinite(x).all():
        check_function(mg.nan_to_num, np.nan_to_num, [x])


def test_nan_to_num_replacement_tensors_get_the_replaced_gradients():
    x = tensor([np.nan, 1.0, np.inf, np.nan, -np.inf])
    nan, pos = tensor(7.0), tensor(9.0)
    out = mg.nan_to_num(x, nan=nan, posinf=pos)
    np.testing.assert_array_equal(out.data, np.nan_to_num(x.data, nan=7.0, posinf=9.0))
    (out * [1.0, 2.0, 3.0, 4.0, 0.5]).sum().backward()  # 0.5: -max float stays finite
    assert nan.grad == 5.0 and pos.grad == 3.0
    np.testing.assert_array_equal(x.grad, [0.0, 2.0, 0.0, 0.0, 0.0])


@pytest.mark.parametrize("name", ["real", "real_if_close"])
@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(x=distinct(small_shapes()))
def test_real_is_a_differentiable_view(name, x):
    check_function(getattr(mg, name), getattr(np, name), [x])
    for f in (getattr(mg, name), getattr(np, name)):
        t = tensor(x)
        out = f(t)
        assert out.base is t and np.shares_memory(out.data, t.data)


@pytest.mark.parametrize("name, kwargs", [("imag", {}), ("angle", {}), ("angle", {"deg": True})])
@settings(deadline=None)  # the numerical gradients take time on a loaded machine
@given(x=distinct(small_shapes()))
def test_imag_and_angle_are_non_constant_with_zero_gradient(name, kwargs, x):
    for f in (getattr(mg, name), getattr(np, name)):
        t = tensor(x)
        out = f(t, **kwargs)
        want = getattr(np, name)(x, **kwargs)
        assert isinstance(out, mg.Tensor) and not out.constant
        assert out.dtype == want.dtype
        np.testing.assert_array_equal(out.data, want)
        (out + t).sum().backward()  # composes: the gradient is that of `+ t` alone
        np.testing.assert_array_equal(t.grad, np.ones_like(x))
    assert getattr(mg, name)(tensor(x), constant=True, **kwargs).constant
