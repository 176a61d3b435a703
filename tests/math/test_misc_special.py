"""clip, absolute (nan_to_num), add_sequence, multiply_sequence, sinc."""

from __future__ import annotations

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from hypothesis import given

from mygrad_core import tensor
from mygrad_core.testing import assert_grads_match_numerical, check_op_contract
from mygrad_core.testing.strategies import arrays, broadcastable_shapes, real_dtypes, shapes


def _grid(offset):
    # values on a shifted grid: never exactly at a bound, so the gradient is defined
    return st.integers(-20, 19).map(lambda i: i / 4 + offset)


@given(data=st.data())
def test_clip_forward_and_grad(data):
    sa, slo, shi = data.draw(broadcastable_shapes(3, max_dims=3, max_side=3))
    a = data.draw(arrays(shape=sa, dtype=np.float64, elements=_grid(0.1)))
    lo = data.draw(arrays(shape=slo, dtype=np.float64, elements=_grid(0.2)))
    hi = data.draw(arrays(shape=shi, dtype=np.float64, elements=_grid(0.3)))
    which = data.draw(st.sampled_from(["both", "min", "max"]))
    lo_ = None if which == "max" else lo
    hi_ = None if which == "min" else hi
    np.testing.assert_array_equal(mg.clip(a, lo_, hi_).data, np.clip(a, lo_, hi_))
    inputs = [a] + [b for b in (lo_, hi_) if b is not None]

    def f(x, *bounds):
        bounds = list(bounds)
        return mg.clip(
            x,
            bounds.pop(0) if lo_ is not None else None,
            bounds.pop(0) if hi_ is not None else None,
        )

    assert_grads_match_numerical(f, *inputs)


@given(data=st.data())
def test_clip_dtypes_match_numpy(data):
    dtype = data.draw(real_dtypes(floats=True, ints=True))
    x = data.draw(arrays(shape=shapes(max_dims=3), dtype=dtype, min_value=-5, max_value=5))
    got = mg.clip(x, -2, 3)
    expected = np.clip(x, -2, 3)
    assert got.dtype == expected.dtype
    np.testing.assert_array_equal(got.data, expected)


def test_clip_at_bounds_gets_zero_gradient():
    x = mg.tensor([-1.0, 0.0, 0.5, 1.0, 2.0])
    mg.clip(x, 0.0, 1.0).backward()
    np.testing.assert_array_equal(x.grad, [0.0, 0.0, 1.0, 0.0, 0.0])


def test_clip_bound_tensors_get_gradients():
    x = mg.tensor([-1.0, 0.5, 2.0])
    lo = mg.tensor(0.0)
    hi = mg.tensor([1.0, 1.0, 1.0])
    mg.clip(x, lo, hi).backward()
    np.testing.assert_array_equal(x.grad, [0.0, 1.0, 0.0])
    assert lo.grad.shape == () and lo.grad == 1.0
    np.testing.assert_array_equal(hi.grad, [0.0, 0.0, 1.0])


def test_clip_errors_out_and_method():
    # clip(a, None, None) is a copy (NumPy >= 2.1; tests/math/test_dropin_api.py)
    assert mg.clip([1.0], None, None).data.tolist() == [1.0]
    x = mg.tensor([-1.0, 0.5, 2.0])
    out = mg.tensor(np.zeros(3))
    assert mg.clip(x, 0, 1, out) is out
    np.testing.assert_array_equal(out.data, [0.0, 0.5, 1.0])
    out.backward()
    np.testing.assert_array_equal(x.grad, [0.0, 1.0, 0.0])
    np.testing.assert_array_equal(x.clip(0, 1).data, [0.0, 0.5, 1.0])
    np.testing.assert_array_equal(x.clip(None, 0).data, [-1.0, 0.0, 0.0])
    y = np.clip(x, 0, 1)
    assert isinstance(y, mg.Tensor)
    np.testing.assert_array_equal(np.clip(x, min=0).data, [0.0, 0.5, 2.0])
    check_op_contract(lambda t, **kw: mg.clip(t, 0.0, 1.0, **kw), np.array([-1.0, 0.5, 2.0]))


def test_absolute_nan_to_num():
    # seed 000, L21140-21155
    x = mg.tensor([-2.0, 0.0, 2.0])
    mg.absolute(x).backward()
    np.testing.assert_array_equal(x.grad, [-1.0, 0.0, 1.0])
    x = mg.tensor([-2.0, 0.0, 2.0])
    mg.absolute(x, nan_to_num=False).backward()
    np.testing.assert_array_equal(x.grad, [-1.0, np.nan, 1.0])
    x = mg.tensor([-2.0, 0.0, 2.0])
    abs(x).backward()
    np.testing.assert_array_equal(x.grad, [-1.0, 0.0, 1.0])
    assert mg.abs is mg.absolute
    x = mg.tensor([-2.0, 0.0, 2.0])
    mg.absolute(
        x, nan_to_num=False, where=np.array([True, False, True]), out=mg.zeros(3, dtype=float)
    ).backward()
    np.testing.assert_array_equal(x.grad, [-1.0, 0.0, 1.0])


@pytest.mark.parametrize(
    "func, np_func", [(mg.add_sequence, np.add), (mg.multiply_sequence, np.multiply)]
)
@given(data=st.data())
def test_sequences(func, np_func, data):
    n = data.draw(st.integers(2, 4))
    shps = data.draw(broadcastable_shapes(n, max_dims=3, max_side=3))
    xs = [data.draw(arrays(shape=s, dtype=np.float64, min_value=-2, max_value=2)) for s in shps]
    expected = xs[0]
    for x in xs[1:]:
        expected = np_func(expected, x)
    np.testing.assert_allclose(func(*xs).data, expected)
    assert func(*xs).constant
    assert_grads_match_numerical(func, *xs)
    # a constant in the middle gets no gradient
    ts = [tensor(x) for x in xs]
    ts[1] = tensor(xs[1], constant=True)
    assert_grads_match_numerical(func, *ts)


def test_sequences_need_two_inputs_and_handle_zeros():
    with pytest.raises(ValueError):
        mg.add_sequence(mg.tensor([1.0]))
    with pytest.raises(ValueError):
        mg.multiply_sequence()
    x, y, z = mg.tensor([0.0, 2.0]), mg.tensor(0.0), mg.tensor([3.0, 1.0])
    mg.multiply_sequence(x, y, z).backward()
    np.testing.assert_array_equal(x.grad, [0.0, 0.0])
    assert y.grad == 2.0  # 0 * 3 + 2 * 1
    np.testing.assert_array_equal(z.grad, [0.0, 0.0])
    assert mg.add_sequence(1.0, 2.0, constant=False).constant is False


@given(x=arrays(shape=shapes(max_dims=3), dtype=np.float64, min_value=-3, max_value=3))
def test_sinc(x):
    y = mg.sinc(x)
    np.testing.assert_allclose(y.data, np.sinc(x))
    np.testing.assert_allclose(np.sinc(tensor(x)).data, np.sinc(x))
    assert_grads_match_numerical(mg.sinc, x, atol=1e-6)


def test_sinc_is_normalised_and_smooth_at_zero():
    x = mg.tensor([0.0, 1.0, 0.5])
    y = mg.sinc(x)
    np.testing.assert_allclose(y.data, [1.0, 0.0, 2 / np.pi], atol=1e-15)
    y.backward()
    assert x.grad[0] == 0.0
    np.testing.assert_allclose(x.grad[1], -1.0)  # (cos(pi) - 0) / 1
    assert mg.sinc(2.0, constant=False).constant is False
