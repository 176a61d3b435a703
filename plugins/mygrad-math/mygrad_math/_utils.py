"""Helpers shared by the math modules: building ufuncs and normalising axes."""

from __future__ import annotations

import inspect
from typing import Any, Optional, Sequence, Tuple, Type

import numpy as np

from mygrad_core import UfuncOperation, make_ufunc, ufunc

__all__ = ["build_ufunc", "normalize_axes", "reduced_shape_grad"]

_AxisError = getattr(np, "exceptions", np).AxisError
_P = inspect.Parameter


def build_ufunc(
    Op: Type[UfuncOperation],
    name: str,
    doc: str,
    *,
    args: Sequence[str] = ("x",),
    extra_kwonly: Sequence[Tuple[str, Any]] = (),
    numpy_ufunc: Optional[np.ufunc] = None,
) -> ufunc:
    """``make_ufunc`` plus a ``__signature__`` mirroring the documented one.

    The inputs are positional-only, as for NumPy's ufuncs.
    """
    f = make_ufunc(Op, name=name, nin=len(args), doc=doc, numpy_ufunc=numpy_ufunc)
    params = [_P(a, _P.POSITIONAL_ONLY) for a in args]
    params.append(_P("out", _P.POSITIONAL_OR_KEYWORD, default=None))
    params += [
        _P("where", _P.KEYWORD_ONLY, default=True),
        _P("dtype", _P.KEYWORD_ONLY, default=None),
        _P("constant", _P.KEYWORD_ONLY, default=None),
    ]
    params += [_P(k, _P.KEYWORD_ONLY, default=v) for k, v in extra_kwonly]
    f.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    return f


def normalize_axes(axis: Any, ndim: int, func: str = "reduction") -> Tuple[int, ...]:
    """``axis`` (None, int or tuple of ints, negatives allowed) as sorted non-negative ints."""
    if axis is None:
        return tuple(range(ndim))
    if isinstance(axis, (int, np.integer)):
        axis = (axis,)
    out = []
    for a in axis:
        a = int(a)
        if not -max(ndim, 1) <= a < max(ndim, 1):
            raise _AxisError(f"{func}: axis {a} is out of bounds for a tensor of dimension {ndim}")
        if ndim:  # a 0-D tensor accepts axis 0/-1 and reduces nothing, as in NumPy
            out.append(a % ndim)
    if len(set(out)) != len(out):
        raise ValueError(f"{func}: repeated axis in {tuple(axis)}")
    return tuple(sorted(out))


def reduced_shape_grad(
    grad: np.ndarray, shape: Tuple[int, ...], axes: Tuple[int, ...], keepdims: bool
) -> np.ndarray:
    """``grad`` of a reduction with the reduced axes re-inserted (size 1), ready to broadcast."""
    if keepdims or not axes or len(shape) == 0:
        return grad
    return np.expand_dims(grad, axes)


def ufunc_doc(summary: str, example: str, args: Sequence[str] = ("x",), notes: str = "") -> str:
    """A NumPy-style docstring for a ufunc with the standard parameters."""
    names = ", ".join(args)
    together = " and must broadcast together" if len(args) > 1 else ""
    text = f"""{summary}

    Parameters
    ----------
    {names} : ArrayLike
        The input(s); non-tensors are treated as constants{together}.
    out : Optional[Union[Tensor, ndarray]]
        A target for the result, written in place: a Tensor is returned itself; for
        an ndarray the returned Tensor's ``.data`` is that array.
    where : Mask
        Compute only where True; other entries are uninitialised unless ``out`` is given.
    dtype : Optional[DTypeLikeReals]
        The dtype of the result.
    constant : Optional[bool]
        Force the result to be (or not be) a constant; inferred by default.
{notes}
    Returns
    -------
    Tensor

    Examples
    --------
{example}
    """
    return text
