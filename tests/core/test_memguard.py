"""Memory guarding (G10): arrays in a live graph are read-only until it is released."""

from __future__ import annotations

import gc

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mygrad_core as mgc
from mygrad_core import Operation, execute_op, tensor
from mygrad_core.testing import strategies as mst

from ._ops import add, multiply, square, sum_
from ._process import fresh_process_output


def writeable(*ts):
    return [(t.data if isinstance(t, mgc.Tensor) else t).flags.writeable for t in ts]


def test_flags_before_during_after_backward():
    x = tensor([1.0, 2.0])
    arr = np.array([3.0, 4.0])
    assert writeable(x, arr) == [True, True]
    y = multiply(x, arr)
    z = sum_(square(y))
    assert writeable(x, arr, y, z) == [False, False, False, False]
    with pytest.raises(ValueError, match="read-only"):
        arr[0] = 1.0
    with pytest.raises(ValueError, match="read-only"):
        x.data[0] = 1.0
    z.backward()
    assert writeable(x, arr, y, z) == [True, True, True, True]
    np.testing.assert_allclose(x.grad, 2 * (x.data * arr) * arr)


def test_flags_after_clear_graph():
    x = tensor([1.0, 2.0])
    y = square(x)
    z = square(y)
    z.clear_graph()
    assert writeable(x, y, z) == [True] * 3


def test_user_readonly_array_stays_readonly():
    arr = np.array([1.0, 2.0])
    arr.flags.writeable = False
    x = tensor([1.0, 1.0])
    y = multiply(x, arr)
    y.backward()
    assert arr.flags.writeable is False and x.data.flags.writeable


def test_guard_on_view_locks_owner():
    owner = np.arange(4.0)
    view = owner[1:3]
    x = tensor([1.0, 1.0])
    y = multiply(x, view)
    with pytest.raises(ValueError):
        owner[1] = 10.0
    with pytest.raises(ValueError):
        view[0] = 10.0
    del y
    owner[1] = 10.0
    view[0] = 11.0
    assert owner[1] == 11.0


def test_shared_input_released_when_last_graph_is():
    arr = np.array([1.0, 2.0])
    x = tensor([1.0, 1.0])
    y1 = multiply(x, arr)
    y2 = multiply(x, arr)
    y1.backward()
    assert not arr.flags.writeable and not x.data.flags.writeable
    y2.backward()
    assert arr.flags.writeable and x.data.flags.writeable


class RaiseInCall(Operation):
    def __call__(self, x):
        self.variables = (x,)
        raise RuntimeError("boom in __call__")

    def backward_var(self, grad, index, **kwargs):  # pragma: no cover
        return grad


class RaiseInBackward(Operation):
    def __call__(self, x):
        self.variables = (x,)
        return x.data * 2

    def backward_var(self, grad, index, **kwargs):
        raise RuntimeError("boom in backward_var")


def test_exception_inside_op_call_leaves_flags():
    x = tensor([1.0, 2.0])
    y = square(x)
    with pytest.raises(RuntimeError, match="boom in __call__"):
        execute_op(RaiseInCall, x)
    assert writeable(x) == [False]  # still locked by y's graph only
    assert x.grad is None
    y.backward()
    assert writeable(x, y) == [True, True]
    with pytest.raises(RuntimeError):
        execute_op(RaiseInCall, x)
    assert writeable(x) == [True]


def test_exception_inside_backward_releases_graph():
    x = tensor([1.0, 2.0])
    arr = np.array([1.0, 1.0])
    y = sum_(multiply(execute_op(RaiseInBackward, x), arr))
    with pytest.raises(RuntimeError, match="boom in backward_var"):
        y.backward()
    # the consumed ops are freed at once; nothing else holds the op that raised
    assert writeable(x, arr) == [True, True]
    with pytest.raises(mgc.InvalidBackprop, match="raised part-way"):
        y.backward()  # a retry never silently gives a partial gradient


