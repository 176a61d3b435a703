"""Differentiable vector and tensor products: ``dot``, ``tensordot``, ``kron``, ``cross`` ...

Every product whose result is a tensor contraction (``dot``, ``vdot``, ``inner``,
``outer``, ``tensordot``) runs NumPy's own function forward (NumPy's values, dtypes and
errors) and shares one backward pass: the contraction of the incoming gradient with
the other operand, by :func:`numpy.tensordot` (BLAS), permuted back to the operand's
axis order.
"""

from __future__ import annotations

import operator
from typing import Any, Callable, List, Optional, Sequence, Tuple

import numpy as np

from mygrad_core import Operation, Tensor, execute_op

__all__ = [
    "dot",
    "vdot",
    "inner",
    "outer",
    "tensordot",
    "kron",
    "cross",
    "vecdot",
    "matvec",
    "vecmat",
]


def _norm_axes(axes: Sequence[int], ndim: int, name: str) -> List[int]:
    out = []
    for ax in axes:
        ax = operator.index(ax)
        if not -ndim <= ax < ndim:
            raise np.exceptions.AxisError(ax, ndim, msg_prefix=name)
        out.append(ax % ndim)
    return out


class Contraction(Operation):
    """f(a, b) = tensordot(a, b, (axes_a, axes_b)), its forward computed by ``forward``.

    ``ravel`` flattens both operands first (``vdot``, ``outer``).
    """

    def __call__(  # type: ignore[override]
        self,
        a: Tensor,
        b: Tensor,
        forward: Callable[..., Any],
        axes_a: Sequence[int],
        axes_b: Sequence[int],
        ravel: bool = False,
    ) -> np.ndarray:
        self.variables = (a, b)
        out = forward(a.data, b.data)
        self.ravel = ravel
        ad, bd = (a.data.ravel(), b.data.ravel()) if ravel else (a.data, b.data)
        self.axes_a = _norm_axes(axes_a, ad.ndim, "contraction")
        self.axes_b = _norm_axes(axes_b, bd.ndim, "contraction")
        return out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        a, b = (v.data for v in self.variables)
        if self.ravel:
            a, b = a.ravel(), b.ravel()
        axes_a, axes_b = self.axes_a, self.axes_b
        free_a = [i for i in range(a.ndim) if i not in axes_a]
        free_b = [i for i in range(b.ndim) if i not in axes_b]
        nfa, nfb = len(free_a), len(free_b)
        # (np.dot of two 1-D / 0-D operands gives a NumPy scalar's 0-D grad: same layout)
        grad = np.reshape(
            grad, tuple(a.shape[i] for i in free_a) + tuple(b.shape[i] for i in free_b)
        )
        if index == 0:
            g = np.tensordot(grad, b, axes=(list(range(nfa, nfa + nfb)), free_b))
            # its trailing axes are b's contracted axes in b's order; map them to a's
            order = free_a + [axes_a[axes_b.index(j)] for j in sorted(axes_b)]
            g = np.transpose(g, np.argsort(order))
            shape = self.variables[0].shape
        else:
            g = np.tensordot(a, grad, axes=(free_a, list(range(nfa))))
            order = [axes_b[axes_a.index(i)] for i in sorted(axes_a)] + free_b
            g = np.transpose(g, np.argsort(order))
            shape = self.variables[1].shape
        return np.reshape(g, shape)


def _contract(
    a: Any,
    b: Any,
    forward: Callable[..., Any],
    axes_a: Sequence[int],
    axes_b: Sequence[int],
    ravel: bool = False,
    constant: Optional[bool] = None,
    out: Any = None,
) -> Tensor:
    return execute_op(
        Contraction, a, b, op_args=(forward, axes_a, axes_b, ravel), constant=constant, out=out
    )


def _ndim(x: Any) -> int:
    return x.ndim if isinstance(x, (Tensor, np.ndarray)) else np.ndim(x)


def dot(a: Any, b: Any, out: Any = None, *, constant: Optional[bool] = None) -> Tensor:
    """Dot product of two arrays, as :func:`numpy.dot`.

    1-D with 1-D: inner product; 2-D with 2-D: matrix product; N-D with 1-D: sum over
    the last axes; N-D with M-D: sum over the last axis of ``a`` and the second-to-last
    of ``b``; a 0-D operand multiplies.

    Parameters
    ----------
    a, b : ArrayLike
    out : Optional[Union[Tensor, ndarray]]
        Where to write the result (returned).
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> a = mg.tensor([[1.0, 2.0], [3.0, 4.0]])
    >>> v = mg.tensor([1.0, 1.0])
    >>> mg.dot(a, v)
    Tensor([3., 7.])
    """
    na, nb = _ndim(a), _ndim(b)
    if na == 0 or nb == 0:
        axes: Tuple[List[int], List[int]] = ([], [])
    elif nb == 1:
        axes = ([-1], [0])
    else:
        axes = ([-1], [-2])
    return _contract(a, b, np.dot, axes[0], axes[1], constant=constant, out=out)


