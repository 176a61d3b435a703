"""Adapters with NumPy's signatures, for ``np.sum(tensor, ...)`` and friends.

NumPy hands an overridden function the arguments exactly as the caller wrote them,
in NumPy's own order (``np.sum(a, axis, dtype, out, keepdims)``), which differs from
MyGrad's (``mg.sum(x, axis, keepdims)``). These adapters translate.
"""

from __future__ import annotations

from typing import Any, Dict, Optional

import numpy as np

from mygrad_core import Tensor
from mygrad_math import misc, nondifferentiable, reductions, special

__all__: list = []  # the adapters are reached through NumPy only

_NOVALUE = getattr(np, "_NoValue", None)


def _check(func: str, kwargs: Dict[str, Any]) -> None:
    for k, v in kwargs.items():
        if v is _NOVALUE or (k == "where" and v is True):
            continue
        raise TypeError(f"numpy.{func}: the argument {k!r} is not supported for mygrad tensors")


def _kd(keepdims: Any) -> bool:
    return False if keepdims is _NOVALUE else bool(keepdims)


def np_sum(
    a: Any,
    axis: Any = None,
    dtype: Any = None,
    out: Any = None,
    keepdims: Any = False,
    **kwargs: Any,
) -> Tensor:
    _check("sum", kwargs)
    return reductions._reduce(reductions.Sum, a, axis, _kd(keepdims), dtype, None, out)


def np_mean(
    a: Any,
    axis: Any = None,
    dtype: Any = None,
    out: Any = None,
    keepdims: Any = False,
    **kwargs: Any,
) -> Tensor:
    _check("mean", kwargs)
    return reductions._reduce(reductions.Mean, a, axis, _kd(keepdims), dtype, None, out)


def np_prod(
    a: Any,
    axis: Any = None,
    dtype: Any = None,
    out: Any = None,
    keepdims: Any = False,
    **kwargs: Any,
) -> Tensor:
    _check("prod", kwargs)
    return reductions._reduce(reductions.Prod, a, axis, _kd(keepdims), dtype, None, out)


def np_var(
    a: Any,
    axis: Any = None,
    dtype: Any = None,
    out: Any = None,
    ddof: int = 0,
    keepdims: Any = False,
    **kwargs: Any,
) -> Tensor:
    _check("var", kwargs)
    return reductions._moment(reductions.Var, a, axis, ddof, _kd(keepdims), dtype, None, out)


def np_std(
    a: Any,
    axis: Any = None,
    dtype: Any = None,
    out: Any = None,
    ddof: int = 0,
    keepdims: Any = False,
    **kwargs: Any,
) -> Tensor:
    _check("std", kwargs)
    return reductions._moment(reductions.Std, a, axis, ddof, _kd(keepdims), dtype, None, out)


def np_max(
    a: Any, axis: Any = None, out: Any = None, keepdims: Any = False, **kwargs: Any
) -> Tensor:
    _check("max", kwargs)
    return reductions._reduce(reductions.Amax, a, axis, _kd(keepdims), None, None, out)


def np_min(
    a: Any, axis: Any = None, out: Any = None, keepdims: Any = False, **kwargs: Any
) -> Tensor:
    _check("min", kwargs)
    return reductions._reduce(reductions.Amin, a, axis, _kd(keepdims), None, None, out)


def np_cumsum(a: Any, axis: Any = None, dtype: Any = None, out: Any = None) -> Tensor:
    return reductions._cumulative(reductions.Cumsum, a, axis, dtype, None, out)


def np_cumprod(a: Any, axis: Any = None, dtype: Any = None, out: Any = None) -> Tensor:
    return reductions._cumulative(reductions.Cumprod, a, axis, dtype, None, out)


def np_clip(
    a: Any,
    a_min: Any = _NOVALUE,
    a_max: Any = _NOVALUE,
    out: Any = None,
    *,
    min: Any = _NOVALUE,
    max: Any = _NOVALUE,
    constant: Optional[bool] = None,
    **kwargs: Any,
) -> Tensor:  # noqa: A002
    # np.clip passes unknown keywords on (it takes **kwargs), so MyGrad's constant= reaches us
    _check("clip", kwargs)
    lo = min if a_min is _NOVALUE else a_min
    hi = max if a_max is _NOVALUE else a_max
    return misc.clip(a, None if lo is _NOVALUE else lo, None if hi is _NOVALUE else hi, out, constant=constant)


def np_any(
    a: Any, axis: Any = None, out: Any = None, keepdims: Any = False, *, where: Any = True
) -> Any:
    return nondifferentiable.any(a, axis, out, _kd(keepdims), where=where)


def np_argmax(a: Any, axis: Any = None, out: Any = None, *, keepdims: Any = False) -> Any:
    return nondifferentiable.argmax(a, axis, out, keepdims=_kd(keepdims))


def np_argmin(a: Any, axis: Any = None, out: Any = None, *, keepdims: Any = False) -> Any:
    return nondifferentiable.argmin(a, axis, out, keepdims=_kd(keepdims))


def np_sinc(x: Any) -> Tensor:
    return special.sinc(x)


NUMPY_OVERRIDES: Dict[Any, Optional[Any]] = {
    np.sum: np_sum,
    np.mean: np_mean,
    np.prod: np_prod,
    np.var: np_var,
    np.std: np_std,
    np.max: np_max,
    np.amax: np_max,
    np.min: np_min,
    np.amin: np_min,
    np.cumsum: np_cumsum,
    np.cumprod: np_cumprod,
    np.clip: np_clip,
    np.any: np_any,
    np.argmax: np_argmax,
    np.argmin: np_argmin,
    np.sinc: np_sinc,
}
