"""The hook specifications of mygrad plugins (pluggy project name ``mygrad``).

A plugin implements any of the hooks of :class:`MyGradHookSpecs` with ``@hookimpl``
(``from mygrad_core import hookimpl``); ``docs/hooks.md`` is the reference.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple

import numpy as np
import pluggy

from mygrad_core._slots import BINARY_OPERATORS, ROUTED, UNARY_OPERATORS

__all__ = [
    "PROJECT",
    "ENTRY_POINT_GROUP",
    "hookspec",
    "hookimpl",
    "MyGradHookSpecs",
    "Kind",
    "KINDS",
    "HOOKS",
    "OPERATORS",
    "key_name",
]

PROJECT = "mygrad"
ENTRY_POINT_GROUP = "mygrad.plugins"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class MyGradHookSpecs:
    """The hooks a mygrad plugin can implement.

    Write each hook as a plain function in your plugin module, decorated with
    ``@mygrad_core.hookimpl``, named exactly like the hook, returning what it
    contributes (or ``None`` for nothing). Every hook is optional.

    Arguments: each hook offers ``core`` (the :mod:`mygrad_core` module). Your function
    may accept it or take no argument at all; it must not accept any other name.
    Hooks may gain arguments in later versions: a function that takes a subset of
    them keeps working, so adding an argument never breaks a plugin.

    The host calls each hook once, when the plugin is registered (at discovery or
    through :func:`register_plugin`), and keeps the results; nothing is called per
    operation. Import the packages you depend on directly (``import mygrad_math``);
    never reach your dependencies through ``mygrad.`` from inside a hook or at import.
    """

    @hookspec
    def mygrad_functions(self, core: ModuleType) -> Mapping[str, Any]:
        """Top-level names of ``mygrad``.

        Return a dict ``{name: object}``; ``{"softplus": softplus}`` makes
        ``mygrad.softplus`` (and ``from mygrad import softplus``) give that object and
        lists it in ``dir(mygrad)``. Values may be anything: functions, ufuncs made
        with :func:`mygrad_core.make_ufunc`, classes, constants. Keys are plain
        identifiers without a dot (use :meth:`mygrad_namespaces` for ``mg.a.b``).

        Example::

            @hookimpl
            def mygrad_functions():
                return {"softplus": softplus}
        """

    @hookspec
    def mygrad_namespaces(self, core: ModuleType) -> Mapping[str, ModuleType]:
        """Sub-namespaces of ``mygrad``.

        Return ``{name: module}`` where module is a module object of your own
        package. ``{"signal": mygrad_signal.signal}`` makes ``mygrad.signal``,
        ``import mygrad.signal`` and ``from mygrad.signal import conv`` give that very
        module and its objects (the module is aliased, never executed a second time);
        its sub-modules are reachable as ``mygrad.signal.<sub>`` too.

        Example::

            @hookimpl
            def mygrad_namespaces():
                from mygrad_signal import signal
                return {"signal": signal}
        """

    @hookspec
    def mygrad_numpy_overrides(self, core: ModuleType) -> Mapping[Callable[..., Any], Callable[..., Any]]:
        """Differentiable NumPy overrides.

        Return ``{numpy_callable: your_callable}``. When a NumPy ufunc key
        (``np.hypot``) is called with a Tensor, NumPy's ``__array_ufunc__`` protocol
        calls ``your_callable(*inputs, **kwargs)`` (``out=`` arrives as a single
        target, not a tuple); for a NumPy function key (``np.sum``,
        ``np.linalg.norm``) ``__array_function__`` calls it with the same arguments.
        Your callable returns Tensors (usually it is the op you also export through
        :meth:`mygrad_functions`).

        Example::

            @hookimpl
            def mygrad_numpy_overrides():
                return {np.hypot: hypot}
        """

    @hookspec
    def mygrad_numpy_data_functions(self, core: ModuleType) -> Iterable[Callable[..., Any]]:
        """Non-differentiable NumPy callables that simply run on the data.

        Return a list of NumPy ufuncs/functions (``[np.isnan, np.heaviside]``). Called
        with Tensors, they receive the tensors' arrays and return NumPy's result (an
        ndarray, never a Tensor); tensors of any kind are accepted.
        """

    @hookspec
    def mygrad_numpy_constant_functions(self, core: ModuleType) -> Iterable[Callable[..., Any]]:
        """Like :meth:`mygrad_numpy_data_functions`, but only for constant tensors.

        Return a list of NumPy callables whose gradient would be ambiguous (e.g.
        ``np.floor``): called with a non-constant Tensor they raise ValueError, with
        constant tensors they run on the data and return an ndarray.
        """

    @hookspec
    def mygrad_tensor_methods(self, core: ModuleType) -> Mapping[str, Callable[..., Any]]:
        """Tensor methods and operators.

        Return ``{name: fn}``; a method is called as ``fn(tensor, *args, **kwargs)``,
        so ``{"softplus": softplus}`` makes ``x.softplus()`` call ``softplus(x)``.
        Public names only (no leading underscore), except the operator dunders the core
        routes to the registry: ``__add__ __sub__ __mul__ __truediv__ __floordiv__
        __mod__ __divmod__ __pow__ __matmul__ __neg__ __pos__ __abs__``. Give the forward
        form only: ``x + y`` calls ``fn(x, y)``, ``2 + x`` calls ``fn(2, x)`` and
        ``x += y`` calls ``fn(x, y, out=x)`` (so binary operators must accept ``out=``).
        The methods the core defines on Tensor and routes here are ``sum prod cumprod
        cumsum mean std var max min argmax argmin any clip``; other names the core
        defines (``reshape``, ``__lt__`` ...) cannot be replaced.
        """

    @hookspec
    def mygrad_overrides(self, core: ModuleType) -> Iterable[Any]:
        """Keys this plugin deliberately takes over from another plugin.

        Return names (``"sin"``, ``"signal"``, ``"__add__"``) and/or NumPy callables
        (``np.sin``). Without this, two plugins providing the same key with different
        objects fail to load together (a PluginConflictError naming both
        distributions). With it, this plugin's object wins whatever the load order. If
        both plugins declare the same key, it is a conflict again.
        """


# ------------------------------------------------------------ the contribution schema
#
# One row per kind of contribution. The host (validation, ownership, listing) and
# discovery (the cache of what each plugin provides) read this table only.

# The operators a plugin may provide, keyed by the dunder of their forward form (the
# Tensor derives the reflected and in-place forms from it).
OPERATORS: Dict[str, str] = {
    **{name: symbol for name, symbol, _, _ in BINARY_OPERATORS},
    **dict(UNARY_OPERATORS),
}


def key_name(key: Any) -> str:
    """A printable, stable name for a registry key: ``"sin"``, ``"numpy.sin"``,
    ``"numpy.linalg.norm"``."""
    if isinstance(key, str):
        return key
    name = getattr(key, "__name__", repr(key))
    if isinstance(key, np.ufunc):
        return f"numpy.{name}"
    mod = getattr(key, "__module__", None) or "numpy"
    if mod.startswith("numpy"):
        # np.linalg.norm -> numpy.linalg.norm; np.sum -> numpy.sum
        mod = ".".join(p for p in mod.split(".") if not p.startswith("_"))
    return f"{mod}.{name}"


def _identifier(key: Any, value: Any) -> Optional[str]:
    if not isinstance(key, str) or not key.isidentifier():
        return f"key {key!r} is not an identifier string"
    return None


def _module(key: Any, value: Any) -> Optional[str]:
    if not isinstance(value, ModuleType):
        return f"{key!r} must map to a module, got {type(value).__name__}"
    return _identifier(key, value)


def _method(key: Any, value: Any) -> Optional[str]:
    problem = _identifier(key, value)
    if problem:
        return problem
    if not callable(value):
        return f"{key!r} must map to a callable"
    if key.startswith("_") and key not in ROUTED:
        return f"{key!r} is private or an operator the core does not route to plugins; see the hook's documentation"
    return None


def _callables(key: Any, value: Any) -> Optional[str]:
    if not callable(key) or not callable(value):
        return f"{key!r} -> {value!r} is not callable -> callable"
    return None


def _numpy_callable(key: Any, value: Any) -> Optional[str]:
    return None if callable(key) else f"{key!r} is not a NumPy callable"


def _ufunc_or_function(ufunc_table: str, function_table: str) -> Callable[[Any], str]:
    def table(key: Any) -> str:
        return ufunc_table if isinstance(key, np.ufunc) else function_table

    return table


class Kind:
    """One kind of contribution: which hook returns it and where it goes.

    - ``hook``: the hook returning it;
    - ``label``: how ``loaded_plugins()`` and ``python -m mygrad plugins`` name it;
    - ``slot``: keys conflict within a slot (the four NumPy tables share "numpy");
    - ``table(key)``: the registry table a key goes to;
    - ``check(key, value)``: a problem with the pair, or None;
    - ``mapping``: the hook returns a dict ``{key: value}``; otherwise a list of keys,
      each mapped to ``value``.
    """

    # (a plain class: a dataclass costs more at import than the whole module)
    __slots__ = ("hook", "label", "slot", "table", "check", "mapping", "value")

    def __init__(
        self,
        hook: str,
        label: str,
        slot: str,
        table: Callable[[Any], str],
        check: Callable[[Any, Any], Optional[str]],
        mapping: bool = True,
        value: Any = None,
    ) -> None:
        self.hook, self.label, self.slot, self.table = hook, label, slot, table
        self.check, self.mapping, self.value = check, mapping, value

    def __repr__(self) -> str:
        return f"Kind({self.hook!r})"

    def items(self, result: Any) -> List[Tuple[Any, Any]]:
        """Validate a hook's result; its (key, value) pairs."""
        if self.mapping:
            if not isinstance(result, Mapping):
                raise TypeError(f"hook {self.hook!r} must return a dict, got {type(result).__name__}")
            pairs = list(result.items())
        else:
            if isinstance(result, (str, bytes, Mapping)) or not isinstance(result, Iterable):
                raise TypeError(f"hook {self.hook!r} must return a list, got {type(result).__name__}")
            pairs = [(key, self.value) for key in result]
        for key, value in pairs:
            problem = self.check(key, value)
            if problem:
                raise TypeError(f"hook {self.hook!r}: {problem}")
        return pairs


