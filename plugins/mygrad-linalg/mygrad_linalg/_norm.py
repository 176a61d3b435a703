"""``norm``: vector and matrix norms (as :func:`numpy.linalg.norm`)."""

from __future__ import annotations

from typing import Any, Optional, Tuple, Union

import numpy as np

from mygrad_core import Operation, Tensor, execute_op

__all__ = ["norm"]


def _norm_axes(ndim: int, ord: Any, axis: Any) -> Tuple[int, ...]:
    """The axes NumPy norms over (1 axis: vector norm; 2 axes: matrix norm)."""
    if axis is None:
        if ord is None:
            return tuple(range(ndim))  # the 2-norm of the flattened input
        return tuple(range(ndim))  # NumPy accepts only 1-D (vector) or 2-D (matrix) here
    if isinstance(axis, (tuple, list)):
        return tuple(int(a) % ndim for a in axis)
    return (int(axis) % ndim,)


def _one_hot(values: np.ndarray, axis: int, pick: Any) -> np.ndarray:
    """A mask that is True at the first arg-max/arg-min of ``values`` along ``axis``."""
    idx = np.expand_dims(pick(values, axis=axis), axis)
    mask = np.zeros(values.shape, dtype=bool)
    np.put_along_axis(mask, idx, True, axis=axis)
    return mask


class Norm(Operation):
    """f(x) = np.linalg.norm(x, ord, axis, keepdims)."""

    def __call__(  # type: ignore[override]
        self,
        x: Tensor,
        ord: Any = None,
        axis: Any = None,
        keepdims: bool = False,
        nan_to_num: bool = True,
    ) -> np.ndarray:
        self.variables = (x,)
        out = np.linalg.norm(x.data, ord=ord, axis=axis, keepdims=keepdims)
        self.ord = ord
        self.axes = _norm_axes(x.ndim, ord, axis)
        self.vector = axis is None and ord is None or len(self.axes) == 1
        self.nan_to_num = nan_to_num
        self._out = np.asarray(out)
        return self._out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        axes = self.axes
        n = self._out
        if n.ndim != x.ndim:  # restore the normed axes (keepdims=False)
            n = np.expand_dims(n, axes)
            grad = np.expand_dims(grad, axes)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            d = self._vector_grad(x, n) if self.vector else self._matrix_grad(x, n)
            g = grad * d
        if self.nan_to_num:
            g = np.where(np.isnan(g), 0, g)
        return g

    def _sign(self, x: np.ndarray) -> np.ndarray:
        # x / |x|: nan at 0, where the norm's derivative is undefined (nan_to_num -> 0)
        return x / np.abs(x)

    def _vector_grad(self, x: np.ndarray, n: np.ndarray) -> np.ndarray:
        ord = self.ord
        axis = self.axes[0] if len(self.axes) == 1 else None
        if ord is None or ord == "fro":
            ord = 2
        if ord == 0:  # a count: piecewise constant
            return np.zeros(x.shape, dtype=np.result_type(x.dtype, np.float16))
        if np.isinf(ord):
            pick = np.argmax if ord > 0 else np.argmin
            return np.where(_one_hot(np.abs(x), axis, pick), self._sign(x), 0)
        # d/dx (sum |x|^p)^(1/p) = sign(x) |x|^(p-1) / norm^(p-1)
        p = float(ord)
        if p == 2:
            return self._sign(x) * np.abs(x) / n
        if p == 1:
            return self._sign(x) * np.ones_like(n)
        return self._sign(x) * (np.abs(x) / n) ** (p - 1)

    def _matrix_grad(self, x: np.ndarray, n: np.ndarray) -> np.ndarray:
        ord = self.ord
        row, col = self.axes
        if ord is None or ord == "fro":
            return self._sign(x) * np.abs(x) / n
        if ord in ("nuc", 2, -2):
            xm = np.moveaxis(x, (row, col), (-2, -1))
            u, _, vh = np.linalg.svd(xm, full_matrices=False)
            if ord == "nuc":  # sum of singular values: U V^T
                d = u @ vh
            else:  # the largest (2) / smallest (-2) singular value: u_k v_k^T
                k = 0 if ord == 2 else -1
                d = u[..., :, k, None] * vh[..., k, None, :]
            d = np.moveaxis(d, (-2, -1), (row, col))
            return np.where(n == 0, np.nan, d)
        if ord in (1, -1, np.inf, -np.inf):
            # 1/-1: max/min over columns of the column sums of |x|;
            # inf/-inf: max/min over rows of the row sums of |x|
            summed, picked = (row, col) if ord in (1, -1) else (col, row)
            sums = np.sum(np.abs(x), axis=summed, keepdims=True)
            pick = np.argmax if ord > 0 else np.argmin
            return np.where(_one_hot(sums, picked, pick), self._sign(x), 0)
        raise ValueError(f"norm: invalid norm order {ord!r} for matrices")  # pragma: no cover


def norm(
    x: Any,
    ord: Optional[Union[int, float, str]] = None,
    axis: Optional[Union[int, Tuple[int, ...]]] = None,
    keepdims: bool = False,
    *,
    nan_to_num: bool = True,
    constant: Optional[bool] = None,
) -> Tensor:
    """Vector or matrix norm, differentiably (as :func:`numpy.linalg.norm`).

    Parameters
    ----------
    x : ArrayLike
    ord : {None, int, float, inf, -inf, 'fro', 'nuc'}
        Vector norms (one axis): ``None``/2 (Euclidean), 1, ``inf`` (max ``|x|``),
        ``-inf`` (min ``|x|``), 0 (number of non-zero entries; its gradient is 0) and
        any other p (``sum(|x|**p)**(1/p)``). Matrix norms (two axes): ``None``/'fro',
        'nuc', 1, -1, 2, -2, ``inf``, ``-inf``.
    axis : Optional[Union[int, Tuple[int, int]]]
        One axis for vector norms, two for matrix norms. With ``axis=None`` a 1-D input
        gives a vector norm and a 2-D input a matrix norm; with ``ord=None`` too, the
        result is the 2-norm of the flattened input.
    keepdims : bool, optional (default=False)
        Keep the normed axes as size-1 dimensions.
    nan_to_num : bool, optional (default=True)
        Report a 0 gradient where the derivative is undefined (zero entries, zero
        norms) instead of nan.
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([[3.0, 4.0], [0.0, 0.0]])
    >>> n = mg.linalg.norm(x, axis=1)
    >>> n
    Tensor([5., 0.])
    >>> n.backward()
    >>> x.grad
    array([[0.6, 0.8],
           [0. , 0. ]])
    """
    return execute_op(
        Norm,
        x,
        op_kwargs={"ord": ord, "axis": axis, "keepdims": keepdims, "nan_to_num": nan_to_num},
        constant=constant,
    )
