"""The documented examples of mygrad.nnet's activations, losses and initializers.

Each test cites the seed lines it checks (seed 000_7568d7cea38c6584.txt). Where ERRATA
says an example is wrong (integer inputs shown with gradients, selu's `alpha=`, glu's
gradient) the test checks the intended behaviour and says so.
"""

import mygrad as mg
import numpy as np
import pytest
from mygrad.nnet import (
    logsoftmax,
    negative_log_likelihood,
    relu,
    sigmoid,
    softmax,
    softmax_crossentropy,
)
from mygrad.nnet.activations import elu, glu, hard_tanh, leaky_relu, selu, soft_sign
from mygrad.nnet.initializers import he_normal, he_uniform, normal, uniform
from mygrad.nnet.losses import margin_ranking_loss


def test_negative_log_likelihood_examples():
    # seed 000_7568d7cea38c6584.txt:23312-23316: uniform log-probs give log 3
    logprob = mg.log(1 / 3).item()
    x = mg.Tensor([[logprob, logprob, logprob]])
    y_true = mg.Tensor([0])
    out = negative_log_likelihood(x, y_true)
    assert out.shape == () and out.dtype == np.float64
    np.testing.assert_allclose(out.item(), 1.09861229, rtol=1e-8)
    # seed 000_7568d7cea38c6584.txt:23324-23326: a confident, correct (integer) row gives 0.
    out = negative_log_likelihood(mg.Tensor([[0, -20, -20]]), y_true)
    assert out.item() == 0.0 and not np.signbit(out.item())
    # seed 000_7568d7cea38c6584.txt:23334-23337: class weights scale the term, 9.2 = 2 * 4.6
    x = mg.Tensor([[-4.6, -4.6, -0.02]])
    out = negative_log_likelihood(x, y_true, weights=mg.Tensor([2, 1, 1]))
    np.testing.assert_allclose(out.item(), 9.2, rtol=1e-12)


def test_softmax_crossentropy_examples():
    # seed 000_7568d7cea38c6584.txt:23475-23494: equal scores give log 3
    x = mg.Tensor([[2.0, 2.0, 2.0]])
    np.testing.assert_allclose(softmax_crossentropy(x, mg.Tensor([0])).item(), 1.09861229, rtol=1e-8)
    # seed 000_7568d7cea38c6584.txt:23511-23523: the mean of log 3 and ~0 (a score of 1e6)
    x = mg.Tensor([[2.0, 2.0, 2.0], [0.0, 0.0, 1e6]])
    out = softmax_crossentropy(x, mg.Tensor([0, 2]))
    np.testing.assert_allclose(out.item(), 0.54930614, rtol=1e-8)
    out.backward()
    assert np.all(np.isfinite(x.grad))


def test_margin_ranking_loss_equals_its_documented_formula():
    # seed 000_7568d7cea38c6584.txt:23071-23072: mean(maximum(0, margin - y * (x1 - x2)))
    rng = np.random.default_rng(0)
    x1, x2 = rng.normal(size=(2, 6, 3))
    y = rng.choice([-1, 1], size=6)
    margin = 0.5
    got = margin_ranking_loss(x1, x2, y, margin)
    expected = mg.mean(mg.maximum(0, margin - y[:, None] * (x1 - x2)))
    np.testing.assert_allclose(got.data, expected.data, rtol=1e-12)
    assert got.shape == ()


def test_elu_example_with_float_input():
    # seed 000_7568d7cea38c6584.txt:23701-23714 (an int arange there; ERRATA: ints are
    # constants, so the example's gradient needs float input)
    x = mg.arange(-5.0, 6.0)
    y = elu(x, alpha=0.1)
    np.testing.assert_allclose(
        y.data,
        [-0.09932621, -0.09816844, -0.09502129, -0.08646647, -0.06321206, 0, 1, 2, 3, 4, 5],
        rtol=1e-7,
    )
    y.backward()
    np.testing.assert_allclose(
        x.grad,
        [6.73794700e-04, 1.83156389e-03, 4.97870684e-03, 1.35335283e-02, 3.67879441e-02, 1, 1, 1, 1, 1, 1],
        rtol=1e-7,
    )


