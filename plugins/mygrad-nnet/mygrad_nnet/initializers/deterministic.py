"""Initializers without randomness: constant, dirac and identity."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import numpy as np

from mygrad_core import Tensor, tensor
from mygrad_nnet.initializers._common import read_dtype, read_shape

if TYPE_CHECKING:  # annotations only
    from mygrad.typing import ArrayLike, DTypeLikeReals


__all__ = ["constant", "dirac", "identity"]



def constant(
    *shape: int, value: ArrayLike = 0.0, dtype: Optional[DTypeLikeReals] = None, constant: Optional[bool] = None) -> Tensor:
    """A tensor of ``shape`` filled with ``value``.

    Parameters
    ----------
    *shape : int
        The output shape, as separate ints (or one tuple); any number of dimensions.
    value : ArrayLike, optional (default=0.0)
        The fill value (anything that broadcasts to ``shape``).
    dtype : data-type, optional (default=None, meaning float32)
        The output's dtype (float32 unless given, like every nnet initializer).
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor, shape-``shape``

    Examples
    --------
    >>> from mygrad.nnet.initializers import constant
    >>> constant(2, 3, value=0.5)
    Tensor([[0.5, 0.5, 0.5],
            [0.5, 0.5, 0.5]], dtype=float32)
    >>> constant((2,), dtype="float64")
    Tensor([0., 0.])
    """
    shp = read_shape("constant", shape)
    dt = read_dtype("constant", np.float32 if dtype is None else dtype, floats_only=False)
    data = value.data if isinstance(value, Tensor) else value
    try:
        arr = np.full(shp, data, dtype=dt)
    except ValueError as e:
        raise ValueError(f"constant: `value` {value!r} does not fit `shape` {shp} ({e})") from None
    return tensor(arr, constant=constant, copy=False)


def dirac(*shape: int, dtype: DTypeLikeReals = np.float32, constant: Optional[bool] = None) -> Tensor:
    """The Dirac-delta initialization of Zagoruyko & Komodakis (2017): a convolution
    weight ``(out, in, *kernel)`` that passes its input through unchanged.

    Entry ``[i, i, k0//2, k1//2, ...]`` is 1 for ``i < min(out, in)`` (the centre of the
    kernel); every other entry is 0. A 2-D shape gives the identity matrix (or its
    rectangular version).

    Parameters
    ----------
    *shape : int
        The output shape, at least 2-D: ``(out, in, *kernel)``.
    dtype : data-type, optional (default=float32)
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor, shape-``shape``

    Examples
    --------
    >>> from mygrad.nnet.initializers import dirac
    >>> dirac(2, 3)
    Tensor([[1., 0., 0.],
            [0., 1., 0.]], dtype=float32)
    >>> dirac(2, 2, 3)
    Tensor([[[0., 1., 0.],
             [0., 0., 0.]],
    <BLANKLINE>
            [[0., 0., 0.],
             [0., 1., 0.]]], dtype=float32)
    """
    shp = read_shape("dirac", shape, min_dims=2)
    dt = read_dtype("dirac", dtype, floats_only=False)
    arr = np.zeros(shp, dtype=dt)
    if arr.size:
        diag = np.arange(min(shp[0], shp[1]))
        centre = tuple(k // 2 for k in shp[2:])
        arr[(diag, diag) + centre] = 1
    return tensor(arr, constant=constant, copy=False)


def identity(n: int, dtype: DTypeLikeReals = np.float32, *, constant: Optional[bool] = None) -> Tensor:
    """The shape-(n, n) identity matrix: ones on the diagonal, zeros elsewhere.

    Parameters
    ----------
    n : int
        The number of rows (and columns).
    dtype : data-type, optional (default=float32)
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor, shape-(n, n)

    Examples
    --------
    >>> from mygrad.nnet.initializers import identity
    >>> identity(2)
    Tensor([[1., 0.],
            [0., 1.]], dtype=float32)
    """
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, (int, np.integer)):
        raise TypeError(f"identity: `n` must be an int, got {n!r}")
    if n < 0:
        raise ValueError(f"identity: `n` must be non-negative, got {n}")
    dt = read_dtype("identity", dtype, floats_only=False)
    return tensor(np.eye(int(n), dtype=dt), constant=constant, copy=False)
