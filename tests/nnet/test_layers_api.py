"""The layers' names and signatures, as API_CHECKLIST 9a and 10 list them."""

from __future__ import annotations

import inspect

import mygrad as mg
import mygrad_nnet
import pytest

P = inspect.Parameter
SIGNATURES = {
    "batchnorm": [
        ("x", P.POSITIONAL_OR_KEYWORD, P.empty),
        ("gamma", P.KEYWORD_ONLY, None),
        ("beta", P.KEYWORD_ONLY, None),
        ("eps", P.KEYWORD_ONLY, P.empty),
        ("constant", P.KEYWORD_ONLY, None),
    ],
    "conv_nd": [
        ("x", P.POSITIONAL_OR_KEYWORD, P.empty),
        ("filter_bank", P.POSITIONAL_OR_KEYWORD, P.empty),
        ("stride", P.KEYWORD_ONLY, P.empty),
        ("padding", P.KEYWORD_ONLY, 0),
        ("dilation", P.KEYWORD_ONLY, 1),
        ("constant", P.KEYWORD_ONLY, None),
    ],
    "max_pool": [
        ("x", P.POSITIONAL_OR_KEYWORD, P.empty),
        ("pool", P.POSITIONAL_OR_KEYWORD, P.empty),
        ("stride", P.POSITIONAL_OR_KEYWORD, P.empty),
        ("constant", P.KEYWORD_ONLY, None),
    ],
}


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_signature_and_reexport(name):
    func = getattr(mg.nnet.layers, name)
    assert getattr(mg.nnet, name) is func  # mygrad.nnet re-exports it
    got = [(p.name, p.kind, p.default) for p in inspect.signature(func).parameters.values()]
    assert got == SIGNATURES[name]


def test_sliding_window_view_signature():
    params = inspect.signature(mg.sliding_window_view).parameters
    assert list(params) == ["arr", "window_shape", "step", "dilation"]
    assert params["dilation"].default is None


def test_layers_namespace():
    from mygrad.nnet.layers import batchnorm, conv_nd, gru, max_pool  # noqa: F401

    assert mg.nnet.layers is mygrad_nnet.layers
    assert set(mygrad_nnet.layers.__all__) == {"batchnorm", "conv_nd", "gru", "max_pool"}
    assert "sliding_window_view" in dir(mg)
