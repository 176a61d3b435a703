"""Shape manipulation: reshaping, transposing, joining, tiling (``mygrad.tensor_manip``)."""

from __future__ import annotations

from operator import index as operator_index
from typing import Any, Optional, Sequence, Tuple, Union

import numpy as np

from mygrad_core.inplace import _rebind_reshaped, execute_op
from mygrad_core.operation import Operation
from mygrad_core.tensor_base import Tensor

__all__ = [
    "reshape",
    "ravel",
    "flatten",
    "transpose",
    "swapaxes",
    "moveaxis",
    "squeeze",
    "expand_dims",
    "broadcast_to",
    "atleast_1d",
    "atleast_2d",
    "atleast_3d",
    "roll",
    "concatenate",
    "stack",
    "repeat",
]


_AxisError = getattr(np, "exceptions", np).AxisError


def _axis_error(func: str, axis: Any, ndim: int) -> Exception:
    return _AxisError(f"{func}: axis {axis} is out of bounds for a tensor of dimension {ndim}")


# ------------------------------------------------------------------ view ops


class Reshape(Operation):
    can_return_view = True

    def __call__(self, a: Tensor, newshape: Any) -> np.ndarray:
        self.variables = (a,)
        self.newshape = newshape
        return np.reshape(a.data, newshape)

    def view_fn(self, array: np.ndarray) -> np.ndarray:
        return np.reshape(array, self.newshape)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return np.reshape(grad, self.variables[0].shape)


def _normalize_shape(func: str, newshape: Any) -> Tuple[int, ...]:
    if isinstance(newshape, (int, np.integer)):
        return (int(newshape),)
    if isinstance(newshape, Tensor):
        newshape = newshape.data.tolist()
    try:
        return tuple(int(operator_index(n)) for n in newshape)
    except TypeError:
        raise TypeError(f"{func}: the new shape must be an int or a sequence of ints, got {newshape!r}") from None


def reshape(a: Any, newshape: Union[int, Sequence[int]], *, constant: Optional[bool] = None) -> Tensor:
    """Give a tensor a new shape without changing its data (a view when possible).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.reshape(mgc.tensor([[1.0, 2.0], [3.0, 4.0]]), -1)
    Tensor([1., 2., 3., 4.])
    """
    shape = _normalize_shape("reshape", newshape)
    return execute_op(Reshape, a, op_args=(shape,), constant=constant)


class Ravel(Reshape):
    def __call__(self, a: Tensor) -> np.ndarray:  # type: ignore[override]
        self.variables = (a,)
        self.newshape = (-1,)
        return np.ravel(a.data)


def ravel(a: Any, *, constant: Optional[bool] = None) -> Tensor:
    """Flatten a tensor (C order); a view when possible.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.ravel(mgc.tensor([[1.0, 2.0], [3.0, 4.0]]))
    Tensor([1., 2., 3., 4.])
    """
    return execute_op(Ravel, a, constant=constant)


class Flatten(Operation):
    def __call__(self, a: Tensor) -> np.ndarray:
        self.variables = (a,)
        return a.data.flatten()

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad.reshape(self.variables[0].shape)


def flatten(a: Any, *, constant: Optional[bool] = None) -> Tensor:
    """A flattened copy of a tensor (never a view)."""
    return execute_op(Flatten, a, constant=constant)


class Transpose(Operation):
    can_return_view = True

    def __call__(self, a: Tensor, axes: Optional[Tuple[int, ...]] = None) -> np.ndarray:
        self.variables = (a,)
        if axes is None:
            axes = tuple(range(a.ndim))[::-1]
        self.axes = axes
        return np.transpose(a.data, axes)

    def view_fn(self, array: np.ndarray) -> np.ndarray:
        return np.transpose(array, self.axes)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return np.transpose(grad, np.argsort(self.axes))


