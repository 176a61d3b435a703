"""The plugin host: registering plugins into the registry, atomically.

A plugin is a module (or any object) named by an entry point in the group
``mygrad.plugins`` (found by :mod:`mygrad_core.discovery`) or registered at run time.
It implements any of the hooks of :class:`~mygrad_core.hookspecs.MyGradHookSpecs`
with ``@hookimpl``; each hook returns what the plugin contributes. The host calls each
plugin's hooks once, when the plugin is registered, and copies the results into the
registry (:mod:`mygrad_core.registry`): nothing on the per-op path goes through pluggy.

Rules the host enforces (see ``docs/hooks.md``):

- registration is atomic: a plugin that raises on import, whose hook raises or
  returns the wrong type, or that fails validation (a ``@hookimpl`` with an unknown
  ``mygrad_*`` name or an argument no hookspec offers, or a hook function that forgot
  ``@hookimpl``) is rolled back, so the registry and the PluginManager end exactly as
  if it were absent;
- two plugins providing the same name or NumPy override with different objects is a
  :class:`~mygrad_core.errors.PluginConflictError` naming both distributions, unless
  exactly one of them lists the key in its ``mygrad_overrides`` hook (that one wins,
  whatever the load order); the very same object under the same key is not a conflict.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Dict, Iterable, List, Mapping, Optional, Set, Tuple

import numpy as np
import pluggy

from mygrad_core.errors import PluginConflictError
from mygrad_core.hookspecs import (
    ENTRY_POINT_GROUP,
    HOOK_NAMES,
    PROJECT,
    ROUTED_TENSOR_ATTRS,
    MyGradHookSpecs,
    hookimpl,
    hookspec,
)
from mygrad_core.registry import REGISTRY

__all__ = [
    "hookimpl",
    "hookspec",
    "MyGradHookSpecs",
    "ENTRY_POINT_GROUP",
    "PluginInfo",
    "manager",
    "load_plugins",
    "register_plugin",
    "unregister_plugin",
    "loaded_plugins",
    "failed_plugins",
    "ensure_loaded",
    "ensure_provider",
]


@dataclass
class PluginInfo:
    """What the host knows about one plugin (see :func:`loaded_plugins`)."""

    name: str
    distribution: Optional[str] = None
    version: Optional[str] = None
    contributes: Dict[str, List[str]] = field(default_factory=dict)
    error: Optional[str] = None

    def as_dict(self) -> Dict[str, Any]:
        return {
            "name": self.name,
            "distribution": self.distribution,
            "version": self.version,
            "contributes": {k: sorted(v) for k, v in self.contributes.items()},
            "error": self.error,
        }


@dataclass
class _Entry:
    plugin: Any
    info: PluginInfo
    contrib: Dict[str, Any]
    overrides: Set[Any]


class _Host:
    def __init__(self) -> None:
        self.pm = pluggy.PluginManager(PROJECT)
        self.pm.add_hookspecs(MyGradHookSpecs)
        self.entries: Dict[str, _Entry] = {}  # in registration order
        self.failed: Dict[str, PluginInfo] = {}
        self.discovered = False
        self.discovering = False
        self.entry_points: Optional[List[Any]] = None  # read once per process
        self.cache: Tuple[Optional[str], str] = (None, "")

    @property
    def loaded(self) -> Dict[str, PluginInfo]:
        return {n: e.info for n, e in self.entries.items()}


HOST = _Host()


def manager() -> pluggy.PluginManager:
    """The pluggy PluginManager holding the registered plugins."""
    return HOST.pm


def _key_name(key: Any) -> str:
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
    return f"{mod}.{name}"


def _dist_label(name: str) -> str:
    entry = HOST.entries.get(name)
    info = entry.info if entry is not None else _PENDING.get(name)
    if info is None or info.distribution is None:
        return f"plugin {name!r} (registered at run time)"
    version = f" {info.version}" if info.version else ""
    return f"plugin {name!r} (distribution {info.distribution}{version})"


_PENDING: Dict[str, PluginInfo] = {}  # the plugin being registered


# ----------------------------------------------------------------- validation


def _own_hookimpls(plugin: Any) -> Dict[str, Any]:
    """{hook name: HookImpl} for one registered plugin; unknown hook names raise."""
    out: Dict[str, Any] = {}
    for caller in HOST.pm.get_hookcallers(plugin) or ():
        for impl in caller.get_hookimpls():
            if impl.plugin is not plugin:
                continue
            if caller.name not in HOOK_NAMES:
                raise pluggy.PluginValidationError(
                    plugin,
                    f"@hookimpl {caller.name!r} is not a mygrad hook (misspelled?); the hooks "
                    f"are: {', '.join(HOOK_NAMES)}",
                )
            if impl.hookwrapper or impl.wrapper:
                raise pluggy.PluginValidationError(
                    plugin, f"hook {caller.name!r}: mygrad hooks cannot be wrappers"
                )
            out[caller.name] = impl
    for hook_name in HOOK_NAMES:
        if hook_name not in out and callable(getattr(plugin, hook_name, None)):
            raise pluggy.PluginValidationError(
                plugin,
                f"{hook_name!r} is defined but not decorated with @mygrad_core.hookimpl, "
                "so it would be ignored",
            )
    return out


def _call(impl: Any, core: ModuleType) -> Any:
    # pluggy lets an implementation take any subset of the spec's arguments: pass
    # exactly the ones it names
    available = {"core": core}
    return impl.function(*[available[a] for a in impl.argnames])


def _check_result(hook_name: str, result: Any) -> Any:
    def bad(expected: str) -> TypeError:
        return TypeError(f"hook {hook_name!r} must return {expected}, got {type(result).__name__}")

    if hook_name in ("mygrad_functions", "mygrad_namespaces", "mygrad_tensor_methods"):
        if not isinstance(result, Mapping):
            raise bad("a dict {name: object}")
        result = dict(result)
        for key, value in result.items():
            if not isinstance(key, str) or not key.isidentifier():
                raise TypeError(f"hook {hook_name!r}: key {key!r} is not an identifier string")
            if hook_name == "mygrad_namespaces" and not isinstance(value, ModuleType):
                raise TypeError(f"hook {hook_name!r}: {key!r} must map to a module, got {type(value).__name__}")
            if hook_name == "mygrad_tensor_methods":
                if not callable(value):
                    raise TypeError(f"hook {hook_name!r}: {key!r} must map to a callable")
                if key.startswith("_") and key not in ROUTED_TENSOR_ATTRS:
                    raise TypeError(
                        f"hook {hook_name!r}: {key!r} is private or an operator the core does not "
                        "route to plugins; see the hook's documentation"
                    )
        return result
    if hook_name == "mygrad_numpy_overrides":
        if not isinstance(result, Mapping):
            raise bad("a dict {numpy callable: callable}")
        result = dict(result)
        for key, value in result.items():
            if not callable(key) or not callable(value):
                raise TypeError(f"hook {hook_name!r}: {key!r} -> {value!r} is not callable -> callable")
        return result
    if isinstance(result, (str, bytes, Mapping)) or not isinstance(result, Iterable):
        raise bad("a list")
    result = list(result)
    if hook_name != "mygrad_overrides":
        for key in result:
            if not callable(key):
                raise TypeError(f"hook {hook_name!r}: {key!r} is not a NumPy callable")
    return result


def _collect(plugin: Any) -> Dict[str, Any]:
    """Validate one registered plugin and call each of its hooks: {hook name: result}."""
    import mygrad_core

    out: Dict[str, Any] = {}
    for hook_name, impl in _own_hookimpls(plugin).items():
        result = _call(impl, mygrad_core)
        if result is not None:
            out[hook_name] = _check_result(hook_name, result)
    return out


# ------------------------------------------------------------- registration


def _items(contrib: Dict[str, Any]) -> List[Tuple[str, Any, Any]]:
    """A plugin's contributions as (kind, key, value) with kind one of the registry's
    tables (the four NumPy tables share the owner kind "numpy")."""
    out: List[Tuple[str, Any, Any]] = []
    for hook_name, kind in (
        ("mygrad_functions", "functions"),
        ("mygrad_namespaces", "namespaces"),
        ("mygrad_tensor_methods", "tensor_methods"),
    ):
        for key, value in contrib.get(hook_name, {}).items():
            out.append((kind, key, value))
    for key, value in contrib.get("mygrad_numpy_overrides", {}).items():
        out.append(("numpy", key, value))
    for key in contrib.get("mygrad_numpy_data_functions", ()):
        out.append(("numpy", key, False))
    for key in contrib.get("mygrad_numpy_constant_functions", ()):
        out.append(("numpy", key, True))
    return out


_NUMPY_TABLES = ("ufunc_overrides", "function_overrides", "data_ufuncs", "data_functions")


def _numpy_table(key: Any, value: Any) -> str:
    is_ufunc = isinstance(key, np.ufunc)
    if isinstance(value, bool):
        return "data_ufuncs" if is_ufunc else "data_functions"
    return "ufunc_overrides" if is_ufunc else "function_overrides"


def _current(kind: str, key: Any) -> Any:
    if kind != "numpy":
        return getattr(REGISTRY, kind).get(key)
    for table in _NUMPY_TABLES:
        value = getattr(REGISTRY, table).get(key)
        if value is not None:
            return value
    return None


def _apply(name: str, contrib: Dict[str, Any], overrides: Set[Any]) -> None:
    """Copy one plugin's contributions into the registry, all or nothing."""
    reg = REGISTRY
    staged: List[Tuple[str, Any, Any]] = []
    for kind, key, value in _items(contrib):
        owner = reg.owners.get((kind, key))
        if owner is not None and owner != name:
            if _current(kind, key) is value:
                continue  # the same object re-exported: not a conflict, the owner stays
            owner_entry = HOST.entries.get(owner)
            owner_declares = owner_entry is not None and key in owner_entry.overrides
            mine = key in overrides
            if owner_declares and not mine:
                continue  # the owner deliberately took this key over
            if not mine or owner_declares:
                both = " both declare it in `mygrad_overrides`" if mine else ""
                raise PluginConflictError(
                    f"{_dist_label(name)} and {_dist_label(owner)} both provide "
                    f"{_key_name(key)!r}{both}; uninstall (or disable with "
                    "MYGRAD_DISABLE_PLUGINS) one of them, or let exactly one of them list it "
                    "in its `mygrad_overrides` hook"
                )
        staged.append((kind, key, value))
    for kind, key, value in staged:
        if kind == "numpy":
            for table in _NUMPY_TABLES:  # a NumPy callable is in exactly one table
                getattr(reg, table).pop(key, None)
            getattr(reg, _numpy_table(key, value))[key] = value
        else:
            getattr(reg, kind)[key] = value
        reg.owners[(kind, key)] = name


