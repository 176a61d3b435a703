"""What makes ``import mygrad as mg`` show the installed plugins.

``mg.<name>`` falls back to the registry (discovering plugins on first use);
``import mygrad.linalg`` goes through a ``sys.meta_path`` finder whose loader hands
back the module object the plugin registered, so no plugin file runs twice.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
from types import ModuleType
from typing import Any, Dict, List, Optional, Sequence

from mygrad_core.errors import MissingPluginError
from mygrad_core.plugins import ensure_loaded
from mygrad_core.registry import REGISTRY, STANDARD_PROVIDERS, missing_message

FACADE = "mygrad"


def invalidate() -> None:
    """Forget names cached on the facade module (after a plugin is (un)registered)."""
    facade = sys.modules.get(FACADE)
    if facade is None:
        return
    cached = facade.__dict__.get("_plugin_cache", set())
    for name in cached:
        facade.__dict__.pop(name, None)
    facade.__dict__["_plugin_cache"] = set()


def _lookup(name: str) -> Any:
    if name in REGISTRY.functions:
        return REGISTRY.functions[name]
    if name in REGISTRY.namespaces:
        return REGISTRY.namespaces[name]
    raise KeyError(name)


def facade_getattr(name: str) -> Any:
    if name[:2] == "__":
        raise AttributeError(f"module {FACADE!r} has no attribute {name!r}")
    try:
        value = _lookup(name)
    except KeyError:
        if ensure_loaded():
            try:
                value = _lookup(name)
            except KeyError:
                value = None
        else:
            value = None
        if value is None:
            if name in STANDARD_PROVIDERS:
                raise MissingPluginError(missing_message(f"'{FACADE}.{name}'", name)) from None
            raise AttributeError(f"module {FACADE!r} has no attribute {name!r}") from None
    facade = sys.modules[FACADE]
    facade.__dict__[name] = value  # cache: the next access is a plain attribute read
    facade.__dict__.setdefault("_plugin_cache", set()).add(name)
    return value


def facade_dir(namespace: Dict[str, Any]) -> List[str]:
    ensure_loaded()
    names = {n for n in namespace if not n.startswith("_")}
    names.update(REGISTRY.functions)
    names.update(REGISTRY.namespaces)
    return sorted(names)


class _AliasLoader(importlib.abc.Loader):
    def __init__(self, module: ModuleType) -> None:
        self.module = module
        self.original_spec = getattr(module, "__spec__", None)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return self.module

    def exec_module(self, module: ModuleType) -> None:
        # the module already ran in its own package; keep its own spec
        if self.original_spec is not None:
            module.__spec__ = self.original_spec


class _AliasFinder(importlib.abc.MetaPathFinder):
    """Finds ``mygrad.<namespace>[.sub...]`` as the plugin's own module."""

    def find_spec(self, fullname: str, path: Optional[Sequence[str]] = None, target: Any = None) -> Optional[importlib.machinery.ModuleSpec]:
        if not fullname.startswith(FACADE + "."):
            return None
        parts = fullname.split(".")
        head = parts[1]
        module = REGISTRY.namespaces.get(head)
        if module is None:
            ensure_loaded()
            module = REGISTRY.namespaces.get(head)
            if module is None:
                if head in STANDARD_PROVIDERS and len(parts) == 2 and not _is_core_submodule(head):
                    raise ModuleNotFoundError(missing_message(f"'{FACADE}.{head}'", head), name=fullname)
                return None
        if len(parts) > 2:
            module = importlib.import_module(".".join([module.__name__] + parts[2:]))
        return importlib.machinery.ModuleSpec(fullname, _AliasLoader(module), is_package=hasattr(module, "__path__"))


def _is_core_submodule(head: str) -> bool:
    return False


_FINDER = _AliasFinder()


def install_finder() -> None:
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)
