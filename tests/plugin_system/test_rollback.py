"""A plugin that fails leaves the registry exactly as if it were not installed."""

from __future__ import annotations

import shutil

import pytest

from ._helpers import probe, simple_plugin, write_dist

BASE = """
def f(x):
    return x

@hookimpl
def mygrad_functions():
    return {"base_f": f}

@hookimpl
def mygrad_numpy_overrides():
    return {np.exp2: f}
"""

# each contributes several kinds successfully before the failure
FAILING = {
    "hook raises": """
@hookimpl
def mygrad_functions():
    return {"bad_f": len, "base_f": len}
@hookimpl
def mygrad_tensor_methods():
    return {"bad_m": len}
@hookimpl
def mygrad_numpy_data_functions():
    return [np.isnan]
@hookimpl
def mygrad_namespaces():
    raise KeyError("late failure")
""",
    "conflict": """
@hookimpl
def mygrad_functions():
    return {"bad_f": len}
@hookimpl
def mygrad_numpy_data_functions():
    return [np.isnan, np.exp2]      # np.exp2 is the base plugin's
@hookimpl
def mygrad_tensor_methods():
    return {"bad_m": len}
""",
    "bad value": """
@hookimpl
def mygrad_functions():
    return {"bad_f": len}
@hookimpl
def mygrad_tensor_methods():
    return {"bad_m": 3}             # not callable
""",
}

BODY = "R['has_bad'] = [hasattr(mg, 'bad_f'), hasattr(mg.tensor(1.0), 'bad_m'), mg.base_f(2)]"


@pytest.mark.parametrize("kind", sorted(FAILING))
def test_failed_plugin_leaves_registry_as_if_absent(tmp_path, kind):
    with_bad = tmp_path / "with"
    without = tmp_path / "without"
    for root in (with_bad, without):
        write_dist(root, "mygrad-base", entry_points={"base": "basepkg._plugin"}, files=simple_plugin("basepkg", BASE))
    write_dist(with_bad, "mygrad-bad", entry_points={"zbad": "badpkg._plugin"}, files=simple_plugin("badpkg", FAILING[kind]))
    r_with = probe(with_bad, BODY)
    r_without = probe(without, BODY)
    assert r_with["_failed"]["zbad"][0] == "mygrad-bad"  # loads after base (name order)
    assert r_with["has_bad"] == r_without["has_bad"] == [False, False, 2]
    assert r_with["_registry"] == r_without["_registry"]
    assert r_with["_loaded"] == r_without["_loaded"]
    assert r_with["_pm"] == r_without["_pm"]
    shutil.rmtree(tmp_path)
