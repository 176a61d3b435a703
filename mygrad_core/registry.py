"""The registry: what plugins contribute, read by the Tensor and NumPy dispatch.

Every lookup on the per-op path is a plain dict read on one of the dicts below. The
plugin host fills them (see :mod:`mygrad_core.plugins`); tests can swap in an empty
registry with :meth:`Registry.isolated`.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Callable, Dict, Iterator, Optional

import numpy as np

__all__ = ["Registry", "REGISTRY", "STANDARD_PROVIDERS", "provider_of"]


@dataclass
class Registry:
    # top-level names: ``mg.sin``
    functions: Dict[str, Any] = field(default_factory=dict)
    # sub-namespaces: ``mg.linalg`` (module objects)
    namespaces: Dict[str, ModuleType] = field(default_factory=dict)
    # differentiable NumPy overrides: np.sin -> mg.sin, np.sum -> mg.sum
    ufunc_overrides: Dict[np.ufunc, Callable[..., Any]] = field(default_factory=dict)
    function_overrides: Dict[Callable[..., Any], Callable[..., Any]] = field(default_factory=dict)
    # NumPy callables that run on the tensors' data and return arrays; the value says
    # whether the callable refuses non-constant tensors
    data_ufuncs: Dict[np.ufunc, bool] = field(default_factory=dict)
    data_functions: Dict[Callable[..., Any], bool] = field(default_factory=dict)
    # Tensor methods (``x.sum()``) and operators keyed by their dunder (``__add__``)
    tensor_methods: Dict[str, Callable[..., Any]] = field(default_factory=dict)
    # who contributed each entry: (kind, key) -> plugin name
    owners: Dict[tuple, str] = field(default_factory=dict)
    # called with the missing key when a lookup misses; True if that registered
    # something (set at start-up to discovery's loading on demand)
    on_miss: Callable[[Any], bool] = field(default=lambda key: False, repr=False)

    _TABLES = (
        "functions",
        "namespaces",
        "ufunc_overrides",
        "function_overrides",
        "data_ufuncs",
        "data_functions",
        "tensor_methods",
        "owners",
    )

    def snapshot(self) -> Dict[str, Dict[Any, Any]]:
        return {name: dict(getattr(self, name)) for name in self._TABLES}

    def restore(self, snap: Dict[str, Dict[Any, Any]]) -> None:
        # mutate in place: the Tensor class holds references to these dicts
        for name in self._TABLES:
            table = getattr(self, name)
            table.clear()
            table.update(snap[name])

    @contextlib.contextmanager
    def isolated(self, keep: bool = False) -> Iterator["Registry"]:
        """Run a block with an empty registry (or a copy, with ``keep=True``)."""
        snap = self.snapshot()
        if not keep:
            for name in self._TABLES:
                getattr(self, name).clear()
        try:
            yield self
        finally:
            self.restore(snap)


REGISTRY = Registry()


# The standard plugins and what they provide, so that a missing name can say which
# distribution to install. A third-party plugin is unknown here: its missing names
# raise the usual AttributeError.
_TRIG = "sin cos tan arcsin arccos arctan arctan2 sec csc cot arcsec arccsc arccot".split()
_HYP = "sinh cosh tanh arcsinh arccosh arctanh sech csch coth arccoth arccsch".split()
_MATH = (
    _TRIG
    + _HYP
    + """prod sum cumprod cumsum mean var std amax amin max min exp expm1 exp2 log log10
    log2 log1p logaddexp logaddexp2 add_sequence multiply_sequence sinc add reciprocal
    positive negative multiply divide true_divide power subtract clip sqrt cbrt square
    absolute abs maximum minimum any argmax argmin isnan isfinite isinf isnat signbit
    logical_not logical_and logical_or logical_xor floor_divide remainder mod fmod divmod
    rint sign floor ceil trunc isclose allclose bincount can_cast copyto may_share_memory
    min_scalar_type result_type shares_memory math""".split()
)
STANDARD_PROVIDERS: Dict[str, str] = {}
for _name in _MATH:
    STANDARD_PROVIDERS[_name] = "mygrad-math"
for _name in "matmul multi_matmul einsum linalg".split():
    STANDARD_PROVIDERS[_name] = "mygrad-linalg"
for _name in "nnet sliding_window_view".split():
    STANDARD_PROVIDERS[_name] = "mygrad-nnet"
STANDARD_PROVIDERS["random"] = "mygrad-random"
for _name in "save load io".split():
    STANDARD_PROVIDERS[_name] = "mygrad-io"
STANDARD_PROVIDERS["computational_graph"] = "mygrad-graphviz"
for _dunder in (
    "__add__ __sub__ __mul__ __truediv__ __pow__ __neg__ __pos__ __abs__ "
    "__floordiv__ __mod__ __divmod__"
).split():
    STANDARD_PROVIDERS[_dunder] = "mygrad-math"
STANDARD_PROVIDERS["__matmul__"] = "mygrad-linalg"
del _name, _dunder


def provider_of(name: str) -> Optional[str]:
    """The standard distribution that would provide ``name``, if one would and it is not
    loaded (a loaded one that lacks ``name`` is not to blame)."""
    dist = STANDARD_PROVIDERS.get(name)
    if dist is None or _is_loaded(dist):
        return None
    return dist


def _is_loaded(dist: str) -> bool:
    # a standard distribution is loaded when something it owns is in the registry
    tables = (REGISTRY.namespaces, REGISTRY.functions, REGISTRY.tensor_methods)
    return any(d == dist and any(key in t for t in tables) for key, d in STANDARD_PROVIDERS.items())


def missing_message(label: str, name: str) -> str:
    """``label`` (e.g. "'mygrad.nnet'") is provided by the standard plugin owning ``name``."""
    dist = provider_of(name)
    if dist is None:
        return f"{label} is not provided by any installed mygrad plugin"
    return (
        f"{label} is provided by the plugin distribution {dist!r}, which is not "
        f"installed (or failed to load): `pip install {dist}`; "
        "`python -m mygrad plugins` lists what is loaded"
    )