def _rebuild() -> None:
    """Recompute the registry from the registered plugins, in registration order."""
    for table in REGISTRY._TABLES:
        getattr(REGISTRY, table).clear()
    for name, entry in HOST.entries.items():
        _apply(name, entry.contrib, entry.overrides)


_KIND_LABEL = {
    "functions": "functions",
    "namespaces": "namespaces",
    "tensor_methods": "tensor methods",
    "numpy": "numpy overrides",
}


def _refresh_contributes() -> None:
    """Each plugin's ``contributes``: the keys it owns or shares (same object)."""
    for name, entry in HOST.entries.items():
        contributes: Dict[str, List[str]] = {}
        for kind, key, value in _items(entry.contrib):
            owner = REGISTRY.owners.get((kind, key))
            if owner == name or (owner is not None and not isinstance(value, bool) and _current(kind, key) is value):
                contributes.setdefault(_KIND_LABEL[kind], []).append(_key_name(key))
        entry.info.contributes = contributes


def register_plugin(
    plugin: Any,
    name: Optional[str] = None,
    *,
    distribution: Optional[str] = None,
    version: Optional[str] = None,
) -> PluginInfo:
    """Register a plugin module or object at run time (also after ``import mygrad``).

    Its hooks are called at once and its contributions appear in ``mygrad``, in NumPy
    dispatch and on Tensor. Registration is atomic: if the plugin fails validation, a
    hook raises or a key conflicts with another plugin, the plugin is unregistered,
    the registry is left exactly as before, and the error propagates.

    Parameters
    ----------
    plugin : module or object
        Holds ``@hookimpl`` functions named after the hooks.
    name : str, optional
        The plugin's name (default: the module's ``__name__``); must be unused.
    distribution, version : str, optional
        Shown by :func:`loaded_plugins` and ``python -m mygrad plugins``.

    Returns
    -------
    PluginInfo

    Examples
    --------
    >>> import types, mygrad_core as mgc
    >>> plugin = types.SimpleNamespace()
    >>> @mgc.hookimpl
    ... def mygrad_functions():
    ...     return {"answer": 42}
    >>> plugin.mygrad_functions = mygrad_functions
    >>> info = mgc.register_plugin(plugin, "answer-plugin")
    >>> import mygrad as mg
    >>> mg.answer
    42
    >>> mgc.unregister_plugin("answer-plugin")
    """
    if name is None:
        name = getattr(plugin, "__name__", None) or f"plugin-{id(plugin)}"
    if name in HOST.entries or HOST.pm.has_plugin(name):
        raise ValueError(f"a mygrad plugin named {name!r} is already registered")
    if HOST.pm.is_blocked(name):
        raise ValueError(f"the mygrad plugin {name!r} is disabled (MYGRAD_DISABLE_PLUGINS)")
    info = PluginInfo(name=name, distribution=distribution, version=version)
    snap = REGISTRY.snapshot()
    _PENDING[name] = info
    try:
        HOST.pm.register(plugin, name=name)
        contrib = _collect(plugin)
        overrides = set(contrib.get("mygrad_overrides", ()))
        _apply(name, contrib, overrides)
    except BaseException:
        REGISTRY.restore(snap)
        # pluggy may have registered the name before its validation failed
        if HOST.pm.get_plugin(name) is not None:
            HOST.pm.unregister(plugin=plugin, name=name)
        raise
    finally:
        _PENDING.pop(name, None)
    HOST.entries[name] = _Entry(plugin, info, contrib, overrides)
    HOST.failed.pop(name, None)
    _refresh_contributes()
    _invalidate_facade()
    return info


