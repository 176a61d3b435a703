"""Bad inputs raise TypeError/ValueError naming the function and the argument."""

import mygrad as mg
import numpy as np
import pytest
from mygrad.nnet import activations as A
from mygrad.nnet import initializers as I
from mygrad.nnet import losses as L

X = np.zeros((2, 3))
Y = np.array([0, 2])

BAD_LOSS_CALLS = [
    # non-integer targets: TypeError (checklist 9b, multiclass_hinge's Raises)
    (TypeError, "y_true", lambda: L.softmax_crossentropy(X, np.array([0.0, 1.0]))),
    (TypeError, "y_true", lambda: L.multiclass_hinge(X, mg.tensor([0.0, 1.0]))),
    (TypeError, "y_true", lambda: L.negative_log_likelihood(X, [True, False])),
    (TypeError, "targets", lambda: L.focal_loss(X + 0.5, [0.5, 1.0])),
    (TypeError, "targets", lambda: L.softmax_focal_loss(X, np.array(["a", "b"]))),
    # wrong dimensions: ValueError naming the shapes
    (ValueError, r"\(2, 3, 1\)", lambda: L.softmax_crossentropy(X[..., None], Y)),
    (ValueError, r"\(3,\)", lambda: L.softmax_crossentropy(X[0], Y)),
    (ValueError, r"\(2, 1\)", lambda: L.multiclass_hinge(X, Y[:, None])),
    (ValueError, r"\(3,\)", lambda: L.negative_log_likelihood(X, [0, 1, 2])),
    (ValueError, r"\(2,\)", lambda: L.negative_log_likelihood(X, Y, weights=[1.0, 2.0])),
    (ValueError, r"\(3,\)", lambda: L.focal_loss(X + 0.5, [0, 1, 2])),
    (ValueError, r"\(4,\)", lambda: L.softmax_focal_loss(X, [0, 1, 2, 0])),
    # labels outside [0, C)
    (ValueError, "3", lambda: L.softmax_crossentropy(X, [0, 3])),
    (ValueError, "-1", lambda: L.multiclass_hinge(X, [-1, 0])),
    # focusing parameter
    (ValueError, "gamma", lambda: L.focal_loss(X + 0.5, Y, gamma=-1)),
    (ValueError, "gamma", lambda: L.softmax_focal_loss(X, Y, gamma=-0.5)),
    (TypeError, "alpha", lambda: L.focal_loss(X + 0.5, Y, alpha="1")),
    (TypeError, "hinge", lambda: L.multiclass_hinge(X, Y, hinge=None)),
    # margin ranking
    (ValueError, r"\(2, 3\).*\(3,\)", lambda: L.margin_ranking_loss(X, X[0], 1, 0.1)),
    (ValueError, r"\(2, 3, 1\)", lambda: L.margin_ranking_loss(X[..., None], X[..., None], 1, 0.1)),
    (ValueError, "margin", lambda: L.margin_ranking_loss(X, X, 1, -0.1)),
    (ValueError, "`y`", lambda: L.margin_ranking_loss(X, X, [1, 1, 1], 0.1)),
    (ValueError, "`y`", lambda: L.margin_ranking_loss(X, X, [1, 0], 0.1)),
]

BAD_ACTIVATION_CALLS = [
    (ValueError, "even", lambda: A.glu(np.zeros((2, 3)))),
    (ValueError, "0-D", lambda: A.glu(1.0)),
    (TypeError, "axis", lambda: A.glu(np.zeros(4), axis=None)),
    (np.exceptions.AxisError, "axis", lambda: A.glu(np.zeros(4), axis=1)),
    (np.exceptions.AxisError, "axis", lambda: A.softmax(np.zeros((2, 2)), axis=2)),
    (ValueError, "axis", lambda: A.logsoftmax(np.zeros((2, 2)), axis=(0, -2))),
    (TypeError, "axis", lambda: A.softmax(np.zeros((2, 2)), axis=[0, 1])),
    (TypeError, "alpha", lambda: A.elu(X, alpha="0.1")),
    (TypeError, "alpha", lambda: A.elu(X, alpha=None)),
    (TypeError, "slope", lambda: A.leaky_relu(X, slope="0.1")),
    (TypeError, "slope", lambda: A.leaky_relu(X, slope=True)),
    (ValueError, "lower_bound", lambda: A.hard_tanh(X, lower_bound=2, upper_bound=1)),
    (TypeError, "upper_bound", lambda: A.hard_tanh(X, upper_bound=[1, 2])),
]

BAD_INITIALIZER_CALLS = [
    # >= 2-D where documented, also for a bare int (MyGrad raises a TypeError there)
    (ValueError, r"\(5,\)", lambda: I.he_normal(5)),
    (ValueError, r"\(5,\)", lambda: I.he_uniform(5)),
    (ValueError, r"\(\)", lambda: I.glorot_normal()),
    (ValueError, r"\(5,\)", lambda: I.glorot_uniform((5,))),
    (ValueError, r"\(5,\)", lambda: I.dirac(5)),
    (TypeError, "shape", lambda: I.normal(2.0, 3)),
    (TypeError, "shape", lambda: I.uniform("3")),
    (ValueError, "shape", lambda: I.normal(2, -3)),
    (ValueError, "dtype", lambda: I.he_normal(2, 3, dtype=int)),
    (ValueError, "dtype", lambda: I.uniform(2, dtype="int32")),
    (TypeError, "dtype", lambda: I.normal(2, dtype="not-a-dtype")),
    (ValueError, "dtype", lambda: I.constant(2, dtype=complex)),
    (ValueError, "gain", lambda: I.glorot_uniform(2, 3, gain=-1)),
    (TypeError, "gain", lambda: I.he_uniform(2, 3, gain=mg.tensor([1.0, 2.0]))),
    (TypeError, "gain", lambda: I.he_uniform(2, 3, gain="2")),
    (ValueError, "std", lambda: I.normal(2, std=-1)),
    (ValueError, "lower_bound", lambda: I.uniform(2, lower_bound=1, upper_bound=1)),
    (TypeError, "`n`", lambda: I.identity(2.0)),
    (ValueError, "`n`", lambda: I.identity(-1)),
    (ValueError, "value", lambda: I.constant(2, 2, value=[1.0, 2.0, 3.0])),
]


PUBLIC = set(A.__all__) | set(I.__all__) | set(L.__all__)


def _name_of(call):
    # the one public function the lambda calls
    (name,) = set(call.__code__.co_names) & PUBLIC
    return name


@pytest.mark.parametrize(
    "exc, match, call",
    BAD_LOSS_CALLS + BAD_ACTIVATION_CALLS + BAD_INITIALIZER_CALLS,
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_bad_input_is_reported_by_name(exc, match, call):
    with pytest.raises(exc, match=match) as info:
        call()
    # the message starts with the public function's name
    assert str(info.value).startswith(_name_of(call) + ":"), str(info.value)


def test_integer_class_labels_as_a_float_tensor_of_integers_are_still_rejected():
    # mg.Tensor([0, 2]) is an integer tensor (accepted); a float one is not, even when whole
    L.softmax_crossentropy(X, mg.Tensor([0, 2]))
    with pytest.raises(TypeError, match="dtype float64"):
        L.softmax_crossentropy(X, mg.Tensor([0.0, 2.0]))
