"""dot, vdot, inner, outer, tensordot, kron, cross, vecdot, matvec, vecmat (mg.X and np.X)."""

from __future__ import annotations

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from hypothesis import given

from mygrad_core.testing import assert_grads_match_numerical, check_op_contract
from mygrad_core.testing.strategies import arrays, real_dtypes, tensors

HAS_NP2 = hasattr(np, "vecdot")
HAS_MATVEC = hasattr(np, "matvec")


def batch(max_dims: int = 2, min_dims: int = 0):
    return st.lists(st.integers(1, 3), min_size=min_dims, max_size=max_dims).map(tuple)


def check(mg_fn, reference, np_fn, shapes, data, kwargs=None, int_dtypes=True):
    """Values/dtype against ``reference`` (NumPy), the np. form, constant=, gradients."""
    kwargs = kwargs or {}
    dtype = data.draw(real_dtypes(floats=True, ints=int_dtypes), label="dtype")
    arrs = [
        data.draw(arrays(s, dtype=dtype, min_value=-5, max_value=5), label=f"x{i}")
        for i, s in enumerate(shapes)
    ]
    expected = np.asarray(reference(*arrs, **kwargs))
    out = mg_fn(*arrs, **kwargs)
    assert isinstance(out, mg.Tensor)
    assert out.shape == expected.shape and out.dtype == expected.dtype
    tol = 1e-2 if dtype == np.float16 else 1e-5
    np.testing.assert_allclose(out.data, expected, rtol=tol, atol=tol)
    if np_fn is not None:
        via_np = np_fn(*[mg.tensor(a) for a in arrs], **kwargs)
        assert isinstance(via_np, mg.Tensor)
        np.testing.assert_allclose(via_np.data, expected, rtol=tol, atol=tol)
    assert mg_fn(
        *[mg.tensor(a, constant=False) if a.dtype.kind == "f" else a for a in arrs],
        constant=True,
        **kwargs,
    ).constant
    # gradients in float64, each operand a variable or a constant
    ts = [
        data.draw(tensors(s, min_value=-3, max_value=3), label=f"t{i}")
        for i, s in enumerate(shapes)
    ]
    assert_grads_match_numerical(lambda *xs: mg_fn(*xs, **kwargs), *ts)
    if np_fn is not None:
        assert_grads_match_numerical(lambda *xs: np_fn(*xs, **kwargs), *ts)


@st.composite
def dot_shapes(draw):
    na, nb = draw(st.integers(0, 3)), draw(st.integers(0, 3))
    k, m = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    a = () if na == 0 else draw(batch(na - 1, na - 1)) + (k,)
    b = () if nb == 0 else (k,) if nb == 1 else draw(batch(nb - 2, nb - 2)) + (k, m)
    return a, b


@given(shapes=dot_shapes(), data=st.data())
def test_dot(shapes, data):
    check(mg.dot, np.dot, np.dot, shapes, data)


@st.composite
def inner_shapes(draw):
    na, nb = draw(st.integers(0, 3)), draw(st.integers(0, 3))
    k = draw(st.integers(1, 3))
    a = () if na == 0 else draw(batch(na - 1, na - 1)) + (k,)
    b = () if nb == 0 else draw(batch(nb - 1, nb - 1)) + (k,)
    return a, b


@given(shapes=inner_shapes(), data=st.data())
def test_inner(shapes, data):
    check(mg.inner, np.inner, np.inner, shapes, data)


@given(shape=batch(3), data=st.data())
def test_vdot(shape, data):
    other = data.draw(st.sampled_from([shape, tuple(reversed(shape))]))
    check(mg.vdot, np.vdot, np.vdot, (shape, other), data)


@given(shapes=st.tuples(batch(2), batch(2)), data=st.data())
def test_outer(shapes, data):
    check(mg.outer, np.outer, np.outer, shapes, data)


@st.composite
def tensordot_case(draw):
    n = draw(st.integers(0, 2))
    shared = draw(batch(n, n))
    a = draw(batch(2)) + shared
    b = shared + draw(batch(2))
    if draw(st.booleans()):
        return (a, b), n
    # explicit pairs in a shuffled order
    perm_a = draw(st.permutations(range(len(a))))
    perm_b = draw(st.permutations(range(len(b))))
    a2 = tuple(a[i] for i in perm_a)
    b2 = tuple(b[i] for i in perm_b)
    axes_a = [perm_a.index(len(a) - n + j) for j in range(n)]
    axes_b = [perm_b.index(j) for j in range(n)]
    return (a2, b2), (axes_a, axes_b)


