"""He et al. (2015) initializers, scaled by fan_in, for layers followed by rectifiers.

For a weight of shape ``(out, in, *receptive_field)``, fan_in = in * prod(receptive field).
The gain stands for the rectifier's term sqrt(2 / (1 + a²)) (``sqrt(2)`` for a ReLU).
Each draws once, in float64, from NumPy's global random stream, then casts to ``dtype``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

import numpy as np

from mygrad_core import Tensor
from mygrad_nnet.initializers._common import fans, finish, read_dtype, read_gain, read_shape

if TYPE_CHECKING:  # annotations only
    from mygrad.typing import DTypeLikeReals, Real


__all__ = ["he_normal", "he_uniform"]


def he_normal(
    *shape: int, gain: Union[Real, Tensor] = 1, dtype: DTypeLikeReals = np.float32, constant: Optional[bool] = None
) -> Tensor:
    """A tensor drawn from N(0, std²) with ``std = gain / sqrt(fan_in)``.

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
    >>> from mygrad.nnet.initializers import he_normal
    >>> np.random.seed(0)
    >>> he_normal(2, 4, gain=np.sqrt(2))
    Tensor([[ 1.2473733 ,  0.2829539 ,  0.6920723 ,  1.5845507 ],
            [ 1.320563  , -0.6910398 ,  0.67181396, -0.10702571]],
           dtype=float32)
    >>> he_normal(2, 1, 3, dtype="float16").dtype
    dtype('float16')
    """
    shp = read_shape("he_normal", shape, min_dims=2)
    g = read_gain("he_normal", gain)
    dt = read_dtype("he_normal", dtype)
    fan_in, _ = fans(shp)
    std = g / np.sqrt(fan_in) if fan_in else 0.0
    return finish(np.random.normal(0, std, shp), dt, constant)


def he_uniform(
    *shape: int, gain: Union[Real, Tensor] = 1, dtype: DTypeLikeReals = np.float32, constant: Optional[bool] = None
) -> Tensor:
    """A tensor drawn from U[-b, b) with ``b = gain * sqrt(3 / fan_in)``.

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
    >>> from mygrad.nnet.initializers import he_uniform
    >>> w = he_uniform(5, 3, gain=np.sqrt(2), constant=True)
    >>> w.shape, w.dtype, w.constant
    ((5, 3), dtype('float32'), True)
    >>> bool(np.all(np.abs(w.data) <= np.sqrt(2) * np.sqrt(3 / 3)))
    True
    """
    shp = read_shape("he_uniform", shape, min_dims=2)
    g = read_gain("he_uniform", gain)
    dt = read_dtype("he_uniform", dtype)
    fan_in, _ = fans(shp)
    bound = g * np.sqrt(3 / fan_in) if fan_in else 0.0
    return finish(np.random.uniform(-bound, bound, shp), dt, constant)
