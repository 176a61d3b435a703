"""The ``mygrad`` command line: ``python -m mygrad plugins [--json]``, ``demo [spiral|conv]``
and ``--version``.

``plugins`` exits with status 1 when a plugin failed to load (like ``pip check``), so a
script or CI job can rely on it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, Dict, List, Optional


def _versions() -> str:
    from mygrad_core.discovery import loaded_plugins

    version = sys.modules["mygrad_core"].__version__  # imported with its discovery module
    lines = [f"mygrad-core {version}"]
    for p in loaded_plugins().values():
        if p.distribution != "mygrad-core":
            lines.append(f"{p.distribution or p.name + ' (run time)'} {p.version or '-'} (plugin {p.name!r})")
    return "\n".join(lines)


class _Version(argparse.Action):
    """``--version``: computed when asked (it loads the plugins)."""

    def __init__(self, option_strings: Any, dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: Any, namespace: Any, values: Any, option_string: Any = None) -> None:
        print(_versions())
        parser.exit()


def _plugins(as_json: bool) -> int:
    from mygrad_core.discovery import disabled_plugins, failed_plugins, loaded_plugins

    loaded = loaded_plugins()
    failed = failed_plugins()
    disabled = disabled_plugins()
    clash = _facade_clash()
    if as_json:
        report: Dict[str, Any] = {
            "loaded": [p.as_dict() for p in loaded.values()],
            "failed": [p.as_dict() for p in failed.values()],
            "disabled": [p.as_dict() for p in disabled.values()],
        }
        if clash:
            report["problem"] = clash
        print(json.dumps(report, indent=2, sort_keys=True))
        return 1 if failed or clash else 0
    rows = [("plugin", "distribution", "version", "contributes")]
    for p in loaded.values():
        summary = ", ".join(f"{len(v)} {k}" for k, v in sorted(p.contributes.items())) or "-"
        rows.append((p.name, p.distribution or "(run time)", p.version or "-", summary))
    for p in disabled.values():
        rows.append((p.name, p.distribution or "-", p.version or "-", "(disabled: MYGRAD_DISABLE_PLUGINS)"))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    for p in loaded.values():
        for kind, names in sorted(p.contributes.items()):
            print(f"\n{p.name} {kind}: " + ", ".join(sorted(names)))
    if failed:
        print("\nfailed to load:")
        for p in failed.values():
            print(f"  {p.name} ({p.distribution} {p.version or ''}): {p.error}")
    if clash:
        print(f"\nproblem: {clash}")
    return 1 if failed or clash else 0


def _facade_clash() -> Optional[str]:
    from mygrad_core._facade_support import facade_clash

    return facade_clash()


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="mygrad", description="MyGrad command line")
    parser.add_argument("--version", action=_Version, help="print mygrad-core's version and each plugin's")
    sub = parser.add_subparsers(dest="command")
    p = sub.add_parser("plugins", help="list the installed mygrad plugins (exit status 1 if one failed to load)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--version", action=_Version, help="print mygrad-core's version and each plugin's")
    d = sub.add_parser("demo", help="train a small network with the standard plugins")
    d.add_argument(
        "task",
        nargs="?",
        default="spiral",
        choices=("spiral", "conv"),
        help="spiral (default): an MLP on two spirals; conv: a convnet on noisy pictures of shapes",
    )
    d.add_argument("--outdir", default=".", help="where to write the demo's files")
    d.add_argument("--seconds", type=float, default=None, help="training time budget")
    try:
        args = parser.parse_args(argv)
        if args.command == "plugins":
            code = _plugins(args.json)
        elif args.command == "demo":
            from mygrad_core.demo import main as demo_main

            code = demo_main(args.task, outdir=args.outdir, seconds=args.seconds)
        else:
            parser.print_help()
            code = 0
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # the reader went away (``| head``): stop quietly, as a Unix tool does; point
        # stdout at devnull so the interpreter's final flush does not fail again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
