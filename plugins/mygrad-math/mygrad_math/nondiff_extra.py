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

import numpy as np

# Every name: the same object as NumPy's (NumPy 2 may drop some aliases, hence getattr).
_NAMES = (
    "round around fix isreal iscomplex iscomplexobj all argsort argpartition argwhere "
    "nonzero flatnonzero count_nonzero searchsorted isneginf isposinf array_equal "
    "array_equiv unique histogram digitize heaviside"
).split()
_COMPARISONS = "greater less equal not_equal greater_equal less_equal".split()

__all__: List[str] = [n for n in _NAMES + _COMPARISONS if hasattr(np, n)]

globals().update({n: getattr(np, n) for n in __all__})

# run on the data for any tensor (the comparisons are the core's)
NUMPY_DATA_FUNCTIONS: List[Any] = [getattr(np, n) for n in _NAMES if hasattr(np, n)]
