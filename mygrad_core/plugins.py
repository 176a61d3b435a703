"""The plugin host: pluggy hook specifications, discovery and registration.

A plugin is a module (or object) named by an entry point in the group
``mygrad.plugins``. It implements any of the hooks below with ``@hookimpl``; each
returns what the plugin contributes. The core calls each plugin's hooks once, when
the plugin is registered, and copies the results into the registry: nothing on the
per-op path goes through pluggy.
"""

from __future__ import annotations

import os
import sys
import warnings
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple

import numpy as np
import pluggy

from mygrad_core.errors import MyGradPluginWarning, PluginConflictError
from mygrad_core.registry import REGISTRY

__all__ = [
    "hookimpl",
    "hookspec",
    "MyGradHookSpecs",
    "PluginInfo",
    "manager",
    "load_plugins",
    "register_plugin",
    "unregister_plugin",
    "loaded_plugins",
    "failed_plugins",
    "ensure_loaded",
]

PROJECT = "mygrad"
ENTRY_POINT_GROUP = "mygrad.plugins"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class MyGradHookSpecs:
    """The hooks a mygrad plugin can implement.

    Every hook is optional and takes no required argument: an implementation may
    accept ``core`` (the :mod:`mygrad_core` module) or any later-added argument it
    needs, and nothing else, so adding an argument to a hook never breaks a plugin.
    """

    @hookspec
    def mygrad_functions(self, core: ModuleType) -> Mapping[str, Any]:
        """Top-level names: ``{"sin": sin}`` makes ``mygrad.sin`` available.

        Values may be any object (functions, ufuncs, classes, constants).
        """

    @hookspec
    def mygrad_namespaces(self, core: ModuleType) -> Mapping[str, ModuleType]:
        """Sub-namespaces: ``{"linalg": mygrad_linalg.linalg}`` makes ``mygrad.linalg``
        (and ``import mygrad.linalg``) give that very module object."""

    @hookspec
    def mygrad_numpy_overrides(self, core: ModuleType) -> Mapping[Callable[..., Any], Callable[..., Any]]:
        """Differentiable NumPy overrides: ``{np.sin: sin, np.sum: sum}``.

        Keys are NumPy ufuncs (dispatched through ``__array_ufunc__``) or NumPy
        functions (``__array_function__``); values are called with the same arguments
        and return Tensors.
        """

    @hookspec
    def mygrad_numpy_data_functions(self, core: ModuleType) -> Iterable[Callable[..., Any]]:
        """NumPy ufuncs/functions that run on the tensors' data and return arrays
        (e.g. ``np.isnan``); tensors of any kind are accepted."""

    @hookspec
    def mygrad_numpy_constant_functions(self, core: ModuleType) -> Iterable[Callable[..., Any]]:
        """Like ``mygrad_numpy_data_functions``, but a non-constant tensor argument raises
        ValueError (for functions whose gradient would be ambiguous, e.g. ``np.floor``)."""

    @hookspec
    def mygrad_tensor_methods(self, core: ModuleType) -> Mapping[str, Callable[..., Any]]:
        """Tensor methods and operators: ``{"sum": sum, "__add__": add}``.

        A method is called as ``fn(tensor, *args, **kwargs)``. Operators are keyed by
        the dunder of their forward form (``__add__``, ``__mul__``, ``__pow__``,
        ``__matmul__``, ``__neg__``, ...) and must accept ``out=`` (augmented
        assignment calls ``fn(self, other, out=self)``); the reflected form is derived.
        """

    @hookspec
    def mygrad_overrides(self, core: ModuleType) -> Iterable[Any]:
        """Keys this plugin deliberately takes over from another plugin: names
        (``"sin"``, ``"linalg"``, ``"__add__"``) or NumPy callables (``np.sin``)."""


_KINDS = (
    ("mygrad_functions", "functions", "mg.{}"),
    ("mygrad_namespaces", "namespaces", "mg.{}"),
    ("mygrad_tensor_methods", "tensor_methods", "Tensor.{}"),
)


@dataclass
class PluginInfo:
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
            "contributes": self.contributes,
            "error": self.error,
        }


class _Host:
    def __init__(self) -> None:
        self.pm = pluggy.PluginManager(PROJECT)
        self.pm.add_hookspecs(MyGradHookSpecs)
        self.loaded: Dict[str, PluginInfo] = {}
        self.failed: Dict[str, PluginInfo] = {}
        self.discovered = False
        self.discovering = False


HOST = _Host()


def manager() -> pluggy.PluginManager:
    """The pluggy PluginManager holding the registered plugins."""
    return HOST.pm


def _key_name(key: Any) -> str:
    if isinstance(key, str):
        return key
    mod = getattr(key, "__module__", None) or "numpy"
    name = getattr(key, "__name__", repr(key))
    if isinstance(key, np.ufunc):
        return f"numpy.{name}"
    return f"{mod}.{name}" if mod.startswith("numpy") else f"numpy.{name}"


def _call(impl: Any, core: ModuleType) -> Any:
    kwargs = {"core": core}
    return impl.function(*[kwargs[a] for a in impl.argnames])


