"""What mygrad-linalg contributes to mygrad (the ``mygrad.plugins`` entry point).

The contributions are derived from the modules' ``__all__``: every name of
:mod:`mygrad_linalg.products` is a top-level ``mygrad`` function overriding
``np.<name>``, every function of :mod:`mygrad_linalg.linalg` overrides
``np.linalg.<name>``; in both cases only where the installed NumPy has that name.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any, Callable, Dict, List

import numpy as np

from mygrad_core import hookimpl
from mygrad_linalg import _einsum, _matmul, decompositions, linalg, products
from mygrad_linalg._einsum import einsum
from mygrad_linalg._matmul import matmul

# the modules whose ``__all__`` are the top-level functions (as mygrad-plugin.json says)
_TOP_LEVEL = (_matmul, _einsum, products)

_NOT_FUNCTIONS = set(decompositions.RESULT_TYPES)
_DATA_ONLY = set(decompositions.NON_DIFFERENTIABLE)


@hookimpl
def mygrad_functions() -> Dict[str, Any]:
    return {name: getattr(module, name) for module in _TOP_LEVEL for name in module.__all__}


@hookimpl
def mygrad_namespaces() -> Dict[str, ModuleType]:
    return {"linalg": linalg}


@hookimpl
def mygrad_numpy_overrides() -> Dict[Callable[..., Any], Callable[..., Any]]:
    overrides: Dict[Callable[..., Any], Callable[..., Any]] = {np.matmul: matmul, np.einsum: einsum}
    for name in products.__all__:
        if hasattr(np, name):  # NumPy-2-only names (vecdot, matvec, ...) where present
            overrides[getattr(np, name)] = getattr(products, name)
    for name in linalg.__all__:
        if name in _NOT_FUNCTIONS or name in _DATA_ONLY:
            continue
        if hasattr(np.linalg, name):
            overrides[getattr(np.linalg, name)] = getattr(linalg, name)
    return overrides


@hookimpl
def mygrad_numpy_data_functions() -> List[Callable[..., Any]]:
    return [getattr(np.linalg, name) for name in decompositions.NON_DIFFERENTIABLE]


@hookimpl
def mygrad_tensor_methods() -> Dict[str, Callable[..., Any]]:
    return {"__matmul__": matmul}