def test_elu_example_as_written_integer_input_is_constant():
    # seed 000_7568d7cea38c6584.txt:23703-23711 as written: values as shown, no gradient
    x = mg.arange(-5, 6)
    y = elu(x, alpha=0.1)
    assert y.constant
    np.testing.assert_allclose(y.data[:5], [-0.09932621, -0.09816844, -0.09502129, -0.08646647, -0.06321206], rtol=1e-7)
    y.backward()
    assert x.grad is None


def test_glu_example_values_and_true_gradient():
    # seed 000_7568d7cea38c6584.txt:23816-23820: the values are right
    x = mg.arange(-5.0, 5.0)
    y = glu(x)
    np.testing.assert_allclose(y.data, [-2.5, -2.92423431, -2.64239123, -1.90514825, -0.98201379], rtol=1e-7)
    # 23821-23823 shows [0, 0, 0, 0, 0, -1, 0, 0, 0, 0], which is not the derivative
    # (ERRATA); d/dA = sigmoid(B), d/dB = A * sigmoid(B) * (1 - sigmoid(B))
    y.backward()
    a, b = np.arange(-5.0, 0.0), np.arange(0.0, 5.0)
    s = 1 / (1 + np.exp(-b))
    np.testing.assert_allclose(x.grad, np.concatenate([s, a * s * (1 - s)]), rtol=1e-12)


def test_hard_tanh_example():
    # seed 000_7568d7cea38c6584.txt:23911-23915 as written (int input): ints clipped to [-3, 3]
    x = mg.arange(-5, 6)
    y = hard_tanh(x, lower_bound=-3, upper_bound=3)
    np.testing.assert_array_equal(y.data, [-3, -3, -3, -2, -1, 0, 1, 2, 3, 3, 3])
    assert y.dtype == x.dtype
    # 23916-23918 with a float input: gradient 0 at and beyond the bounds
    x = mg.arange(-5.0, 6.0)
    hard_tanh(x, lower_bound=-3, upper_bound=3).backward()
    np.testing.assert_array_equal(x.grad, [0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0])


def test_leaky_relu_example():
    # seed 000_7568d7cea38c6584.txt:24005-24012 with a float input (ERRATA); gradient 0 at 0
    x = mg.arange(-5.0, 6.0)
    y = leaky_relu(x, slope=0.1)
    np.testing.assert_allclose(y.data, [-0.5, -0.4, -0.3, -0.2, -0.1, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0], rtol=1e-12)
    y.backward()
    np.testing.assert_allclose(x.grad, [0.1] * 5 + [0.0] + [1.0] * 5, rtol=1e-12)


def test_logsoftmax_example_is_stable():
    # seed 000_7568d7cea38c6584.txt:24126-24130
    x = mg.Tensor([[2.0, 2.0, 2.0], [2e50, 2e50, 1e50]])
    y = logsoftmax(x)
    np.testing.assert_allclose(y.data[0], [-1.09861229] * 3, rtol=1e-8)
    # the seed prints [0, 0, -1e50] for the second row: the exact values are
    # [-log 2, -log 2, -1e50], and 0 is what remains when log 2 is lost against 2e50;
    # both agree to within float64's resolution at the row's scale (2e50 * eps)
    np.testing.assert_allclose(y.data[1], [-np.log(2), -np.log(2), -1e50], rtol=1e-12)
    np.testing.assert_allclose(y.data[1], [0.0, 0.0, -1e50], rtol=0, atol=2e50 * np.finfo(float).eps)
    y.backward()
    assert np.all(np.isfinite(x.grad))


def test_selu_example_without_alpha():
    # seed 000_7568d7cea38c6584.txt:24220-24226; the call passes alpha=0.1, which selu does
    # not take (ERRATA): the values shown are those of the standard SELU
    x = mg.arange(-5, 6)
    y = selu(x)
    np.testing.assert_allclose(
        y.data,
        [-1.74625336, -1.72589863, -1.67056873, -1.52016647, -1.11133074, 0.0,
         1.05070099, 2.10140197, 3.15210296, 4.20280395, 5.25350494],
        rtol=1e-7,
    )
    with pytest.raises(TypeError):
        selu(x, alpha=0.1)


