"""Differentiable ``numpy.linalg``: inverses, determinants, solvers and factorizations.

Every function is batched over leading dimensions as ``numpy.linalg`` is (the stacked
LAPACK routines do the work: no Python loop over the batch) and back-propagates with
the standard matrix-calculus adjoints (Giles 2008; Murray 2016 for Cholesky; the
QR, SVD and eigen adjoints as derived by Walter & Lehmann, Townsend and Seeger et al.).

Multi-output functions (``slogdet``, ``qr``, ``eigh``, ``eig``, ``svd``, ``lstsq``)
factor once and return one tensor per output, each made by its own operation over the
shared factorization; each operation back-propagates the adjoint with the other
outputs' cotangents set to zero, so by linearity a loss using several outputs gets the
exact total gradient.

Where the derivative does not exist the gradient is ``nan`` rather than an error
(back-propagation cannot stop half-way cleanly): eigenvector gradients for repeated
eigenvalues, singular-vector gradients for repeated (or, for non-square input, zero)
singular values, and the extra columns of ``svd(..., full_matrices=True)`` on
non-square input. Eigenvalue and singular-value gradients are defined everywhere.

``cholesky`` and ``eigh`` read one triangle of their (assumed symmetric) input; their
gradients are the symmetric ones (the gradient with respect to a symmetric
perturbation), as in autograd and JAX.
"""

from __future__ import annotations

import operator
from typing import Any, List, NamedTuple, Optional, Sequence, Tuple, Union

import numpy as np

from mygrad_core import Operation, Tensor, execute_op

__all__ = [
    "inv",
    "pinv",
    "det",
    "slogdet",
    "solve",
    "lstsq",
    "cholesky",
    "qr",
    "eigh",
    "eigvalsh",
    "eig",
    "eigvals",
    "svd",
    "svdvals",
    "matrix_power",
    "matrix_rank",
    "cond",
    "SlogdetResult",
    "QRResult",
    "EighResult",
    "EigResult",
    "SVDResult",
]

#: names in ``__all__`` that are not differentiable: they return NumPy's ndarray
NON_DIFFERENTIABLE = ("matrix_rank", "cond")
#: the result types (not functions)
RESULT_TYPES = ("SlogdetResult", "QRResult", "EighResult", "EigResult", "SVDResult")

_NUMPY2 = np.lib.NumpyVersion(np.__version__) >= "2.0.0"


class SlogdetResult(NamedTuple):
    sign: Tensor
    logabsdet: Tensor


class QRResult(NamedTuple):
    Q: Tensor
    R: Tensor


class EighResult(NamedTuple):
    eigenvalues: Tensor
    eigenvectors: Tensor


class EigResult(NamedTuple):
    eigenvalues: Tensor
    eigenvectors: Tensor


class SVDResult(NamedTuple):
    U: Tensor
    S: Tensor
    Vh: Tensor


# ------------------------------------------------------------------------ helpers


def _T(x: np.ndarray) -> np.ndarray:
    return np.swapaxes(x, -1, -2)


def _data(x: Any) -> np.ndarray:
    return x.data if isinstance(x, Tensor) else np.asarray(x)


def _operand(x: Any) -> Any:
    """A Tensor stays itself (its graph and constness matter); anything else an array."""
    return x if isinstance(x, Tensor) else np.asarray(x)


def _inv_or_nan(a: np.ndarray) -> np.ndarray:
    """``inv(a)``; a singular matrix of the stack gives nan (its derivative is undefined)."""
    try:
        return np.linalg.inv(a)
    except np.linalg.LinAlgError:
        with np.errstate(all="ignore"):
            out = np.empty(a.shape, dtype=np.result_type(a.dtype, np.float64))
            flat_a = a.reshape((-1,) + a.shape[-2:])
            flat = out.reshape((-1,) + a.shape[-2:])
            ok = np.abs(np.linalg.det(flat_a)) > 0
            flat[...] = np.nan
            if ok.any():
                flat[ok] = np.linalg.inv(flat_a[ok])
            return out


