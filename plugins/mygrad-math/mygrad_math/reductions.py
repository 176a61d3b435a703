"""Sums, products and statistics: sum, prod, cumsum, cumprod, mean, var, std, amax,
amin, max, min (plain functions, no ``out``/``where``)."""

from __future__ import annotations

import builtins
from typing import Any, Optional, Tuple, Union

import numpy as np

from mygrad_core import Operation, Tensor, execute_op
from mygrad_math._utils import normalize_axes, reduced_shape_grad

__all__ = ["sum", "prod", "cumsum", "cumprod", "mean", "var", "std", "amax", "amin", "max", "min"]

Axis = Optional[Union[int, Tuple[int, ...]]]


class _Reduction(Operation):
    """Base of the ops that reduce ``axis`` (None/int/tuple) with ``keepdims``."""

    np_func: Any = None

    def __call__(
        self, x: Tensor, axis: Axis = None, keepdims: bool = False, dtype: Any = None
    ) -> np.ndarray:  # type: ignore[override]
        self.variables = (x,)
        self.axis = axis
        self.keepdims = keepdims
        if dtype is None:
            out = self.np_func(x.data, axis=axis, keepdims=keepdims)
        else:
            out = self.np_func(x.data, axis=axis, keepdims=keepdims, dtype=dtype)
        self.out = out
        return out

    def _expanded(self, grad: np.ndarray) -> np.ndarray:
        """``grad`` with the reduced axes put back as size-1 axes."""
        x = self.variables[0].data
        self.axes = axes = normalize_axes(self.axis, x.ndim)
        return reduced_shape_grad(grad, x.shape, axes, self.keepdims)

    def _count(self) -> int:
        shape = self.variables[0].data.shape
        n = 1
        for a in self.axes:
            n *= shape[a]
        return n


class Sum(_Reduction):
    np_func = staticmethod(np.sum)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        shape = self.variables[0].data.shape
        if self.axis is None and grad.ndim == 0:  # the usual total: one fill, no reshaping
            return np.full(shape, grad, dtype=grad.dtype)
        return np.array(np.broadcast_to(self._expanded(grad), shape))


class Mean(_Reduction):
    np_func = staticmethod(np.mean)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        g = self._expanded(grad)
        shape = self.variables[0].data.shape
        return np.broadcast_to(g, shape) / builtins.max(self._count(), 1)


class _Moment(_Reduction):
    def __call__(
        self, x: Tensor, axis: Axis = None, ddof: int = 0, keepdims: bool = False, dtype: Any = None
    ) -> np.ndarray:  # type: ignore[override]
        self.variables = (x,)
        self.axis = axis
        self.keepdims = keepdims
        self.ddof = ddof
        kw = {} if dtype is None else {"dtype": dtype}
        out = self.np_func(x.data, axis=axis, ddof=ddof, keepdims=keepdims, **kw)
        self.out = out
        return out

    def _dvar(self, grad: np.ndarray) -> np.ndarray:
        """``grad * d(var)/dx``."""
        x = self.variables[0].data
        g = self._expanded(grad)
        centered = x - np.mean(x, axis=self.axes, keepdims=True)
        return g * centered * (2.0 / (self._count() - self.ddof))


class Var(_Moment):
    np_func = staticmethod(np.var)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return self._dvar(grad)


class Std(_Moment):
    np_func = staticmethod(np.std)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        # d(std) = d(var) / (2 std)
        dvar = self._dvar(grad)
        if not self.axes:
            # the std over no axes is identically 0, and so is its gradient (not 0 / 0)
            return np.zeros_like(dvar)
        std = reduced_shape_grad(self.out, self.variables[0].shape, self.axes, self.keepdims)
        return dvar / (2 * std)


def _moved_flat(x: np.ndarray, axes: Tuple[int, ...]) -> Tuple[np.ndarray, Tuple[int, ...]]:
    """``x`` with ``axes`` moved to the end (in order) and merged into one axis."""
    keep = [i for i in range(x.ndim) if i not in axes]
    moved = np.transpose(x, keep + list(axes))
    lead = moved.shape[: len(keep)]
    return moved.reshape(lead + (-1,)), moved.shape


def _unmove(
    flat: np.ndarray, moved_shape: Tuple[int, ...], axes: Tuple[int, ...], ndim: int
) -> np.ndarray:
    keep = [i for i in range(ndim) if i not in axes]
    order = keep + list(axes)
    return np.transpose(flat.reshape(moved_shape), np.argsort(order))


