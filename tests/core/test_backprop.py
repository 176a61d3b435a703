"""Back-propagation: topological order, accumulation, clearing, grad nulling, scale."""

from __future__ import annotations

import gc
import time
import weakref

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mygrad_core as mgc
from mygrad_core import InvalidGradient, Operation, execute_op, tensor
from mygrad_core.testing import assert_grads_match_numerical
from mygrad_core.testing import strategies as mst

from ._ops import add, multiply, square, sum_


def _chain(n):
    x = tensor(1.0)
    y = x
    for _ in range(n):
        y = add(y, 0.0)
    return x, y


def test_long_chain_no_recursion_error():
    x, y = _chain(100_000)
    y.backward()
    assert x.grad == 1.0
    assert y.creator is None


def test_backprop_time_roughly_linear():
    def timed(n):
        x, y = _chain(n)
        gc.disable()  # time the engine's traversal, not Python's cyclic GC passes
        try:
            t0 = time.perf_counter()
            y.backward()
            return time.perf_counter() - t0
        finally:
            gc.enable()

    timed(2_000)  # warm up
    t20 = min(timed(20_000) for _ in range(2))
    t40 = min(timed(40_000) for _ in range(2))
    # linear would be 2x; quadratic would be 4x. Loose bound for a shared machine.
    assert t40 < 3.5 * t20 + 0.05, (t20, t40)


def test_diamond_visits_each_node_once(calls):
    x = tensor([1.0, 2.0])
    a = square(x)  # one node used by two branches
    b = multiply(a, 2.0)
    c = multiply(a, 3.0)
    d = add(b, c)
    calls.clear()
    d.backward()
    assert calls["square"] == 1
    assert calls["multiply"] == 2  # one per multiply node (the scalars are constants)
    assert calls["add"] == 2  # one per variable input of the single add node
    np.testing.assert_allclose(x.grad, 10 * np.array([1.0, 2.0]))
    np.testing.assert_allclose(a.grad, [5.0, 5.0])


def test_paths_of_different_lengths():
    # x feeds the product directly and through 2*x: the grad must collect both paths
    x = tensor(3.0)
    y = multiply(x, 2.0)
    (x * y).backward()
    assert x.grad == 12.0
    t = tensor([2.0, 4.0, 8.0])
    (t * t[::-1]).backward()  # seed 000 L988-992
    np.testing.assert_array_equal(t.grad, [16.0, 8.0, 4.0])


@given(depth=st.integers(1, 6), widths=st.lists(st.integers(0, 3), min_size=6, max_size=6))
def test_random_dags_match_numerical(depth, widths):
    # node i uses node i-1 and, by `widths`, an earlier node: many shared sub-graphs
    def f(x):
        nodes = [x]
        for i in range(depth):
            prev = nodes[-1]
            other = nodes[max(0, i - widths[i])]
            nodes.append(add(multiply(prev, 0.5), square(other) * 0.1))
        return nodes[-1]

    assert_grads_match_numerical(f, np.array([0.3, -0.7, 1.1]))


def test_graph_is_cleared_after_backward():
    x = tensor([1.0, 2.0])
    y = square(x)
    z = sum_(y)
    z.backward()
    assert z.creator is None and y.creator is None
    assert x.data.flags.writeable and y.data.flags.writeable
    # backward again on the now-leaf: only z itself gets a grad
    z.backward()
    assert z.grad == 1.0


def test_clear_graph():
    # seed 000 L1145-1153: even an all-constant result records its op and guards x
    x = np.array([1.0, 2.0])
    y = multiply(2.0, x)
    assert y.constant and x.flags.writeable is False and y.creator is not None
    y.clear_graph()
    assert x.flags.writeable is True and y.creator is None
    y = multiply(tensor(2.0), x)
    assert x.flags.writeable is False and y.creator is not None
    y.clear_graph()
    assert x.flags.writeable is True and y.creator is None
    w = tensor([1.0])
    u = square(w)
    v = square(u)
    v.clear_graph()
    assert u.creator is None and v.creator is None
    v.backward()
    assert w.grad is None and u.grad is None


