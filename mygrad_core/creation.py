"""Tensor-creation routines (``mygrad.tensor_creation``).

These create leaf tensors (no graph). Integer/bool results are constants; float
results are not, unless ``constant=True``.
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np

from mygrad_core.tensor_base import (  # noqa: F401  (tensor, astensor: re-exported)
    Tensor,
    _check_kind,
    _infer_constant,
    _new_tensor,
    asarray,
    astensor,
    tensor,
)

__all__ = [
    "tensor",
    "astensor",
    "asarray",
    "ones",
    "ones_like",
    "zeros",
    "zeros_like",
    "eye",
    "identity",
    "full",
    "full_like",
    "empty",
    "empty_like",
    "arange",
    "linspace",
    "logspace",
    "geomspace",
]


def _leaf(arr: np.ndarray, constant: Optional[bool], func: str) -> Tensor:
    _check_kind(arr, func)
    return _new_tensor(arr, _infer_constant(arr, constant, func))


def ones(shape: Any, dtype: Any = np.float32, *, constant: Optional[bool] = None) -> Tensor:
    """A tensor of ones (float32 by default).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.ones(2)
    Tensor([1., 1.], dtype=float32)
    """
    return _leaf(np.ones(shape, dtype=dtype), constant, "ones")


def zeros(shape: Any, dtype: Any = np.float32, *, constant: Optional[bool] = None) -> Tensor:
    """A tensor of zeros (float32 by default).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.zeros((1, 2), dtype=int)
    Tensor([[0, 0]])
    """
    return _leaf(np.zeros(shape, dtype=dtype), constant, "zeros")


def empty(shape: Any, dtype: Any = np.float32, *, constant: Optional[bool] = None) -> Tensor:
    """An uninitialized tensor (float32 by default).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.empty((2, 3)).shape
    (2, 3)
    """
    return _leaf(np.empty(shape, dtype=dtype), constant, "empty")


def _like(func: str, np_func: Any, other: Any, dtype: Any, shape: Any, constant: Optional[bool], *fill: Any) -> Tensor:
    src = other.data if isinstance(other, Tensor) else np.asarray(other)
    arr = np_func(src, *fill, dtype=dtype, shape=shape)
    if constant is None and isinstance(other, Tensor) and arr.dtype.kind == "f":
        constant = other.constant
    return _leaf(arr, constant, func)


def ones_like(other: Any, dtype: Any = None, shape: Any = None, *, constant: Optional[bool] = None) -> Tensor:
    """A tensor of ones with the shape and dtype of ``other``.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.ones_like(mgc.tensor([1.0, 2.0]))
    Tensor([1., 1.])
    """
    return _like("ones_like", np.ones_like, other, dtype, shape, constant)


def zeros_like(other: Any, dtype: Any = None, shape: Any = None, *, constant: Optional[bool] = None) -> Tensor:
    """A tensor of zeros with the shape and dtype of ``other``.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.zeros_like([1, 2])
    Tensor([0, 0])
    """
    return _like("zeros_like", np.zeros_like, other, dtype, shape, constant)


def empty_like(other: Any, dtype: Any = None, shape: Any = None, *, constant: Optional[bool] = None) -> Tensor:
    """An uninitialized tensor with the shape and dtype of ``other``.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.empty_like(mgc.zeros((2, 3))).shape
    (2, 3)
    """
    return _like("empty_like", np.empty_like, other, dtype, shape, constant)


def full_like(other: Any, fill_value: Any, dtype: Any = None, shape: Any = None, constant: Optional[bool] = None) -> Tensor:
    """A tensor filled with ``fill_value`` with the shape and dtype of ``other``.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.full_like(mgc.tensor([1, 2]), 0.1)
    Tensor([0, 0])
    """
    if isinstance(fill_value, Tensor):
        fill_value = fill_value.data
    return _like("full_like", np.full_like, other, dtype, shape, constant, fill_value)


def full(shape: Any, fill_value: Any, dtype: Any = None, *, constant: Optional[bool] = None) -> Tensor:
    """A tensor filled with ``fill_value`` (dtype inferred from it); not differentiable.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.full((2,), 33)
    Tensor([33, 33])
    """
    if isinstance(fill_value, Tensor):
        fill_value = fill_value.data
    return _leaf(np.full(shape, fill_value, dtype=dtype), constant, "full")


def eye(N: int, M: Optional[int] = None, k: int = 0, dtype: Any = float, *, constant: Optional[bool] = None) -> Tensor:
    """A 2-D tensor with ones on the ``k``-th diagonal.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.eye(2, dtype=int)
    Tensor([[1, 0],
            [0, 1]])
    """
    return _leaf(np.eye(N, M, k=k, dtype=dtype), constant, "eye")


def identity(n: int, dtype: Any = float, *, constant: Optional[bool] = None) -> Tensor:
    """The ``n x n`` identity tensor.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.identity(2)
    Tensor([[1., 0.],
            [0., 1.]])
    """
    return _leaf(np.identity(n, dtype=dtype), constant, "identity")


def arange(*args: Any, dtype: Any = None, constant: Optional[bool] = None, **kwargs: Any) -> Tensor:
    """Evenly spaced values in ``[start, stop)``: ``arange([start,] stop[, step])``.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.arange(3)
    Tensor([0, 1, 2])
    >>> mgc.arange(3.0, 7.0, 2)
    Tensor([3., 5.])
    """
    return _leaf(np.arange(*args, dtype=dtype, **kwargs), constant, "arange")


def linspace(
    start: Any, stop: Any, num: int = 50, endpoint: bool = True, dtype: Any = None, axis: int = 0, *, constant: Optional[bool] = None
) -> Tensor:
    """``num`` evenly spaced samples over ``[start, stop]``.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.linspace(2.0, 3.0, num=5)
    Tensor([2.  , 2.25, 2.5 , 2.75, 3.  ])
    """
    arr = np.linspace(asarray(start), asarray(stop), num=num, endpoint=endpoint, dtype=dtype, axis=axis)
    return _leaf(arr, constant, "linspace")


def logspace(
    start: Any, stop: Any, num: int = 50, endpoint: bool = True, base: float = 10, dtype: Any = None, axis: int = 0, *, constant: Optional[bool] = None
) -> Tensor:
    """Samples evenly spaced on a log scale; not differentiable.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.logspace(2.0, 3.0, num=4, base=2)
    Tensor([4.        , 5.0396842 , 6.34960421, 8.        ])
    """
    arr = np.logspace(asarray(start), asarray(stop), num=num, endpoint=endpoint, base=base, dtype=dtype, axis=axis)
    return _leaf(arr, constant, "logspace")


def geomspace(
    start: Any, stop: Any, num: int = 50, endpoint: bool = True, dtype: Any = None, axis: int = 0, *, constant: Optional[bool] = None
) -> Tensor:
    """Samples evenly spaced on a log scale (a geometric progression).

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.geomspace(1, 1000, num=4)
    Tensor([   1.,   10.,  100., 1000.])
    """
    arr = np.geomspace(asarray(start), asarray(stop), num=num, endpoint=endpoint, dtype=dtype, axis=axis)
    return _leaf(arr, constant, "geomspace")

