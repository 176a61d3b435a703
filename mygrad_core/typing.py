"""Type aliases used in MyGrad's signatures (importable as ``mygrad.typing``).

Type checkers see each name as the union it stands for. At run time each is a plain
class (as in MyGrad, whose docs print ``mygrad.typing._dtype_like.DTypeLikeReals``), so
that tools which need a class, such as hypothesis's ``register_type_strategy``, accept
them. They are markers only: ``isinstance`` against them is always False.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, Sequence, Tuple, Type, Union

import numpy as np

__all__ = [
    "ArrayLike",
    "DTypeLike",
    "DTypeLikeReals",
    "Index",
    "Mask",
    "Real",
    "Shape",
    "SupportsArray",
]


class SupportsArray(Protocol):
    def __array__(self, dtype: Any = None) -> np.ndarray: ...  # pragma: no cover


if TYPE_CHECKING:  # pragma: no cover
    from mygrad_core.tensor_base import Tensor

    Real = Union[int, float, np.integer, np.floating]
    Shape = Tuple[int, ...]
    ArrayLike = Union[Real, Tensor, np.ndarray, Sequence[Any], SupportsArray]
    DTypeLike = Union[np.dtype, Type[Any], str, None]
    DTypeLikeReals = Union[
        Type[bool], Type[int], Type[float], Type[np.bool_], Type[np.integer], Type[np.floating], np.dtype, str
    ]
    Mask = Union[bool, np.ndarray, Sequence[bool]]
    Index = Any
else:

    class Real:
        """A real number: ``int``, ``float``, ``numpy.integer`` or ``numpy.floating``."""

    class Shape:
        """A shape: a tuple of non-negative ints."""

    class ArrayLike:
        """Anything that converts to a tensor: a number, a sequence, an array, a Tensor or
        an object with ``__array__``."""

    class DTypeLike:
        """Anything ``numpy.dtype`` accepts."""

    class DTypeLikeReals:
        """A dtype-like of real numbers: bool, integer or floating types, a
        ``numpy.dtype`` of one, or its name."""

    class Mask:
        """A boolean mask: a bool, a boolean array or a sequence of bools."""

    class Index:
        """Anything NumPy accepts as an index."""
