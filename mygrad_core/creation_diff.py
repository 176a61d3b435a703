"""Creation differentiable in its tensor arguments: ``full`` and ``linspace``.

Given a non-constant tensor (``fill_value``; ``start``/``stop``) these record an op, so
the result back-propagates to it. Otherwise they are MyGrad's creation functions
(leaf tensors; a float result is a variable unless ``constant=True``).
"""

from __future__ import annotations

import operator
from typing import Any, Optional

import numpy as np

from mygrad_core import creation
from mygrad_core.inplace import execute_op
from mygrad_core.operation import Operation
from mygrad_core.tensor_base import Tensor

__all__ = ["full", "linspace"]


def _variable(x: Any) -> bool:
    return isinstance(x, Tensor) and not x.constant


class Full(Operation):
    def __call__(self, fill_value: Tensor, shape: Any, dtype: Any) -> np.ndarray:
        self.variables = (fill_value,)
        return np.full(shape, fill_value.data, dtype=dtype)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad  # the engine sums over the axes fill_value was broadcast along


def full(shape: Any, fill_value: Any, dtype: Any = None, *, constant: Optional[bool] = None) -> Tensor:
    """A tensor of ``shape`` filled with ``fill_value`` (dtype inferred from it).

    Differentiable in ``fill_value`` when it is a non-constant tensor (its gradient is
    the sum of the result's over the broadcast); otherwise a leaf, as MyGrad's ``full``.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.full((2, 2), 33)
    Tensor([[33, 33],
            [33, 33]])
    >>> v = mgc.tensor(2.0)
    >>> y = mgc.full((3,), v)
    >>> y.backward()
    >>> v.grad
    array(3.)
    """
    if _variable(fill_value):
        return execute_op(Full, fill_value, op_args=(shape, dtype), constant=constant)
    return creation.full(shape, fill_value, dtype, constant=constant)


class Linspace(Operation):
    def __call__(self, start: Tensor, stop: Tensor, num: int, endpoint: bool, dtype: Any, axis: int) -> np.ndarray:
        self.variables = (start, stop)
        out = np.linspace(start.data, stop.data, num=num, endpoint=endpoint, dtype=dtype, axis=axis)
        # out = start + frac * (stop - start), frac running along `axis`
        shape = [1] * out.ndim
        self.axis = operator.index(axis) % out.ndim
        shape[self.axis] = num
        self.frac = np.linspace(0.0, 1.0, num, endpoint=endpoint).reshape(shape)
        return out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        w = 1 - self.frac if index == 0 else self.frac
        # summed over the samples; the engine then reduces start/stop's broadcast
        return np.sum(grad * w, axis=self.axis)


def _linspace(start: Any, stop: Any, num: int, endpoint: bool, retstep: bool, dtype: Any, axis: int, constant: Optional[bool]) -> Any:
    num = operator.index(num)
    if num < 0:
        raise ValueError(f"linspace: number of samples, {num}, must be non-negative")
    if _variable(start) or _variable(stop):
        out = execute_op(Linspace, start, stop, op_args=(num, endpoint, dtype, axis), constant=constant)
    else:
        out = creation.linspace(start, stop, num=num, endpoint=endpoint, dtype=dtype, axis=axis, constant=constant)
    if not retstep:
        return out
    # the step is data, as NumPy gives it (not part of any graph)
    s = start.data if isinstance(start, Tensor) else start
    e = stop.data if isinstance(stop, Tensor) else stop
    return out, np.linspace(s, e, num=num, endpoint=endpoint, retstep=True, axis=axis)[1]


def linspace(
    start: Any,
    stop: Any,
    num: int = 50,
    endpoint: bool = True,
    dtype: Any = None,
    axis: int = 0,
    *,
    retstep: bool = False,
    constant: Optional[bool] = None,
) -> Any:
    """``num`` evenly spaced samples over ``[start, stop]`` (``stop`` excluded when
    ``endpoint=False``), with MyGrad's signature.

    Differentiable in ``start`` and ``stop`` when either is a non-constant tensor;
    ``retstep=True`` also returns the spacing, as data. ``numpy.linspace`` given
    tensors comes here with NumPy's signature.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.linspace(2.0, 3.0, num=5)
    Tensor([2.  , 2.25, 2.5 , 2.75, 3.  ])
    >>> a = mgc.tensor(0.0)
    >>> b = mgc.tensor(1.0)
    >>> mgc.linspace(a, b, num=3).backward()
    >>> a.grad, b.grad
    (array(1.5), array(1.5))
    """
    return _linspace(start, stop, num, endpoint, retstep, dtype, axis, constant)


def _numpy_linspace(
    start: Any, stop: Any, num: int = 50, endpoint: bool = True, retstep: bool = False, dtype: Any = None, axis: int = 0, *, device: Any = None
) -> Any:
    """``numpy.linspace``'s signature, for its override on tensors."""
    if device not in (None, "cpu"):
        raise ValueError(f"linspace: device must be None or 'cpu', got {device!r}")
    return _linspace(start, stop, num, endpoint, retstep, dtype, axis, None)
