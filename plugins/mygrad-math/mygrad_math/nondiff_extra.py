"""More NumPy functions that accept tensors without being differentiable: they run on
the tensors' data and return NumPy's ndarray (or scalar, tuple) results.

``mygrad.round(t)`` *is* ``numpy.round`` (and so on): NumPy hands the call back to
MyGrad, which runs it on the data. The comparison ufuncs (``greater`` ...) are
registered by the core; this module only gives them their ``mygrad`` names.

Examples
--------
>>> import mygrad as mg
>>> x = mg.tensor([0.5, -2.0, 3.0])
>>> mg.argsort(x)
array([1, 0, 2])
>>> mg.greater(x, 0.0)
array([ True, False,  True])
"""

from __future__ import annotations

from typing import Any, List

from numpy import (
    all,
    argpartition,
    argsort,
    argwhere,
    around,
    array_equal,
    array_equiv,
    count_nonzero,
    digitize,
    equal,
    fix,
    flatnonzero,
    greater,
    greater_equal,
    heaviside,
    histogram,
    iscomplex,
    iscomplexobj,
    isneginf,
    isposinf,
    isreal,
    less,
    less_equal,
    nonzero,
    not_equal,
    round,
    searchsorted,
    unique,
)

__all__ = [
    "round",
    "around",
    "fix",
    "isreal",
    "iscomplex",
    "iscomplexobj",
    "all",
    "argsort",
    "argpartition",
    "argwhere",
    "nonzero",
    "flatnonzero",
    "count_nonzero",
    "searchsorted",
    "isneginf",
    "isposinf",
    "array_equal",
    "array_equiv",
    "unique",
    "histogram",
    "digitize",
    "heaviside",
    # the comparison ufuncs are registered by the core; these are their mygrad names
    "greater",
    "less",
    "equal",
    "not_equal",
    "greater_equal",
    "less_equal",
]
_COMPARISONS = ("greater", "less", "equal", "not_equal", "greater_equal", "less_equal")

# run on the data for any tensor (the comparisons are the core's)
NUMPY_DATA_FUNCTIONS: List[Any] = [globals()[n] for n in __all__ if n not in _COMPARISONS]
