"""Every distribution of this repository: one version, complete metadata, local installs.

Reads the pyproject files of the source tree (the root and each folder under plugins/),
the ``__version__`` of each package, and README's install command.
"""

from __future__ import annotations

import re
import shlex
import sys
import types
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python >= 3.11; the session runs 3.11

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = [ROOT] + sorted(p.parent for p in (ROOT / "plugins").glob("*/pyproject.toml"))
IDS = [f.name if f != ROOT else "mygrad-core" for f in FOLDERS]
URL_KEYS = {"Homepage", "Documentation", "Source", "Issues", "Changelog"}


def _project(folder: Path) -> dict:
    return tomllib.loads((folder / "pyproject.toml").read_text())["project"]


def _package_versions(folder: Path) -> dict:
    out = {}
    for init in folder.glob("mygrad_*/__init__.py"):
        match = re.search(r'(?m)^__version__ = "([^"]+)"', init.read_text())
        if match:
            out[init.parent.name] = match.group(1)
    return out


def _compatible(version: str) -> str:
    major, minor = (int(n) for n in version.split(".")[:2])
    return f">={major}.{minor},<{major}.{minor + 1}"


VERSION = _project(ROOT)["version"]


def test_the_plugins_are_all_found():
    names = {_project(f)["name"] for f in FOLDERS}
    assert {"mygrad-core", "mygrad-math", "mygrad-linalg", "mygrad-random", "mygrad-io", "mygrad-graphviz"} <= names


@pytest.mark.parametrize("folder", FOLDERS, ids=IDS)
def test_one_version_everywhere(folder):
    project = _project(folder)
    assert project["version"] == VERSION
    versions = _package_versions(folder)
    assert versions, f"no __version__ in {folder.name}'s package"
    assert set(versions.values()) == {VERSION}, versions


@pytest.mark.parametrize("folder", FOLDERS, ids=IDS)
def test_metadata_is_complete(folder):
    project = _project(folder)
    build = tomllib.loads((folder / "pyproject.toml").read_text())["build-system"]
    # SPDX license expressions need setuptools >= 77
    assert any(re.fullmatch(r"setuptools>=(\d+)", r) and int(r.split(">=")[1]) >= 77 for r in build["requires"])
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert (folder / "LICENSE").read_text() == (ROOT / "LICENSE").read_text()
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]  # superseded by `license`
    assert "Programming Language :: Python :: 3" in project["classifiers"]
    assert project["description"].strip() and project["readme"] == "README.md"
    assert (folder / "README.md").is_file()
    assert set(project["urls"]) >= URL_KEYS
    assert all(u.startswith("https://") for u in project["urls"].values())
    # nothing the build reads lives outside the folder (python -m build works per folder)
    assert not [p for p in project["license-files"] + [project["readme"]] if ".." in p]


@pytest.mark.parametrize("folder", FOLDERS[1:], ids=IDS[1:])
def test_plugins_require_a_compatible_core_and_their_plugins(folder):
    project = _project(folder)
    ours = {}
    for req in project["dependencies"]:
        match = re.fullmatch(r"(mygrad-[a-z]+)(.*)", req.replace(" ", ""))
        if match:
            ours[match.group(1)] = match.group(2)
    assert ours.get("mygrad-core") == _compatible(VERSION)
    assert set(ours.values()) == {_compatible(VERSION)}, ours
    known = {_project(f)["name"] for f in FOLDERS}
    assert set(ours) <= known, f"requires a mygrad-* distribution this repository does not have: {set(ours) - known}"


@pytest.mark.parametrize("folder", FOLDERS, ids=IDS)
def test_no_extra_pulls_mygrad_names_from_the_index(folder):
    extras = _project(folder).get("optional-dependencies", {})
    assert "all" not in extras
    for name, reqs in extras.items():
        assert not [r for r in reqs if r.startswith("mygrad")], f"extra {name!r} would resolve {reqs} from the index"


def _readme_blocks() -> list:
    return re.findall(r"```bash\n(.*?)```", (ROOT / "README.md").read_text(), flags=re.S)


def _readme_install_args() -> list:
    install = _readme_blocks()[0]
    calls = re.findall(r"python -m pip install ([^&\n]+)", install)
    assert len(calls) == 1, calls
    return [shlex.split(a)[0] for a in calls[0].split()]  # the shell's quotes removed


def test_readme_installs_every_distribution_from_its_folder_in_one_pip_call():
    args = _readme_install_args()
    local = {a.split("[")[0] for a in args if a.startswith(".")}
    expected = {"."} | {f"./{f.relative_to(ROOT)}" for f in FOLDERS[1:]}
    assert local == expected
    assert not [a for a in args if a.startswith("mygrad")]


def test_readme_installs_the_demo_extra():
    # the demo plots its curves with matplotlib, mygrad-core's `demo` extra
    assert ".[demo]" in _readme_install_args()
    demo = _project(ROOT)["optional-dependencies"]["demo"]
    assert [r for r in demo if r.startswith("matplotlib")], demo


def _load_noxfile():
    """noxfile.py's pure functions, with a stand-in for nox (not installed in the tests' venv)."""
    fake = types.ModuleType("nox")
    fake.Session = object
    fake.options = types.SimpleNamespace()
    fake.session = lambda *a, **k: (lambda f: f) if not (a and callable(a[0])) else a[0]
    saved = sys.modules.get("nox")
    sys.modules["nox"] = fake
    try:
        namespace: dict = {"__file__": str(ROOT / "noxfile.py"), "__name__": "noxfile"}
        exec(compile((ROOT / "noxfile.py").read_text(), str(ROOT / "noxfile.py"), "exec"), namespace)
    finally:
        if saved is None:
            del sys.modules["nox"]
        else:
            sys.modules["nox"] = saved
    return namespace


def test_bump_sets_every_version_and_range(tmp_path):
    import shutil

    for folder in FOLDERS:
        dest = tmp_path / folder.relative_to(ROOT)
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copy(folder / "pyproject.toml", dest / "pyproject.toml")
        for init in folder.glob("mygrad_*/__init__.py"):
            (dest / init.parent.name).mkdir(exist_ok=True)
            shutil.copy(init, dest / init.parent.name / "__init__.py")
    nox_ns = _load_noxfile()
    changed = nox_ns["set_version"]("3.14.1", root=tmp_path)
    assert changed
    for folder in FOLDERS:
        copy = tmp_path / folder.relative_to(ROOT)
        project = tomllib.loads((copy / "pyproject.toml").read_text())["project"]
        assert project["version"] == "3.14.1"
        assert set(_package_versions(copy).values()) == {"3.14.1"}
        ranges = [r for r in project["dependencies"] if r.startswith("mygrad-")]
        assert all(r.endswith(">=3.14,<3.15") for r in ranges), ranges
    # idempotent, and a malformed version is refused
    assert nox_ns["set_version"]("3.14.1", root=tmp_path) == []
    with pytest.raises(ValueError, match="X.Y.Z"):
        nox_ns["set_version"]("3.14", root=tmp_path)


def test_installed_versions_match_the_sources():
    from importlib.metadata import PackageNotFoundError, version

    for folder in FOLDERS:
        name = _project(folder)["name"]
        try:
            assert version(name) == VERSION, name
        except PackageNotFoundError:
            continue  # this session installs only some of them