def transpose(a: Any, *axes: Any, constant: Optional[bool] = None) -> Tensor:
    """Permute the dimensions of a tensor (reversed when no axes are given).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.transpose(mgc.zeros((2, 3, 4))).shape
    (4, 3, 2)
    >>> mgc.transpose(mgc.zeros((2, 3, 4)), 1, 0, 2).shape
    (3, 2, 4)
    """
    if len(axes) == 1 and not isinstance(axes[0], (int, np.integer)):
        axes = () if axes[0] is None else tuple(axes[0])
    ndim = np.ndim(a.data if isinstance(a, Tensor) else a)
    if axes:
        if len(axes) != ndim:
            raise ValueError(f"transpose: axes {axes} don't match a tensor of dimension {ndim}")
        norm = tuple(int(ax) % ndim if -ndim <= int(ax) < ndim else int(ax) for ax in axes)
        if sorted(norm) != list(range(ndim)):
            raise ValueError(f"transpose: axes {axes} are not a permutation of range({ndim})")
        return execute_op(Transpose, a, op_args=(norm,), constant=constant)
    return execute_op(Transpose, a, constant=constant)


def _norm_axis(func: str, axis: Any, ndim: int) -> int:
    try:
        ax = int(operator_index(axis))
    except TypeError:
        raise TypeError(f"{func}: axis must be an int, got {axis!r}") from None
    if not -ndim <= ax < ndim:
        raise _axis_error(func, axis, ndim)
    return ax % ndim if ndim else 0


def swapaxes(a: Any, axis1: int, axis2: int, *, constant: Optional[bool] = None) -> Tensor:
    """Interchange two axes of a tensor.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.swapaxes(mgc.zeros((2, 3)), 0, 1).shape
    (3, 2)
    """
    ndim = np.ndim(a.data if isinstance(a, Tensor) else a)
    a1, a2 = _norm_axis("swapaxes", axis1, ndim), _norm_axis("swapaxes", axis2, ndim)
    axes = list(range(ndim))
    axes[a1], axes[a2] = axes[a2], axes[a1]
    return execute_op(Transpose, a, op_args=(tuple(axes),), constant=constant)


def moveaxis(a: Any, source: Any, destination: Any, *, constant: Optional[bool] = None) -> Tensor:
    """Move axes of a tensor to new positions (a view).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.moveaxis(mgc.zeros((3, 4, 5)), 0, -1).shape
    (4, 5, 3)
    """
    ndim = np.ndim(a.data if isinstance(a, Tensor) else a)
    src = [source] if isinstance(source, (int, np.integer)) else list(source)
    dst = [destination] if isinstance(destination, (int, np.integer)) else list(destination)
    src = [_norm_axis("moveaxis", s, ndim) for s in src]
    dst = [_norm_axis("moveaxis", d, ndim) for d in dst]
    if len(src) != len(dst):
        raise ValueError("moveaxis: `source` and `destination` must have the same number of elements")
    if len(set(src)) != len(src) or len(set(dst)) != len(dst):
        raise ValueError(f"moveaxis: repeated axis in source {source!r} or destination {destination!r}")
    order = [n for n in range(ndim) if n not in src]
    for d, s in sorted(zip(dst, src)):
        order.insert(int(d), int(s))
    return execute_op(Transpose, a, op_args=(tuple(order),), constant=constant)


class Squeeze(Operation):
    can_return_view = True

    def __call__(self, a: Tensor, axis: Any) -> np.ndarray:
        self.variables = (a,)
        self.axis = axis
        return np.squeeze(a.data, axis=axis)

    def view_fn(self, array: np.ndarray) -> np.ndarray:
        return np.squeeze(array, axis=self.axis)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return np.reshape(grad, self.variables[0].shape)


def squeeze(a: Any, axis: Any = None, *, constant: Optional[bool] = None) -> Tensor:
    """Remove axes of length one.

    Raises ValueError when a named axis does not have length one.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.squeeze(mgc.zeros((1, 3, 1))).shape
    (3,)
    """
    return execute_op(Squeeze, a, op_args=(axis,), constant=constant)


class ExpandDims(Reshape):
    def __call__(self, a: Tensor, axis: int) -> np.ndarray:  # type: ignore[override]
        self.variables = (a,)
        out = np.expand_dims(a.data, axis)
        self.newshape = out.shape
        return out


def expand_dims(a: Any, axis: int, *, constant: Optional[bool] = None) -> Tensor:
    """Insert an axis of length one at position ``axis``.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.expand_dims(mgc.zeros(3), 0).shape
    (1, 3)
    """
    return execute_op(ExpandDims, a, op_args=(axis,), constant=constant)