def test_unreferenced_result_releases_at_once():
    # seed 000 L26943-26958 (with a variable y; ERRATA: ones_like of an array is not constant)
    gc.disable()
    try:
        x = np.array([1.0, 2.0])
        y = mgc.ones_like(x)
        assert not y.constant
        z = multiply(x, y)
        z.backward()
        x[:] = 0
        np.testing.assert_array_equal(x, [0.0, 0.0])
        np.testing.assert_array_equal(multiply(x, y), [0.0, 0.0])
        x[:] = 1.0  # no graph clearing and no gc needed
        w = square(multiply(y, 2.0))
        assert not y.data.flags.writeable
        del w
        assert y.data.flags.writeable
    finally:
        gc.enable()


def test_performance_page_memory_guard_example():
    # seed 000 L2323-2335; ERRATA: mg.ones_like(np.arange(3.)) is not a constant
    x = np.arange(3.0)
    y = mgc.ones_like(x)
    z = multiply(x, y)
    with pytest.raises(ValueError):
        x[:] = 0
    z.backward()
    np.testing.assert_array_equal(y.grad, [0.0, 1.0, 2.0])
    x[:] = 0


def test_guard_off_corrupts_graph():
    # seed 000 L2300-2309, L2611-2620, L2702-2711
    mgc.turn_memory_guarding_off()
    try:
        assert mgc.mem_guard_active() is False
        x = np.arange(3.0)
        y = mgc.ones_like(x)
        z = multiply(x, y)
        x[:] = 0
        z.backward()
        np.testing.assert_array_equal(y.grad, [0.0, 0.0, 0.0])
    finally:
        mgc.turn_memory_guarding_on()
    assert mgc.mem_guard_active() is True


def test_mem_guard_off_and_on_contexts_and_decorators():
    # seed 000 L2459-2474, L2514-2529
    x = tensor([1.0, 2.0])
    with mgc.mem_guard_off:
        assert not mgc.mem_guard_active()
        y = square(x)
        with mgc.mem_guard_on:
            assert mgc.mem_guard_active()
            w = square(x)
        assert not mgc.mem_guard_active()
    assert mgc.mem_guard_active()
    assert not x.data.flags.writeable  # locked by w only
    del w
    assert x.data.flags.writeable and y.data.flags.writeable
    y.backward()
    np.testing.assert_array_equal(x.grad, [2.0, 4.0])

    @mgc.mem_guard_off
    def unguarded(t):
        return square(t), mgc.mem_guard_active()

    @mgc.mem_guard_on
    def guarded(t):
        return square(t), mgc.mem_guard_active()

    r, active = unguarded(x)
    assert active is False and x.data.flags.writeable
    mgc.turn_memory_guarding_off()
    try:
        r2, active = guarded(x)
        assert active is True and not x.data.flags.writeable
        assert mgc.mem_guard_active() is False
    finally:
        mgc.turn_memory_guarding_on()
    del r, r2


def test_state_restored_after_exception_in_context():
    with pytest.raises(RuntimeError):
        with mgc.mem_guard_off:
            raise RuntimeError
    assert mgc.mem_guard_active()
    with pytest.raises(RuntimeError):
        with mgc.no_autodiff:
            raise RuntimeError
    y = square(tensor([1.0]))
    assert y.creator is not None


def test_no_autodiff_guards_nothing():
    x = tensor([1.0, 2.0])
    arr = np.ones(2)
    with mgc.no_autodiff:
        y = multiply(x, arr)
    assert writeable(x, arr, y) == [True] * 3
    assert y.creator is None


def test_inplace_mygrad_ops_are_allowed_on_guarded_tensors():
    x = tensor([1.0, 2.0])
    y = multiply(x, 2.0)
    z = square(y)
    assert not y.data.flags.writeable
    y *= 3.0  # MyGrad's own in-place op is still allowed
    np.testing.assert_array_equal(y, [6.0, 12.0])
    sum_(add(z, y)).backward()
    np.testing.assert_array_equal(x.grad, 8 * x.data + 6.0)
    assert writeable(x, y, z) == [True] * 3


