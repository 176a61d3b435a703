"""Each standard plugin's static manifest (``mygrad-plugin.json``) names exactly what the
plugin contributes: discovery reads it without importing the plugin, so a manifest that
drifts from the code would send a name to the wrong place, or to no plugin at all."""

from __future__ import annotations

import importlib
import importlib.metadata as md
import json
import os

import pytest

from mygrad_core import discovery

STANDARD = ["math", "linalg", "nnet", "random", "io", "graphviz"]
INSTALLED = {ep.name: ep for ep in md.entry_points(group="mygrad.plugins") if ep.name in STANDARD}


@pytest.mark.parametrize("name", sorted(INSTALLED))
def test_manifest_matches_the_hooks(name):
    plugin = importlib.import_module(INSTALLED[name].value)
    package = importlib.import_module(INSTALLED[name].value.split(".")[0])
    path = os.path.join(os.path.dirname(package.__file__), "mygrad-plugin.json")
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    hooked_functions = set(getattr(plugin, "mygrad_functions", lambda: {})())
    hooked_namespaces = set(getattr(plugin, "mygrad_namespaces", lambda: {})())
    listed = set()
    for module in manifest["modules"]:
        names = discovery._module_all(module)
        assert names is not None, f"{module}.__all__ is not a literal list: discovery cannot read it"
        listed.update(names)
    assert listed == hooked_functions
    assert set(manifest["namespaces"]) == hooked_namespaces
