"""Exponents and logarithms: exp, expm1, exp2, log, log10, log2, log1p, logaddexp,
logaddexp2 (all ufuncs; the first argument is named ``x1``)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mygrad_core import UfuncOperation, make_ufunc

__all__ = ["exp", "expm1", "exp2", "log", "log10", "log2", "log1p", "logaddexp", "logaddexp2"]

_LN2 = np.log(2.0)
_LN10 = np.log(10.0)


class Exp(UfuncOperation):
    """The exponential ``e ** x1``, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor(1.0)
    >>> mg.exp(x).backward()
    >>> x.grad
    array(2.71828183)
    """

    numpy_ufunc = np.exp

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * self.out


class Expm1(UfuncOperation):
    """``exp(x1) - 1``, elementwise, precise for small ``x1``.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.expm1(1e-10).item()
    1.00000000005e-10
    """

    numpy_ufunc = np.expm1

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * np.exp(self.variables[0].data)


class Exp2(UfuncOperation):
    """``2 ** x1``, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.exp2([2.0, 3.0])
    Tensor([4., 8.])
    """

    numpy_ufunc = np.exp2

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * self.out * _LN2


class Log(UfuncOperation):
    """Natural logarithm, elementwise (``log(0) = -inf``; nan for negative inputs).

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, 2.0])
    >>> mg.log(x).backward()
    >>> x.grad
    array([1. , 0.5])
    """

    numpy_ufunc = np.log

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad / self.variables[0].data


class Log10(UfuncOperation):
    """Base-10 logarithm, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.log10([1.0, 100.0])
    Tensor([0., 2.])
    """

    numpy_ufunc = np.log10

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad / (self.variables[0].data * _LN10)


class Log2(UfuncOperation):
    """Base-2 logarithm, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.log2([1.0, 8.0])
    Tensor([0., 3.])
    """

    numpy_ufunc = np.log2

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad / (self.variables[0].data * _LN2)


class Log1p(UfuncOperation):
    """``log(1 + x1)``, elementwise, precise for small ``x1``.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.log1p(1e-99).item()
    1e-99
    """

    numpy_ufunc = np.log1p

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad / (1 + self.variables[0].data)


class Logaddexp(UfuncOperation):
    """``log(exp(x1) + exp(x2))``, elementwise, without overflow.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor(0.0)
    >>> mg.logaddexp(x, 0.0).backward()
    >>> x.grad
    array(0.5)
    """

    numpy_ufunc = np.logaddexp

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        # d/dx1 log(e**x1 + e**x2) = e**(x1 - out): stable, never overflows
        return grad * np.exp(self.variables[index].data - self.out)


class Logaddexp2(UfuncOperation):
    """``log2(2 ** x1 + 2 ** x2)``, elementwise, without overflow.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.logaddexp2(1.0, 1.0)
    Tensor(2.)
    """

    numpy_ufunc = np.logaddexp2

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * np.exp2(self.variables[index].data - self.out)

exp = make_ufunc(Exp, args=("x1",))


expm1 = make_ufunc(Expm1, args=("x1",))
exp2 = make_ufunc(Exp2, args=("x1",))
log = make_ufunc(Log, args=("x1",))
log10 = make_ufunc(Log10, args=("x1",))
log2 = make_ufunc(Log2, args=("x1",))
log1p = make_ufunc(Log1p, args=("x1",))
logaddexp = make_ufunc(Logaddexp)
logaddexp2 = make_ufunc(Logaddexp2)
