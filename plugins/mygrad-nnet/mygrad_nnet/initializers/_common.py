"""What every initializer shares: reading ``*shape``, the dtype, the gain and the fans,
and turning a float64 draw into the requested tensor."""

from __future__ import annotations

from typing import Any, Optional, Tuple

import numpy as np

from mygrad_core import Tensor, tensor
from mygrad_nnet._utils import real_number

__all__ = ["read_shape", "read_dtype", "read_gain", "fans", "finish"]


def read_shape(func: str, shape: Tuple[Any, ...], min_dims: int = 0) -> Tuple[int, ...]:
    """The shape given as separate ints (``f(2, 3)``) or as one sequence (``f((2, 3))``)."""
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        shape = tuple(shape[0])
    for n in shape:
        if isinstance(n, (bool, np.bool_)) or not isinstance(n, (int, np.integer)):
            raise TypeError(f"{func}: `shape` must be given as ints, got {shape!r}")
        if n < 0:
            raise ValueError(f"{func}: `shape` must not have negative sides, got {shape!r}")
    out = tuple(int(n) for n in shape)
    if len(out) < min_dims:
        raise ValueError(
            f"{func}: `shape` must be at least {min_dims}-dimensional, got shape {out} "
            f"({len(out)}-D)"
        )
    return out


def read_dtype(func: str, dtype: Any, floats_only: bool = True) -> np.dtype:
    """``dtype`` (a type, a NumPy dtype or a string such as "float16") as a NumPy dtype."""
    try:
        dt = np.dtype(dtype)
    except TypeError as e:
        raise TypeError(f"{func}: `dtype` {dtype!r} is not a data type ({e})") from None
    if floats_only and dt.kind != "f":
        raise ValueError(f"{func}: `dtype` must be a floating-point type, got {dt}")
    if dt.kind not in "biuf":
        raise ValueError(f"{func}: `dtype` must be a real (float, integer or bool) type, got {dt}")
    return dt


def read_gain(func: str, gain: Any) -> float:
    """The gain: a non-negative number or a 0-D tensor holding one."""
    g = real_number(func, "gain", gain)
    if not g >= 0:
        raise ValueError(f"{func}: `gain` must be a non-negative number, got {gain!r}")
    return g


def fans(shape: Tuple[int, ...]) -> Tuple[int, int]:
    """(fan_in, fan_out) of a weight of ``shape`` = (out, in, *receptive field)."""
    receptive = int(np.prod(shape[2:])) if len(shape) > 2 else 1
    return shape[1] * receptive, shape[0] * receptive


def finish(draw: np.ndarray, dtype: np.dtype, constant: Optional[bool]) -> Tensor:
    """The drawn (float64) array as a tensor of ``dtype``, copied only if it must be cast."""
    return tensor(draw.astype(dtype, copy=False), constant=constant, copy=False)
