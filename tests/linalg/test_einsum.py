"""mg.einsum: random subscripts against NumPy, gradients, views and the interleaved form."""

from __future__ import annotations

import string

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from hypothesis import given
from mygrad import einsum

from mygrad_core.testing import assert_grads_match_numerical, check_op_contract
from mygrad_core.testing.strategies import arrays, broadcastable_shapes, tensors

LABELS = "abcdB"  # an upper-case label too: implicit outputs sort "B" before "a"
_SUBLIST_NUMBER = {c: i for i, c in enumerate(string.ascii_uppercase + string.ascii_lowercase)}


@st.composite
def einsum_specs(draw, min_operands=1, max_operands=3):
    """(subscripts, shapes): random labels per axis, repeats inside one operand (equal
    sizes), size-1 axes that broadcast, optional ellipses and a random explicit output
    (a subset of the labels in random order) or the implicit one."""
    n_ops = draw(st.integers(min_operands, max_operands))
    sizes = {c: draw(st.integers(1, 3)) for c in LABELS}
    use_ell = draw(st.booleans())
    ell_shapes = (
        draw(broadcastable_shapes(n_ops, min_dims=0, max_dims=2, max_side=2))
        if use_ell
        else [()] * n_ops
    )
    terms, shapes = [], []
    for i in range(n_ops):
        labels = draw(st.lists(st.sampled_from(LABELS), max_size=3))
        shape = []
        for j, c in enumerate(labels):
            if c in labels[:j]:
                shape.append(shape[labels.index(c)])  # a repeat: same size (diagonal)
            else:
                shape.append(1 if draw(st.integers(0, 4)) == 0 else sizes[c])
        if use_ell:
            p = draw(st.integers(0, len(labels)))
            labels = labels[:p] + ["..."] + labels[p:]
            shape = shape[:p] + list(ell_shapes[i]) + shape[p:]
        terms.append("".join(labels))
        shapes.append(tuple(shape))
    subscripts = ",".join(terms)
    if draw(st.booleans()):
        used = sorted({c for t in terms for c in t if c != "."})
        out = [c for c in draw(st.permutations(used)) if draw(st.booleans())]
        if use_ell:
            p = draw(st.integers(0, len(out)))
            out = out[:p] + ["..."] + out[p:]
        subscripts += "->" + "".join(out)
    return subscripts, shapes


def _sublist(term):
    """A subscripts term as an interleaved-form sublist."""
    out, i = [], 0
    while i < len(term):
        if term.startswith("...", i):
            out.append(Ellipsis)
            i += 3
        else:
            out.append(_SUBLIST_NUMBER[term[i]])
            i += 1
    return out


def _interleaved(subscripts, operands):
    lhs, arrow, rhs = subscripts.partition("->")
    args = []
    for op, term in zip(operands, lhs.split(",")):
        args += [op, _sublist(term)]
    if arrow:
        args.append(_sublist(rhs))
    return args


@given(spec=einsum_specs(), data=st.data())
def test_forward_matches_numpy(spec, data):
    subscripts, shapes = spec
    arrs = [data.draw(arrays(s, min_value=-3, max_value=3)) for s in shapes]
    expected = np.einsum(subscripts, *arrs)
    out = einsum(subscripts, *[mg.tensor(a) for a in arrs])
    assert isinstance(out, mg.Tensor)
    assert out.shape == expected.shape and out.dtype == expected.dtype
    np.testing.assert_allclose(out.data, expected)
    inter = einsum(*_interleaved(subscripts, [mg.tensor(a) for a in arrs]))
    np.testing.assert_allclose(inter.data, expected)
    assert inter.shape == expected.shape


@given(spec=einsum_specs(), data=st.data())
def test_gradients_match_numerical(spec, data):
    subscripts, shapes = spec
    ts = [data.draw(tensors(s, min_value=-3, max_value=3)) for s in shapes]
    assert_grads_match_numerical(lambda *xs: einsum(subscripts, *xs), *ts)


