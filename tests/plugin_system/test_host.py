"""The Host object and the contribution schema (``hookspecs.KINDS``), on a private
registry: registration, listing, isolation, change notification, validation."""

from __future__ import annotations

import types

import numpy as np
import pluggy
import pytest

from mygrad_core import hookimpl
from mygrad_core.errors import PluginConflictError
from mygrad_core.hookspecs import HOOKS, KINDS, MyGradHookSpecs
from mygrad_core.plugins import Host
from mygrad_core.registry import Registry


def make_hook(name, result):
    def hook():
        return result

    hook.__name__ = name
    return hookimpl(hook)


def fake(**hooks):
    module = types.ModuleType("fake_plugin")
    for name, result in hooks.items():
        setattr(module, name, make_hook(name, result))
    return module


@pytest.fixture
def host():
    return Host(Registry())


def test_kinds_cover_every_hookspec():
    specs = {n for n in vars(MyGradHookSpecs) if n.startswith("mygrad_")}
    assert set(HOOKS) == specs and len({k.hook for k in KINDS}) == len(KINDS)


def test_register_lists_and_unregister_restores(host):
    changes = []
    host.registry.subscribe(lambda: changes.append(1))
    f = np.negative
    host.register(fake(mygrad_functions={"f": f}, mygrad_numpy_data_functions=[np.isnan]), "p", distribution="d", version="1")
    assert host.registry.functions == {"f": f} and host.registry.data_ufuncs == {np.isnan: False}
    info = host.loaded["p"]
    assert info.contributes == {"functions": ["f"], "numpy overrides": ["numpy.isnan"]}
    assert (info.distribution, info.version) == ("d", "1") and changes == [1]
    host.unregister("p")
    assert host.registry.functions == {} and host.registry.data_ufuncs == {} and changes == [1, 1]
    assert host.loaded == {}


def test_isolated_keeps_only_the_named_plugins_and_restores(host):
    host.register(fake(mygrad_functions={"a": 1}), "keep")
    host.register(fake(mygrad_functions={"b": 2}), "drop")
    with host.isolated(keep=["keep"]) as iso:
        assert iso is host and list(host.loaded) == ["keep"] and host.discovered
        assert host.registry.functions == {"a": 1}
        host.register(fake(mygrad_functions={"c": 3}), "temp")
    assert list(host.loaded) == ["keep", "drop"] and host.registry.functions == {"a": 1, "b": 2}
    assert host.discovered is False and not host.pm.has_plugin("temp") and host.pm.has_plugin("drop")


@pytest.mark.parametrize(
    "hooks, message",
    [
        ({"mygrad_functions": [1]}, "'mygrad_functions' must return a dict"),
        ({"mygrad_functions": {"a.b": 1}}, "'a.b' is not an identifier"),
        ({"mygrad_namespaces": {"ns": 1}}, "'ns' must map to a module"),
        ({"mygrad_tensor_methods": {"_private": len}}, "'_private' is private"),
        ({"mygrad_tensor_methods": {"m": 1}}, "'m' must map to a callable"),
        ({"mygrad_numpy_data_functions": "np.isnan"}, "must return a list"),
        ({"mygrad_overrides": "sin"}, "'mygrad_overrides' must return a list"),
    ],
)
def test_wrong_results_are_named_and_rolled_back(host, hooks, message):
    with pytest.raises(TypeError, match=message):
        host.register(fake(**hooks), "bad")
    assert host.loaded == {} and not host.pm.has_plugin("bad") and host.registry.snapshot() == Registry().snapshot()


def test_operator_dunders_are_accepted(host):
    host.register(fake(mygrad_tensor_methods={"__add__": np.add}), "ops")
    assert host.registry.tensor_methods == {"__add__": np.add}


def test_forgotten_hookimpl_and_unknown_hook(host):
    undecorated = types.ModuleType("undecorated")
    undecorated.mygrad_functions = lambda: {"x": 1}
    with pytest.raises(pluggy.PluginValidationError, match="not decorated with @mygrad_core.hookimpl"):
        host.register(undecorated, "u")
    misspelled = types.ModuleType("misspelled")
    misspelled.mygrad_functons = make_hook("mygrad_functons", {"x": 1})
    with pytest.raises(pluggy.PluginValidationError, match="unknown hook 'mygrad_functons'"):
        host.register(misspelled, "m")
    assert host.loaded == {} and host.pm.list_name_plugin() == []


def test_reserved_names(host):
    own = object()
    host.reserve(["tensor"], {"tensor": own})
    host.register(fake(mygrad_functions={"tensor": own}), "same")  # the very object: fine
    with pytest.raises(PluginConflictError, match="'tensor', a name mygrad-core gives"):
        host.register(fake(mygrad_functions={"tensor": object()}), "other")
    assert list(host.loaded) == ["same"]


def test_default_on_miss_finds_nothing():
    assert Registry().on_miss("anything") is False
