"""What mygrad-linalg contributes to mygrad (the ``mygrad.plugins`` entry point)."""

from __future__ import annotations

from types import ModuleType
from typing import Any, Callable, Dict

import numpy as np

from mygrad_core import hookimpl
from mygrad_linalg import linalg
from mygrad_linalg._einsum import einsum
from mygrad_linalg._matmul import matmul, multi_matmul


@hookimpl
def mygrad_functions() -> Dict[str, Any]:
    return {"matmul": matmul, "multi_matmul": multi_matmul, "einsum": einsum}


@hookimpl
def mygrad_namespaces() -> Dict[str, ModuleType]:
    return {"linalg": linalg}


@hookimpl
def mygrad_numpy_overrides() -> Dict[Callable[..., Any], Callable[..., Any]]:
    return {np.matmul: matmul, np.einsum: einsum, np.linalg.norm: linalg.norm}


@hookimpl
def mygrad_tensor_methods() -> Dict[str, Callable[..., Any]]:
    return {"__matmul__": matmul}
