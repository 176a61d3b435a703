"""Memory guarding: arrays that a live graph depends on are made read-only.

Each array taking part in a live graph gets a reference count here. The first lock
records the array's own write flag and clears it; the last release restores it. An
ndarray view is locked together with the array that owns its memory, so the memory
cannot be changed through the owner either.
"""

from __future__ import annotations

import _thread
import functools
from typing import Any, Callable, TypeVar

import numpy as np

from mygrad_core._state import GUARDING, STATE, Switch, guarding_now

__all__ = [
    "mem_guard_off",
    "mem_guard_on",
    "turn_memory_guarding_off",
    "turn_memory_guarding_on",
    "mem_guard_active",
]

# The engine calls three functions, one each: ``guard`` when an op joins a live graph,
# ``release`` when it leaves it, ``hand_over`` when a cleared graph's lock on an array
# must pass to an op outside it. An op's guard state is two attributes: ``_locked``
# (the arrays it holds counted locks on) and ``_owned`` (its output, locked as owner).


def guard(op: Any, tensors: Any, data: np.ndarray, fresh: Any) -> None:
    """Lock ``op``'s output ``data`` and the inputs that no live op guards yet.

    An input made by a guarded op is locked by that op, as its output, for as long as
    ``op`` can need it (``hand_over`` passes the lock on if its creator's graph is
    cleared first). ``fresh`` holds the ids of input tensors made around new memory
    (from scalars and lists): nobody else can reach it, so it needs no lock.
    """
    locked = []
    for t in tensors:
        c = t._creator
        if (c is None or (c._owned is None and not c._locked)) and (fresh is None or id(t) not in fresh):
            locked.append(t._data)
    if locked:
        lock_all(locked)
    k = id(data)
    if data.base is None and k not in _OWNED and k not in _LOCKS and data.flags.writeable:
        # the op's fresh output, locked as its only owner: no count (see `release`)
        data.setflags(write=False)
        _OWNED.add(k)
        op._owned = data
    else:  # a view, not writeable, or already locked: a counted lock instead
        lock_all((data,))
        locked.append(data)
    op._locked = locked


def release(op: Any) -> None:
    """Release every lock ``op`` holds (its graph was cleared, or it was freed)."""
    owned = op._owned
    locked = op._locked
    if owned is not None:
        op._owned = None
        k = id(owned)
        _OWNED.discard(k)
        if k not in _LOCKS:
            owned.setflags(write=True)
            if _PENDING and k in _PENDING:  # views wait for this owner (rare)
                _restore_waiting(k)
    if locked:
        op._locked = ()
        release_all(locked)


def hand_over(data: np.ndarray, op: Any) -> None:
    """``op`` (guarded, still live) relied on another op's lock on its input ``data``,
    which is being released: ``op`` takes a lock of its own."""
    if op._locked or op._owned is not None:
        lock(data)
        op._locked.append(data)


# Graphs built in several threads can share an array (a parameter): its lock count must
# change atomically, or a lost update leaves it read-only for good. A read-modify-write
# of a number is not atomic (a thread may switch between the read and the write), and
# a mutex on every op costs more than the rest of the guard (RLock's acquire and release
# parse their arguments). So a count is the number of tokens in its entry, a list, and
# `list.append`/`list.pop` are atomic (one C call under the GIL, or under the list's own
# lock on a free-threaded build). Only the rare changes, an entry's creation (the first
# lock) and its retirement (the last release), take `_MUTEX`; `_retire` re-checks
# after removing an entry, so a token appended meanwhile without the mutex keeps it
# (see `lock_all` and `_retire`). The mutex is reentrant: an op's `__del__` may release
# locks while the same thread is inside.
_MUTEX = _thread.RLock()

# id(array) -> [array, original writeable flag, one token per lock...]
_LOCKS: dict[int, list[Any]] = {}
_HEAD = 2  # the entry's length with no token: the count is len(entry) - _HEAD
# ids of arrays an op made and locked as its own output: the cheap common case, a
# single owner, needs no count (see `guard`/`release`); they were writeable before
_OWNED: set = set()


