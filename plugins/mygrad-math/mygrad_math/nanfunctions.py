"""Reductions that ignore nan, differentiable: nansum, nanmean, nanprod, nanmax, nanmin,
nanstd, nanvar, nancumsum and nancumprod.

A nan is ignored in the value (as NumPy does) and in the gradient: it receives none.
The sums, products and moments are the ordinary differentiable reductions of the
tensor with its nans replaced by the neutral value; ``nanmax``/``nanmin`` send the
gradient to the first extreme non-nan element of each slice (an all-nan slice gives
nan, as in NumPy, and no gradient).
"""

from __future__ import annotations

import warnings
from typing import Any, Optional

import numpy as np

import mygrad_math as _mm
from mygrad_core import Tensor
from mygrad_core import where as _where
from mygrad_math._gather import NOVALUE, data_of, gather, normalize_axes, to_last_axis

__all__ = [
    "nansum",
    "nanmean",
    "nanprod",
    "nanmax",
    "nanmin",
    "nanstd",
    "nanvar",
    "nancumsum",
    "nancumprod",
]


def _kd(keepdims: Any) -> bool:
    return False if keepdims is NOVALUE else bool(keepdims)


def _unsupported(func: str, **kwargs: Any) -> None:
    for k, v in kwargs.items():
        if v is not NOVALUE and v is not None and not (k == "where" and v is True):
            raise TypeError(f"{func}: the argument {k}={v!r} is not supported for mygrad tensors")


def _replaced(a: Any, fill: float, constant: Optional[bool]) -> Any:
    """``a`` with its nans replaced by ``fill`` (differentiable elsewhere); the nan mask."""
    arr = np.asarray(data_of(a))
    if arr.dtype.kind not in "fc":  # no nans: NumPy does not touch the values either
        return a, None
    mask = np.isnan(arr)
    return _where(mask, fill, a, constant=constant), mask


def _into(out: Any, res: Tensor) -> Any:
    if out is None:
        return res
    if isinstance(out, Tensor):
        out[...] = res
        return out
    np.copyto(out, res.data, casting="same_kind")
    return out


def nansum(
    a: Any,
    axis: Any = None,
    dtype: Any = None,
    out: Any = None,
    keepdims: Any = NOVALUE,
    initial: Any = NOVALUE,
    where: Any = NOVALUE,
    *,
    constant: Optional[bool] = None,
) -> Tensor:
    """The sum, treating nan as zero (``numpy.nansum``).

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, float('nan'), 2.0])
    >>> y = mg.nansum(x)
    >>> y
    Tensor(3.)
    >>> y.backward()
    >>> x.grad
    array([1., 0., 1.])
    """
    _unsupported("nansum", initial=initial, where=where)
    z, _ = _replaced(a, 0.0, constant)
    return _into(out, _mm.sum(z, axis=axis, keepdims=_kd(keepdims), dtype=dtype, constant=constant))


def nanprod(
    a: Any,
    axis: Any = None,
    dtype: Any = None,
    out: Any = None,
    keepdims: Any = NOVALUE,
    initial: Any = NOVALUE,
    where: Any = NOVALUE,
    *,
    constant: Optional[bool] = None,
) -> Tensor:
    """The product, treating nan as one (``numpy.nanprod``).

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([2.0, float('nan'), 3.0])
    >>> y = mg.nanprod(x)
    >>> y
    Tensor(6.)
    >>> y.backward()
    >>> x.grad
    array([3., 0., 2.])
    """
    _unsupported("nanprod", initial=initial, where=where)
    z, _ = _replaced(a, 1.0, constant)
    return _into(out, _mm.prod(z, axis=axis, keepdims=_kd(keepdims), dtype=dtype, constant=constant))


def _count(mask: np.ndarray, axis: Any, keepdims: bool, dtype: Any, empty: float = np.nan) -> np.ndarray:
    """The number of non-nan elements per slice; ``empty`` (nan) for an all-nan slice, so
    that neither the forward nor the backward pass divides by zero."""
    n = np.sum(~mask, axis=axis, keepdims=keepdims)
    return np.where(n > 0, n, empty).astype(dtype)


