"""conv_nd: documented examples, a naive-loop reference, numerical gradients, errors."""

from __future__ import annotations

import itertools

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from hypothesis import given
from mygrad.nnet import conv_nd

from mygrad_core.testing import assert_grads_match_numerical, check_op_contract


def naive_conv(x, w, stride, padding, dilation):
    """Cross-correlation by explicit loops over samples, filters, placements and taps."""
    n = x.ndim - 2
    xp = np.pad(x, [(0, 0), (0, 0)] + [(p, p) for p in padding])
    grid = [
        (xp.shape[2 + i] - (w.shape[2 + i] - 1) * dilation[i] - 1) // stride[i] + 1
        for i in range(n)
    ]
    out = np.zeros((x.shape[0], w.shape[0], *grid), dtype=np.result_type(x, w))
    for b, f in itertools.product(range(x.shape[0]), range(w.shape[0])):
        for g in itertools.product(*map(range, grid)):
            total = 0
            for c in range(x.shape[1]):
                for k in itertools.product(*map(range, w.shape[2:])):
                    pos = tuple(g[i] * stride[i] + k[i] * dilation[i] for i in range(n))
                    total += xp[(b, c) + pos] * w[(f, c) + k]
            out[(b, f) + g] = total
    return out


@st.composite
def conv_cases(draw, max_dims=3, small=False):
    """Shapes and settings whose placements tile the padded input exactly."""
    n = draw(st.integers(1, max_dims))
    big = 1 if small and n > 1 else 2
    N, C, F = (draw(st.integers(1, 2)) for _ in range(3))
    kernel, stride, padding, dilation, size = [], [], [], [], []
    for _ in range(n):
        k = draw(st.integers(1, 3 if n == 1 else big + 1))
        s = draw(st.integers(1, 3))
        d = draw(st.integers(1, 2))
        p = draw(st.integers(0, 2))
        g = draw(st.integers(1, 3 if n == 1 else big + 1))
        extent = (k - 1) * d + 1
        x = (g - 1) * s + extent - 2 * p
        if x < 1:  # too much padding for this size: drop it
            p, x = 0, (g - 1) * s + extent
        kernel.append(k), stride.append(s), padding.append(p), dilation.append(d), size.append(x)
    return (N, C, *size), (F, C, *kernel), tuple(stride), tuple(padding), tuple(dilation)


def _maybe_int(values, flag):
    return values[0] if flag and len(set(values)) == 1 else values


@given(
    case=conv_cases(),
    ints=st.booleans(),
    dtypes=st.sampled_from(
        [("float64", "float64"), ("float32", "float32"), ("float32", "float64"), ("int64", "int64")]
    ),
    data=st.data(),
)
def test_forward_against_naive(case, ints, dtypes, data):
    xs, ws, stride, padding, dilation = case
    x = data.draw(
        st.lists(st.integers(-5, 5), min_size=int(np.prod(xs)), max_size=int(np.prod(xs)))
    )
    w = data.draw(
        st.lists(st.integers(-5, 5), min_size=int(np.prod(ws)), max_size=int(np.prod(ws)))
    )
    x = np.array(x, dtype=dtypes[0]).reshape(xs)
    w = np.array(w, dtype=dtypes[1]).reshape(ws)
    out = conv_nd(
        x,
        w,
        stride=_maybe_int(stride, ints),
        padding=_maybe_int(padding, ints),
        dilation=_maybe_int(dilation, ints),
    )
    expected = naive_conv(x, w, stride, padding, dilation)
    assert out.shape == expected.shape
    assert out.dtype == np.result_type(x, w)
    np.testing.assert_allclose(out.data, expected, rtol=1e-6)
    assert out.constant  # ndarray inputs are constants


@given(
    case=conv_cases(max_dims=3, small=True),
    const=st.sampled_from([(False, False), (True, False), (False, True)]),
)
def test_gradients_match_numerical(case, const):
    xs, ws, stride, padding, dilation = case
    rng = np.random.default_rng(abs(hash(case)) % 2**32)
    x = mg.tensor(rng.uniform(-2, 2, size=xs), constant=const[0])
    w = mg.tensor(rng.uniform(-2, 2, size=ws), constant=const[1])
    assert_grads_match_numerical(
        lambda a, b: conv_nd(a, b, stride=stride, padding=padding, dilation=dilation), x, w
    )


