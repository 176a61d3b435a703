"""Run the examples in our docstrings (core and every installed plugin) as doctests."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil
import re
from pathlib import Path

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


DOCS = Path(__file__).resolve().parents[2] / "docs"
_FENCE = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def _pages() -> list:
    return sorted(p.name for p in DOCS.glob("*.md") if ">>> " in p.read_text(encoding="utf-8"))


def _page_examples(text: str) -> str:
    """The page's ```python blocks, at their own line numbers (everything else blanked),
    as one doctest: later blocks see the names earlier ones defined."""
    keep = [""] * (text.count("\n") + 1)
    lines = text.split("\n")
    for m in _FENCE.finditer(text):
        first = text.count("\n", 0, m.start(1))
        for i in range(first, first + m.group(1).count("\n")):
            keep[i] = lines[i]
    return "\n".join(keep)


@pytest.mark.parametrize("page", _pages())
def test_docs_page_examples(page: str) -> None:
    path = DOCS / page
    test = doctest.DocTestParser().get_doctest(
        _page_examples(path.read_text(encoding="utf-8")), {"np": np}, page, str(path), 0
    )
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert test.examples, f"no examples found in {page}"
    assert runner.summarize(verbose=False).failed == 0, f"doctest example(s) failed in docs/{page}"
