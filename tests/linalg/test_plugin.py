"""How mygrad-linalg plugs into mygrad: entry point, names, operators, NumPy overrides."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import distribution

import mygrad as mg
import mygrad_linalg
import numpy as np

from mygrad_core.registry import REGISTRY


def test_entry_point_and_dependencies():
    dist = distribution("mygrad-linalg")
    eps = [ep for ep in dist.entry_points if ep.group == "mygrad.plugins"]
    assert [(ep.name, ep.value) for ep in eps] == [("linalg", "mygrad_linalg._plugin")]
    # mygrad-core only (no other plugin), with a compatible version range
    from packaging.requirements import Requirement

    assert [Requirement(r).name for r in dist.requires or []] == ["mygrad-core"]


def test_does_not_import_other_plugins():
    code = (
        "import sys, mygrad_linalg, mygrad_linalg._plugin;"
        "print(sorted(m for m in sys.modules if m.startswith('mygrad_') and "
        "not m.startswith(('mygrad_core', 'mygrad_linalg'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_top_level_names():
    assert mg.matmul is mygrad_linalg.matmul
    assert mg.multi_matmul is mygrad_linalg.multi_matmul
    assert mg.einsum is mygrad_linalg.einsum
    assert mg.linalg is mygrad_linalg.linalg
    assert mg.linalg.norm is mygrad_linalg.norm


def test_numpy_overrides_and_operator_are_registered():
    assert REGISTRY.ufunc_overrides[np.matmul] is mygrad_linalg.matmul
    assert REGISTRY.function_overrides[np.einsum] is mygrad_linalg.einsum
    assert REGISTRY.function_overrides[np.linalg.norm] is mygrad_linalg.norm
    assert REGISTRY.tensor_methods["__matmul__"] is mygrad_linalg.matmul


def test_everything_together():
    x = mg.tensor([[1.0, 2.0], [3.0, 4.0]])
    y = mg.einsum("ij,jk->", x, x @ x)
    y.backward()
    xd = x.data
    # d/dX sum(X X X) = 1 (XX)^T + X^T 1 X^T + (XX)^T 1
    ones = np.ones((2, 2))
    expected = ones @ (xd @ xd).T + xd.T @ ones @ xd.T + (xd @ xd).T @ ones
    np.testing.assert_allclose(x.grad, expected)


def test_tests_run_with_only_core_and_linalg():
    """The conftest isolates the registry: nothing from another plugin is visible."""
    owners = {owner for owner in REGISTRY.owners.values()}
    assert owners <= {"mygrad-core", "linalg"}
    assert "__add__" not in REGISTRY.tensor_methods
