"""The plugin host: pluggy hook specifications, discovery and registration.

A plugin is a module (or any object) named by an entry point in the group
``mygrad.plugins``. It implements any of the hooks of :class:`MyGradHookSpecs` with
``@hookimpl``; each hook returns what the plugin contributes. The host calls each
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
  whatever the load order); the very same object under the same key is not a conflict;
- discovery loads plugins one at a time, sorted by entry-point name and then so that a
  plugin loads after the plugins of the distributions it requires.
"""

from __future__ import annotations

import importlib
import os
import sys
import warnings
import zlib
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Set, Tuple

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
    "ensure_provider",
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


HOOK_NAMES: Tuple[str, ...] = (
    "mygrad_functions",
    "mygrad_namespaces",
    "mygrad_numpy_overrides",
    "mygrad_numpy_data_functions",
    "mygrad_numpy_constant_functions",
    "mygrad_tensor_methods",
    "mygrad_overrides",
)

# the Tensor attributes the core looks up in the registry (all others on the class
# are the core's own and cannot be replaced by a plugin)
ROUTED_TENSOR_ATTRS = frozenset(
    "__add__ __sub__ __mul__ __truediv__ __floordiv__ __mod__ __divmod__ __pow__ __matmul__ "
    "__neg__ __pos__ __abs__ sum prod cumprod cumsum mean std var max min argmax argmin any "
    "clip divmod".split()
)


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


# ---------------------------------------------------------------- discovery


class _EntryPoint:
    """An entry point of group ``mygrad.plugins``, as discovery needs it."""

    __slots__ = ("name", "value", "dist_name", "version", "keys")

    def __init__(
        self, name: str, value: str, dist_name: Optional[str], version: Optional[str], keys: Optional[Set[str]] = None
    ) -> None:
        self.name, self.value, self.dist_name, self.version = name, value, dist_name, version
        # what the plugin contributed when a process last loaded it (from the cache):
        # lets a later process load only the plugin that provides a requested name
        self.keys = keys

    def load(self) -> Any:
        module, _, attrs = self.value.partition(":")
        obj: Any = importlib.import_module(module.strip())
        for attr in filter(None, attrs.strip().split(".")):
            obj = getattr(obj, attr)
        return obj


def _metadata_entry_points() -> List[Any]:
    if sys.version_info >= (3, 12):
        from importlib.metadata import entry_points
    else:  # pragma: no cover - depends on the Python version
        from importlib_metadata import entry_points
    return list(entry_points(group=ENTRY_POINT_GROUP))


# Reading installed metadata means importing importlib-metadata (and the email parser):
# it costs more than the rest of `import mygrad` together. So the result of a scan is
# kept in a small cache file per environment, valid while no directory on sys.path has
# changed (installing or removing a distribution changes its directory's mtime).
def _cache_file() -> Optional[str]:
    if os.environ.get("MYGRAD_PLUGIN_CACHE", "1").strip().lower() in ("0", "false", "no", "off"):
        return None
    root = os.environ.get("MYGRAD_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "mygrad"
    )
    env = zlib.crc32(f"{sys.prefix}|{sys.executable}".encode())
    return os.path.join(root, f"entry-points-{env:08x}.txt")


def _cache_key() -> str:
    from mygrad_core import __version__

    parts = ["format 2", sys.version, __version__]
    cwd = os.getcwd()
    for entry in sys.path:
        try:
            if entry in ("", ".", cwd):
                # the working directory changes all the time: only its metadata matters
                names = sorted(n for n in os.listdir(entry or ".") if n.endswith((".dist-info", ".egg-info")))
                parts.append(f"{entry}|{','.join(names)}")
            else:
                parts.append(f"{entry}|{os.stat(entry).st_mtime_ns}")
        except OSError:
            parts.append(f"{entry}|-")
    key = "\n".join(parts)
    return f"{zlib.crc32(key.encode()):08x}-{len(key)}"


def _read_cache(path: str, key: str) -> Optional[List[_EntryPoint]]:
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except OSError:
        return None
    if not lines or lines[0] != key:
        return None
    entries = []
    try:
        for line in lines[1:]:
            if line:
                name, value, dist, version, keys = line.split("\t")
                known = None if keys == "?" else set(keys.split(" ")) - {""}
                entries.append(_EntryPoint(name, value, dist or None, version or None, known))
    except ValueError:  # damaged or from another version: scan again
        return None
    return entries