def test_grads_nulled_when_tensor_joins_new_op():
    # seed 000 L26831-26850
    x = tensor([1.0, 2.0])
    for _ in range(3):
        y = 3 * x
        assert x.grad is None
        y.backward()
        np.testing.assert_array_equal(x.grad, [3.0, 3.0])
    view = x[:1]
    (x * 2.0).backward()
    assert view.grad is not None
    view * 1.0  # a view joining a new op nulls its base's grad too
    assert x.grad is None and view.grad is None


def test_non_scalar_backward_equals_summed():
    x = tensor([[1.0, 2.0], [3.0, 4.0]])
    square(x).backward()
    g1 = x.grad.copy()
    sum_(square(x)).backward()
    np.testing.assert_array_equal(g1, x.grad)
    np.testing.assert_array_equal(g1, 2 * x.data)


@given(data=st.data())
def test_backward_grad_broadcasts(data):
    shape = data.draw(mst.shapes(max_dims=3, min_side=1))
    x = data.draw(mst.tensors(shape=shape, constant=False))
    gshape = data.draw(mst.broadcastable_shapes(2, max_dims=len(shape)).map(lambda s: s[0]))
    g = np.full(gshape, 2.0)
    try:
        np.broadcast_to(g, shape)
    except ValueError:
        with pytest.raises(ValueError):
            square(x).backward(g)
        return
    square(x).backward(g)
    np.testing.assert_allclose(x.grad, 2 * 2 * x.data)
    assert x.grad.shape == x.shape


def test_backward_bad_grad_shape_names_both_shapes_and_keeps_graph():
    x = tensor([1.0, 2.0, 3.0])
    y = square(x)
    with pytest.raises(ValueError, match=r"\(3,\).*\(2,\)|\(2,\).*\(3,\)"):
        y.backward(np.ones(2))
    assert y.creator is not None and not x.data.flags.writeable
    with pytest.raises(TypeError, match="dtype"):
        y.backward(np.array(["a", "b", "c"]))
    y.backward([1.0, 0.0, 1.0])
    np.testing.assert_array_equal(x.grad, [2.0, 0.0, 6.0])


def test_backward_on_constant_gives_no_grads():
    x = tensor([1.0, 2.0], constant=True)
    y = square(x)
    y.backward()
    assert y.grad is None and x.grad is None


def test_zero_d_grad_in_broadcast_is_0d_array():
    # changelog 2.0.1: a 0-D tensor taking part in a broadcast gets a 0-D array
    x = tensor(2.0)
    (x * tensor([1.0, 2.0, 3.0])).backward()
    assert type(x.grad) is np.ndarray and x.grad.shape == () and x.grad == 6.0


class BadShape(Operation):
    def __call__(self, x):
        self.variables = (x,)
        return x.data * 1

    def backward_var(self, grad, index, **kwargs):
        return np.ones((7, 5))


class BadType(BadShape):
    def backward_var(self, grad, index, **kwargs):
        return "not a gradient"


@pytest.mark.parametrize("Op", [BadShape, BadType])
def test_invalid_gradient_from_backward_var(Op):
    x = tensor([1.0, 2.0])
    y = execute_op(Op, x)
    with pytest.raises(InvalidGradient, match=Op.__name__ if Op is BadType else "shape"):
        y.backward()
    # nothing was consumed: the graph is intact (a retry fails the same way, loudly)
    # and is released like any graph, when it is dropped or cleared
    assert x.grad is None and y.creator is not None
    with pytest.raises(InvalidGradient):
        y.backward()
    y.clear_graph()
    assert x.data.flags.writeable and y.creator is None


