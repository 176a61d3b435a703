"""The benchmark's elementwise chain, written as a third party writes its ops.

``multiply``, ``add``, ``sin``, ``exp`` and ``square`` duplicate ops that mygrad already
has: they exist so that ``tests/bench`` (workload ``third_party_ops``) can time the
``small_ops`` chain through ops defined outside mygrad's own plugins, with the public
op-authoring API only, and compare them with the built-in ops. They are deliberately not
contributed to ``mygrad`` (their names would clash with the built-in ones): import them
from this module.

Examples
--------
>>> import mygrad_core as mgc
>>> from mygrad_example import bench_ops
>>> x = mgc.tensor([0.0, 1.0])
>>> bench_ops.square(bench_ops.multiply(x, 3.0)).sum().backward()
>>> x.grad
array([ 0., 18.])
"""

from __future__ import annotations

from typing import Any

import numpy as np

from mygrad_core import UfuncOperation, make_ufunc

__all__ = ["multiply", "add", "sin", "exp", "square"]


class Multiply(UfuncOperation):
    """x * y."""

    numpy_ufunc = np.multiply

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * self.variables[1 - index].data


class Add(UfuncOperation):
    """x + y."""

    numpy_ufunc = np.add

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad


class Sin(UfuncOperation):
    """sin(x)."""

    numpy_ufunc = np.sin

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * np.cos(self.variables[0].data)


class Exp(UfuncOperation):
    """exp(x)."""

    numpy_ufunc = np.exp

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * self.out  # the forward result, as mygrad-math's exp uses it


class Square(UfuncOperation):
    """x ** 2."""

    numpy_ufunc = np.square

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * (2 * self.variables[0].data)


multiply = make_ufunc(Multiply)
add = make_ufunc(Add)
sin = make_ufunc(Sin)
exp = make_ufunc(Exp)
square = make_ufunc(Square)