def _write_cache(path: str, key: str, entries: List[_EntryPoint]) -> None:
    lines = [key] + [
        f"{e.name}\t{e.value}\t{e.dist_name or ''}\t{e.version or ''}\t{'?' if e.keys is None else ' '.join(sorted(e.keys))}"
        for e in entries
    ]
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        os.replace(tmp, path)
    except OSError:  # a read-only home: discovery just stays uncached
        pass


def _entry_points() -> List[_EntryPoint]:
    """The installed entry points of group ``mygrad.plugins``, in load order (read once
    per process)."""
    if HOST.entry_points is not None:
        return HOST.entry_points
    path = _cache_file()
    key = _cache_key() if path else ""
    cached = _read_cache(path, key) if path else None
    if cached is not None:
        entries = cached
    else:
        entries = [
            _EntryPoint(ep.name, ep.value, ep.dist.name if ep.dist is not None else None, ep.dist.version if ep.dist is not None else None)
            for ep in _ordered(_metadata_entry_points())
        ]
        if path:
            _write_cache(path, key, entries)
    HOST.entry_points = entries
    HOST.cache = (path, key)
    return entries


def _remember_keys() -> None:
    """After a full discovery: record what each loaded plugin contributed in the cache."""
    path, key = HOST.cache
    eps = HOST.entry_points
    if not path or not eps:
        return
    changed = False
    for ep in eps:
        entry = HOST.entries.get(ep.name)
        if entry is None or entry.info.distribution != ep.dist_name:
            continue
        keys = {_key_name(k) for _, k, _ in _items(entry.contrib)}
        if ep.keys != keys:
            ep.keys = keys
            changed = True
    if changed:
        _write_cache(path, key, eps)


def _norm(name: str) -> str:
    import re

    return re.sub(r"[-_.]+", "-", name).lower()


def _requires(dist: Any) -> List[str]:
    import re

    names = []
    for req in dist.requires or ():
        if ";" in req and "extra" in req.split(";", 1)[1]:
            continue  # optional extras do not order loading
        m = re.match(r"\s*([A-Za-z0-9_.\-]+)", req)
        if m:
            names.append(_norm(m.group(1)))
    return names


def _ordered(eps: List[Any]) -> List[Any]:
    """Entry points sorted by (name, distribution), then dependencies first."""
    eps = sorted(eps, key=lambda ep: (ep.name, _norm(ep.dist.name) if ep.dist else ""))
    by_dist: Dict[str, List[Any]] = {}
    for ep in eps:
        if ep.dist is not None:
            by_dist.setdefault(_norm(ep.dist.name), []).append(ep)
    out: List[Any] = []
    seen: Set[int] = set()

    def visit(ep: Any) -> None:
        if id(ep) in seen:
            return
        seen.add(id(ep))  # marked before recursing: a dependency cycle cannot loop
        if ep.dist is not None:
            for dep in _requires(ep.dist):
                for other in by_dist.get(dep, ()):
                    visit(other)
        out.append(ep)

    for ep in eps:
        visit(ep)
    return out


def _disabled() -> Set[str]:
    raw = os.environ.get("MYGRAD_DISABLE_PLUGINS", "")
    return {n.strip() for n in raw.split(",") if n.strip()}


def _autoload_disabled() -> bool:
    return os.environ.get("MYGRAD_DISABLE_PLUGIN_AUTOLOAD", "").strip().lower() not in ("", "0", "false", "no")


def _fail(key: str, info: PluginInfo, message: str) -> None:
    HOST.failed[key] = info
    warnings.warn(message, MyGradPluginWarning, stacklevel=4)


