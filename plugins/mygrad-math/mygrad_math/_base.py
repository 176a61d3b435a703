"""Base classes of the elementwise ops: a short forward path when no ``where=``/``dtype=``.

Each op's output is kept as ``self.out``: many gradients are cheapest written in terms
of it (exp, tanh, sqrt ...). In-place writes never touch it, because the core gives a
written tensor new memory whenever its old values are still part of a graph.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from mygrad_core import Tensor, UfuncOperation

__all__ = ["UnaryUfuncOp", "BinaryUfuncOp"]


def _direct(cls: Any) -> Any:
    """The NumPy ufunc to call directly, or None when the class overrides ``forward``."""
    for klass in cls.__mro__:
        if "forward" in klass.__dict__:
            return cls.numpy_ufunc if klass is UfuncOperation else None
    return None  # pragma: no cover - UfuncOperation defines forward


class UnaryUfuncOp(UfuncOperation):
    """An elementwise op of one tensor; set ``numpy_ufunc`` or override ``forward``."""

    out: np.ndarray
    _direct: Any = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._direct = _direct(cls)

    def __call__(self, x: Tensor, **kwargs: Any) -> np.ndarray:  # type: ignore[override]
        if kwargs:
            out = UfuncOperation.__call__(self, x, **kwargs)
        else:
            self.variables = (x,)
            f = self._direct
            out = f(x.data) if f is not None else self.forward(x.data)
        self.out = out
        return out


class BinaryUfuncOp(UfuncOperation):
    """An elementwise op of two tensors; set ``numpy_ufunc`` or override ``forward``."""

    out: np.ndarray
    _direct: Any = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._direct = _direct(cls)

    def __call__(self, x1: Tensor, x2: Tensor, **kwargs: Any) -> np.ndarray:  # type: ignore[override]
        if kwargs:
            out = UfuncOperation.__call__(self, x1, x2, **kwargs)
        else:
            self.variables = (x1, x2)
            f = self._direct
            out = f(x1.data, x2.data) if f is not None else self.forward(x1.data, x2.data)
        self.out = out
        return out