def _off_diagonal_reciprocal(d: np.ndarray) -> np.ndarray:
    """F[..., i, j] = 1 / (d_j - d_i) off the diagonal, 0 on it; nan where d_i == d_j."""
    diff = d[..., None, :] - d[..., :, None]
    n = d.shape[-1]
    eye = np.eye(n, dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        f = np.where(diff == 0, np.nan, 1.0 / np.where(diff == 0, 1, diff))
    return np.where(eye, 0.0, f)


def _check_square(name: str, a: np.ndarray) -> None:
    if a.ndim < 2:
        raise np.linalg.LinAlgError(
            f"{a.ndim}-dimensional array given. Array must be at least two-dimensional"
        )
    if a.shape[-1] != a.shape[-2]:
        raise np.linalg.LinAlgError("Last 2 dimensions of the array must be square")


class _Part(Operation):
    """Output ``index`` of a factorization computed once by the public function.

    Subclasses implement ``vjp(inputs, parts, grads)``: the gradients of every input
    given the cotangent of each output (None for outputs not taking part).
    """

    def __call__(  # type: ignore[override]
        self, *tensors: Tensor, parts: Tuple[np.ndarray, ...], index: int, extra: Any = None
    ) -> np.ndarray:
        self.variables = tensors
        self.parts = parts
        self.index = index
        self.extra = extra
        return parts[index]

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        grads: List[Optional[np.ndarray]] = [None] * len(self.parts)
        grads[self.index] = grad
        inputs = [v.data for v in self.variables]
        return self.vjp(inputs, self.parts, grads, self.extra)[index]

    def vjp(
        self, inputs: List[np.ndarray], parts: Tuple[np.ndarray, ...], grads: List[Any], extra: Any
    ) -> Sequence[np.ndarray]:  # pragma: no cover - abstract
        raise NotImplementedError


def _parts(
    Op: type,
    operands: Sequence[Any],
    parts: Tuple[np.ndarray, ...],
    indices: Sequence[int],
    constant: Optional[bool],
    extra: Any = None,
) -> List[Tensor]:
    return [
        execute_op(
            Op, *operands, op_kwargs={"parts": parts, "index": i, "extra": extra}, constant=constant
        )
        for i in indices
    ]


# ------------------------------------------------------------------------ inv / det / solve


class Inv(Operation):
    """f(A) = A^-1 (stacked)."""

    def __call__(self, a: Tensor) -> np.ndarray:  # type: ignore[override]
        self.variables = (a,)
        self._out = np.linalg.inv(a.data)
        return self._out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        ai = _T(self._out)
        return -(ai @ grad @ ai)


def inv(a: Any, *, constant: Optional[bool] = None) -> Tensor:
    """The inverse of a matrix (or of each matrix of a stack), as :func:`numpy.linalg.inv`.

    Parameters
    ----------
    a : ArrayLike, shape (..., M, M)
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor, shape (..., M, M)

    Examples
    --------
    >>> import mygrad as mg
    >>> a = mg.tensor([[2.0, 0.0], [0.0, 4.0]])
    >>> mg.linalg.inv(a)
    Tensor([[0.5 , 0.  ],
            [0.  , 0.25]])
    """
    return execute_op(Inv, a, constant=constant)


class Det(Operation):
    """f(A) = det(A); d det / dA = adj(A)^T (= det(A) A^-T for invertible A)."""

    def __call__(self, a: Tensor) -> np.ndarray:  # type: ignore[override]
        self.variables = (a,)
        self._out = np.asarray(np.linalg.det(a.data))
        return self._out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        # det(A) A^-T loses all precision near singular A (0 * huge); the adjugate
        # through the SVD is accurate everywhere, singular matrices included
        return np.asarray(grad)[..., None, None] * _adjugate_T(self.variables[0].data)


def _adjugate_T(a: np.ndarray) -> np.ndarray:
    """adj(A)^T, the derivative of det, defined for singular A too (through the SVD).

    With A = U diag(s) Vh: adj(A)^T = det(U) det(Vh) U diag(prod_{j != i} s_j) Vh; the
    products leave out one factor each without dividing (prefix times suffix products).
    """
    u, s, vh = np.linalg.svd(a)
    ones = np.ones(s.shape[:-1] + (1,), dtype=s.dtype)
    prefix = np.cumprod(np.concatenate([ones, s[..., :-1]], axis=-1), axis=-1)
    suffix = np.cumprod(np.concatenate([ones, s[..., :0:-1]], axis=-1), axis=-1)[..., ::-1]
    sign = np.linalg.det(u) * np.linalg.det(vh)
    return sign[..., None, None] * (u * (prefix * suffix)[..., None, :]) @ vh


def det(a: Any, *, constant: Optional[bool] = None) -> Tensor:
    """The determinant of a matrix (or of each matrix of a stack), as :func:`numpy.linalg.det`.

    The gradient is ``det(a) * inv(a).T``, i.e. the transposed adjugate, which is
    also what a singular matrix gets.

    Parameters
    ----------
    a : ArrayLike, shape (..., M, M)
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor, shape (...)

    Examples
    --------
    >>> import mygrad as mg
    >>> a = mg.tensor([[1.0, 2.0], [3.0, 4.0]])
    >>> d = mg.linalg.det(a)
    >>> d.backward()
    >>> a.grad.round(6)
    array([[ 4., -3.],
           [-2.,  1.]])
    >>> s = mg.tensor([[1.0, 2.0], [2.0, 4.0]])  # singular: the adjugate
    >>> mg.linalg.det(s).backward()
    >>> s.grad.round(6)
    array([[ 4., -2.],
           [-2.,  1.]])
    """
    return execute_op(Det, a, constant=constant)


class _Slogdet(_Part):
    def vjp(self, inputs, parts, grads, extra):  # type: ignore[override]
        (a,) = inputs
        g = grads[1]
        if g is None:  # the sign is piecewise constant
            return (np.zeros(a.shape, dtype=parts[1].dtype),)
        return (np.asarray(g)[..., None, None] * _T(_inv_or_nan(a)),)


def slogdet(a: Any, *, constant: Optional[bool] = None) -> SlogdetResult:
    """Sign and log of the absolute determinant, as :func:`numpy.linalg.slogdet`.

    Parameters
    ----------
    a : ArrayLike, shape (..., M, M)
    constant : Optional[bool]
        If True the results are constants (no gradient flows back through them).

    Returns
    -------
    SlogdetResult(sign, logabsdet)
        Two tensors of shape (...). ``sign`` is a constant (its derivative is 0);
        ``logabsdet`` back-propagates ``inv(a).T``.

    Examples
    --------
    >>> import mygrad as mg
    >>> sign, logdet = mg.linalg.slogdet(mg.tensor([[-2.0, 0.0], [0.0, 3.0]]))
    >>> sign
    Tensor(-1.)
    >>> logdet.data.round(4)
    np.float64(1.7918)
    """
    x = _operand(a)
    sign, logdet = np.linalg.slogdet(_data(x))
    parts = (np.asarray(sign), np.asarray(logdet))
    (ld,) = _parts(_Slogdet, [x], parts, (1,), constant)
    return SlogdetResult(Tensor(parts[0], constant=True), ld)


def _solve_vector_b(a: np.ndarray, b: np.ndarray) -> bool:
    # NumPy 2 treats b as a vector only when it is 1-D; NumPy 1 when b.ndim == a.ndim - 1
    return b.ndim == 1 if _NUMPY2 else b.ndim == a.ndim - 1


class Solve(Operation):
    """f(A, b) = A^-1 b (stacked)."""

    def __call__(self, a: Tensor, b: Tensor) -> np.ndarray:  # type: ignore[override]
        self.variables = (a, b)
        self._out = np.linalg.solve(a.data, b.data)
        self.vector = _solve_vector_b(a.data, b.data)
        return self._out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        a = self.variables[0].data
        x = self._out
        if self.vector:
            gb = np.linalg.solve(_T(a), grad[..., None])[..., 0]
            return gb if index == 1 else -gb[..., :, None] * x[..., None, :]
        gb = np.linalg.solve(_T(a), grad)
        return gb if index == 1 else -(gb @ _T(x))


def solve(a: Any, b: Any, *, constant: Optional[bool] = None) -> Tensor:
    """Solve ``a @ x = b`` for ``x``, as :func:`numpy.linalg.solve`.

    Differentiable in both ``a`` and ``b``; stacks of systems broadcast as in NumPy.

    Parameters
    ----------
    a : ArrayLike, shape (..., M, M)
    b : ArrayLike, shape (M,) or (..., M, K)
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> a = mg.tensor([[2.0, 0.0], [0.0, 4.0]])
    >>> b = mg.tensor([2.0, 2.0])
    >>> mg.linalg.solve(a, b)
    Tensor([1. , 0.5])
    """
    return execute_op(Solve, a, b, constant=constant)


class Pinv(Operation):
    """f(A) = A^+ (Golub & Pereyra's derivative; exact where the rank is locally constant)."""

    def __call__(self, a: Tensor, **kwargs: Any) -> np.ndarray:  # type: ignore[override]
        self.variables = (a,)
        self._out = np.linalg.pinv(a.data, **kwargs)
        return self._out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return _pinv_vjp(self.variables[0].data, self._out, grad)


def _pinv_vjp(a: np.ndarray, p: np.ndarray, g: np.ndarray) -> np.ndarray:
    m, n = a.shape[-2:]
    pt = _T(p)
    gt = _T(g)
    proj_out = np.eye(m) - a @ p  # I - A A+
    proj_in = np.eye(n) - p @ a  # I - A+ A
    return -(pt @ g @ pt) + proj_out @ gt @ (p @ pt) + (pt @ p) @ gt @ proj_in


_NO_VALUE: Any = object()


def pinv(
    a: Any,
    rcond: Any = None,
    hermitian: bool = False,
    *,
    rtol: Any = _NO_VALUE,
    constant: Optional[bool] = None,
) -> Tensor:
    """The Moore-Penrose pseudo-inverse, as :func:`numpy.linalg.pinv`.

    The gradient (Golub & Pereyra) holds where the rank does not change under small
    perturbations (e.g. full-rank input).

    Parameters
    ----------
    a : ArrayLike, shape (..., M, N)
    rcond, hermitian, rtol
        As in NumPy (``rtol`` on NumPy >= 2 only).
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor, shape (..., N, M)

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.pinv(mg.tensor([[2.0, 0.0]]))
    Tensor([[0.5],
            [0. ]])
    """
    kwargs: dict = {"hermitian": hermitian}
    if rcond is not None:
        kwargs["rcond"] = rcond
    if rtol is not _NO_VALUE:
        kwargs["rtol"] = rtol
    return execute_op(Pinv, a, op_kwargs=kwargs, constant=constant)


class _Lstsq(_Part):
    """parts: (x, residuals, s); inputs (a, b) with b as a 2-D (M, K) array."""

    def vjp(self, inputs, parts, grads, extra):  # type: ignore[override]
        a, b = inputs
        vector = extra
        b2 = b[:, None] if vector else b
        x, res, s = parts
        x2 = x[:, None] if vector else x
        ga = np.zeros(a.shape, dtype=np.result_type(a.dtype, np.float64))
        gb = np.zeros(b2.shape, dtype=ga.dtype)
        gx = grads[0]
        if gx is not None:
            gx2 = gx[:, None] if vector else gx
            p = np.linalg.pinv(a)
            # x = A+ b
            gb = gb + _T(p) @ gx2
            ga = ga + _pinv_vjp(a, p, gx2 @ b2.T)
        gr = grads[1]
        if gr is not None and res.size:
            # at the optimum (envelope theorem): dr/db = 2 (b - A x), dr/dA = -2 (b - A x) x^T
            r = b2 - a @ x2
            gr2 = np.reshape(gr, (1, -1))
            gb = gb + 2 * r * gr2
            ga = ga - 2 * (r * gr2) @ x2.T
        gs = grads[2]
        if gs is not None:
            u, _, vh = np.linalg.svd(a, full_matrices=False)
            ga = ga + (u * gs) @ vh
        return ga, (gb[:, 0] if vector else gb)


def lstsq(
    a: Any, b: Any, rcond: Any = _NO_VALUE, *, constant: Optional[bool] = None
) -> Tuple[Any, ...]:
    """Least-squares solution of ``a @ x = b``, as :func:`numpy.linalg.lstsq`.

    Returns ``(x, residuals, rank, s)`` like NumPy: ``x``, ``residuals`` and ``s`` are
    tensors differentiable in ``a`` and ``b`` (the gradient of ``x`` holds for full-rank
    ``a``); ``rank`` is NumPy's integer (it is piecewise constant).

    Parameters
    ----------
    a : ArrayLike, shape (M, N)
    b : ArrayLike, shape (M,) or (M, K)
    rcond : Optional[float]
        As in NumPy (omitted: NumPy's default).
    constant : Optional[bool]
        If True the results are constants (no gradient flows back through them).

    Returns
    -------
    Tuple[Tensor, Tensor, int, Tensor]

    Examples
    --------
    >>> import mygrad as mg
    >>> a = mg.tensor([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
    >>> x, res, rank, s = mg.linalg.lstsq(a, mg.tensor([1.0, 2.0, 3.0]))
    >>> x, res, rank
    (Tensor([1., 2.]), Tensor([9.]), np.int32(2))
    """
    xa, xb = _operand(a), _operand(b)
    ad, bd = _data(xa), _data(xb)
    args = () if rcond is _NO_VALUE else (rcond,)
    x, res, rank, s = np.linalg.lstsq(ad, bd, *args)
    parts = (x, res, s)
    vector = bd.ndim == 1
    x_t, res_t, s_t = _parts(_Lstsq, [xa, xb], parts, (0, 1, 2), constant, extra=vector)
    return x_t, res_t, rank, s_t


# ------------------------------------------------------------------------ cholesky / qr


class Cholesky(Operation):
    """f(A) = L with A = L L^T (Murray 2016's adjoint, symmetrized)."""

    def __call__(self, a: Tensor, **kwargs: Any) -> np.ndarray:  # type: ignore[override]
        self.variables = (a,)
        self._out = np.linalg.cholesky(a.data, **kwargs)
        self.upper = bool(kwargs.get("upper", False))
        return self._out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        low = _T(self._out) if self.upper else self._out
        g = _T(grad) if self.upper else grad
        n = low.shape[-1]
        phi = np.tril(_T(low) @ g) / (1.0 + np.eye(n))
        li = np.linalg.inv(low)
        s = _T(li) @ phi @ li
        return (s + _T(s)) / 2


def cholesky(a: Any, *, upper: bool = False, constant: Optional[bool] = None) -> Tensor:
    """The Cholesky factor of a symmetric positive-definite matrix, as :func:`numpy.linalg.cholesky`.

    Only one triangle of ``a`` is read (NumPy's behaviour); the gradient is the
    symmetric one.

    Parameters
    ----------
    a : ArrayLike, shape (..., M, M)
    upper : bool, optional (default=False)
        Return the upper factor ``L.T`` (NumPy >= 2 has the keyword).
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor, shape (..., M, M)

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.cholesky(mg.tensor([[4.0, 2.0], [2.0, 5.0]]))
    Tensor([[2., 0.],
            [1., 2.]])
    """
    kwargs = {"upper": True} if upper else {}
    return execute_op(Cholesky, a, op_kwargs=kwargs, constant=constant)


def _copyltu(m: np.ndarray) -> np.ndarray:
    """The symmetric matrix whose lower triangle is that of ``m``."""
    return np.tril(m) + _T(np.tril(m, -1))


def _qr_square_or_tall_vjp(
    q: np.ndarray, r: np.ndarray, gq: np.ndarray, gr: np.ndarray
) -> np.ndarray:
    # A = Q R with A (m, n), m >= n: gA = (gQ + Q copyltu(M)) R^-T, M = R gR^T - gQ^T Q
    m = r @ _T(gr) - _T(gq) @ q
    b = gq + q @ _copyltu(m)
    return _T(np.linalg.solve(r, _T(b)))


class _QR(_Part):
    def vjp(self, inputs, parts, grads, extra):  # type: ignore[override]
        (a,) = inputs
        q, r = parts if len(parts) == 2 else (np.linalg.qr(a)[0], parts[0])
        gq = np.zeros(q.shape) if len(parts) == 1 or grads[0] is None else grads[0]
        gr = grads[-1] if grads[-1] is not None else np.zeros(r.shape)
        m, n = a.shape[-2:]
        if m >= n:
            return (_qr_square_or_tall_vjp(q, r, gq, gr),)
        # wide: A = [X | Y], X = Q R1 (square), Y = Q R2
        r1 = r[..., :, :m]
        gr1, gr2 = gr[..., :, :m], gr[..., :, m:]
        y = a[..., :, m:]
        gx = _qr_square_or_tall_vjp(q, r1, gq + y @ _T(gr2), gr1)
        gy = q @ gr2
        return (np.concatenate([gx, gy], axis=-1),)


def qr(a: Any, mode: str = "reduced", *, constant: Optional[bool] = None) -> Any:
    """QR factorization, as :func:`numpy.linalg.qr`.

    Parameters
    ----------
    a : ArrayLike, shape (..., M, N)
    mode : {'reduced', 'r', 'complete'}
        'complete' is supported where it equals 'reduced' (M <= N); 'raw' is not
        differentiable and not supported.
    constant : Optional[bool]
        If True the results are constants (no gradient flows back through them).

    Returns
    -------
    QRResult(Q, R), or R alone for ``mode='r'``

    Examples
    --------
    >>> import mygrad as mg
    >>> q, r = mg.linalg.qr(mg.tensor([[3.0, 0.0], [4.0, 5.0]]))
    >>> import numpy as np
    >>> bool(np.allclose((q @ r).data, [[3.0, 0.0], [4.0, 5.0]]))
    True
    """
    x = _operand(a)
    ad = _data(x)
    if mode not in ("reduced", "r", "complete", "raw"):
        np.linalg.qr(ad, mode=mode)  # NumPy's error
    if mode == "raw" or (mode == "complete" and ad.ndim >= 2 and ad.shape[-2] > ad.shape[-1]):
        raise ValueError(
            f"qr: mode={mode!r} is not supported on tensors for input of shape {ad.shape} "
            "(its extra factors are not differentiable); use mode='reduced' or 'r'"
        )
    if mode == "r":
        r = np.linalg.qr(ad, mode="r")
        return _parts(_QR, [x], (r,), (0,), constant)[0]
    q, r = np.linalg.qr(ad, mode="reduced")
    return QRResult(*_parts(_QR, [x], (q, r), (0, 1), constant))


# ------------------------------------------------------------------------ eigen / svd


def _eig_vjp(w: np.ndarray, v: np.ndarray, vinv_t: np.ndarray, gw: Any, gv: Any) -> np.ndarray:
    """gA = V^-T (diag(gw) + F o (V^T gV')) V^T, gV' = gV - V diag(diag(V^T gV)).

    The correction gV' accounts for NumPy's unit-norm eigenvectors (it vanishes for
    orthonormal V, i.e. eigh).
    """
    n = w.shape[-1]
    inner = np.zeros(v.shape, dtype=np.result_type(v.dtype, np.float64))
    if gw is not None:
        inner = inner + np.eye(n) * np.asarray(gw)[..., None, :]
    if gv is not None:
        vtgv = _T(v) @ gv
        gv2 = gv - v * np.diagonal(vtgv, axis1=-2, axis2=-1)[..., None, :]
        with np.errstate(invalid="ignore"):
            inner = inner + _off_diagonal_reciprocal(w) * (_T(v) @ gv2)
    return vinv_t @ inner @ _T(v)


class _Eigh(_Part):
    def vjp(self, inputs, parts, grads, extra):  # type: ignore[override]
        w = parts[0]
        v = parts[1] if len(parts) == 2 else extra
        gv = grads[1] if len(grads) == 2 else None
        g = _eig_vjp(w, v, v, grads[0], gv)
        return ((g + _T(g)) / 2,)


def eigh(a: Any, UPLO: str = "L", *, constant: Optional[bool] = None) -> EighResult:
    """Eigenvalues and eigenvectors of a symmetric matrix, as :func:`numpy.linalg.eigh`.

    Only the ``UPLO`` triangle is read; gradients are the symmetric ones. Eigenvector
    gradients are nan for repeated eigenvalues (undefined there); eigenvalue gradients
    are always defined.

    Parameters
    ----------
    a : ArrayLike, shape (..., M, M)
    UPLO : {'L', 'U'}
    constant : Optional[bool]
        If True the results are constants (no gradient flows back through them).

    Returns
    -------
    EighResult(eigenvalues, eigenvectors)

    Examples
    --------
    >>> import mygrad as mg
    >>> w, v = mg.linalg.eigh(mg.tensor([[2.0, 1.0], [1.0, 2.0]]))
    >>> w
    Tensor([1., 3.])
    """
    x = _operand(a)
    w, v = np.linalg.eigh(_data(x), UPLO=UPLO)
    return EighResult(*_parts(_Eigh, [x], (w, v), (0, 1), constant))


def eigvalsh(a: Any, UPLO: str = "L", *, constant: Optional[bool] = None) -> Tensor:
    """Eigenvalues of a symmetric matrix, as :func:`numpy.linalg.eigvalsh`.

    Parameters
    ----------
    a : ArrayLike, shape (..., M, M)
    UPLO : {'L', 'U'}
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor, shape (..., M)

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.eigvalsh(mg.tensor([[2.0, 0.0], [0.0, 1.0]]))
    Tensor([1., 2.])
    """
    x = _operand(a)
    w, v = np.linalg.eigh(_data(x), UPLO=UPLO)
    return _parts(_Eigh, [x], (w,), (0,), constant, extra=v)[0]


class _Eig(_Part):
    def vjp(self, inputs, parts, grads, extra):  # type: ignore[override]
        w = parts[0]
        v = parts[1] if len(parts) == 2 else extra
        gv = grads[1] if len(grads) == 2 else None
        return (_eig_vjp(w, v, _T(_inv_or_nan(v)), grads[0], gv),)


def _real_eig(name: str, a: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    w, v = np.linalg.eig(a)
    if np.iscomplexobj(w):
        if np.any(w.imag != 0) or np.iscomplexobj(a):
            raise ValueError(
                f"{name}: the input has complex eigenvalues (or is complex); mygrad "
                "tensors support only real input with a real spectrum"
            )
        w, v = w.real, v.real
    return w, v


def eig(a: Any, *, constant: Optional[bool] = None) -> EigResult:
    """Eigenvalues and right eigenvectors of a real matrix, as :func:`numpy.linalg.eig`.

    Limited to real input whose eigenvalues are all real (complex values do not flow
    through mygrad): a complex spectrum raises ``ValueError``. Eigenvector gradients
    are nan for repeated eigenvalues (undefined there).

    Parameters
    ----------
    a : ArrayLike, shape (..., M, M)
    constant : Optional[bool]
        If True the results are constants (no gradient flows back through them).

    Returns
    -------
    EigResult(eigenvalues, eigenvectors)

    Examples
    --------
    >>> import mygrad as mg
    >>> w, v = mg.linalg.eig(mg.tensor([[2.0, 1.0], [0.0, 3.0]]))
    >>> w
    Tensor([2., 3.])
    """
    x = _operand(a)
    w, v = _real_eig("eig", _data(x))
    return EigResult(*_parts(_Eig, [x], (w, v), (0, 1), constant))


def eigvals(a: Any, *, constant: Optional[bool] = None) -> Tensor:
    """Eigenvalues of a real matrix with a real spectrum, as :func:`numpy.linalg.eigvals`.

    A complex spectrum raises ``ValueError`` (see :func:`eig`).

    Parameters
    ----------
    a : ArrayLike, shape (..., M, M)
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor, shape (..., M)

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.eigvals(mg.tensor([[2.0, 1.0], [0.0, 3.0]]))
    Tensor([2., 3.])
    """
    x = _operand(a)
    w, v = _real_eig("eigvals", _data(x))
    return _parts(_Eig, [x], (w,), (0,), constant, extra=v)[0]


def _svd_vjp(
    a_shape: Tuple[int, ...],
    u: np.ndarray,
    s: np.ndarray,
    vh: np.ndarray,
    gu: Any,
    gs: Any,
    gvh: Any,
) -> np.ndarray:
    m, n = a_shape[-2:]
    k = min(m, n)
    v = _T(vh)
    eye = np.eye(k)
    out = np.zeros(a_shape[:-2] + (k, k), dtype=np.result_type(u.dtype, np.float64))
    if gs is not None:
        out = out + eye * np.asarray(gs)[..., None, :]
    if gu is None and gvh is None:
        return u @ out @ vh
    f = _off_diagonal_reciprocal(s**2)
    with np.errstate(divide="ignore", invalid="ignore"):
        if gu is not None:
            gu = gu[..., :, :k]  # the extra columns are handled below
            utgu = _T(u) @ gu
            out = out + f * (utgu - _T(utgu)) * s[..., None, :]
        if gvh is not None:
            gv = _T(gvh[..., :k, :])
            vtgv = _T(v) @ gv
            out = out + s[..., :, None] * f * (vtgv - _T(vtgv))
        ga = u @ out @ vh
        if m > n and gu is not None:
            ga = ga + (gu - u @ (_T(u) @ gu)) / s[..., None, :] @ vh
        if m < n and gvh is not None:
            ga = ga + (u / s[..., None, :]) @ _T(gv) @ (np.eye(n) - v @ vh)
    return ga


class _SVD(_Part):
    """parts: (U, S, Vh) (possibly full), or (S,) with extra=(U, Vh) reduced."""

    def vjp(self, inputs, parts, grads, extra):  # type: ignore[override]
        (a,) = inputs
        if len(parts) == 1:
            u, vh = extra
            return (_svd_vjp(a.shape, u, parts[0], vh, None, grads[0], None),)
        u, s, vh = parts
        gu, gs, gvh = grads
        m, n = a.shape[-2:]
        k = min(m, n)
        bad = False
        if gu is not None and u.shape[-1] > k:
            bad = bool(np.any(gu[..., k:] != 0))
            u = u[..., :k]
        if gvh is not None and vh.shape[-2] > k:
            bad = bad or bool(np.any(gvh[..., k:, :] != 0))
        u, vh = u[..., :k], vh[..., :k, :]
        ga = _svd_vjp(a.shape, u, s, vh, gu, gs, gvh)
        if bad:  # the completion of a full U / Vh is arbitrary: no derivative
            ga = np.full(ga.shape, np.nan)
        return (ga,)


def svd(
    a: Any,
    full_matrices: bool = True,
    compute_uv: bool = True,
    hermitian: bool = False,
    *,
    constant: Optional[bool] = None,
) -> Any:
    """Singular value decomposition, as :func:`numpy.linalg.svd`.

    Gradients of ``U`` and ``Vh`` are nan for repeated singular values (and, for
    non-square input, zero ones); with ``full_matrices=True`` on non-square input the
    extra columns of ``U`` (rows of ``Vh``) have no derivative: a loss that uses them
    gets a nan gradient. Singular-value gradients are always defined.

    Parameters
    ----------
    a : ArrayLike, shape (..., M, N)
    full_matrices, compute_uv, hermitian
        As in NumPy.
    constant : Optional[bool]
        If True the results are constants (no gradient flows back through them).

    Returns
    -------
    SVDResult(U, S, Vh), or S alone when ``compute_uv=False``

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.svd(mg.tensor([[3.0, 0.0], [0.0, -4.0]]), compute_uv=False)
    Tensor([4., 3.])
    """
    x = _operand(a)
    ad = _data(x)
    if not compute_uv:
        return svdvals(x, constant=constant) if not hermitian else _svdvals(x, constant, True)
    u, s, vh = np.linalg.svd(ad, full_matrices=full_matrices, hermitian=hermitian)
    return SVDResult(*_parts(_SVD, [x], (u, s, vh), (0, 1, 2), constant))


def _svdvals(x: Any, constant: Optional[bool], hermitian: bool = False) -> Tensor:
    ad = _data(x)
    u, s, vh = np.linalg.svd(ad, full_matrices=False, hermitian=hermitian)
    return _parts(_SVD, [x], (s,), (0,), constant, extra=(u, vh))[0]


def svdvals(x: Any, /, *, constant: Optional[bool] = None) -> Tensor:
    """The singular values, in descending order, as :func:`numpy.linalg.svdvals`.

    Parameters
    ----------
    x : ArrayLike, shape (..., M, N)
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor, shape (..., min(M, N))

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.svdvals(mg.tensor([[0.0, 2.0], [1.0, 0.0]]))
    Tensor([2., 1.])
    """
    return _svdvals(_operand(x), constant)


# ------------------------------------------------------------------------ matrix_power


class MatrixPower(Operation):
    """f(A) = A^n (stacked; n < 0 through the inverse)."""

    def __call__(self, a: Tensor, n: int) -> np.ndarray:  # type: ignore[override]
        self.variables = (a,)
        self.n = n
        return np.linalg.matrix_power(a.data, n)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        a = self.variables[0].data
        n = self.n
        if n == 0:
            return np.zeros(a.shape, dtype=np.result_type(a.dtype, grad.dtype))
        base = np.linalg.inv(a) if n < 0 else a
        m = abs(n)
        # d(B^m) -> sum_k (B^T)^k G (B^T)^(m-1-k); powers are shared, a loop over m only
        bt = _T(base)
        powers = [np.broadcast_to(np.eye(a.shape[-1]), a.shape)]
        for _ in range(m - 1):
            powers.append(powers[-1] @ bt)
        gb = sum(powers[k] @ grad @ powers[m - 1 - k] for k in range(m))
        if n < 0:  # B = A^-1: gA = -B^T gB B^T
            return -(bt @ gb @ bt)
        return gb


def matrix_power(a: Any, n: int, *, constant: Optional[bool] = None) -> Tensor:
    """A square matrix raised to an integer power, as :func:`numpy.linalg.matrix_power`.

    Parameters
    ----------
    a : ArrayLike, shape (..., M, M)
    n : int
        Negative powers use the inverse; 0 gives identity matrices.
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor, shape (..., M, M)

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.matrix_power(mg.tensor([[1.0, 1.0], [0.0, 1.0]]), 3)
    Tensor([[1., 3.],
            [0., 1.]])
    """
    try:
        n = operator.index(n)
    except TypeError as e:
        raise TypeError(f"matrix_power: exponent must be an integer, got {n!r}") from e
    return execute_op(MatrixPower, a, op_args=(n,), constant=constant)


# ------------------------------------------------------------------------ non-differentiable


def matrix_rank(
    A: Any, tol: Any = None, hermitian: bool = False, *, rtol: Any = _NO_VALUE
) -> Union[np.ndarray, int]:
    """The rank of a matrix (stack), as :func:`numpy.linalg.matrix_rank`.

    Not differentiable (the rank is piecewise constant): returns NumPy's result, an
    integer or ndarray, for tensors of any kind.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.matrix_rank(mg.tensor([[1.0, 2.0], [2.0, 4.0]]))
    np.int64(1)
    """
    kwargs: dict = {} if rtol is _NO_VALUE else {"rtol": rtol}
    return np.linalg.matrix_rank(_data(A), tol, hermitian, **kwargs)


def cond(x: Any, p: Any = None) -> Any:
    """The condition number of a matrix (stack), as :func:`numpy.linalg.cond`.

    Not differentiable here (it is NumPy's value on the data, an ndarray/NumPy scalar).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.cond(mg.tensor([[2.0, 0.0], [0.0, 1.0]]))
    np.float64(2.0)
    """
    return np.linalg.cond(_data(x), p)
