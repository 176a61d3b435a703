"""Other special functions: add_sequence, multiply_sequence and sinc."""

from __future__ import annotations

import functools
from typing import Any, Optional

import numpy as np

from mygrad_core import Operation, Tensor, execute_op

__all__ = ["add_sequence", "multiply_sequence", "sinc"]


class AddSequence(Operation):
    def __call__(self, *tensors: Tensor) -> np.ndarray:  # type: ignore[override]
        self.variables = tensors
        return functools.reduce(np.add, (t.data for t in tensors))

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad


class MultiplySequence(Operation):
    def __call__(self, *tensors: Tensor) -> np.ndarray:  # type: ignore[override]
        self.variables = tensors
        return functools.reduce(np.multiply, (t.data for t in tensors))

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        # the product of the other factors (not out / x: that fails where x == 0)
        others = [t.data for i, t in enumerate(self.variables) if i != index]
        return functools.reduce(np.multiply, others, grad)


def _check_sequence(name: str, variables: Any) -> None:
    if len(variables) < 2:
        raise ValueError(f"{name} requires at least two inputs, got {len(variables)}")


def add_sequence(*variables: Any, constant: Optional[bool] = None) -> Tensor:
    """``f(a, b, ...) -> a + b + ...``, as one operation (faster to back-propagate than a
    chain of additions).

    The inputs broadcast together; each gets a gradient of its own shape.

    Parameters
    ----------
    *variables : ArrayLike
        At least two inputs.
    constant : Optional[bool]

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> x, y = mg.tensor([1.0, 2.0]), mg.tensor([[10.0]])
    >>> out = mg.add_sequence(x, y, 3.0)
    >>> out
    Tensor([[14., 15.]])
    >>> out.backward()
    >>> y.grad
    array([[2.]])
    """
    _check_sequence("add_sequence", variables)
    return execute_op(AddSequence, *variables, constant=constant)


def multiply_sequence(*variables: Any, constant: Optional[bool] = None) -> Tensor:
    """``f(a, b, ...) -> a * b * ...``, as one operation.

    The inputs broadcast together; each gets a gradient of its own shape.

    Parameters
    ----------
    *variables : ArrayLike
        At least two inputs.
    constant : Optional[bool]

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> x, y = mg.tensor([1.0, 2.0]), mg.tensor(3.0)
    >>> out = mg.multiply_sequence(x, y, 2.0)
    >>> out
    Tensor([ 6., 12.])
    >>> out.backward()
    >>> y.grad
    array(6.)
    """
    _check_sequence("multiply_sequence", variables)
    return execute_op(MultiplySequence, *variables, constant=constant)


class Sinc(Operation):
    def __call__(self, a: Tensor) -> np.ndarray:  # type: ignore[override]
        self.variables = (a,)
        self.out = out = np.sinc(a.data)
        return out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        # d/dx sin(pi x) / (pi x) = (cos(pi x) - sinc(x)) / x, which is 0 at x = 0
        x = self.variables[0].data
        zero = x == 0
        with np.errstate(divide="ignore", invalid="ignore"):
            d = (np.cos(np.pi * x) - self.out) / x
        if zero.any():
            d = np.where(zero, 0, d)
        return grad * d


def sinc(a: Any, *, constant: Optional[bool] = None) -> Tensor:
    """The normalised sinc function ``sin(pi a) / (pi a)`` (1 at 0), as ``numpy.sinc``.

    Parameters
    ----------
    a : ArrayLike
    constant : Optional[bool]

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.sinc([0.0, 0.5, 1.0]).data.round(6)
    array([1.     , 0.63662, 0.     ])
    """
    return execute_op(Sinc, a, constant=constant)
