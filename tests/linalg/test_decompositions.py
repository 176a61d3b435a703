"""mg.linalg's inverses, determinants, solvers and factorizations (and np.linalg.X on tensors).

Inputs are generated well-conditioned: a bounded perturbation X (entries in [-1, 1]) of
a matrix whose relevant spectrum is well separated, so the functions are smooth there
and central differences are accurate.
"""

from __future__ import annotations

import hypothesis.strategies as st
import mygrad as mg
import numpy as np
import pytest
from hypothesis import given

from mygrad_core.testing import assert_grads_match_numerical, check_op_contract
from mygrad_core.testing.strategies import arrays, constants

HAS_NP2 = np.lib.NumpyVersion(np.__version__) >= "2.0.0"


def batch(max_dims: int = 2):
    return st.lists(st.integers(1, 2), max_size=max_dims).map(tuple)


def perturbation(draw, shape):
    """Entries in [-1.25, 1.25]: hypothesis' draw plus a fixed generic pattern.

    The pattern keeps the input off the measure-zero sets (exact zeros below a
    diagonal) where LAPACK's sign conventions for Q, U, V and eigenvectors jump, so
    central differences are taken where the outputs are smooth.
    """
    generic = 0.25 * np.sin(1.7 * np.arange(int(np.prod(shape))) + 0.3).reshape(shape)
    return draw(arrays(shape, min_value=-1, max_value=1)) + generic


def variable(draw, arr):
    return mg.tensor(arr, constant=draw(constants()))


def cat(*outs):
    """One tensor holding every output, so a random back-gradient weighs them all."""
    return mg.concatenate([mg.reshape(o, (-1,)) for o in outs])


def spaced_eye(shape, step=10.0, start=10.0):
    """A (batch of) rectangular diagonal matrices with diagonal start, start+step, ..."""
    m, n = shape[-2:]
    k = min(m, n)
    d = np.zeros((m, n))
    d[np.arange(k), np.arange(k)] = start + step * np.arange(k)
    return np.broadcast_to(d, shape)


@st.composite
def invertible(draw, max_n=4):
    """(..., n, n): X + 4 I, with some rows negated (negative determinants too)."""
    n = draw(st.integers(1, max_n))
    shape = draw(batch()) + (n, n)
    a = perturbation(draw, shape) + 4 * np.eye(n)
    signs = np.array(draw(st.lists(st.sampled_from([-1.0, 1.0]), min_size=n, max_size=n)))
    return a * signs[:, None]


@st.composite
def rectangular(draw, max_side=4, tall=None):
    """(..., m, n) with distinct singular values near 10, 20, ...: X + spaced_eye."""
    m, n = draw(st.integers(1, max_side)), draw(st.integers(1, max_side))
    if tall is True and m < n:
        m, n = n, m
    shape = draw(batch(1)) + (m, n)
    return perturbation(draw, shape) + spaced_eye(shape)


def check_values(mg_fn, np_fn, *arrs, rtol=1e-7, atol=1e-10, **kwargs):
    """mg.linalg.X and np.linalg.X(tensor) against NumPy on the arrays (every output)."""
    expected = np_fn(*arrs, **kwargs)
    for fn in (mg_fn, np_fn):
        got = fn(*[mg.tensor(a) for a in arrs], **kwargs)
        outs, exps = (got, expected) if isinstance(expected, tuple) else ((got,), (expected,))
        assert len(outs) == len(exps)
        for o, e in zip(outs, exps):
            if isinstance(o, mg.Tensor):
                assert o.shape == np.shape(e) and o.dtype == np.asarray(e).dtype
                np.testing.assert_allclose(o.data, e, rtol=rtol, atol=atol)
            else:
                assert o == e
    got = mg_fn(*[mg.tensor(a, constant=False) for a in arrs], constant=True, **kwargs)
    for o in got if isinstance(got, tuple) else (got,):
        assert not isinstance(o, mg.Tensor) or o.constant


@given(a=invertible(), data=st.data())
def test_inv(a, data):
    check_values(mg.linalg.inv, np.linalg.inv, a)
    assert_grads_match_numerical(mg.linalg.inv, variable(data.draw, a))
    assert_grads_match_numerical(np.linalg.inv, variable(data.draw, a))


