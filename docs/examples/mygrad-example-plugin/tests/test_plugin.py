"""The example as a plugin: what it adds to ``mygrad``, Tensor and NumPy dispatch."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys

import mygrad_example
import numpy as np
import pytest
from mygrad_example import _plugin

from mygrad_core import tensor


@pytest.fixture
def example(mygrad_registry):
    """mygrad-core plus this plugin only (whatever else is installed)."""
    return mygrad_registry(_plugin, "example-under-test")


def test_contributions(example):
    import mygrad as mg

    assert mg.softplus is mygrad_example.softplus
    assert mg.hypot is mygrad_example.hypot
    assert {"softplus", "hypot"} <= set(dir(mg))
    assert example.contributes == {
        "functions": ["softplus", "hypot"],
        "tensor methods": ["softplus"],
        "numpy overrides": ["numpy.hypot"],
    }


def test_tensor_method(example):
    x = tensor([0.0, 2.0])
    y = x.softplus()
    assert np.allclose(y.data, np.logaddexp(0, x.data))
    y.backward()
    assert np.allclose(x.grad, 1 / (1 + np.exp(-x.data)))


def test_numpy_dispatch(example):
    x = tensor([3.0, 5.0])
    out = np.hypot(x, [4.0, 12.0])
    assert not isinstance(out, np.ndarray) and np.allclose(out.data, [5.0, 13.0])
    out.backward()
    assert np.allclose(x.grad, [3 / 5, 5 / 13])


def test_without_the_plugin_numpy_refuses(mygrad_registry):
    with pytest.raises(TypeError):
        np.hypot(tensor([3.0]), 4.0)
    with pytest.raises(AttributeError):
        tensor([1.0]).softplus()


def _installed() -> bool:
    try:
        importlib.metadata.distribution("mygrad-example-plugin")
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


@pytest.mark.skipif(not _installed(), reason="mygrad-example-plugin is not installed")
def test_discovered_when_installed():
    code = (
        "import numpy as np, mygrad as mg\n"
        "x = mg.tensor([3.0]); np.hypot(x, 4.0).backward()\n"
        "print(mg.softplus is __import__('mygrad_example').softplus, float(x.grad[0]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "0.6"]
    listing = subprocess.run(
        [sys.executable, "-m", "mygrad", "plugins", "--json"], capture_output=True, text=True, check=True
    ).stdout
    (info,) = [p for p in json.loads(listing)["loaded"] if p["name"] == "example"]
    assert info["distribution"] == "mygrad-example-plugin" and info["version"] == "0.1.0"