@given(spec=einsum_specs(), data=st.data())
def test_interleaved_form_gradients(spec, data):
    subscripts, shapes = spec
    ts = [data.draw(tensors(s, min_value=-3, max_value=3)) for s in shapes]
    assert_grads_match_numerical(lambda *xs: einsum(*_interleaved(subscripts, xs)), *ts)


@given(spec=einsum_specs(min_operands=1, max_operands=1), data=st.data())
def test_single_operand_views_follow_numpy(spec, data):
    subscripts, (shape,) = spec
    x = data.draw(tensors(shape, constant=False))
    arr = x.data.copy()
    np_view = np.shares_memory(np.einsum(subscripts, arr), arr)
    out = einsum(subscripts, x)
    assert np.shares_memory(out, x) == np_view
    assert (out.base is x) == np_view
    out.backward()
    if np_view:
        assert np.shares_memory(out.grad, x.grad)


@pytest.mark.parametrize(
    "subscripts, shape",
    [
        ("ii->i", (3, 3)),
        ("ij->ji", (2, 3)),
        ("i", (4,)),
        ("ji", (2, 3)),
        ("...ii->...i", (2, 3, 3)),
        ("ijk->kji", (2, 1, 3)),
        ("iji->ij", (2, 3, 2)),
    ],
)
def test_diagonal_and_transpose_are_views(subscripts, shape):
    x = mg.tensor(np.arange(np.prod(shape), dtype=float).reshape(shape))
    out = einsum(subscripts, x)
    np.testing.assert_array_equal(out.data, np.einsum(subscripts, x.data))
    assert np.shares_memory(out, x)
    assert out.base is x
    out.backward(np.arange(out.size, dtype=float).reshape(out.shape))
    assert np.shares_memory(out.grad, x.grad)
    np.testing.assert_array_equal(np.einsum(subscripts, x.grad), out.grad)
    # the rest of x.grad is zero
    assert x.grad.sum() == out.grad.sum()


def test_view_grad_is_a_view_of_base_grad_interleaved():
    x = mg.tensor(np.arange(9.0).reshape(3, 3))
    d = einsum(x, [0, 0], [0])
    assert d.base is x
    d.backward()
    np.testing.assert_array_equal(x.grad, np.eye(3))
    assert np.shares_memory(d.grad, x.grad)


def test_a_view_of_a_view_has_the_root_as_base():
    x = mg.tensor(np.arange(8.0).reshape(2, 2, 2))
    t = einsum("ijk->kji", x)
    d = einsum("ii...->i...", t)
    assert d.base is x
    np.testing.assert_array_equal(d.data, np.einsum("ii...->i...", np.einsum("ijk->kji", x.data)))


def test_summed_single_operand_is_not_a_view():
    x = mg.tensor(np.arange(9.0).reshape(3, 3))
    out = einsum("ij->i", x)
    assert out.base is None
    assert not np.shares_memory(out, x)


def test_operand_used_several_times():
    x = mg.tensor([1.0, -2.0, 3.0])
    out = einsum("i,i", x, x)
    out.backward()
    np.testing.assert_allclose(x.grad, 2 * x.data)
    assert_grads_match_numerical(lambda t: einsum("...,...->...", t, t), x)
    assert_grads_match_numerical(lambda t: einsum("i,j,k->ijk", t, t, t), x)
    m = mg.tensor(np.arange(1.0, 10.0).reshape(3, 3))
    assert_grads_match_numerical(lambda t: einsum("ij,jk,ki", t, t, t), m)
    assert_grads_match_numerical(lambda t: einsum("ii,jj", t, t), m)


@pytest.mark.parametrize("optimize", [True, "greedy", "optimal"])
def test_optimize(optimize):
    rng = np.random.default_rng(2)
    arrs = [rng.normal(size=(2, 3)), rng.normal(size=(3, 4)), rng.normal(size=(4, 2))]
    out = einsum("ij,jk,kl->il", *arrs, optimize=optimize)
    np.testing.assert_allclose(out.data, np.einsum("ij,jk,kl->il", *arrs))
    assert_grads_match_numerical(lambda *xs: einsum("ij,jk,kl->il", *xs, optimize=optimize), *arrs)
    path = np.einsum_path("ij,jk,kl->il", *arrs, optimize="optimal")[0]
    np.testing.assert_allclose(einsum("ij,jk,kl->il", *arrs, optimize=path).data, out.data)


