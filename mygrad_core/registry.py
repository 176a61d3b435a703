"""The registry: what plugins contribute, read by the Tensor and NumPy dispatch.

Every lookup on the per-op path is a plain dict read on one of the dicts below. The
plugin host fills them (see :mod:`mygrad_core.plugins`). Two slots let the lower layers
reach the upper ones without importing them: ``on_miss`` (set at start-up to
discovery's ``ensure_provider``) is called on a miss, and the functions passed to
:meth:`Registry.subscribe` (the ``mygrad`` facade) are called after every change.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Tuple

import numpy as np

from mygrad_core._slots import BINARY_OPERATORS, UNARY_OPERATORS

__all__ = [
    "Registry",
    "REGISTRY",
    "STANDARD_DISTRIBUTIONS",
    "provider_of",
    "missing_message",
    "learn_providers",
]


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
    # who contributed each entry: (slot, key) -> plugin name
    owners: Dict[tuple, str] = field(default_factory=dict)
    # called with the missing key (a name, dunder or NumPy callable) on a miss; True
    # if that registered something (the caller then looks again)
    on_miss: Callable[[Any], bool] = field(default=lambda key: False)
    # why an installed distribution provides nothing ("disabled ...", "failed to load
    # ..."), "loaded", or None when it is not installed (discovery sets this)
    provider_state: Callable[[str], Optional[str]] = field(default=lambda dist: None)
    # a callable's operator form, for the Tensor's operators: a ufunc class -> a plain
    # function of exactly its inputs, doing the call without the class-call machinery
    # (see `ufuncs.make_ufunc`); keyed by the object, so it never goes stale and
    # isolation does not touch it
    operator_forms: Dict[Any, Callable[..., Any]] = field(default_factory=dict, repr=False)
    _listeners: List[Callable[[], None]] = field(default_factory=list)

    def subscribe(self, fn: Callable[[], None]) -> None:
        """Call ``fn()`` after every change of the registry."""
        if fn not in self._listeners:
            self._listeners.append(fn)

    def changed(self) -> None:
        """Tell the subscribers that the tables changed (the host calls this)."""
        for fn in list(self._listeners):
            fn()

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
        self.changed()
        try:
            yield self
        finally:
            self.restore(snap)
            self.changed()


REGISTRY = Registry()


# The standard distributions and the namespaces and operators each owns, so that a
# missing one names the distribution to install. Their plain functions are learnt from
# the distributions' manifests when discovery reads them (``learn_providers``).
STANDARD_DISTRIBUTIONS: Dict[str, Tuple[str, ...]] = {
    "mygrad-math": ("+", "-", "*", "/", "**", "//", "%", "divmod", "unary -", "unary +", "abs()", "math"),
    "mygrad-linalg": ("@", "linalg"),
    "mygrad-nnet": ("nnet", "sliding_window_view"),
    "mygrad-random": ("random",),
    "mygrad-io": ("save", "load"),
    "mygrad-graphviz": ("computational_graph",),
}

# operator symbol -> the dunder the registry keys it by (the one table in ``_slots``)
_SYMBOLS: Dict[str, str] = {str(op[1]): str(op[0]) for op in (*BINARY_OPERATORS, *UNARY_OPERATORS)}
_STANDARD: Dict[str, str] = {
    _SYMBOLS.get(key, key): dist for dist, keys in STANDARD_DISTRIBUTIONS.items() for key in keys
}
_LEARNT: Dict[str, str] = {}  # name -> distribution, from manifests and the discovery cache


def learn_providers(names: Mapping[str, str]) -> None:
    """Record ``{name: distribution}`` (discovery calls this with what it knows)."""
    _LEARNT.update(names)


def provider_of(key: str) -> Optional[str]:
    """The distribution that provides ``key`` (a name, namespace or operator dunder):
    a standard one, or one that discovery learnt about; None if unknown."""
    return _STANDARD.get(key) or _LEARNT.get(key)


def _source(dist: str) -> str:
    if dist in STANDARD_DISTRIBUTIONS:
        return (
            f"install it from this repository's plugins/{dist} folder "
            f"(`pip install ./plugins/{dist}`; `pip install {dist}` once it is on the package index)"
        )
    return f"`pip install {dist}`"


def missing_message(label: str, key: str) -> str:
    """Why ``label`` (e.g. "'mygrad.nnet'") is missing and how to get it; ``key`` is
    the name, namespace or operator dunder asked for."""
    dist = provider_of(key)
    if dist is None:
        return f"{label} is not provided by mygrad-core or by any installed mygrad plugin"
    state = REGISTRY.provider_state(dist)
    if state == "loaded":
        return (
            f"{label} is not provided by mygrad-core or by any installed mygrad plugin "
            f"(the plugin distribution {dist!r} is loaded but does not provide it)"
        )
    if state is not None:
        return (
            f"{label} is provided by the plugin distribution {dist!r}, which is installed but "
            f"{state}; `python -m mygrad plugins` lists the plugins"
        )
    return (
        f"{label} is provided by the plugin distribution {dist!r}, which is not installed: "
        f"{_source(dist)}; `python -m mygrad plugins` lists what is loaded"
    )
