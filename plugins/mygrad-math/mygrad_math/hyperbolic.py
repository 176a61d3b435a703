"""Hyperbolic ufuncs: sinh, cosh, tanh, their inverses, and the reciprocal family
sech, csch, coth, arccoth, arccsch."""

from __future__ import annotations

from typing import Any

import numpy as np

from mygrad_core import UfuncOperation, make_ufunc

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


class Sinh(UfuncOperation):
    """Hyperbolic sine, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor(0.0)
    >>> mg.sinh(x).backward()
    >>> x.grad
    array(1.)
    """

    numpy_ufunc = np.sinh

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * np.cosh(self.variables[0].data)


class Cosh(UfuncOperation):
    """Hyperbolic cosine, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.cosh([0.0])
    Tensor([1.])
    """

    numpy_ufunc = np.cosh

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * np.sinh(self.variables[0].data)


class Tanh(UfuncOperation):
    """Hyperbolic tangent, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([0.0])
    >>> mg.tanh(x).backward()
    >>> x.grad
    array([1.])
    """

    numpy_ufunc = np.tanh

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        out = self.out
        return grad * (1 - out * out)


class Arcsinh(UfuncOperation):
    """Inverse hyperbolic sine, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.arcsinh(0.0)
    Tensor(0.)
    """

    numpy_ufunc = np.arcsinh

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return grad / np.sqrt(x * x + 1)


class Arccosh(UfuncOperation):
    """Inverse hyperbolic cosine, elementwise (nan below 1).

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.arccosh(1.0)
    Tensor(0.)
    """

    numpy_ufunc = np.arccosh

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return grad / np.sqrt(x * x - 1)


class Arctanh(UfuncOperation):
    """Inverse hyperbolic tangent, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor(0.5)
    >>> mg.arctanh(x).backward()
    >>> x.grad.round(6)
    np.float64(1.333333)
    """

    numpy_ufunc = np.arctanh

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return grad / (1 - x * x)


class Sech(UfuncOperation):
    """Hyperbolic secant ``1 / cosh(x)``, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.sech(0.0)
    Tensor(1.)
    """

    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.reciprocal(np.cosh(x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return -grad * self.out * np.tanh(self.variables[0].data)


class Csch(UfuncOperation):
    """Hyperbolic cosecant ``1 / sinh(x)``, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.csch(1.0)
    Tensor(0.85091813)
    """

    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.reciprocal(np.sinh(x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return -grad * self.out / np.tanh(self.variables[0].data)


class Coth(UfuncOperation):
    """Hyperbolic cotangent ``1 / tanh(x)``, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.coth(1.0)
    Tensor(1.31303529)
    """

    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.reciprocal(np.tanh(x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        s = np.sinh(self.variables[0].data)
        return -grad / (s * s)


class Arccoth(UfuncOperation):
    """Inverse hyperbolic cotangent ``arctanh(1 / x)``, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.arccoth(2.0)
    Tensor(0.54930614)
    """

    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.arctanh(np.divide(1.0, x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return grad / (1 - x * x)


class Arccsch(UfuncOperation):
    """Inverse hyperbolic cosecant ``arcsinh(1 / x)``, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.arccsch(1.0)
    Tensor(0.88137359)
    """

    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        return np.arcsinh(np.divide(1.0, x, **kwargs), **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        return -grad / (np.abs(x) * np.sqrt(1 + x * x))

sinh = make_ufunc(Sinh)


cosh = make_ufunc(Cosh)
tanh = make_ufunc(Tanh)
arcsinh = make_ufunc(Arcsinh)
arccosh = make_ufunc(Arccosh)
arctanh = make_ufunc(Arctanh)
sech = make_ufunc(Sech, name="sech", nin=1)
csch = make_ufunc(Csch, name="csch", nin=1)
coth = make_ufunc(Coth, name="coth", nin=1)
arccoth = make_ufunc(Arccoth, name="arccoth", nin=1)
arccsch = make_ufunc(Arccsch, name="arccsch", nin=1)
