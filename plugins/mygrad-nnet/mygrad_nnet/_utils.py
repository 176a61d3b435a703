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
    "stable_exp",
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
    kind = arr.dtype.kind
    if kind not in "iu":
        raise TypeError(f"{func}: `{name}` must hold integer class indices, got dtype {arr.dtype}")
    n, c = scores_shape
    if arr.shape != (n,):
        raise ValueError(
            f"{func}: `{name}` must have shape (N,) = ({n},) to match scores of shape "
            f"{scores_shape}; got shape {arr.shape}"
        )
    # seen as unsigned, a negative label is huge: one reduction checks both ends
    if n and (arr if kind == "u" else arr.view(f"u{arr.itemsize}")).max() >= c:
        bad = arr[(arr < 0) | (arr >= c)][0]
        raise ValueError(f"{func}: `{name}` holds the class index {bad}, outside [0, {c})")
    return arr


def stable_exp(x: np.ndarray, axis: Optional[Tuple[int, ...]]) -> Tuple[Any, np.ndarray, np.ndarray]:
    """``(shift, e, total)``: ``e = exp(x - shift)`` and its sums over ``axis`` (kept dims).

    Subtracting a maximum keeps every exponent <= 0, so nothing overflows. The
    maximum over the whole array is much cheaper than one per slice (a reduction
    along a short axis is slow in NumPy); it is used when every slice's total stays
    far enough above the underflow threshold for full precision, else the shift is
    the per-slice maximum (as for rows hugely below the others).
    """
    x = floating(x)
    shape = [1 if axis is None or i in axis else n for i, n in enumerate(x.shape)]
    if x.size == 0:
        return 0, x.copy(), np.zeros(shape, dtype=x.dtype)
    last = axis == (x.ndim - 1,)
    ones = np.ones(x.shape[-1], dtype=x.dtype) if last else None

    def exp_and_total(shift: Any) -> Tuple[np.ndarray, np.ndarray]:
        e = np.subtract(x, shift, out=np.empty_like(x))  # an array even when x is 0-D
        np.exp(e, out=e)
        # a matrix-vector product sums the last axis several times faster than .sum
        tot = (e @ ones)[..., None] if last else e.sum(axis=axis, keepdims=True)
        return e, tot

    shift: Any = x.max()
    e, tot = exp_and_total(shift)
    info = np.finfo(x.dtype)
    if axis is not None and not tot.min() >= info.tiny / info.eps:
        shift = x.max(axis=axis, keepdims=True)
        e, tot = exp_and_total(shift)
    return shift, e, tot
