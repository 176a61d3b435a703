"""The plugin host: registering plugins into the registry, atomically.

A plugin is a module (or any object) named by an entry point in the group
``mygrad.plugins`` (found by :mod:`mygrad_core.discovery`, which uses this host) or
registered at run time. It implements any of the hooks of
:class:`~mygrad_core.hookspecs.MyGradHookSpecs` with ``@hookimpl``; each hook returns
what the plugin contributes. The host calls each plugin's hooks once, when the plugin is
registered, and copies the results into the registry (:mod:`mygrad_core.registry`):
nothing on the per-op path goes through pluggy. What a hook may return, where it goes
and how it is listed is the table :data:`mygrad_core.hookspecs.KINDS`.

Rules the host enforces (see ``docs/hooks.md``):

- registration is atomic: a plugin whose hook raises or returns the wrong type, or that
  fails validation (a ``@hookimpl`` with an unknown ``mygrad_*`` name or an argument no
  hookspec offers, or a hook function that forgot ``@hookimpl``) is rolled back, so the
  registry and the PluginManager end exactly as if it were absent;
- two plugins providing the same name or NumPy override with different objects is a
  :class:`~mygrad_core.errors.PluginConflictError` naming both distributions, unless
  exactly one of them lists the key in its ``mygrad_overrides`` hook (that one wins,
  whatever the load order); the very same object under the same key is not a conflict;
- a name mygrad-core itself gives ``mygrad`` (``tensor``, ``no_autodiff`` ...) cannot be
  contributed by a plugin (a PluginConflictError at load time).
"""

from __future__ import annotations

import _thread
import contextlib
import sys
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import Any, Dict, Iterable, Iterator, List, Optional, Set, Tuple

import pluggy

from mygrad_core.errors import PluginConflictError
from mygrad_core.hookspecs import (
    ENTRY_POINT_GROUP,
    HOOKS,
    KINDS,
    OVERRIDES_HOOK,
    PROJECT,
    Kind,
    MyGradHookSpecs,
    hookimpl,
    hookspec,
    key_name,
)
from mygrad_core.registry import REGISTRY, Registry

__all__ = [
    "hookimpl",
    "hookspec",
    "MyGradHookSpecs",
    "ENTRY_POINT_GROUP",
    "PluginInfo",
    "Host",
    "HOST",
    "manager",
    "register_plugin",
    "unregister_plugin",
]

CORE = "mygrad-core"


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
    items: List[Tuple[Kind, Any, Any]]  # (kind, key, value), validated
    overrides: Set[Any]


def _call(impl: Any, core: Optional[ModuleType]) -> Any:
    # pluggy lets an implementation take any subset of the spec's arguments: pass
    # exactly the ones it names
    available = {"core": core}
    return impl.function(*[available[a] for a in impl.argnames])


