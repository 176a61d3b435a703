"""Fake installed plugins for the plugin-system tests.

Each scenario writes real distribution metadata (``<name>-<version>.dist-info`` with
METADATA and entry_points.txt) plus the plugin packages into a temporary folder and
runs Python in a subprocess with that folder on PYTHONPATH, so discovery goes through
importlib-metadata exactly as for an installed distribution. Installed plugins (the
standard ones, if present) are disabled in those subprocesses with
MYGRAD_DISABLE_PLUGINS so they cannot interfere.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points
from pathlib import Path
from typing import Dict, Iterable, Optional

INSTALLED_PLUGINS = sorted({ep.name for ep in entry_points(group="mygrad.plugins")})


def write_dist(
    root: Path,
    dist: str,
    *,
    version: str = "1.0",
    entry_points: Optional[Dict[str, str]] = None,
    requires: Iterable[str] = (),
    files: Optional[Dict[str, str]] = None,
) -> None:
    """Write a distribution ``dist`` (its dist-info and its files) into ``root``."""
    for rel, src in (files or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(src))
    info = root / f"{re.sub(r'[-_.]+', '_', dist)}-{version}.dist-info"
    info.mkdir(parents=True)
    meta = ["Metadata-Version: 2.1", f"Name: {dist}", f"Version: {version}"]
    meta += [f"Requires-Dist: {r}" for r in requires]
    (info / "METADATA").write_text("\n".join(meta) + "\n")
    if entry_points:
        lines = ["[mygrad.plugins]"] + [f"{k} = {v}" for k, v in entry_points.items()]
        (info / "entry_points.txt").write_text("\n".join(lines) + "\n")


# a module that records each execution of itself (never twice: see test_facade)
RECORD = """\
import os as _os
with open(_os.environ["MYGRAD_TEST_RECORD"], "a") as _f:
    _f.write(__name__ + "\\n")
"""


def simple_plugin(package: str, functions: str = "", extra: str = "") -> Dict[str, str]:
    """Files of a one-module plugin package whose hooks are given as source."""
    return {f"{package}/__init__.py": RECORD + textwrap.dedent(extra), f"{package}/_plugin.py": RECORD + PLUGIN_HEAD + textwrap.dedent(functions)}


PLUGIN_HEAD = """\
import numpy as np
from mygrad_core import hookimpl
"""

# code run first in every probe: import mygrad with warnings recorded
PRELUDE = """\
import json, sys, warnings
warnings.simplefilter("always")
_w = warnings.catch_warnings(record=True)
W = _w.__enter__()
warnings.simplefilter("always")
import numpy as np
import mygrad as mg
import mygrad_core
from mygrad_core import plugins
R = {}
"""

EPILOGUE = """\
mygrad_core.discovery.ensure_loaded()
_w.__exit__(None, None, None)
R["_warnings"] = [f"{w.category.__name__}: {w.message}" for w in W]
R["_loaded"] = {n: [p.distribution, p.version, p.contributes] for n, p in plugins.HOST.loaded.items()}
R["_failed"] = {n: [p.distribution, p.error] for n, p in plugins.HOST.failed.items()}
R["_pm"] = sorted(n for n, p in plugins.manager().list_name_plugin() if p is not None)
R["_registry"] = REGISTRY_VIEW()
print("@@" + json.dumps(R, default=repr))
"""

REGISTRY_VIEW = """\
def REGISTRY_VIEW():
    from mygrad_core.hookspecs import key_name as _key_name
    from mygrad_core.registry import REGISTRY
    def show(v):
        if isinstance(v, (bool, str)):
            return v
        return f"{getattr(v, '__module__', None)}:{getattr(v, '__qualname__', None) or getattr(v, '__name__', None)}"
    out = {}
    for table in REGISTRY._TABLES:
        items = getattr(REGISTRY, table).items()
        if table == "owners":
            out[table] = sorted(f"{k[0]}:{_key_name(k[1])}={v}" for k, v in items)
        else:
            out[table] = sorted(f"{_key_name(k)}={show(v)}" for k, v in items)
    return out
"""


def run_python(
    code: str,
    root: Path,
    *,
    env: Optional[Dict[str, str]] = None,
    args: Iterable[str] = ("-c",),
    check: bool = True,
) -> subprocess.CompletedProcess:
    record = root / "record.txt"
    record.touch()
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("MYGRAD_") and k not in ("CI", "HYPOTHESIS_PROFILE")}
    full_env.update(
        PYTHONPATH=os.pathsep.join([str(root)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]),
        MYGRAD_TEST_RECORD=str(record),
        MYGRAD_CACHE_DIR=str(root / ".mygrad-cache"),
        MYGRAD_DISABLE_PLUGINS=",".join(INSTALLED_PLUGINS),
        PYTHONWARNINGS="always",
    )
    for key, value in (env or {}).items():
        if key == "MYGRAD_DISABLE_PLUGINS":
            value = ",".join(filter(None, [full_env[key], value]))
        full_env[key] = value
    cmd = [sys.executable, *args] + ([code] if code is not None else [])
    proc = subprocess.run(cmd, capture_output=True, text=True, env=full_env, cwd=str(root), timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(f"subprocess failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def probe(root: Path, body: str = "", *, env: Optional[Dict[str, str]] = None) -> dict:
    """Run ``body`` after importing mygrad (in a subprocess) and return the report:
    the dict ``R`` the body fills, plus ``_warnings``, ``_loaded``, ``_failed``,
    ``_pm`` (names in the PluginManager), ``_registry`` (a printable registry)."""
    code = REGISTRY_VIEW + PRELUDE + textwrap.dedent(body) + "\n" + EPILOGUE
    out = run_python(code, root, env=env).stdout
    line = [ln for ln in out.splitlines() if ln.startswith("@@")][-1]
    return json.loads(line[2:])


def records(root: Path) -> list:
    path = root / "record.txt"
    return path.read_text().split() if path.exists() else []
