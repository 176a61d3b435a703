"""The plugin's registration: what mygrad-math contributes to ``mygrad``, derived from
its modules' ``__all__`` and the NumPy tables beside the functions."""

from __future__ import annotations

import inspect
from typing import Any, Dict, Iterable, List

import mygrad_math
from mygrad_core import hookimpl, ufunc
from mygrad_math import _numpy
from mygrad_math import nondifferentiable as _nd

_EVERY_MODULE = (*mygrad_math.MODULES, _numpy)


def _gather(attr: str) -> List[Any]:
    return [item for module in _EVERY_MODULE for item in getattr(module, attr, ())]


@hookimpl
def mygrad_functions() -> Dict[str, Any]:
    return {name: getattr(mygrad_math, name) for name in mygrad_math.__all__}


@hookimpl
def mygrad_namespaces() -> Dict[str, Any]:
    return {"math": mygrad_math}


@hookimpl
def mygrad_numpy_overrides() -> Dict[Any, Any]:
    out: Dict[Any, Any] = {}
    for f in mygrad_functions().values():
        if inspect.isclass(f) and issubclass(f, ufunc) and f.numpy_ufunc is not None:
            out[f.numpy_ufunc] = f
    for module in _EVERY_MODULE:
        out.update(getattr(module, "NUMPY_OVERRIDES", {}))
    return out


@hookimpl
def mygrad_numpy_data_functions() -> Iterable[Any]:
    return _gather("NUMPY_DATA_FUNCTIONS")


@hookimpl
def mygrad_numpy_constant_functions() -> Iterable[Any]:
    return _gather("NUMPY_CONSTANT_FUNCTIONS")


@hookimpl
def mygrad_tensor_methods() -> Dict[str, Any]:
    m = mygrad_math
    return {
        "__add__": m.add,
        "__sub__": m.subtract,
        "__mul__": m.multiply,
        "__truediv__": m.divide,
        "__pow__": m.power,
        "__neg__": m.negative,
        "__pos__": m.positive,
        "__abs__": m.absolute,
        "__floordiv__": _nd.floor_divide_op,
        "__mod__": _nd.remainder_op,
        "__divmod__": _nd.divmod_op,
        **{name: getattr(m, name) for name in "sum prod cumprod cumsum mean std var max min argmax argmin any clip".split()},
    }
