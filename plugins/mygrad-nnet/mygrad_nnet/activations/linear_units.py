"""Rectified and exponential linear units: relu, leaky_relu, elu, selu."""

from __future__ import annotations

import numbers
from typing import TYPE_CHECKING, Any, Optional, Union

import numpy as np

from mygrad_core import Operation, Tensor, execute_op
from mygrad_nnet._utils import as_array, real_number

if TYPE_CHECKING:  # annotations only
    from mygrad.typing import ArrayLike, Real


__all__ = ["relu", "leaky_relu", "elu", "selu"]

# the fixed-point constants of Klambauer et al., "Self-Normalizing Neural Networks"
_SELU_LAMBDA = 1.0507009873554804934193349852946
_SELU_ALPHA = 1.6732632423543772848170429916717


class ReLU(Operation):
    def __call__(self, x: Tensor) -> np.ndarray:
        self.variables = (x,)
        self.mask = x.data > 0
        # multiplying (rather than np.maximum) keeps the sign of zero: -0. for x < 0
        return x.data * self.mask

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * self.mask


def relu(x: ArrayLike, *, constant: Optional[bool] = None) -> Tensor:
    """The rectified linear unit, ``x`` where ``x > 0`` and ``0`` elsewhere, elementwise.

    Negative inputs give ``-0.``; the gradient is 1 where ``x > 0`` and 0 elsewhere
    (also at ``x == 0``).

    Parameters
    ----------
    x : ArrayLike
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor
        Same shape and dtype as ``x``.

    Examples
    --------
    >>> import mygrad as mg
    >>> from mygrad.nnet import relu
    >>> x = mg.tensor([-2.0, 0.0, 3.0])
    >>> y = relu(x); y
    Tensor([-0.,  0.,  3.])
    >>> y.backward()
    >>> x.grad
    array([0., 0., 1.])
    """
    return execute_op(ReLU, x, constant=constant)


class LeakyReLU(Operation):
    def __call__(self, x: Tensor, *slope_var: Tensor, slope: Any = None) -> np.ndarray:
        # `slope` is a variable (a Tensor, differentiable) or a plain number
        self.variables = (x, *slope_var)
        data = x.data
        s = slope_var[0].data if slope_var else slope
        self.slope = s
        self.pos = data > 0
        self.neg = data < 0
        self.x = data
        # x at x > 0, slope*x at x < 0 and exactly 0 at x == 0 (whose gradient is 0)
        return np.where(self.pos, data, 0) + s * np.minimum(data, 0)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        if index == 0:
            return grad * (self.pos + self.slope * self.neg)
        return grad * np.minimum(self.x, 0)


def leaky_relu(x: ArrayLike, slope: Union[Real, ArrayLike], *, constant: Optional[bool] = None) -> Tensor:
    """The leaky rectified linear unit, ``max(x, 0) + slope * min(x, 0)``, elementwise.

    The gradient with respect to ``x`` is 1 for ``x > 0``, ``slope`` for ``x < 0`` and
    0 at ``x == 0``. A tensor ``slope`` (any shape that broadcasts with ``x``) gets a
    gradient too.

    Parameters
    ----------
    x : ArrayLike
    slope : Union[Real, Tensor]
        The slope of the negative part.
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> from mygrad.nnet.activations import leaky_relu
    >>> x = mg.tensor([-2.0, 0.0, 3.0])
    >>> y = leaky_relu(x, slope=0.1); y
    Tensor([-0.2,  0. ,  3. ])
    >>> y.backward()
    >>> x.grad
    array([0.1, 0. , 1. ])
    """
    if isinstance(slope, numbers.Real):
        # as a Python float the slope stays "weak" (NEP 50): a float32 x gives float32
        s = real_number("leaky_relu", "slope", slope)
        return execute_op(LeakyReLU, x, op_kwargs={"slope": s}, constant=constant)
    # a tensor (differentiable) or an array of slopes that broadcasts against x
    if as_array(slope).dtype.kind not in "iuf":
        raise TypeError(f"leaky_relu: `slope` must be a real number or a real-valued tensor, got {slope!r}")
    return execute_op(LeakyReLU, x, slope, constant=constant)


class ELU(Operation):
    scale: float = 1.0

    def __call__(self, x: Tensor, alpha: float = 1.0) -> np.ndarray:
        self.variables = (x,)
        data = x.data
        self.alpha = alpha
        self.neg = data < 0
        # expm1 of the negative part only: no overflow for large positive x, and
        # accurate near 0
        self.em1 = np.expm1(np.minimum(data, 0))
        out = np.where(self.neg, alpha * self.em1, data)
        return out if self.scale == 1.0 else self.scale * out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        # d/dx alpha*(e^x - 1) = alpha*e^x; the x >= 0 branch (slope 1) owns x == 0
        return grad * (self.scale * np.where(self.neg, self.alpha * (self.em1 + 1), 1))


def elu(x: ArrayLike, alpha: Real, *, constant: Optional[bool] = None) -> Tensor:
    """The exponential linear unit, ``alpha * (exp(x) - 1)`` for ``x < 0`` and ``x``
    for ``x >= 0``, elementwise.

    The gradient is ``alpha * exp(x)`` for ``x < 0`` and 1 for ``x >= 0`` (1 at 0).

    Parameters
    ----------
    x : ArrayLike
    alpha : Real
        The scale of the negative part.
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> from mygrad.nnet.activations import elu
    >>> x = mg.tensor([-1.0, 0.0, 2.0])
    >>> y = elu(x, alpha=0.1); y
    Tensor([-0.06321206,  0.        ,  2.        ])
    >>> y.backward()
    >>> x.grad
    array([0.03678794, 1.        , 1.        ])
    """
    a = real_number("elu", "alpha", alpha)
    return execute_op(ELU, x, op_args=(a,), constant=constant)


class SELU(ELU):
    scale = _SELU_LAMBDA


def selu(x: ArrayLike, *, constant: Optional[bool] = None) -> Tensor:
    """The scaled exponential linear unit, ``λ * elu(x, α)``, elementwise, with the
    fixed constants λ ≈ 1.0507 and α ≈ 1.6733 of Klambauer et al. (2017).

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
    >>> from mygrad.nnet.activations import selu
    >>> x = mg.tensor([-1.0, 0.0, 1.0])
    >>> selu(x)
    Tensor([-1.11133074,  0.        ,  1.05070099])
    """
    return execute_op(SELU, x, op_args=(_SELU_ALPHA,), constant=constant)
