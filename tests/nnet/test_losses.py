"""Properties of the losses: values against NumPy references written here, gradients
against numerical ones (float64), `constant=`, label containers, float16/32 dtypes, and
that each loss is a single fused operation."""

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from hypothesis import given
from mygrad.nnet.losses import (
    focal_loss,
    margin_ranking_loss,
    multiclass_hinge,
    negative_log_likelihood,
    softmax_crossentropy,
    softmax_focal_loss,
)

from mygrad_core.testing import assert_grads_match_numerical, check_op_contract
from mygrad_core.testing.strategies import arrays

GRID = st.integers(-20, 20).map(lambda i: i / 4)  # with hinge/margin 1.1/0.3: no kinks hit
PROBS = st.floats(0.05, 0.95)


def _softmax(x):
    e = np.exp(x)
    return e / e.sum(axis=1, keepdims=True)


def _picked(x, y):
    return x[np.arange(len(y)), y]


@st.composite
def _classification(draw, dtype=np.float64, elements=None, min_value=-10, max_value=10):
    n = draw(st.integers(1, 5))
    c = draw(st.integers(1, 5))
    x = draw(arrays(shape=(n, c), dtype=dtype, elements=elements, min_value=min_value, max_value=max_value))
    y = np.array(draw(st.lists(st.integers(0, c - 1), min_size=n, max_size=n)), dtype=np.int64)
    return x, y


def _labels(data, y):
    # y_true may be an int array, a Tensor (changelog 1.5.0) or a list
    kind = data.draw(st.sampled_from(["array", "tensor", "list"]))
    return {"array": y, "tensor": mg.tensor(y), "list": y.tolist()}[kind]


# name -> (loss(x, y), NumPy reference(x, y), element strategy, extra keyword sets)
def _focal_ref(p, y, alpha, gamma):
    pt = _picked(p, y)
    return -alpha * (1 - pt) ** gamma * np.log(pt)


@given(data=st.data(), constant=st.sampled_from([None, True, False]))
def test_softmax_crossentropy(data, constant):
    x, y = data.draw(_classification())
    out = softmax_crossentropy(mg.tensor(x), _labels(data, y), constant=constant)
    assert out.shape == () and out.constant is bool(constant)
    np.testing.assert_allclose(out.data, -np.mean(np.log(_picked(_softmax(x), y))), rtol=1e-10, atol=1e-15)
    assert out.data >= 0
    assert_grads_match_numerical(lambda t: softmax_crossentropy(t, y), x)


@pytest.mark.parametrize("loss", [softmax_crossentropy, lambda x, y: softmax_focal_loss(x, y, gamma=1.5)])
@given(data=st.data())
def test_score_losses_are_invariant_to_each_rows_offset(loss, data):
    # rows on wildly different scales (the cheap global shift cannot serve them all)
    x, y = data.draw(_classification())
    offsets = data.draw(st.lists(st.sampled_from([0.0, 800.0, -800.0, 1e6, -1e6]), min_size=len(y), max_size=len(y)))
    shifted = mg.tensor(x + np.array(offsets)[:, None])
    plain = mg.tensor(x)
    out, ref = loss(shifted, y), loss(plain, y)
    np.testing.assert_allclose(out.data, ref.data, rtol=1e-6, atol=1e-8)
    out.backward()
    ref.backward()
    np.testing.assert_allclose(shifted.grad, plain.grad, rtol=1e-6, atol=1e-8)