@given(case=tensordot_case(), data=st.data())
def test_tensordot(case, data):
    shapes, axes = case
    check(mg.tensordot, np.tensordot, np.tensordot, shapes, data, kwargs={"axes": axes})


@given(shapes=st.tuples(batch(3), batch(3)), data=st.data())
def test_kron(shapes, data):
    check(mg.kron, np.kron, np.kron, shapes, data)


@st.composite
def cross_case(draw):
    na, nb = draw(st.sampled_from([(3, 3), (2, 3), (3, 2)]))
    ba, bb = draw(batch(2)), draw(batch(2))
    # make the batch dims broadcast: use the same, or ones
    nb_dims = min(len(ba), len(bb))
    bb = tuple(1 if draw(st.booleans()) else ba[len(ba) - nb_dims + i] for i in range(nb_dims))
    a = ba + (na,)
    b = bb + (nb,)
    axisa = draw(st.integers(-len(a), len(a) - 1))
    axisb = draw(st.integers(-len(b), len(b) - 1))
    a = tuple(np.moveaxis(np.empty(a), -1, axisa).shape)
    b = tuple(np.moveaxis(np.empty(b), -1, axisb).shape)
    out_nd = max(len(ba), len(bb)) + 1
    axisc = draw(st.integers(-out_nd, out_nd - 1))
    return (a, b), {"axisa": axisa, "axisb": axisb, "axisc": axisc}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # NumPy 2 deprecates 2-vectors
@given(case=cross_case(), data=st.data())
def test_cross(case, data):
    shapes, kwargs = case
    check(mg.cross, np.cross, np.cross, shapes, data, kwargs=kwargs)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # NumPy 2 deprecates 2-vectors
@given(shape=batch(2), data=st.data())
def test_cross_of_2_vectors_is_the_z_component(shape, data):
    check(mg.cross, np.cross, np.cross, (shape + (2,), (2,)), data)


def vecdot_reference(a, b, axis=-1):
    if HAS_NP2:
        return np.vecdot(a, b, axis=axis)
    prod = np.moveaxis(a, axis, -1) * np.moveaxis(b, axis, -1)
    return np.sum(prod, axis=-1).astype(prod.dtype)


@st.composite
def vecdot_case(draw):
    b = draw(batch(2))
    k = draw(st.integers(1, 3))
    nd = len(b) + 1
    axis = draw(st.integers(-nd, -1))
    a = tuple(np.moveaxis(np.empty(b + (k,)), -1, axis).shape)
    other = tuple(1 if draw(st.booleans()) else s for s in a)
    other = tuple(k if i % nd == axis % nd else s for i, s in enumerate(other))
    return (a, other), axis


@given(case=vecdot_case(), data=st.data())
def test_vecdot(case, data):
    shapes, axis = case
    check(
        mg.vecdot,
        vecdot_reference,
        np.vecdot if HAS_NP2 else None,
        shapes,
        data,
        kwargs={"axis": axis},
    )


@given(b=batch(2), n=st.integers(1, 3), m=st.integers(1, 3), data=st.data())
def test_matvec(b, n, m, data):
    def reference(x, y):
        return np.matmul(x, y[..., None])[..., 0]

    check(mg.matvec, reference, np.matvec if HAS_MATVEC else None, (b + (m, n), (n,)), data)


@given(b=batch(2), n=st.integers(1, 3), m=st.integers(1, 3), data=st.data())
def test_vecmat(b, n, m, data):
    def reference(x, y):
        return np.matmul(x[..., None, :], y)[..., 0, :]

    check(mg.vecmat, reference, np.vecmat if HAS_MATVEC else None, ((n,), b + (n, m)), data)