class BroadcastTo(Operation):
    can_return_view = True

    def __call__(self, a: Tensor, shape: Tuple[int, ...]) -> np.ndarray:
        self.variables = (a,)
        self.shape = shape
        return np.broadcast_to(a.data, shape)

    def view_fn(self, array: np.ndarray) -> np.ndarray:
        return np.broadcast_to(array, self.shape)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad  # the engine sums over the broadcast axes


def broadcast_to(a: Any, shape: Any, *, constant: Optional[bool] = None) -> Tensor:
    """Broadcast a tensor to a new shape (a read-only view).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.broadcast_to(mgc.tensor([1.0, 2.0, 3.0]), (2, 3)).shape
    (2, 3)
    """
    shape = _normalize_shape("broadcast_to", shape)
    src = a.shape if isinstance(a, Tensor) else np.shape(a)
    try:
        np.broadcast_shapes(src, shape)
        if len(src) > len(shape) or np.broadcast_shapes(src, shape) != shape:
            raise ValueError
    except ValueError:
        raise ValueError(f"broadcast_to: cannot broadcast a tensor of shape {src} to shape {shape}") from None
    return execute_op(BroadcastTo, a, op_args=(shape,), constant=constant)


def _atleast(func: str, nd: int, tensors: Tuple[Any, ...], constant: Optional[bool]) -> Any:
    out = []
    for t in tensors:
        arr = t.data if isinstance(t, Tensor) else np.asarray(t)
        if arr.ndim >= nd and isinstance(t, Tensor) and (constant is None or constant == t.constant):
            out.append(t)
            continue
        if nd == 1:
            shape = arr.shape if arr.ndim >= 1 else (1,)
        elif nd == 2:
            shape = arr.shape if arr.ndim >= 2 else (1,) * (2 - arr.ndim) + arr.shape
        else:
            if arr.ndim >= 3:
                shape = arr.shape
            elif arr.ndim == 2:
                shape = arr.shape + (1,)
            elif arr.ndim == 1:
                shape = (1,) + arr.shape + (1,)
            else:
                shape = (1, 1, 1)
        out.append(execute_op(Reshape, t, op_args=(shape,), constant=constant))
    return out[0] if len(out) == 1 else out


def atleast_1d(*tensors: Any, constant: Optional[bool] = None) -> Any:
    """View inputs as tensors with at least one dimension (a list for several inputs).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.atleast_1d(1.0)
    Tensor([1.])
    """
    return _atleast("atleast_1d", 1, tensors, constant)


def atleast_2d(*tensors: Any, constant: Optional[bool] = None) -> Any:
    """View inputs as tensors with at least two dimensions.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.atleast_2d(mgc.tensor([1.0, 2.0])).shape
    (1, 2)
    """
    return _atleast("atleast_2d", 2, tensors, constant)


def atleast_3d(*tensors: Any, constant: Optional[bool] = None) -> Any:
    """View inputs as tensors with at least three dimensions.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.atleast_3d(mgc.tensor([1.0, 2.0])).shape
    (1, 2, 1)
    """
    return _atleast("atleast_3d", 3, tensors, constant)


# ------------------------------------------------------------------ copying ops


class Roll(Operation):
    def __call__(self, a: Tensor, shift: Any, axis: Any) -> np.ndarray:
        self.variables = (a,)
        self.shift, self.axis = shift, axis
        return np.roll(a.data, shift, axis)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        shift = np.negative(self.shift) if not isinstance(self.shift, (int, np.integer)) else -self.shift
        return np.roll(grad, shift, self.axis)


def roll(a: Any, shift: Any, axis: Any = None, *, constant: Optional[bool] = None) -> Tensor:
    """Roll tensor elements along an axis (flattened when ``axis`` is None).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.roll(mgc.arange(5.0), 2)
    Tensor([3., 4., 0., 1., 2.])
    """
    return execute_op(Roll, a, op_args=(shift, axis), constant=constant)