@given(
    data=st.data(),
    n=st.integers(1, 4),
    guard=st.sampled_from(["on", "off", "ctx_off", "no_autodiff"]),
    end=st.sampled_from(["backward", "clear", "del"]),
)
def test_flags_property(data, n, guard, end):
    xs = [data.draw(mst.tensors(shape=(3,), constant=st.booleans())) for _ in range(n)]
    arrs = [np.arange(3.0) for _ in range(n)]
    ro = np.arange(3.0)
    ro.flags.writeable = False
    ctx = {"on": mgc.mem_guard_on, "off": mgc.mem_guard_off, "ctx_off": mgc.mem_guard_off, "no_autodiff": mgc.no_autodiff}[guard]
    with ctx:
        out = tensor(np.zeros(3))
        for x, a in zip(xs, arrs):
            out = add(out, multiply(multiply(x, a), ro))
    # every op builds a graph and locks its arrays, constant results included
    for x, a in zip(xs, arrs):
        assert writeable(x, a) == [guard != "on"] * 2
    assert writeable(out) == [guard != "on"]
    assert not ro.flags.writeable
    if end == "backward":
        out.backward()
    elif end == "clear":
        out.clear_graph()
    else:
        del out
    for t in [*xs, *arrs]:
        assert writeable(t) == [True]
    assert not ro.flags.writeable


@pytest.mark.parametrize("value, expected", [("false", "False"), ("0", "False"), ("true", "True")])
def test_env_var_turns_guard_off(value, expected):
    code = (
        "import numpy as np, mygrad_core as mgc\n"
        "x = mgc.tensor([1.0, 2.0]); y = mgc.reshape(x, (2, 1))\n"
        "print(mgc.mem_guard_active(), not x.data.flags.writeable)\n"
    )
    out = fresh_process_output(code, MYGRAD_MEM_GUARD=value, MYGRAD_DISABLE_PLUGIN_AUTOLOAD="1")
    assert out.split() == [expected, expected]


def test_intermediate_stays_locked_for_a_live_branch_after_backward_elsewhere():
    # an intermediate is guarded by the op that made it; when one branch's backward
    # clears that op, the other live branch keeps the intermediate's data read-only
    x = tensor([1.0, 2.0])
    y = multiply(x, 2.0)
    z1 = multiply(y, 3.0)
    z2 = multiply(y, 4.0)
    assert not y.data.flags.writeable
    sum_(z1).backward()
    assert y.creator is None
    assert not y.data.flags.writeable, "z2's graph still depends on y's values"
    z2.clear_graph()
    assert y.data.flags.writeable
    assert x.data.flags.writeable


def test_intermediate_made_without_guard_is_locked_by_its_guarded_consumer():
    x = tensor([1.0, 2.0])
    with mgc.mem_guard_off:
        y = multiply(x, 2.0)
    assert y.data.flags.writeable
    z = multiply(y, 3.0)
    assert not y.data.flags.writeable
    sum_(z).backward()
    assert y.data.flags.writeable


def test_owned_output_shared_by_another_tensor_gets_its_flag_back():
    # an op's output is locked as owned by that op; a second tensor sharing the same
    # array (no creator) takes a counted lock when used. Whatever order the two graphs
    # end in, the array must be writeable again at the end, and read-only before.
    for first in ("owner", "sharer"):
        x = tensor([1.0, 2.0])
        y = multiply(x, 2.0)
        alias = mgc.astensor(y, constant=True)  # shares y's data, has no creator
        assert alias.data is y.data
        z = multiply(alias, x)
        assert not y.data.flags.writeable
        if first == "owner":
            sum_(y).backward()
            assert not y.data.flags.writeable, "z's graph still uses the array"
            sum_(z).backward()
        else:
            sum_(z).backward()
            assert not y.data.flags.writeable, "y's graph still owns the array"
            sum_(y).backward()
        assert y.data.flags.writeable
