"""Plain random initializers: normal and uniform draws of any shape.

Each draws once, in float64, from NumPy's global random stream (so ``np.random.seed``
and ``mygrad.random.seed`` make it reproducible), then casts to ``dtype``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import numpy as np

from mygrad_core import Tensor
from mygrad_nnet._utils import real_number
from mygrad_nnet.initializers._common import finish, read_dtype, read_shape

if TYPE_CHECKING:  # annotations only
    from mygrad.typing import DTypeLikeReals, Real


__all__ = ["normal", "uniform"]


def normal(
    *shape: int,
    mean: Real = 0,
    std: Real = 1,
    dtype: DTypeLikeReals = np.float32,
    constant: Optional[bool] = None,
) -> Tensor:
    """A tensor of ``shape`` drawn from the normal distribution N(mean, std²).

    Parameters
    ----------
    *shape : int
        The output shape, as separate ints (or one tuple); any number of dimensions.
    mean : Real, optional (default=0)
    std : Real, optional (default=1)
        Non-negative.
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
    >>> from mygrad.nnet.initializers import normal
    >>> np.random.seed(0)
    >>> normal(2, 3)
    Tensor([[ 1.7640524,  0.4001572,  0.978738 ],
            [ 2.2408931,  1.867558 , -0.9772779]], dtype=float32)
    >>> normal(3, mean=10, std=0.5, dtype="float64")
    Tensor([10.47504421,  9.9243214 ,  9.94839057])
    """
    shp = read_shape("normal", shape)
    m = real_number("normal", "mean", mean)
    s = real_number("normal", "std", std)
    if not s >= 0:
        raise ValueError(f"normal: `std` must be a non-negative number, got {std!r}")
    dt = read_dtype("normal", dtype)
    return finish(np.random.normal(m, s, shp), dt, constant)


def uniform(
    *shape: int,
    lower_bound: Real = 0,
    upper_bound: Real = 1,
    dtype: DTypeLikeReals = np.float32,
    constant: Optional[bool] = None,
) -> Tensor:
    """A tensor of ``shape`` drawn uniformly from ``[lower_bound, upper_bound)``.

    Parameters
    ----------
    *shape : int
        The output shape, as separate ints (or one tuple); any number of dimensions.
    lower_bound : Real, optional (default=0)
        Inclusive.
    upper_bound : Real, optional (default=1)
        Exclusive; must exceed ``lower_bound``.
    dtype : data-type, optional (default=float32)
        A floating-point type (a type or a string such as "float16").
    constant : Optional[bool]
        If True the result is a constant (it back-propagates no gradient).

    Returns
    -------
    Tensor, shape-``shape``

    Examples
    --------
    >>> import numpy as np
    >>> from mygrad.nnet.initializers import uniform
    >>> np.random.seed(0)
    >>> uniform(2, 2, lower_bound=-1, upper_bound=1)
    Tensor([[0.09762701, 0.43037874],
            [0.20552675, 0.08976637]], dtype=float32)
    >>> uniform(3, dtype="float16", constant=True)
    Tensor([0.4236, 0.646 , 0.4375], dtype=float16)
    """
    shp = read_shape("uniform", shape)
    lo = real_number("uniform", "lower_bound", lower_bound)
    hi = real_number("uniform", "upper_bound", upper_bound)
    if not lo < hi:
        raise ValueError(
            f"uniform: `lower_bound` ({lower_bound!r}) must be less than `upper_bound` ({upper_bound!r})"
        )
    dt = read_dtype("uniform", dtype)
    return finish(np.random.uniform(lo, hi, shp), dt, constant)
