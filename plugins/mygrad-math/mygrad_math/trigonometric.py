"""Trigonometric ufuncs: sin, cos, tan, their inverses, arctan2, and the reciprocal
family sec, csc, cot, arcsec, arccsc, arccot."""

from __future__ import annotations

from typing import Any

import numpy as np

from mygrad_core import UfuncOperation, make_ufunc

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


class Sin(UfuncOperation):
    """Trigonometric sine, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([0.0, mg.pi / 2])
    >>> mg.sin(x).backward()
    >>> x.grad.round(6)
    array([1., 0.])
    """

    numpy_ufunc = np.sin

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * np.cos(self.variables[0].data)


class Cos(UfuncOperation):
    """Trigonometric cosine, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.cos([0.0, mg.pi])
    Tensor([ 1., -1.])
    """

    numpy_ufunc = np.cos

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return -grad * np.sin(self.variables[0].data)


class Tan(UfuncOperation):
    """Trigonometric tangent, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor(0.0)
    >>> mg.tan(x).backward()
    >>> x.grad
    array(1.)
    """

    numpy_ufunc = np.tan

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        c = np.cos(self.variables[0].data)
        return grad / (c * c)


class Arcsin(UfuncOperation):
    """Inverse sine, elementwise (range [-pi/2, pi/2]; nan outside [-1, 1]).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.arcsin(1.0)
    Tensor(1.57079633)
    """

    numpy_ufunc = np.arcsin

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return grad / np.sqrt(1 - x * x)


class Arccos(UfuncOperation):
    """Inverse cosine, elementwise (range [0, pi]; nan outside [-1, 1]).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.arccos([1.0, -1.0])
    Tensor([0.        , 3.14159265])
    """

    numpy_ufunc = np.arccos

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return -grad / np.sqrt(1 - x * x)


class Arctan(UfuncOperation):
    """Inverse tangent, elementwise (range (-pi/2, pi/2)).

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor(1.0)
    >>> mg.arctan(x).backward()
    >>> x.grad
    array(0.5)
    """

    numpy_ufunc = np.arctan

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return grad / (1 + x * x)


class Arctan2(UfuncOperation):
    """Elementwise arc tangent of ``x1 / x2``, choosing the quadrant correctly.

    ``x1`` holds the y-coordinates and ``x2`` the x-coordinates; the range is [-pi, pi].

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.arctan2([1.0, -1.0], [-1.0, -1.0]) * 180 / mg.pi
    Tensor([ 135., -135.])
    """

    numpy_ufunc = np.arctan2

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        y = self.variables[0].data
        x = self.variables[1].data
        denom = x * x + y * y
        return grad * x / denom if index == 0 else -grad * y / denom


# ------------------------------------------------------------ the reciprocal family


class Sec(UfuncOperation):
    """Trigonometric secant ``1 / cos(x)``, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.sec(0.0)
    Tensor(1.)
    """

    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.reciprocal(np.cos(x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * self.out * np.tan(self.variables[0].data)


class Csc(UfuncOperation):
    """Trigonometric cosecant ``1 / sin(x)``, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.csc(mg.pi / 2)
    Tensor(1.)
    """

    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.reciprocal(np.sin(x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return -grad * self.out / np.tan(self.variables[0].data)


class Cot(UfuncOperation):
    """Trigonometric cotangent ``1 / tan(x)``, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> round(mg.cot(mg.pi / 4).item(), 6)
    1.0
    """

    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.reciprocal(np.tan(x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        s = np.sin(self.variables[0].data)
        return -grad / (s * s)


class Arcsec(UfuncOperation):
    """Inverse secant ``arccos(1 / x)``, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.arcsec(1.0)
    Tensor(0.)
    """

    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.arccos(np.divide(1.0, x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return grad / (np.abs(x) * np.sqrt(x * x - 1))


class Arccsc(UfuncOperation):
    """Inverse cosecant ``arcsin(1 / x)``, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.arccsc(1.0)
    Tensor(1.57079633)
    """

    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.arcsin(np.divide(1.0, x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return -grad / (np.abs(x) * np.sqrt(x * x - 1))


class Arccot(UfuncOperation):
    """Inverse cotangent ``arctan(1 / x)``, elementwise (range (-pi/2, pi/2]).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.arccot(1.0)
    Tensor(0.78539816)
    """

    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.arctan(np.divide(1.0, x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return -grad / (1 + x * x)

sin = make_ufunc(Sin)


cos = make_ufunc(Cos)
tan = make_ufunc(Tan)
arcsin = make_ufunc(Arcsin)
arccos = make_ufunc(Arccos)
arctan = make_ufunc(Arctan)
arctan2 = make_ufunc(Arctan2)
sec = make_ufunc(Sec, name="sec", nin=1)
csc = make_ufunc(Csc, name="csc", nin=1)
cot = make_ufunc(Cot, name="cot", nin=1)
arcsec = make_ufunc(Arcsec, name="arcsec", nin=1)
arccsc = make_ufunc(Arccsc, name="arccsc", nin=1)
arccot = make_ufunc(Arccot, name="arccot", nin=1)
