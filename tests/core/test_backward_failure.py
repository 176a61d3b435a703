"""A backward() that raises part-way leaves every graph usable or loudly unusable
(issue 11, item 2): a sibling graph back-propagates correctly or raises
InvalidBackprop, a retry gives the full gradient or raises, never a silent None."""

from __future__ import annotations

import gc
import weakref

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mygrad_core as mgc
from mygrad_core import Operation, execute_op, tensor
from mygrad_core.testing import strategies as mst

from ._ops import add, multiply, square, sum_


class Flaky(Operation):
    """Identity whose backward raises while ``Flaky.failing`` is set."""

    failing: BaseException | None = None

    def __call__(self, x):
        self.variables = (x,)
        return x.data * 1.0

    def backward_var(self, grad, index, **kwargs):
        if Flaky.failing is not None:
            raise Flaky.failing
        return grad


@pytest.fixture(autouse=True)
def _reset():
    yield
    Flaky.failing = None


def _backward_or_invalid(t):
    """Back-propagate; True if done, False if InvalidBackprop said the graph is gone."""
    try:
        t.backward()
    except mgc.InvalidBackprop:
        return False
    return True


def test_sibling_sharing_an_unreached_node_is_correct():
    x = tensor([1.0, 2.0])
    h = multiply(x, 2.0)
    y = sum_(multiply(execute_op(Flaky, h), 3.0))
    z = sum_(square(h))  # shares h, above the op that fails
    Flaky.failing = RuntimeError("boom")
    with pytest.raises(RuntimeError, match="boom"):
        y.backward()
    assert x.grad is None  # no partial gradient is left behind
    z.backward()
    np.testing.assert_array_equal(x.grad, 8 * x.data)


def test_sibling_sharing_a_consumed_node_raises_naming_the_op():
    x = tensor([1.0, 2.0])
    h = multiply(execute_op(Flaky, x), 2.0)
    y = sum_(multiply(h, 3.0))
    z = sum_(square(h))  # shares h, below the op that fails: h's op was consumed
    Flaky.failing = RuntimeError("boom")
    with pytest.raises(RuntimeError):
        y.backward()
    with pytest.raises(mgc.InvalidBackprop, match="Square"):
        z.backward()


def test_retry_raises_invalid_backprop_naming_the_failure():
    x = tensor([1.0, 2.0])
    y = sum_(multiply(execute_op(Flaky, x), 3.0))
    Flaky.failing = MemoryError("once")
    with pytest.raises(MemoryError):
        y.backward()
    Flaky.failing = None
    with pytest.raises(mgc.InvalidBackprop, match="MemoryError: once.*Flaky"):
        y.backward()
    assert x.grad is None


def test_retry_after_a_failure_in_the_first_op_gives_the_full_gradient():
    x = tensor([1.0, 2.0])
    y = execute_op(Flaky, multiply(x, 3.0))
    Flaky.failing = MemoryError("once")
    with pytest.raises(MemoryError):
        y.backward()
    Flaky.failing = None
    y.backward()  # nothing was consumed yet: the graph was intact
    np.testing.assert_array_equal(x.grad, [3.0, 3.0])


def test_consumed_ops_are_still_freed_early():
    gc.collect()
    gc.disable()
    try:
        x = tensor([1.0, 2.0])
        m = multiply(execute_op(Flaky, x), 3.0)
        op_ref = weakref.ref(m.creator)
        y = sum_(m)
        del m
        Flaky.failing = RuntimeError("boom")
        try:
            y.backward()
        except RuntimeError:  # (not pytest.raises: its traceback would hold the frames)
            pass
        else:  # pragma: no cover
            raise AssertionError("backward() did not raise")
        Flaky.failing = None  # the raised instance holds its traceback (and frames)
        assert op_ref() is None  # consumed before the failure: freed, not kept
        assert x.data.flags.writeable  # nothing is left holding the failed graph
    finally:
        gc.enable()


def _chain(x, kinds, fail_at):
    """x -> op_0 -> ... with Flaky inserted after ``fail_at`` ops; all nodes returned."""
    nodes = [x]
    t = x
    for i, k in enumerate(kinds):
        if i == fail_at:
            t = execute_op(Flaky, t)
            nodes.append(t)
        if k == "mul":
            t = multiply(t, 1.5)
        elif k == "add":
            t = add(t, t)
        else:
            t = square(t)
        nodes.append(t)
    return nodes


@given(
    x0=mst.arrays(shape=mst.shapes(min_dims=0, max_dims=2, min_side=1, max_side=3), dtype=np.float64, min_value=-2, max_value=2),
    kinds=st.lists(st.sampled_from(["mul", "add", "square"]), min_size=1, max_size=4),
    data=st.data(),
    error=st.sampled_from([RuntimeError("boom"), MemoryError("once")]),
)
def test_property_failed_backward_never_silently_cuts(x0, kinds, data, error):
    fail_at = data.draw(st.integers(0, len(kinds) - 1), label="fail_at")

    def reference(share_index):
        xr = tensor(x0)
        nodes = _chain(xr, kinds, fail_at)
        sum_(square(nodes[share_index])).backward()
        g_sib = xr.grad
        xr = tensor(x0)
        sum_(_chain(xr, kinds, fail_at)[-1]).backward()
        return g_sib, xr.grad

    x = tensor(x0)
    nodes = _chain(x, kinds, fail_at)
    share = data.draw(st.integers(0, len(nodes) - 1), label="share")
    sibling = sum_(square(nodes[share]))
    root = sum_(nodes[-1])
    expected_sib, expected_root = reference(share)
    del nodes

    Flaky.failing = error
    with pytest.raises(type(error)):
        root.backward()
    Flaky.failing = None
    if _backward_or_invalid(sibling):
        assert x.grad is not None
        np.testing.assert_allclose(x.grad, expected_sib)
    if _backward_or_invalid(root):
        assert x.grad is not None
        np.testing.assert_allclose(x.grad, expected_root)
