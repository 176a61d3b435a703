"""Instructions per op (valgrind's callgrind) of the loops in ``instructions_workload.py``,
for several environments side by side: deterministic to within 0.1%, so it resolves
the 1-3% differences that timings on a shared machine cannot.

    python tests/bench/instructions.py tests/bench/envs/baseline tests/bench/envs/ours
    python tests/bench/instructions.py ENV... --modes small rnn nad_small

Each count is ``(count(30 rounds) - count(10 rounds)) / 20 / ops per round`` (the
difference cancels start-up and imports). Needs ``valgrind`` on PATH; build the
environments with ``run.py`` (``--baseline REF`` builds ``envs/baseline``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORKLOAD = HERE / "instructions_workload.py"
# ops per round of each loop (its backward included in the count, not in the ops)
OPS = {"mul": 50, "sin": 50, "pow2": 50, "getitem": 50, "bwd": 50, "small": 50, "rnn": 50}
DEFAULT_MODES = ["small", "small:noguard", "nad_small", "rnn", "mul", "sin", "pow2", "getitem", "bwd"]


def count(env: Path, mode: str, rounds: int) -> int:
    """Instructions of one run of the workload (valgrind's total)."""
    mode, _, flag = mode.partition(":")
    child = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    child.update(PYTHONHASHSEED="0", OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    if flag == "noguard":
        child["MYGRAD_MEM_GUARD"] = "0"
    python = env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", str(python), str(WORKLOAD), str(rounds), mode]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=child, check=False)
    found = re.search(r"Collected : (\d+)", proc.stderr)
    if proc.returncode != 0 or not found:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr[-2000:]}")
    return int(found.group(1))


def per_op(env: Path, mode: str) -> float:
    count(env, mode, 1)  # a first run may rebuild the plugin-discovery cache
    name = mode.partition(":")[0]
    ops = OPS[name[4:] if name.startswith("nad_") else name]
    return (count(env, mode, 30) - count(env, mode, 10)) / 20 / ops


def main(argv: list | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("envs", nargs="+", type=Path, help="virtual environments; ratios are to the first")
    parser.add_argument("--modes", nargs="+", default=DEFAULT_MODES, help="loops (MODE or MODE:noguard)")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not on PATH (Debian: apt-get install valgrind)")
    names = [e.name for e in args.envs]
    print("| loop | " + " | ".join(f"{n} (instructions/op)" for n in names) + " | " + " | ".join(f"{n} / {names[0]}" for n in names[1:]) + " |")
    print("|---" * (1 + 2 * len(names) - 1) + "|")
    for mode in args.modes:
        counts = [per_op(env, mode) for env in args.envs]
        ratios = [f"{c / counts[0]:.3f}" for c in counts[1:]]
        print(f"| {mode} | " + " | ".join(f"{c / 1000:.1f}k" for c in counts) + " | " + " | ".join(ratios) + " |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
