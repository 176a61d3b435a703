"""The array-API spellings of ``numpy.linalg`` (NumPy >= 2), on every supported NumPy.

``mg.linalg.matmul``, ``tensordot``, ``outer``, ``vecdot``, ``cross``, ``diagonal``,
``trace``, ``matrix_transpose``, ``vector_norm`` and ``matrix_norm`` follow NumPy 2's
``numpy.linalg`` signatures (positional-only operands, keyword-only options, stricter
shapes than their top-level namesakes). The ``np.linalg.X`` overrides exist only
where NumPy has those names.
"""

from __future__ import annotations

from typing import Any, Optional, Tuple, Union

import numpy as np

from mygrad_core import Operation, Tensor, execute_op, moveaxis, reshape, swapaxes
from mygrad_linalg import products
from mygrad_linalg._matmul import matmul as _matmul
from mygrad_linalg._norm import norm

__all__ = [
    "matmul",
    "tensordot",
    "outer",
    "vecdot",
    "cross",
    "diagonal",
    "trace",
    "matrix_transpose",
    "vector_norm",
    "matrix_norm",
]


def _ndim(x: Any) -> int:
    return x.ndim if isinstance(x, (Tensor, np.ndarray)) else np.ndim(x)


def _shape(x: Any) -> Tuple[int, ...]:
    return x.shape if isinstance(x, (Tensor, np.ndarray)) else np.shape(x)


def matmul(x1: Any, x2: Any, /, *, constant: Optional[bool] = None) -> Tensor:
    """Matrix product, as :func:`numpy.linalg.matmul` (``mg.matmul`` without ``out=``).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.matmul(mg.tensor([[1.0, 2.0]]), mg.tensor([[3.0], [4.0]]))
    Tensor([[11.]])
    """
    return _matmul(x1, x2, constant=constant)


def tensordot(x1: Any, x2: Any, /, *, axes: Any = 2, constant: Optional[bool] = None) -> Tensor:
    """Tensor contraction, as :func:`numpy.linalg.tensordot` (``axes`` keyword-only).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.tensordot(mg.ones((2, 3)), mg.ones((2, 3)))
    Tensor(6., dtype=float32)
    """
    return products.tensordot(x1, x2, axes=axes, constant=constant)


def outer(x1: Any, x2: Any, /, *, constant: Optional[bool] = None) -> Tensor:
    """Outer product of two 1-D arrays, as :func:`numpy.linalg.outer`.

    Raises ``ValueError`` unless both operands are 1-D.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.outer(mg.tensor([1.0, 2.0]), mg.tensor([3.0]))
    Tensor([[3.],
            [6.]])
    """
    n1, n2 = _ndim(x1), _ndim(x2)
    if n1 != 1 or n2 != 1:
        raise ValueError(
            f"Input arrays must be one-dimensional, but they are x1.ndim={n1} and x2.ndim={n2}."
        )
    return products.outer(x1, x2, constant=constant)


def vecdot(x1: Any, x2: Any, /, *, axis: int = -1, constant: Optional[bool] = None) -> Tensor:
    """Vector dot product along ``axis``, as :func:`numpy.linalg.vecdot`.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.vecdot(mg.tensor([1.0, 2.0]), mg.tensor([3.0, 4.0]))
    Tensor(11.)
    """
    return products.vecdot(x1, x2, axis=axis, constant=constant)


def cross(x1: Any, x2: Any, /, *, axis: int = -1, constant: Optional[bool] = None) -> Tensor:
    """Cross product of 3-component vectors, as :func:`numpy.linalg.cross`.

    Raises ``ValueError`` unless both operands have 3 components along ``axis``.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.cross(mg.tensor([0.0, 1.0, 0.0]), mg.tensor([0.0, 0.0, 1.0]))
    Tensor([1., 0., 0.])
    """
    s1, s2 = _shape(x1), _shape(x2)
    d1 = s1[axis] if s1 else 0
    d2 = s2[axis] if s2 else 0
    if d1 != 3 or d2 != 3:
        raise ValueError(
            "Both input arrays must be (arrays of) 3-dimensional vectors, but they are "
            f"{d1} and {d2} dimensional instead."
        )
    return products.cross(x1, x2, axis=axis, constant=constant)


def _diagonal_index(shape: Tuple[int, ...], offset: int) -> Tuple[np.ndarray, np.ndarray]:
    rows, cols = shape[-2:]
    k = max(0, min(rows - max(-offset, 0), cols - max(offset, 0)))
    i = np.arange(k)
    return i + max(-offset, 0), i + max(offset, 0)


def _check_2d(x: Tensor) -> None:
    if x.ndim < 2:
        raise ValueError("diag requires an array of at least two dimensions")


class Diagonal(Operation):
    """f(x) = the diagonals of the matrices in x's last two axes (a view of x)."""

    can_return_view = True

    def __call__(self, x: Tensor, offset: int = 0) -> np.ndarray:  # type: ignore[override]
        _check_2d(x)
        self.variables = (x,)
        self.offset = offset
        return self.view_fn(x.data)

    def view_fn(self, array: np.ndarray) -> np.ndarray:
        view = np.diagonal(array, self.offset, -2, -1)
        if array.flags.writeable:
            # NumPy hands out diagonals read-only; a tensor's view is writeable like
            # its base (as einsum's diagonal views are)
            view.flags.writeable = True
        return view

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0]
        g = np.zeros(x.shape, dtype=grad.dtype)
        r, c = _diagonal_index(x.shape, self.offset)
        g[..., r, c] = grad
        return g