def nanmean(
    a: Any,
    axis: Any = None,
    dtype: Any = None,
    out: Any = None,
    keepdims: Any = NOVALUE,
    *,
    where: Any = NOVALUE,
    constant: Optional[bool] = None,
) -> Tensor:
    """The mean of the non-nan elements (``numpy.nanmean``; nan for an all-nan slice).

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, float('nan'), 3.0])
    >>> y = mg.nanmean(x)
    >>> y
    Tensor(2.)
    >>> y.backward()
    >>> x.grad
    array([0.5, 0. , 0.5])
    """
    _unsupported("nanmean", where=where)
    kd = _kd(keepdims)
    z, mask = _replaced(a, 0.0, constant)
    if mask is None:
        return _into(out, _mm.mean(z, axis=axis, keepdims=kd, dtype=dtype, constant=constant))
    s = _mm.sum(z, axis=axis, keepdims=kd, dtype=dtype, constant=constant)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        res = _mm.divide(s, _count(mask, axis, kd, s.dtype))
    if np.any(mask.all(axis=axis)):
        warnings.warn("Mean of empty slice", RuntimeWarning, stacklevel=2)
    return _into(out, res)


def nanvar(
    a: Any,
    axis: Any = None,
    dtype: Any = None,
    out: Any = None,
    ddof: Any = 0,
    keepdims: Any = NOVALUE,
    *,
    where: Any = NOVALUE,
    mean: Any = NOVALUE,
    correction: Any = NOVALUE,
    constant: Optional[bool] = None,
) -> Tensor:
    """The variance of the non-nan elements (``numpy.nanvar``).

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, float('nan'), 3.0])
    >>> y = mg.nanvar(x)
    >>> y
    Tensor(1.)
    >>> y.backward()
    >>> x.grad
    array([-1.,  0.,  1.])
    """
    _unsupported("nanvar", where=where, mean=mean)
    if correction is not NOVALUE:
        if ddof != 0:
            raise ValueError("nanvar: ddof and correction can't be provided simultaneously.")
        ddof = correction
    return _into(out, _nanvar(a, axis, dtype, ddof, _kd(keepdims), constant))


def _nanvar(a: Any, axis: Any, dtype: Any, ddof: Any, kd: bool, constant: Optional[bool]) -> Tensor:
    z, mask = _replaced(a, 0.0, constant)
    if mask is None:
        return _mm.var(z, axis=axis, ddof=ddof, keepdims=kd, dtype=dtype, constant=constant)
    s = _mm.sum(z, axis=axis, keepdims=True, dtype=dtype, constant=constant)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        avg = _mm.divide(s, _count(mask, axis, True, s.dtype))
        dev = _where(mask, 0.0, _mm.subtract(z, avg))
        ss = _mm.sum(_mm.multiply(dev, dev), axis=axis, keepdims=kd)
        dof = _count(mask, axis, kd, ss.dtype, empty=0) - ddof
        res = _mm.divide(ss, np.where(dof > 0, dof, np.nan).astype(ss.dtype))
    if np.any(dof <= 0):
        warnings.warn("Degrees of freedom <= 0 for slice.", RuntimeWarning, stacklevel=3)
    return res


def nanstd(
    a: Any,
    axis: Any = None,
    dtype: Any = None,
    out: Any = None,
    ddof: Any = 0,
    keepdims: Any = NOVALUE,
    *,
    where: Any = NOVALUE,
    mean: Any = NOVALUE,
    correction: Any = NOVALUE,
    constant: Optional[bool] = None,
) -> Tensor:
    """The standard deviation of the non-nan elements (``numpy.nanstd``).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.nanstd(mg.tensor([1.0, float('nan'), 3.0]))
    Tensor(1.)
    """
    _unsupported("nanstd", where=where, mean=mean)
    if correction is not NOVALUE:
        if ddof != 0:
            raise ValueError("nanstd: ddof and correction can't be provided simultaneously.")
        ddof = correction
    var = _nanvar(a, axis, dtype, ddof, _kd(keepdims), constant)
    return _into(out, _mm.sqrt(var))


