"""MYGRAD_DISABLE_PLUGINS, MYGRAD_DISABLE_PLUGIN_AUTOLOAD, run-time registration,
introspection."""

from __future__ import annotations

import pytest

from ._helpers import probe, records, simple_plugin, write_dist

HOOKS = "@hookimpl\ndef mygrad_functions():\n    return {'recorded': 1}\n"


def recorded_plugin(root):
    write_dist(root, "mygrad-recorded", entry_points={"recorded": "recpkg._plugin"}, files=simple_plugin("recpkg", HOOKS))


@pytest.mark.parametrize("value", ["recorded", "other, recorded", "mygrad-recorded", "mygrad_Recorded"])
def test_disable_plugins_blocks_before_import(tmp_path, value):
    recorded_plugin(tmp_path)
    r = probe(
        tmp_path,
        "R['has'] = hasattr(mg, 'recorded'); R['blocked'] = plugins.manager().is_blocked('recorded')",
        env={"MYGRAD_DISABLE_PLUGINS": value},
    )
    assert r["has"] is False and r["blocked"] is True
    assert records(tmp_path) == []  # the plugin's package was never imported
    assert "recorded" not in r["_loaded"] and r["_failed"] == {} and r["_warnings"] == []


def test_control_run_enables_it(tmp_path):
    recorded_plugin(tmp_path)
    r = probe(tmp_path, "R['has'] = mg.recorded")
    assert r["has"] == 1 and records(tmp_path) == ["recpkg", "recpkg._plugin"]


@pytest.mark.parametrize("value", ["1", "true"])
def test_disable_autoload(tmp_path, value):
    recorded_plugin(tmp_path)
    r = probe(
        tmp_path,
        """
        R['has'] = hasattr(mg, 'recorded')
        # run-time registration still works
        import recpkg._plugin
        mygrad_core.register_plugin(recpkg._plugin, "by-hand")
        R['after'] = mg.recorded
        """,
        env={"MYGRAD_DISABLE_PLUGIN_AUTOLOAD": value},
    )
    assert r["has"] is False and r["after"] == 1
    assert list(r["_loaded"]) == ["mygrad-core", "by-hand"]
    assert r["_loaded"]["by-hand"][:2] == [None, None]


RUNTIME = """
import types
from mygrad_core import UfuncOperation, make_ufunc, hookimpl

class Twice(UfuncOperation):
    def forward(self, x, **kw):
        return np.multiply(x, 2, **kw)
    def backward_var(self, grad, index, **kw):
        return 2 * grad

twice = make_ufunc(Twice, name="twice", nin=1)
plugin = types.ModuleType("runtime_plugin")
plugin.mygrad_functions = hookimpl(lambda: {"twice": twice})
plugin.mygrad_functions.__name__ = "mygrad_functions"
plugin.mygrad_tensor_methods = hookimpl(lambda core: {"twice": twice})
plugin.mygrad_numpy_overrides = hookimpl(lambda: {np.square: twice})

x = mg.tensor([1.0, 3.0])
R["before"] = [hasattr(mg, "twice"), "twice" in dir(mg)]
try:
    np.square(x)
except TypeError as e:
    R["np_before"] = "TypeError"
info = mygrad_core.register_plugin(plugin, "runtime", distribution="my-dist", version="9")
R["info"] = info.as_dict()
R["after"] = [mg.twice is twice, "twice" in dir(mg), x.twice().data.tolist()]
y = np.square(x)
y.backward()
R["np_after"] = [y.data.tolist(), x.grad.tolist()]
R["listed"] = "runtime" in mygrad_core.loaded_plugins()
try:
    mygrad_core.register_plugin(plugin, "runtime")
except ValueError as e:
    R["twice"] = str(e)
mygrad_core.unregister_plugin("runtime")
R["removed"] = [hasattr(mg, "twice"), "twice" in dir(mg), hasattr(x, "twice")]
"""


def test_runtime_registration_after_import(tmp_path):
    r = probe(tmp_path, RUNTIME)
    assert r["before"] == [False, False] and r["np_before"] == "TypeError"
    assert r["info"] == {
        "name": "runtime",
        "distribution": "my-dist",
        "version": "9",
        "contributes": {"functions": ["twice"], "numpy overrides": ["numpy.square"], "tensor methods": ["twice"]},
        "error": None,
    }
    assert r["after"] == [True, True, [2.0, 6.0]]
    assert r["np_after"] == [[2.0, 6.0], [2.0, 2.0]]
    assert r["listed"] is True
    assert "already registered" in r["twice"]
    assert r["removed"] == [False, False, False]


def test_runtime_conflict_raises_and_rolls_back(tmp_path):
    recorded_plugin(tmp_path)
    r = probe(
        tmp_path,
        """
        import types
        from mygrad_core import hookimpl, PluginConflictError
        mg.recorded
        before = plugins.REGISTRY.snapshot()
        p = types.SimpleNamespace(mygrad_functions=hookimpl(lambda: {"fresh": 1, "recorded": 2}))
        try:
            mygrad_core.register_plugin(p, "clash")
        except PluginConflictError as e:
            R["error"] = str(e)
        R["same"] = plugins.REGISTRY.snapshot() == before
        R["fresh"] = hasattr(mg, "fresh")
        """,
    )
    assert "plugin 'clash' (registered at run time)" in r["error"]
    assert "plugin 'recorded' (distribution mygrad-recorded 1.0)" in r["error"]
    assert r["same"] is True and r["fresh"] is False
    assert "clash" not in r["_pm"] and "clash" not in r["_loaded"]


def test_unregistering_an_override_gives_the_key_back(tmp_path):
    recorded_plugin(tmp_path)
    r = probe(
        tmp_path,
        """
        import types
        from mygrad_core import hookimpl
        R["a"] = mg.recorded
        p = types.SimpleNamespace(
            mygrad_functions=hookimpl(lambda: {"recorded": 2}),
            mygrad_overrides=hookimpl(lambda: ["recorded"]),
        )
        mygrad_core.register_plugin(p, "over")
        R["b"] = mg.recorded
        mygrad_core.unregister_plugin("over")
        R["c"] = mg.recorded
        """,
    )
    assert [r["a"], r["b"], r["c"]] == [1, 2, 1]