class Prod(_Reduction):
    np_func = staticmethod(np.prod)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        g = self._expanded(grad)
        if x.size == 0:
            return np.zeros(x.shape, dtype=np.result_type(grad, x))
        # product of all the other elements: exclusive cumulative products from both
        # ends (exact, and correct when some elements are 0)
        flat, moved_shape = _moved_flat(x, self.axes)
        ones = np.ones(flat.shape[:-1] + (1,), dtype=flat.dtype)
        left = np.cumprod(np.concatenate([ones, flat[..., :-1]], axis=-1), axis=-1)
        right = np.cumprod(np.concatenate([ones, flat[..., :0:-1]], axis=-1), axis=-1)[..., ::-1]
        others = _unmove(left * right, moved_shape, self.axes, x.ndim)
        return g * others


class _Extremum(_Reduction):
    """amax/amin: the whole gradient goes to the first extremal element (row-major
    order over the reduced axes); nan counts as the extremum, as it propagates."""

    arg_func: Any = None

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        g = self._expanded(grad)
        axes = self.axes
        if not axes or x.size == 0:
            return np.array(np.broadcast_to(g, x.shape))
        flat, moved_shape = _moved_flat(x, axes)
        idx = self.arg_func(flat, axis=-1)[..., None]
        g_moved, _ = _moved_flat(g, axes)  # the reduced axes have size 1 here
        out = np.zeros(flat.shape, dtype=np.result_type(g.dtype, x.dtype))
        np.put_along_axis(out, idx, g_moved, axis=-1)
        return _unmove(out, moved_shape, axes, x.ndim)


class Amax(_Extremum):
    np_func = staticmethod(np.max)
    arg_func = staticmethod(np.argmax)


class Amin(_Extremum):
    np_func = staticmethod(np.min)
    arg_func = staticmethod(np.argmin)


class _Cumulative(Operation):
    np_func: Any = None

    def __call__(  # type: ignore[override]
        self, x: Tensor, axis: Optional[int] = None, dtype: Any = None
    ) -> np.ndarray:
        self.variables = (x,)
        self.axis = axis
        kw = {} if dtype is None else {"dtype": dtype}
        out = self.np_func(x.data, axis=axis, **kw)
        self.out = out
        return out

    def _line_setup(self, grad: np.ndarray) -> Tuple[np.ndarray, np.ndarray, int]:
        x = self.variables[0].data
        if self.axis is None:
            return x.ravel(), grad, 0
        return x, grad, int(self.axis) % builtins.max(x.ndim, 1)


def _reverse_cumsum(a: np.ndarray, axis: int) -> np.ndarray:
    return np.flip(np.cumsum(np.flip(a, axis), axis=axis), axis)


class Cumsum(_Cumulative):
    np_func = staticmethod(np.cumsum)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x, g, axis = self._line_setup(grad)
        if x.ndim == 0:
            return np.array(grad).reshape(())
        return _reverse_cumsum(g, axis).reshape(self.variables[0].shape)


class Cumprod(_Cumulative):
    np_func = staticmethod(np.cumprod)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x, g, axis = self._line_setup(grad)
        shape = self.variables[0].shape
        if x.ndim == 0:
            return np.array(grad).reshape(())
        if x.size == 0:
            return np.zeros(shape, dtype=np.result_type(grad, x))
        out = self.out.reshape(x.shape)
        n = x.shape[axis]
        pos = np.arange(n).reshape((-1,) + (1,) * (x.ndim - 1 - axis))
        is_zero = x == 0
        # index of the first zero along the axis (n when there is none)
        first_zero = np.where(
            is_zero.any(axis=axis, keepdims=True), np.argmax(is_zero, axis=axis, keepdims=True), n
        )
        before = pos < first_zero
        # before the first zero: d out_j / d x_i = out_j / x_i
        with np.errstate(divide="ignore", invalid="ignore"):
            g = _reverse_cumsum(g * out, axis) / np.where(before, x, 1)
        g = np.where(before, g, 0)
        at = pos == first_zero
        if at.any():
            # at the first zero: the products of the others, with that zero left out
            patched = np.cumprod(np.where(at, 1, x), axis=axis)
            g = np.where(at, _reverse_cumsum(grad.reshape(x.shape) * patched, axis), g)
        return g.reshape(shape)