def vdot(a: Any, b: Any, *, constant: Optional[bool] = None) -> Tensor:
    """Dot product of the flattened arrays, as :func:`numpy.vdot` (real input).

    Parameters
    ----------
    a, b : ArrayLike
        Arrays of the same size.
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor (0-D)

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.vdot(mg.tensor([[1.0, 2.0], [3.0, 4.0]]), mg.tensor([[1.0, 0.0], [0.0, 1.0]]))
    Tensor(5.)
    """
    return _contract(a, b, np.vdot, [0], [0], ravel=True, constant=constant)


def inner(a: Any, b: Any, *, constant: Optional[bool] = None) -> Tensor:
    """Inner product over the last axes, as :func:`numpy.inner`.

    Parameters
    ----------
    a, b : ArrayLike
        Their last axes must match (a 0-D operand multiplies).
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor, shape ``a.shape[:-1] + b.shape[:-1]``

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.inner(mg.tensor([1.0, 2.0, 3.0]), mg.tensor([0.0, 1.0, 0.0]))
    Tensor(2.)
    """
    if _ndim(a) == 0 or _ndim(b) == 0:
        return _contract(a, b, np.inner, [], [], constant=constant)
    return _contract(a, b, np.inner, [-1], [-1], constant=constant)


def outer(a: Any, b: Any, out: Any = None, *, constant: Optional[bool] = None) -> Tensor:
    """Outer product of the flattened arrays, as :func:`numpy.outer`.

    Parameters
    ----------
    a, b : ArrayLike
        Flattened if not 1-D.
    out : Optional[Union[Tensor, ndarray]]
        Where to write the result (returned).
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor, shape ``(a.size, b.size)``

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.outer(mg.tensor([1.0, 2.0]), mg.tensor([1.0, 0.0, -1.0]))
    Tensor([[ 1.,  0., -1.],
            [ 2.,  0., -2.]])
    """
    return _contract(a, b, np.outer, [], [], ravel=True, constant=constant, out=out)


def _tensordot_axes(axes: Any, na: int, nb: int) -> Tuple[List[int], List[int]]:
    try:
        iter(axes)
    except TypeError:
        n = operator.index(axes)
        return list(range(-n, 0)), list(range(0, n))  # NumPy's reading (n < 0: none)
    axes_a, axes_b = axes
    axes_a = [axes_a] if np.ndim(axes_a) == 0 else list(axes_a)
    axes_b = [axes_b] if np.ndim(axes_b) == 0 else list(axes_b)
    return axes_a, axes_b


