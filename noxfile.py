"""Every job of the project: ``nox -l`` lists them.

Each plugin's session installs only mygrad-core, that plugin and its declared
dependencies (regular, non-editable installs), so it proves the plugin stands alone.
README's test command runs the ``ci`` tag: lint and the test sessions.
"""

from __future__ import annotations

import os
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = False
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).parent
PY = "3.11"
# the oldest supported Python; prefer pyenv's interpreter when present (it is on our machines)
_PYENV_310 = sorted(Path.home().glob(".pyenv/versions/3.10.*/bin/python3.10"))
OLDEST_PY = str(_PYENV_310[-1]) if _PYENV_310 else "3.10"
CORE = ".[testing]"

# plugin folder -> the plugins it depends on (as declared in its pyproject)
PLUGINS = {
    "mygrad-math": [],
    "mygrad-linalg": [],
    "mygrad-random": [],
    "mygrad-io": [],
    "mygrad-graphviz": [],
    "mygrad-nnet": ["mygrad-math", "mygrad-linalg"],
}


def _existing(names):
    return [n for n in names if (ROOT / "plugins" / n / "pyproject.toml").exists()]


def _install(session: nox.Session, *plugins: str, extra: tuple = ()) -> None:
    paths = [f"plugins/{p}" for p in _existing(plugins)]
    session.install(CORE, *paths, *extra)


def _pytest(session: nox.Session, *paths: str) -> None:
    env = {"PYTHONDONTWRITEBYTECODE": "1"}
    if os.environ.get("CI"):
        env["HYPOTHESIS_PROFILE"] = "mygrad-ci"
    # run from a temporary directory so the installed packages (not the source tree) are tested
    tmp = session.create_tmp()
    session.chdir(tmp)
    args = [str(ROOT / p) for p in paths]
    session.run("pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(ROOT), "-c", str(ROOT / "pyproject.toml"), *args, *session.posargs, env=env)


@nox.session(python=PY, tags=["ci"])
def core(session: nox.Session) -> None:
    """The core's tests with no plugin installed."""
    _install(session)
    _pytest(session, "tests/core")


@nox.session(python=OLDEST_PY, tags=["ci"])
def core_oldest(session: nox.Session) -> None:
    """The core's tests on the oldest supported Python and NumPy."""
    session.install(CORE, "numpy==1.26.*")
    _pytest(session, "tests/core")


@nox.session(python=PY, tags=["ci"])
def plugin_system(session: nox.Session) -> None:
    """Discovery, registration, the facade and the CLI."""
    _install(session, extra=("build",))
    _pytest(session, "tests/plugin_system")


def _plugin_session(folder: str, tests: str):
    def run(session: nox.Session) -> None:
        deps = PLUGINS.get(folder, [])
        _install(session, folder, *deps, extra=tuple(["graphviz"] if folder == "mygrad-graphviz" else []))
        _pytest(session, f"tests/{tests}")

    run.__doc__ = f"{folder}'s tests with only mygrad-core and {folder} installed."
    return run


for _folder, _tests, _name in (
    ("mygrad-math", "math", "math"),
    ("mygrad-linalg", "linalg", "linalg"),
    ("mygrad-random", "random", "random"),
    ("mygrad-io", "io", "io"),
    ("mygrad-graphviz", "graphviz", "graphviz"),
    ("mygrad-nnet", "nnet", "nnet"),
):
    if (ROOT / "plugins" / _folder / "pyproject.toml").exists():
        nox.session(python=PY, name=_name, tags=["ci"])(_plugin_session(_folder, _tests))


@nox.session(python=PY, tags=["ci"])
def example(session: nox.Session) -> None:
    """The worked third-party plugin, installed into a fresh environment."""
    folder = ROOT / "docs" / "examples" / "mygrad-example-plugin"
    if not folder.exists():
        session.skip("no example plugin yet")
    _install(session, extra=(str(folder),))
    session.chdir(str(folder))
    session.run("pytest", "-q", "-p", "no:cacheprovider", "tests")
    out = session.run("python", "-m", "mygrad", "plugins", silent=True)
    if "mygrad-example-plugin" not in out:
        session.error("python -m mygrad plugins does not list the example plugin")


@nox.session(python=PY, tags=["ci"])
def tests(session: nox.Session) -> None:
    """Everything installed together: all test folders plus the docs' doctests."""
    _install(session, *PLUGINS, extra=("graphviz",))
    folders = [p for p in ("tests/core", "tests/plugin_system", "tests/math", "tests/linalg", "tests/random", "tests/io", "tests/graphviz", "tests/nnet", "tests/demo", "tests/docs") if (ROOT / p).exists()]
    _pytest(session, *folders)


@nox.session(python=PY, tags=["ci"])
def lint(session: nox.Session) -> None:
    """ruff and mypy."""
    session.install("ruff", "mypy", "numpy", "pluggy", "types-setuptools")
    session.run("ruff", "check", "mygrad_core", "plugins", "tests", "noxfile.py")
    session.run("mypy", "mygrad_core")


@nox.session(python=PY)
def docs(session: nox.Session) -> None:
    """Run the doctests of the core, the plugins and the docs pages."""
    _install(session, *PLUGINS, extra=("graphviz",))
    _pytest(session, "tests/docs")


@nox.session(python=PY)
def demo(session: nox.Session) -> None:
    """README's main job: install everything and run the demo."""
    _install(session, *PLUGINS, extra=("graphviz",))
    session.run("python", "-m", "mygrad", "demo", "--outdir", str(ROOT / "demo_out"))


@nox.session(python=PY)
def bench(session: nox.Session) -> None:
    """The benchmark against MyGrad 2.5.0 and NumPy (prints a table; writes tests/bench/results.md).

    run.py needs only the standard library: it builds its own two environments under
    tests/bench/envs/ (MyGrad 2.5.0 from PyPI; this project + its plugins) with uv when
    available, else venv + pip. ``nox -s bench -- --quick`` for a short run.
    """
    import shutil

    if shutil.which("uv") is None:
        session.install("uv")
    session.run("python", str(ROOT / "tests" / "bench" / "run.py"), *session.posargs)
