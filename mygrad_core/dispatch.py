"""NumPy's ``__array_ufunc__`` / ``__array_function__`` protocols, via the registry."""

from __future__ import annotations

from typing import Any, Dict, Tuple

import numpy as np

from mygrad_core.registry import REGISTRY, missing_message, provider_of
from mygrad_core.tensor_base import Tensor

__all__ = ["array_ufunc", "array_function", "to_data"]

_UFUNCS = REGISTRY.ufunc_overrides
_FUNCS = REGISTRY.function_overrides
_DATA_UFUNCS = REGISTRY.data_ufuncs
_DATA_FUNCS = REGISTRY.data_functions


def to_data(obj: Any) -> Any:
    """Replace tensors (also inside lists/tuples/dicts) by their arrays."""
    if isinstance(obj, Tensor):
        return obj._data
    if isinstance(obj, (list, tuple)):
        return type(obj)(to_data(o) for o in obj)
    if isinstance(obj, dict):
        return {k: to_data(v) for k, v in obj.items()}
    return obj


def _any_variable(obj: Any) -> bool:
    if isinstance(obj, Tensor):
        return not obj._constant
    if isinstance(obj, (list, tuple)):
        return any(_any_variable(o) for o in obj)
    if isinstance(obj, dict):
        return any(_any_variable(o) for o in obj.values())
    return False


def _missing(kind: str, name: str, key: Any = None) -> TypeError:
    key = name if key is None else key
    if provider_of(key) is not None:
        return TypeError(f"{kind} {name!r} does not support mygrad tensors: {missing_message('it', key)}")
    return TypeError(f"{kind} {name!r} does not support mygrad tensors; no installed mygrad plugin provides it")


def _run_on_data(func: Any, name: str, constant_only: bool, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    if constant_only and (_any_variable(args) or _any_variable(kwargs)):
        raise ValueError(
            f"numpy.{name} is not differentiable, so it accepts only constant tensors; "
            "use `tensor.data` (or mark the tensor constant) to apply it"
        )
    return func(*to_data(args), **to_data(kwargs))


def array_ufunc(self: Tensor, ufunc: np.ufunc, method: str, *inputs: Any, **kwargs: Any) -> Any:
    """``Tensor.__array_ufunc__``: NumPy ufuncs called with tensors."""
    if ufunc not in _UFUNCS and ufunc not in _DATA_UFUNCS:
        REGISTRY.on_miss(ufunc)
    name = ufunc.__name__
    if method == "__call__":
        fn = _UFUNCS.get(ufunc)
        if fn is not None:
            out = kwargs.pop("out", None)
            if out is not None:
                if len(out) != 1:
                    raise ValueError(f"numpy.{name} on tensors supports one out= target, got {len(out)}")
                kwargs["out"] = out[0]
            return fn(*inputs, **kwargs)
    constant_only = _DATA_UFUNCS.get(ufunc)
    if constant_only is not None:
        return _run_on_data(getattr(ufunc, method), f"{name}.{method}" if method != "__call__" else name, constant_only, inputs, kwargs)
    if method != "__call__":
        if ufunc in _UFUNCS:
            raise NotImplementedError(
                f"numpy.{name}.{method} is not implemented for mygrad tensors; only calling "
                f"numpy.{name}(...) is supported"
            )
        return NotImplemented
    raise _missing("the NumPy ufunc", name)


def array_function(self: Tensor, func: Any, types: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    """``Tensor.__array_function__``: NumPy functions called with tensors."""
    fn = _FUNCS.get(func)
    if fn is None and func not in _DATA_FUNCS and REGISTRY.on_miss(func):
        fn = _FUNCS.get(func)
    if fn is not None:
        return fn(*args, **kwargs)
    constant_only = _DATA_FUNCS.get(func)
    if constant_only is not None:
        return _run_on_data(func, func.__name__, constant_only, args, kwargs)
    name = getattr(func, "__name__", repr(func))
    module = getattr(func, "__module__", "numpy") or "numpy"
    key = "linalg" if module.startswith("numpy.linalg") else name
    if provider_of(key) is not None:
        # the provider is looked up by key: np.linalg.norm is mygrad-linalg's
        raise _missing("the NumPy function", name if key == name else f"{module}.{name}", key)
    return NotImplemented
