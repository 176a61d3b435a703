"""The kit's second half: the pytest11 plugin (lazy hypothesis), the
``mygrad_registry`` fixture and ``check_op_contract``."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest

import mygrad_core as mgc
from mygrad_core import UfuncOperation, make_ufunc
from mygrad_core.testing import check_op_contract

from ._helpers import run_python, simple_plugin, write_dist

# hypothesis is installed here: shadow it with a package that fails like a missing one
# (a sys.meta_path blocker is not enough: pytest's assertion-rewriting finder imports
# the modules of pytest11 distributions itself, ahead of any later finder)
BLOCK_HYPOTHESIS = """\
raise ModuleNotFoundError("No module named 'hypothesis' (hidden by the test)", name="hypothesis")
"""

KIT_TESTS = """
import sys
import pytest
import numpy as np
import mygrad_core
from mygrad_core.testing import assert_grads_match_numerical, check_op_contract

def test_kit_without_hypothesis(mygrad_registry):
    assert "hypothesis" not in sys.modules
    with pytest.raises(ImportError):
        import hypothesis  # noqa: F401
    import kitpkg._plugin as plugin
    mygrad_registry(plugin)
    import mygrad as mg
    assert mg.kit_f(3) == 3
    assert_grads_match_numerical(mygrad_core.transpose, np.ones((2, 3)))
    check_op_contract(mygrad_core.transpose, np.ones((2, 3)))
"""


def kit_root(tmp_path):
    files = simple_plugin("kitpkg", "@hookimpl\ndef mygrad_functions():\n    return {'kit_f': lambda x: x}\n")
    write_dist(tmp_path, "mygrad-kit", entry_points={"kit": "kitpkg._plugin"}, files=files)
    (tmp_path / "tests").mkdir()
    (tmp_path / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider\n")
    return tmp_path


def pytest_in_subprocess(root, *args, env=None):
    return run_python(None, root, args=("-m", "pytest", "-q", *args, "tests"), env=env, check=False)


@pytest.mark.parametrize("env", [{}, {"HYPOTHESIS_PROFILE": "mygrad-ci"}, {"CI": "1"}])
def test_pytest_plugin_works_without_hypothesis(tmp_path, env):
    root = kit_root(tmp_path)
    (root / "hypothesis").mkdir()
    (root / "hypothesis" / "__init__.py").write_text(BLOCK_HYPOTHESIS)
    (root / "tests" / "test_kit.py").write_text(textwrap.dedent(KIT_TESTS))
    # without hypothesis installed, its own pytest11 plugin would not exist either
    proc = pytest_in_subprocess(root, "-p", "no:hypothesispytest", env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 passed" in proc.stdout


def test_pytest_plugin_registers_profiles_lazily(tmp_path):
    root = kit_root(tmp_path)
    (root / "tests" / "test_profiles.py").write_text(
        textwrap.dedent(
            """
            import os, sys
            def test_profile():
                from hypothesis import settings
                expected = {"mygrad-ci": 25, "mygrad-dev": 100}.get(os.environ.get("EXPECT"), None)
                if expected is None:
                    # not ours (under CI, hypothesis loads its own "ci" profile)
                    assert not settings.get_current_profile_name().startswith("mygrad-")
                else:
                    assert settings.default.max_examples == expected
                settings.get_profile("mygrad-ci")  # registered in every case
            """
        )
    )
    # hypothesis imported by the test module at collection: profiles still registered
    (root / "tests" / "test_profiles.py").write_text(
        "import hypothesis  # noqa: F401\n" + (root / "tests" / "test_profiles.py").read_text()
    )
    for env, args in (
        ({}, ()),
        ({"HYPOTHESIS_PROFILE": "mygrad-ci", "EXPECT": "mygrad-ci"}, ()),
        ({"CI": "1"}, ()),  # CI alone asks for nothing: the default profile stays
        ({"EXPECT": "mygrad-dev"}, ("--hypothesis-profile", "mygrad-dev")),
    ):
        proc = pytest_in_subprocess(root, *args, env=env)
        assert proc.returncode == 0, (env, proc.stdout + proc.stderr)


def test_plugin_import_does_not_import_hypothesis(tmp_path):
    proc = run_python(
        "import sys, mygrad_core.testing, mygrad_core.testing.pytest_plugin; print('hypothesis' in sys.modules)",
        tmp_path,
    )
    assert proc.stdout.strip() == "False"


REGISTRY_TESTS = """
import mygrad_core
from mygrad_core import plugins
from mygrad_core.registry import REGISTRY