def load_plugins() -> None:
    """Discover and register the plugins of entry-point group ``mygrad.plugins``.

    Runs once per process (later calls do nothing); :func:`ensure_loaded` calls it on
    the first name, method, operator or NumPy function the registry does not have.
    ``MYGRAD_DISABLE_PLUGIN_AUTOLOAD=1`` skips discovery; ``MYGRAD_DISABLE_PLUGINS=a,b``
    blocks the plugins with those entry-point (or distribution) names before they are
    imported. A plugin that fails is rolled back and reported with a
    MyGradPluginWarning; the others load. Two distributions with the same entry-point
    name: the first in (distribution name) order loads, the other is reported.
    """
    if HOST.discovered or HOST.discovering:
        return
    HOST.discovering = True
    try:
        if _autoload_disabled():
            return
        disabled = _disabled()
        disabled_norm = {_norm(d) for d in disabled}
        taken: Dict[str, Optional[str]] = {}
        for ep in _entry_points():
            name = ep.name
            dist = ep.dist_name
            version = ep.version
            if name in disabled or (dist is not None and _norm(dist) in disabled_norm):
                HOST.pm.set_blocked(name)  # never imported
                continue
            loaded = HOST.entries.get(name)
            if loaded is not None and loaded.info.distribution == dist and name not in taken:
                taken[name] = dist  # loaded earlier in this process, on demand
                continue
            if name in taken or name in HOST.entries:
                other = taken.get(name) or (HOST.entries[name].info.distribution if name in HOST.entries else None)
                msg = (
                    f"the mygrad plugin name {name!r} of distribution {dist} {version} is "
                    f"already taken by {other or 'a plugin registered at run time'}; skipped "
                    "(uninstall one of them or disable one with MYGRAD_DISABLE_PLUGINS)"
                )
                _fail(f"{name} ({dist})", PluginInfo(name, dist, version, error=msg), msg)
                continue
            taken[name] = dist
            _load_entry(ep)
        _remember_keys()
    finally:
        HOST.discovering = False
        HOST.discovered = True


def _load_entry(ep: _EntryPoint) -> None:
    name, dist, version = ep.name, ep.dist_name, ep.version
    try:
        plugin = ep.load()
        register_plugin(plugin, name, distribution=dist, version=version)
    except Exception as e:  # a broken plugin must not break mygrad
        error = f"{type(e).__name__}: {e}"
        _fail(
            name,
            PluginInfo(name, dist, version, error=error),
            f"the mygrad plugin {name!r} from distribution {dist} {version} failed to "
            f"load and was skipped: {error}",
        )


def ensure_provider(key: Any) -> bool:
    """Make sure the plugin providing ``key`` (a name, a Tensor method or a NumPy
    callable) is loaded; True if that registered anything.

    When the discovery cache knows what every installed plugin contributes, and no two
    of them contribute the same key (so that load order cannot matter), only the
    plugins providing ``key`` are imported; otherwise this is :func:`ensure_loaded`.
    """
    if HOST.discovered or HOST.discovering:
        return False
    if _autoload_disabled():
        return ensure_loaded()
    name = _key_name(key)
    disabled = _disabled()
    disabled_norm = {_norm(d) for d in disabled}
    live: List[Tuple[_EntryPoint, Set[str]]] = []
    seen_keys: Set[str] = set()
    for ep in _entry_points():
        if ep.name in disabled or (ep.dist_name is not None and _norm(ep.dist_name) in disabled_norm):
            HOST.pm.set_blocked(ep.name)  # never imported
            continue
        keys = ep.keys
        if keys is None or keys & seen_keys or any(ep.name == other.name for other, _ in live):
            return ensure_loaded()  # unknown contributions, or order could matter
        seen_keys |= keys
        live.append((ep, keys))
    before = len(HOST.entries)
    HOST.discovering = True
    try:
        for ep, keys in live:
            if name in keys and ep.name not in HOST.entries and ep.name not in HOST.failed:
                _load_entry(ep)
    finally:
        HOST.discovering = False
    return len(HOST.entries) != before


def ensure_loaded() -> bool:
    """Run discovery if it has not run yet; True if that registered anything."""
    if HOST.discovered or HOST.discovering:
        return False
    before = len(HOST.entries)
    load_plugins()
    return len(HOST.entries) != before


def _register_core() -> None:
    from mygrad_core import __version__, _builtin

    if "mygrad-core" not in HOST.entries:
        register_plugin(_builtin, "mygrad-core", distribution="mygrad-core", version=__version__)