def unregister_plugin(name: str) -> None:
    """Remove a registered plugin and everything it contributed.

    Keys it had taken over (``mygrad_overrides``) go back to the plugins that provide
    them.
    """
    entry = HOST.entries.pop(name, None)
    if entry is None:
        raise ValueError(f"no mygrad plugin named {name!r} is registered")
    HOST.pm.unregister(plugin=entry.plugin, name=name)
    _rebuild()
    _refresh_contributes()
    _invalidate_facade()


def loaded_plugins() -> Dict[str, PluginInfo]:
    """The registered plugins (running discovery first if it has not run).

    Returns ``{name: PluginInfo}`` in load order; each PluginInfo has
    ``distribution``, ``version`` (None for run-time registrations without them) and
    ``contributes`` (``{"functions": [...], "namespaces": [...], "tensor methods":
    [...], "numpy overrides": [...]}``).
    """
    ensure_loaded()
    return dict(HOST.loaded)


def failed_plugins() -> Dict[str, PluginInfo]:
    """Plugins that failed to load: ``{name: PluginInfo}`` with ``error`` set."""
    ensure_loaded()
    return dict(HOST.failed)


def _invalidate_facade() -> None:
    facade = sys.modules.get("mygrad")
    if facade is not None and hasattr(facade, "_invalidate"):
        facade._invalidate()


def _register_core() -> None:
    from mygrad_core import __version__, _builtin

    if "mygrad-core" not in HOST.entries:
        register_plugin(_builtin, "mygrad-core", distribution="mygrad-core", version=__version__)


# discovery uses the host above; its entry points are re-exported here
from mygrad_core.discovery import (  # noqa: E402, F401  (_entry_points: for the kit's fixture)
    _entry_points,
    ensure_loaded,
    ensure_provider,
    load_plugins,
)
