"""The plugin's registration: what mygrad-math contributes to ``mygrad``."""

from __future__ import annotations

from typing import Any, Dict, Iterable

import mygrad_math
from mygrad_core import hookimpl, ufunc
from mygrad_math import nondifferentiable as _nd
from mygrad_math import operators as _ops
from mygrad_math._numpy import NUMPY_FUNCTIONS


@hookimpl
def mygrad_functions() -> Dict[str, Any]:
    return {name: getattr(mygrad_math, name) for name in mygrad_math.__all__}


@hookimpl
def mygrad_namespaces() -> Dict[str, Any]:
    return {"math": mygrad_math}


@hookimpl
def mygrad_numpy_overrides() -> Dict[Any, Any]:
    out: Dict[Any, Any] = dict(NUMPY_FUNCTIONS)
    for name in mygrad_math.DOCUMENTED:
        f = getattr(mygrad_math, name)
        if isinstance(f, ufunc) and f._numpy_ufunc is not None:
            out[f._numpy_ufunc] = f
    for m in mygrad_math.EXTRA_MODULES:
        out.update(getattr(m, "NUMPY_OVERRIDES", {}))
    return out


@hookimpl
def mygrad_numpy_data_functions() -> Iterable[Any]:
    extra = [f for m in mygrad_math.EXTRA_MODULES for f in getattr(m, "NUMPY_DATA_FUNCTIONS", ())]
    return (*_nd.DATA_FUNCTIONS, *extra)


@hookimpl
def mygrad_numpy_constant_functions() -> Iterable[Any]:
    extra = [f for m in mygrad_math.EXTRA_MODULES for f in getattr(m, "NUMPY_CONSTANT_FUNCTIONS", ())]
    return (*_nd.CONSTANT_FUNCTIONS, *extra)


@hookimpl
def mygrad_tensor_methods() -> Dict[str, Any]:
    m = mygrad_math
    return {
        "__add__": _ops.add_operator,
        "__sub__": _ops.sub_operator,
        "__mul__": _ops.mul_operator,
        "__truediv__": _ops.truediv_operator,
        "__pow__": _ops.pow_operator,
        "__neg__": _ops.neg_operator,
        "__pos__": _ops.pos_operator,
        "__abs__": m.absolute,
        "__floordiv__": _nd.floor_divide_op,
        "__mod__": _nd.remainder_op,
        "__divmod__": _nd.divmod_op,
        "sum": m.sum,
        "prod": m.prod,
        "cumprod": m.cumprod,
        "cumsum": m.cumsum,
        "mean": m.mean,
        "std": m.std,
        "var": m.var,
        "max": m.max,
        "min": m.min,
        "argmax": m.argmax,
        "argmin": m.argmin,
        "any": m.any,
        "clip": m.clip,
    }
