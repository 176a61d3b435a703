"""The switches read on every op: graph tracking and memory guarding.

``no_autodiff``, ``mem_guard_off`` and ``mem_guard_on`` are thread-local (context
variables, like ``torch.no_grad``); ``turn_memory_guarding_off/on()`` and the
``MYGRAD_MEM_GUARD`` environment variable set the process-wide default.

Reading a context variable on every op would cost time, so the per-op path reads one
plain attribute first: ``STATE.tracking`` is True while no thread is inside any of the
three contexts, and then ``STATE.mem_guard`` (the process default) is the answer.
Only while some thread is inside a context does an op consult the context variables
(:func:`tracking_now`, :func:`guarding_now`).
"""

import _thread
import os
from contextvars import ContextVar
from typing import Optional


def _env_mem_guard() -> bool:
    value = os.environ.get("MYGRAD_MEM_GUARD", "true").strip().lower()
    return value not in {"0", "false", "no", "off"}


class _State:
    __slots__ = ("tracking", "mem_guard", "active")

    def __init__(self) -> None:
        # fast flag: True while no thread is inside no_autodiff / mem_guard_off/on, so
        # that graphs are tracked and `mem_guard` decides guarding
        self.tracking = True
        # memory guarding: the process-wide default
        self.mem_guard = _env_mem_guard()
        # how many contexts are open, over all threads
        self.active = 0


STATE = _State()

# this thread's (or task's) settings; None: the process default
TRACKING: ContextVar[bool] = ContextVar("mygrad_tracking", default=True)
GUARDING: ContextVar[Optional[bool]] = ContextVar("mygrad_mem_guard", default=None)

_COUNT_LOCK = _thread.allocate_lock()  # (`_thread`: importing `threading` costs 1 ms)


def tracking_now() -> bool:
    """Whether this thread builds graphs right now."""
    return STATE.tracking or TRACKING.get()


def guarding_now() -> bool:
    """Whether this thread guards the memory of new graphs right now."""
    if STATE.tracking:
        return STATE.mem_guard
    value = GUARDING.get()
    return STATE.mem_guard if value is None else value


def context_entered() -> None:
    with _COUNT_LOCK:
        STATE.active += 1
        STATE.tracking = False


def context_exited() -> None:
    with _COUNT_LOCK:
        STATE.active -= 1
        if not STATE.active:
            STATE.tracking = True


class Switch:
    """Base of the thread-local context managers: sets ``var`` to ``value`` for the
    extent of a ``with`` block in this thread (or task) only; nesting and any
    interleaving with other threads restore each thread's own previous value."""

    var: ContextVar
    value: object

    def __init__(self) -> None:
        # the previous values of this switch's variable, per thread/task
        self._stack: ContextVar[tuple] = ContextVar(f"{type(self).__name__}_stack", default=())

    def __enter__(self) -> None:
        var = self.var
        self._stack.set(self._stack.get() + (var.get(),))
        var.set(self.value)
        context_entered()

    def __exit__(self, *exc: object) -> None:
        stack = self._stack.get()
        self.var.set(stack[-1])
        self._stack.set(stack[:-1])
        context_exited()
