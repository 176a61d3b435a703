"""mg.multi_matmul and its matrix-chain ordering."""

from __future__ import annotations

import functools

import hypothesis.strategies as st
import mygrad as mg
import mygrad_linalg._matmul as mm
import numpy as np
import pytest
from hypothesis import given

from mygrad_core.testing import assert_grads_match_numerical
from mygrad_core.testing.strategies import tensors


@st.composite
def chains(draw, min_len=2, max_len=5):
    """Shapes of a multi_dot chain; the first/last may be 1-D vectors."""
    n = draw(st.integers(min_len, max_len))
    dims = draw(st.lists(st.integers(1, 5), min_size=n + 1, max_size=n + 1))
    shapes = [(dims[i], dims[i + 1]) for i in range(n)]
    if draw(st.booleans()):
        shapes[0] = (dims[1],)
    if draw(st.booleans()):
        shapes[-1] = (dims[-2],)
    return shapes


def _all_costs(dims, i, j):
    """Cost of every parenthesisation of matrices i..j (brute force)."""
    if i == j:
        return [0]
    out = []
    for k in range(i, j):
        for left in _all_costs(dims, i, k):
            for right in _all_costs(dims, k + 1, j):
                out.append(left + right + dims[i] * dims[k + 1] * dims[j + 1])
    return out


def _tree_cost(tree, shapes):
    """(rows, cols, cost) of evaluating ``tree``."""
    if isinstance(tree, int):
        r, c = shapes[tree]
        return r, c, 0
    (r1, c1, k1), (r2, c2, k2) = _tree_cost(tree[0], shapes), _tree_cost(tree[1], shapes)
    assert c1 == r2
    return r1, c2, k1 + k2 + r1 * c1 * c2


@given(st.lists(st.integers(1, 30), min_size=2, max_size=7))
def test_chosen_order_is_minimal(dims):
    shapes = [(dims[i], dims[i + 1]) for i in range(len(dims) - 1)]
    cost, tree = mm.optimal_parenthesization(shapes)
    assert cost == min(_all_costs(dims, 0, len(shapes) - 1))
    assert _tree_cost(tree, shapes)[2] == cost
    leaves = []

    def walk(t):
        if isinstance(t, int):
            leaves.append(t)
        else:
            walk(t[0])
            walk(t[1])

    walk(tree)
    assert leaves == list(range(len(shapes)))


def test_documented_cost_example():
    """seed 000, L8467-8479: (AB)C costs 7500, A(BC) 75000."""
    assert mm.optimal_parenthesization([(10, 100), (100, 5), (5, 50)]) == (7500, ((0, 1), 2))


@given(shapes=chains(), data=st.data())
def test_matches_multi_dot_and_numerical_gradients(shapes, data):
    ts = [data.draw(tensors(s)) for s in shapes]
    out = mg.multi_matmul(ts)
    expected = np.linalg.multi_dot([t.data for t in ts])
    assert isinstance(out, mg.Tensor)
    assert out.shape == np.shape(expected)
    np.testing.assert_allclose(out.data, expected, rtol=1e-7, atol=1e-9)
    assert out.constant == all(t.constant for t in ts)
    assert_grads_match_numerical(lambda *xs: mg.multi_matmul(xs), *ts)


@given(shapes=chains(min_len=3))
def test_products_follow_the_optimal_order(shapes):
    calls = []
    real = mm.matmul

    def spy(a, b, **kw):
        calls.append((np.shape(a), np.shape(b)))
        return real(a, b, **kw)

    ts = [np.ones(s) for s in shapes]
    mm.matmul, saved = spy, mm.matmul
    try:
        mm.multi_matmul(ts)
    finally:
        mm.matmul = saved
    as_matrices = [
        (1, s[0]) if i == 0 and len(s) == 1 else (s[0], 1) if len(s) == 1 else s
        for i, s in enumerate(shapes)
    ]
    _, tree = mm.optimal_parenthesization(as_matrices)

    expected = []

    def shape_of(t):
        if isinstance(t, int):
            return shapes[t]
        left, right = shape_of(t[0]), shape_of(t[1])
        expected.append((left, right))
        return np.matmul(np.ones(left), np.ones(right)).shape

    shape_of(tree)
    assert calls == expected


def test_stacks_of_matrices_broadcast():
    rng = np.random.default_rng(1)
    arrs = [rng.normal(size=(2, 1, 3, 4)), rng.normal(size=(5, 4, 2)), rng.normal(size=(2, 3))]
    out = mg.multi_matmul([mg.tensor(a) for a in arrs])
    np.testing.assert_allclose(out.data, functools.reduce(np.matmul, arrs))
    assert_grads_match_numerical(lambda *xs: mg.multi_matmul(xs), *arrs)


@pytest.mark.parametrize("n", [0, 1])
def test_fewer_than_two_tensors_raise(n):
    with pytest.raises(ValueError):
        mg.multi_matmul([np.ones((2, 2))] * n)


@pytest.mark.parametrize(
    "shapes",
    [[(2, 2), (2,), (2, 2)], [(2,), (), (2,)], [(), (2, 2)], [(2, 2), ()]],
)
def test_middle_operand_below_2d_raises(shapes):
    with pytest.raises(ValueError):
        mg.multi_matmul([np.ones(s) for s in shapes])


def test_constant_argument():
    a, b, c = (mg.tensor(np.ones((2, 2))) for _ in range(3))
    assert mg.multi_matmul([a, b, c], constant=True).constant
    out = mg.multi_matmul([np.ones((2, 2))] * 3, constant=False)
    assert not out.constant
    assert mg.multi_matmul([np.ones((2, 2))] * 3).constant
    out = mg.multi_matmul([a, b, c])
    out.backward()
    np.testing.assert_allclose(a.grad, np.full((2, 2), 4.0))


def test_doc_example_large_chain():
    """seed 000, L8506-8524: A(10000x100) B(100x1000) C(1000x5) D(5x333) equals the
    left-to-right chain and is computed as (A @ (B @ C)) @ D."""
    rng = np.random.default_rng(0)
    arrs = [
        rng.random((10000, 100)),
        rng.random((100, 1000)),
        rng.random((1000, 5)),
        rng.random((5, 333)),
    ]
    A, B, C, D = (mg.Tensor(a) for a in arrs)
    out = mg.multi_matmul([A, B, C, D])
    assert out.shape == (10000, 333)
    np.testing.assert_allclose(out.data, np.linalg.multi_dot(arrs))
    # the plain left-to-right chain of the example, on the first rows of A (the full
    # A @ B alone would be a 10000x1000 product)
    head = A[:50]
    np.testing.assert_allclose(out.data[:50], mg.matmul(mg.matmul(mg.matmul(head, B), C), D).data)
    np.testing.assert_allclose(out.data[:50], (head @ B @ C @ D).data)
    _, order = mm.optimal_parenthesization([a.shape for a in arrs])
    assert order == ((0, (1, 2)), 3)
