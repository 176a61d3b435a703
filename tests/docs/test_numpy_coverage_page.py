"""The NumPy coverage page (docs/numpy-coverage.md) is what the registry holds: the page is
generated (``python docs/numpy_coverage.py > docs/numpy-coverage.md``) and this test
fails when an override is added or removed without regenerating it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.skipif(int(np.__version__.split(".")[0]) < 2, reason="the page is generated on NumPy 2")
def test_the_page_is_up_to_date():
    spec = importlib.util.spec_from_file_location("numpy_coverage", DOCS / "numpy_coverage.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.render()
    assert (DOCS / "numpy-coverage.md").read_text(encoding="utf-8") == expected, (
        "docs/numpy-coverage.md is out of date: run `python docs/numpy_coverage.py > docs/numpy-coverage.md`"
    )