def _nan_extreme(
    name: str, a: Any, axis: Any, out: Any, keepdims: Any, initial: Any, where: Any, constant: Optional[bool]
) -> Tensor:
    _unsupported(name, initial=initial, where=where)
    kd = _kd(keepdims)
    arr = np.asarray(data_of(a))
    np_fn = getattr(np, name)
    is_max = name == "nanmax"

    def index(p: np.ndarray) -> Any:
        axes = normalize_axes(axis, arr.ndim)
        flat = to_last_axis(arr, axes)
        if flat.shape[-1] == 0:
            return []
        nan = np.isnan(flat) if flat.dtype.kind in "fc" else np.zeros(flat.shape, bool)
        filled = np.where(nan, -np.inf if is_max else np.inf, flat)
        k = (np.argmax if is_max else np.argmin)(filled, axis=-1)[..., None]
        picked = np.take_along_axis(to_last_axis(p, axes), k, axis=-1)[..., 0]
        picked = np.where(nan.all(axis=-1), -1, picked)
        shape = tuple(
            (1 if i in axes else n) for i, n in enumerate(arr.shape) if kd or i not in axes
        )
        return [(picked.reshape(shape), None)]

    return gather(
        (a,),
        lambda x: np_fn(x, axis=axis, keepdims=kd),
        index,
        constant=constant,
        out=out,
    )


def nanmax(
    a: Any,
    axis: Any = None,
    out: Any = None,
    keepdims: Any = NOVALUE,
    initial: Any = NOVALUE,
    where: Any = NOVALUE,
    *,
    constant: Optional[bool] = None,
) -> Tensor:
    """The maximum ignoring nan (``numpy.nanmax``); the gradient goes to the first maximum.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, float('nan'), 3.0])
    >>> y = mg.nanmax(x)
    >>> y
    Tensor(3.)
    >>> y.backward()
    >>> x.grad
    array([0., 0., 1.])
    """
    return _nan_extreme("nanmax", a, axis, out, keepdims, initial, where, constant)


def nanmin(
    a: Any,
    axis: Any = None,
    out: Any = None,
    keepdims: Any = NOVALUE,
    initial: Any = NOVALUE,
    where: Any = NOVALUE,
    *,
    constant: Optional[bool] = None,
) -> Tensor:
    """The minimum ignoring nan (``numpy.nanmin``); the gradient goes to the first minimum.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.nanmin(mg.tensor([[1.0, float('nan')], [-2.0, 0.0]]), axis=0)
    Tensor([-2.,  0.])
    """
    return _nan_extreme("nanmin", a, axis, out, keepdims, initial, where, constant)


def nancumsum(
    a: Any, axis: Optional[int] = None, dtype: Any = None, out: Any = None, *, constant: Optional[bool] = None
) -> Tensor:
    """The cumulative sum, treating nan as zero (``numpy.nancumsum``).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.nancumsum(mg.tensor([1.0, float('nan'), 2.0]))
    Tensor([1., 1., 3.])
    """
    z, _ = _replaced(a, 0.0, constant)
    return _into(out, _mm.cumsum(z, axis=axis, dtype=dtype, constant=constant))


def nancumprod(
    a: Any, axis: Optional[int] = None, dtype: Any = None, out: Any = None, *, constant: Optional[bool] = None
) -> Tensor:
    """The cumulative product, treating nan as one (``numpy.nancumprod``).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.nancumprod(mg.tensor([2.0, float('nan'), 3.0]))
    Tensor([2., 2., 6.])
    """
    z, _ = _replaced(a, 1.0, constant)
    return _into(out, _mm.cumprod(z, axis=axis, dtype=dtype, constant=constant))


NUMPY_OVERRIDES = {
    np.nansum: nansum,
    np.nanmean: nanmean,
    np.nanprod: nanprod,
    np.nanmax: nanmax,
    np.nanmin: nanmin,
    np.nanstd: nanstd,
    np.nanvar: nanvar,
    np.nancumsum: nancumsum,
    np.nancumprod: nancumprod,
}