def test_no_reference_cycles():
    gc.collect()
    gc.disable()
    try:
        x = tensor([1.0, 2.0])
        y = square(x)
        op_ref = weakref.ref(y.creator)
        a = tensor([3.0, 4.0])
        a_ref = weakref.ref(a)
        z = multiply(y, a)
        view = z[:1]
        view_ref = weakref.ref(view)
        del view
        assert view_ref() is None
        del a
        assert a_ref() is not None  # held by z's creator
        del z
        assert a_ref() is None  # freed at once: no cycle through op <-> tensors
        del y
        assert op_ref() is None
        assert x.data.flags.writeable
        # after backward too
        w = tensor([1.0])
        r = square(square(w))
        ref = weakref.ref(r.creator.variables[0])
        r.backward()
        assert ref() is None
    finally:
        gc.enable()


def test_no_autodiff_disconnects():
    # seed 000 L2401-2419 and L26988-26994 (ERRATA: four ones for four elements)
    with mgc.no_autodiff:
        x = mgc.arange(4.0)
        (4 * x).backward()
    assert x.grad is None
    x = mgc.arange(4.0)
    with mgc.no_autodiff:
        y = x * 2
    y.backward()
    np.testing.assert_array_equal(y.grad, np.ones(4))
    assert x.grad is None and y.creator is None

    @mgc.no_autodiff
    def func(t):
        return t * 2

    r = func(x)
    assert r.creator is None and x.data.flags.writeable


def test_accumulation_never_mutates_a_gradient_someone_else_holds():
    # add's backward hands the very same array to both inputs; the running sum for x
    # starts as that array, which is also y's grad: it must not be added to in place
    x = tensor([1.0, 2.0])
    y = add(x, x)
    y.backward()
    np.testing.assert_array_equal(y.grad, [1.0, 1.0])
    np.testing.assert_array_equal(x.grad, [2.0, 2.0])


def test_accumulation_in_place_when_nobody_else_holds_the_sum():
    # a shared weight gets many contributions; the intermediates are dropped on the way
    w = tensor([1.0, 2.0, 3.0])
    out = multiply(w, 1.0)
    for k in range(2, 6):
        out = add(out, multiply(w, float(k)))
    keep = multiply(w, 10.0)  # a node the user still holds, whose grad must stay intact
    total = add(out, keep)
    sum_(total).backward()
    np.testing.assert_allclose(w.grad, [1 + 2 + 3 + 4 + 5 + 10] * 3)
    np.testing.assert_array_equal(keep.grad, [1.0, 1.0, 1.0])


def test_backward_through_a_graph_another_backward_cut_raises():
    # z1's backward clears y's creator, which z2's graph also needs: backward from z2
    # would leave x.grad stale (z1's), so it refuses, leaving everything as it was
    x = tensor([1.0, 2.0])
    y = multiply(x, 2.0)
    z1 = multiply(y, 3.0)
    z2 = multiply(y, 4.0)
    sum_(z1).backward()
    np.testing.assert_array_equal(x.grad, [6.0, 6.0])
    s2 = sum_(z2)
    with pytest.raises(mgc.InvalidBackprop, match="cleared by an earlier backward"):
        s2.backward()
    np.testing.assert_array_equal(x.grad, [6.0, 6.0])
    # the supported way: one backward from the sum of the results
    x = tensor([1.0, 2.0])
    y = multiply(x, 2.0)
    sum_(add(multiply(y, 3.0), multiply(y, 4.0))).backward()
    np.testing.assert_array_equal(x.grad, [14.0, 14.0])


def test_explicit_clear_graph_cuts_without_error():
    # clear_graph() is a deliberate cut: the graph below continues from y as a leaf
    x = tensor([1.0, 2.0])
    y = multiply(x, 2.0)
    z = multiply(y, 4.0)
    y.clear_graph()
    sum_(z).backward()
    np.testing.assert_array_equal(y.grad, [4.0, 4.0])
    assert x.grad is None
