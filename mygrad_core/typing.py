"""Type aliases used in MyGrad's signatures (importable as ``mygrad.typing``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, Sequence, Tuple, Type, Union

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from mygrad_core.tensor_base import Tensor

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


Real = Union[int, float, np.integer, np.floating]
Shape = Tuple[int, ...]
ArrayLike = Union[Real, "Tensor", np.ndarray, Sequence[Any], SupportsArray]
DTypeLike = Union[np.dtype, Type[Any], str, None]
DTypeLikeReals = Union[
    Type[bool], Type[int], Type[float], Type[np.bool_], Type[np.integer], Type[np.floating], np.dtype, str
]
Mask = Union[bool, np.ndarray, Sequence[bool]]
Index = Any