def lock(arr: np.ndarray) -> None:
    """Take a counted lock on ``arr`` (and the array owning its memory)."""
    with _MUTEX:
        _lock(arr)


def _lock(arr: np.ndarray) -> None:
    """Take a counted lock (under `_MUTEX`): a token, or a new entry."""
    k = id(arr)
    entry = _LOCKS.get(k)
    if entry is not None:
        entry.append(None)
        return
    writeable = arr.flags.writeable or k in _OWNED
    base = arr.base
    if isinstance(base, np.ndarray):
        if not writeable:
            # a NumPy view taken while its owner was guarded is read-only only because
            # of the guard: it becomes writeable with its owner
            writeable = _originally_writeable(base)
        _lock(base)
    arr.setflags(write=False)  # setflags: half the cost of `arr.flags.writeable = False`
    # published last: a thread that finds the entry (without the mutex) finds it locked
    _LOCKS[k] = [arr, writeable, None]


def release_array(arr: np.ndarray) -> None:
    """Release one counted lock on ``arr``."""
    entry = _LOCKS.get(id(arr))
    if entry is None:  # pragma: no cover - defensive: never locked by us
        return
    entry.pop()
    if len(entry) == _HEAD:
        with _MUTEX:
            _retire(arr, entry)


def _retire(arr: np.ndarray, entry: list) -> None:
    """Drop ``arr``'s entry, whose last token was released, and restore its write flag
    (under `_MUTEX`)."""
    k = id(arr)
    if len(entry) != _HEAD or _LOCKS.get(k) is not entry:
        return  # locked again meanwhile, or retired by another thread already
    del _LOCKS[k]
    if len(entry) != _HEAD:
        # a thread took a token (lock_all's fast path) before it saw the entry gone
        _LOCKS[k] = entry
        return
    base = arr.base
    if isinstance(base, np.ndarray):
        release_array(base)
    if entry[1] and k not in _OWNED:
        if isinstance(base, np.ndarray) and (id(base) in _LOCKS or id(base) in _OWNED):
            # the owner is still locked by another live graph: restore this view's
            # flag when the owner is released (checked first: a failing setflags
            # costs an exception)
            _PENDING.setdefault(id(base), []).append(arr)
            return
        try:
            arr.setflags(write=True)
        except ValueError:  # e.g. the owner is read-only on its own account
            _PENDING.setdefault(id(base), []).append(arr)
            return
    if not _PENDING:  # the common case: no view waits for an owner to be released
        return
    _restore_waiting(k)


def _restore_waiting(owner_id: int) -> None:
    waiting = _PENDING.pop(owner_id, None)
    if waiting:
        for view in waiting:
            if id(view) not in _LOCKS and id(view) not in _OWNED:
                try:
                    view.setflags(write=True)
                except ValueError:  # pragma: no cover - its owner was locked again
                    pass


def _originally_writeable(owner: np.ndarray) -> bool:
    """Whether a guarded ``owner`` was writeable before the guard locked it (False
    if it is not guarded: then it is read-only on its own account)."""
    k = id(owner)
    entry = _LOCKS.get(k)
    if entry is not None:
        return bool(entry[1])
    return k in _OWNED


def writeable_with(view: np.ndarray, owner: np.ndarray) -> None:
    """``view`` of ``owner`` (taken while ``owner`` was guarded, so read-only) becomes
    writeable again when the guard releases ``owner``."""
    if view.flags.writeable or view.base is None:
        return
    with _MUTEX:
        if _originally_writeable(owner):
            _PENDING.setdefault(id(view.base), []).append(view)


def lock_all(arrays: Any) -> None:
    """Lock several arrays (the per-op path: a token, without the mutex, when the array
    is locked already)."""
    locks = _LOCKS
    for arr in arrays:
        k = id(arr)
        entry = locks.get(k)
        if entry is not None:
            entry.append(None)
            if locks.get(k) is entry:
                continue
            # retired by another thread before our token landed: take it back, and
            # lock under the mutex
            entry.pop()
        with _MUTEX:
            _lock(arr)


