"""Order statistics, differentiable: ptp, median, percentile and quantile.

The values are NumPy's. The gradient goes to the order statistics used: ``ptp`` to the
first maximum and the first minimum of each slice; ``quantile`` (linear interpolation
between the sorted neighbours ``lo`` and ``hi`` of the virtual index ``q * (n - 1)``)
to ``lo`` with weight ``1 - t`` and to ``hi`` with weight ``t``. The quantiles ``q``
(a tensor) receive the slope between the two order statistics they interpolate.
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np

from mygrad_core import Tensor
from mygrad_math._gather import NOVALUE, data_of, gather, normalize_axes, to_last_axis

__all__ = ["ptp", "median", "percentile", "quantile"]


def _keepdims_shape(shape: tuple, axes: tuple, keepdims: bool) -> tuple:
    if keepdims:
        return tuple(1 if i in axes else n for i, n in enumerate(shape))
    return tuple(n for i, n in enumerate(shape) if i not in axes)


def ptp(
    a: Any,
    axis: Any = None,
    out: Any = None,
    keepdims: Any = NOVALUE,
    *,
    constant: Optional[bool] = None,
) -> Tensor:
    """The range (maximum minus minimum) along the given axes (``numpy.ptp``).

    The gradient goes to the first maximum (+1) and the first minimum (-1) of each slice.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([[1.0, 5.0, 3.0], [2.0, 2.5, 0.0]])
    >>> y = mg.ptp(x, axis=1)
    >>> y
    Tensor([4. , 2.5])
    >>> y.sum().backward()
    >>> x.grad
    array([[-1.,  1.,  0.],
           [ 0.,  1., -1.]])
    """
    kd = False if keepdims is NOVALUE else bool(keepdims)
    arr = np.asarray(data_of(a))

    def value(x: np.ndarray) -> Any:
        return np.ptp(x, axis=axis, keepdims=kd)

    def index(p: np.ndarray) -> Any:
        axes = normalize_axes(axis, arr.ndim)
        flat = to_last_axis(arr, axes)
        pflat = to_last_axis(p, axes)
        shape = _keepdims_shape(arr.shape, axes, kd)
        if flat.shape[-1] == 0:
            return []
        hi = np.take_along_axis(pflat, np.argmax(flat, axis=-1)[..., None], -1).reshape(shape)
        lo = np.take_along_axis(pflat, np.argmin(flat, axis=-1)[..., None], -1).reshape(shape)
        return [(hi, None), (lo, -1.0)]

    return gather((a,), value, index, constant=constant, out=out)


def _quantile(
    name: str,
    a: Any,
    q: Any,
    axis: Any,
    out: Any,
    method: str,
    keepdims: bool,
    weights: Any,
    constant: Optional[bool],
) -> Tensor:
    if method != "linear":
        raise ValueError(f"{name}: only method='linear' is differentiable in mygrad, got method={method!r}")
    if weights is not None:
        raise TypeError(f"{name}: weights= is not supported for mygrad tensors, got {type(weights).__name__}")
    arr = np.asarray(data_of(a))
    qs = np.asarray(data_of(q), dtype=np.float64)
    scale = 100.0 if name == "percentile" else 1.0
    qs = qs / scale
    np_fn = getattr(np, name)
    q_is_input = isinstance(q, Tensor)

    def value(x: np.ndarray, *rest: np.ndarray) -> Any:
        if name == "median":
            return np.median(x, axis=axis, keepdims=keepdims)
        return np_fn(x, rest[0] if q_is_input else q, axis=axis, keepdims=keepdims)

    def order_stats(src: np.ndarray) -> Any:
        """The elements of ``src`` at the sorted ranks lo and hi, and hi's weight."""
        axes = normalize_axes(axis, arr.ndim)
        flat = to_last_axis(arr, axes)
        n = flat.shape[-1]
        perm = np.argsort(flat, axis=-1, kind="stable")
        ranked = np.take_along_axis(to_last_axis(src, axes), perm, axis=-1)
        virtual = qs.ravel() * (n - 1)
        lo = np.floor(virtual).astype(np.intp)
        hi = np.minimum(lo + 1, n - 1)
        shape = qs.shape + _keepdims_shape(arr.shape, axes, keepdims)

        def pick(k: np.ndarray) -> np.ndarray:
            return np.moveaxis(ranked[..., k], -1, 0).reshape(shape)

        w = (virtual - lo).reshape(qs.shape + (1,) * (len(shape) - qs.ndim))
        return pick(lo), pick(hi), w, n

    def index(p: np.ndarray, *rest: np.ndarray) -> Any:
        if arr.size == 0:
            return []
        lo, hi, w, _ = order_stats(p)
        return [(lo, 1 - w), (hi, w)]

    def q_grad(grad: np.ndarray) -> np.ndarray:
        # d/dq of x_lo + t (x_hi - x_lo), t = q (n - 1) - lo: the slope between the two
        lo, hi, _, n = order_stats(arr)
        slope = (hi - lo) * ((n - 1) / scale)
        return np.sum(grad * slope, axis=tuple(range(qs.ndim, grad.ndim))).reshape(qs.shape)

    if q_is_input:
        return gather((a, q), value, index, grad_fns={1: q_grad}, constant=constant, out=out)
    return gather((a,), value, index, constant=constant, out=out)


def quantile(
    a: Any,
    q: Any,
    axis: Any = None,
    out: Any = None,
    overwrite_input: bool = False,
    method: str = "linear",
    keepdims: bool = False,
    *,
    weights: Any = None,
    constant: Optional[bool] = None,
) -> Tensor:
    """The ``q``-th quantiles along the given axes (``numpy.quantile``, linear method).

    ``overwrite_input`` is accepted and ignored (a tensor is never modified). The
    gradient goes to the two order statistics each quantile interpolates between; a
    tensor ``q`` gets the slope between them.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([4.0, 1.0, 3.0, 2.0])
    >>> y = mg.quantile(x, 0.5)
    >>> y
    Tensor(2.5)
    >>> y.backward()
    >>> x.grad
    array([0. , 0. , 0.5, 0.5])
    """
    return _quantile("quantile", a, q, axis, out, method, keepdims, weights, constant)


def percentile(
    a: Any,
    q: Any,
    axis: Any = None,
    out: Any = None,
    overwrite_input: bool = False,
    method: str = "linear",
    keepdims: bool = False,
    *,
    weights: Any = None,
    constant: Optional[bool] = None,
) -> Tensor:
    """The ``q``-th percentiles (0 to 100) along the given axes (``numpy.percentile``).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.percentile(mg.tensor([1.0, 2.0, 3.0, 4.0, 5.0]), [25, 100])
    Tensor([2., 5.])
    """
    return _quantile("percentile", a, q, axis, out, method, keepdims, weights, constant)


def median(
    a: Any,
    axis: Any = None,
    out: Any = None,
    overwrite_input: bool = False,
    keepdims: bool = False,
    *,
    constant: Optional[bool] = None,
) -> Tensor:
    """The median along the given axes (``numpy.median``); the gradient goes to the
    middle element(s) of each slice (half each for an even count).

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([[3.0, 1.0, 2.0]])
    >>> y = mg.median(x, axis=1)
    >>> y
    Tensor([2.])
    >>> y.backward()
    >>> x.grad
    array([[0., 0., 1.]])
    """
    return _quantile("median", a, 0.5, axis, out, "linear", keepdims, None, constant)


NUMPY_OVERRIDES = {
    np.ptp: ptp,
    np.median: median,
    np.percentile: percentile,
    np.quantile: quantile,
}
