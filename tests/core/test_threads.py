"""Thread-local graph and guard switches; thread-safe guard bookkeeping (issue 11,
item 4; ERRATA: "no_autodiff, mem_guard_off, mem_guard_on ... thread-local")."""

from __future__ import annotations

import sys
import threading
import time

import numpy as np
import pytest

import mygrad_core as mgc
from mygrad_core import memguard, tensor

from ._ops import multiply, sum_
from ._process import fresh_process_output


def _in_thread(fn):
    """Run ``fn`` in a new thread; re-raise what it raised."""
    box = {}

    def run():
        try:
            box["value"] = fn()
        except BaseException as e:  # pragma: no cover - reported below
            box["error"] = e

    th = threading.Thread(target=run)
    th.start()
    th.join(10)
    if "error" in box:
        raise box["error"]
    return box.get("value")


def _graph_state():
    """(tracked, guarded) for a graph built in the calling thread."""
    x = tensor([1.0, 2.0])
    y = multiply(x, 2.0)
    return y.creator is not None, not x.data.flags.writeable


@pytest.mark.parametrize("switch", ["no_autodiff", "mem_guard_off"])
def test_a_context_in_one_thread_leaves_other_threads_alone(switch):
    with getattr(mgc, switch):
        assert _graph_state() == ((False, False) if switch == "no_autodiff" else (True, False))
        assert _in_thread(_graph_state) == (True, True)
        assert _in_thread(mgc.mem_guard_active) is True
    assert _graph_state() == (True, True)


def test_mem_guard_on_in_one_thread_leaves_a_global_off_alone():
    mgc.turn_memory_guarding_off()
    try:
        with mgc.mem_guard_on:
            assert _graph_state() == (True, True)
            assert _in_thread(_graph_state) == (True, False)
    finally:
        mgc.turn_memory_guarding_on()


def test_decorators_are_thread_local_too():
    inside = threading.Event()
    leave = threading.Event()
    seen = {}

    @mgc.no_autodiff
    def untracked():
        seen["worker"] = _graph_state()
        inside.set()
        leave.wait(10)

    th = threading.Thread(target=untracked)
    th.start()
    assert inside.wait(10)
    try:
        assert _graph_state() == (True, True)  # the worker is inside the decorator
    finally:
        leave.set()
        th.join(10)
    assert seen["worker"] == (False, False)


def test_interleaved_enter_exit_restores_every_threads_state():
    # thread A enters mem_guard_off, B enters mem_guard_on, A exits, B exits: with
    # process-wide switches this left guarding off for good
    steps = [threading.Event() for _ in range(4)]
    results = {}

    def a():
        with mgc.mem_guard_off:
            steps[0].set()
            steps[1].wait(10)
            results["a_inside"] = mgc.mem_guard_active()
        steps[2].set()

    def b():
        steps[0].wait(10)
        with mgc.mem_guard_on:
            steps[1].set()
            steps[2].wait(10)
            results["b_inside"] = mgc.mem_guard_active()
        steps[3].set()

    threads = [threading.Thread(target=a), threading.Thread(target=b)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(10)
    assert results == {"a_inside": False, "b_inside": True}
    assert mgc.mem_guard_active()
    assert _graph_state() == (True, True)
    assert _in_thread(_graph_state) == (True, True)


def test_turn_memory_guarding_off_is_the_process_default():
    mgc.turn_memory_guarding_off()
    try:
        assert _in_thread(mgc.mem_guard_active) is False
        assert _in_thread(_graph_state) == (True, False)
    finally:
        mgc.turn_memory_guarding_on()
    assert _in_thread(_graph_state) == (True, True)


def test_environment_variable_sets_the_default_of_every_thread():
    code = (
        "import threading, mygrad_core as mgc\n"
        "out = []\n"
        "th = threading.Thread(target=lambda: out.append(mgc.mem_guard_active()))\n"
        "th.start(); th.join()\n"
        "print(mgc.mem_guard_active(), out[0])\n"
    )
    assert fresh_process_output(code, MYGRAD_MEM_GUARD="0").split() == ["False", "False"]


class _SwitchingDict(dict):
    """The guard's lock table, forcing a thread switch around every lookup, insertion and
    deletion: CPython may switch threads after any call, this makes the unlucky
    interleavings (a token taken while another thread retires the entry) the rule."""

    def get(self, key, default=None):
        value = dict.get(self, key, default)
        time.sleep(0)
        return value

    def __setitem__(self, key, value):
        time.sleep(0)
        dict.__setitem__(self, key, value)
        time.sleep(0)

    def __delitem__(self, key):
        time.sleep(0)
        dict.__delitem__(self, key)
        time.sleep(0)


@pytest.mark.parametrize("through_a_view", [False, True], ids=["direct", "view"])
def test_shared_parameter_is_writeable_again_after_4_threads_x_400_graphs(through_a_view):
    # through a view: each graph also creates and retires a counted entry for the view
    # (the steps that take the mutex) while taking tokens on the shared parameter
    w = tensor(np.linspace(0.5, 1.5, 8))
    barrier = threading.Barrier(4)
    errors = []

    def work(seed):
        try:
            x = np.random.default_rng(seed).normal(size=8)
            barrier.wait(10)
            for i in range(400):
                y = sum_(multiply(w[1:] if through_a_view else w, x[1:] if through_a_view else x))
                if w.data.flags.writeable:  # a lost lock: the live graph is unguarded
                    errors.append(f"w writeable while a graph built on it lives (graph {i})")
                if i % 2:
                    y.backward()
                del y  # the other half is dropped without a backward
        except BaseException as e:  # pragma: no cover
            errors.append(e)

    table = memguard._LOCKS
    switching = _SwitchingDict(table)
    memguard._LOCKS = switching
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=work, args=(s,)) for s in range(4)]
        for th in threads:
            th.start()
        for th in threads:
            th.join(60)
    finally:
        sys.setswitchinterval(old)
        memguard._LOCKS = table
        table.clear()
        table.update(switching)
    assert not errors
    assert not memguard.is_locked(w.data)
    assert w.data.flags.writeable
    w.data[0] = 0.0  # the user's parameter update works