def _reduce(
    Op: Any,
    x: Any,
    axis: Axis,
    keepdims: bool,
    dtype: Any,
    constant: Optional[bool],
    out: Any = None,
) -> Tensor:
    if dtype is None:
        return execute_op(Op, x, op_args=(axis, keepdims), constant=constant, out=out)
    return execute_op(Op, x, op_args=(axis, keepdims, dtype), constant=constant, out=out)


def _cumulative(
    Op: Any, a: Any, axis: Optional[int], dtype: Any, constant: Optional[bool], out: Any = None
) -> Tensor:
    args: Tuple[Any, ...] = (axis,) if dtype is None else (axis, dtype)
    return execute_op(Op, a, op_args=args, constant=constant, out=out)


def sum(
    x: Any,
    axis: Axis = None,
    keepdims: bool = False,
    *,
    dtype: Any = None,
    constant: Optional[bool] = None,
) -> Tensor:  # noqa: A001
    """Sum of tensor elements over the given axis (or axes).

    Parameters
    ----------
    x : ArrayLike
    axis : Optional[Union[int, Tuple[int, ...]]]
        The axis or axes to sum over (negative values count from the end); None sums
        all elements.
    keepdims : bool, default False
        Keep the reduced axes as size-1 axes.
    dtype : Optional[DTypeLikeReals]
        The accumulator's and result's dtype (as ``numpy.sum``).
    constant : Optional[bool]

    Returns
    -------
    Tensor
        The sum of an empty tensor is 0.0.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([[1.0, 2.0], [3.0, 4.0]])
    >>> mg.sum(x, axis=0)
    Tensor([4., 6.])
    >>> mg.sum(x).backward()
    >>> x.grad
    array([[1., 1.],
           [1., 1.]])
    """
    return _reduce(Sum, x, axis, keepdims, dtype, constant)


def mean(
    x: Any,
    axis: Axis = None,
    keepdims: bool = False,
    *,
    dtype: Any = None,
    constant: Optional[bool] = None,
) -> Tensor:
    """Arithmetic mean over the given axis (or axes); integer inputs give a float mean.

    Parameters
    ----------
    x : ArrayLike
    axis : Optional[Union[int, Tuple[int, ...]]]
    keepdims : bool, default False
    dtype : Optional[DTypeLikeReals]
        The dtype used to compute the mean (e.g. float64 for more precision).
    constant : Optional[bool]

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, 2.0, 3.0, 6.0])
    >>> mg.mean(x)
    Tensor(3.)
    >>> mg.mean(x).backward()
    >>> x.grad
    array([0.25, 0.25, 0.25, 0.25])
    """
    return _reduce(Mean, x, axis, keepdims, dtype, constant)


def _moment(
    Op: Any,
    x: Any,
    axis: Axis,
    ddof: int,
    keepdims: bool,
    dtype: Any,
    constant: Optional[bool],
    out: Any = None,
) -> Tensor:
    args: Tuple[Any, ...] = (
        (axis, ddof, keepdims) if dtype is None else (axis, ddof, keepdims, dtype)
    )
    return execute_op(Op, x, op_args=args, constant=constant, out=out)


def var(
    x: Any,
    axis: Axis = None,
    ddof: int = 0,
    keepdims: bool = False,
    *,
    dtype: Any = None,
    constant: Optional[bool] = None,
) -> Tensor:
    """Variance over the given axis (or axes): ``mean(abs(x - x.mean())**2)`` times
    ``N / (N - ddof)``.

    Parameters
    ----------
    x : ArrayLike
    axis : Optional[Union[int, Tuple[int, ...]]]
    ddof : int, default 0
        "Delta degrees of freedom": the divisor is ``N - ddof``.
    keepdims : bool, default False
    dtype : Optional[DTypeLikeReals]
    constant : Optional[bool]

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, 2.0, 3.0])
    >>> mg.var(x)
    Tensor(0.66666667)
    >>> mg.var(x, ddof=1)
    Tensor(1.)
    """
    return _moment(Var, x, axis, ddof, keepdims, dtype, constant)