def test_softmax_crossentropy_gradient_is_softmax_minus_onehot_over_n():
    x = mg.tensor([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    y = np.array([2, 0])
    softmax_crossentropy(x, y).backward()
    onehot = np.eye(3)[y]
    np.testing.assert_allclose(x.grad, (_softmax(x.data) - onehot) / 2, rtol=1e-12)


@given(data=st.data(), weighted=st.booleans())
def test_negative_log_likelihood(data, weighted):
    x, y = data.draw(_classification(max_value=0))
    if weighted:
        w = data.draw(arrays(shape=(x.shape[1],), min_value=0, max_value=3))
        ref = -np.mean(w[y] * _picked(x, y))
        assert_grads_match_numerical(lambda t, v: negative_log_likelihood(t, y, weights=v), x, w)
        out = negative_log_likelihood(x, _labels(data, y), weights=mg.tensor(w))
    else:
        ref = -np.mean(_picked(x, y))
        assert_grads_match_numerical(lambda t: negative_log_likelihood(t, y), x)
        out = negative_log_likelihood(x, _labels(data, y))
    np.testing.assert_allclose(out.data, ref, rtol=1e-12, atol=1e-15)


def test_negative_log_likelihood_constant_true_is_honoured():
    # changelog 1.7.1: constant=True used to be ignored
    x = mg.tensor([[-1.0, -2.0]])
    w = mg.tensor([1.0, 2.0])
    out = negative_log_likelihood(x, [1], weights=w, constant=True)
    assert out.constant
    out.backward()
    assert x.grad is None and w.grad is None


@given(data=st.data(), hinge=st.sampled_from([1.1, 0.3, 2.6]))
def test_multiclass_hinge(data, hinge):
    x, y = data.draw(_classification(elements=GRID))
    margins = np.maximum(0, x - _picked(x, y)[:, None] + hinge)
    margins[np.arange(len(y)), y] = 0
    out = multiclass_hinge(mg.tensor(x), _labels(data, y), hinge)
    assert out.shape == ()
    np.testing.assert_allclose(out.data, margins.sum(axis=1).mean(), rtol=1e-12)
    assert_grads_match_numerical(lambda t: multiclass_hinge(t, y, hinge), x)


@given(data=st.data(), alpha=st.sampled_from([1, 0.25]), gamma=st.sampled_from([0, 0.5, 1, 2.5]))
def test_focal_loss(data, alpha, gamma):
    p, y = data.draw(_classification(elements=PROBS))
    out = focal_loss(mg.tensor(p), _labels(data, y), alpha=alpha, gamma=gamma)
    assert out.shape == (len(y),)
    np.testing.assert_allclose(out.data, _focal_ref(p, y, alpha, gamma), rtol=1e-12)
    assert_grads_match_numerical(lambda t: focal_loss(t, y, alpha=alpha, gamma=gamma), p)


@given(data=st.data(), alpha=st.sampled_from([1, 0.25]), gamma=st.sampled_from([0, 0.5, 1, 2.5]))
def test_softmax_focal_loss(data, alpha, gamma):
    x, y = data.draw(_classification(min_value=-5, max_value=5))
    out = softmax_focal_loss(mg.tensor(x), _labels(data, y), alpha=alpha, gamma=gamma)
    assert out.shape == (len(y),)
    np.testing.assert_allclose(out.data, _focal_ref(_softmax(x), y, alpha, gamma), rtol=1e-9, atol=1e-12)
    assert_grads_match_numerical(lambda t: softmax_focal_loss(t, y, alpha=alpha, gamma=gamma), x)


def test_focal_losses_with_alpha_1_gamma_0_are_the_cross_entropy():
    # the seeds: "for gamma=0 and alpha=1, this is cross-entropy loss" (lines 22990, 23578)
    x = np.array([[0.5, -1.0, 2.0], [1.0, 1.0, 0.0]])
    y = np.array([1, 0])
    per_datum = softmax_focal_loss(x, y)
    np.testing.assert_allclose(per_datum.data.mean(), softmax_crossentropy(x, y).data, rtol=1e-12)
    np.testing.assert_allclose(focal_loss(_softmax(x), y).data, per_datum.data, rtol=1e-12)


def test_focal_gradients_where_the_true_class_has_probability_1():
    # (1-p)**(gamma-1) is infinite at p == 1 for gamma < 1: the gradient takes its limit
    # near p = 1, -(1-p)**0.5 * log(p) ~ (1-p)**1.5, whose slope is 0 at p = 1
    p = mg.tensor([[1.0, 0.0], [0.5, 0.5]])
    focal_loss(p, [0, 1], gamma=0.5).backward()
    assert np.all(np.isfinite(p.grad))
    np.testing.assert_array_equal(p.grad[0], [0.0, 0.0])
    # with gamma = 0 it is the cross-entropy, -log(p), of slope -1 at p = 1
    focal_loss(p, [0, 1]).backward()
    np.testing.assert_array_equal(p.grad[0], [-1.0, 0.0])
    s = mg.tensor([[1e6, 0.0], [0.0, 0.0]])
    out = softmax_focal_loss(s, [0, 1], gamma=0.5)
    out.backward()
    assert out.data[0] == 0.0 and np.all(np.isfinite(s.grad))
    np.testing.assert_allclose(s.grad[0], [0.0, 0.0], atol=1e-300)


@given(data=st.data(), two_d=st.booleans(), scalar_y=st.booleans(), margin=st.sampled_from([0.3, 0.0, 1.1]))
def test_margin_ranking_loss(data, two_d, scalar_y, margin):
    n = data.draw(st.integers(1, 5))
    shape = (n, data.draw(st.integers(1, 3))) if two_d else (n,)
    x1 = data.draw(arrays(shape=shape, elements=GRID.map(lambda v: v + 0.07)))
    x2 = data.draw(arrays(shape=shape, elements=GRID))
    if scalar_y:
        y = data.draw(st.sampled_from([1, -1]))
        yb = y
    else:
        y = np.array(data.draw(st.lists(st.sampled_from([1, -1]), min_size=n, max_size=n)))
        yb = y[:, None] if two_d else y
    out = margin_ranking_loss(mg.tensor(x1), mg.tensor(x2), y, margin)
    assert out.shape == ()
    np.testing.assert_allclose(out.data, np.mean(np.maximum(0, margin - yb * (x1 - x2))), rtol=1e-12)
    assert_grads_match_numerical(lambda a, b: margin_ranking_loss(a, b, y, margin), x1, x2)


LOSSES = {
    "softmax_crossentropy": lambda x, y, **kw: softmax_crossentropy(x, y, **kw),
    "negative_log_likelihood": lambda x, y, **kw: negative_log_likelihood(x, y, **kw),
    "multiclass_hinge": lambda x, y, **kw: multiclass_hinge(x, y, **kw),
    "focal_loss": lambda x, y, **kw: focal_loss(x, y, gamma=2, **kw),
    "softmax_focal_loss": lambda x, y, **kw: softmax_focal_loss(x, y, gamma=2, **kw),
    "margin_ranking_loss": lambda x, y, **kw: margin_ranking_loss(x[:, 0], x[:, 1], 2 * (y % 2) - 1, 0.5, **kw),
}


@pytest.mark.parametrize("name", sorted(LOSSES))
@pytest.mark.parametrize("dtype, tol", [(np.float16, 1e-2), (np.float32, 1e-5)])
def test_low_precision_dtypes_are_preserved(name, dtype, tol):
    loss = LOSSES[name]
    rng = np.random.default_rng(7)
    x64 = rng.uniform(0.1, 0.9, size=(6, 3))
    y = np.array([0, 1, 2, 2, 1, 0])
    t = mg.tensor(x64.astype(dtype))
    out = loss(t, y)
    assert out.dtype == dtype
    expected = loss(x64.astype(dtype).astype(np.float64), y).data
    np.testing.assert_allclose(out.data.astype(np.float64), expected, rtol=tol, atol=tol)
    out.backward()
    assert t.grad.dtype == dtype and np.all(np.isfinite(t.grad))


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_each_loss_is_one_fused_operation(name):
    # one node between the scores and the loss: its creator's only input is x itself
    x = mg.tensor([[0.2, 0.7, 0.1], [0.5, 0.25, 0.25]])
    out = LOSSES[name](x, np.array([1, 0]))
    # (margin_ranking_loss is given two columns of x: views whose base is x)
    assert all(v is x or v.base is x for v in out.creator.variables)
    assert type(out.creator).__module__.startswith("mygrad_nnet.losses")


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_constant_inference_and_forcing(name):
    loss = LOSSES[name]
    x = np.array([[0.2, 0.7, 0.1], [0.5, 0.25, 0.25]])
    y = np.array([1, 0])
    assert loss(x, y).constant  # all inputs constant
    assert not loss(mg.tensor(x), y).constant
    assert not loss(x, y, constant=False).constant
    t = mg.tensor(x)
    out = loss(t, y, constant=True)
    assert out.constant
    out.backward()
    assert t.grad is None


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_op_contract(name):
    # inputs never mutated, memory guarding, constant inference (the kit's checker)
    loss = LOSSES[name]
    check_op_contract(lambda x, **kw: loss(x, np.array([1, 0, 2]), **kw), np.linspace(0.1, 0.9, 9).reshape(3, 3))


def test_a_single_class_costs_nothing_and_stays_finite():
    # found by hypothesis: log(exp(z)) may round to z + 1e-17, i.e. p > 1 and
    # (1 - p)**gamma = nan, unless log-probabilities are kept <= 0
    x = mg.tensor([[0.125], [0.0], [3.0], [-800.0]])
    y = np.zeros(4, dtype=int)
    for loss in (softmax_crossentropy(x, y), softmax_focal_loss(x, y, gamma=1.5)):
        np.testing.assert_allclose(loss.data, 0, atol=1e-15)
        assert np.all(loss.data >= 0)
        loss.backward()
        np.testing.assert_allclose(x.grad, 0, atol=1e-15)
    lsm = mg.nnet.activations.logsoftmax(np.array([[0.125, -3.0], [0.0, -40.0]]))
    assert np.all(lsm.data <= 0)


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_an_empty_batch_costs_nothing_without_warnings(name):
    # a decision (the seeds are silent): the mean over no data is 0, not NumPy's nan
    x = mg.tensor(np.zeros((0, 3)))
    with np.errstate(all="raise"):
        out = LOSSES[name](x, np.zeros(0, dtype=int))
        out.backward()
    assert np.all(out.data == 0) and x.grad.shape == (0, 3)
