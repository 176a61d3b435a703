"""Benchmark this project against the original MyGrad 2.5.0 and against NumPy by hand.

Usage (``nox -s bench`` runs this)::

    python tests/bench/run.py [--rounds N] [--quick] [--only NAME ...] [--no-write]
    python tests/bench/run.py --baseline [REF] [--quick] ...        # also vs a git ref
    python tests/bench/run.py --profile small_ops [--impl mygrad]   # cProfile hot spots

It creates (or reuses) virtual environments under ``tests/bench/envs/``:

* ``mygrad-2.5.0``: the original ``mygrad==2.5.0`` from PyPI, numpy, psutil, and numba
  and scipy (MyGrad's ``gru`` needs numba);
* ``ours``: this repository's ``mygrad-core``, every plugin folder under ``plugins/`` and
  the example plugin ``docs/examples/mygrad-example-plugin`` (regular, non-editable
  installs, refreshed on every run), the same numpy, psutil;
* with ``--baseline REF``, ``baseline``: the same packages built from the sources of git
  ref REF (default: the merge base of HEAD with ``main``), extracted into
  ``envs/baseline-src``; rebuilt only when REF names another commit.

Each workload of ``workloads.py`` runs in a fresh process per implementation,
interleaved (MyGrad, ours, [baseline,] NumPy, then the next round in a rotated order)
for several rounds; the table shows the medians over the rounds and the ratios, and the
correctness check that compares the losses and gradients. The table is printed and written to
``tests/bench/results.md`` with the machine, the versions and the date. Nothing fails on
time: this is a benchmark, not a test.

Only the standard library is used here, so any Python >= 3.10 can run it.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ENVS = HERE / "envs"
WORKLOADS = HERE / "workloads.py"
RESULTS = HERE / "results.md"
MYGRAD_SPEC = "mygrad==2.5.0"
# MyGrad 2.5.0 hides its gru without numba (and scipy): a separate env for NEEDS_NUMBA
MYGRAD_EXTRAS = ("numba", "scipy")
NEEDS_NUMBA = {"gru_step"}
EXAMPLE = Path("docs") / "examples" / "mygrad-example-plugin"  # relative to a source tree
BASE_SRC = ENVS / "baseline-src"

# names of the implementations, in the order they run within a round
MG, OURS, BASE, NP = "mygrad", "ours", "baseline", "numpy"
LABEL = {MG: "MyGrad", OURS: "ours", BASE: "baseline", NP: "NumPy"}

# workload -> (unit label, scale from seconds, has NumPy floor, reps normal, reps quick)
SPECS = {
    "small_ops": ("µs/op", 1e6, False, 9, 5),
    "small_ops_noguard": ("µs/op", 1e6, False, 9, 5),
    "small_ops_noautodiff": ("µs/op", 1e6, True, 9, 5),
    "small_ops_fn": ("µs/op", 1e6, False, 9, 5),
    "third_party_ops": ("µs/op", 1e6, False, 9, 5),
    "mlp_step": ("ms", 1e3, True, 7, 5),
    "big_elementwise": ("ms", 1e3, True, 5, 3),
    "rnn_loop": ("ms", 1e3, False, 9, 5),
    "deep_chain": ("s", 1.0, False, 1, 1),
    "mlp_step_nnet": ("ms", 1e3, True, 7, 5),
    "sce_step": ("µs", 1e6, True, 7, 5),
    "conv_step": ("ms", 1e3, False, 5, 3),
    "maxpool_step": ("ms", 1e3, False, 7, 5),
    "gru_step": ("ms", 1e3, True, 7, 5),
}
# MyGrad 2.5.0 has no plugin API: a third party's ops exist only for this project
NOT_ON_MYGRAD = {"third_party_ops"}

# targets: workload -> [(what the ratio is taken against, the bound), ...]; the ones
# against the baseline are shown only when a baseline ran
TARGETS = {
    "small_ops": [(MG, 0.5), (BASE, 1.03)],
    "small_ops_noguard": [(BASE, 1.03)],
    "small_ops_noautodiff": [(MG, 0.7)],
    "mlp_step": [(NP, 1.05)],
    "big_elementwise": [(NP, 1.05)],
    "rnn_loop": [(MG, 0.6), (BASE, 1.03)],
    "mlp_step_nnet": [(MG, 0.9), (NP, 1.1)],
    "sce_step": [(MG, 0.5)],
    "conv_step": [(MG, 0.2)],
    "maxpool_step": [(MG, 0.3)],
    "gru_step": [(NP, 1.2)],
    "import_plugins": [(MG, 1.0), (BASE, 1.05)],
}
GUARD_BOUND = 1.2  # small_ops / small_ops_noguard, ours
THIRD_PARTY_BOUND = 1.05  # third_party_ops / small_ops_fn, ours

# one BLAS/OpenMP thread everywhere: the comparison is of the engines, and the machine
# is shared
THREAD_ENV = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1",
}


# ------------------------------------------------------------------ environments


def _bin(env: Path, name: str) -> Path:
    sub = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return env / sub / f"{name}{suffix}"


def _run(cmd: list, **kw) -> None:
    print("  $", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def _uv() -> str | None:
    return shutil.which("uv")


def _create(env: Path) -> None:
    uv = _uv()
    if uv:
        _run([uv, "venv", "-q", "--python", sys.executable, env])
    else:
        _run([sys.executable, "-m", "venv", env])
        _run([_bin(env, "python"), "-m", "pip", "install", "-q", "--upgrade", "pip"])


def _pip(env: Path, *args: str, reinstall: tuple = ()) -> None:
    uv = _uv()
    py = _bin(env, "python")
    if uv:
        extra: list = ["--compile-bytecode"]
        for name in reinstall:
            extra += ["--reinstall-package", name]
        _run([uv, "pip", "install", "-q", "--python", py, *extra, *args])
    else:
        _run([py, "-m", "pip", "install", "-q", *args])
        if reinstall:  # pip does not reinstall an unchanged version: force our local dirs
            local = [a for a in args if os.path.isdir(a)]
            _run([py, "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", *local])


def _dist_name(folder: Path) -> str:
    text = (folder / "pyproject.toml").read_text(encoding="utf-8")
    m = re.search(r'^name\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not m:
        raise SystemExit(f"no project name in {folder / 'pyproject.toml'}")
    return m.group(1)


def _env_info(env: Path) -> dict:
    out = subprocess.run(
        [str(_bin(env, "python")), str(WORKLOADS), "--info"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tempfile.gettempdir(),
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def _local_folders(src: Path) -> list:
    """The distributions of a source tree: core, each plugin, the example plugin."""
    folders = [src, *sorted(p.parent for p in (src / "plugins").glob("*/pyproject.toml"))]
    if (src / EXAMPLE / "pyproject.toml").exists():
        folders.append(src / EXAMPLE)
    return folders


def _install_local(env: Path, src: Path, numpy_version: str) -> None:
    folders = _local_folders(src)
    names = [_dist_name(f) for f in folders]
    if "mygrad" in names:  # pragma: no cover - the PyPI name belongs to the original
        raise SystemExit(f"a distribution in {src} is named 'mygrad': refusing to install it")
    print(f"installing into {env}: {', '.join(names)}", flush=True)
    _pip(
        env, f"numpy=={numpy_version}", "psutil", *[str(f) for f in folders], reinstall=tuple(names)
    )


def _check_not_original(env: Path, info: dict) -> None:
    if "mygrad" in {k.lower() for k in info["dists"]}:
        raise SystemExit(f"{env} contains the original 'mygrad' distribution: {info}")


def ensure_mygrad_env() -> tuple:
    """The MyGrad 2.5.0 environment (made once, reused): (env, info)."""
    ENVS.mkdir(parents=True, exist_ok=True)
    mg_env = ENVS / "mygrad-2.5.0"
    marker = mg_env / ".bench-ready"
    if not (marker.exists() and marker.read_text() == MYGRAD_SPEC):
        print(f"creating {mg_env} ({MYGRAD_SPEC})", flush=True)
        if mg_env.exists():
            shutil.rmtree(mg_env)
        _create(mg_env)
        _pip(mg_env, MYGRAD_SPEC, "numpy", "psutil")
        marker.write_text(MYGRAD_SPEC)
    mg_info = _env_info(mg_env)
    if "mygrad-core" in {k.lower() for k in mg_info["dists"]} or mg_info["mygrad"] != "2.5.0":
        raise SystemExit(f"{mg_env} is not a clean MyGrad 2.5.0 environment: {mg_info}")
    if mg_info.get("extras"):
        raise SystemExit(f"{mg_env} has {mg_info['extras']}: delete it (they slow `import mygrad`)")
    return mg_env, mg_info


def ensure_mygrad_numba_env(numpy_version: str) -> tuple:
    """MyGrad 2.5.0 plus numba and scipy, for ``gru`` only: (env or None, info or None).

    A separate environment because with numba installed ``import mygrad`` imports numba
    and scipy (about 1 s and +160 MiB), which would distort every other MyGrad number.
    None when numba cannot be installed next to this numpy (MyGrad's gru is then n/a).
    """
    env = ENVS / "mygrad-2.5.0-numba"
    marker = env / ".bench-ready"
    wanted = " ".join((MYGRAD_SPEC, f"numpy=={numpy_version}", *MYGRAD_EXTRAS))
    if not (marker.exists() and marker.read_text() in (wanted, f"{wanted}: failed")):
        print(f"creating {env} ({wanted})", flush=True)
        if env.exists():
            shutil.rmtree(env)
        _create(env)
        try:
            _pip(env, MYGRAD_SPEC, f"numpy=={numpy_version}", "psutil", *MYGRAD_EXTRAS)
            marker.write_text(wanted)
        except subprocess.CalledProcessError:
            print(
                f"  could not install {MYGRAD_EXTRAS} with numpy {numpy_version}: gru_step on MyGrad is n/a"
            )
            marker.write_text(f"{wanted}: failed")
    if marker.read_text().endswith(": failed"):
        return None, None
    return env, _env_info(env)


def ensure_ours_env(numpy_version: str) -> tuple:
    """This repository's packages, refreshed on every run: (env, info)."""
    ours_env = ENVS / "ours"
    if not _bin(ours_env, "python").exists():
        print(f"creating {ours_env}", flush=True)
        _create(ours_env)
    _install_local(ours_env, ROOT, numpy_version)
    ours_info = _env_info(ours_env)
    _check_not_original(ours_env, ours_info)
    return ours_env, ours_info


def ensure_envs() -> tuple:
    """Create/refresh MyGrad's and our environments; return (mygrad env, ours env, their infos)."""
    mg_env, mg_info = ensure_mygrad_env()
    ours_env, ours_info = ensure_ours_env(mg_info["numpy"])
    return mg_env, ours_env, mg_info, ours_info


# ------------------------------------------------------------------ baseline


def _git(*args: str) -> str:
    try:
        out = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    except OSError as exc:  # no git on PATH
        raise LookupError(f"git: {exc}") from None
    if out.returncode != 0:
        raise LookupError(out.stderr.strip() or f"git {' '.join(args)} failed")
    return out.stdout.strip()


def resolve_baseline(ref: str | None) -> tuple:
    """(commit sha, how it was chosen) for ``--baseline [REF]``.

    Without REF: the merge base of HEAD with ``origin/main`` (or ``main``), i.e. where
    this change forked. When HEAD is itself on main (the merge base is HEAD), the change
    is the last commit, so HEAD~1.
    """
    try:
        if ref:
            return _git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"), ref
        head = _git("rev-parse", "HEAD")
    except LookupError as exc:
        raise SystemExit(f"--baseline: cannot resolve {ref or 'HEAD'!r} in {ROOT}: {exc}") from None
    for upstream in ("origin/main", "main"):
        try:
            base = _git("merge-base", "HEAD", upstream)
        except LookupError:
            continue  # no such branch (or unrelated histories): try the next
        if base != head:
            return base, f"merge-base HEAD {upstream}"
        break
    try:
        return _git("rev-parse", "--verify", "--quiet", "HEAD~1^{commit}"), "HEAD~1"
    except LookupError:
        raise SystemExit(
            "--baseline: no merge base with main and no HEAD~1 (a shallow clone?); "
            "give a ref: --baseline REF"
        ) from None


def _extract(sha: str, dest: Path) -> None:
    """The tree of commit ``sha`` into ``dest`` (``git archive``; no worktree bookkeeping)."""
    import tarfile

    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    proc = subprocess.Popen(
        ["git", "-C", str(ROOT), "archive", "--format=tar", sha], stdout=subprocess.PIPE
    )
    assert proc.stdout is not None
    with tarfile.open(fileobj=proc.stdout, mode="r|") as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(dest, filter="data")
        else:  # pragma: no cover - Python < 3.11.4
            tar.extractall(dest)
    if proc.wait() != 0:
        raise SystemExit(f"git archive {sha} failed")


def ensure_baseline_env(ref: str | None, numpy_version: str) -> tuple:
    """The environment built from git ref ``ref``: (env, info, description).

    Rebuilt only when the ref resolves to another commit (or the numpy pin changed).
    """
    sha, how = resolve_baseline(ref)
    env = ENVS / "baseline"
    marker = env / ".bench-ready"
    stamp = f"{sha} numpy=={numpy_version}"
    if not (marker.exists() and marker.read_text() == stamp and _bin(env, "python").exists()):
        print(f"building the baseline environment from {sha[:12]} ({how})", flush=True)
        _extract(sha, BASE_SRC)
        if env.exists():
            shutil.rmtree(env)
        _create(env)
        _install_local(env, BASE_SRC, numpy_version)
        marker.write_text(stamp)
    info = _env_info(env)
    _check_not_original(env, info)
    try:
        subject = _git("log", "-1", "--format=%s", sha)
    except LookupError:
        subject = "?"
    return env, info, f"`{ref or how}` = {sha[:12]} ({subject})"


# ------------------------------------------------------------------ running


def _child_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(THREAD_ENV)
    env["PYTHONNOUSERSITE"] = "1"
    env["PYTHONHASHSEED"] = "0"
    return env


def _spawn(cmd: list, timeout: float = 900.0) -> tuple:
    """Run ``cmd`` in a fresh process from a neutral directory.

    Returns (wall seconds, exit code, stdout, stderr, peak RSS of the child in MiB).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [str(c) for c in cmd],
            stdout=out,
            stderr=err,
            env=_child_env(),
            cwd=tempfile.gettempdir(),
        )
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.002)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        rss = usage.ru_maxrss / 1024.0 if sys.platform != "darwin" else usage.ru_maxrss / 2**20
        return wall, proc.returncode, out.read().decode(), err.read().decode(), rss


def run_workload(name: str, impl: str, env: Path, reps: int) -> dict:
    py = _bin(env, "python")
    arg = NP if impl == NP else "mygrad"
    wall, code, out, err, rss = _spawn([py, WORKLOADS, name, arg, "--reps", str(reps)])
    if code != 0 or not out.strip():
        last = (err.strip().splitlines() or ["(no output)"])[-1]
        return {"error": f"exit {code}: {last[:120]}", "rss_mb": rss}
    return json.loads(out.strip().splitlines()[-1])


IMPORT_CMDS = {
    "import_numpy": "import numpy",
    "import_mygrad": "import mygrad",
    # plugins are discovered lazily in this project: touching a plugin name loads them
    "import_plugins": "import mygrad; mygrad.sin; mygrad.matmul",
}


def run_imports(envs: dict, rounds: int, samples: int) -> dict:
    """Wall time and peak RSS of ``python -c CMD`` in fresh processes, interleaved."""
    res: dict = {(k, impl): {"t": [], "rss": []} for k in IMPORT_CMDS for impl in envs}
    for env in envs.values():  # warm the filesystem caches and bytecode once
        for cmd in IMPORT_CMDS.values():
            _spawn([_bin(env, "python"), "-c", cmd])
    for _ in range(rounds * samples):
        for key, cmd in IMPORT_CMDS.items():
            for impl, env in envs.items():
                wall, code, _, err, rss = _spawn([_bin(env, "python"), "-c", cmd])
                if code != 0:
                    res[(key, impl)]["error"] = err.strip().splitlines()[-1][:120]
                    continue
                res[(key, impl)]["t"].append(wall)
                res[(key, impl)]["rss"].append(rss)
    return res


# ------------------------------------------------------------------ checking


def compare(a: list | None, b: list | None, rtol: float = 1e-6) -> tuple:
    """(ok, max relative difference) of two checksums ``[loss, sum, abs-sum, ...]``.

    A gradient's sum is compared with a tolerance relative to its abs-sum (sums of
    gradients can be ~0 with rounding noise).
    """
    if a is None or b is None:
        return None, math.nan
    if len(a) != len(b):
        return False, math.inf
    worst = 0.0
    for i, (x, y) in enumerate(zip(a, b)):
        if not (math.isfinite(x) and math.isfinite(y)):
            if x != y:
                return False, math.inf
            continue
        if i == 0 or i % 2 == 0:  # the loss, or an abs-sum
            scale = max(abs(x), abs(y))
        else:  # a sum: scale by the abs-sum next to it
            scale = max(abs(a[i + 1]), abs(b[i + 1]))
        diff = abs(x - y) / scale if scale else abs(x - y)
        worst = max(worst, diff)
    return worst <= rtol, worst


# ------------------------------------------------------------------ reporting


def _med(xs: list) -> float:
    return statistics.median(xs) if xs else math.nan


def _fmt(x: float, digits: int = 3) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    if abs(x) >= 100:
        return f"{x:.0f}"
    return f"{x:.{digits}g}"


def _ratio(a: float, b: float) -> float:
    if a is None or b is None or math.isnan(a) or math.isnan(b) or b == 0:
        return math.nan
    return a / b


def _verdict(ratio: float, bound: float) -> str:
    if math.isnan(ratio):
        return "-"
    return "yes" if ratio <= bound else "no"


def _summary(runs: list, scale: float) -> dict:
    """Median, best-of, RSS, first error / n/a reason and last checksum of one cell's runs."""
    ok = [x for x in runs if "error" not in x and "na" not in x]
    times = [x["seconds"] * scale for x in ok]
    errs = [x["error"] for x in runs if "error" in x]
    nas = [x["na"] for x in runs if "na" in x]
    return {
        "t": _med(times),
        "min": min(times, default=math.nan),
        "rss": _med([x["rss_mb"] for x in ok]),
        "err": errs[0] if errs else None,
        "na": nas[0] if nas and not ok else None,
        "check": ok[-1]["check"] if ok else None,
        "runs": ok,
    }