@given(a=invertible(), data=st.data())
def test_det(a, data):
    check_values(mg.linalg.det, np.linalg.det, a, rtol=1e-6)
    assert_grads_match_numerical(mg.linalg.det, variable(data.draw, a), rtol=1e-4)
    assert_grads_match_numerical(np.linalg.det, variable(data.draw, a), rtol=1e-4)


@given(a=invertible(), data=st.data())
def test_slogdet(a, data):
    check_values(mg.linalg.slogdet, np.linalg.slogdet, a)
    out = np.linalg.slogdet(mg.tensor(a))
    assert out.sign.constant and type(out).__name__ == "SlogdetResult"
    assert_grads_match_numerical(lambda x: mg.linalg.slogdet(x).logabsdet, variable(data.draw, a))
    assert_grads_match_numerical(lambda x: np.linalg.slogdet(x)[1], variable(data.draw, a))


@st.composite
def solve_case(draw):
    a = draw(invertible())
    n = a.shape[-1]
    if draw(st.booleans()):
        return a, perturbation(draw, (n,)) * 5
    k = draw(st.integers(1, 3))
    b_batch = a.shape[:-2][draw(st.integers(0, len(a.shape) - 2)) :]
    return a, perturbation(draw, b_batch + (n, k)) * 5


@given(case=solve_case(), data=st.data())
def test_solve(case, data):
    a, b = case
    if not HAS_NP2 and (b.ndim == 1) != (b.ndim == a.ndim - 1):
        return  # NumPy 1 and 2 read b differently here (a vector / a stack of vectors)
    check_values(mg.linalg.solve, np.linalg.solve, a, b, rtol=1e-6)
    ta, tb = variable(data.draw, a), variable(data.draw, b)
    assert_grads_match_numerical(mg.linalg.solve, ta, tb)
    assert_grads_match_numerical(np.linalg.solve, ta, tb)


@given(a=rectangular(), data=st.data())
def test_pinv(a, data):
    check_values(mg.linalg.pinv, np.linalg.pinv, a, rtol=1e-6, atol=1e-9)
    assert_grads_match_numerical(mg.linalg.pinv, variable(data.draw, a))
    assert_grads_match_numerical(np.linalg.pinv, variable(data.draw, a))


@given(a=rectangular(tall=True), vector=st.booleans(), k=st.integers(1, 2), data=st.data())
def test_lstsq(a, vector, k, data):
    a = a.reshape((-1,) + a.shape[-2:])[0]  # NumPy's lstsq is not batched
    m, n = a.shape
    b = perturbation(data.draw, (m,) if vector else (m, k)) * 5
    expected = np.linalg.lstsq(a, b, rcond=None)
    for fn in (mg.linalg.lstsq, np.linalg.lstsq):
        x, res, rank, s = fn(mg.tensor(a), mg.tensor(b), rcond=None)
        for got, e in zip((x, res, s), (expected[0], expected[1], expected[3])):
            assert isinstance(got, mg.Tensor) and got.shape == e.shape and got.dtype == e.dtype
            np.testing.assert_allclose(got.data, e, rtol=1e-6, atol=1e-9)
        assert rank == expected[2]
    ta, tb = variable(data.draw, a), variable(data.draw, b)

    def all_outputs(x, y):
        sol, res, _, s = mg.linalg.lstsq(x, y, rcond=None)
        return cat(sol, res, s)

    assert_grads_match_numerical(all_outputs, ta, tb, rtol=1e-4)
    assert_grads_match_numerical(lambda x, y: np.linalg.lstsq(x, y, rcond=None)[0], ta, tb)


def gram(x, shift):
    """B B^T for B = [x | shift]: a symmetric positive-definite function of x."""
    shift = np.broadcast_to(shift, x.shape[:-1] + shift.shape[-1:])
    b = mg.concatenate([x, shift], axis=-1)
    return mg.matmul(b, mg.swapaxes(b, -1, -2))


@st.composite
def gram_case(draw, spacing=0.0):
    n = draw(st.integers(1, 4))
    x = perturbation(draw, draw(batch()) + (n, draw(st.integers(1, 3))))
    shift = np.diag(2.0 + spacing * np.arange(n))  # spacing > 0: distinct eigenvalues
    return x, shift


