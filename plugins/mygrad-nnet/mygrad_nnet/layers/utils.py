"""Sliding windows over the trailing axes of an array (``mygrad.sliding_window_view``).

The layers share the argument checks and the strided-window helper defined here, so
that conv_nd, max_pool and sliding_window_view agree on what a valid placement is.
"""

from __future__ import annotations

from numbers import Integral
from typing import Any, Optional, Sequence, Tuple, Union

import numpy as np
from numpy.lib.stride_tricks import as_strided

from mygrad_core import Tensor

__all__ = ["sliding_window_view"]


def _is_int(value: Any) -> bool:
    return isinstance(value, (Integral, np.integer)) and not isinstance(value, (bool, np.bool_))


def int_tuple(
    func: str, name: str, value: Any, n: int, *, minimum: int = 1, exc: type = ValueError
) -> Tuple[int, ...]:
    """``value`` (an int or a sequence of ``n`` ints, each ``>= minimum``) as a tuple.

    A non-integer raises TypeError; a wrong length or a value below ``minimum`` raises
    ``exc``. The message names the function, the argument and the value received.
    """
    kind = "positive" if minimum == 1 else "non-negative"
    expected = f"a {kind} integer or a sequence of {n} {kind} integers"
    if _is_int(value):
        out = (int(value),) * n
    elif isinstance(value, (Sequence, np.ndarray)) and not isinstance(value, str):
        items = list(np.asarray(value).ravel()) if isinstance(value, np.ndarray) else list(value)
        if not all(_is_int(i) for i in items):
            raise TypeError(f"{func}(): `{name}` must be {expected}; got {value!r}")
        out = tuple(int(i) for i in items)
        if len(out) != n:
            raise exc(f"{func}(): `{name}` must be {expected}; got {value!r} (length {len(out)})")
    else:
        raise TypeError(f"{func}(): `{name}` must be {expected}; got {value!r}")
    if any(i < minimum for i in out):
        raise exc(f"{func}(): `{name}` must be {expected}; got {value!r}")
    return out


def grid_shape(
    size: Sequence[int], window: Sequence[int], step: Sequence[int], dilation: Sequence[int]
) -> Tuple[int, ...]:
    """The number of valid window placements along each axis (0 if none fits)."""
    return tuple(
        max((x - (w - 1) * d - 1) // s + 1, 0) for x, w, s, d in zip(size, window, step, dilation)
    )


def windows(
    arr: np.ndarray,
    window: Sequence[int],
    step: Sequence[int],
    dilation: Sequence[int],
    *,
    grid_first: bool = True,
    writeable: bool = False,
) -> np.ndarray:
    """A strided view of the windows over the trailing ``len(window)`` axes of ``arr``.

    The shape is ``(grid..., leading..., window...)`` (``grid_first``) or
    ``(leading..., grid..., window...)``. No checks: the caller validated the arguments.
    """
    n = len(window)
    lead = arr.shape[: arr.ndim - n]
    lead_strides = arr.strides[: arr.ndim - n]
    tail_strides = arr.strides[arr.ndim - n :]
    grid = grid_shape(arr.shape[arr.ndim - n :], window, step, dilation)
    g_strides = tuple(st * s for st, s in zip(tail_strides, step))
    w_strides = tuple(st * d for st, d in zip(tail_strides, dilation))
    if grid_first:
        shape = grid + lead + tuple(window)
        strides = g_strides + lead_strides + w_strides
    else:
        shape = lead + grid + tuple(window)
        strides = lead_strides + g_strides + w_strides
    return as_strided(arr, shape=shape, strides=strides, writeable=writeable)


def sliding_window_view(
    arr: Any,
    window_shape: Sequence[int],
    step: Union[int, Sequence[int]],
    dilation: Optional[Union[int, Sequence[int]]] = None,
) -> np.ndarray:
    """A read-only view of the windows placed over the trailing axes of an array.

    Along an axis of size ``x`` a window of size ``W`` with step ``S`` and dilation
    ``D`` is placed ``(x - (W - 1) * D - 1) // S + 1`` times (valid placements only),
    and ``out[i, ..., k]`` is ``arr[..., i*S:i*S + W*D:D, ..., k*S:k*S + W*D:D]``.

    Parameters
    ----------
    arr : numpy.ndarray, shape=(..., x, ..., z)
        The array to view; made C-contiguous first (a copy) if it is not.
    window_shape : Sequence[int]
        The window's extent along the trailing ``len(window_shape)`` axes.
    step : Union[int, Sequence[int]]
        The step between window placements along each of those axes.
    dilation : Optional[Union[int, Sequence[int]]]
        The spacing between a window's elements along each axis (default 1).

    Returns
    -------
    numpy.ndarray, shape=(X, ..., Z, ..., Wx, ..., Wz)
        The grid of placements first, then ``arr``'s leading axes, then the window.
        The view shares memory with (the contiguous) ``arr`` and is read-only.

    Raises
    ------
    TypeError, ValueError
        For a window shape, step or dilation that is not made of positive integers,
        has the wrong length, or does not fit in ``arr``.

    Examples
    --------
    >>> import numpy as np
    >>> from mygrad import sliding_window_view
    >>> x = np.arange(10).reshape(2, 5)
    >>> y = sliding_window_view(x, window_shape=(2,), step=2)
    >>> y.shape
    (2, 2, 2)
    >>> y[1]
    array([[2, 3],
           [7, 8]])
    >>> sliding_window_view(np.arange(6), (2,), 1, dilation=3)
    array([[0, 3],
           [1, 4],
           [2, 5]])
    """
    func = "sliding_window_view"
    if isinstance(arr, Tensor):
        arr = arr.data
    arr = np.asarray(arr)
    if (
        _is_int(window_shape)
        or not isinstance(window_shape, (Sequence, np.ndarray))
        or isinstance(window_shape, str)
    ):
        raise TypeError(
            f"{func}(): `window_shape` must be a sequence of positive integers; got {window_shape!r}"
        )
    window = int_tuple(func, "window_shape", window_shape, len(window_shape))
    n = len(window)
    if n > arr.ndim:
        raise ValueError(
            f"{func}(): `window_shape` {window} has more axes than `arr` (shape {arr.shape})"
        )
    steps = int_tuple(func, "step", step, n)
    dils = (1,) * n if dilation is None else int_tuple(func, "dilation", dilation, n)
    tail = arr.shape[arr.ndim - n :]
    extent = tuple((w - 1) * d + 1 for w, d in zip(window, dils))
    if any(e > x for e, x in zip(extent, tail)):
        raise ValueError(
            f"{func}(): the window {window} with dilation {dils} spans {extent}, which does "
            f"not fit in the trailing axes {tail} of `arr` (shape {arr.shape})"
        )
    arr = np.ascontiguousarray(arr)
    return windows(arr, window, steps, dils)
