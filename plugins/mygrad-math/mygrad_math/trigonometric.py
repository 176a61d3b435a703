"""Trigonometric ufuncs: sin, cos, tan, their inverses, arctan2, and the reciprocal
family sec, csc, cot, arcsec, arccsc, arccot."""

from __future__ import annotations

from typing import Any

import numpy as np

from mygrad_math._base import BinaryUfuncOp, UnaryUfuncOp
from mygrad_math._utils import build_ufunc, ufunc_doc

__all__ = [
    "sin",
    "cos",
    "tan",
    "arcsin",
    "arccos",
    "arctan",
    "arctan2",
    "sec",
    "csc",
    "cot",
    "arcsec",
    "arccsc",
    "arccot",
]


class Sin(UnaryUfuncOp):
    numpy_ufunc = np.sin

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * np.cos(self.variables[0].data)


class Cos(UnaryUfuncOp):
    numpy_ufunc = np.cos

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return -grad * np.sin(self.variables[0].data)


class Tan(UnaryUfuncOp):
    numpy_ufunc = np.tan

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        c = np.cos(self.variables[0].data)
        return grad / (c * c)


class Arcsin(UnaryUfuncOp):
    numpy_ufunc = np.arcsin

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return grad / np.sqrt(1 - x * x)


class Arccos(UnaryUfuncOp):
    numpy_ufunc = np.arccos

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return -grad / np.sqrt(1 - x * x)


class Arctan(UnaryUfuncOp):
    numpy_ufunc = np.arctan

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return grad / (1 + x * x)


class Arctan2(BinaryUfuncOp):
    numpy_ufunc = np.arctan2

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        y = self.variables[0].data
        x = self.variables[1].data
        denom = x * x + y * y
        return grad * x / denom if index == 0 else -grad * y / denom


# ------------------------------------------------------------ the reciprocal family


class Sec(UnaryUfuncOp):
    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.reciprocal(np.cos(x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * self.out * np.tan(self.variables[0].data)


class Csc(UnaryUfuncOp):
    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.reciprocal(np.sin(x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return -grad * self.out / np.tan(self.variables[0].data)


class Cot(UnaryUfuncOp):
    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.reciprocal(np.tan(x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        s = np.sin(self.variables[0].data)
        return -grad / (s * s)


class Arcsec(UnaryUfuncOp):
    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.arccos(np.divide(1.0, x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return grad / (np.abs(x) * np.sqrt(x * x - 1))


class Arccsc(UnaryUfuncOp):
    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.arcsin(np.divide(1.0, x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return -grad / (np.abs(x) * np.sqrt(x * x - 1))


class Arccot(UnaryUfuncOp):
    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.arctan(np.divide(1.0, x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return -grad / (1 + x * x)


sin = build_ufunc(
    Sin,
    "sin",
    ufunc_doc(
        "Trigonometric sine, elementwise.",
        "    >>> import mygrad as mg\n"
        "    >>> x = mg.tensor([0.0, mg.pi / 2])\n"
        "    >>> mg.sin(x).backward()\n"
        "    >>> x.grad.round(6)\n"
        "    array([1., 0.])",
    ),
)
cos = build_ufunc(
    Cos,
    "cos",
    ufunc_doc(
        "Trigonometric cosine, elementwise.",
        "    >>> import mygrad as mg\n    >>> mg.cos([0.0, mg.pi])\n    Tensor([ 1., -1.])",
    ),
)
tan = build_ufunc(
    Tan,
    "tan",
    ufunc_doc(
        "Trigonometric tangent, elementwise.",
        "    >>> import mygrad as mg\n"
        "    >>> x = mg.tensor(0.0)\n"
        "    >>> mg.tan(x).backward()\n"
        "    >>> x.grad\n"
        "    array(1.)",
    ),
)
arcsin = build_ufunc(
    Arcsin,
    "arcsin",
    ufunc_doc(
        "Inverse sine, elementwise (range [-pi/2, pi/2]; nan outside [-1, 1]).",
        "    >>> import mygrad as mg\n    >>> mg.arcsin(1.0)\n    Tensor(1.57079633)",
    ),
)
arccos = build_ufunc(
    Arccos,
    "arccos",
    ufunc_doc(
        "Inverse cosine, elementwise (range [0, pi]; nan outside [-1, 1]).",
        "    >>> import mygrad as mg\n"
        "    >>> mg.arccos([1.0, -1.0])\n"
        "    Tensor([0.        , 3.14159265])",
    ),
)
arctan = build_ufunc(
    Arctan,
    "arctan",
    ufunc_doc(
        "Inverse tangent, elementwise (range (-pi/2, pi/2)).",
        "    >>> import mygrad as mg\n"
        "    >>> x = mg.tensor(1.0)\n"
        "    >>> mg.arctan(x).backward()\n"
        "    >>> x.grad\n"
        "    array(0.5)",
    ),
)
arctan2 = build_ufunc(
    Arctan2,
    "arctan2",
    ufunc_doc(
        "Elementwise arc tangent of ``x1 / x2``, choosing the quadrant correctly.\n\n"
        "    ``x1`` holds the y-coordinates and ``x2`` the x-coordinates; the range is [-pi, pi].",
        "    >>> import mygrad as mg\n"
        "    >>> mg.arctan2([1.0, -1.0], [-1.0, -1.0]) * 180 / mg.pi\n"
        "    Tensor([ 135., -135.])",
        args=("x1", "x2"),
    ),
    args=("x1", "x2"),
)
sec = build_ufunc(
    Sec,
    "sec",
    ufunc_doc(
        "Trigonometric secant ``1 / cos(x)``, elementwise.",
        "    >>> import mygrad as mg\n    >>> mg.sec(0.0)\n    Tensor(1.)",
    ),
)
csc = build_ufunc(
    Csc,
    "csc",
    ufunc_doc(
        "Trigonometric cosecant ``1 / sin(x)``, elementwise.",
        "    >>> import mygrad as mg\n    >>> mg.csc(mg.pi / 2)\n    Tensor(1.)",
    ),
)
cot = build_ufunc(
    Cot,
    "cot",
    ufunc_doc(
        "Trigonometric cotangent ``1 / tan(x)``, elementwise.",
        "    >>> import mygrad as mg\n    >>> round(mg.cot(mg.pi / 4).item(), 6)\n    1.0",
    ),
)
arcsec = build_ufunc(
    Arcsec,
    "arcsec",
    ufunc_doc(
        "Inverse secant ``arccos(1 / x)``, elementwise.",
        "    >>> import mygrad as mg\n    >>> mg.arcsec(1.0)\n    Tensor(0.)",
    ),
)
arccsc = build_ufunc(
    Arccsc,
    "arccsc",
    ufunc_doc(
        "Inverse cosecant ``arcsin(1 / x)``, elementwise.",
        "    >>> import mygrad as mg\n    >>> mg.arccsc(1.0)\n    Tensor(1.57079633)",
    ),
)
arccot = build_ufunc(
    Arccot,
    "arccot",
    ufunc_doc(
        "Inverse cotangent ``arctan(1 / x)``, elementwise (range (-pi/2, pi/2]).",
        "    >>> import mygrad as mg\n    >>> mg.arccot(1.0)\n    Tensor(0.78539816)",
    ),
)
