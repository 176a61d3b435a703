"""Exponents and logarithms: exp, expm1, exp2, log, log10, log2, log1p, logaddexp,
logaddexp2 (all ufuncs; the first argument is named ``x1``)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mygrad_math._base import BinaryUfuncOp, UnaryUfuncOp
from mygrad_math._utils import build_ufunc, ufunc_doc

__all__ = ["exp", "expm1", "exp2", "log", "log10", "log2", "log1p", "logaddexp", "logaddexp2"]

_LN2 = np.log(2.0)
_LN10 = np.log(10.0)


class Exp(UnaryUfuncOp):
    numpy_ufunc = np.exp

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * self.out


class Expm1(UnaryUfuncOp):
    numpy_ufunc = np.expm1

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * np.exp(self.variables[0].data)


class Exp2(UnaryUfuncOp):
    numpy_ufunc = np.exp2

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * self.out * _LN2


class Log(UnaryUfuncOp):
    numpy_ufunc = np.log

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad / self.variables[0].data


class Log10(UnaryUfuncOp):
    numpy_ufunc = np.log10

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad / (self.variables[0].data * _LN10)


class Log2(UnaryUfuncOp):
    numpy_ufunc = np.log2

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad / (self.variables[0].data * _LN2)


class Log1p(UnaryUfuncOp):
    numpy_ufunc = np.log1p

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad / (1 + self.variables[0].data)


class Logaddexp(BinaryUfuncOp):
    numpy_ufunc = np.logaddexp

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        # d/dx1 log(e**x1 + e**x2) = e**(x1 - out): stable, never overflows
        return grad * np.exp(self.variables[index].data - self.out)


class Logaddexp2(BinaryUfuncOp):
    numpy_ufunc = np.logaddexp2

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * np.exp2(self.variables[index].data - self.out)


exp = build_ufunc(
    Exp,
    "exp",
    ufunc_doc(
        "The exponential ``e ** x1``, elementwise.",
        "    >>> import mygrad as mg\n"
        "    >>> x = mg.tensor(1.0)\n"
        "    >>> mg.exp(x).backward()\n"
        "    >>> x.grad\n"
        "    array(2.71828183)",
        args=("x1",),
    ),
    args=("x1",),
)
expm1 = build_ufunc(
    Expm1,
    "expm1",
    ufunc_doc(
        "``exp(x1) - 1``, elementwise, precise for small ``x1``.",
        "    >>> import mygrad as mg\n    >>> mg.expm1(1e-10).item()\n    1.00000000005e-10",
        args=("x1",),
    ),
    args=("x1",),
)
exp2 = build_ufunc(
    Exp2,
    "exp2",
    ufunc_doc(
        "``2 ** x1``, elementwise.",
        "    >>> import mygrad as mg\n    >>> mg.exp2([2.0, 3.0])\n    Tensor([4., 8.])",
        args=("x1",),
    ),
    args=("x1",),
)
log = build_ufunc(
    Log,
    "log",
    ufunc_doc(
        "Natural logarithm, elementwise (``log(0) = -inf``; nan for negative inputs).",
        "    >>> import mygrad as mg\n"
        "    >>> x = mg.tensor([1.0, 2.0])\n"
        "    >>> mg.log(x).backward()\n"
        "    >>> x.grad\n"
        "    array([1. , 0.5])",
        args=("x1",),
    ),
    args=("x1",),
)
log10 = build_ufunc(
    Log10,
    "log10",
    ufunc_doc(
        "Base-10 logarithm, elementwise.",
        "    >>> import mygrad as mg\n    >>> mg.log10([1.0, 100.0])\n    Tensor([0., 2.])",
        args=("x1",),
    ),
    args=("x1",),
)
log2 = build_ufunc(
    Log2,
    "log2",
    ufunc_doc(
        "Base-2 logarithm, elementwise.",
        "    >>> import mygrad as mg\n    >>> mg.log2([1.0, 8.0])\n    Tensor([0., 3.])",
        args=("x1",),
    ),
    args=("x1",),
)
log1p = build_ufunc(
    Log1p,
    "log1p",
    ufunc_doc(
        "``log(1 + x1)``, elementwise, precise for small ``x1``.",
        "    >>> import mygrad as mg\n    >>> mg.log1p(1e-99).item()\n    1e-99",
        args=("x1",),
    ),
    args=("x1",),
)
logaddexp = build_ufunc(
    Logaddexp,
    "logaddexp",
    ufunc_doc(
        "``log(exp(x1) + exp(x2))``, elementwise, without overflow.",
        "    >>> import mygrad as mg\n"
        "    >>> x = mg.tensor(0.0)\n"
        "    >>> mg.logaddexp(x, 0.0).backward()\n"
        "    >>> x.grad\n"
        "    array(0.5)",
        args=("x1", "x2"),
    ),
    args=("x1", "x2"),
)
logaddexp2 = build_ufunc(
    Logaddexp2,
    "logaddexp2",
    ufunc_doc(
        "``log2(2 ** x1 + 2 ** x2)``, elementwise, without overflow.",
        "    >>> import mygrad as mg\n    >>> mg.logaddexp2(1.0, 1.0)\n    Tensor(2.)",
        args=("x1", "x2"),
    ),
    args=("x1", "x2"),
)
