"""Benchmark this project against the original MyGrad 2.5.0 and against NumPy by hand.

Usage (``nox -s bench`` runs this)::

    python tests/bench/run.py [--rounds N] [--quick] [--only NAME ...] [--no-write]
    python tests/bench/run.py --profile small_ops [--impl mygrad]   # cProfile hot spots

It creates (or reuses) two virtual environments under ``tests/bench/envs/``:

* ``mygrad-2.5.0``: the original ``mygrad==2.5.0`` from PyPI, numpy, psutil;
* ``ours``: this repository's ``mygrad-core`` and every plugin folder under ``plugins/``
  (regular, non-editable installs, refreshed on every run), the same numpy, psutil.

Each workload of ``workloads.py`` runs in a fresh process per implementation,
interleaved (MyGrad, ours, NumPy, MyGrad, ours, NumPy, ...) for several rounds; the
table shows the medians over the rounds and the ratios, and the correctness check that
compares the losses and gradients. The table is printed and written to
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

# names of the implementations, in the order they run within a round
MG, OURS, NP = "mygrad", "ours", "numpy"

# workload -> (unit label, scale from seconds, has NumPy floor, reps normal, reps quick)
SPECS = {
    "small_ops": ("µs/op", 1e6, False, 9, 5),
    "small_ops_noguard": ("µs/op", 1e6, False, 9, 5),
    "small_ops_noautodiff": ("µs/op", 1e6, True, 9, 5),
    "mlp_step": ("ms", 1e3, True, 7, 5),
    "big_elementwise": ("ms", 1e3, True, 5, 3),
    "rnn_loop": ("ms", 1e3, False, 9, 5),
    "deep_chain": ("s", 1.0, False, 1, 1),
}

# target: (what the ratio is taken against, the bound)
TARGETS = {
    "small_ops": (MG, 0.5),
    "guard_overhead": ("self", 1.2),
    "small_ops_noautodiff": (MG, 0.7),
    "mlp_step": (NP, 1.05),
    "big_elementwise": (NP, 1.05),
    "rnn_loop": (MG, 0.6),
    "import_plugins": (MG, 1.0),
}

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


def _plugin_folders() -> list:
    return sorted(p.parent for p in (ROOT / "plugins").glob("*/pyproject.toml"))


def _env_info(env: Path) -> dict:
    out = subprocess.run(
        [str(_bin(env, "python")), str(WORKLOADS), "--info"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tempfile.gettempdir(),
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def ensure_envs() -> tuple:
    """Create/refresh both environments; return (mygrad env, ours env, their infos)."""
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

    ours_env = ENVS / "ours"
    if not _bin(ours_env, "python").exists():
        print(f"creating {ours_env}", flush=True)
        _create(ours_env)
    folders = [ROOT, *_plugin_folders()]
    names = [_dist_name(f) for f in folders]
    if "mygrad" in names:  # pragma: no cover - the PyPI name belongs to the original
        raise SystemExit("a local distribution is named 'mygrad': refusing to install it")
    print(f"refreshing {ours_env} with {', '.join(names)}", flush=True)
    _pip(
        ours_env,
        f"numpy=={mg_info['numpy']}",
        "psutil",
        *[str(f) for f in folders],
        reinstall=tuple(names),
    )
    ours_info = _env_info(ours_env)
    if "mygrad" in {k.lower() for k in ours_info["dists"]}:
        raise SystemExit(f"{ours_env} contains the original 'mygrad' distribution: {ours_info}")
    return mg_env, ours_env, mg_info, ours_info


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
            [str(c) for c in cmd], stdout=out, stderr=err, env=_child_env(), cwd=tempfile.gettempdir()
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


def build_tables(results: dict, imports: dict | None, names: list) -> tuple:
    """The timing table, the memory table and the notes, as markdown lines."""
    head = (
        "| workload | unit | MyGrad 2.5.0 | ours | ours / MyGrad | NumPy | ours / NumPy "
        "| target | met | best-of ratio | check |"
    )
    lines = [head, "|" + "---|" * 11]
    notes: list = []
    mem = ["| workload | MyGrad 2.5.0 MiB | ours MiB | ours / MyGrad | met |", "|---|---|---|---|---|"]
    med: dict = {}
    for name in names:
        unit, scale, has_np, _, _ = SPECS[name]
        r = results[name]
        row = {}
        for impl in (MG, OURS, NP):
            runs = [x for x in r.get(impl, []) if "error" not in x]
            errs = [x["error"] for x in r.get(impl, []) if "error" in x]
            row[impl] = {
                "t": _med([x["seconds"] * scale for x in runs]),
                "min": min([x["seconds"] * scale for x in runs], default=math.nan),
                "rss": _med([x["rss_mb"] for x in runs]),
                "err": errs[0] if errs else None,
                "check": runs[-1]["check"] if runs else None,
                "runs": runs,
            }
        med[name] = row
        ok_mg, diff_mg = compare(row[OURS]["check"], row[MG]["check"])
        check = "-" if ok_mg is None else ("ok" if ok_mg else "MISMATCH") + f" ({diff_mg:.1g})"
        if has_np:
            ok_np, diff_np = compare(row[OURS]["check"], row[NP]["check"])
            if ok_np is not None:
                check += "; NumPy " + ("ok" if ok_np else "MISMATCH") + f" ({diff_np:.1g})"
        cells = []
        for impl in (MG, OURS):
            e = row[impl]["err"]
            cells.append(_fmt(row[impl]["t"]) if not e or row[impl]["runs"] else "error")
            if e:
                notes.append(f"- {name} / {'MyGrad 2.5.0' if impl == MG else 'ours'}: {e}")
        r_mg = _ratio(row[OURS]["t"], row[MG]["t"])
        r_np = _ratio(row[OURS]["t"], row[NP]["t"]) if has_np else math.nan
        target, met, best = "", "-", "-"
        if name in TARGETS:
            against, bound = TARGETS[name]
            target = f"<= {bound} x {'MyGrad' if against == MG else 'NumPy'}"
            met = _verdict(r_mg if against == MG else r_np, bound)
            best = _fmt(_ratio(row[OURS]["min"], row[against]["min"]))
        lines.append(
            f"| {name} | {unit} | {cells[0]} | {cells[1]} | {_fmt(r_mg)} | "
            f"{_fmt(row[NP]['t']) if has_np else '-'} | {_fmt(r_np)} | {target} | {met} | {best} "
            f"| {check} |"
        )
        if name == "small_ops_noguard" and "small_ops" in med:
            on, off = med["small_ops"], row
            g_mg, g_ours = _ratio(on[MG]["t"], off[MG]["t"]), _ratio(on[OURS]["t"], off[OURS]["t"])
            b_ours = _ratio(on[OURS]["min"], off[OURS]["min"])
            lines.append(
                f"| guard overhead (small_ops / small_ops_noguard) | x | {_fmt(g_mg)} | "
                f"{_fmt(g_ours)} | - | - | - | <= 1.2 (ours on / ours off) | "
                f"{_verdict(g_ours, 1.2)} | {_fmt(b_ours)} | - |"
            )
        if name == "deep_chain":
            for impl, label in ((MG, "MyGrad 2.5.0"), (OURS, "ours")):
                runs = row[impl]["runs"]
                if runs:
                    x = runs[-1]
                    notes.append(
                        f"- deep_chain / {label}: forward {x['forward_s']:.2f} s, backward "
                        f"{x['backward_s']:.2f} s, graph memory {x['graph_rss_mb']:.0f} MiB, "
                        f"peak increase {x['peak_delta_mb']:.0f} MiB"
                        + (f", **{x['error']}**" if x.get("error") else "")
                    )
        rss_mg, rss_ours = row[MG]["rss"], row[OURS]["rss"]
        rr = _ratio(rss_ours, rss_mg)
        mem.append(f"| {name} | {_fmt(rss_mg)} | {_fmt(rss_ours)} | {_fmt(rr)} | {_verdict(rr, 1.0)} |")

    if imports:
        base = {impl: _med(imports[("import_numpy", impl)]["t"]) * 1e3 for impl in (MG, OURS)}
        for key, label in (("import_mygrad", "import mygrad"), ("import_plugins", "import mygrad + plugins")):
            t = {impl: _med(imports[(key, impl)]["t"]) * 1e3 - base[impl] for impl in (MG, OURS)}
            r = _ratio(t[OURS], t[MG])
            target, met, best = "", "-", "-"
            if key in TARGETS:
                target, met = "<= 1.0 x MyGrad", _verdict(r, 1.0)
                mins = {
                    impl: min(imports[(key, impl)]["t"], default=math.nan)
                    - min(imports[("import_numpy", impl)]["t"], default=math.nan)
                    for impl in (MG, OURS)
                }
                best = _fmt(_ratio(mins[OURS], mins[MG]))
            lines.append(
                f"| {label} (minus `import numpy`) | ms | {_fmt(t[MG])} | {_fmt(t[OURS])} | "
                f"{_fmt(r)} | - | - | {target} | {met} | {best} | - |"
            )
            rss = {impl: _med(imports[(key, impl)]["rss"]) for impl in (MG, OURS)}
            rr = _ratio(rss[OURS], rss[MG])
            mem.append(f"| {label} | {_fmt(rss[MG])} | {_fmt(rss[OURS])} | {_fmt(rr)} | {_verdict(rr, 1.0)} |")
            for impl in (MG, OURS):
                if imports[(key, impl)].get("error"):
                    notes.append(f"- {label} / {impl}: {imports[(key, impl)]['error']}")
        lines.append(
            f"| import numpy (for reference) | ms | {_fmt(base[MG])} | {_fmt(base[OURS])} | - | - | - | | - | - | - |"
        )
    return lines, mem, notes


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


def report(args, results, imports, names, mg_info, ours_info, started, elapsed) -> str:
    lines, mem, notes = build_tables(results, imports, names)
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
        f"- MyGrad {mg_info['mygrad']} (PyPI); ours: {ours_dists}",
        f"- {results['_rounds']} rounds, each workload in a fresh process per implementation, "
        "interleaved; the cells are medians over the rounds (each process reports the median "
        "of its own timed repetitions, after warm-up)",
        "",
        "## Time",
        "",
        *lines,
        "",
        "`best-of ratio`: the same ratio from the fastest round of each side (less sensitive "
        "to other load on the machine). "
        "`check`: ours vs MyGrad 2.5.0 (and vs NumPy where there is a floor) on the loss and the "
        "gradients' sums; the number is the largest relative difference (tolerance 1e-6).",
        "",
        "## Peak RSS (ru_maxrss of the whole process: interpreter + imports + workload)",
        "",
        *mem,
    ]
    if notes:
        out += ["", "## Notes", "", *notes]
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ main


def main(argv: list | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rounds", type=int, default=None, help="rounds (default 5; 2 with --quick)")
    p.add_argument("--quick", action="store_true", help="2 rounds, fewer repetitions")
    p.add_argument("--only", nargs="*", default=None, help="run only these workloads (and/or 'import')")
    p.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.name}")
    p.add_argument(
        "--profile",
        metavar="WORKLOAD",
        help="cProfile one workload on this project (ours env) and print the hot spots",
    )
    p.add_argument("--impl", choices=["ours", "mygrad"], default="ours", help="with --profile")
    raw = list(sys.argv[1:] if argv is None else argv)
    args = p.parse_args(raw)
    rounds = args.rounds or (2 if args.quick else 5)
    names = [n for n in SPECS if args.only is None or n in args.only]
    do_imports = args.only is None or "import" in args.only
    unknown = set(args.only or ()) - set(SPECS) - {"import"}
    if unknown:
        p.error(f"unknown workloads {sorted(unknown)}; choose from {[*SPECS, 'import']}")

    if args.profile:
        if args.profile not in SPECS:
            p.error(f"unknown workload {args.profile!r}; choose from {list(SPECS)}")
        mg_env, ours_env, _, _ = ensure_envs()
        env = ours_env if args.impl == OURS else mg_env
        reps = SPECS[args.profile][4] if args.quick else SPECS[args.profile][3]
        cmd = [_bin(env, "python"), WORKLOADS, args.profile, "mygrad", "--profile", "--reps", reps]
        return subprocess.run([str(c) for c in cmd], env=_child_env(), cwd=tempfile.gettempdir()).returncode

    started = _dt.datetime.now()
    t_start = time.perf_counter()
    mg_env, ours_env, mg_info, ours_info = ensure_envs()
    envs = {MG: mg_env, OURS: ours_env}

    results: dict = {"_rounds": rounds}
    for name in names:
        unit, scale, has_np, reps, reps_quick = SPECS[name]
        reps = reps_quick if args.quick else reps
        impls = [(MG, mg_env), (OURS, ours_env)] + ([(NP, ours_env)] if has_np else [])
        r: dict = {impl: [] for impl, _ in impls}
        for i in range(rounds):
            for impl, env in impls:
                res = run_workload(name, impl, env, reps)
                r[impl].append(res)
                shown = "error" if "error" in res else f"{res['seconds'] * scale:.4g} {unit}"
                print(f"  {name:22s} round {i + 1}/{rounds} {impl:7s} {shown}", flush=True)
        results[name] = r

    imports = None
    if do_imports:
        print("  import time ...", flush=True)
        imports = run_imports(envs, rounds, samples=3)

    text = report(raw, results, imports, names, mg_info, ours_info, started, time.perf_counter() - t_start)
    print()
    print(text)
    if not args.no_write:
        RESULTS.write_text(text, encoding="utf-8")
        print(f"written to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