KINDS: Tuple[Kind, ...] = (
    Kind("mygrad_functions", "functions", "functions", lambda key: "functions", _identifier),
    Kind("mygrad_namespaces", "namespaces", "namespaces", lambda key: "namespaces", _module),
    Kind("mygrad_tensor_methods", "tensor methods", "tensor_methods", lambda key: "tensor_methods", _method),
    Kind(
        "mygrad_numpy_overrides",
        "numpy overrides",
        "numpy",
        _ufunc_or_function("ufunc_overrides", "function_overrides"),
        _callables,
    ),
    Kind(
        "mygrad_numpy_data_functions",
        "numpy overrides",
        "numpy",
        _ufunc_or_function("data_ufuncs", "data_functions"),
        _numpy_callable,
        mapping=False,
        value=False,
    ),
    Kind(
        "mygrad_numpy_constant_functions",
        "numpy overrides",
        "numpy",
        _ufunc_or_function("data_ufuncs", "data_functions"),
        _numpy_callable,
        mapping=False,
        value=True,
    ),
)

# the hook that is not a contribution: keys a plugin takes over from another
OVERRIDES_HOOK = "mygrad_overrides"
HOOKS: Tuple[str, ...] = tuple(kind.hook for kind in KINDS) + (OVERRIDES_HOOK,)
