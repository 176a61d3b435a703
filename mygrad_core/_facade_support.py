"""What makes ``import mygrad as mg`` show the installed plugins.

``mg.<name>`` falls back to the registry (discovering plugins on the first miss);
``import mygrad.<ns>[.<sub>]`` goes through a ``sys.meta_path`` finder whose loader
hands back the module object the plugin's own package already holds, so no plugin
file ever executes twice and ``mg.<ns>.x is mygrad_plugin.<ns>.x``.
"""

from __future__ import annotations

import importlib
import sys
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType
from typing import Any, Dict, List, Optional, Sequence

from mygrad_core.discovery import ensure_loaded
from mygrad_core.errors import MissingPluginError
from mygrad_core.registry import REGISTRY, missing_message, provider_of

FACADE = "mygrad"
_PREFIX = FACADE + "."


def invalidate() -> None:
    """Forget what the facade cached (after a plugin is registered or unregistered):
    names cached on the module and ``mygrad.<ns>`` aliases that no longer hold."""
    facade = sys.modules.get(FACADE)
    if facade is None:
        return
    namespace = facade.__dict__
    for name in namespace.get("_plugin_cache", ()):
        namespace.pop(name, None)
    namespace["_plugin_cache"] = set()
    stale = {
        fullname.split(".")[1]
        for fullname, module in _ALIASES.items()
        if fullname.count(".") == 1 and REGISTRY.namespaces.get(fullname[len(_PREFIX) :]) is not module
    }
    for fullname, module in list(_ALIASES.items()):
        head = fullname.split(".")[1]
        if head not in stale:
            continue
        del _ALIASES[fullname]
        if sys.modules.get(fullname) is module:
            del sys.modules[fullname]
        if fullname.count(".") == 1 and namespace.get(head) is module:
            del namespace[head]


_ALIASES: Dict[str, ModuleType] = {}  # "mygrad.<ns>..." -> the module it aliases


def _lookup(name: str) -> Any:
    value = REGISTRY.functions.get(name)
    if value is None:
        value = REGISTRY.namespaces.get(name)
    if value is None and name in REGISTRY.functions:
        return None  # a plugin may export None itself
    if value is None:
        raise KeyError(name)
    return value


def facade_getattr(name: str) -> Any:
    """``mygrad.<name>`` for names the facade does not define itself."""
    if name[:1] == "_":
        # dunder probes (``__path__``, ``__wrapped__`` ...) and private names never
        # come from plugins and never trigger discovery
        raise AttributeError(f"module {FACADE!r} has no attribute {name!r}")
    try:
        value = _lookup(name)
    except KeyError:
        try:
            if not REGISTRY.on_miss(name):  # plugins load on the first miss only
                raise KeyError(name) from None
            value = _lookup(name)
        except KeyError:
            if provider_of(name) is not None:
                raise MissingPluginError(missing_message(f"'{FACADE}.{name}'", name)) from None
            raise AttributeError(f"module {FACADE!r} has no attribute {name!r}") from None
    namespace = sys.modules[FACADE].__dict__
    namespace[name] = value  # cache: the next access is a plain attribute read
    namespace.setdefault("_plugin_cache", set()).add(name)
    return value


def facade_dir(namespace: Dict[str, Any]) -> List[str]:
    """``dir(mygrad)``: the facade's public names plus every plugin name."""
    ensure_loaded()
    names = {n for n in namespace if not n.startswith("_")}
    names.update(REGISTRY.functions)
    names.update(REGISTRY.namespaces)
    return sorted(names)


class _AliasLoader:
    """Loads ``mygrad.<ns>...`` as a module that already exists (no code runs)."""

    def __init__(self, module: ModuleType) -> None:
        self.module = module
        self.original_spec = getattr(module, "__spec__", None)

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        return self.module

    def exec_module(self, module: ModuleType) -> None:
        # the import system set ``__spec__`` to the alias spec; the module keeps its
        # own identity (name, file, spec) as its package defines it
        module.__spec__ = self.original_spec


