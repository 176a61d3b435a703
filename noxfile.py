"""Every job of the project: ``nox -l`` lists them.

Each plugin's session installs only mygrad-core, that plugin and its declared
dependencies (regular, non-editable installs), so it proves the plugin stands alone.
README's test command runs the ``ci`` tag: lint and the test sessions.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
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
# the core with its `demo` extra (matplotlib: the demos plot their curves)
CORE_DEMO = ".[testing,demo]"

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


def _install(session: nox.Session, *plugins: str, extra: tuple = (), core: str = CORE) -> None:
    paths = [f"plugins/{p}" for p in _existing(plugins)]
    session.install(core, *paths, *extra)


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
    """Everything installed together, for what crosses plugins: the plugin system, the
    docs' doctests, the demos (with the core's ``demo`` extra, so their plots are
    checked) and the type stubs. Each plugin's own suite runs once, in its session."""
    _install(session, *PLUGINS, extra=("graphviz",), core=CORE_DEMO)
    folders = [p for p in ("tests/plugin_system", "tests/demo", "tests/docs", "tests/typing") if (ROOT / p).exists()]
    _pytest(session, *folders)


@nox.session(python=PY, tags=["ci"])
def lint(session: nox.Session) -> None:
    """ruff, mypy and import-linter (the core's layers; what plugins may import)."""
    session.install("ruff", "mypy", "import-linter", "types-setuptools")
    # import-linter reads the installed packages: the core and every plugin
    _install(session, *PLUGINS)
    session.run("ruff", "check", "mygrad_core", "plugins", "tests", "noxfile.py")
    session.run("mypy", "mygrad_core")
    session.run("lint-imports")


@nox.session(python=PY, tags=["ci"])
def typecheck(session: nox.Session) -> None:
    """mypy and pyright on a user's code (tests/typing/user_code.py, user_errors.py) against
    regular installs of mygrad-core and the standard plugins: type checkers read installed
    files and do not run an editable install's import hooks."""
    _install(session, *PLUGINS, extra=("mypy", "pyright[nodejs]", "typing_extensions"))
    _pytest(session, "tests/typing")


@nox.session(python=PY)
def stubs(session: nox.Session) -> None:
    """Regenerate the facade's type stubs (mygrad_core/_mygrad/**/*.pyi) from the core's and
    the standard plugins' names; commit the result (tests/typing checks it is current)."""
    _install(session, *PLUGINS, extra=("graphviz",))
    session.chdir(session.create_tmp())
    session.run("python", str(ROOT / "tests" / "typing" / "gen_stubs.py"))


DOCS_TOOLS = ("sphinx>=7", "pydata-sphinx-theme>=0.15", "numpydoc>=1.6", "myst-parser>=2")


@nox.session(python=PY, tags=["ci"])
def docs(session: nox.Session) -> None:
    """Build the documentation site (warnings are errors) and run every example in it.

    The HTML goes to docs/_build/html. The examples: each page's ``>>>`` blocks and every
    docstring's (the API pages are made from the docstrings), run by tests/docs.
    """
    _install(session, *PLUGINS, extra=("graphviz", *DOCS_TOOLS))
    out = ROOT / "docs" / "_build"
    # from a temporary directory, so the installed packages (not the source tree) are documented
    session.chdir(session.create_tmp())
    session.run(
        "python", "-m", "sphinx", "-W", "--keep-going", "-E", "-q", "-b", "html",
        "-d", str(out / "doctrees"), str(ROOT / "docs"), str(out / "html"),
    )
    _pytest(session, "tests/docs")
    session.log(f"documentation: {out / 'html' / 'index.html'}")


@nox.session(python=PY)
def demo(session: nox.Session) -> None:
    """README's main job at full length: both demos (``spiral`` and ``conv``), each
    writing to its own folder under demo_out/; the conv demo must reach >= 95% held-out
    accuracy within 60 s, and both must plot their curves."""
    import time

    _install(session, *PLUGINS, extra=("graphviz",), core=".[demo]")
    for task in ("spiral", "conv"):
        outdir = ROOT / "demo_out" / task
        shutil.rmtree(outdir, ignore_errors=True)  # so that no earlier run's files count
        start = time.perf_counter()
        out = session.run("python", "-m", "mygrad", "demo", task, "--outdir", str(outdir), silent=True)
        elapsed = time.perf_counter() - start
        print(out, end="")
        if not (outdir / "history.csv").exists() or not (outdir / "history.png").exists():
            session.error(f"demo {task}: no history.csv or history.png in {outdir}")
        if task == "conv":
            match = re.fullmatch(r"held-out accuracy: (\d+\.\d)%", out.splitlines()[-1])
            if not match or float(match.group(1)) < 95.0:
                session.error(f"demo conv: expected a held-out accuracy >= 95%, got {out.splitlines()[-1]!r}")
            if elapsed > 60:
                session.error(f"demo conv: took {elapsed:.0f} s, more than 60 s")
        session.log(f"demo {task}: {elapsed:.1f} s")


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


# ---------------------------------------------------------------------------------------
# Releases: every distribution of this repository carries the same version.
_SEMVER = re.compile(r"^\d+\.\d+\.\d+$")


