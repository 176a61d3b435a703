"""Worked examples of the guide pages, run with the test-only arithmetic."""

from __future__ import annotations

import numpy as np

import mygrad_core as mgc
from mygrad_core import Tensor, tensor
from mygrad_core.testing import numerical_gradient

from ._ops import add


def test_gradient_descent_example():
    # seed 000 L268-300: each step multiplies w by 1 - 2 * 0.3 = 0.4
    w = mgc.tensor(10.0)
    seen = []
    for _ in range(10):
        loss = w**2
        loss.backward()
        w.data -= 0.3 * w.grad  # w.data is writeable again after backprop
        seen.append(w.item())
    np.testing.assert_allclose(seen, 10.0 * 0.4 ** np.arange(1, 11))
    np.testing.assert_allclose(seen[:4], [4.0, 1.6, 0.64, 0.256])


def test_hinge_loss_example():
    # seed 000 L376-394 (random data: check against a numerical gradient)
    rng = np.random.default_rng(0)
    scores = 10 * rng.random((6, 4))
    labels = rng.integers(0, 4, size=6)

    def hinge(class_scores):
        class_labels = (range(len(labels)), labels)
        correct = class_scores[class_labels]
        lij = class_scores - correct[:, np.newaxis] + 1.0
        lij[lij <= 0] = 0
        lij[class_labels] = 0
        return lij.sum() / class_scores.shape[0]

    class_scores = Tensor(scores)
    loss = hinge(class_scores)
    loss.backward()
    assert class_scores.grad.shape == (6, 4)
    (num,) = numerical_gradient(hinge, scores)
    np.testing.assert_allclose(class_scores.grad, num, atol=1e-6)


def test_changelog_constant_semantics():
    # seed 000 L27037-27090
    t1 = mgc.tensor(1.0, constant=True)
    t2 = mgc.tensor(1.0, constant=True)
    assert add(t1, t2, constant=False).constant is False
    assert add(t1, t2).constant is True
    assert add(t1, t2, constant=None).constant is True


def test_forward_pass_creates_graph_and_ints_are_constants():
    # seed 000 L463-471 and L27148-27157
    x = tensor([[1, 2]])
    assert x.constant and (x * 2).constant
