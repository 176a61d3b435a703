"""README's test command (its second ```bash block) is what `.ci/run` runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _bash_blocks(text):
    return re.findall(r"```bash\n(.*?)```", text, flags=re.S)


def _commands(script):
    out = []
    for line in script.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def test_readme_test_command_is_what_ci_runs():
    blocks = _bash_blocks((ROOT / "README.md").read_text())
    assert len(blocks) >= 2, "README needs an install block and a test block"
    readme_cmds = _commands(blocks[1])
    assert readme_cmds, "README's second bash block is empty"
    ci_cmds = _commands((ROOT / ".ci" / "run").read_text())
    # the README's command appears verbatim, as one line, in .ci/run
    for cmd in readme_cmds:
        assert cmd in ci_cmds, f"{cmd!r} from README is not run by .ci/run"
    # and it is the last command that decides the exit status
    idx = max(ci_cmds.index(c) for c in readme_cmds)
    assert "nox" in readme_cmds[-1]
    assert all(not c.startswith(("python -m nox", "nox ")) for c in ci_cmds[idx + 1 :])


def test_readme_commands_make_or_reuse_a_virtual_environment_first():
    # system pips that follow PEP 668 refuse to install outside a virtual environment
    blocks = _bash_blocks((ROOT / "README.md").read_text())
    for block in blocks[:2]:
        (line,) = [c for c in _commands(block) if "pip install" in c]
        steps = [s.strip() for s in line.split("&&")]
        assert steps[0] == "python3 -m venv .venv", steps
        assert steps[1] == ". .venv/bin/activate", steps
        # from there on, `python` is the environment's
        assert all(s.startswith("python -m ") for s in steps[2:]), steps
