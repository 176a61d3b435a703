"""Running a snippet in a fresh Python process (for settings read at start-up)."""

from __future__ import annotations

import os
import subprocess
import sys


def fresh_process_output(code: str, **env: str) -> str:
    """The stdout of ``python -c code`` in a new process, with ``env`` added to the
    environment; raises if the process fails."""
    proc = subprocess.run(
        [sys.executable, "-c", code], env=dict(os.environ, **env), capture_output=True, text=True, check=True
    )
    return proc.stdout