def distributions(root: Path = ROOT) -> list:
    """The folders holding a distribution of ours: the root and each plugin."""
    return [root] + sorted(p.parent for p in (root / "plugins").glob("*/pyproject.toml"))


def set_version(version: str, root: Path = ROOT) -> list:
    """Write ``version`` into every distribution: its pyproject, its ``__version__`` and
    the ``>=X.Y,<X.Y+1`` ranges by which the plugins require one another. Returns the
    files changed."""
    if not _SEMVER.match(version):
        raise ValueError(f"set_version: expected a version X.Y.Z, got {version!r}")
    major, minor, _ = (int(n) for n in version.split("."))
    compatible = f">={major}.{minor},<{major}.{minor + 1}"
    changed = []
    for folder in distributions(root):
        pyproject = folder / "pyproject.toml"
        text = pyproject.read_text()
        new = re.sub(r'(?m)^version = "[^"]*"', f'version = "{version}"', text, count=1)
        new = re.sub(r'"(mygrad-[a-z]+)(?:\[[a-z,]+\])?>=[0-9.]+,<[0-9.]+"', lambda m: m.group(0).split(">=")[0] + compatible + '"', new)
        files = [(pyproject, text, new)]
        for init in sorted(folder.glob("mygrad_*/__init__.py")):
            old = init.read_text()
            files.append((init, old, re.sub(r'(?m)^__version__ = "[^"]*"', f'__version__ = "{version}"', old)))
        for path, old, new_text in files:
            if old != new_text:
                path.write_text(new_text)
                changed.append(path)
    return changed


@nox.session(venv_backend="none")
def bump(session: nox.Session) -> None:
    """Set every distribution's version: ``nox -s bump -- 0.2.0``."""
    if len(session.posargs) != 1:
        session.error("usage: nox -s bump -- X.Y.Z")
    for path in set_version(session.posargs[0]):
        session.log(f"updated {path.relative_to(ROOT)}")


@nox.session(python=PY)
def build(session: nox.Session) -> None:
    """Build every distribution (sdist and wheel), ``twine check`` them, and install README's
    command from the wheels with ``--no-index``: no mygrad-* name comes from the index; both
    demos then run (short) from that install and plot their curves."""
    session.install("build[uv]", "twine", "pip")
    tmp = Path(session.create_tmp()).resolve()
    dist = tmp / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    wheels = {}
    for folder in distributions():
        out = dist / ("mygrad-core" if folder == ROOT else folder.name)
        session.run("python", "-m", "build", "--installer", "uv", "--outdir", str(out), str(folder), silent=True)
        session.run("twine", "check", "--strict", *map(str, out.iterdir()))
        (wheel,) = out.glob("*.whl")
        wheels["." if folder == ROOT else f"./{folder.relative_to(ROOT)}"] = wheel
    # README's install: the first bash block, up to the demo; its folders become their wheels
    readme = (ROOT / "README.md").read_text()
    block = re.findall(r"```bash\n(.*?)```", readme, flags=re.S)[0]
    match = re.search(r"python -m pip install ([^&\n]+)", block)
    if not match:
        session.error("README's first bash block has no `python -m pip install`")
    args = [shlex.split(a)[0] for a in match.group(1).split()]  # the shell's quotes removed

    def as_wheel(arg: str) -> str:
        """A folder of ours (maybe with extras: `.[demo]`) as its wheel, with the same extras."""
        folder, _, extras = arg.partition("[")
        return f"{wheels[folder]}[{extras}" if extras else str(wheels[folder])

    local = [a.split("[")[0] for a in args if a.startswith(".")]
    if set(local) != set(wheels):
        session.error(f"README installs {sorted(local)}, the repository has {sorted(wheels)}")
    others = [a for a in args if not a.startswith(".") and not a.startswith("-")]
    if [a for a in others if a.startswith("mygrad")]:
        session.error(f"README resolves {others} from the package index")
    # the third-party dependencies, fetched once; then an offline install of our wheels
    deps = tmp / "deps"
    session.run("python", "-m", "pip", "download", "-q", "-d", str(deps), *(as_wheel(a) if a.startswith(".") else a for a in args if not a.startswith("-")))
    for ours in deps.glob("mygrad_*"):
        ours.unlink()
    venv = tmp / "readme-venv"
    shutil.rmtree(venv, ignore_errors=True)
    session.run("python", "-m", "venv", str(venv))
    py = str(venv / "bin" / "python")
    session.run(py, "-m", "pip", "install", "-q", "--no-index", "--find-links", str(deps), *(as_wheel(a) if a.startswith(".") else a for a in args), external=True)
    session.run(py, "-m", "pip", "check", external=True)
    session.chdir(str(tmp))
    listing = session.run(py, "-m", "mygrad", "plugins", external=True, silent=True)
    missing = [f.name for f in distributions()[1:] if f.name not in listing]
    if missing:
        session.error(f"installed from README's command but not loaded: {missing}")
    # both demos run from README's install (short runs) and plot their curves
    for task in ("spiral", "conv"):
        outdir = tmp / "demo_out" / task
        shutil.rmtree(outdir, ignore_errors=True)
        session.run(py, "-m", "mygrad", "demo", task, "--outdir", str(outdir), "--seconds", "0", external=True, silent=True)
        if not (outdir / "history.png").exists():
            session.error(f"`mygrad demo {task}` installed from README's command wrote no plot")