def std(
    x: Any,
    axis: Axis = None,
    ddof: int = 0,
    keepdims: bool = False,
    *,
    dtype: Any = None,
    constant: Optional[bool] = None,
) -> Tensor:
    """Standard deviation over the given axis (or axes): the square root of ``var``.

    Parameters
    ----------
    x : ArrayLike
    axis : Optional[Union[int, Tuple[int, ...]]]
    ddof : int, default 0
        The divisor of the variance is ``N - ddof``.
    keepdims : bool, default False
    dtype : Optional[DTypeLikeReals]
    constant : Optional[bool]

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, 3.0])
    >>> mg.std(x)
    Tensor(1.)
    >>> mg.std(x).backward()
    >>> x.grad
    array([-0.5,  0.5])
    """
    return _moment(Std, x, axis, ddof, keepdims, dtype, constant)


def prod(
    a: Any,
    axis: Axis = None,
    keepdims: bool = False,
    *,
    dtype: Any = None,
    constant: Optional[bool] = None,
) -> Tensor:
    """Product of tensor elements over the given axis (or axes).

    Parameters
    ----------
    a : ArrayLike
    axis : Optional[Union[int, Tuple[int, ...]]]
    keepdims : bool, default False
    dtype : Optional[DTypeLikeReals]
    constant : Optional[bool]

    Returns
    -------
    Tensor
        The product of an empty tensor is 1.0.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([2.0, 3.0, 0.0])
    >>> mg.prod(x).backward()
    >>> x.grad
    array([0., 0., 6.])
    """
    return _reduce(Prod, a, axis, keepdims, dtype, constant)


def cumsum(
    a: Any, axis: Optional[int] = None, *, dtype: Any = None, constant: Optional[bool] = None
) -> Tensor:
    """Cumulative sum along an axis (of the flattened tensor when ``axis`` is None).

    Parameters
    ----------
    a : ArrayLike
    axis : Optional[int]
    dtype : Optional[DTypeLikeReals]
    constant : Optional[bool]

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, 2.0, 3.0])
    >>> mg.cumsum(x)
    Tensor([1., 3., 6.])
    >>> mg.cumsum(x).backward()
    >>> x.grad
    array([3., 2., 1.])
    """
    return _cumulative(Cumsum, a, axis, dtype, constant)


def cumprod(
    a: Any, axis: Optional[int] = None, *, dtype: Any = None, constant: Optional[bool] = None
) -> Tensor:
    """Cumulative product along an axis (of the flattened tensor when ``axis`` is None).

    Parameters
    ----------
    a : ArrayLike
    axis : Optional[int]
    dtype : Optional[DTypeLikeReals]
    constant : Optional[bool]

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, 2.0, 3.0])
    >>> mg.cumprod(x)
    Tensor([1., 2., 6.])
    >>> mg.cumprod(x).backward()
    >>> x.grad
    array([9., 4., 2.])
    """
    return _cumulative(Cumprod, a, axis, dtype, constant)


def amax(
    x: Any, axis: Axis = None, keepdims: bool = False, *, constant: Optional[bool] = None
) -> Tensor:
    """The maximum over the given axis (or axes); nan propagates.

    The gradient goes wholly to the first maximal element (row-major order over the
    reduced axes) of each reduced group.
    ``mygrad.max`` is this same function.

    Parameters
    ----------
    x : ArrayLike
    axis : Optional[Union[int, Tuple[int, ...]]]
    keepdims : bool, default False
    constant : Optional[bool]

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([[1.0, 5.0], [5.0, 2.0]])
    >>> mg.amax(x, axis=1)
    Tensor([5., 5.])
    >>> mg.amax(x).backward()
    >>> x.grad
    array([[0., 1.],
           [0., 0.]])
    """
    return execute_op(Amax, x, op_args=(axis, keepdims), constant=constant)


def amin(
    x: Any, axis: Axis = None, keepdims: bool = False, *, constant: Optional[bool] = None
) -> Tensor:
    """The minimum over the given axis (or axes); nan propagates.

    The gradient goes wholly to the first minimal element of each reduced group.
    ``mygrad.min`` is this same function.

    Parameters
    ----------
    x : ArrayLike
    axis : Optional[Union[int, Tuple[int, ...]]]
    keepdims : bool, default False
    constant : Optional[bool]

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([[1.0, 5.0], [0.0, 2.0]])
    >>> mg.amin(x, axis=0)
    Tensor([0., 2.])
    """
    return execute_op(Amin, x, op_args=(axis, keepdims), constant=constant)


# one object under both names, as MyGrad has them (``mg.max is mg.amax``)
max = amax  # noqa: A001
min = amin  # noqa: A001