def _cell(c: dict | None) -> str:
    if c is None:
        return "-"
    if c["runs"]:
        return _fmt(c["t"])
    if c["na"]:
        return "n/a"
    return "error" if c["err"] else "-"


def _check_text(label: str, ours: list | None, other: list | None) -> str | None:
    ok, diff = compare(ours, other)
    if ok is None:
        return None
    return f"{label}{'ok' if ok else 'MISMATCH'} ({diff:.1g})"


def _target_cells(row: dict, targets: list) -> tuple:
    """The target, met and best-of cells for ``[(against, bound), ...]``."""
    shown = [(a, b) for a, b in targets if row.get(a) is not None]
    if not shown:
        return "", "-", "-"
    text = "; ".join(f"<= {b} x {LABEL[a]}" for a, b in shown)
    met = "; ".join(_verdict(_ratio(row[OURS]["t"], row[a]["t"]), b) for a, b in shown)
    best = "; ".join(_fmt(_ratio(row[OURS]["min"], row[a]["min"])) for a, b in shown)
    return text, met, best


def build_tables(results: dict, imports: dict | None, names: list, baseline: bool = False) -> tuple:
    """The timing table, the memory table and the notes, as markdown lines."""
    cols = ["workload", "unit", "MyGrad 2.5.0", "ours", "ours / MyGrad", "NumPy", "ours / NumPy"]
    if baseline:
        cols += ["baseline", "ours / baseline", "best-of ours / baseline"]
    cols += ["target", "met", "best-of ratio", "check"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    notes: list = []
    mcols = ["workload", "MyGrad 2.5.0 MiB", "ours MiB", "ours / MyGrad"]
    if baseline:
        mcols += ["baseline MiB", "ours / baseline"]
    mcols += ["met"]
    mem = ["| " + " | ".join(mcols) + " |", "|" + "---|" * len(mcols)]
    impls = (MG, OURS, BASE) if baseline else (MG, OURS)

    def line(name, unit, row, r_np_cell, np_cell, target, met, best, check):
        cells = [
            name,
            unit,
            _cell(row.get(MG)),
            _cell(row[OURS]),
            _fmt(_ratio(row[OURS]["t"], _t(row, MG))),
            np_cell,
            r_np_cell,
        ]
        if baseline:
            cells += [
                _cell(row.get(BASE)),
                _fmt(_ratio(row[OURS]["t"], _t(row, BASE))),
                _fmt(_ratio(row[OURS]["min"], _t(row, BASE, "min"))),
            ]
        cells += [target, met, best, check]
        return "| " + " | ".join(cells) + " |"

    def _t(row, impl, key="t"):
        return row[impl][key] if row.get(impl) is not None else math.nan

    med: dict = {}
    for name in names:
        unit, scale, has_np, _, _ = SPECS[name]
        r = results[name]
        row = {
            impl: (_summary(r[impl], scale) if impl in r else None) for impl in (MG, OURS, BASE, NP)
        }
        med[name] = row
        checks = [
            _check_text("", row[OURS]["check"], row[MG]["check"] if row[MG] else None),
            _check_text("NumPy ", row[OURS]["check"], row[NP]["check"])
            if has_np and row[NP]
            else None,
            _check_text("baseline ", row[OURS]["check"], row[BASE]["check"]) if row[BASE] else None,
        ]
        if not row[OURS]["runs"] and has_np and row[MG] and row[NP]:
            # nothing of ours to check: at least validate the floor against MyGrad
            checks.append(_check_text("MyGrad vs NumPy ", row[MG]["check"], row[NP]["check"]))
        check = "; ".join(c for c in checks if c) or "-"
        for impl in (MG, OURS, BASE, NP):
            c = row[impl]
            if c is None:
                continue
            if c["na"]:
                notes.append(f"- {name} / {LABEL[impl]}: n/a ({c['na']})")
            elif c["err"]:
                notes.append(f"- {name} / {LABEL[impl]}: {c['err']}")
        targets = [t for t in TARGETS.get(name, []) if baseline or t[0] != BASE]
        target, met, best = _target_cells(row, targets)
        r_np = _ratio(row[OURS]["t"], row[NP]["t"]) if has_np and row[NP] else math.nan
        np_cell = _cell(row[NP]) if has_np else "-"
        lines.append(line(name, unit, row, _fmt(r_np), np_cell, target, met, best, check))

        if name == "small_ops_noguard" and "small_ops" in med:
            on = med["small_ops"]
            g = {
                impl: _ratio(on[impl]["t"], row[impl]["t"])
                for impl in impls
                if row[impl] and on[impl]
            }
            b_ours = _ratio(on[OURS]["min"], row[OURS]["min"])
            cells = [
                "guard overhead (small_ops / small_ops_noguard)",
                "x",
                _fmt(g.get(MG, math.nan)),
                _fmt(g[OURS]),
                "-",
                "-",
                "-",
            ]
            if baseline:
                cells += [_fmt(g.get(BASE, math.nan)), "-", "-"]
            cells += [
                f"<= {GUARD_BOUND} (ours on / ours off)",
                _verdict(g[OURS], GUARD_BOUND),
                _fmt(b_ours),
                "-",
            ]
            lines.append("| " + " | ".join(cells) + " |")
        if name == "third_party_ops" and "small_ops_fn" in med:
            fn = med["small_ops_fn"]
            q = {
                impl: _ratio(row[impl]["t"], fn[impl]["t"])
                for impl in impls
                if row[impl] and fn[impl]
            }
            b_ours = _ratio(row[OURS]["min"], fn[OURS]["min"])
            chk = _check_text("", row[OURS]["check"], fn[OURS]["check"]) or "-"
            cells = [
                "third-party ops / built-in (third_party_ops / small_ops_fn)",
                "x",
                "-",
                _fmt(q.get(OURS, math.nan)),
                "-",
                "-",
                "-",
            ]
            if baseline:
                cells += [_fmt(q.get(BASE, math.nan)), "-", "-"]
            cells += [
                f"<= {THIRD_PARTY_BOUND} (ours third-party / ours built-in)",
                _verdict(q.get(OURS, math.nan), THIRD_PARTY_BOUND),
                _fmt(b_ours),
                chk,
            ]
            lines.append("| " + " | ".join(cells) + " |")
        if name == "deep_chain":
            for impl in impls:
                runs = row[impl]["runs"] if row[impl] else []
                if runs:
                    x = runs[-1]
                    notes.append(
                        f"- deep_chain / {LABEL[impl]}: forward {x['forward_s']:.2f} s, backward "
                        f"{x['backward_s']:.2f} s, graph memory {x['graph_rss_mb']:.0f} MiB, "
                        f"peak increase {x['peak_delta_mb']:.0f} MiB"
                        + (f", **{x['error']}**" if x.get("error") else "")
                    )
        rss = {impl: (row[impl]["rss"] if row[impl] else math.nan) for impl in impls}
        rr = _ratio(rss[OURS], rss[MG])
        # MyGrad's gru runs with numba and scipy imported (about +160 MiB of the process)
        label = f"{name} (MyGrad's includes numba)" if name in NEEDS_NUMBA else name
        cells = [label, _fmt(rss[MG]), _fmt(rss[OURS]), _fmt(rr)]
        if baseline:
            cells += [_fmt(rss[BASE]), _fmt(_ratio(rss[OURS], rss[BASE]))]
        cells += [_verdict(rr, 1.0)]
        mem.append("| " + " | ".join(cells) + " |")

    if imports:
        base = {impl: _med(imports[("import_numpy", impl)]["t"]) * 1e3 for impl in impls}
        for key, label in (
            ("import_mygrad", "import mygrad"),
            ("import_plugins", "import mygrad + plugins"),
        ):
            row = {}
            for impl in impls:
                ts = imports[(key, impl)]["t"]
                n0 = imports[("import_numpy", impl)]["t"]
                row[impl] = {
                    "t": _med(ts) * 1e3 - base[impl],
                    "min": (min(ts, default=math.nan) - min(n0, default=math.nan)) * 1e3,
                    "runs": ts,
                    "na": None,
                    "err": imports[(key, impl)].get("error"),
                }
            targets = [t for t in TARGETS.get(key, []) if baseline or t[0] != BASE]
            target, met, best = _target_cells(row, targets)
            lines.append(
                line(f"{label} (minus `import numpy`)", "ms", row, "-", "-", target, met, best, "-")
            )
            rss = {impl: _med(imports[(key, impl)]["rss"]) for impl in impls}
            rr = _ratio(rss[OURS], rss[MG])
            cells = [label, _fmt(rss[MG]), _fmt(rss[OURS]), _fmt(rr)]
            if baseline:
                cells += [_fmt(rss[BASE]), _fmt(_ratio(rss[OURS], rss[BASE]))]
            cells += [_verdict(rr, 1.0)]
            mem.append("| " + " | ".join(cells) + " |")
            for impl in impls:
                if row[impl]["err"]:
                    notes.append(f"- {label} / {LABEL[impl]}: {row[impl]['err']}")
        cells = [
            "import numpy (for reference)",
            "ms",
            _fmt(base[MG]),
            _fmt(base[OURS]),
            "-",
            "-",
            "-",
        ]
        if baseline:
            cells += [_fmt(base[BASE]), "-", "-"]
        cells += ["", "-", "-", "-"]
        lines.append("| " + " | ".join(cells) + " |")
    return lines, mem, notes


def _extras(info: dict) -> str:
    have = [f"{k} {v}" for k, v in sorted(info.get("extras", {}).items())]
    return f" (and {', '.join(have)} in a second env, for gru_step only)" if have else ""


def machine_info() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "?"
    return {"cpu": cpu, "cores": os.cpu_count(), "os": platform.platform(), "load": load}


def report(args, results, imports, names, mg_info, ours_info, started, elapsed, base=None) -> str:
    """The markdown report; ``base`` is (info, description) of the baseline env, if any."""
    lines, mem, notes = build_tables(results, imports, names, baseline=base is not None)
    m = machine_info()
    ours_dists = ", ".join(f"{k} {v}" for k, v in sorted(ours_info["dists"].items()))
    out = [
        "# Benchmark results: this project vs MyGrad 2.5.0 vs NumPy by hand",
        "",
        f"- date: {started:%Y-%m-%d %H:%M} (took {elapsed:.0f} s); command: "
        f"`{' '.join(['tests/bench/run.py', *args])}`",
        f"- machine: {m['cpu']}, {m['cores']} cores, {m['os']}; load average at the end: {m['load']}",
        f"- python {ours_info['python']}, numpy {ours_info['numpy']} (MyGrad env: numpy "
        f"{mg_info['numpy']}), BLAS/OpenMP threads: 1",
        f"- MyGrad {mg_info['mygrad']} (PyPI){_extras(mg_info)}; ours: {ours_dists}",
        *(
            [
                f"- baseline: {base[1]}; "
                + ", ".join(f"{k} {v}" for k, v in sorted(base[0]["dists"].items()))
            ]
            if base
            else []
        ),
        f"- {results['_rounds']} rounds, each workload in a fresh process per implementation, "
        "interleaved; the cells are medians over the rounds (each process reports the median "
        "of its own timed repetitions, after warm-up)",
        "",
        "## Time",
        "",
        *lines,
        "",
        "`best-of ratio`: the same ratio from the fastest round of each side (less sensitive "
        "to other load on the machine), one per target. "
        "`check`: ours vs MyGrad 2.5.0 (and vs NumPy where there is a floor, vs the baseline "
        "when it ran) on the loss and the gradients' sums; the number is the largest relative "
        "difference (tolerance 1e-6). `n/a`: the environment lacks a name the workload needs "
        "(see the notes).",
        "",
        "## Peak RSS (ru_maxrss of the whole process: interpreter + imports + workload)",
        "",
        *mem,
    ]
    notes = [*results.get("_notes", []), *notes]
    if notes:
        out += ["", "## Notes", "", *notes]
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ main


def main(argv: list | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--rounds",
        type=int,
        default=None,
        help="rounds (default 5, 9 with --baseline; 2 with --quick)",
    )
    p.add_argument("--quick", action="store_true", help="2 rounds, fewer repetitions")
    p.add_argument(
        "--only", nargs="*", default=None, help="run only these workloads (and/or 'import')"
    )
    p.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.name}")
    p.add_argument(
        "--baseline",
        nargs="?",
        const="",
        default=None,
        metavar="REF",
        help="also run a third environment built from git ref REF (default: the merge base "
        "of HEAD with main; HEAD~1 when HEAD is on main), interleaved in every round",
    )
    p.add_argument(
        "--profile",
        metavar="WORKLOAD",
        help="cProfile one workload on this project (ours env) and print the hot spots",
    )
    p.add_argument("--impl", choices=[OURS, MG, BASE], default=OURS, help="with --profile")
    raw = list(sys.argv[1:] if argv is None else argv)
    args = p.parse_args(raw)
    with_base = args.baseline is not None
    rounds = args.rounds or (2 if args.quick else 9 if with_base else 5)
    wanted = set(args.only or SPECS)
    if "third_party_ops" in wanted:  # its row is a ratio to the built-in chain
        wanted.add("small_ops_fn")
    names = [n for n in SPECS if n in wanted]
    do_imports = args.only is None or "import" in args.only
    unknown = set(args.only or ()) - set(SPECS) - {"import"}
    if unknown:
        p.error(f"unknown workloads {sorted(unknown)}; choose from {[*SPECS, 'import']}")

    if args.profile:
        if args.profile not in SPECS:
            p.error(f"unknown workload {args.profile!r}; choose from {list(SPECS)}")
        mg_env, ours_env, mg_info, _ = ensure_envs()
        env = {OURS: ours_env, MG: mg_env}.get(args.impl)
        if args.impl == MG and args.profile in NEEDS_NUMBA:
            env = ensure_mygrad_numba_env(mg_info["numpy"])[0] or mg_env
        if args.impl == BASE:
            env = ensure_baseline_env(args.baseline or None, mg_info["numpy"])[0]
        reps = SPECS[args.profile][4] if args.quick else SPECS[args.profile][3]
        cmd = [_bin(env, "python"), WORKLOADS, args.profile, "mygrad", "--profile", "--reps", reps]
        return subprocess.run(
            [str(c) for c in cmd], env=_child_env(), cwd=tempfile.gettempdir()
        ).returncode

    started = _dt.datetime.now()
    t_start = time.perf_counter()
    mg_env, ours_env, mg_info, ours_info = ensure_envs()
    envs = {MG: mg_env, OURS: ours_env}
    base = None
    if with_base:
        base_env, base_info, base_desc = ensure_baseline_env(
            args.baseline or None, mg_info["numpy"]
        )
        envs[BASE] = base_env
        base = (base_info, base_desc)
        print(f"baseline: {base_desc}", flush=True)

    mg_numba_env = mg_numba_info = None
    if NEEDS_NUMBA & set(names):
        mg_numba_env, mg_numba_info = ensure_mygrad_numba_env(mg_info["numpy"])

    results: dict = {"_rounds": rounds, "_notes": []}
    if NEEDS_NUMBA & set(names) and mg_numba_env is None:
        results["_notes"].append(
            f"- {', '.join(sorted(NEEDS_NUMBA))} / MyGrad: not run (no numba here)"
        )
    for name in names:
        unit, scale, has_np, reps, reps_quick = SPECS[name]
        reps = reps_quick if args.quick else reps
        impls = []
        for impl, env in envs.items():
            if impl == MG and name in NEEDS_NUMBA:
                env = mg_numba_env
            if not (impl == MG and (name in NOT_ON_MYGRAD or env is None)):
                impls.append((impl, env))
        if has_np:
            impls.append((NP, ours_env))
        r: dict = {impl: [] for impl, _ in impls}
        for i in range(rounds):
            # rotate the order each round: no implementation always runs first (or after
            # the heaviest one)
            k = i % len(impls)
            for impl, env in impls[k:] + impls[:k]:
                res = run_workload(name, impl, env, reps)
                r[impl].append(res)
                shown = (
                    "error"
                    if "error" in res
                    else "n/a"
                    if "na" in res
                    else f"{res['seconds'] * scale:.4g} {unit}"
                )
                print(f"  {name:22s} round {i + 1}/{rounds} {impl:8s} {shown}", flush=True)
        results[name] = r

    imports = None
    if do_imports:
        print("  import time ...", flush=True)
        imports = run_imports(envs, rounds, samples=3)

    elapsed = time.perf_counter() - t_start
    if mg_numba_info:
        mg_info = {**mg_info, "extras": mg_numba_info["extras"]}
    text = report(raw, results, imports, names, mg_info, ours_info, started, elapsed, base)
    print()
    print(text)
    if not args.no_write:
        RESULTS.write_text(text, encoding="utf-8")
        print(f"written to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
