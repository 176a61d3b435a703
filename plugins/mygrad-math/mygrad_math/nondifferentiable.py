"""Functions that accept tensors but are not differentiable: they run on the data and
return NumPy arrays (``any``, ``argmax``, ``argmin``, ``//``, ``%``, ``divmod`` and the
NumPy functions listed in MyGrad's 2.0.1 changelog).

Some of them (``floor``, ``floor_divide``, ``sign`` ...) have a gradient that is zero
almost everywhere, which is easy to mistake for a real one: those refuse non-constant
tensors, so nobody silently back-propagates zeros through them.
"""

from __future__ import annotations

from typing import Any, Optional, Tuple

import numpy as np
from numpy import (
    allclose,
    bincount,
    ceil,
    copyto,
    divmod,
    floor,
    floor_divide,
    fmod,
    isclose,
    isfinite,
    isinf,
    isnan,
    isnat,
    logical_and,
    logical_not,
    logical_or,
    logical_xor,
    mod,
    remainder,
    rint,
    sign,
    signbit,
    trunc,
)

from mygrad_core import Tensor, asarray

__all__ = [
    "any",
    "argmax",
    "argmin",
    "isnan",
    "isfinite",
    "isinf",
    "isnat",
    "signbit",
    "logical_not",
    "logical_and",
    "logical_or",
    "logical_xor",
    "floor_divide",
    "remainder",
    "mod",
    "fmod",
    "divmod",
    "rint",
    "sign",
    "floor",
    "ceil",
    "trunc",
    "isclose",
    "allclose",
    "bincount",
    "copyto",
]

# run on the data; tensors of any kind are accepted
NUMPY_DATA_FUNCTIONS = (
    np.isnan,
    np.isfinite,
    np.isinf,
    np.isnat,
    np.signbit,
    np.logical_not,
    np.logical_and,
    np.logical_or,
    np.logical_xor,
    np.isclose,
    np.allclose,
    np.bincount,
    np.copyto,
)
# run on the data, but refuse non-constant tensors
NUMPY_CONSTANT_FUNCTIONS = (
    np.ceil,
    np.divmod,
    np.floor,
    np.floor_divide,
    np.fmod,
    np.remainder,
    np.rint,
    np.sign,
    np.trunc,
)


def any(  # noqa: A001
    a: Any,
    axis: Any = None,
    out: Optional[np.ndarray] = None,
    keepdims: bool = False,
    *,
    where: Any = True,
) -> Any:
    """Test whether any element along the given axis is true (not differentiable).

    Returns a NumPy bool (or array of bools), as ``numpy.any`` does on the data.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.any(mg.tensor([0.0, 1.0]))
    np.True_
    >>> mg.tensor([[0.0, 1.0], [0.0, 0.0]]).any(axis=1)
    array([ True, False])
    """
    return np.any(asarray(a), axis=axis, out=out, keepdims=keepdims, where=asarray(where))


def argmax(
    a: Any, axis: Optional[int] = None, out: Optional[np.ndarray] = None, *, keepdims: bool = False
) -> Any:
    """Indices of the maximum values along an axis (not differentiable).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.argmax(mg.tensor([[1.0, 5.0], [7.0, 2.0]]), axis=1)
    array([1, 0])
    """
    return np.argmax(asarray(a), axis=axis, out=out, keepdims=keepdims)


def argmin(
    a: Any, axis: Optional[int] = None, out: Optional[np.ndarray] = None, *, keepdims: bool = False
) -> Any:
    """Indices of the minimum values along an axis (not differentiable).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.argmin(mg.tensor([3.0, 1.0, 2.0]))
    np.int64(1)
    """
    return np.argmin(asarray(a), axis=axis, out=out, keepdims=keepdims)


def _refuse_variables(op: str, *args: Any) -> None:
    for a in args:
        if isinstance(a, Tensor) and not a.constant:
            raise ValueError(
                f"{op} is not differentiable, so it accepts only constant tensors; "
                "use `tensor.data` (or a constant tensor) to apply it"
            )


def _data(a: Any) -> Any:
    # Python scalars stay as they are, so NumPy applies its weak-scalar rule
    return a.data if isinstance(a, Tensor) else a


def _into(out: Any, result: Any) -> Any:
    if out is None:
        return result
    if isinstance(out, Tensor):  # augmented assignment: ``x //= 2`` keeps x a tensor
        out[...] = result
        return out
    np.copyto(out, result, casting="same_kind")
    return out


def floor_divide_op(a: Any, b: Any, out: Any = None) -> Any:
    """``a // b`` for tensors: an ndarray computed on the data (constants only)."""
    _refuse_variables("floor division (//)", a, b)
    return _into(out, np.floor_divide(_data(a), _data(b)))


def remainder_op(a: Any, b: Any, out: Any = None) -> Any:
    """``a % b`` for tensors: an ndarray computed on the data (constants only)."""
    _refuse_variables("the remainder (%)", a, b)
    return _into(out, np.remainder(_data(a), _data(b)))


def divmod_op(a: Any, b: Any) -> Tuple[np.ndarray, np.ndarray]:
    """``divmod(a, b)`` for tensors: two ndarrays computed on the data (constants only)."""
    _refuse_variables("divmod", a, b)
    return np.divmod(_data(a), _data(b))
