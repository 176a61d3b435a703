"""Hyperbolic ufuncs: sinh, cosh, tanh, their inverses, and the reciprocal family
sech, csch, coth, arccoth, arccsch."""

from __future__ import annotations

from typing import Any

import numpy as np

from mygrad_math._base import UnaryUfuncOp
from mygrad_math._utils import build_ufunc, ufunc_doc

__all__ = [
    "sinh",
    "cosh",
    "tanh",
    "arcsinh",
    "arccosh",
    "arctanh",
    "sech",
    "csch",
    "coth",
    "arccoth",
    "arccsch",
]


class Sinh(UnaryUfuncOp):
    numpy_ufunc = np.sinh

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * np.cosh(self.variables[0].data)


class Cosh(UnaryUfuncOp):
    numpy_ufunc = np.cosh

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * np.sinh(self.variables[0].data)


class Tanh(UnaryUfuncOp):
    numpy_ufunc = np.tanh

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        out = self.out
        return grad * (1 - out * out)


class Arcsinh(UnaryUfuncOp):
    numpy_ufunc = np.arcsinh

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return grad / np.sqrt(x * x + 1)


class Arccosh(UnaryUfuncOp):
    numpy_ufunc = np.arccosh

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return grad / np.sqrt(x * x - 1)


class Arctanh(UnaryUfuncOp):
    numpy_ufunc = np.arctanh

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return grad / (1 - x * x)


class Sech(UnaryUfuncOp):
    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.reciprocal(np.cosh(x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return -grad * self.out * np.tanh(self.variables[0].data)


class Csch(UnaryUfuncOp):
    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.reciprocal(np.sinh(x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return -grad * self.out / np.tanh(self.variables[0].data)


class Coth(UnaryUfuncOp):
    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.reciprocal(np.tanh(x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        s = np.sinh(self.variables[0].data)
        return -grad / (s * s)


class Arccoth(UnaryUfuncOp):
    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.arctanh(np.divide(1.0, x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return grad / (1 - x * x)


class Arccsch(UnaryUfuncOp):
    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.arcsinh(np.divide(1.0, x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return -grad / (np.abs(x) * np.sqrt(1 + x * x))


sinh = build_ufunc(
    Sinh,
    "sinh",
    ufunc_doc(
        "Hyperbolic sine, elementwise.",
        "    >>> import mygrad as mg\n"
        "    >>> x = mg.tensor(0.0)\n"
        "    >>> mg.sinh(x).backward()\n"
        "    >>> x.grad\n"
        "    array(1.)",
    ),
)
cosh = build_ufunc(
    Cosh,
    "cosh",
    ufunc_doc(
        "Hyperbolic cosine, elementwise.",
        "    >>> import mygrad as mg\n    >>> mg.cosh([0.0])\n    Tensor([1.])",
    ),
)
tanh = build_ufunc(
    Tanh,
    "tanh",
    ufunc_doc(
        "Hyperbolic tangent, elementwise.",
        "    >>> import mygrad as mg\n"
        "    >>> x = mg.tensor([0.0])\n"
        "    >>> mg.tanh(x).backward()\n"
        "    >>> x.grad\n"
        "    array([1.])",
    ),
)
arcsinh = build_ufunc(
    Arcsinh,
    "arcsinh",
    ufunc_doc(
        "Inverse hyperbolic sine, elementwise.",
        "    >>> import mygrad as mg\n    >>> mg.arcsinh(0.0)\n    Tensor(0.)",
    ),
)
arccosh = build_ufunc(
    Arccosh,
    "arccosh",
    ufunc_doc(
        "Inverse hyperbolic cosine, elementwise (nan below 1).",
        "    >>> import mygrad as mg\n    >>> mg.arccosh(1.0)\n    Tensor(0.)",
    ),
)
arctanh = build_ufunc(
    Arctanh,
    "arctanh",
    ufunc_doc(
        "Inverse hyperbolic tangent, elementwise.",
        "    >>> import mygrad as mg\n"
        "    >>> x = mg.tensor(0.5)\n"
        "    >>> mg.arctanh(x).backward()\n"
        "    >>> x.grad.round(6)\n"
        "    np.float64(1.333333)",
    ),
)
sech = build_ufunc(
    Sech,
    "sech",
    ufunc_doc(
        "Hyperbolic secant ``1 / cosh(x)``, elementwise.",
        "    >>> import mygrad as mg\n    >>> mg.sech(0.0)\n    Tensor(1.)",
    ),
)
csch = build_ufunc(
    Csch,
    "csch",
    ufunc_doc(
        "Hyperbolic cosecant ``1 / sinh(x)``, elementwise.",
        "    >>> import mygrad as mg\n    >>> mg.csch(1.0)\n    Tensor(0.85091813)",
    ),
)
coth = build_ufunc(
    Coth,
    "coth",
    ufunc_doc(
        "Hyperbolic cotangent ``1 / tanh(x)``, elementwise.",
        "    >>> import mygrad as mg\n    >>> mg.coth(1.0)\n    Tensor(1.31303529)",
    ),
)
arccoth = build_ufunc(
    Arccoth,
    "arccoth",
    ufunc_doc(
        "Inverse hyperbolic cotangent ``arctanh(1 / x)``, elementwise.",
        "    >>> import mygrad as mg\n    >>> mg.arccoth(2.0)\n    Tensor(0.54930614)",
    ),
)
arccsch = build_ufunc(
    Arccsch,
    "arccsch",
    ufunc_doc(
        "Inverse hyperbolic cosecant ``arcsinh(1 / x)``, elementwise.",
        "    >>> import mygrad as mg\n    >>> mg.arccsch(1.0)\n    Tensor(0.88137359)",
    ),
)