def test_numpy_dispatch():
    x = mg.tensor([[1.0, 2.0], [3.0, 4.0]])
    out = np.einsum("ij,jk->ik", x, np.eye(2))
    assert isinstance(out, mg.Tensor)
    out.backward()
    np.testing.assert_array_equal(x.grad, np.ones((2, 2)))
    out = np.einsum(x, [0, 0])
    assert isinstance(out, mg.Tensor) and out.item() == 5.0


def test_constant_argument_and_inference():
    x = mg.tensor([1.0, 2.0])
    assert not einsum("i,i", x, x).constant
    assert einsum("i,i", x, x, constant=True).constant
    assert einsum("i,i", np.ones(2), np.ones(2)).constant
    out = einsum("i,i", np.ones(2), np.ones(2), constant=False)
    assert not out.constant
    c = mg.tensor([1.0, 2.0], constant=True)
    out = einsum("i,i", x, c)
    out.backward()
    assert c.grad is None
    np.testing.assert_array_equal(x.grad, c.data)
    with pytest.raises(ValueError):
        einsum("i,i", np.arange(2), np.arange(2), constant=False)
    assert einsum("i,i", np.arange(2), np.arange(2)).constant


@pytest.mark.parametrize(
    "args",
    [
        ("ij,jk", np.ones((2, 3))),
        ("ij", np.ones((2, 3)), np.ones(3)),
        ("ij,jk", np.ones((2, 3)), np.ones((2, 3))),
        ("i!", np.ones(2)),
        ("ii", np.ones((2, 3))),
        ("...i->i", np.ones((2, 3))),
    ],
)
def test_errors_match_numpy(args):
    with pytest.raises(Exception) as np_err:
        np.einsum(*args)
    with pytest.raises(np_err.type):
        einsum(*[mg.tensor(a) if isinstance(a, np.ndarray) else a for a in args])


def test_no_operands():
    with pytest.raises(ValueError):
        einsum()


def test_float32_gradients_keep_dtype():
    x = mg.tensor(np.ones((2, 3), dtype=np.float32))
    y = mg.tensor(np.ones((3,), dtype=np.float64))
    out = einsum("ij,j->i", x, y)
    out.backward()
    assert x.grad.dtype == np.float32 and y.grad.dtype == np.float64


# ------------------------------------------------------------ documented examples
# seed 000, L8680-8684: a = arange(25).reshape(5, 5), b = arange(5), c = arange(6).reshape(2, 3)


@pytest.fixture
def abc():
    return mg.arange(25).reshape(5, 5), mg.arange(5), mg.arange(6).reshape(2, 3)


def _check(out, expected):
    assert isinstance(out, mg.Tensor)
    np.testing.assert_array_equal(out.data, expected)
    assert out.shape == np.shape(expected)


def test_doc_trace(abc):
    """seed 000, L8692-8697: the trace of a is 60."""
    a, _, _ = abc
    _check(einsum("ii", a), 60)
    _check(einsum(a, [0, 0]), 60)
    assert np.trace(a.data) == 60


def test_doc_diagonal(abc):
    """seed 000, L8705-8710: the diagonal of a."""
    a, _, _ = abc
    _check(einsum("ii->i", a), [0, 6, 12, 18, 24])
    _check(einsum(a, [0, 0], [0]), [0, 6, 12, 18, 24])
    _check(einsum("ii->i", a), np.diag(a.data))


def test_doc_matvec(abc):
    """seed 000, L8718-8726: matrix-vector product in four spellings."""
    a, b, _ = abc
    expected = [30, 80, 130, 180, 230]
    _check(einsum("ij,j", a, b), expected)
    _check(einsum(a, [0, 1], b, [1]), expected)
    _check(mg.matmul(a, b), expected)
    _check(einsum("...j,j", a, b), expected)