@given(case=gram_case(), upper=st.booleans(), data=st.data())
def test_cholesky(case, upper, data):
    x, shift = case
    a = gram(mg.tensor(x), shift).data
    kwargs = {"upper": True} if upper else {}
    if upper and not HAS_NP2:
        return  # NumPy 1 has no `upper`
    check_values(mg.linalg.cholesky, np.linalg.cholesky, a, rtol=1e-6, **kwargs)
    # only one triangle is read: differentiate through a symmetric parametrization
    t = variable(data.draw, x)
    assert_grads_match_numerical(lambda y: mg.linalg.cholesky(gram(y, shift), **kwargs), t)
    assert_grads_match_numerical(lambda y: np.linalg.cholesky(gram(y, shift), **kwargs), t)


@given(a=rectangular(), mode=st.sampled_from(["reduced", "r", "complete"]), data=st.data())
def test_qr(a, mode, data):
    if mode == "complete" and a.shape[-2] > a.shape[-1]:
        with pytest.raises(ValueError, match="not supported"):
            mg.linalg.qr(a, mode=mode)
        return
    check_values(mg.linalg.qr, np.linalg.qr, a, rtol=1e-6, atol=1e-9, mode=mode)
    t = variable(data.draw, a)
    if mode == "r":
        assert_grads_match_numerical(lambda x: mg.linalg.qr(x, mode="r"), t)
        return
    assert_grads_match_numerical(lambda x: cat(*mg.linalg.qr(x, mode=mode)), t)
    assert_grads_match_numerical(lambda x: np.linalg.qr(x).Q, t)
    assert_grads_match_numerical(lambda x: np.linalg.qr(x).R, t)


@given(case=gram_case(spacing=10.0), uplo=st.sampled_from(["L", "U"]), data=st.data())
def test_eigh(case, uplo, data):
    x, shift = case
    a = gram(mg.tensor(x), shift).data
    check_values(mg.linalg.eigh, np.linalg.eigh, a, rtol=1e-6, atol=1e-8, UPLO=uplo)
    check_values(mg.linalg.eigvalsh, np.linalg.eigvalsh, a, rtol=1e-6, atol=1e-8, UPLO=uplo)
    t = variable(data.draw, x)
    assert_grads_match_numerical(
        lambda y: cat(*mg.linalg.eigh(gram(y, shift), UPLO=uplo)), t, atol=1e-4
    )
    assert_grads_match_numerical(
        lambda y: np.linalg.eigh(gram(y, shift)).eigenvectors, t, atol=1e-4
    )
    assert_grads_match_numerical(lambda y: np.linalg.eigvalsh(gram(y, shift)), t, atol=1e-4)


@st.composite
def real_spectrum(draw):
    """diag(0, 10, 20, 30) + X: disjoint Gershgorin discs, so real distinct eigenvalues."""
    n = draw(st.integers(1, 4))
    shape = draw(batch()) + (n, n)
    return perturbation(draw, shape) + np.diag(10.0 * np.arange(n))


@given(a=real_spectrum(), data=st.data())
def test_eig(a, data):
    check_values(mg.linalg.eig, np.linalg.eig, a, rtol=1e-6, atol=1e-9)
    check_values(mg.linalg.eigvals, np.linalg.eigvals, a, rtol=1e-6, atol=1e-9)
    t = variable(data.draw, a)
    assert_grads_match_numerical(lambda x: cat(*mg.linalg.eig(x)), t)
    assert_grads_match_numerical(lambda x: np.linalg.eig(x).eigenvectors, t)
    assert_grads_match_numerical(lambda x: np.linalg.eigvals(x), t)


@given(a=rectangular(), full=st.booleans(), data=st.data())
def test_svd(a, full, data):
    check_values(mg.linalg.svd, np.linalg.svd, a, rtol=1e-6, atol=1e-9, full_matrices=full)
    check_values(mg.linalg.svd, np.linalg.svd, a, rtol=1e-6, atol=1e-9, compute_uv=False)
    t = variable(data.draw, a)
    assert_grads_match_numerical(lambda x: cat(*mg.linalg.svd(x, full_matrices=False)), t)
    assert_grads_match_numerical(lambda x: np.linalg.svd(x, full_matrices=False).Vh, t)
    assert_grads_match_numerical(lambda x: np.linalg.svd(x, compute_uv=False), t)
    if a.shape[-1] == a.shape[-2]:  # full and reduced agree: U and S together
        assert_grads_match_numerical(lambda x: cat(*np.linalg.svd(x)[:2]), t)