def release_all(arrays: Any) -> None:
    """Release several arrays (the per-op path: the mutex only for a last release)."""
    locks = _LOCKS
    for arr in arrays:
        entry = locks.get(id(arr))
        if entry is None:
            continue
        entry.pop()
        if len(entry) == _HEAD:
            with _MUTEX:
                _retire(arr, entry)


# views that could not be made writeable because their owner was still locked
_PENDING: dict[int, list[np.ndarray]] = {}


def is_locked(arr: np.ndarray) -> bool:
    return id(arr) in _LOCKS or id(arr) in _OWNED


def is_guarded(arr: np.ndarray) -> bool:
    """Whether a live graph guards ``arr``'s memory (``arr`` or an array it views)."""
    a: Any = arr
    while isinstance(a, np.ndarray):
        k = id(a)
        if k in _LOCKS or k in _OWNED:
            return True
        a = a.base
    return False


def readonly_by_user(arr: np.ndarray) -> bool:
    """Whether ``arr`` is read-only on its own account (the user's or NumPy's doing),
    not only because the memory guard locked it."""
    if arr.flags.writeable:
        return False
    with _Unlocked(arr) as a:
        return not a.flags.writeable


class _Unlocked:
    """Temporarily make a guarded array (and its owner) writeable for MyGrad's own write."""

    __slots__ = ("arr", "restore")

    def __init__(self, arr: np.ndarray) -> None:
        self.arr = arr
        self.restore: list[np.ndarray] = []

    def __enter__(self) -> np.ndarray:
        chain = []
        a: Any = self.arr
        while isinstance(a, np.ndarray):
            chain.append(a)
            a = a.base
        opened = False
        for a in reversed(chain):  # owner first: a view can only be writeable if its owner is
            if a.flags.writeable:
                continue
            entry = _LOCKS.get(id(a))
            if entry is None and id(a) in _OWNED:
                entry = [a, True, None]
            if entry is None:
                # a view taken while its owner was locked (e.g. under no_autodiff) is
                # read-only only because of the lock: open it with its owner
                if not opened:
                    continue
            elif not entry[1]:
                continue  # read-only on its own account
            try:
                a.flags.writeable = True
            except ValueError:  # e.g. a broadcast view: never writeable
                continue
            self.restore.append(a)
            opened = True
        return self.arr

    def __exit__(self, *exc: object) -> None:
        for a in reversed(self.restore):
            a.flags.writeable = False


def unlocked(arr: np.ndarray) -> _Unlocked:
    return _Unlocked(arr)


_F = TypeVar("_F", bound=Callable[..., Any])


class _GuardContext(Switch):
    """A context manager and decorator that sets memory guarding for its extent, in
    this thread only (other threads keep their own setting)."""

    var = GUARDING

    def __call__(self, func: _F) -> _F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with self:
                return func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]


class _NoMemGuard(_GuardContext):
    """Suspends memory guarding inside its context (or the decorated function).

    Examples
    --------
    >>> import mygrad as mg
    >>> with mg.mem_guard_off:
    ...     pass
    """

    value = False


class _WithMemGuard(_GuardContext):
    """Enables memory guarding inside its context, even when it is off globally.

    Examples
    --------
    >>> import mygrad as mg
    >>> with mg.mem_guard_on:
    ...     pass
    """

    value = True


mem_guard_off = _NoMemGuard()
mem_guard_on = _WithMemGuard()


def turn_memory_guarding_off() -> None:
    """Disable memory guarding: the process-wide default, for every thread (except
    inside ``mem_guard_on``).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.turn_memory_guarding_off(); mg.mem_guard_active()
    False
    >>> mg.turn_memory_guarding_on(); mg.mem_guard_active()
    True
    """
    STATE.mem_guard = False


def turn_memory_guarding_on() -> None:
    """Enable memory guarding: the process-wide default (except inside
    ``mem_guard_off``).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.turn_memory_guarding_on()
    """
    STATE.mem_guard = True


def mem_guard_active() -> bool:
    """Return True if memory guarding is active right now.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.mem_guard_active()
    True
    """
    return guarding_now()
