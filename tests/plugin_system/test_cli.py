"""``python -m mygrad plugins [--json]`` and the ``mygrad`` console script."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from ._helpers import run_python, simple_plugin, write_dist

GOOD = """
def f(x):
    return x

@hookimpl
def mygrad_functions():
    return {"gamma_f": f, "alpha_f": f}

@hookimpl
def mygrad_tensor_methods():
    return {"gamma_f": f}
"""


@pytest.fixture
def root(tmp_path):
    write_dist(tmp_path, "mygrad-clitest", version="2.0.1", entry_points={"clitest": "clipkg._plugin"}, files=simple_plugin("clipkg", GOOD))
    write_dist(tmp_path, "mygrad-clibroken", version="0.1", entry_points={"clibroken": "nosuchpkg._plugin"})
    return tmp_path


def test_table(root):
    proc = run_python(None, root, args=("-m", "mygrad", "plugins"), check=False)
    assert proc.returncode == 1, "a plugin failed to load: exit status 1, like `pip check`"
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["plugin", "distribution", "version", "contributes"]
    rows = {line.split()[0]: line for line in lines[1:3]}
    assert rows["mygrad-core"].split()[1:3] == ["mygrad-core", mygrad_version()]
    assert rows["clitest"].split()[:3] == ["clitest", "mygrad-clitest", "2.0.1"]
    assert "2 functions, 1 tensor methods" in rows["clitest"]
    assert "clitest functions: alpha_f, gamma_f" in proc.stdout
    assert "clitest tensor methods: gamma_f" in proc.stdout
    assert "failed to load:" in proc.stdout
    (failed,) = [ln for ln in lines if ln.strip().startswith("clibroken")]
    assert "mygrad-clibroken 0.1" in failed and "ModuleNotFoundError" in failed and "nosuchpkg" in failed
    assert "MyGradPluginWarning" in proc.stderr  # the warning is also shown


def test_json(root):
    proc = run_python(None, root, args=("-m", "mygrad", "plugins", "--json"), check=False)
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    loaded = {p["name"]: p for p in data["loaded"]}
    assert list(loaded) == ["mygrad-core", "clitest"]
    assert loaded["clitest"] == {
        "name": "clitest",
        "distribution": "mygrad-clitest",
        "version": "2.0.1",
        "contributes": {"functions": ["alpha_f", "gamma_f"], "tensor methods": ["gamma_f"]},
        "error": None,
    }
    (failed,) = data["failed"]
    assert failed["name"] == "clibroken" and failed["distribution"] == "mygrad-clibroken"
    assert failed["error"].startswith("ModuleNotFoundError")
    assert failed["contributes"] == {}


def mygrad_version() -> str:
    import mygrad_core

    return mygrad_core.__version__


def test_console_script(root):
    script = Path(sys.executable).with_name("mygrad")
    if not script.exists():
        found = shutil.which("mygrad")
        if found is None:
            pytest.skip("the `mygrad` console script is not installed")
        script = Path(found)
    proc = run_python(None, root, args=(str(script), "plugins", "--json"), check=False)
    assert [p["name"] for p in json.loads(proc.stdout)["loaded"]] == ["mygrad-core", "clitest"]
    usage = run_python(None, root, args=(str(script), "--help"))
    assert "plugins" in usage.stdout


def test_lists_disabled_plugins_and_exits_0_when_all_load(tmp_path):
    write_dist(tmp_path, "mygrad-clitest", version="2.0.1", entry_points={"clitest": "clipkg._plugin"}, files=simple_plugin("clipkg", GOOD))
    write_dist(tmp_path, "mygrad-off", version="0.3", entry_points={"off": "offpkg._plugin"}, files=simple_plugin("offpkg", GOOD))
    proc = run_python(None, tmp_path, args=("-m", "mygrad", "plugins"), env={"MYGRAD_DISABLE_PLUGINS": "off"}, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (row,) = [ln for ln in proc.stdout.splitlines() if ln.startswith("off ")]
    assert row.split()[:3] == ["off", "mygrad-off", "0.3"] and "disabled" in row
    assert "offpkg" not in (tmp_path / "record.txt").read_text()  # never imported
    data = json.loads(run_python(None, tmp_path, args=("-m", "mygrad", "plugins", "--json"), env={"MYGRAD_DISABLE_PLUGINS": "off"}).stdout)
    assert "off" in [p["name"] for p in data["disabled"]] and data["failed"] == []


def test_closed_pipe_is_not_a_traceback(root):
    # `python -m mygrad plugins | head -1`: the reader leaves after one line
    reader = "import subprocess, sys; p = subprocess.Popen([sys.executable, '-m', 'mygrad', 'plugins'], stdout=subprocess.PIPE, stderr=subprocess.PIPE); p.stdout.readline(); p.stdout.close(); err = p.stderr.read().decode(); p.wait(); print(repr(err))"
    # enough output to fill the pipe: many functions
    many = "def f(x):\n    return x\n@hookimpl\ndef mygrad_functions():\n    return {f'fn_{i:05d}': f for i in range(20000)}\n"
    write_dist(root, "mygrad-many", entry_points={"many": "manypkg._plugin"}, files=simple_plugin("manypkg", many))
    out = run_python(reader, root).stdout
    assert "Traceback" not in out and "BrokenPipeError" not in out, out


@pytest.mark.parametrize("args", [("--version",), ("plugins", "--version")])
def test_version(root, args):
    proc = run_python(None, root, args=("-m", "mygrad", *args), check=False)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == f"mygrad-core {mygrad_version()}"
    assert any(ln.startswith("mygrad-clitest 2.0.1") for ln in lines[1:])
