"""The examples in the layers' docstrings run as doctests."""

from __future__ import annotations

import doctest
import importlib

import numpy as np
import pytest

MODULES = [
    "mygrad_nnet.layers.utils",
    "mygrad_nnet.layers.conv",
    "mygrad_nnet.layers.pooling",
    "mygrad_nnet.layers.batchnorm",
    "mygrad_nnet.layers.gru",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    ran = 0
    for test in finder.find(module, name, extraglobs={"np": np}):
        runner.run(test)
        ran += len(test.examples)
    assert ran > 0, f"{name} has no examples"
    assert runner.summarize(verbose=False).failed == 0, f"doctest failures in {name}"