@given(case=conv_cases(max_dims=2, small=True))
def test_gradients_against_naive_backward(case):
    # d(sum(out * g))/dx and /dw by explicit loops, the transposes of naive_conv
    xs, ws, stride, padding, dilation = case
    rng = np.random.default_rng(1)
    xd, wd = rng.normal(size=xs), rng.normal(size=ws)
    x, w = mg.tensor(xd), mg.tensor(wd)
    out = conv_nd(x, w, stride=stride, padding=padding, dilation=dilation)
    g = rng.normal(size=out.shape)
    out.backward(g)
    n = len(stride)
    dxp = np.zeros(tuple(xs[:2]) + tuple(s + 2 * p for s, p in zip(xs[2:], padding)))
    dw = np.zeros(ws)
    xp = np.pad(xd, [(0, 0), (0, 0)] + [(p, p) for p in padding])
    for b, f in itertools.product(range(xs[0]), range(ws[0])):
        for gpos in itertools.product(*map(range, out.shape[2:])):
            for c in range(xs[1]):
                for k in itertools.product(*map(range, ws[2:])):
                    pos = tuple(gpos[i] * stride[i] + k[i] * dilation[i] for i in range(n))
                    dxp[(b, c) + pos] += g[(b, f) + gpos] * wd[(f, c) + k]
                    dw[(f, c) + k] += g[(b, f) + gpos] * xp[(b, c) + pos]
    inner = (slice(None), slice(None)) + tuple(slice(p, p + s) for p, s in zip(padding, xs[2:]))
    np.testing.assert_allclose(x.grad, dxp[inner], rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(w.grad, dw, rtol=1e-10, atol=1e-12)


def test_op_contract():
    rng = np.random.default_rng(0)
    check_op_contract(
        conv_nd,
        rng.normal(size=(2, 2, 4, 3)),
        rng.normal(size=(3, 2, 2, 2)),
        stride=(2, 1),
        padding=(0, 1),
    )


def test_constant_semantics():
    x = mg.tensor(np.ones((1, 1, 4)))
    w = mg.tensor(np.ones((1, 1, 2)), constant=True)
    out = conv_nd(x, w, stride=1)
    assert not out.constant
    out.backward()
    assert w.grad is None and x.grad is not None
    assert conv_nd(x, w, stride=1, constant=True).constant
    assert conv_nd(mg.tensor(x, constant=True), w, stride=1).constant
    assert conv_nd(np.ones((1, 1, 4), dtype=int), np.ones((1, 1, 2), dtype=int), stride=1).constant


def test_documented_1d_example():
    # seed 000_7568d7cea38c6584.txt:22455-22474
    x = mg.zeros((1, 1, 16))
    x[..., 5:11] = 1
    k = mg.ones((1, 1, 5))
    out = conv_nd(x, k, stride=1)
    assert out.dtype == np.float32 and out.shape == (1, 1, 12)
    np.testing.assert_array_equal(out.data, [[[0, 1, 2, 3, 4, 5, 5, 4, 3, 2, 1, 0]]])
    conv_nd(x, k, stride=1).sum().backward()
    np.testing.assert_array_equal(x.grad, [[[1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5, 4, 3, 2, 1]]])
    np.testing.assert_array_equal(k.grad, [[[6, 6, 6, 6, 6]]])


def test_documented_edge_detection_on_channels():
    # seed 000_7568d7cea38c6584.txt:22488-22530 (the image is made here): a (3, 1, H, W)
    # batch with a (1, 1, 3, 3) edge kernel is zero on flat regions, not at edges
    img = np.zeros((10, 10, 3))
    img[4:8, 4:8] = 1.0
    x = img.transpose(2, 0, 1)[:, None, :, :]
    kernel = np.array([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]]).reshape(1, 1, 3, 3)
    processed = conv_nd(x, kernel, stride=(1, 1))
    assert processed.shape == (3, 1, 8, 8)
    processed = processed.data.squeeze().transpose(1, 2, 0)
    assert processed.shape == (8, 8, 3)
    assert processed[0, 0, 0] == 0 and processed[4, 4, 0] == 0  # flat regions
    assert processed[3, 3, 0] == 8 - 3  # the square's corner pixel (4, 4)
    assert processed[3, 4, 0] == 8 - 5  # a pixel on its edge
    np.testing.assert_array_equal(processed[..., 0], processed[..., 2])