class Host:
    """The registered plugins, their pluggy PluginManager and the registry they fill.

    ``register``/``unregister`` change the registry atomically; ``loaded``, ``failed``
    and ``disabled`` describe the plugins; ``isolated()`` runs a block with only some of
    them (the kit's ``mygrad_registry`` fixture). ``lock`` serialises registration and
    discovery across threads.
    """

    def __init__(self, registry: Registry = REGISTRY) -> None:
        self.registry = registry
        self.pm = pluggy.PluginManager(PROJECT)
        self.pm.add_hookspecs(MyGradHookSpecs)
        self.lock = _thread.RLock()
        self._entries: Dict[str, _Entry] = {}  # in registration order
        self._failed: Dict[str, PluginInfo] = {}
        self._disabled: Dict[str, PluginInfo] = {}
        # names mygrad-core gives ``mygrad`` itself: {name: object}
        self._reserved: Dict[str, Any] = {}
        # set by discovery: True once it ran (or must not run: isolated blocks)
        self.discovered = False
        self.isolation = 0  # depth of isolated() blocks
        self._pending: Dict[str, PluginInfo] = {}  # the plugin being registered

    # ------------------------------------------------------------ describing

    @property
    def loaded(self) -> Dict[str, PluginInfo]:
        """``{name: PluginInfo}`` of the registered plugins, in registration order."""
        return {name: replace(e.info, contributes=self._contributes(name, e)) for name, e in self._entries.items()}

    @property
    def failed(self) -> Dict[str, PluginInfo]:
        """``{name: PluginInfo}`` of the plugins that failed to load (``error`` set)."""
        return dict(self._failed)

    @property
    def disabled(self) -> Dict[str, PluginInfo]:
        """``{name: PluginInfo}`` of installed plugins blocked by MYGRAD_DISABLE_PLUGINS."""
        return dict(self._disabled)

    def is_loaded(self, name: str) -> bool:
        return name in self._entries

    def info(self, name: str) -> Optional[PluginInfo]:
        """A registered plugin's name, distribution and version (without the
        ``contributes`` listing, which ``loaded`` computes)."""
        entry = self._entries.get(name)
        return None if entry is None else entry.info

    def names(self) -> List[str]:
        """The registered plugins' names, in registration order."""
        return list(self._entries)

    def offered(self, name: str) -> Set[str]:
        """The names of every key plugin ``name`` offers (owned or not)."""
        entry = self._entries.get(name)
        return set() if entry is None else {key_name(key) for _, key, _ in entry.items}

    def plugin(self, name: str) -> Any:
        entry = self._entries.get(name)
        return None if entry is None else entry.plugin

    def _contributes(self, name: str, entry: _Entry) -> Dict[str, List[str]]:
        # the keys it owns, or shares (the same object under the same key)
        out: Dict[str, List[str]] = {}
        owners = self.registry.owners
        for kind, key, value in entry.items:
            owner = owners.get((kind.slot, key))
            shared = owner is not None and kind.mapping and self._current(kind, key) is value
            if owner == name or shared:
                out.setdefault(kind.label, []).append(key_name(key))
        return out

    def label(self, name: str) -> str:
        """``plugin 'math' (distribution mygrad-math 0.1.0)``."""
        entry = self._entries.get(name)
        info = entry.info if entry is not None else self._pending.get(name)
        if info is None or info.distribution is None:
            return f"plugin {name!r} (registered at run time)"
        version = f" {info.version}" if info.version else ""
        return f"plugin {name!r} (distribution {info.distribution}{version})"

    # ------------------------------------------------------------ recording

    def fail(self, name: str, info: PluginInfo) -> None:
        """Record a plugin that failed to load (discovery calls this)."""
        with self.lock:
            self._failed[name] = info

    def disable(self, name: str, info: PluginInfo) -> None:
        """Block a plugin before it is imported (MYGRAD_DISABLE_PLUGINS)."""
        with self.lock:
            self.pm.set_blocked(name)
            self._disabled[name] = info

    def reserve(self, names: Iterable[str], owner: Dict[str, Any]) -> None:
        """Names mygrad-core gives ``mygrad`` itself; a plugin contributing one of them
        (with another object) fails to load."""
        for name in names:
            self._reserved[name] = owner.get(name)

    # ------------------------------------------------------------ registering

    def _collect(self, plugin: Any) -> Tuple[List[Tuple[Kind, Any, Any]], Set[Any]]:
        """Validate one registered plugin and call each of its hooks."""
        # pluggy knows the hookimpls whose name no hookspec has (a misspelling)
        self.pm.check_pending()
        impls: Dict[str, Any] = {}
        for caller in self.pm.get_hookcallers(plugin) or ():
            for impl in caller.get_hookimpls():
                if impl.plugin is plugin:
                    impls[caller.name] = impl
        for hook in HOOKS:
            # pluggy ignores an undecorated function: say so rather than drop it
            if hook not in impls and callable(getattr(plugin, hook, None)):
                raise pluggy.PluginValidationError(
                    plugin,
                    f"{hook!r} is defined but not decorated with @mygrad_core.hookimpl, so it would be ignored",
                )
        core = sys.modules.get("mygrad_core")
        items: List[Tuple[Kind, Any, Any]] = []
        for kind in KINDS:
            hook_impl = impls.get(kind.hook)
            result = None if hook_impl is None else _call(hook_impl, core)
            if result is not None:
                items.extend((kind, key, value) for key, value in kind.items(result))
        overrides: Set[Any] = set()
        hook_impl = impls.get(OVERRIDES_HOOK)
        result = None if hook_impl is None else _call(hook_impl, core)
        if result is not None:
            if isinstance(result, (str, bytes, dict)) or not isinstance(result, Iterable):
                raise TypeError(f"hook {OVERRIDES_HOOK!r} must return a list, got {type(result).__name__}")
            overrides = set(result)
        return items, overrides

    def _current(self, kind: Kind, key: Any) -> Any:
        if kind.slot != "numpy":
            return getattr(self.registry, kind.table(key)).get(key)
        for other in KINDS:
            if other.slot == "numpy":
                value = getattr(self.registry, other.table(key)).get(key)
                if value is not None:
                    return value
        return None

    def _apply(self, name: str, items: List[Tuple[Kind, Any, Any]], overrides: Set[Any]) -> None:
        """Copy one plugin's contributions into the registry, all or nothing."""
        reg = self.registry
        staged: List[Tuple[Kind, Any, Any]] = []
        for kind, key, value in items:
            if kind.slot == "functions" and key in self._reserved and self._reserved[key] is not value:
                raise PluginConflictError(
                    f"{self.label(name)} provides {key!r}, a name mygrad-core gives `mygrad` "
                    "itself; rename it in the plugin's `mygrad_functions` hook"
                )
            owner = reg.owners.get((kind.slot, key))
            if owner is not None and owner != name:
                if self._current(kind, key) is value:
                    continue  # the same object re-exported: not a conflict, the owner stays
                owner_entry = self._entries.get(owner)
                owner_declares = owner_entry is not None and key in owner_entry.overrides
                mine = key in overrides
                if owner_declares and not mine:
                    continue  # the owner deliberately took this key over
                if not mine or owner_declares:
                    both = " both declare it in `mygrad_overrides`" if mine else ""
                    raise PluginConflictError(
                        f"{self.label(name)} and {self.label(owner)} both provide "
                        f"{key_name(key)!r}{both}; uninstall (or disable with "
                        "MYGRAD_DISABLE_PLUGINS) one of them, or let exactly one of them list it "
                        "in its `mygrad_overrides` hook"
                    )
            staged.append((kind, key, value))
        for kind, key, value in staged:
            if kind.slot == "numpy":
                for other in KINDS:  # a NumPy callable is in exactly one table
                    if other.slot == "numpy":
                        getattr(reg, other.table(key)).pop(key, None)
            getattr(reg, kind.table(key))[key] = value
            reg.owners[(kind.slot, key)] = name

    def _rebuild(self) -> None:
        """Recompute the registry from the registered plugins, in registration order."""
        for table in self.registry._TABLES:
            getattr(self.registry, table).clear()
        for name, entry in self._entries.items():
            self._apply(name, entry.items, entry.overrides)

    def register(
        self,
        plugin: Any,
        name: Optional[str] = None,
        *,
        distribution: Optional[str] = None,
        version: Optional[str] = None,
    ) -> PluginInfo:
        """Register ``plugin`` (see :func:`register_plugin`)."""
        if name is None:
            name = getattr(plugin, "__name__", None) or f"plugin-{id(plugin)}"
        with self.lock:
            if name in self._entries or self.pm.has_plugin(name):
                raise ValueError(f"a mygrad plugin named {name!r} is already registered")
            if self.pm.is_blocked(name):
                raise ValueError(f"the mygrad plugin {name!r} is disabled (MYGRAD_DISABLE_PLUGINS)")
            info = PluginInfo(name=name, distribution=distribution, version=version)
            snap = self.registry.snapshot()
            self._pending[name] = info
            try:
                self.pm.register(plugin, name=name)
                items, overrides = self._collect(plugin)
                self._apply(name, items, overrides)
            except BaseException:
                self.registry.restore(snap)
                # pluggy may have registered the name before its validation failed
                if self.pm.get_plugin(name) is not None:
                    self.pm.unregister(plugin=plugin, name=name)
                raise
            finally:
                self._pending.pop(name, None)
            self._entries[name] = _Entry(plugin, info, items, overrides)
            self._failed.pop(name, None)
        self.registry.changed()
        entry = self._entries[name]
        return replace(entry.info, contributes=self._contributes(name, entry))

    def unregister(self, name: str) -> None:
        """Remove a registered plugin and everything it contributed."""
        with self.lock:
            entry = self._entries.pop(name, None)
            if entry is None:
                raise ValueError(f"no mygrad plugin named {name!r} is registered")
            self.pm.unregister(plugin=entry.plugin, name=name)
            self._rebuild()
        self.registry.changed()

    @contextlib.contextmanager
    def isolated(self, keep: Iterable[str] = (CORE,)) -> Iterator["Host"]:
        """Run a block with only the plugins named in ``keep`` registered.

        Discovery does not run inside the block. Plugins registered in it are removed at
        the end, and everything (registry, PluginManager, the lists of loaded, failed
        and disabled plugins) is as before.
        """
        keep = set(keep)
        with self.lock:
            saved = (dict(self._entries), dict(self._failed), self.discovered)
            for name, entry in saved[0].items():
                if name not in keep:
                    self.pm.unregister(plugin=entry.plugin, name=name)
            self._entries = {n: e for n, e in saved[0].items() if n in keep}
            self._failed = {}
            self.discovered = True  # no discovery while isolated
            self.isolation += 1
            self._rebuild()
        self.registry.changed()
        try:
            yield self
        finally:
            with self.lock:
                for name, entry in list(self._entries.items()):
                    if name not in keep:
                        self.pm.unregister(plugin=entry.plugin, name=name)
                for name, entry in saved[0].items():
                    if name not in keep:
                        self.pm.register(entry.plugin, name=name)
                self._entries, self._failed, self.discovered = saved
                self.isolation -= 1
                self._rebuild()
            self.registry.changed()


HOST = Host()


def manager() -> pluggy.PluginManager:
    """The pluggy PluginManager holding the registered plugins."""
    return HOST.pm


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
    return HOST.register(plugin, name, distribution=distribution, version=version)


def unregister_plugin(name: str) -> None:
    """Remove a registered plugin and everything it contributed.

    Keys it had taken over (``mygrad_overrides``) go back to the plugins that provide
    them.
    """
    HOST.unregister(name)


