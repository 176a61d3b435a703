"""mygrad.nnet's sub-namespaces are the plugin's own modules, aliased, never imported twice."""

import importlib
import sys

import mygrad as mg
import mygrad_math
import mygrad_nnet
import pytest

FAMILIES = {
    "activations": [
        "elu", "glu", "hard_tanh", "leaky_relu", "logsoftmax", "relu", "selu", "sigmoid",
        "soft_sign", "softmax", "tanh",
    ],
    "losses": [
        "focal_loss", "margin_ranking_loss", "multiclass_hinge", "negative_log_likelihood",
        "softmax_crossentropy", "softmax_focal_loss",
    ],
    "initializers": [
        "constant", "dirac", "glorot_normal", "glorot_uniform", "he_normal", "he_uniform",
        "identity", "normal", "uniform",
    ],
}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_exports_exactly_its_functions(family):
    module = getattr(mygrad_nnet, family)
    assert sorted(module.__all__) == sorted(FAMILIES[family])
    for name in FAMILIES[family]:
        assert callable(getattr(module, name))


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_facade_paths_give_the_very_same_objects(family):
    module = importlib.import_module(f"mygrad.nnet.{family}")
    assert module is getattr(mygrad_nnet, family)
    assert getattr(mg.nnet, family) is module
    for name in FAMILIES[family]:
        assert getattr(module, name) is getattr(getattr(mygrad_nnet, family), name)
    # aliased: no second copy of the plugin's modules under the facade's name
    assert sys.modules[f"mygrad.nnet.{family}"] is sys.modules[f"mygrad_nnet.{family}"]


def test_from_imports_as_the_seeds_write_them():
    # seed 000_7568d7cea38c6584.txt:23302, 23465, 23702, 24125, 24309, 24423, 24593, 25115
    from mygrad.nnet import (
        logsoftmax,
        negative_log_likelihood,
        relu,
        sigmoid,
        softmax,
        softmax_crossentropy,
    )
    from mygrad.nnet.activations import elu
    from mygrad.nnet.initializers import he_normal

    assert relu is mygrad_nnet.activations.relu
    assert sigmoid is mygrad_nnet.activations.sigmoid
    assert softmax is mygrad_nnet.activations.softmax
    assert logsoftmax is mygrad_nnet.activations.logsoftmax
    assert softmax_crossentropy is mygrad_nnet.losses.softmax_crossentropy
    assert negative_log_likelihood is mygrad_nnet.losses.negative_log_likelihood
    assert elu is mygrad_nnet.activations.elu
    assert he_normal is mygrad_nnet.initializers.he_normal


def test_nnet_reexports():
    for name in ["negative_log_likelihood", "softmax_crossentropy", "logsoftmax", "sigmoid", "softmax", "relu"]:
        assert name in mygrad_nnet.__all__
        assert getattr(mg.nnet, name) is getattr(mygrad_nnet, name)


def test_tanh_is_mygrads_own_ufunc():
    # seed 000_7568d7cea38c6584.txt:24640 documents it identically to mygrad.tanh
    assert mg.nnet.activations.tanh is mg.tanh
    assert mg.nnet.activations.tanh is mygrad_math.tanh
