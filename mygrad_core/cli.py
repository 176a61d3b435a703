"""The ``mygrad`` command line: ``python -m mygrad plugins [--json]`` and ``demo [spiral|conv]``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import List, Optional


def _plugins(as_json: bool) -> int:
    from mygrad_core.plugins import failed_plugins, loaded_plugins

    loaded = loaded_plugins()
    failed = failed_plugins()
    if as_json:
        print(
            json.dumps(
                {"loaded": [p.as_dict() for p in loaded.values()], "failed": [p.as_dict() for p in failed.values()]},
                indent=2,
                sort_keys=True,
            )
        )
        return 0
    rows = [("plugin", "distribution", "version", "contributes")]
    for p in loaded.values():
        summary = ", ".join(f"{len(v)} {k}" for k, v in sorted(p.contributes.items())) or "-"
        rows.append((p.name, p.distribution or "(run time)", p.version or "-", summary))
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
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="mygrad", description="MyGrad command line")
    sub = parser.add_subparsers(dest="command")
    p = sub.add_parser("plugins", help="list the installed mygrad plugins")
    p.add_argument("--json", action="store_true", help="machine-readable output")
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
    args = parser.parse_args(argv)
    if args.command == "plugins":
        return _plugins(args.json)
    if args.command == "demo":
        from mygrad_core import demo

        return demo.main(args.task, outdir=args.outdir, seconds=args.seconds)
    parser.print_help()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
