"""Arithmetic ufuncs: add, subtract, multiply, divide (true_divide), power, negative,
positive and reciprocal. These also back the Tensor operators ``+ - * / ** -x +x``."""

from __future__ import annotations

from typing import Any

import numpy as np

from mygrad_core import Tensor, UfuncOperation, make_ufunc
from mygrad_math.misc import Square

_PY_NUMBERS = (int, float)

__all__ = [
    "add",
    "subtract",
    "multiply",
    "divide",
    "true_divide",
    "power",
    "negative",
    "positive",
    "reciprocal",
]


class Add(UfuncOperation):
    """Add arguments elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, 2.0])
    >>> y = mg.add(x, 3.0)
    >>> y
    Tensor([4., 5.])
    >>> y.backward()
    >>> x.grad
    array([1., 1.])
    """

    numpy_ufunc = np.add

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad


class Subtract(UfuncOperation):
    """Subtract arguments elementwise: ``x1 - x2``.

    Examples
    --------
    >>> import mygrad as mg
    >>> y = mg.tensor([1.0, 2.0])
    >>> mg.subtract(10.0, y).backward()
    >>> y.grad
    array([-1., -1.])
    """

    numpy_ufunc = np.subtract

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad if index == 0 else -grad


class Multiply(UfuncOperation):
    """Multiply arguments elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, 2.0])
    >>> mg.multiply(x, [3.0, -1.0]).backward()
    >>> x.grad
    array([ 3., -1.])
    """

    numpy_ufunc = np.multiply

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * self.variables[1 - index].data


class Divide(UfuncOperation):
    """Divide arguments elementwise: ``x1 / x2`` (true division; ``true_divide`` is this
    same function).

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor(2.0)
    >>> mg.divide(1.0, x).backward()
    >>> x.grad
    array(-0.25)
    """

    numpy_ufunc = np.divide

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        b = self.variables[1].data
        if index == 0:
            return grad / b
        return -grad * self.variables[0].data / (b * b)


class Power(UfuncOperation):
    """First array elements raised to powers from the second array, elementwise.

    Integer bases with negative integer exponents raise ``ValueError``, as in NumPy.


    ``x1 ** x2``; a constant scalar exponent of 1 or 2 takes a faster path.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, 2.0])
    >>> mg.power(x, 3).backward()
    >>> x.grad
    array([ 3., 12.])
    """

    numpy_ufunc = np.power
    # 0: general power, 1: x ** 1 (a copy), 2: x ** 2 (a square)
    mode = 0

    @staticmethod
    def operator_shortcut(x1: Any, x2: Any) -> Any:
        # `x ** 2` and `x ** 1` by a Python number run Square and Positive (as in
        # MyGrad), skipping the scalar's conversion and the general power; an integer
        # tensor by a float exponent gives a float result, so it takes the general path
        if type(x2) in _PY_NUMBERS and isinstance(x1, Tensor):
            kind = x1.dtype.kind
            if kind != "f" and (kind not in "iu" or type(x2) is not int):
                return None
            if x2 == 2:
                return Square, (x1,)
            if x2 == 1:
                return Positive, (x1,)
        return None

    def __call__(self, x1: Tensor, x2: Tensor, **kwargs: Any) -> np.ndarray:  # type: ignore[override]
        b = x2.data
        if b.ndim == 0 and x2.constant and b.dtype == x1.data.dtype:
            p = b.item()
            if p == 2:
                self.mode = 2
            elif p == 1:
                self.mode = 1
        return UfuncOperation.__call__(self, x1, x2, **kwargs)

    def forward(self, a: np.ndarray, b: np.ndarray, **kwargs: Any) -> np.ndarray:
        mode = self.mode
        if mode == 2:
            return np.square(a, **kwargs)
        if mode == 1:
            return np.positive(a, **kwargs)
        return np.power(a, b, **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        a = self.variables[0].data
        mode = self.mode
        if index == 0:
            if mode == 2:
                return grad * 2 * a
            if mode == 1:
                return grad
            b = self.variables[1].data
            no_power = b == 0
            if no_power.any():
                # x ** 0 is constant: its derivative is 0 everywhere, also at x = 0
                # where b * a ** (b - 1) would be 0 * inf
                with np.errstate(divide="ignore", invalid="ignore"):
                    return np.where(no_power, 0, grad * b * a ** (b - 1))
            return grad * b * a ** (b - 1)
        with np.errstate(divide="ignore"):  # log(0) = -inf is fixed up below
            log_a = np.log(a)
        with np.errstate(invalid="ignore"):
            g = grad * self.out * log_a
        zero = a == 0
        if zero.any():
            # d(0 ** b)/db: 0 for b > 0 (the limit), and 0 at b = 0 (the reference),
            # not 0 * -inf or 1 * -inf
            g = np.where(zero & (self.variables[1].data >= 0), 0, g)
        return g


class Negative(UfuncOperation):
    """Numerical negative, elementwise (``-x``).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.negative([1.0, -2.0])
    Tensor([-1.,  2.])
    """

    numpy_ufunc = np.negative

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return -grad


class Positive(UfuncOperation):
    """Numerical positive, elementwise (``+x``): a new tensor equal to ``x``.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, -2.0])
    >>> y = mg.positive(x)
    >>> y is x, y
    (False, Tensor([ 1., -2.]))
    """

    numpy_ufunc = np.positive

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad


class Reciprocal(UfuncOperation):
    """The reciprocal ``1 / x``, elementwise (integer inputs use integer division, as in
    NumPy).

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([2.0, 4.0])
    >>> mg.reciprocal(x).backward()
    >>> x.grad
    array([-0.25  , -0.0625])
    """

    numpy_ufunc = np.reciprocal

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        out = self.out
        return -grad * out * out

add = make_ufunc(Add)


subtract = make_ufunc(Subtract)
multiply = make_ufunc(Multiply)
# one ufunc under both names; NumPy and MyGrad call it true_divide
divide = true_divide = make_ufunc(Divide, name="true_divide")
power = make_ufunc(Power)
negative = make_ufunc(Negative)
positive = make_ufunc(Positive)
reciprocal = make_ufunc(Reciprocal)