class _AliasFinder:
    """A ``sys.meta_path`` finder for ``mygrad.<namespace>[.<sub>...]``."""

    def find_spec(self, fullname: str, path: Optional[Sequence[str]] = None, target: Any = None) -> Optional[ModuleSpec]:
        if not fullname.startswith(_PREFIX):
            return None
        parts = fullname.split(".")
        head = parts[1]
        root = REGISTRY.namespaces.get(head)
        if root is None:
            facade = sys.modules.get(FACADE)
            if len(parts) == 2 and facade is not None:
                own = PathFinder.find_spec(fullname, facade.__path__)
                # one of the facade's own files (mygrad.__main__ ...); a folder of type
                # stubs only (mygrad/nnet/*.pyi) is a namespace package: no origin
                if own is not None and own.origin is not None:
                    return None
            REGISTRY.on_miss(head)
            root = REGISTRY.namespaces.get(head)
            if root is None:
                if len(parts) == 2 and provider_of(head) is not None:
                    raise ModuleNotFoundError(missing_message(f"'{fullname}'", head), name=fullname)
                return None
        if len(parts) == 2:
            module = root
        else:
            # Python imports the parents first: resolve from the (real) parent module
            parent = sys.modules[".".join(parts[:-1])]
            child: Any = getattr(parent, parts[-1], None)
            module = child if isinstance(child, ModuleType) else importlib.import_module(f"{parent.__name__}.{parts[-1]}")
        _ALIASES[fullname] = module
        # (a duck-typed loader: importing importlib.abc would cost import time)
        loader: Any = _AliasLoader(module)
        return ModuleSpec(fullname, loader, is_package=hasattr(module, "__path__"))


_FINDER = _AliasFinder()


def install_finder() -> None:
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)
    # the facade forgets what it cached whenever a plugin comes or goes
    REGISTRY.subscribe(invalidate)


def reserve_own_names(namespace: Dict[str, Any]) -> None:
    from mygrad_core.plugins import HOST

    HOST.reserve([n for n in namespace if not n.startswith("_") and n not in REGISTRY.functions], namespace)


# Files and folders PyPI's MyGrad ships inside its ``mygrad`` package that this facade
# never has (its sub-packages come from plugins, through the finder above).
_MYGRAD_ONLY = ("tensor_core.py", "_version.py", "nnet", "math", "linalg", "random")
MARKER = "_MYGRAD_CORE_FACADE"


def clash_message(what: str) -> str:
    return (
        f"{what}: PyPI's MyGrad (distribution 'mygrad') and mygrad-core both install the "
        "package `mygrad`, so they cannot share an environment. Fix: `pip uninstall -y "
        "mygrad mygrad-core`, then reinstall mygrad-core and its plugins (or use MyGrad "
        "alone, or another virtual environment)"
    )


def leftovers(folder: str) -> List[str]:
    """The files of PyPI's MyGrad found in the facade's folder ``folder`` (a sub-package
    counts when it holds code: the facade's own type stubs live in ``nnet/*.pyi``)."""
    import os

    def left(name: str) -> bool:
        path = os.path.join(folder, name)
        if os.path.isdir(path):
            return os.path.exists(os.path.join(path, "__init__.py"))
        return os.path.exists(path)

    return [name for name in _MYGRAD_ONLY if left(name)]


def facade_clash() -> Optional[str]:
    """What is wrong if PyPI's MyGrad is (or was) installed next to mygrad-core; None if
    nothing is (a thorough check for the command line, not for import time)."""
    import importlib.util
    import os

    facade = sys.modules.get(FACADE)
    if facade is not None and not getattr(facade, MARKER, False):
        return clash_message(f"`mygrad` is not mygrad-core's facade (it is {getattr(facade, '__file__', facade)!r})")
    try:
        spec = importlib.util.find_spec(FACADE)
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.origin:
        try:
            with open(spec.origin, encoding="utf-8") as f:
                ours = MARKER in f.read()
        except OSError:
            ours = True
        if not ours:
            return clash_message(f"`import mygrad` runs {spec.origin!r}, which is not mygrad-core's facade")
        found = leftovers(os.path.dirname(spec.origin))
        if found:
            return clash_message(f"mygrad-core's facade was installed over PyPI's MyGrad, whose files remain ({', '.join(found)})")
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        dist = distribution("mygrad")
    except PackageNotFoundError:
        return None
    return clash_message(f"the distribution mygrad {dist.version} (PyPI's MyGrad) is installed")


def refuse_mygrad_leftovers(facade_file: str) -> None:
    """ImportError if the facade was installed over PyPI's MyGrad's files."""
    import os

    found = leftovers(os.path.dirname(facade_file))
    if found:
        raise ImportError(
            clash_message(f"mygrad-core's facade was installed over PyPI's MyGrad, whose files remain ({', '.join(found)})")
        )
