"""The standard import: sub-module aliasing (identity, execution counts), dir(),
missing-plugin messages, and Tensor.__getattr__."""

from __future__ import annotations

import pytest

from ._helpers import INSTALLED_PLUGINS, RECORD, probe, records, write_dist

# sigpkg.signal is a package: windows is imported by its __init__, filters and
# filters.deep are only imported on demand
FILES = {
    "sigpkg/__init__.py": RECORD,
    "sigpkg/_plugin.py": RECORD
    + "from mygrad_core import hookimpl\nimport sigpkg.signal as signal\n"
    "@hookimpl\ndef mygrad_namespaces():\n    return {'signal': signal}\n",
    "sigpkg/signal/__init__.py": RECORD + "from sigpkg.signal.windows import hann\n",
    "sigpkg/signal/windows.py": RECORD + "def hann(n):\n    return n\n",
    "sigpkg/signal/filters/__init__.py": RECORD + "def lowpass(x):\n    return x\n",
    "sigpkg/signal/filters/deep.py": RECORD + "VALUE = object()\n",
}


def signal_plugin(root):
    write_dist(root, "mygrad-signal", entry_points={"signal": "sigpkg._plugin"}, files=FILES)


ALIASING = {
    "import first": """
        import mygrad.signal
        import mygrad.signal.filters
        import mygrad.signal.filters.deep as deep1
        from mygrad.signal import hann
        from mygrad.signal.filters import lowpass
        from mygrad.signal.filters.deep import VALUE
        import sigpkg.signal, sigpkg.signal.filters, sigpkg.signal.filters.deep
        """,
    "attribute first": """
        mg.signal.hann
        import sigpkg.signal.filters.deep
        import mygrad.signal.filters.deep as deep1
        from mygrad.signal.filters.deep import VALUE
        from mygrad.signal import hann
        from mygrad.signal.filters import lowpass
        import mygrad.signal, mygrad.signal.filters
        """,
    "deep import first": """
        from mygrad.signal.filters.deep import VALUE
        import mygrad.signal.filters.deep as deep1
        import mygrad.signal.filters
        from mygrad.signal import hann
        from mygrad.signal.filters import lowpass
        import sigpkg.signal, sigpkg.signal.filters, sigpkg.signal.filters.deep
        """,
}

CHECKS = """
R["identity"] = [
    mygrad.signal is mg.signal is sigpkg.signal,
    mygrad.signal.filters is mg.signal.filters is sigpkg.signal.filters,
    deep1 is sigpkg.signal.filters.deep,
    hann is mg.signal.hann is sigpkg.signal.windows.hann,
    lowpass is sigpkg.signal.filters.lowpass,
    VALUE is sigpkg.signal.filters.deep.VALUE,
    sys.modules["mygrad.signal.filters.deep"] is sigpkg.signal.filters.deep,
]
R["names"] = [mg.signal.__name__, mg.signal.__spec__.name, mg.signal.filters.__name__]
R["in_dir"] = "signal" in dir(mg)
"""


@pytest.mark.parametrize("order", sorted(ALIASING))
def test_submodules_are_aliased_never_executed_twice(tmp_path, order):
    signal_plugin(tmp_path)
    import textwrap

    r = probe(tmp_path, textwrap.dedent(ALIASING[order]) + CHECKS)
    assert r["identity"] == [True] * 7
    # the modules keep their own identity (no second module object named mygrad.*)
    assert r["names"] == ["sigpkg.signal", "sigpkg.signal", "sigpkg.signal.filters"]
    assert r["in_dir"] is True
    executed = records(tmp_path)
    assert sorted(executed) == sorted(
        [
            "sigpkg",
            "sigpkg._plugin",
            "sigpkg.signal",
            "sigpkg.signal.windows",
            "sigpkg.signal.filters",
            "sigpkg.signal.filters.deep",
        ]
    ), executed  # each file exactly once


def test_missing_standard_plugin_messages(tmp_path):
    r = probe(
        tmp_path,
        """
        def err(code):
            try:
                exec(code, {"mg": mg, "np": np})
            except BaseException as e:
                return [type(e).__name__, isinstance(e, AttributeError), str(e)]
            return None
        R["attr"] = err("mg.nnet")
        R["import"] = err("import mygrad.nnet")
        R["from"] = err("from mygrad.nnet.layers import conv_nd")
        R["getattr_default"] = getattr(mg, "nnet", "default")
        R["hasattr"] = hasattr(mg, "sliding_window_view")
        R["unknown"] = err("mg.no_such_name")
        R["unknown_import"] = err("import mygrad.no_such_module")
        R["operator"] = err("mg.tensor([1.0]) + 1")
        R["method"] = err("mg.tensor([1.0]).mean()")
        R["numpy"] = err("np.sin(mg.tensor([1.0]))")
        """,
    )
    name, is_attr, msg = r["attr"]
    assert is_attr and "'mygrad.nnet'" in msg and "'mygrad-nnet'" in msg
    if "nnet" in INSTALLED_PLUGINS:  # the probe disables the installed plugins
        assert "installed but disabled" in msg and "not installed" not in msg
    else:
        assert "plugins/mygrad-nnet" in msg and "pip install" in msg
    name, _, msg = r["import"]
    assert name == "ModuleNotFoundError" and "mygrad-nnet" in msg
    assert r["from"][0] == "ModuleNotFoundError" and "mygrad-nnet" in r["from"][2]
    assert r["getattr_default"] == "default" and r["hasattr"] is False
    assert r["unknown"] == ["AttributeError", True, "module 'mygrad' has no attribute 'no_such_name'"]
    assert r["unknown_import"][0] == "ModuleNotFoundError" and "install" not in r["unknown_import"][2]
    assert r["operator"][0] == "TypeError" and "mygrad-math" in r["operator"][2]
    # plain function names are known from an installed distribution's manifest only
    assert r["method"][1] and ("mygrad-math" in r["method"][2]) == ("math" in INSTALLED_PLUGINS)
    assert r["numpy"][0] == "TypeError" and ("mygrad-math" in r["numpy"][2]) == ("math" in INSTALLED_PLUGINS)


