"""Rearranging elements: flips, rotations, axis permutations, tiling, padding, casting.

Every function takes NumPy's signature plus ``constant=`` and is differentiable in its
tensor argument. Where NumPy returns a view (flip, flipud, fliplr, rot90, rollaxis,
matrix_transpose, permute_dims) the result is a view of the input tensor.
"""

from __future__ import annotations

import operator
from typing import Any, Optional, Sequence, Tuple

import numpy as np

from mygrad_core.inplace import execute_op
from mygrad_core.operation import Operation
from mygrad_core.shape import Transpose, transpose
from mygrad_core.tensor_base import Tensor

__all__ = [
    "flip",
    "flipud",
    "fliplr",
    "rot90",
    "rollaxis",
    "matrix_transpose",
    "permute_dims",
    "tile",
    "pad",
    "astype",
]

_AxisError = getattr(np, "exceptions", np).AxisError


def _ndim(a: Any) -> int:
    return a.ndim if isinstance(a, Tensor) else np.ndim(a)


# ------------------------------------------------------------------ view ops


class Flip(Operation):
    """``np.flip``/``flipud``/``fliplr``: reversing axes is its own inverse."""

    can_return_view = True

    def __call__(self, a: Tensor, func: Any, kwargs: dict) -> np.ndarray:
        self.variables = (a,)
        self.func, self.kwargs = func, kwargs
        return func(a.data, **kwargs)

    def view_fn(self, array: np.ndarray) -> np.ndarray:
        return self.func(array, **self.kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return np.asarray(self.func(grad, **self.kwargs))


def flip(m: Any, axis: Any = None, *, constant: Optional[bool] = None) -> Tensor:
    """Reverse the order of elements along ``axis`` (all axes when None); a view.

    Parameters
    ----------
    m : ArrayLike
    axis : None | int | Tuple[int, ...]
    constant : Optional[bool]

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> x = mgc.tensor([[1.0, 2.0], [3.0, 4.0]])
    >>> mgc.flip(x, axis=1)
    Tensor([[2., 1.],
            [4., 3.]])
    """
    return execute_op(Flip, m, op_args=(np.flip, {"axis": axis}), constant=constant)


def flipud(m: Any, *, constant: Optional[bool] = None) -> Tensor:
    """Reverse the order of elements along axis 0 (up/down); a view.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.flipud(mgc.tensor([[1.0, 2.0], [3.0, 4.0]]))
    Tensor([[3., 4.],
            [1., 2.]])
    """
    return execute_op(Flip, m, op_args=(np.flipud, {}), constant=constant)


def fliplr(m: Any, *, constant: Optional[bool] = None) -> Tensor:
    """Reverse the order of elements along axis 1 (left/right); a view.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.fliplr(mgc.tensor([[1.0, 2.0], [3.0, 4.0]]))
    Tensor([[2., 1.],
            [4., 3.]])
    """
    return execute_op(Flip, m, op_args=(np.fliplr, {}), constant=constant)


class Rot90(Operation):
    can_return_view = True

    def __call__(self, a: Tensor, k: int, axes: Tuple[int, int]) -> np.ndarray:
        self.variables = (a,)
        self.k, self.axes = k, axes
        return np.rot90(a.data, k, axes)

    def view_fn(self, array: np.ndarray) -> np.ndarray:
        return np.rot90(array, self.k, self.axes)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return np.rot90(grad, -self.k, self.axes)


def rot90(m: Any, k: int = 1, axes: Sequence[int] = (0, 1), *, constant: Optional[bool] = None) -> Tensor:
    """Rotate a tensor by 90 degrees ``k`` times in the plane of ``axes``; a view.

    Parameters
    ----------
    m : ArrayLike
        At least 2-D.
    k : int
        The number of rotations, from the first axis towards the second.
    axes : Tuple[int, int]
    constant : Optional[bool]

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.rot90(mgc.tensor([[1.0, 2.0], [3.0, 4.0]]))
    Tensor([[2., 4.],
            [1., 3.]])
    """
    return execute_op(Rot90, m, op_args=(k, tuple(axes)), constant=constant)


def _normalize_axis(func: str, axis: Any, ndim: int, name: str = "axis") -> int:
    ax = operator.index(axis)
    if not -ndim <= ax < ndim:
        raise _AxisError(f"{func}: {name} {axis} is out of bounds for array of dimension {ndim}")
    return ax % ndim


def rollaxis(a: Any, axis: int, start: int = 0, *, constant: Optional[bool] = None) -> Tensor:
    """Roll ``axis`` backwards until it lies before position ``start``; a view.

    Prefer :func:`moveaxis`; this keeps NumPy's older convention.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.rollaxis(mgc.zeros((3, 4, 5)), 2).shape
    (5, 3, 4)
    >>> mgc.rollaxis(mgc.zeros((3, 4, 5)), 0, 3).shape
    (4, 5, 3)
    """
    n = _ndim(a)
    axis = _normalize_axis("rollaxis", axis, n)
    start = operator.index(start)
    if start < 0:
        start += n
    if not 0 <= start < n + 1:
        raise _AxisError(f"rollaxis: 'start' arg requires {-n} <= start < {n + 1}, but {start} was passed in")
    if axis < start:
        start -= 1
    axes = list(range(n))
    axes.remove(axis)
    axes.insert(start, axis)
    return execute_op(Transpose, a, op_args=(tuple(axes),), constant=constant)


def matrix_transpose(x: Any, /, *, constant: Optional[bool] = None) -> Tensor:
    """Swap the last two axes of a tensor of at least two dimensions; a view.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.matrix_transpose(mgc.zeros((2, 3, 4))).shape
    (2, 4, 3)
    """
    n = _ndim(x)
    if n < 2:
        raise ValueError(f"matrix_transpose: the input must be at least 2-dimensional, but it is {n}")
    axes = tuple(range(n - 2)) + (n - 1, n - 2)
    return execute_op(Transpose, x, op_args=(axes,), constant=constant)


def permute_dims(a: Any, /, axes: Optional[Sequence[int]] = None, *, constant: Optional[bool] = None) -> Tensor:
    """Permute the axes of a tensor (reverse them when ``axes`` is None); a view.

    The array-API spelling of :func:`transpose`.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.permute_dims(mgc.zeros((2, 3, 4)), (1, 2, 0)).shape
    (3, 4, 2)
    """
    return transpose(a, axes, constant=constant)


# ------------------------------------------------------------------ copying ops


class Tile(Operation):
    def __call__(self, a: Tensor, reps: Tuple[int, ...]) -> np.ndarray:
        self.variables = (a,)
        out = np.tile(a.data, reps)
        d = out.ndim
        self.src = (1,) * (d - a.ndim) + a.shape
        self.reps = (1,) * (d - len(reps)) + reps
        return out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        # out[r0, s0, r1, s1, ...] = a[s0, s1, ...]: sum over every repetition axis
        split = tuple(n for pair in zip(self.reps, self.src) for n in pair)
        g = grad.reshape(split).sum(axis=tuple(range(0, 2 * len(self.src), 2)))
        return g.reshape(self.variables[0].shape)


def tile(A: Any, reps: Any, *, constant: Optional[bool] = None) -> Tensor:
    """Repeat a whole tensor ``reps`` times along each axis (a copy).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.tile(mgc.tensor([1.0, 2.0]), (2, 2))
    Tensor([[1., 2., 1., 2.],
            [1., 2., 1., 2.]])
    """
    try:
        reps = tuple(operator.index(r) for r in np.atleast_1d(np.asarray(reps)).tolist())
    except TypeError:
        raise TypeError(f"tile: reps must be an int or a sequence of ints, got {reps!r}") from None
    return execute_op(Tile, A, op_args=(reps,), constant=constant)


# the modes whose padding is linear in the input (affine for nonzero constants/ramps)
_LINEAR_PAD_MODES = ("constant", "edge", "linear_ramp", "reflect", "symmetric", "wrap", "mean")


def _pad_widths(pad_width: Any, ndim: int) -> np.ndarray:
    """``pad_width`` as NumPy reads it: an array of (before, after) per axis."""
    widths = np.zeros((ndim, 2), dtype=np.intp)
    if isinstance(pad_width, dict):  # NumPy >= 2.3: {axis: width}
        for axis, w in pad_width.items():
            widths[axis] = np.broadcast_to(np.asarray(w, dtype=np.intp), (2,))
    elif ndim:
        widths[...] = np.broadcast_to(np.asarray(pad_width, dtype=np.intp), (ndim, 2))
    return widths


class Pad(Operation):
    def __call__(self, a: Tensor, pad_width: Any, mode: Any, kwargs: dict) -> np.ndarray:
        self.variables = (a,)
        out = np.pad(a.data, pad_width, mode=mode, **kwargs)
        self.mode, self.kwargs = mode, kwargs
        self.widths = _pad_widths(pad_width, a.ndim)
        return out

    def _axis_matrix(self, axis: int, n: int) -> np.ndarray:
        """The padding along ``axis`` of every fibre, as a matrix (n+before+after, n).

        np.pad pads one axis after another with the same linear map on every fibre, so
        the whole map is the tensor product of these per-axis matrices.
        """
        before, after = (int(w) for w in self.widths[axis])
        kw = {}
        if self.mode == "reflect" or self.mode == "symmetric":
            kw["reflect_type"] = self.kwargs.get("reflect_type", "even")
        elif self.mode == "mean" and self.kwargs.get("stat_length") is not None:
            sl = np.broadcast_to(np.asarray(self.kwargs["stat_length"]), (self.widths.shape[0], 2))
            kw["stat_length"] = (tuple(int(s) for s in sl[axis]), (1, 1))
        # constant_values / end_values default to 0: the linear part of the map
        return np.pad(np.eye(n), ((before, after), (0, 0)), mode=self.mode, **kw)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        if callable(self.mode) or self.mode not in _LINEAR_PAD_MODES:
            raise ValueError(f"pad: mode={self.mode!r} is not differentiable; differentiable modes: {_LINEAR_PAD_MODES}")
        shape = self.variables[0].shape
        g = grad
        for axis, n in enumerate(shape):
            before, after = (int(w) for w in self.widths[axis])
            if not before and not after:
                continue
            gm = np.moveaxis(g, axis, 0)
            inner = gm[before : before + n]
            if self.mode == "constant":
                g = np.moveaxis(inner, 0, axis)
                continue
            # the interior rows of the matrix are the identity: only the pad rows add
            m = self._axis_matrix(axis, n)
            rows = np.r_[0:before, before + n : before + n + after]
            inner = inner + np.tensordot(m[rows].T, gm[rows], axes=(1, 0))
            g = np.moveaxis(inner, 0, axis)
        return np.ascontiguousarray(g)


def pad(array: Any, pad_width: Any, mode: Any = "constant", *, constant: Optional[bool] = None, **kwargs: Any) -> Tensor:
    """Pad a tensor, as ``numpy.pad``.

    Differentiable (in ``array``) for the modes whose padding is linear: ``'constant'``,
    ``'edge'``, ``'linear_ramp'``, ``'reflect'`` and ``'symmetric'`` (both
    ``reflect_type``), ``'wrap'`` and ``'mean'``. ``constant_values`` and ``end_values``
    are data (tensors given there receive no gradient). Other modes compute their values
    but raise ValueError on back-propagation.

    Parameters
    ----------
    array : ArrayLike
    pad_width : int | Sequence[int] | Sequence[Tuple[int, int]]
        ``((before_1, after_1), ...)``, as NumPy.
    mode : str
    constant : Optional[bool]
    **kwargs
        NumPy's mode options (``constant_values``, ``end_values``, ``stat_length``,
        ``reflect_type``).

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.pad(mgc.tensor([1.0, 2.0, 3.0]), (1, 2), mode="reflect")
    Tensor([2., 1., 2., 3., 2., 1.])
    >>> mgc.pad(mgc.tensor([1.0, 2.0]), 1, constant_values=9)
    Tensor([9., 1., 2., 9.])
    """
    kwargs = {k: (v.data if isinstance(v, Tensor) else v) for k, v in kwargs.items()}
    if isinstance(pad_width, Tensor):
        pad_width = pad_width.data
    return execute_op(Pad, array, op_args=(pad_width, mode, kwargs), constant=constant)


class AsType(Operation):
    def __call__(self, x: Tensor, dtype: Any) -> np.ndarray:
        self.variables = (x,)
        return x.data.astype(dtype, copy=True)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad  # the engine casts it back to the input's dtype


def astype(x: Any, dtype: Any, /, *, copy: bool = True, device: Any = None, constant: Optional[bool] = None) -> Tensor:
    """Cast a tensor to ``dtype``, differentiably (NumPy 2.1's ``astype``).

    Unlike :meth:`Tensor.astype` (which, as MyGrad's, leaves the graph), the result is
    part of the graph: its gradient flows back to ``x`` cast to ``x``'s dtype. With
    ``copy=False`` and a dtype ``x`` already has, ``x`` itself is returned. When
    ``constant`` is None a float result of an integer/bool tensor is a variable, as
    with :meth:`Tensor.astype`.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> x = mgc.tensor([1.0, 2.0])
    >>> y = mgc.astype(x, "float32")
    >>> y
    Tensor([1., 2.], dtype=float32)
    >>> y.backward()
    >>> x.grad
    array([1., 1.])
    """
    if device not in (None, "cpu"):
        raise ValueError(f"astype: device must be None or 'cpu', got {device!r}")
    dt = np.dtype(dtype)
    if not isinstance(x, Tensor):
        x = Tensor(np.asarray(x), constant=True, copy=False)
    elif constant is None and x.dtype.kind in "biu" and dt.kind == "f":
        constant = False
    if not copy and x.dtype == dt and (constant is None or bool(constant) == x.constant):
        return x
    return execute_op(AsType, x, op_args=(dt,), constant=constant)