@given(a=rectangular(), data=st.data())
def test_svdvals(a, data):
    expected = np.linalg.svd(a, compute_uv=False)
    out = mg.linalg.svdvals(a)
    assert isinstance(out, mg.Tensor) and out.dtype == expected.dtype
    np.testing.assert_allclose(out.data, expected, rtol=1e-7)
    if hasattr(np.linalg, "svdvals"):
        check_values(mg.linalg.svdvals, np.linalg.svdvals, a, rtol=1e-7)
    assert_grads_match_numerical(mg.linalg.svdvals, variable(data.draw, a))


@given(a=invertible(max_n=3), n=st.integers(-3, 3), data=st.data())
def test_matrix_power(a, n, data):
    a = a / 2  # keep powers moderate
    check_values(mg.linalg.matrix_power, np.linalg.matrix_power, a, n=n, rtol=1e-6)
    t = variable(data.draw, a)
    assert_grads_match_numerical(lambda x: mg.linalg.matrix_power(x, n), t, rtol=1e-4)
    assert_grads_match_numerical(lambda x: np.linalg.matrix_power(x, n), t, rtol=1e-4)


def test_matrix_power_of_integers_keeps_the_dtype():
    a = np.array([[1, 1], [0, 1]])
    out = mg.linalg.matrix_power(a, 3)
    assert out.dtype == a.dtype and out.constant
    np.testing.assert_array_equal(out.data, np.linalg.matrix_power(a, 3))


@given(a=rectangular(), p=st.sampled_from([None, 1, 2, -2, "fro", np.inf]))
def test_matrix_rank_and_cond_return_numpys_arrays(a, p):
    for t in (mg.tensor(a), mg.tensor(a, constant=True)):
        for fn in (mg.linalg.matrix_rank, np.linalg.matrix_rank):
            r = fn(t)
            assert not isinstance(r, mg.Tensor)
            np.testing.assert_array_equal(r, np.linalg.matrix_rank(a))
        if a.shape[-1] == a.shape[-2] or p in (None, 2, -2):
            for fn in (mg.linalg.cond, np.linalg.cond):
                c = fn(t, p)
                assert not isinstance(c, mg.Tensor)
                np.testing.assert_allclose(c, np.linalg.cond(a, p))


def test_op_contract():
    a = np.array([[4.0, 1.0], [1.0, 3.0]])
    for fn in (
        mg.linalg.inv,
        mg.linalg.det,
        mg.linalg.pinv,
        mg.linalg.cholesky,
        mg.linalg.svdvals,
        mg.linalg.eigvalsh,
    ):
        check_op_contract(fn, a)
    check_op_contract(mg.linalg.solve, a, np.array([1.0, 2.0]))
    check_op_contract(lambda x, **kw: mg.linalg.matrix_power(x, 3, **kw), a)
    check_op_contract(lambda x, **kw: mg.linalg.eigvals(x, **kw), a)
    # the outputs of the multi-output functions, each its own op
    for pick in (
        lambda x, **kw: mg.linalg.slogdet(x, **kw).logabsdet,
        lambda x, **kw: mg.linalg.qr(x, **kw).Q,
        lambda x, **kw: mg.linalg.qr(x, **kw).R,
        lambda x, **kw: mg.linalg.eigh(x, **kw).eigenvectors,
        lambda x, **kw: mg.linalg.eig(x, **kw).eigenvalues,
        lambda x, **kw: mg.linalg.svd(x, **kw).U,
        lambda x, **kw: mg.linalg.svd(x, **kw).Vh,
    ):
        check_op_contract(pick, a)
    check_op_contract(lambda x, y, **kw: mg.linalg.lstsq(x, y, **kw)[0], a, np.array([1.0, 2.0]))


