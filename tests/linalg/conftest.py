"""The linalg tests run against an isolated registry holding mygrad-core's own entries
and mygrad-linalg only, so no other installed plugin (e.g. mygrad-math's arithmetic)
can leak into them: expected values are computed with NumPy on ``.data``."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def linalg_only(mygrad_registry):
    mygrad_registry("linalg")  # the installed entry point of mygrad-linalg
    yield