def test_private_and_dunder_names_never_trigger_discovery(tmp_path):
    signal_plugin(tmp_path)
    r = probe(
        tmp_path,
        """
        calls = []
        from mygrad_core.registry import REGISTRY
        import mygrad_core._facade_support as fs
        real, real_provider = fs.ensure_loaded, REGISTRY.on_miss
        def spy():
            calls.append(1)
            return real()
        def spy_provider(key):
            calls.append(1)
            return real_provider(key)
        fs.ensure_loaded, REGISTRY.on_miss = spy, spy_provider
        t = mg.tensor([1.0, 2.0])
        for name in ("_foo", "__array_interface__", "__array_struct__", "__torch_function__", "_private"):
            R.setdefault("tensor", []).append(hasattr(t, name))
        np.asarray(t); np.array(t); repr(t)
        for name in ("__wrapped__", "__path__x", "_foo"):
            R.setdefault("facade", []).append(hasattr(mg, name))
        R["calls"] = len(calls)
        R["discovered"] = plugins.HOST.discovered
        R["public"] = hasattr(t, "public_method")   # a public name may discover
        R["calls_after"] = len(calls)
        """,
    )
    assert r["tensor"] == [False] * 5 and r["facade"] == [False] * 3
    assert r["calls"] == 0 and r["discovered"] is False
    assert r["public"] is False and r["calls_after"] == 1


def test_facade_submodules_do_not_trigger_discovery(tmp_path):
    signal_plugin(tmp_path)
    r = probe(
        tmp_path,
        """
        import mygrad.errors, mygrad.typing, mygrad.operation_base
        import importlib.util
        R["main"] = importlib.util.find_spec("mygrad.__main__") is not None
        R["discovered"] = [plugins.HOST.discovered, "sigpkg" in sys.modules]
        """,
    )
    assert r["main"] is True and r["discovered"] == [False, False]


def test_unregistered_namespace_alias_goes_away(tmp_path):
    signal_plugin(tmp_path)
    r = probe(
        tmp_path,
        """
        import mygrad.signal.filters
        mygrad_core.unregister_plugin("signal")
        R["gone"] = ["mygrad.signal" in sys.modules, "mygrad.signal.filters" in sys.modules, hasattr(mg, "signal")]
        try:
            import mygrad.signal
        except ModuleNotFoundError:
            R["import"] = "ModuleNotFoundError"
        """,
    )
    assert r["gone"] == [False, False, False] and r["import"] == "ModuleNotFoundError"


def signal_plugin_with_manifest(root):
    signal_plugin(root)
    (root / "sigpkg" / "mygrad-plugin.json").write_text('{"modules": [], "namespaces": ["signal"]}')


def test_disabled_plugin_is_reported_as_disabled(tmp_path):
    signal_plugin_with_manifest(tmp_path)
    r = probe(
        tmp_path,
        """
        try:
            mg.signal
        except AttributeError as e:
            R["msg"] = str(e)
        """,
        env={"MYGRAD_DISABLE_PLUGINS": "signal"},
    )
    assert "disabled" in r["msg"] and "not installed" not in r["msg"] and "mygrad-signal" in r["msg"]


def test_disabled_plugin_is_reported_as_disabled_in_the_isolated_registry(tmp_path):
    signal_plugin_with_manifest(tmp_path)
    r = probe(
        tmp_path,
        """
        from mygrad_core.plugins import HOST
        with HOST.isolated():
            try:
                mg.signal
            except AttributeError as e:
                R["msg"] = str(e)
        """,
        env={"MYGRAD_DISABLE_PLUGINS": "signal"},
    )
    assert "disabled" in r["msg"] and "not installed" not in r["msg"]


def test_missing_message_names_the_distribution_and_where_it_comes_from(monkeypatch):
    from mygrad_core.registry import REGISTRY, missing_message

    monkeypatch.setattr(REGISTRY, "provider_state", lambda dist: None)  # not installed
    msg = missing_message("'mygrad.random'", "random")
    assert "'mygrad-random'" in msg and "not installed" in msg and "plugins/mygrad-random" in msg
    assert "mygrad-linalg" in missing_message("the operator '@'", "__matmul__")
    assert "mygrad-math" in missing_message("the operator '+'", "__add__")
    monkeypatch.setattr(REGISTRY, "provider_state", lambda dist: "disabled (MYGRAD_DISABLE_PLUGINS)")
    msg = missing_message("'mygrad.random'", "random")
    assert "installed but disabled" in msg and "not installed" not in msg
    monkeypatch.setattr(REGISTRY, "provider_state", lambda dist: "loaded")
    assert "does not provide it" in missing_message("'mygrad.random'", "random")
    assert "any installed mygrad plugin" in missing_message("'mygrad.zzz'", "zzz_unknown_name")