def _collect(plugin_name: str) -> Dict[str, Any]:
    """Call each hook of one plugin; returns {hook name: result}."""
    import mygrad_core

    out: Dict[str, Any] = {}
    for hook_name in (
        "mygrad_functions",
        "mygrad_namespaces",
        "mygrad_numpy_overrides",
        "mygrad_numpy_data_functions",
        "mygrad_numpy_constant_functions",
        "mygrad_tensor_methods",
        "mygrad_overrides",
    ):
        caller = getattr(HOST.pm.hook, hook_name)
        for impl in caller.get_hookimpls():
            if impl.plugin_name == plugin_name:
                result = _call(impl, mygrad_core)
                if result is not None:
                    out[hook_name] = result
    return out


def _apply(plugin_name: str, contrib: Dict[str, Any], info: PluginInfo) -> None:
    """Copy one plugin's contributions into the registry, all or nothing."""
    reg = REGISTRY
    overrides = set()
    for key in contrib.get("mygrad_overrides", ()):
        overrides.add(key)
    staged: List[Tuple[Dict[Any, Any], Any, Any, Tuple[str, Any]]] = []

    def stage(table: Dict[Any, Any], kind: str, key: Any, value: Any) -> None:
        owner_key = (kind, key)
        owner = reg.owners.get(owner_key)
        if owner is not None and owner != plugin_name:
            existing = table.get(key)
            if existing is value:
                return  # the same object re-exported: not a conflict
            if key not in overrides:
                raise PluginConflictError(
                    f"plugin {plugin_name!r} ({_dist_label(plugin_name)}) and plugin {owner!r} "
                    f"({_dist_label(owner)}) both provide {_key_name(key)!r}; one of them must "
                    "declare it in its `mygrad_overrides` hook to take it over"
                )
        staged.append((table, key, value, owner_key))

    for hook_name, table_name, _ in _KINDS:
        for key, value in dict(contrib.get(hook_name, {})).items():
            stage(getattr(reg, table_name), table_name, key, value)
    for key, value in dict(contrib.get("mygrad_numpy_overrides", {})).items():
        table = reg.ufunc_overrides if isinstance(key, np.ufunc) else reg.function_overrides
        stage(table, "numpy", key, value)
    for key in contrib.get("mygrad_numpy_data_functions", ()):
        table = reg.data_ufuncs if isinstance(key, np.ufunc) else reg.data_functions
        stage(table, "numpy", key, False)
    for key in contrib.get("mygrad_numpy_constant_functions", ()):
        table = reg.data_ufuncs if isinstance(key, np.ufunc) else reg.data_functions
        stage(table, "numpy", key, True)

    for table, key, value, owner_key in staged:
        if owner_key[0] == "numpy":
            # a NumPy callable is in exactly one of the four numpy tables
            for other in (reg.ufunc_overrides, reg.function_overrides, reg.data_ufuncs, reg.data_functions):
                if other is not table:
                    other.pop(key, None)
        table[key] = value
        reg.owners[owner_key] = plugin_name
        info.contributes.setdefault(_contrib_kind(owner_key[0]), []).append(_key_name(key))


def _contrib_kind(kind: str) -> str:
    return {"functions": "functions", "namespaces": "namespaces", "tensor_methods": "tensor methods", "numpy": "numpy overrides"}[kind]


_DIST_OF: Dict[str, Tuple[Optional[str], Optional[str]]] = {}


def _dist_label(plugin_name: str) -> str:
    dist, version = _DIST_OF.get(plugin_name, (None, None))
    if dist is None:
        return "registered at run time"
    return f"distribution {dist} {version}" if version else f"distribution {dist}"


