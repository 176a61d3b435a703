"""Discovery through real distribution metadata: good, broken and duplicate plugins,
validation, dependency order, laziness."""

from __future__ import annotations

import pytest

from ._helpers import probe, records, simple_plugin, write_dist

GOOD_HOOKS = """
from mygrad_core import UfuncOperation, make_ufunc
import goodpkg.ops as ops

class Cube(UfuncOperation):
    def forward(self, x, **kwargs):
        return np.power(x, 3, **kwargs)
    def backward_var(self, grad, index, **kwargs):
        return grad * 3 * self.variables[0].data ** 2

cube = make_ufunc(Cube, name="cube", nin=1)

@hookimpl
def mygrad_functions(core):            # takes the optional `core` argument
    assert core.__name__ == "mygrad_core"
    return {"cube": cube, "answer": 42}

@hookimpl
def mygrad_namespaces():
    return {"goodns": ops}

@hookimpl
def mygrad_numpy_overrides():
    return {np.cbrt: cube}               # (deliberately wrong maths: it is a dispatch test)

@hookimpl
def mygrad_numpy_data_functions():
    return [np.heaviside]

@hookimpl
def mygrad_numpy_constant_functions():
    return [np.fix]

@hookimpl
def mygrad_tensor_methods():
    return {"cube": cube}
"""


def good_plugin(root, dist="mygrad-good", name="good", version="1.2.3"):
    files = simple_plugin("goodpkg", GOOD_HOOKS)
    files["goodpkg/ops.py"] = "def twice(x):\n    return 2 * x\n"
    write_dist(root, dist, version=version, entry_points={name: "goodpkg._plugin"}, files=files)


def test_good_plugin_contributes_everything(tmp_path):
    good_plugin(tmp_path)
    r = probe(
        tmp_path,
        """
        x = mg.tensor([1.0, 2.0])
        R["lazy"] = [plugins.HOST.discovered, "goodpkg" in sys.modules]
        R["answer"] = mg.answer                       # first miss: discovery runs
        R["cube_is"] = mg.cube is sys.modules["goodpkg._plugin"].cube
        R["ns_is"] = mg.goodns is sys.modules["goodpkg.ops"]
        R["in_dir"] = {"cube", "answer", "goodns"} <= set(dir(mg))
        y = np.cbrt(x)                                # NumPy override -> the plugin's op
        y.backward()
        R["np_override"] = [type(y).__name__, y.data.tolist(), x.grad.tolist()]
        R["method"] = x.cube().data.tolist()
        R["data_fn"] = type(np.heaviside(mg.tensor([-1.0, 1.0]), 0.5)).__name__
        try:
            np.fix(mg.tensor([1.5]))
        except ValueError as e:
            R["constant_fn"] = "ValueError"
        R["constant_fn_ok"] = np.fix(mg.tensor([1.5], constant=True)).tolist()
        """,
    )
    assert r["lazy"] == [False, False]  # `import mygrad` alone does not discover
    assert r["answer"] == 42 and r["cube_is"] and r["ns_is"] and r["in_dir"]
    assert r["np_override"] == ["Tensor", [1.0, 8.0], [3.0, 12.0]]
    assert r["method"] == [1.0, 8.0]
    assert r["data_fn"] == "ndarray"
    assert r["constant_fn"] == "ValueError" and r["constant_fn_ok"] == [1.0]
    assert r["_warnings"] == [] and r["_failed"] == {}
    dist, version, contributes = r["_loaded"]["good"]
    assert (dist, version) == ("mygrad-good", "1.2.3")
    assert contributes == {
        "functions": ["cube", "answer"],
        "namespaces": ["goodns"],
        "tensor methods": ["cube"],
        "numpy overrides": ["numpy.cbrt", "numpy.heaviside", "numpy.fix"],
    }
    assert r["_pm"] == ["good", "mygrad-core"]


BROKEN_IMPORT = {"brokenpkg/__init__.py": "raise RuntimeError('boom at import')\n"}

HOOK_RAISES = """
@hookimpl
def mygrad_functions():
    return {"half_done": 1}

@hookimpl
def mygrad_numpy_overrides():
    raise ZeroDivisionError("boom in a hook")
"""