def test_documented_shapes():
    # seed 000_7568d7cea38c6584.txt:22565-22591 (kernel (2, 1, 3, 1, 2): the page's 32 is a typo)
    x = mg.tensor(np.random.rand(10, 3, 32, 32))
    k = np.random.rand(5, 3, 2, 2)
    assert conv_nd(x, k, stride=2).shape == (10, 5, 16, 16)
    x = np.random.rand(1, 1, 10, 12, 10)
    k = np.random.rand(2, 1, 3, 1, 2)
    assert conv_nd(x, k, stride=1).shape == (1, 2, 8, 12, 9)


def test_not_flipped():
    out = conv_nd(np.array([[[1.0, 2.0, 3.0]]]), np.array([[[1.0, 0.0]]]), stride=1)
    np.testing.assert_array_equal(out.data, [[[1.0, 2.0]]])


@pytest.mark.parametrize(
    "xs, ws, kwargs, exc, words",
    [
        ((1, 2, 5), (1, 1, 2), {"stride": 1}, ValueError, ["(1, 2, 5)", "(1, 1, 2)", "channels"]),
        ((1, 1, 5), (1, 1, 2, 2), {"stride": 1}, ValueError, ["(1, 1, 5)", "(1, 1, 2, 2)"]),
        ((1, 5), (1, 2), {"stride": 1}, ValueError, ["(1, 5)"]),
        ((1, 1, 5), (1, 1, 2), {"stride": 2}, ValueError, ["stride=(2,)", "(1, 1, 5)", "tile"]),
        ((1, 1, 5), (1, 1, 6), {"stride": 1}, ValueError, ["(1, 1, 6)", "(5,)"]),
        ((1, 1, 5), (1, 1, 3), {"stride": 1, "dilation": 3}, ValueError, ["dilation=(3,)", "(7,)"]),
        ((1, 1, 5), (1, 1, 2), {"stride": 0}, ValueError, ["`stride`", "0"]),
        ((1, 1, 5), (1, 1, 2), {"stride": (1, 1)}, ValueError, ["`stride`", "(1, 1)"]),
        ((1, 1, 5), (1, 1, 2), {"stride": 1.0}, TypeError, ["`stride`", "1.0"]),
        ((1, 1, 5), (1, 1, 2), {"stride": 1, "padding": -1}, ValueError, ["`padding`", "-1"]),
        ((1, 1, 5), (1, 1, 2), {"stride": 1, "dilation": 0}, ValueError, ["`dilation`", "0"]),
    ],
)
def test_bad_inputs(xs, ws, kwargs, exc, words):
    with pytest.raises(exc) as info:
        conv_nd(np.zeros(xs), np.zeros(ws), **kwargs)
    msg = str(info.value)
    assert "conv_nd" in msg
    for w in words:
        assert w in msg


def test_stride_is_required_and_keyword_only():
    with pytest.raises(TypeError):
        conv_nd(np.zeros((1, 1, 3)), np.zeros((1, 1, 2)))
    with pytest.raises(TypeError):
        conv_nd(np.zeros((1, 1, 3)), np.zeros((1, 1, 2)), 1)


def test_non_contiguous_inputs():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(2, 5, 6, 3)).transpose(0, 3, 2, 1)  # (2, 3, 6, 5), not contiguous
    w = rng.normal(size=(3, 2, 2, 4)).transpose(0, 3, 1, 2)[:, :3]  # (3, 3, 2, 2), strided
    tx, tw = mg.tensor(x), mg.tensor(w)
    out = conv_nd(tx, tw, stride=(2, 1), padding=(1, 0), dilation=(1, 2))
    expected = naive_conv(x, w, (2, 1), (1, 0), (1, 2))
    np.testing.assert_allclose(out.data, expected, rtol=1e-12)
    g = rng.normal(size=out.shape)
    out.backward(g)
    ref_x, ref_w = mg.tensor(x.copy()), mg.tensor(w.copy())
    conv_nd(ref_x, ref_w, stride=(2, 1), padding=(1, 0), dilation=(1, 2)).backward(g)
    np.testing.assert_allclose(tx.grad, ref_x.grad, rtol=1e-12)
    np.testing.assert_allclose(tw.grad, ref_w.grad, rtol=1e-12)