def test_op_contract():
    a = np.arange(6.0).reshape(2, 3)
    b = np.arange(12.0).reshape(3, 4)
    for fn, args in [
        (mg.dot, (a, b)),
        (mg.inner, (a, a)),
        (mg.outer, (a, b)),
        (mg.vdot, (a, a)),
        (mg.kron, (a, b)),
        (mg.cross, (a, a)),
        (mg.vecdot, (a, a)),
        (mg.matvec, (b.T, a[0])),
        (mg.vecmat, (a[0], b)),
    ]:
        check_op_contract(fn, *args)
    check_op_contract(mg.tensordot, a, b, axes=1)


def test_dot_out():
    a = mg.tensor([[1.0, 2.0], [3.0, 4.0]])
    target = np.zeros((2, 2))
    got = mg.dot(a, a, out=target)
    assert isinstance(got, mg.Tensor) and got.data is target  # as a ufunc's ndarray out=
    np.testing.assert_allclose(target, np.dot(a.data, a.data))


def test_mismatched_shapes_raise_numpys_errors():
    with pytest.raises(ValueError, match="not aligned"):
        mg.dot(np.ones((2, 3)), mg.tensor(np.ones(2)))
    with pytest.raises(ValueError):
        mg.vdot(np.ones(3), mg.tensor(np.ones(2)))
    with pytest.raises(ValueError):
        mg.inner(np.ones(3), mg.tensor(np.ones(2)))
    with pytest.raises(ValueError, match="shape-mismatch"):
        mg.tensordot(np.ones((2, 3)), mg.tensor(np.ones((2, 3))), axes=1)
    with pytest.raises(ValueError, match="incompatible dimensions"):
        mg.cross(np.ones(4), mg.tensor(np.ones(3)))
    with pytest.raises(ValueError):
        mg.vecdot(np.ones(3), mg.tensor(np.ones(2)))
    with pytest.raises(ValueError):
        mg.matvec(np.ones(3), mg.tensor(np.ones(3)))
    with pytest.raises(ValueError):
        mg.vecmat(np.ones((2, 2)), mg.tensor(np.ones(3)))


def test_gradient_of_a_product_used_twice():
    # the contraction's backward permutes back to each operand's axis order
    a = mg.tensor(np.arange(24.0).reshape(2, 3, 4))
    b = mg.tensor(np.arange(12.0).reshape(4, 3))
    out = mg.tensordot(a, b, axes=([2, 1], [0, 1]))
    out.backward(np.array([1.0, -1.0]))
    np.testing.assert_allclose(a.grad, np.stack([b.data.T, -b.data.T]))
    np.testing.assert_allclose(b.grad, (a.data[0] - a.data[1]).T)



@given(
    starts=st.tuples(st.integers(0, 2), st.integers(0, 1)),
    steps=st.tuples(st.integers(1, 2), st.integers(1, 2)),
    data=st.data(),
)
def test_views_of_tensors_as_operands(starts, steps, data):
    # gradients reach the base tensor through a strided view operand
    base = data.draw(tensors((4, 3), constant=False))
    index = tuple(slice(a, None, s) for a, s in zip(starts, steps))
    view = base[index]
    other = data.draw(arrays(view.shape[-1:]))
    out = np.dot(view, other)
    assert isinstance(out, mg.Tensor)
    np.testing.assert_allclose(out.data, np.dot(base.data[index], other))
    out.backward()
    expected = np.zeros(base.shape)
    expected[index] = other  # d(sum_i view[i] . other)/d view = other on every row
    np.testing.assert_allclose(base.grad, expected)


def test_tensordot_agrees_with_the_einsum_example():
    # seed 000_7568d7cea38c6584.txt:8820 (einsum's 'ijk,jil->kl' example, compared there
    # with np.tensordot on arrays); here on tensors, with its gradient
    a = mg.tensor(np.arange(60.0).reshape(3, 4, 5))
    b = mg.tensor(np.arange(24.0).reshape(4, 3, 2))
    out = np.tensordot(a, b, axes=([1, 0], [0, 1]))
    assert isinstance(out, mg.Tensor)
    np.testing.assert_array_equal(out.data[0], [4400.0, 4730.0])
    np.testing.assert_array_equal(out.data[-1], [4928.0, 5306.0])
    out.backward()
    ref = mg.tensor(a.data)
    mg.einsum("ijk,jil->kl", ref, b.data).backward()
    np.testing.assert_allclose(a.grad, ref.grad)