def test_sigmoid_example():
    # seed 000_7568d7cea38c6584.txt:24310-24313
    y = sigmoid(mg.linspace(-5, 5, 10))
    np.testing.assert_allclose(
        y.data,
        [0.00669285, 0.02005754, 0.0585369, 0.1588691, 0.36457644,
         0.63542356, 0.8411309, 0.9414631, 0.97994246, 0.99330715],
        rtol=1e-6,
    )


def test_softmax_example_is_stable():
    # seed 000_7568d7cea38c6584.txt:24424-24428
    x = mg.Tensor([[2.0, 2.0, 2.0], [2e50, 2e50, 1e50]])
    y = softmax(x)
    np.testing.assert_allclose(y.data, [[1 / 3, 1 / 3, 1 / 3], [0.5, 0.5, 0.0]], rtol=1e-8)
    y.backward()
    assert np.all(np.isfinite(x.grad))


def test_soft_sign_example():
    # seed 000_7568d7cea38c6584.txt:24503-24509
    x = mg.arange(-5, 6)
    np.testing.assert_allclose(
        soft_sign(x).data,
        [-0.83333333, -0.8, -0.75, -0.66666667, -0.5, 0.0, 0.5, 0.66666667, 0.75, 0.8, 0.83333333],
        rtol=1e-7,
    )


def test_relu_example():
    # seed 000_7568d7cea38c6584.txt:24594-24601: -0. for negative inputs, gradient 0 at 0
    x = mg.linspace(-5, 5, 5)
    y = relu(x)
    np.testing.assert_array_equal(y.data, [0.0, 0.0, 0.0, 2.5, 5.0])
    np.testing.assert_array_equal(np.signbit(y.data), [True, True, False, False, False])
    relu(x).backward()
    np.testing.assert_array_equal(x.grad, [0.0, 0.0, 0.0, 1.0, 1.0])


def test_tanh_example():
    # seed 000_7568d7cea38c6584.txt:24736-24748, through mygrad.nnet.activations.tanh
    x = mg.linspace(-2, 2, 10)
    y = mg.nnet.activations.tanh(x)
    np.testing.assert_allclose(y.data[:3], [-0.96402758, -0.9146975, -0.8044548], rtol=1e-7)
    y.backward()
    np.testing.assert_allclose(x.grad[:3], [0.07065082, 0.16332849, 0.35285247], rtol=1e-6)


@pytest.mark.parametrize("init", [he_normal, he_uniform])
def test_he_examples_shapes_dtypes_constant(init):
    # seed 000_7568d7cea38c6584.txt:25115-25136 (he_normal), 25250-25271 (he_uniform):
    # random values, so the shapes, dtypes and constant flags are what is checked
    w = init(2, 3)
    assert w.shape == (2, 3) and w.dtype == np.float32 and not w.constant
    w = init(4, 2, gain=5 / 3, dtype="float64", constant=True)
    assert w.shape == (4, 2) and w.dtype == np.float64 and w.constant
    w = init(2, 1, 2, dtype="float16")
    assert w.shape == (2, 1, 2) and w.dtype == np.float16 and not w.constant


def test_normal_examples():
    # seed 000_7568d7cea38c6584.txt:25365-25382
    w = normal(1, 2, 3)
    assert w.shape == (1, 2, 3) and w.dtype == np.float32
    w = normal(2, 2, dtype="float16", constant=True)
    assert w.shape == (2, 2) and w.dtype == np.float16 and w.constant
    w = normal(5, dtype="float64")
    assert w.shape == (5,) and w.dtype == np.float64


def test_uniform_examples():
    # seed 000_7568d7cea38c6584.txt:25476-25493
    w = uniform(2, 3)
    assert w.shape == (2, 3) and w.dtype == np.float32
    assert np.all((0 <= w.data) & (w.data < 1))
    w = uniform(2, 2, lower_bound=-1, upper_bound=3)
    assert w.shape == (2, 2) and np.all((-1 <= w.data) & (w.data < 3))
    w = uniform(5, dtype="float16", constant=True)
    assert w.shape == (5,) and w.dtype == np.float16 and w.constant
