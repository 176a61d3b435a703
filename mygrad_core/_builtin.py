"""The core's own contributions, registered through the same hooks as any plugin:
its NumPy overrides and the Tensor methods it fills (``x[i]``, ``x.reshape``, the NumPy
protocols ...)."""

from __future__ import annotations

from typing import Any, Callable, Dict

import numpy as np

from mygrad_core import (
    creation,
    creation_diff,
    diagonals,
    dispatch,
    indexing,
    joining,
    rearranging,
    shape,
)
from mygrad_core.hookspecs import hookimpl


@hookimpl
def mygrad_tensor_methods() -> Dict[str, Callable[..., Any]]:
    return {
        "__getitem__": indexing.getitem,
        "__setitem__": indexing.setitem,
        "__array_ufunc__": dispatch.array_ufunc,
        "__array_function__": dispatch.array_function,
        "_set_shape": shape.set_shape,
        "reshape": shape.reshape,
        "transpose": shape.transpose,
        "flatten": shape.flatten,
        "ravel": shape.ravel,
        "swapaxes": shape.swapaxes,
        "moveaxis": shape.moveaxis,
        "squeeze": shape.squeeze,
        "repeat": shape.repeat,
    }


@hookimpl
def mygrad_numpy_overrides() -> Dict[Any, Any]:
    out: Dict[Any, Any] = {}
    for name in shape.__all__:
        if hasattr(np, name):
            out[getattr(np, name)] = getattr(shape, name)
    out[np.where] = indexing.where
    # NumPy-2-only names (unstack, matrix_transpose, permute_dims, astype) are
    # overridden only where this NumPy has them
    for module in (rearranging, joining, diagonals):
        for name in module.__all__:
            if hasattr(np, name):
                out[getattr(np, name)] = getattr(module, name)
    out[np.linspace] = creation_diff._numpy_linspace
    for name in ("ones_like", "zeros_like", "full_like", "empty_like"):
        out[getattr(np, name)] = getattr(creation, name)
    return out


@hookimpl
def mygrad_numpy_data_functions() -> list:
    return [
        np.equal,
        np.not_equal,
        np.less,
        np.less_equal,
        np.greater,
        np.greater_equal,
        np.shares_memory,
        np.may_share_memory,
        np.shape,
        np.ndim,
        np.size,
        np.result_type,
        np.can_cast,
        np.min_scalar_type,
    ]