def test_bad_input_raises_numpys_errors():
    LinAlgError = np.linalg.LinAlgError
    with pytest.raises(LinAlgError):
        mg.linalg.inv(mg.tensor(np.ones((2, 3))))
    with pytest.raises(LinAlgError):
        np.linalg.inv(mg.tensor(np.ones((2, 2))))  # singular
    with pytest.raises(LinAlgError):
        mg.linalg.det(mg.tensor(np.ones(3)))
    with pytest.raises(LinAlgError):
        mg.linalg.cholesky(mg.tensor(-np.eye(2)))  # not positive-definite
    with pytest.raises(ValueError):
        mg.linalg.solve(mg.tensor(np.eye(2)), np.ones(3))
    with pytest.raises(TypeError, match="integer"):
        mg.linalg.matrix_power(mg.tensor(np.eye(2)), 1.5)
    with pytest.raises(ValueError, match="not supported"):
        mg.linalg.qr(mg.tensor(np.eye(2)), mode="raw")
    with pytest.raises(ValueError):
        mg.linalg.qr(mg.tensor(np.eye(2)), mode="bogus")


def test_eig_refuses_a_complex_spectrum():
    rotation = mg.tensor([[0.0, -1.0], [1.0, 0.0]])
    with pytest.raises(ValueError, match="complex eigenvalues"):
        mg.linalg.eig(rotation)
    with pytest.raises(ValueError, match="complex eigenvalues"):
        np.linalg.eigvals(rotation)


def test_repeated_eigenvalues_give_nan_eigenvector_gradients():
    # the documented limit: eigenvalue gradients stay defined, eigenvector ones are nan
    a = mg.tensor(np.eye(3))
    w, v = mg.linalg.eigh(a)
    w.backward(np.array([1.0, 2.0, 3.0]))
    assert np.all(np.isfinite(a.grad))
    np.testing.assert_allclose(a.grad, np.diag([1.0, 2.0, 3.0]))
    a = mg.tensor(np.eye(3))
    w, v = mg.linalg.eigh(a)
    v.backward(np.ones((3, 3)))
    assert np.isnan(a.grad).any()


def test_svd_full_matrices_extra_columns_have_no_gradient():
    a = mg.tensor(np.arange(6.0).reshape(3, 2) + np.eye(3, 2))
    u, s, vh = mg.linalg.svd(a)  # full_matrices=True: U is 3 x 3
    g = np.zeros((3, 3))
    g[:, :2] = 1.0
    u.backward(g)  # only the defined columns: a finite gradient
    assert np.all(np.isfinite(a.grad))
    u, s, vh = mg.linalg.svd(a)
    u.backward(np.ones((3, 3)))  # the arbitrary completion column: nan
    assert np.isnan(a.grad).all()


def test_gradient_through_u_and_s_together():
    # a loss using two outputs: the total is the sum of the per-output adjoints
    rng = np.random.default_rng(1)
    a0 = rng.normal(size=(4, 3)) + spaced_eye((4, 3))
    gu, gs = rng.normal(size=(4, 3)), rng.normal(size=3)

    a = mg.tensor(a0)
    u, s, _ = mg.linalg.svd(a, full_matrices=False)
    mg.einsum("ij,ij->", u, gu).backward()
    grad_u = a.grad
    a = mg.tensor(a0)
    _, s, _ = mg.linalg.svd(a, full_matrices=False)
    mg.einsum("i,i->", s, gs).backward()
    grad_s = a.grad
    a = mg.tensor(a0)
    u, s, _ = mg.linalg.svd(a, full_matrices=False)
    mg.concatenate([mg.reshape(u, (-1,)), s]).backward(np.concatenate([gu.ravel(), gs]))
    np.testing.assert_allclose(a.grad, grad_u + grad_s)


@given(data=st.data(), n=st.integers(1, 4))
def test_det_gradient_at_singular_matrices_is_the_adjugate(data, n):
    # rank n - 1 (a repeated column): the gradient is adj(A)^T, generally non-zero
    x = perturbation(data.draw, (2, n, n))
    x[..., -1] = x[..., 0]
    t = mg.tensor(x)
    mg.linalg.det(t).backward()
    # the adjugate by cofactors, in a NumPy reference written here
    expected = np.zeros_like(x)
    for i in range(n):
        for j in range(n):
            minor = np.delete(np.delete(x, i, axis=-2), j, axis=-1)
            expected[..., i, j] = (-1) ** (i + j) * (np.linalg.det(minor) if n > 1 else 1.0)
    np.testing.assert_allclose(t.grad, expected, atol=1e-9)