class Concatenate(Operation):
    def __call__(self, *tensors: Tensor, axis: Any = 0, dtype: Any = None) -> np.ndarray:
        self.variables = tensors
        self.axis = axis
        arrays = [t.data for t in tensors]
        out = np.concatenate(arrays, axis=axis, dtype=dtype) if dtype is not None else np.concatenate(arrays, axis=axis)
        if axis is None:
            sizes = [a.size for a in arrays]
        else:
            ax = axis % out.ndim
            sizes = [a.shape[ax] for a in arrays]
        self.bounds = np.cumsum([0] + sizes)
        return out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        lo, hi = self.bounds[index], self.bounds[index + 1]
        var = self.variables[index]
        if self.axis is None:
            return grad[lo:hi].reshape(var.shape)
        ax = self.axis % grad.ndim
        sl = [slice(None)] * grad.ndim
        sl[ax] = slice(lo, hi)
        return grad[tuple(sl)]


def concatenate(
    tensors: Sequence[Any], axis: Optional[int] = 0, out: Any = None, dtype: Any = None, *, constant: Optional[bool] = None
) -> Tensor:
    """Join a sequence of tensors along an existing axis (``axis=None`` flattens first).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.concatenate([mgc.tensor([1.0, 2.0]), mgc.tensor([3.0])])
    Tensor([1., 2., 3.])
    """
    if out is not None and dtype is not None:
        raise TypeError("concatenate() only takes `out` or `dtype` as an argument, but both were provided.")
    return execute_op(Concatenate, *tensors, op_kwargs={"axis": axis, "dtype": dtype}, constant=constant, out=out)


class Stack(Operation):
    def __call__(self, *tensors: Tensor, axis: int = 0, dtype: Any = None) -> np.ndarray:
        self.variables = tensors
        arrays = [t.data for t in tensors]
        out = np.stack(arrays, axis=axis, dtype=dtype) if dtype is not None else np.stack(arrays, axis=axis)
        self.axis = axis % out.ndim
        return out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return np.take(grad, index, axis=self.axis)


def stack(tensors: Sequence[Any], axis: int = 0, out: Any = None, *, dtype: Any = None, constant: Optional[bool] = None) -> Tensor:
    """Join tensors of the same shape along a new axis.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.stack([mgc.tensor([1.0, 2.0]), mgc.tensor([3.0, 4.0])], axis=-1).shape
    (2, 2)
    """
    return execute_op(Stack, *tensors, op_kwargs={"axis": axis, "dtype": dtype}, constant=constant, out=out)


class Repeat(Operation):
    def __call__(self, a: Tensor, repeats: Any, axis: Any) -> np.ndarray:
        self.variables = (a,)
        self.repeats, self.axis = repeats, axis
        return np.repeat(a.data, repeats, axis=axis)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        a = self.variables[0]
        if self.axis is None or a.ndim == 0:  # NumPy repeats a 0-D array as 1-D
            src = np.arange(a.size)
            idx = np.repeat(src, self.repeats)
            g = np.zeros(a.size, dtype=grad.dtype)
            np.add.at(g, idx, grad.ravel())
            return g.reshape(a.shape)
        ax = self.axis % a.ndim
        idx = np.repeat(np.arange(a.shape[ax]), self.repeats)
        g = np.zeros(a.shape, dtype=grad.dtype)
        gm = np.moveaxis(g, ax, 0)
        np.add.at(gm, idx, np.moveaxis(grad, ax, 0))
        return g


def repeat(a: Any, repeats: Any, axis: Optional[int] = None, *, constant: Optional[bool] = None) -> Tensor:
    """Repeat elements of a tensor (flattened when ``axis`` is None).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.repeat(mgc.tensor([[1.0, 2.0]]), 2, axis=1)
    Tensor([[1., 1., 2., 2.]])
    """
    return execute_op(Repeat, a, op_args=(repeats, axis), constant=constant)



def set_shape(t: Tensor, newshape: Any) -> None:
    """``t.shape = newshape``: reshape in place, keeping ``t`` differentiable."""
    if isinstance(newshape, int):
        newshape = (newshape,)
    newshape = tuple(newshape)
    if newshape == t.shape:
        return
    if not t._constant and t._creator is None and not t._consumers and not t._views:
        # nothing to keep differentiable: behave like ndarray.shape = ...
        t._data = t._data.reshape(newshape)
        return
    _rebind_reshaped(t, reshape(t, newshape))
