"""Bounded activations: sigmoid, tanh, hard_tanh, soft_sign, and the gated linear unit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

import numpy as np
from mygrad_math import tanh

from mygrad_core import Operation, Tensor, execute_op
from mygrad_nnet._utils import as_array, normalize_axes, real_number

if TYPE_CHECKING:  # annotations only
    from mygrad.typing import ArrayLike, Real


__all__ = ["sigmoid", "tanh", "hard_tanh", "soft_sign", "glu"]


def _sigmoid(x: np.ndarray) -> np.ndarray:
    # exp of a non-positive number only: no overflow for large |x| of either sign
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1, e) / (1 + e)


class Sigmoid(Operation):
    def __call__(self, x: Tensor) -> np.ndarray:
        self.variables = (x,)
        self.out = _sigmoid(x.data)
        return self.out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        s = self.out
        return grad * s * (1 - s)


def sigmoid(x: ArrayLike, *, constant: Optional[bool] = None) -> Tensor:
    """The logistic sigmoid ``1 / (1 + exp(-x))``, elementwise (overflow-free).

    Parameters
    ----------
    x : ArrayLike
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> from mygrad.nnet import sigmoid
    >>> x = mg.tensor([-1000.0, 0.0, 2.0])
    >>> y = sigmoid(x); y
    Tensor([0.        , 0.5       , 0.88079708])
    >>> y.backward()
    >>> x.grad
    array([0.        , 0.25      , 0.10499359])
    """
    return execute_op(Sigmoid, x, constant=constant)


class HardTanh(Operation):
    def __call__(self, x: Tensor, lower: float, upper: float) -> np.ndarray:
        self.variables = (x,)
        data = x.data
        self.inside = (data > lower) & (data < upper)
        return np.clip(data, lower, upper)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * self.inside


def hard_tanh(
    x: ArrayLike, *, lower_bound: Real = -1, upper_bound: Real = 1, constant: Optional[bool] = None
) -> Tensor:
    """``x`` clipped to ``[lower_bound, upper_bound]``, elementwise.

    The gradient is 1 strictly between the bounds and 0 at and beyond them.

    Parameters
    ----------
    x : ArrayLike
    lower_bound, upper_bound : Real, optional (default -1 and 1)
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> from mygrad.nnet.activations import hard_tanh
    >>> x = mg.tensor([-5.0, -3.0, 0.5, 3.0, 4.0])
    >>> y = hard_tanh(x, lower_bound=-3, upper_bound=3); y
    Tensor([-3. , -3. ,  0.5,  3. ,  3. ])
    >>> y.backward()
    >>> x.grad
    array([0., 0., 1., 0., 0.])
    """
    lo = real_number("hard_tanh", "lower_bound", lower_bound)
    hi = real_number("hard_tanh", "upper_bound", upper_bound)
    if lo > hi:
        raise ValueError(
            f"hard_tanh: `lower_bound` ({lower_bound!r}) must not exceed `upper_bound` ({upper_bound!r})"
        )
    # integral bounds stay ints so an integer input keeps its dtype
    lo_ = int(lo) if lo.is_integer() else lo
    hi_ = int(hi) if hi.is_integer() else hi
    return execute_op(HardTanh, x, op_args=(lo_, hi_), constant=constant)


class SoftSign(Operation):
    def __call__(self, x: Tensor) -> np.ndarray:
        self.variables = (x,)
        self.denom = 1 + np.abs(x.data)
        return x.data / self.denom

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        d = self.denom
        return grad / d / d  # not / d**2, which overflows for |x| > 1e154


def soft_sign(x: ArrayLike, *, constant: Optional[bool] = None) -> Tensor:
    """The soft sign ``x / (1 + |x|)``, elementwise.

    Parameters
    ----------
    x : ArrayLike
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> from mygrad.nnet.activations import soft_sign
    >>> x = mg.tensor([-3.0, 0.0, 1.0])
    >>> y = soft_sign(x); y
    Tensor([-0.75,  0.  ,  0.5 ])
    >>> y.backward()
    >>> x.grad
    array([0.0625, 1.    , 0.25  ])
    """
    return execute_op(SoftSign, x, constant=constant)


class GLU(Operation):
    def __call__(self, x: Tensor, axis: int) -> np.ndarray:
        self.variables = (x,)
        self.axis = axis
        a, b = np.split(x.data, 2, axis=axis)
        self.a = a
        self.sig_b = _sigmoid(b)
        return a * self.sig_b

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        s = self.sig_b
        ga = grad * s
        gb = ga * self.a * (1 - s)
        return np.concatenate((ga, gb), axis=self.axis)


def glu(x: ArrayLike, axis: int = -1, *, constant: Optional[bool] = None) -> Tensor:
    """The gated linear unit ``A * sigmoid(B)``, where ``A`` and ``B`` are the first and
    second halves of ``x`` along ``axis`` (Dauphin et al., 2016).

    Parameters
    ----------
    x : ArrayLike
        Its length along ``axis`` must be even.
    axis : int, optional (default=-1)
        The axis to split in half; the result is half as long along it.
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> from mygrad.nnet.activations import glu
    >>> x = mg.tensor([1.0, -2.0, 0.0, 2.0])
    >>> y = glu(x); y
    Tensor([ 0.5       , -1.76159416])
    >>> y.backward()
    >>> x.grad
    array([ 0.5       ,  0.88079708,  0.25      , -0.20998717])
    """
    arr = as_array(x)
    if isinstance(axis, tuple) or axis is None:
        raise TypeError(f"glu: `axis` must be an int, got {axis!r}")
    if arr.ndim == 0:
        raise ValueError("glu: `x` must have at least one dimension, got a 0-D input")
    (ax,) = normalize_axes("glu", axis, arr.ndim)  # type: ignore[misc]
    if arr.shape[ax] % 2:
        raise ValueError(
            f"glu: `x` must have an even length along `axis`={axis} to be split in half; "
            f"got shape {arr.shape}"
        )
    return execute_op(GLU, x, op_args=(ax,), constant=constant)
