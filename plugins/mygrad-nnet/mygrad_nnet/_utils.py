"""Input checks shared by the activations, losses and initializers.

Every error names the public function, the argument, the value received and what was
expected, so a user deep inside a training loop sees which call was wrong.
"""

from __future__ import annotations

import numbers
from typing import Any, Optional, Tuple

import numpy as np

from mygrad_core import Tensor

__all__ = [
    "as_array",
    "real_number",
    "normalize_axes",
    "floating",
    "class_targets",
    "score_matrix",
]

_AxisError = getattr(np, "exceptions", np).AxisError


def as_array(x: Any) -> np.ndarray:
    """The array behind ``x`` (a Tensor's data, without a copy, or ``np.asarray(x)``)."""
    return x.data if isinstance(x, Tensor) else np.asarray(x)


def real_number(func: str, name: str, value: Any) -> float:
    """``value`` as a Python float: a real number or a 0-D tensor/array holding one."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{func}: `{name}` must be a real number, got the bool {value!r}")
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, (Tensor, np.ndarray)) and value.ndim == 0 and value.dtype.kind in "iuf":
        return float(value.item())
    raise TypeError(f"{func}: `{name}` must be a real number (or a 0-D tensor), got {value!r}")


def normalize_axes(func: str, axis: Any, ndim: int) -> Optional[Tuple[int, ...]]:
    """``axis`` (None, an int or a tuple of ints) as a tuple of non-negative axes.

    None stays None (all axes). A 0-D input accepts axis 0/-1 as NumPy's reductions do.
    """
    if axis is None:
        return None
    axes = (axis,) if isinstance(axis, (int, np.integer)) and not isinstance(axis, bool) else axis
    if not isinstance(axes, tuple) or not all(
        isinstance(a, (int, np.integer)) and not isinstance(a, bool) for a in axes
    ):
        raise TypeError(f"{func}: `axis` must be None, an int or a tuple of ints, got {axis!r}")
    bound = max(ndim, 1)
    out = []
    for a in axes:
        if not -bound <= a < bound:
            raise _AxisError(f"{func}: `axis` {a} is out of bounds for an input of dimension {ndim}")
        out.append(int(a) % bound)
    if len(set(out)) != len(out):
        raise ValueError(f"{func}: `axis` {axis!r} repeats an axis")
    return tuple(out) if ndim else ()


def floating(x: np.ndarray) -> np.ndarray:
    """``x`` itself when it is floating point, else as float64 (integer inputs)."""
    return x if x.dtype.kind == "f" else x.astype(np.float64)


def score_matrix(func: str, name: str, x: Any) -> np.ndarray:
    """The shape-(N, C) array of a classification loss, checked."""
    arr = as_array(x)
    if arr.ndim != 2:
        raise ValueError(f"{func}: `{name}` must be 2-D, shape (N, C); got shape {arr.shape}")
    if arr.dtype.kind not in "iuf":
        raise TypeError(f"{func}: `{name}` must hold real numbers, got dtype {arr.dtype}")
    return arr


def class_targets(func: str, name: str, y: Any, scores_shape: Tuple[int, ...]) -> np.ndarray:
    """The shape-(N,) integer class indices of a classification loss, checked.

    The labels must lie in [0, C): NumPy's indexing would silently wrap negative ones.
    """
    arr = as_array(y)
    if not np.issubdtype(arr.dtype, np.integer):
        raise TypeError(f"{func}: `{name}` must hold integer class indices, got dtype {arr.dtype}")
    n, c = scores_shape
    if arr.shape != (n,):
        raise ValueError(
            f"{func}: `{name}` must have shape (N,) = ({n},) to match scores of shape "
            f"{scores_shape}; got shape {arr.shape}"
        )
    if n and (arr.min() < 0 or arr.max() >= c):
        bad = arr[(arr < 0) | (arr >= c)][0]
        raise ValueError(f"{func}: `{name}` holds the class index {bad}, outside [0, {c})")
    return arr