def diagonal(x: Any, /, *, offset: int = 0, constant: Optional[bool] = None) -> Tensor:
    """The diagonals of (a stack of) matrices, as :func:`numpy.linalg.diagonal`.

    The result is a view of ``x`` (writeable where ``x`` is, unlike NumPy's read-only
    diagonals).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.diagonal(mg.tensor([[1.0, 2.0], [3.0, 4.0]]), offset=1)
    Tensor([2.])
    """
    return execute_op(Diagonal, x, op_args=(int(offset),), constant=constant)


class Trace(Operation):
    """f(x) = the sum of the diagonal of each matrix in x's last two axes."""

    def __call__(self, x: Tensor, offset: int = 0, dtype: Any = None) -> np.ndarray:  # type: ignore[override]
        _check_2d(x)
        self.variables = (x,)
        self.offset = offset
        return np.asarray(np.trace(x.data, offset, -2, -1, dtype=dtype))

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0]
        g = np.zeros(x.shape, dtype=np.result_type(grad.dtype, np.float16))
        r, c = _diagonal_index(x.shape, self.offset)
        g[..., r, c] = np.asarray(grad)[..., None]
        return g


def trace(
    x: Any, /, *, offset: int = 0, dtype: Any = None, constant: Optional[bool] = None
) -> Tensor:
    """The traces of (a stack of) matrices, as :func:`numpy.linalg.trace`.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.trace(mg.tensor([[1.0, 2.0], [3.0, 4.0]]))
    Tensor(5.)
    """
    return execute_op(Trace, x, op_args=(int(offset), dtype), constant=constant)


def matrix_transpose(x: Any, /, *, constant: Optional[bool] = None) -> Tensor:
    """Swap the last two axes, as :func:`numpy.linalg.matrix_transpose`.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.matrix_transpose(mg.tensor([[1.0, 2.0]]))
    Tensor([[1.],
            [2.]])
    """
    n = _ndim(x)
    if n < 2:
        raise ValueError(f"Input array must be at least 2-dimensional, but it is {n}")
    return swapaxes(x, -1, -2, constant=constant)


def _normalize_axes(axis: Any, ndim: int) -> Tuple[int, ...]:
    out = []
    for a in axis if isinstance(axis, (tuple, list)) else (axis,):
        a = int(a)
        if not -ndim <= a < ndim:
            raise np.exceptions.AxisError(a, ndim)
        out.append(a % ndim)
    if len(set(out)) != len(out):
        raise ValueError("repeated axis")
    return tuple(out)


def vector_norm(
    x: Any,
    /,
    *,
    axis: Optional[Union[int, Tuple[int, ...]]] = None,
    keepdims: bool = False,
    ord: Union[int, float] = 2,
    constant: Optional[bool] = None,
) -> Tensor:
    """Vector norm over one or several axes, as :func:`numpy.linalg.vector_norm`.

    Several axes (or ``axis=None``: all) are normed as one flattened vector; the
    values and gradients are those of :func:`mygrad.linalg.norm` on that vector.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.vector_norm(mg.tensor([[3.0, 0.0], [0.0, 4.0]]))
    Tensor(5.)
    """
    t = x if isinstance(x, Tensor) else np.asarray(x)
    shape = t.shape
    nd = len(shape)
    if axis is None:
        axes = tuple(range(nd))
    else:
        axes = _normalize_axes(axis, nd)
    if len(axes) == 1 and axis is not None:
        return norm(t, ord=ord, axis=axes[0], keepdims=keepdims, constant=constant)
    rest = tuple(i for i in range(nd) if i not in axes)
    if axes != tuple(range(nd - len(axes), nd)):
        t = moveaxis(t, axes, tuple(range(nd - len(axes), nd)))
    flat = reshape(t, tuple(shape[i] for i in rest) + (-1,)) if nd else reshape(t, (1,))
    out = norm(flat, ord=ord, axis=-1, constant=constant if not keepdims else None)
    if keepdims:
        return reshape(
            out, tuple(1 if i in axes else shape[i] for i in range(nd)), constant=constant
        )
    return out


def matrix_norm(
    x: Any, /, *, keepdims: bool = False, ord: Any = "fro", constant: Optional[bool] = None
) -> Tensor:
    """Matrix norm of the last two axes, as :func:`numpy.linalg.matrix_norm`.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.linalg.matrix_norm(mg.tensor([[3.0, 0.0], [0.0, 4.0]]), ord="nuc")
    Tensor(7.)
    """
    if _ndim(x) < 2:
        raise np.linalg.LinAlgError(
            f"{_ndim(x)}-dimensional array given. Array must be at least two-dimensional"
        )
    return norm(x, ord=ord, axis=(-2, -1), keepdims=keepdims, constant=constant)
