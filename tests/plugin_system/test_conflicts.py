"""Two plugins providing the same key: conflicts, declared overrides, re-exports."""

from __future__ import annotations

import pytest

from ._helpers import probe, simple_plugin, write_dist


def provider(root, name, dist, body, package=None):
    package = package or f"{name}pkg"
    write_dist(root, dist, entry_points={name: f"{package}._plugin"}, files=simple_plugin(package, body))


def own_sin(tag, overrides=""):
    return f"""
def sin(x):
    return "{tag}"

@hookimpl
def mygrad_functions():
    return {{"sin": sin}}

@hookimpl
def mygrad_numpy_overrides():
    return {{np.sin: sin}}
{overrides}
"""


DECLARE = """
@hookimpl
def mygrad_overrides():
    return ["sin", np.sin]
"""


def test_conflict_names_both_distributions(tmp_path):
    provider(tmp_path, "aaa", "mygrad-aaa", own_sin("aaa"))
    provider(tmp_path, "bbb", "mygrad-bbb", own_sin("bbb"))
    r = probe(tmp_path, "R['sin'] = mg.sin(1.0); R['np_sin'] = np.sin(mg.tensor(1.0))")
    # aaa loads first (name order); bbb conflicts and is rolled back entirely
    assert r["sin"] == "aaa" and r["np_sin"] == "aaa"
    assert list(r["_loaded"]) == ["mygrad-core", "aaa"]
    (warning,) = r["_warnings"]
    assert "PluginConflictError" in warning
    assert "plugin 'bbb' (distribution mygrad-bbb 1.0)" in warning
    assert "plugin 'aaa' (distribution mygrad-aaa 1.0)" in warning
    assert "'sin'" in warning or "'numpy.sin'" in warning
    assert "bbb" not in r["_pm"]


@pytest.mark.parametrize("declarer", ["aaa", "bbb"])
def test_declared_override_wins_whatever_the_order(tmp_path, declarer):
    for name in ("aaa", "bbb"):
        provider(tmp_path, name, f"mygrad-{name}", own_sin(name, DECLARE if name == declarer else ""))
    r = probe(tmp_path, "R['sin'] = mg.sin(1.0); R['np_sin'] = np.sin(mg.tensor(1.0))")
    assert r["sin"] == declarer and r["np_sin"] == declarer
    assert r["_warnings"] == [] and list(r["_loaded"]) == ["mygrad-core", "aaa", "bbb"]
    other = "bbb" if declarer == "aaa" else "aaa"
    assert r["_loaded"][declarer][2] == {"functions": ["sin"], "numpy overrides": ["numpy.sin"]}
    assert r["_loaded"][other][2] == {}  # it lost both keys


def test_both_declaring_is_a_conflict_again(tmp_path):
    for name in ("aaa", "bbb"):
        provider(tmp_path, name, f"mygrad-{name}", own_sin(name, DECLARE))
    r = probe(tmp_path, "R['sin'] = mg.sin(1.0)")
    assert r["sin"] == "aaa"
    (warning,) = r["_warnings"]
    assert "both declare it in `mygrad_overrides`" in warning


def test_same_object_reexported_is_not_a_conflict(tmp_path):
    provider(tmp_path, "aaa", "mygrad-aaa", own_sin("aaa") + "\n@hookimpl\ndef mygrad_tensor_methods():\n    return {'sin': sin}\n")
    # bbb depends on aaa and re-exports aaa's very objects, also inside its own namespace
    files = simple_plugin(
        "bbbpkg",
        """
import aaapkg._plugin as base
import bbbpkg.ns as ns

@hookimpl
def mygrad_functions():
    return {"sin": base.sin, "also_sin": base.sin}

@hookimpl
def mygrad_numpy_overrides():
    return {np.sin: base.sin}

@hookimpl
def mygrad_tensor_methods():
    return {"sin": base.sin}

@hookimpl
def mygrad_namespaces():
    return {"bns": ns}
""",
    )
    files["bbbpkg/ns.py"] = "from aaapkg._plugin import sin\n"
    write_dist(tmp_path, "mygrad-bbb", entry_points={"bbb": "bbbpkg._plugin"}, requires=["mygrad-aaa"], files=files)
    r = probe(tmp_path, "R['same'] = [mg.sin is mg.also_sin is mg.bns.sin, mg.tensor(1.0).sin()]")
    assert r["same"] == [True, "aaa"]
    assert r["_warnings"] == [] and list(r["_loaded"]) == ["mygrad-core", "aaa", "bbb"]
    assert "functions:sin=aaa" in r["_registry"]["owners"]  # the first provider owns it
    assert r["_loaded"]["bbb"][2]["functions"] == ["sin", "also_sin"]  # but bbb provides it too


def test_conflict_with_a_core_numpy_override(tmp_path):
    provider(tmp_path, "aaa", "mygrad-aaa", "@hookimpl\ndef mygrad_numpy_overrides():\n    return {np.reshape: lambda *a, **k: 'mine'}\n")
    r = probe(tmp_path, "R['shape'] = list(np.reshape(mg.tensor([1.0, 2.0]), (2, 1)).shape)")
    assert r["shape"] == [2, 1]
    (warning,) = r["_warnings"]
    assert "plugin 'mygrad-core' (distribution mygrad-core" in warning and "'numpy.reshape'" in warning
