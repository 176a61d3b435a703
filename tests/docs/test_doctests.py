"""Run the examples in our docstrings (core and every installed plugin) as doctests."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil

import numpy as np
import pytest

PACKAGES = ["mygrad_core", "mygrad_math", "mygrad_linalg", "mygrad_random", "mygrad_io", "mygrad_graphviz", "mygrad_nnet"]
SKIP = {"mygrad_core.demo", "mygrad_core.cli", "mygrad_core.testing.strategies", "mygrad_core.testing.pytest_plugin"}


def _walk(name: str, path: list) -> list:
    out = []
    for info in pkgutil.iter_modules(path, prefix=name + "."):
        # mygrad_core._mygrad is the source of the `mygrad` facade: never import it twice
        if info.name in SKIP or info.name.endswith("._mygrad") or ".tests" in info.name:
            continue
        out.append(info.name)
        if info.ispkg:
            sub = importlib.import_module(info.name)
            out += _walk(info.name, list(sub.__path__))
    return out


def _modules() -> list:
    names = []
    for pkg in PACKAGES:
        if importlib.util.find_spec(pkg) is None:
            continue
        mod = importlib.import_module(pkg)
        names.append(pkg)
        names += _walk(pkg, list(mod.__path__))
    return names


@pytest.mark.parametrize("module_name", _modules())
def test_docstring_examples(module_name: str) -> None:
    module = importlib.import_module(module_name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    tests = finder.find(module, module_name, extraglobs={"np": np})
    ran = 0
    for test in tests:
        if test.examples:
            runner.run(test)
            ran += len(test.examples)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} doctest example(s) failed in {module_name}"
