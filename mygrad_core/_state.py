"""Process-wide switches read on every op (kept as plain module attributes for speed)."""

import os


def _env_mem_guard() -> bool:
    value = os.environ.get("MYGRAD_MEM_GUARD", "true").strip().lower()
    return value not in {"0", "false", "no", "off"}


class _State:
    __slots__ = ("tracking", "mem_guard")

    def __init__(self) -> None:
        # graph tracking is on unless inside ``no_autodiff``
        self.tracking = True
        # memory guarding: the global default, possibly overridden by a context
        self.mem_guard = _env_mem_guard()


STATE = _State()
