"""In-place ops (augmented assignment, setitem, out=) match out-of-place code (G9)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mygrad_core as mgc
from mygrad_core import tensor
from mygrad_core.testing import assert_grads_match_numerical
from mygrad_core.testing import strategies as mst

from ._ops import add, multiply, square, sum_

N = 5

regions = st.builds(
    lambda a, b, step: slice(a, b, step), st.integers(0, N - 1), st.integers(1, N), st.integers(1, 2)
).filter(lambda s: len(range(N)[s]) > 0)

steps = st.lists(
    st.tuples(
        st.sampled_from(
            ["imul", "iadd_w", "setitem_w", "setitem_scalar", "use", "use_view", "ipow", "self_rev", "early_imul"]
        ),
        regions,
        st.floats(-2, 2).filter(lambda c: abs(c) > 0.1),
    ),
    min_size=1,
    max_size=6,
)


def _mask(region):
    m = np.zeros(N, dtype=bool)
    m[region] = True
    return m


def run_inplace(x, w, program, view_region):
    y = multiply(x, 1.0)
    early = y[view_region]  # a view made before every mutation
    acc = []
    for kind, region, c in program:
        v = y[region]
        if kind == "imul":
            v *= c
        elif kind == "iadd_w":
            v += w[region]
        elif kind == "setitem_w":
            y[region] = w[region]
        elif kind == "setitem_scalar":
            y[region] = c
        elif kind == "ipow":
            v **= 2
        elif kind == "use":
            acc.append(sum_(square(y)))
        elif kind == "use_view":
            acc.append(sum_(multiply(early, c)))
        elif kind == "self_rev":
            y[...] = y[::-1]  # the value overlaps the target
        elif kind == "early_imul":
            early *= c  # mutation through a view made long ago
    loss = sum_(multiply(y, w))
    for a in acc:
        loss = add(loss, a)
    return y, loss


def run_out_of_place(x, w, program, view_region):
    y = multiply(x, 1.0)
    vm = _mask(view_region)
    acc = []
    for kind, region, c in program:
        m = _mask(region)
        if kind == "imul":
            y = mgc.where(m, multiply(y, c), y)
        elif kind == "iadd_w":
            y = mgc.where(m, add(y, w), y)
        elif kind == "setitem_w":
            y = mgc.where(m, w, y)
        elif kind == "setitem_scalar":
            y = mgc.where(m, c, y)
        elif kind == "ipow":
            y = mgc.where(m, square(y), y)
        elif kind == "use":
            acc.append(sum_(square(y)))
        elif kind == "use_view":
            acc.append(sum_(multiply(mgc.where(vm, y, 0.0), c)))
        elif kind == "self_rev":
            y = mgc.flatten(y[::-1])  # a copy: y.grad must not mirror an old base's grad
        elif kind == "early_imul":
            y = mgc.where(vm, multiply(y, c), y)
    loss = sum_(multiply(y, w))
    for a in acc:
        loss = add(loss, a)
    return y, loss


@given(
    xs=mst.arrays(shape=(N,), min_value=-3, max_value=3),
    ws=mst.arrays(shape=(N,), min_value=-3, max_value=3),
    program=steps,
    view_region=regions,
)
def test_inplace_program_matches_out_of_place(xs, ws, program, view_region):
    x1, w1 = tensor(xs), tensor(ws)
    y1, loss1 = run_inplace(x1, w1, program, view_region)
    x2, w2 = tensor(xs), tensor(ws)
    y2, loss2 = run_out_of_place(x2, w2, program, view_region)
    np.testing.assert_allclose(y1.data, y2.data)
    np.testing.assert_allclose(loss1.data, loss2.data)
    loss1.backward()
    loss2.backward()
    np.testing.assert_allclose(x1.grad, x2.grad, atol=1e-12)
    np.testing.assert_allclose(w1.grad, w2.grad, atol=1e-12)
    np.testing.assert_allclose(y1.grad, y2.grad, atol=1e-12)
    # every array is writeable again after backprop
    for t in (x1, w1, y1):
        assert t.data.flags.writeable


def test_issue_example_input_mutated_after_use():
    # issue 2: the op that used x keeps x's old values
    w = tensor([1.0, 2.0])
    x = tensor([3.0, 4.0])
    z = w * x
    x *= 2
    np.testing.assert_array_equal(x, [6.0, 8.0])
    sum_(z).backward()
    np.testing.assert_array_equal(w.grad, [3.0, 4.0])


@given(
    ws=mst.arrays(shape=(3,), min_value=-3, max_value=3),
    xs=mst.arrays(shape=(3,), min_value=-3, max_value=3),
    how=st.sampled_from(["imul", "iadd", "setitem", "view_setitem", "out"]),
)
def test_leaf_mutated_after_use(ws, xs, how):
    w = tensor(ws)
    x = tensor(xs)
    z = multiply(w, x)
    if how == "imul":
        x *= 3.0
    elif how == "iadd":
        x += w
    elif how == "setitem":
        x[1:] = 7.0
    elif how == "view_setitem":
        v = x[::2]
        v[...] = -1.0
    else:
        multiply(x, 5.0, out=x)
    loss = add(sum_(z), sum_(multiply(x, x)))
    loss.backward()
    new_x = x.data
    expected_w = xs + (2 * new_x if how == "iadd" else 0)
    np.testing.assert_allclose(w.grad, expected_w)
    np.testing.assert_allclose(x.grad, 2 * new_x)


def test_augmented_assignment_keeps_identity():
    # seed 000 L26576-26602
    x = mgc.arange(3.0)
    y = x
    x *= 2
    assert x is y
    np.testing.assert_array_equal(y, [0.0, 2.0, 4.0])
    for op in ("+=", "-=", "*=", "**=", "/="):
        t = tensor([1.0, 2.0])
        before = t
        exec(f"t {op} 2.0")
        assert t is before


def test_setitem_with_duplicates_advanced_index():
    x = tensor([1.0, 2.0, 3.0])
    v = tensor([10.0, 20.0, 30.0])
    y = multiply(x, 1.0)
    y[[0, 0, 2]] = v  # the last write to slot 0 wins: v[1]
    np.testing.assert_array_equal(y, [20.0, 2.0, 30.0])
    sum_(multiply(y, tensor([1.0, 2.0, 3.0]))).backward()
    np.testing.assert_array_equal(v.grad, [0.0, 1.0, 3.0])
    np.testing.assert_array_equal(x.grad, [0.0, 2.0, 0.0])


@given(data=st.data())
def test_setitem_gradients_match_numerical(data):
    shape = data.draw(st.sampled_from([(4,), (3, 4), (2, 3, 2)]))
    index = data.draw(
        st.sampled_from(
            [
                np.s_[1:],
                np.s_[::2],
                np.s_[0],
                np.s_[..., 0],
                np.s_[np.array([0, 1, 1])],
                np.s_[np.array([True, False] * (shape[0] // 2) + [True] * (shape[0] % 2))],
            ]
        )
    )
    region = np.empty(shape)[index].shape
    vshape = data.draw(st.sampled_from([region, region[1:], ()]))
    xs = data.draw(mst.arrays(shape=shape))
    vs = data.draw(mst.arrays(shape=vshape))

    def f(x, v):
        y = multiply(x, 1.0)
        y[index] = v
        return multiply(y, y)

    assert_grads_match_numerical(f, xs, vs)


def test_setitem_on_leaf_and_broadcasting():
    # seed 000 L380-394 style: mask setitem and tuple setitem on an intermediate
    x = tensor([[1.0, -2.0], [-3.0, 4.0]])
    y = multiply(x, 2.0)
    y[y <= 0] = 0
    y[:, 0] = tensor([5.0, 6.0])
    np.testing.assert_array_equal(y, [[5.0, 0.0], [6.0, 8.0]])
    sum_(y).backward()
    np.testing.assert_array_equal(x.grad, [[0.0, 0.0], [0.0, 2.0]])


def test_setitem_value_shape_mismatch_leaves_state():
    x = tensor([1.0, 2.0, 3.0])
    y = multiply(x, 1.0)
    creator = y.creator
    with pytest.raises(ValueError, match=r"\(2,\)"):
        y[:] = tensor([1.0, 2.0])
    assert y.creator is creator
    np.testing.assert_array_equal(y, [1.0, 2.0, 3.0])
    with pytest.raises(IndexError):
        y[5] = 1.0
    assert y.creator is creator and not y.data.flags.writeable
    sum_(y).backward()
    np.testing.assert_array_equal(x.grad, [1.0, 1.0, 1.0])


def test_inplace_int_tensor_stays_constant():
    x = mgc.arange(3)
    x += 1
    np.testing.assert_array_equal(x, [1, 2, 3])
    assert x.constant
    x[0] = tensor(5.0)  # a float value written into an int tensor is cast
    assert x.dtype.kind == "i" and x.constant and x[0].item() == 5


def test_constant_target_stays_constant_when_a_variable_is_written():
    # ERRATA (in-place write into a constant tensor): the target decides
    x = tensor([1.0, 2.0], constant=True)
    w = tensor(3.0)
    x[0] = w
    assert x.constant
    np.testing.assert_array_equal(x, [3.0, 2.0])
    sum_(multiply(x, w)).backward()
    assert x.grad is None and w.grad == 5.0


def test_inplace_under_no_autodiff_into_a_guarded_result_raises():
    # ERRATA: no_autodiff stops new tracking, it never lifts the guard y's graph holds
    x = tensor([1.0, 2.0])
    y = multiply(x, 1.0)
    with mgc.no_autodiff:
        z = y[:1]
        with pytest.raises(ValueError, match="read-only"):
            z *= 5.0
    np.testing.assert_array_equal(y, [1.0, 2.0])
    assert y.creator is not None


def test_inplace_under_no_autodiff_is_plain_write_once_the_graph_is_gone():
    x = tensor([1.0, 2.0])
    y = multiply(x, 1.0)
    y.clear_graph()
    with mgc.no_autodiff:
        z = y[:1]
        z *= 5.0
    np.testing.assert_array_equal(y, [5.0, 2.0])


def test_einsum_style_view_mutation_front_page():
    # seed 000 L82-110 with a view op of our own (einsum lives in mygrad-linalg):
    # mutating a view mutates the base; the view's grad is a view of the base's grad.
    # ERRATA: the later mask example uses the mutated x (L118-122)
    x = mgc.arange(9.0).reshape(3, 3)
    diag = x.reshape(-1)[::4]
    assert np.shares_memory(x, diag)
    diag *= -1
    np.testing.assert_array_equal(x, [[-0.0, 1, 2], [3, -4, 5], [6, 7, -8]])
    (x**2).backward()
    np.testing.assert_array_equal(x.grad, 2 * x.data)
    np.testing.assert_array_equal(diag.grad, [-0.0, -8.0, -16.0])
    assert np.shares_memory(x.grad, diag.grad)
    (x[x < 4] ** 2).backward()
    expected = np.where(x.data < 4, 2 * x.data, 0.0)
    np.testing.assert_array_equal(x.grad, expected)
    assert x.grad[1, 1] == -8.0 and x.grad[2, 2] == -16.0


@pytest.mark.parametrize("leaf", [False, True])
def test_value_overlapping_the_target(leaf):
    x = tensor([1.0, 2.0, 3.0])
    y = x if leaf else multiply(x, tensor([1.0, 1.0, 1.0]))
    y[1:] = y[:2]  # the value is a view of the target: its old state is used
    np.testing.assert_array_equal(y, [1.0, 1.0, 2.0])
    sum_(multiply(y, tensor([1.0, 10.0, 100.0]))).backward()
    # leaf: the grad is w.r.t. x's new state; otherwise it flows to the old state
    expected = [1.0, 10.0, 100.0] if leaf else [11.0, 100.0, 0.0]
    np.testing.assert_array_equal(x.grad, expected)


def test_value_is_the_target_itself():
    x = tensor([1.0, 2.0, 3.0])
    y = multiply(x, tensor([1.0, 1.0, 1.0]))
    y[...] = y
    y[::-1] = y
    np.testing.assert_array_equal(y, [3.0, 2.0, 1.0])
    sum_(multiply(y, tensor([1.0, 10.0, 100.0]))).backward()
    np.testing.assert_array_equal(x.grad, [100.0, 10.0, 1.0])
