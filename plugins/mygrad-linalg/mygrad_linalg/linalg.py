"""The ``mygrad.linalg`` namespace: differentiable ``numpy.linalg``.

Its ``__all__`` is made of the modules that implement it: :mod:`mygrad_linalg._norm`
(``norm``), :mod:`mygrad_linalg.decompositions` (inverses, solvers, factorizations,
``matrix_rank`` and ``cond``) and :mod:`mygrad_linalg.array_api` (NumPy 2's array-API
spellings).
"""

from __future__ import annotations

from mygrad_linalg import _norm, array_api, decompositions
from mygrad_linalg._norm import *  # noqa: F401,F403
from mygrad_linalg.array_api import *  # noqa: F401,F403
from mygrad_linalg.decompositions import *  # noqa: F401,F403

__all__ = [*_norm.__all__, *decompositions.__all__, *array_api.__all__]
