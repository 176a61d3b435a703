"""Diagonals and triangles: diagonal, diag, diagflat, triu, tril.

``diagonal`` (and ``diag`` of a 2-D tensor) return read-only views, as NumPy's.
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np

from mygrad_core.inplace import execute_op
from mygrad_core.operation import Operation
from mygrad_core.tensor_base import Tensor

__all__ = ["diagonal", "diag", "diagflat", "triu", "tril"]


class Diagonal(Operation):
    can_return_view = True

    def __call__(self, a: Tensor, offset: int, axis1: int, axis2: int) -> np.ndarray:
        self.variables = (a,)
        self.args = (offset, axis1, axis2)
        return np.diagonal(a.data, offset, axis1, axis2)

    def view_fn(self, array: np.ndarray) -> np.ndarray:
        return np.diagonal(array, *self.args)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        offset, axis1, axis2 = self.args
        g = np.zeros(self.variables[0].shape, dtype=grad.dtype)
        # np.diagonal puts the diagonal last; write it through a view of g laid out alike
        gm = np.moveaxis(g, (axis1, axis2), (-2, -1))
        n = np.arange(grad.shape[-1])
        gm[..., n + max(-offset, 0), n + max(offset, 0)] = grad
        return g


def diagonal(a: Any, offset: int = 0, axis1: int = 0, axis2: int = 1, *, constant: Optional[bool] = None) -> Tensor:
    """The diagonal (``offset`` above the main one) in the plane of ``axis1``, ``axis2``.

    A read-only view, as NumPy's; the diagonal is the last axis of the result.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> x = mgc.tensor([[1.0, 2.0], [3.0, 4.0]])
    >>> mgc.diagonal(x)
    Tensor([1., 4.])
    >>> mgc.diagonal(x, offset=1)
    Tensor([2.])
    """
    return execute_op(Diagonal, a, op_args=(offset, axis1, axis2), constant=constant)


class DiagFlat(Operation):
    """A 2-D tensor with the (flattened) input on its ``k``-th diagonal."""

    def __call__(self, v: Tensor, k: int, func: Any) -> np.ndarray:
        self.variables = (v,)
        self.k = k
        return func(v.data, k)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return np.diagonal(grad, self.k).reshape(self.variables[0].shape).copy()


def diag(v: Any, k: int = 0, *, constant: Optional[bool] = None) -> Tensor:
    """Extract the ``k``-th diagonal of a 2-D tensor (a view), or build a 2-D tensor
    with a 1-D tensor on its ``k``-th diagonal.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.diag(mgc.tensor([1.0, 2.0]))
    Tensor([[1., 0.],
            [0., 2.]])
    >>> mgc.diag(mgc.tensor([[1.0, 2.0], [3.0, 4.0]]), k=-1)
    Tensor([3.])
    """
    nd = v.ndim if isinstance(v, Tensor) else np.ndim(v)
    if nd == 2:
        return execute_op(Diagonal, v, op_args=(k, 0, 1), constant=constant)
    if nd != 1:
        raise ValueError(f"diag: the input must be 1- or 2-d, got a {nd}-d input")
    return execute_op(DiagFlat, v, op_args=(k, np.diag), constant=constant)


def diagflat(v: Any, k: int = 0, *, constant: Optional[bool] = None) -> Tensor:
    """A 2-D tensor with the flattened input on its ``k``-th diagonal.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.diagflat(mgc.tensor([[1.0, 2.0]]), k=1)
    Tensor([[0., 1., 0.],
            [0., 0., 2.],
            [0., 0., 0.]])
    """
    return execute_op(DiagFlat, v, op_args=(k, np.diagflat), constant=constant)


class Triangle(Operation):
    """``np.triu``/``np.tril``: a fixed mask, so the gradient is masked alike."""

    def __call__(self, m: Tensor, k: int, func: Any) -> np.ndarray:
        self.variables = (m,)
        self.k, self.func = k, func
        return func(m.data, k)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        # a 1-D input was broadcast to a square: the engine sums the leading axis
        return self.func(grad, self.k)


def triu(m: Any, k: int = 0, *, constant: Optional[bool] = None) -> Tensor:
    """A copy with the elements below the ``k``-th diagonal zeroed (last two axes).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.triu(mgc.tensor([[1.0, 2.0], [3.0, 4.0]]))
    Tensor([[1., 2.],
            [0., 4.]])
    """
    return execute_op(Triangle, m, op_args=(k, np.triu), constant=constant)


def tril(m: Any, k: int = 0, *, constant: Optional[bool] = None) -> Tensor:
    """A copy with the elements above the ``k``-th diagonal zeroed (last two axes).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.tril(mgc.tensor([[1.0, 2.0], [3.0, 4.0]]))
    Tensor([[1., 0.],
            [3., 4.]])
    """
    return execute_op(Triangle, m, op_args=(k, np.tril), constant=constant)