def tensordot(a: Any, b: Any, axes: Any = 2, *, constant: Optional[bool] = None) -> Tensor:
    """Sum of products over the given axes, as :func:`numpy.tensordot`.

    Parameters
    ----------
    a, b : ArrayLike
    axes : Union[int, Tuple[Sequence[int], Sequence[int]]], optional (default=2)
        N: the last N axes of ``a`` with the first N of ``b``; or a pair of axis
        lists, paired in order.
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor
        The free axes of ``a`` followed by those of ``b``.

    Examples
    --------
    >>> import mygrad as mg
    >>> a = mg.ones((2, 3))
    >>> b = mg.ones((3, 4))
    >>> mg.tensordot(a, b, axes=1).shape
    (2, 4)
    """
    na, nb = _ndim(a), _ndim(b)

    def forward(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return np.tensordot(x, y, axes=axes)

    axes_a, axes_b = _tensordot_axes(axes, na, nb)
    if len(axes_a) != len(axes_b) or na < len(axes_a) or nb < len(axes_b):
        forward(_data(a), _data(b))  # NumPy's error
    return _contract(a, b, forward, axes_a, axes_b, constant=constant)


def _data(x: Any) -> np.ndarray:
    return x.data if isinstance(x, Tensor) else np.asarray(x)


class Kron(Operation):
    """f(a, b) = kron(a, b)."""

    def __call__(self, a: Tensor, b: Tensor) -> np.ndarray:  # type: ignore[override]
        self.variables = (a, b)
        return np.kron(a.data, b.data)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        a, b = (v.data for v in self.variables)
        nd = max(a.ndim, b.ndim)
        a2 = a.reshape((1,) * (nd - a.ndim) + a.shape)
        b2 = b.reshape((1,) * (nd - b.ndim) + b.shape)
        # out[i * bn + j] = a[i] b[j] on each axis: split every axis of grad into (a_k, b_k)
        split = tuple(s for pair in zip(a2.shape, b2.shape) for s in pair)
        g = grad.reshape(split)
        even, odd = list(range(0, 2 * nd, 2)), list(range(1, 2 * nd, 2))
        if index == 0:
            return np.tensordot(g, b2, axes=(odd, list(range(nd)))).reshape(a.shape)
        return np.tensordot(g, a2, axes=(even, list(range(nd)))).reshape(b.shape)


def kron(a: Any, b: Any, *, constant: Optional[bool] = None) -> Tensor:
    """Kronecker product, as :func:`numpy.kron`.

    Parameters
    ----------
    a, b : ArrayLike
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.kron(mg.tensor([1.0, 10.0]), mg.tensor([1.0, 2.0]))
    Tensor([ 1.,  2., 10., 20.])
    """
    return execute_op(Kron, a, b, constant=constant)


def _neg_axis(axis: int, ndim: int) -> int:
    """``axis`` counted from the end (so it stays right after broadcasting)."""
    return axis % ndim - ndim


class Cross(Operation):
    """f(a, b) = a x b for vectors of 2 or 3 components along the given axes."""

    def __call__(  # type: ignore[override]
        self,
        a: Tensor,
        b: Tensor,
        axisa: int = -1,
        axisb: int = -1,
        axisc: int = -1,
        axis: Optional[int] = None,
    ) -> np.ndarray:
        self.variables = (a, b)
        out = np.cross(a.data, b.data, axisa, axisb, axisc, axis)
        if axis is not None:
            axisa = axisb = axisc = axis
        self.axisa = _neg_axis(axisa, a.ndim)
        self.axisb = _neg_axis(axisb, b.ndim)
        self.axisc = axisc
        self.out_ndim = out.ndim
        return out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        a = np.moveaxis(self.variables[0].data, self.axisa, -1)
        b = np.moveaxis(self.variables[1].data, self.axisb, -1)
        na, nb = a.shape[-1], b.shape[-1]
        a3 = a if na == 3 else np.concatenate([a, np.zeros(a.shape[:-1] + (1,), a.dtype)], -1)
        b3 = b if nb == 3 else np.concatenate([b, np.zeros(b.shape[:-1] + (1,), b.dtype)], -1)
        if na == 2 and nb == 2:  # the result is the z component alone
            g3 = np.zeros(grad.shape + (3,), dtype=grad.dtype)
            g3[..., 2] = grad
        else:
            g3 = np.moveaxis(grad, _neg_axis(self.axisc, self.out_ndim), -1)
        if index == 0:  # <g, a x b> = <a, b x g> = <b, g x a>
            g = np.cross(b3, g3)[..., :na]
            return np.moveaxis(g, -1, self.axisa)
        g = np.cross(g3, a3)[..., :nb]
        return np.moveaxis(g, -1, self.axisb)


def cross(
    a: Any,
    b: Any,
    axisa: int = -1,
    axisb: int = -1,
    axisc: int = -1,
    axis: Optional[int] = None,
    *,
    constant: Optional[bool] = None,
) -> Tensor:
    """Cross product of (stacks of) 2- or 3-component vectors, as :func:`numpy.cross`.

    Parameters
    ----------
    a, b : ArrayLike
        Vectors along ``axisa`` / ``axisb``; the other axes broadcast.
    axisa, axisb, axisc : int
        The vector axes of ``a``, ``b`` and of the result.
    axis : Optional[int]
        If given, overrides all three.
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.cross(mg.tensor([1.0, 0.0, 0.0]), mg.tensor([0.0, 1.0, 0.0]))
    Tensor([0., 0., 1.])
    """
    return execute_op(Cross, a, b, op_args=(axisa, axisb, axisc, axis), constant=constant)


class VecDot(Operation):
    """f(a, b) = sum(a * b, axis) with broadcasting (real input: no conjugation)."""

    def __call__(self, a: Tensor, b: Tensor, axis: int = -1, dtype: Any = None) -> np.ndarray:  # type: ignore[override]
        self.variables = (a, b)
        if hasattr(np, "vecdot"):
            out = np.vecdot(a.data, b.data, axis=axis)
        else:
            for i, x in enumerate((a.data, b.data)):
                if x.ndim == 0:
                    raise ValueError(
                        f"vecdot: Input operand {i} does not have enough dimensions (has 0, "
                        "gufunc core with signature (n),(n)->() requires 1)"
                    )
            out = np.einsum(
                "...i,...i->...", np.moveaxis(a.data, axis, -1), np.moveaxis(b.data, axis, -1)
            )
        self.axes = (_neg_axis(axis, a.ndim), _neg_axis(axis, b.ndim))
        return out if dtype is None else np.asarray(out).astype(dtype)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        other = self.variables[1 - index].data
        g = grad[..., None] * np.moveaxis(other, self.axes[1 - index], -1)
        return np.moveaxis(g, -1, self.axes[index])


def vecdot(
    x1: Any,
    x2: Any,
    /,
    out: Any = None,
    *,
    axis: int = -1,
    dtype: Any = None,
    constant: Optional[bool] = None,
) -> Tensor:
    """Vector dot product along ``axis`` with broadcasting, as NumPy 2's :func:`numpy.vecdot`.

    Available on every supported NumPy (``np.vecdot`` on tensors only where NumPy has
    it). Real input (no conjugation is needed).

    Parameters
    ----------
    x1, x2 : ArrayLike
    out : Optional[Union[Tensor, ndarray]]
        Where to write the result (returned).
    axis : int, optional (default=-1)
        The vector axis of both operands.
    dtype : Optional[DTypeLike]
        The dtype of the result.
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.vecdot(mg.tensor([[1.0, 2.0], [3.0, 4.0]]), mg.tensor([1.0, 1.0]))
    Tensor([3., 7.])
    """
    return execute_op(VecDot, x1, x2, op_args=(axis, dtype), constant=constant, out=out)


def _gufunc_ndim_check(
    name: str, sig: str, arrays: Sequence[np.ndarray], needs: Sequence[int]
) -> None:
    for i, (x, n) in enumerate(zip(arrays, needs)):
        if x.ndim < n:
            raise ValueError(
                f"{name}: Input operand {i} does not have enough dimensions (has {x.ndim}, "
                f"gufunc core with signature {sig} requires {n})"
            )


class MatVec(Operation):
    """f(A, v) = A @ v over stacks: (..., m, n), (..., n) -> (..., m)."""

    def __call__(self, a: Tensor, b: Tensor) -> np.ndarray:  # type: ignore[override]
        self.variables = (a, b)
        if hasattr(np, "matvec"):
            return np.matvec(a.data, b.data)
        _gufunc_ndim_check("matvec", "(m,n),(n)->(m)", (a.data, b.data), (2, 1))
        return np.einsum("...ij,...j->...i", a.data, b.data)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        a, b = (v.data for v in self.variables)
        if index == 0:
            return grad[..., :, None] * b[..., None, :]
        return np.einsum("...ij,...i->...j", a, grad)


def matvec(x1: Any, x2: Any, /, *, constant: Optional[bool] = None) -> Tensor:
    """Matrix-vector product over stacks, as NumPy 2.2's :func:`numpy.matvec`.

    Available on every supported NumPy (``np.matvec`` on tensors only where NumPy has
    it).

    Parameters
    ----------
    x1 : ArrayLike, shape (..., M, N)
    x2 : ArrayLike, shape (..., N)
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor, shape (..., M)

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.matvec(mg.tensor([[1.0, 2.0], [3.0, 4.0]]), mg.tensor([1.0, 0.0]))
    Tensor([1., 3.])
    """
    return execute_op(MatVec, x1, x2, constant=constant)


class VecMat(Operation):
    """f(v, A) = v @ A over stacks: (..., n), (..., n, m) -> (..., m) (real input)."""

    def __call__(self, a: Tensor, b: Tensor) -> np.ndarray:  # type: ignore[override]
        self.variables = (a, b)
        if hasattr(np, "vecmat"):
            return np.vecmat(a.data, b.data)
        _gufunc_ndim_check("vecmat", "(n),(n,m)->(m)", (a.data, b.data), (1, 2))
        return np.einsum("...i,...ij->...j", a.data, b.data)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        a, b = (v.data for v in self.variables)
        if index == 0:
            return np.einsum("...ij,...j->...i", b, grad)
        return a[..., :, None] * grad[..., None, :]


def vecmat(x1: Any, x2: Any, /, *, constant: Optional[bool] = None) -> Tensor:
    """Vector-matrix product over stacks, as NumPy 2.2's :func:`numpy.vecmat` (real input).

    Available on every supported NumPy (``np.vecmat`` on tensors only where NumPy has
    it).

    Parameters
    ----------
    x1 : ArrayLike, shape (..., N)
    x2 : ArrayLike, shape (..., N, M)
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor, shape (..., M)

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.vecmat(mg.tensor([1.0, 0.0]), mg.tensor([[1.0, 2.0], [3.0, 4.0]]))
    Tensor([1., 2.])
    """
    return execute_op(VecMat, x1, x2, constant=constant)