@pytest.mark.parametrize(
    "kind, files, error",
    [
        ("import", BROKEN_IMPORT, "RuntimeError: boom at import"),
        ("hook", simple_plugin("brokenpkg", HOOK_RAISES), "ZeroDivisionError: boom in a hook"),
        (
            "unknown argument",
            simple_plugin("brokenpkg", "@hookimpl\ndef mygrad_functions(core, registry):\n    return {}\n"),
            "PluginValidationError",
        ),
        (
            "misspelled hook",
            simple_plugin("brokenpkg", "@hookimpl\ndef mygrad_fuctions():\n    return {'x': 1}\n"),
            "unknown hook 'mygrad_fuctions'",
        ),
        (
            "missing @hookimpl",
            simple_plugin("brokenpkg", "def mygrad_functions():\n    return {'x': 1}\n"),
            "not decorated with @mygrad_core.hookimpl",
        ),
        (
            "wrong return type",
            simple_plugin("brokenpkg", "@hookimpl\ndef mygrad_functions():\n    return ['x']\n"),
            "must return a dict",
        ),
    ],
)
def test_broken_plugin_is_reported_and_the_rest_load(tmp_path, kind, files, error):
    write_dist(tmp_path, "mygrad-broken", version="0.9", entry_points={"broken": "brokenpkg._plugin"}, files=files)
    good_plugin(tmp_path)
    r = probe(tmp_path, "R['cube'] = mg.cube.__name__")
    assert r["cube"] == "cube"  # the good plugin loaded
    assert list(r["_loaded"]) == ["mygrad-core", "good"]
    (warning,) = r["_warnings"]
    assert warning.startswith("MyGradPluginWarning: the mygrad plugin 'broken' from distribution mygrad-broken 0.9")
    assert error in warning
    assert r["_failed"]["broken"][0] == "mygrad-broken" and error in r["_failed"]["broken"][1]
    assert "broken" not in r["_pm"]  # also gone from the PluginManager
    assert not any("half_done" in entry for entry in r["_registry"]["functions"])


def test_duplicate_entry_point_names_are_reported(tmp_path):
    good_plugin(tmp_path, dist="mygrad-good-a", name="same")
    files = simple_plugin("otherpkg", "@hookimpl\ndef mygrad_functions():\n    return {'other': 1}\n")
    write_dist(tmp_path, "mygrad-good-b", entry_points={"same": "otherpkg._plugin"}, files=files)
    r = probe(tmp_path)
    # the first distribution in name order wins, deterministically; the other is reported
    assert r["_loaded"]["same"][0] == "mygrad-good-a"
    (warning,) = r["_warnings"]
    assert "'same' of distribution mygrad-good-b" in warning and "already taken by mygrad-good-a" in warning
    assert r["_failed"] == {"same (mygrad-good-b)": ["mygrad-good-b", warning.split(": ", 1)[1]]}
    assert "otherpkg" not in records(tmp_path)  # never imported


def test_dependency_order(tmp_path):
    # "aaa" sorts first, but its distribution requires mygrad-zzz: zzz loads first, and
    # aaa imports zzz's package directly (never through `mg.`)
    base = simple_plugin("zzzpkg", "@hookimpl\ndef mygrad_functions():\n    return {'base': 1}\n")
    write_dist(tmp_path, "mygrad-zzz", entry_points={"zzz": "zzzpkg._plugin"}, files=base)
    dependent = simple_plugin(
        "aaapkg",
        "import zzzpkg._plugin\n"
        "import mygrad_core.plugins as P\n"
        "LOADED_BEFORE = list(P.HOST.loaded)\n"
        "@hookimpl\ndef mygrad_functions():\n    return {'derived': LOADED_BEFORE}\n",
    )
    write_dist(
        tmp_path,
        "mygrad-aaa",
        entry_points={"aaa": "aaapkg._plugin"},
        requires=["mygrad-core", "Mygrad_ZZZ>=1.0", "pytest; extra == 'testing'"],
        files=dependent,
    )
    r = probe(tmp_path, "R['derived'] = mg.derived")
    assert list(r["_loaded"]) == ["mygrad-core", "zzz", "aaa"]
    assert r["derived"] == ["mygrad-core", "zzz"]
    assert r["_warnings"] == []


def test_outcome_is_deterministic(tmp_path):
    for i in range(4):
        files = simple_plugin(f"pkg{i}", f"@hookimpl\ndef mygrad_functions():\n    return {{'f{i}': {i}}}\n")
        write_dist(tmp_path, f"mygrad-p{i}", entry_points={f"p{3 - i}": f"pkg{i}._plugin"}, files=files)
    first = probe(tmp_path)
    second = probe(tmp_path)
    assert list(first["_loaded"]) == ["mygrad-core", "p0", "p1", "p2", "p3"]
    assert first["_loaded"] == second["_loaded"] and first["_registry"] == second["_registry"]


@pytest.mark.parametrize(
    "trigger",
    [
        "mg.answer",
        "mg.tensor([1.0]).cube()",
        "np.cbrt(mg.tensor([1.0]))",
        "import mygrad.goodns",
        "dir(mg)",
        "mygrad_core.loaded_plugins()",
    ],
)
def test_discovery_is_lazy_and_runs_on_the_first_miss(tmp_path, trigger):
    good_plugin(tmp_path)
    r = probe(
        tmp_path,
        f"""
        x = mg.tensor([1.0, 2.0]); y = mg.reshape(x, (2, 1)); np.transpose(y); x.shape
        R["before"] = [plugins.HOST.discovered, "goodpkg" in sys.modules]
        {trigger}
        R["after"] = [plugins.HOST.discovered, "goodpkg" in sys.modules]
        """,
    )
    assert r["before"] == [False, False]
    assert r["after"] == [True, True]
    assert records(tmp_path) == ["goodpkg", "goodpkg._plugin"]  # imported once, on demand