def test_doc_transpose(abc):
    """seed 000, L8733-8745: the transpose of c."""
    _, _, c = abc
    expected = [[0, 3], [1, 4], [2, 5]]
    _check(einsum("ji", c), expected)
    _check(einsum(c, [1, 0]), expected)
    _check(c.T, expected)


def test_doc_scale(abc):
    """seed 000, L8752-8764: 3 * c through einsum (a Python int operand)."""
    _, _, c = abc
    expected = [[0, 3, 6], [9, 12, 15]]
    _check(einsum("..., ...", 3, c), expected)
    _check(einsum(",ij", 3, c), expected)
    _check(einsum(3, [Ellipsis], c, [Ellipsis]), expected)
    _check(einsum(",ij", 3, c), 3 * c.data)


def test_doc_inner(abc):
    """seed 000, L8771-8776: inner product of b with itself is 30."""
    _, b, _ = abc
    _check(einsum("i,i", b, b), 30)
    _check(einsum(b, [0], b, [0]), 30)
    assert np.inner(b.data, b.data) == 30


def test_doc_outer_and_partial_sum(abc):
    """seed 000, L8784-8800: outer product with [1, 2]; sum over the first axis."""
    a, b, _ = abc
    expected = [[0, 1, 2, 3, 4], [0, 2, 4, 6, 8]]
    _check(einsum("i,j", np.arange(2) + 1, b), expected)
    _check(einsum(np.arange(2) + 1, [0], b, [1]), expected)
    _check(einsum("i,j", np.arange(2) + 1, b), np.outer(np.arange(2) + 1, b.data))
    _check(einsum("i...->...", a), [50, 55, 60, 65, 70])
    _check(einsum(a, [0, Ellipsis], [Ellipsis]), [50, 55, 60, 65, 70])
    _check(einsum("i...->...", a), np.sum(a.data, axis=0))


def test_doc_tensordot():
    """seed 000, L8806-8826: sum_ij A_ijk B_jil."""
    a = mg.arange(60.0).reshape(3, 4, 5)
    b = mg.arange(24.0).reshape(4, 3, 2)
    expected = [
        [4400.0, 4730.0],
        [4532.0, 4874.0],
        [4664.0, 5018.0],
        [4796.0, 5162.0],
        [4928.0, 5306.0],
    ]
    _check(einsum("ijk,jil->kl", a, b), expected)
    _check(einsum(a, [0, 1, 2], b, [1, 0, 3], [2, 3]), expected)
    _check(einsum("ijk,jil->kl", a, b), np.tensordot(a.data, b.data, axes=([1, 0], [0, 1])))
    assert_grads_match_numerical(lambda x, y: einsum("ijk,jil->kl", x, y), a, b)


def test_doc_transposed_matmul():
    """seed 000, L8833-8845: a.T @ b.T three ways (with ellipses)."""
    a = mg.arange(6).reshape((3, 2))
    b = mg.arange(12).reshape((4, 3))
    expected = [[10, 28, 46, 64], [13, 40, 67, 94]]
    _check(einsum("ki,jk->ij", a, b), expected)
    _check(einsum("ki,...k->i...", a, b), expected)
    _check(einsum("k...,jk", a, b), expected)


def test_doc_write_into_diagonal_view():
    """seed 000, L8851-8857: writing through the 'ii->i' view's data changes a."""
    a = mg.zeros((3, 3))
    einsum("ii->i", a).data[:] = 1
    np.testing.assert_array_equal(a.data, np.eye(3))


@given(spec=einsum_specs(), data=st.data())
def test_op_contract(spec, data):
    subscripts, shapes = spec
    arrs = [data.draw(arrays(s, min_value=-3, max_value=3)) for s in shapes]
    check_op_contract(lambda *xs, **kw: einsum(subscripts, *xs, **kw), *arrs)
