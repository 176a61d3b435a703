"""softmax and logsoftmax over one or more axes, numerically stable."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Tuple, Union

import numpy as np

from mygrad_core import Operation, Tensor, execute_op
from mygrad_nnet._utils import as_array, floating, normalize_axes, stable_exp

if TYPE_CHECKING:  # annotations only
    from mygrad.typing import ArrayLike


__all__ = ["softmax", "logsoftmax"]

Axis = Union[None, int, Tuple[int, ...]]


class Softmax(Operation):
    def __call__(self, x: Tensor, axis: Any) -> np.ndarray:
        self.variables = (x,)
        self.axis = axis
        _, e, total = stable_exp(x.data, axis)
        e /= total
        self.out = e
        return e

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        s = self.out
        gs = grad * s
        return gs - s * gs.sum(axis=self.axis, keepdims=True)


class LogSoftmax(Operation):
    def __call__(self, x: Tensor, axis: Any) -> np.ndarray:
        self.variables = (x,)
        self.axis = axis
        shift, e, total = stable_exp(x.data, axis)
        # (x - shift) - log(total), grouped so that a huge shift cancels exactly first
        out = np.asarray(floating(x.data) - shift)  # an array even when x is 0-D
        out -= np.log(total)
        # log-probabilities are <= 0; rounding in log(exp(.)) may leave +1e-17 otherwise
        np.minimum(out, 0, out=out)
        self.out = out
        return out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad - np.exp(self.out) * grad.sum(axis=self.axis, keepdims=True)


def softmax(x: ArrayLike, axis: Axis = -1, *, constant: Optional[bool] = None) -> Tensor:
    """The softmax ``exp(x) / sum(exp(x))`` over ``axis``, computed stably.

    Parameters
    ----------
    x : ArrayLike
    axis : Union[None, int, Tuple[int, ...]], optional (default=-1)
        The axis or axes to normalise over; None means all of them.
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor
        Same shape as ``x``; its entries along ``axis`` sum to 1.

    Examples
    --------
    >>> import mygrad as mg
    >>> from mygrad.nnet import softmax
    >>> x = mg.tensor([[1.0, 1.0], [2e50, 1e50]])
    >>> softmax(x)
    Tensor([[0.5, 0.5],
            [1. , 0. ]])
    >>> softmax(x, axis=None).shape
    (2, 2)
    """
    axes = normalize_axes("softmax", axis, as_array(x).ndim)
    return execute_op(Softmax, x, op_args=(axes,), constant=constant)


def logsoftmax(x: ArrayLike, axis: Axis = -1, *, constant: Optional[bool] = None) -> Tensor:
    """The log of the softmax over ``axis``, ``x - log(sum(exp(x)))``, computed stably.

    Parameters
    ----------
    x : ArrayLike
    axis : Union[None, int, Tuple[int, ...]], optional (default=-1)
        The axis or axes to normalise over; None means all of them.
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor
        Same shape as ``x``.

    Examples
    --------
    >>> import mygrad as mg
    >>> from mygrad.nnet import logsoftmax
    >>> x = mg.tensor([[0.0, 0.0], [2e50, 1e50]])
    >>> logsoftmax(x)
    Tensor([[-6.93147181e-01, -6.93147181e-01],
            [ 0.00000000e+00, -1.00000000e+50]])
    """
    axes = normalize_axes("logsoftmax", axis, as_array(x).ndim)
    return execute_op(LogSoftmax, x, op_args=(axes,), constant=constant)
