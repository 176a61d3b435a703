"""Glorot & Bengio (2010) initializers, scaled by fan_in + fan_out.

For a weight of shape ``(out, in, *receptive_field)``, fan_in = in * prod(receptive field)
and fan_out = out * prod(receptive field). Each draws once, in float64, from NumPy's
global random stream, then casts to ``dtype``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

import numpy as np

from mygrad_core import Tensor
from mygrad_nnet.initializers._common import fans, finish, read_dtype, read_gain, read_shape

if TYPE_CHECKING:  # annotations only
    from mygrad.typing import DTypeLikeReals, Real


__all__ = ["glorot_normal", "glorot_uniform"]


def glorot_normal(
    *shape: int, gain: Union[Real, Tensor] = 1, dtype: DTypeLikeReals = np.float32, constant: Optional[bool] = None
) -> Tensor:
    """A tensor drawn from N(0, std²) with ``std = gain * sqrt(2 / (fan_in + fan_out))``.

    Parameters
    ----------
    *shape : int
        The output shape, at least 2-D: ``(out, in, *receptive_field)``.
    gain : Real, optional (default=1)
        A scaling factor (a number or a 0-D tensor).
    dtype : data-type, optional (default=float32)
        A floating-point type (a type or a string such as "float64").
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor, shape-``shape``

    Examples
    --------
    >>> import numpy as np
    >>> from mygrad.nnet.initializers import glorot_normal
    >>> np.random.seed(0)
    >>> w = glorot_normal(300, 200, dtype="float64")
    >>> w.shape, w.dtype
    ((300, 200), dtype('float64'))
    >>> round(float(w.data.std() / np.sqrt(2 / (300 + 200))), 1)
    1.0
    """
    shp = read_shape("glorot_normal", shape, min_dims=2)
    g = read_gain("glorot_normal", gain)
    dt = read_dtype("glorot_normal", dtype)
    fan_in, fan_out = fans(shp)
    std = g * np.sqrt(2 / (fan_in + fan_out)) if fan_in + fan_out else 0.0
    return finish(np.random.normal(0, std, shp), dt, constant)


def glorot_uniform(
    *shape: int, gain: Union[Real, Tensor] = 1, dtype: DTypeLikeReals = np.float32, constant: Optional[bool] = None
) -> Tensor:
    """A tensor drawn from U[-b, b) with ``b = gain * sqrt(6 / (fan_in + fan_out))``.

    Parameters
    ----------
    *shape : int
        The output shape, at least 2-D: ``(out, in, *receptive_field)``.
    gain : Real, optional (default=1)
        A scaling factor (a number or a 0-D tensor).
    dtype : data-type, optional (default=float32)
        A floating-point type (a type or a string such as "float64").
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor, shape-``shape``

    Examples
    --------
    >>> import numpy as np
    >>> from mygrad.nnet.initializers import glorot_uniform
    >>> w = glorot_uniform(4, 2, gain=2)
    >>> w.shape, w.dtype
    ((4, 2), dtype('float32'))
    >>> bool(np.all(np.abs(w.data) <= 2 * np.sqrt(6 / (4 + 2))))
    True
    """
    shp = read_shape("glorot_uniform", shape, min_dims=2)
    g = read_gain("glorot_uniform", gain)
    dt = read_dtype("glorot_uniform", dtype)
    fan_in, fan_out = fans(shp)
    bound = g * np.sqrt(6 / (fan_in + fan_out)) if fan_in + fan_out else 0.0
    return finish(np.random.uniform(-bound, bound, shp), dt, constant)