mygrad_core.discovery.ensure_loaded()
BEFORE = (REGISTRY.snapshot(), list(plugins.HOST.loaded), sorted(n for n, p in plugins.manager().list_name_plugin() if p))
import mygrad as mg
assert mg.kit_f(1) == 1     # discovered normally


def test_isolated(mygrad_registry):
    owners = set(REGISTRY.owners.values())
    assert owners == {"mygrad-core"}
    assert list(mygrad_core.loaded_plugins()) == ["mygrad-core"]
    assert not hasattr(mg, "kit_f")
    info = mygrad_registry("kit")              # by entry-point name
    assert info.distribution == "mygrad-kit" and mg.kit_f(2) == 2
    assert set(REGISTRY.owners.values()) == {"mygrad-core", "kit"}
    import types
    from mygrad_core import hookimpl
    mygrad_registry(types.SimpleNamespace(mygrad_functions=hookimpl(lambda: {"extra": 5})), "extra")
    assert mg.extra == 5 and mygrad_registry.names == ["kit", "extra"]


def test_restored():
    after = (REGISTRY.snapshot(), list(plugins.HOST.loaded), sorted(n for n, p in plugins.manager().list_name_plugin() if p))
    assert after == BEFORE
    assert mg.kit_f(3) == 3 and not hasattr(mg, "extra")
"""


def test_mygrad_registry_fixture_isolates_and_restores(tmp_path):
    root = kit_root(tmp_path)
    (root / "tests" / "test_registry.py").write_text(textwrap.dedent(REGISTRY_TESTS))
    proc = pytest_in_subprocess(root, "-p", "no:randomly")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 passed" in proc.stdout


# ------------------------------------------------------------ check_op_contract


class Negative(UfuncOperation):
    numpy_ufunc = np.negative

    def backward_var(self, grad, index, **kwargs):
        return -grad


class IgnoresDtype(Negative):
    def forward(self, x, **kwargs):
        kwargs.pop("dtype", None)
        return np.negative(x, **kwargs)


class MutatesInput(Negative):
    def forward(self, x, **kwargs):
        result = np.negative(x, **kwargs)
        if x.flags.writeable:
            x[...] = 0.0
        return result


negative = make_ufunc(Negative, name="negative")
ignores_dtype = make_ufunc(IgnoresDtype, name="negative")
mutates = make_ufunc(MutatesInput, name="negative")


def test_contract_passes_for_well_behaved_ops():
    x = np.arange(6.0).reshape(2, 3)
    check_op_contract(negative, x, ufunc=True)
    check_op_contract(mgc.transpose, x)
    check_op_contract(lambda a, b, **k: mgc.stack([a, b], **k), x, x)


@pytest.mark.parametrize(
    "func, message",
    [
        (ignores_dtype, "dtype=float32"),
        (mutates, "mutated"),
        (lambda x, constant=None, **k: mgc.transpose(x), "constant=True"),
        (lambda x, **k: mgc.transpose(x.data, **k), "variable input 0"),
        (lambda x, **k: x.data.T, "expected a Tensor"),
    ],
)
def test_contract_catches_violations(func, message):
    with pytest.raises(AssertionError, match=message):
        check_op_contract(func, np.arange(6.0).reshape(2, 3), ufunc=True)