def register_plugin(plugin: Any, name: Optional[str] = None, *, distribution: Optional[str] = None, version: Optional[str] = None) -> PluginInfo:
    """Register a plugin module or object (also after ``import mygrad``).

    The plugin's contributions are added to the registry atomically: if any hook
    raises or conflicts, the plugin is unregistered, the registry is left exactly as
    before, and the error propagates.

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
    _DIST_OF[name] = (distribution, version)
    info = PluginInfo(name=name, distribution=distribution, version=version)
    snap = REGISTRY.snapshot()
    registered = False
    try:
        HOST.pm.register(plugin, name=name)
        registered = True
        _apply(name, _collect(name), info)
    except BaseException:
        REGISTRY.restore(snap)
        if registered:
            HOST.pm.unregister(name=name)
        _DIST_OF.pop(name, None)
        raise
    HOST.loaded[name] = info
    HOST.failed.pop(name, None)
    _invalidate_facade()
    return info


def unregister_plugin(name: str) -> None:
    """Remove a plugin and everything it contributed."""
    HOST.pm.unregister(name=name)
    HOST.loaded.pop(name, None)
    reg = REGISTRY
    for (kind, key), owner in list(reg.owners.items()):
        if owner != name:
            continue
        del reg.owners[(kind, key)]
        if kind == "numpy":
            for table in (reg.ufunc_overrides, reg.function_overrides, reg.data_ufuncs, reg.data_functions):
                table.pop(key, None)
        else:
            getattr(reg, kind).pop(key, None)
    _invalidate_facade()


def loaded_plugins() -> Dict[str, PluginInfo]:
    """The registered plugins: name -> PluginInfo (distribution, version, contributions)."""
    ensure_loaded()
    return dict(HOST.loaded)


def failed_plugins() -> Dict[str, PluginInfo]:
    """Plugins that failed to load: name -> PluginInfo with ``error``."""
    ensure_loaded()
    return dict(HOST.failed)


def _invalidate_facade() -> None:
    facade = sys.modules.get("mygrad")
    if facade is not None and hasattr(facade, "_invalidate"):
        facade._invalidate()


# ---------------------------------------------------------------- discovery


def _entry_points() -> List[Any]:
    if sys.version_info >= (3, 12):
        from importlib.metadata import entry_points
    else:  # pragma: no cover - depends on the Python version
        from importlib_metadata import entry_points
    return list(entry_points(group=ENTRY_POINT_GROUP))


def _requires(dist: Any) -> List[str]:
    import re

    names = []
    for req in dist.requires or ():
        if ";" in req and "extra ==" in req:
            continue
        m = re.match(r"\s*([A-Za-z0-9_.\-]+)", req)
        if m:
            names.append(re.sub(r"[-_.]+", "-", m.group(1)).lower())
    return names


def _dist_key(name: str) -> str:
    import re

    return re.sub(r"[-_.]+", "-", name).lower()


def _ordered(eps: List[Any]) -> List[Any]:
    """Entry points sorted by name, then so that a plugin's dependencies load first."""
    eps = sorted(eps, key=lambda ep: (ep.name, getattr(ep.dist, "name", "") if ep.dist else ""))
    by_dist: Dict[str, List[Any]] = {}
    for ep in eps:
        if ep.dist is not None:
            by_dist.setdefault(_dist_key(ep.dist.name), []).append(ep)
    out: List[Any] = []
    state: Dict[int, int] = {}

    def visit(ep: Any) -> None:
        if state.get(id(ep)) is not None:
            return
        state[id(ep)] = 1
        if ep.dist is not None:
            for dep in _requires(ep.dist):
                for other in by_dist.get(dep, ()):
                    if other is not ep:
                        visit(other)
        out.append(ep)

    for ep in eps:
        visit(ep)
    return out


def _disabled() -> set:
    raw = os.environ.get("MYGRAD_DISABLE_PLUGINS", "")
    return {n.strip() for n in raw.split(",") if n.strip()}


def load_plugins() -> None:
    """Discover and register the plugins installed for entry-point group ``mygrad.plugins``.

    Honors ``MYGRAD_DISABLE_PLUGIN_AUTOLOAD=1`` and ``MYGRAD_DISABLE_PLUGINS=a,b``. A
    plugin that fails is rolled back and reported with a MyGradPluginWarning.
    """
    if HOST.discovered or HOST.discovering:
        return
    HOST.discovering = True
    try:
        if os.environ.get("MYGRAD_DISABLE_PLUGIN_AUTOLOAD", "").strip() not in ("", "0"):
            return
        disabled = _disabled()
        seen = set()
        for ep in _ordered(_entry_points()):
            name = ep.name
            dist = ep.dist.name if ep.dist is not None else None
            version = ep.dist.version if ep.dist is not None else None
            if name in disabled or (dist and dist in disabled):
                HOST.pm.set_blocked(name)
                continue
            if name in seen or name in HOST.loaded:
                other = _DIST_OF.get(name, (None, None))[0]
                msg = (
                    f"plugin name {name!r} of distribution {dist} is already taken by "
                    f"distribution {other}; skipped"
                )
                HOST.failed[f"{name} ({dist})"] = PluginInfo(name, dist, version, error=msg)
                warnings.warn(msg, MyGradPluginWarning, stacklevel=3)
                continue
            seen.add(name)
            try:
                plugin = ep.load()
                register_plugin(plugin, name, distribution=dist, version=version)
            except Exception as e:  # a broken plugin must not break mygrad
                msg = f"{type(e).__name__}: {e}"
                HOST.failed[name] = PluginInfo(name, dist, version, error=msg)
                warnings.warn(
                    f"the mygrad plugin {name!r} from distribution {dist} {version} failed to "
                    f"load and was skipped: {msg}",
                    MyGradPluginWarning,
                    stacklevel=3,
                )
    finally:
        HOST.discovering = False
        HOST.discovered = True


def ensure_loaded() -> bool:
    """Run discovery if it has not run yet; True if that added anything."""
    if HOST.discovered or HOST.discovering:
        return False
    before = len(HOST.loaded)
    load_plugins()
    return len(HOST.loaded) != before


def _register_core() -> None:
    from mygrad_core import _builtin

    if "mygrad-core" not in HOST.loaded:
        from mygrad_core import __version__

        register_plugin(_builtin, "mygrad-core", distribution="mygrad-core", version=__version__)
