"""Finding installed plugins: entry points, manifests, the discovery cache, load order
and loading on demand.

Discovery reads the entry-point group ``mygrad.plugins`` and registers each plugin with
the host (:mod:`mygrad_core.plugins`), one at a time, so a failing plugin is rolled back
and reported while the others load. Plugins are sorted by entry-point name, then so that
a plugin loads after the plugins of the distributions it requires.

Loading is lazy: the package ``__init__`` sets ``REGISTRY.on_miss`` to
:func:`ensure_provider`, which the Tensor, the NumPy dispatch and the facade call on the
first name the registry does not have. When discovery knows what each installed plugin
provides (from the plugin's manifest, or from what it contributed when a process last
loaded it), only the plugin providing the name is imported.

A plugin may ship a manifest, ``mygrad-plugin.json`` inside its top-level package::

    {"modules": ["mygrad_math.trigonometric", ...], "namespaces": ["math"]}

naming the modules whose ``__all__`` lists its top-level functions and the namespaces it
adds. Discovery reads those ``__all__`` lists with :mod:`ast`, without importing
anything. A plugin without a manifest is learnt by importing it.

The cache keeps what a scan found (metadata reading and manifests cost more than the rest
of ``import mygrad``): one file per environment under the user cache directory
(``MYGRAD_CACHE_DIR`` overrides it, ``MYGRAD_PLUGIN_CACHE=0`` turns it off), valid while
no directory on ``sys.path``, no plugin package file and no plugin's distribution
metadata has changed.
"""

from __future__ import annotations

import _thread
import importlib
import marshal
import os
import sys
import warnings
import zlib
from typing import Any, Dict, List, Optional, Set, Tuple

from mygrad_core.errors import MyGradPluginWarning
from mygrad_core.hookspecs import ENTRY_POINT_GROUP, key_name
from mygrad_core.plugins import HOST, PluginInfo
from mygrad_core.registry import REGISTRY, learn_providers, provider_of

__all__ = [
    "load_plugins",
    "ensure_loaded",
    "ensure_provider",
    "loaded_plugins",
    "failed_plugins",
    "disabled_plugins",
    "entry_point",
    "MANIFEST",
]

MANIFEST = "mygrad-plugin.json"
_FORMAT = 3
_KEEP_CONFIGS = 8  # import configurations (sys.path variants) kept per environment


class _EntryPoint:
    """An entry point of group ``mygrad.plugins``, as discovery needs it."""

    __slots__ = ("name", "value", "dist_name", "version", "requires", "keys", "complete", "metadata")

    def __init__(
        self,
        name: str,
        value: str,
        dist_name: Optional[str],
        version: Optional[str],
        requires: Tuple[str, ...] = (),
        keys: Optional[Set[str]] = None,
        complete: bool = False,
    ) -> None:
        self.name, self.value, self.dist_name, self.version = name, value, dist_name, version
        self.requires = requires  # normalised names of the distributions it requires
        # the keys (names, dunders, ``numpy.sin`` ...) it provides, as far as known
        # (None: nothing known); complete: known from loading it, not only its manifest
        self.keys = keys
        self.complete = complete
        self.metadata: Any = None  # the importlib.metadata.EntryPoint, after a scan

    def load(self) -> Any:
        if self.metadata is not None:
            return self.metadata.load()
        # from the cache: what importlib.metadata.EntryPoint.load does, without
        # importing importlib.metadata (which costs more than ``import mygrad``)
        module, _, attrs = self.value.partition(":")
        obj: Any = importlib.import_module(module.strip())
        for attr in filter(None, attrs.strip().split(".")):
            obj = getattr(obj, attr)
        return obj

    def as_tuple(self) -> tuple:
        keys = None if self.keys is None else sorted(self.keys)
        return (self.name, self.value, self.dist_name, self.version, self.requires, keys, self.complete)

    @classmethod
    def from_tuple(cls, t: tuple) -> "_EntryPoint":
        name, value, dist, version, requires, keys, complete = t
        return cls(name, value, dist, version, tuple(requires), None if keys is None else set(keys), complete)


class _State:
    entry_points: Optional[List[_EntryPoint]] = None  # read once per process
    cache: Tuple[Optional[str], str, Optional[dict]] = (None, "", None)  # path, config, stamps
    loading = False  # the thread holding HOST.lock is loading plugins
    learnt = False


_STATE = _State()


# ------------------------------------------------------------------ the cache


def _cache_off() -> bool:
    return os.environ.get("MYGRAD_PLUGIN_CACHE", "1").strip().lower() in ("0", "false", "no", "off")


def _user_cache_dir() -> str:
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        # platformdirs' rule for these systems, spelt out: importing platformdirs on
        # every start would cost more than reading the cache
        root = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
        return os.path.join(root, "mygrad")
    import platformdirs

    return platformdirs.user_cache_dir("mygrad", appauthor=False)


def _cache_file() -> Optional[str]:
    if _cache_off():
        return None
    root = os.environ.get("MYGRAD_CACHE_DIR") or _user_cache_dir()
    env = zlib.crc32(f"{sys.prefix}|{sys.executable}".encode())
    return os.path.join(root, f"plugins-{env:08x}.marshal")


def _split_path() -> Tuple[List[str], List[str]]:
    """sys.path as (entries that identify the configuration, local entries).

    ``sys.path[0]`` (the script's folder, or the working directory) and the working
    directory change from one run to the next: they identify no configuration, and
    only the distributions they hold matter. Everything else is stamped by mtime."""
    cwd = os.getcwd()
    fixed, local = [], []
    for i, entry in enumerate(sys.path):
        if (i == 0 and not getattr(sys.flags, "safe_path", False)) or entry in ("", ".", cwd):
            local.append(entry or ".")
        else:
            fixed.append(entry)
    return fixed, local


def _config() -> str:
    """Which import configuration of this environment the process runs."""
    # (the package root is imported by now; the host never imports it by name)
    version = getattr(sys.modules.get("mygrad_core"), "__version__", "")
    key = "\n".join([str(_FORMAT), sys.version, version, *_split_path()[0]])
    return f"{zlib.crc32(key.encode()):08x}-{len(key)}"


def _local_metadata() -> List[str]:
    names = []
    for entry in _split_path()[1]:
        try:
            names += sorted(n for n in os.listdir(entry) if n.endswith((".dist-info", ".egg-info")))
        except OSError:
            pass
    return names


def _mtime(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def _valid(record: dict) -> bool:
    if record.get("local") != _local_metadata():
        return False
    return all(_mtime(path) == mtime for path, mtime in record["stamps"])


def _read_cache(path: str, config: str) -> Optional[Tuple[List[_EntryPoint], dict]]:
    try:
        with open(path, "rb") as f:
            data = marshal.load(f)
        record = data["configs"][config]
        if data["format"] != _FORMAT or not _valid(record):
            return None
        return [_EntryPoint.from_tuple(t) for t in record["entry_points"]], record
    except (OSError, EOFError, ValueError, TypeError, KeyError):  # missing, damaged, other format
        return None


def _write_cache(path: str, config: str, entries: List[_EntryPoint], record: dict) -> None:
    record = dict(record, entry_points=[e.as_tuple() for e in entries])
    try:
        try:
            with open(path, "rb") as f:
                data = marshal.load(f)
            configs = data["configs"] if data.get("format") == _FORMAT else {}
        except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError):
            configs = {}
        configs.pop(config, None)
        configs[config] = record  # most recent last
        while len(configs) > _KEEP_CONFIGS:
            del configs[next(iter(configs))]
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.{_thread.get_ident()}.tmp"
        with open(tmp, "wb") as f:
            marshal.dump({"format": _FORMAT, "configs": configs}, f)
        os.replace(tmp, path)
    except OSError:  # a read-only home: discovery just stays uncached
        pass


# --------------------------------------------------------------- scanning


def _norm(name: str) -> str:
    import re

    return re.sub(r"[-_.]+", "-", name).lower()


def _requires(dist: Any) -> Tuple[str, ...]:
    from packaging.requirements import InvalidRequirement, Requirement

    names = []
    for line in dist.requires or ():
        try:
            req = Requirement(line)
        except InvalidRequirement:
            continue
        if req.marker is not None and "extra" in str(req.marker):
            continue  # optional extras do not order loading
        names.append(_norm(req.name))
    return tuple(names)


def _ordered(eps: List[_EntryPoint]) -> List[_EntryPoint]:
    """Entry points sorted by (name, distribution), then dependencies first."""
    eps = sorted(eps, key=lambda ep: (ep.name, _norm(ep.dist_name or "")))
    by_dist: Dict[str, List[_EntryPoint]] = {}
    for ep in eps:
        if ep.dist_name is not None:
            by_dist.setdefault(_norm(ep.dist_name), []).append(ep)
    out: List[_EntryPoint] = []
    seen: Set[int] = set()

    def visit(ep: _EntryPoint) -> None:
        if id(ep) in seen:
            return
        seen.add(id(ep))  # marked before recursing: a dependency cycle cannot loop
        for dep in ep.requires:
            for other in by_dist.get(dep, ()):
                visit(other)
        out.append(ep)

    for ep in eps:
        visit(ep)
    return out


def _package_files(top: str) -> Tuple[List[str], Optional[str]]:
    """The files of top-level package ``top`` and its manifest, found without importing
    it."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return [], None
    if spec is None:
        return [], None
    roots = list(spec.submodule_search_locations or ())
    if not roots:
        return ([spec.origin] if spec.origin else []), None
    paths: List[str] = []
    manifest = None
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
            paths.extend(os.path.join(folder, f) for f in files if f.endswith((".py", ".json", ".pth")))
        if manifest is None and os.path.isfile(os.path.join(root, MANIFEST)):
            manifest = os.path.join(root, MANIFEST)
    return paths, manifest


def _module_all(module: str) -> Optional[List[str]]:
    """``module.__all__`` read with ast (None if it is not a literal list)."""
    import ast
    import importlib.util

    top, _, rest = module.partition(".")
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    candidates = []
    for root in spec.submodule_search_locations or ():
        base = os.path.join(root, *rest.split(".")) if rest else root
        candidates += [base + ".py", os.path.join(base, "__init__.py")]
    if not rest and spec.origin:
        candidates.append(spec.origin)
    for path in candidates:
        if os.path.isfile(path):
            break
    else:
        return None
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    names: List[str] = []
    for node in tree.body:
        target = value = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            target, value = node.target, node.value
        if not (isinstance(target, ast.Name) and target.id == "__all__") or value is None:
            continue
        try:
            listed = ast.literal_eval(value)
        except ValueError:
            return None
        if isinstance(node, ast.AugAssign):
            names += list(listed)
        else:
            names = list(listed)
    return names


def _manifest_keys(path: str) -> Optional[Set[str]]:
    import json

    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
        keys = set(manifest.get("namespaces", ()))
        for module in manifest.get("modules", ()):
            names = _module_all(module)
            if names is None:
                return None
            keys.update(names)
        return keys
    except (OSError, ValueError, AttributeError, TypeError, SyntaxError):
        return None


def _scan() -> Tuple[List[_EntryPoint], dict]:
    """Read the installed metadata: the entry points in load order and the stamps that
    tell when the result is out of date."""
    if sys.version_info >= (3, 12):
        from importlib.metadata import entry_points
    else:  # pragma: no cover - depends on the Python version
        from importlib_metadata import entry_points

    # a folder on sys.path changes when a distribution is installed or removed; a
    # plugin's files and metadata change when it is edited or reinstalled (a plugin's
    # own folders are not stamped: Python adds __pycache__ to them)
    stamps: Dict[str, int] = {}
    for entry in _split_path()[0]:
        stamps[entry] = _mtime(entry)
    entries = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        dist = ep.dist
        keys = None
        top = ep.module.split(".")[0]
        files, manifest = _package_files(top)
        for path in files:
            stamps[path] = _mtime(path)
        if manifest is not None:
            keys = _manifest_keys(manifest)
        requires: Tuple[str, ...] = ()
        if dist is not None:
            requires = _requires(dist)
            # (a reinstall rewrites these; each stamp costs a stat at start-up).
            # ``_path``: where a PathDistribution's metadata lives (RECORD, which
            # ``dist.files`` reads, may be absent)
            folder = getattr(dist, "_path", None)
            if folder is not None:
                for name in ("METADATA", "PKG-INFO", "entry_points.txt"):
                    path = os.path.join(str(folder), name)
                    if os.path.exists(path):
                        stamps[path] = _mtime(path)
        found = _EntryPoint(
            ep.name,
            ep.value,
            dist.name if dist is not None else None,
            dist.version if dist is not None else None,
            requires,
            keys,
        )
        found.metadata = ep
        entries.append(found)
    return _ordered(entries), {"stamps": sorted(stamps.items()), "local": _local_metadata()}


def _entry_points() -> List[_EntryPoint]:
    """The installed entry points of group ``mygrad.plugins``, in load order (read once
    per process)."""
    if _STATE.entry_points is not None:
        return _STATE.entry_points
    path = _cache_file()
    config = _config() if path else ""
    cached = _read_cache(path, config) if path else None
    if cached is not None:
        entries, record = cached
    else:
        entries, record = _scan()
        if path:
            _write_cache(path, config, entries, record)
    _STATE.entry_points = entries
    _STATE.cache = (path, config, record)
    learn_providers({key: ep.dist_name for ep in entries if ep.dist_name and ep.keys for key in ep.keys})
    return entries


def _remember_keys() -> None:
    """After a full discovery: record what each loaded plugin contributed in the cache."""
    path, config, record = _STATE.cache
    eps = _STATE.entry_points
    if not eps:
        return
    changed = False
    for ep in eps:
        info = HOST.info(ep.name)
        if info is None or info.distribution != ep.dist_name:
            continue
        keys = HOST.offered(ep.name)
        if ep.keys != keys or not ep.complete:
            ep.keys, ep.complete = keys, True
            changed = True
    if changed:
        learn_providers({key: ep.dist_name for ep in eps if ep.dist_name and ep.keys for key in ep.keys})
        if path and record is not None:
            _write_cache(path, config, eps, record)


def entry_point(name: str) -> Any:
    """The installed entry point ``name`` of group ``mygrad.plugins`` (with ``load()``,
    ``dist_name`` and ``version``); LookupError if none."""
    for ep in _entry_points():
        if ep.name == name:
            return ep
    raise LookupError(f"no installed entry point {name!r} in group {ENTRY_POINT_GROUP!r}")


# ------------------------------------------------------------ controls, state


def _disabled_names() -> Set[str]:
    raw = os.environ.get("MYGRAD_DISABLE_PLUGINS", "")
    return {n.strip() for n in raw.split(",") if n.strip()}


def _is_disabled(ep: _EntryPoint, disabled: Set[str]) -> bool:
    return ep.name in disabled or (ep.dist_name is not None and _norm(ep.dist_name) in {_norm(d) for d in disabled})


def _autoload_disabled() -> bool:
    return os.environ.get("MYGRAD_DISABLE_PLUGIN_AUTOLOAD", "").strip().lower() not in ("", "0", "false", "no")


def _disable(ep: _EntryPoint) -> None:
    HOST.disable(ep.name, PluginInfo(ep.name, ep.dist_name, ep.version, error="disabled by MYGRAD_DISABLE_PLUGINS"))


def _provider_state(dist: str) -> Optional[str]:
    """Why the installed distribution ``dist`` provides nothing here (None: it is not
    installed); ``"loaded"`` if it is loaded (also when registered at run time)."""
    if any(info.distribution and _norm(info.distribution) == _norm(dist) for info in HOST.loaded.values()):
        return "loaded"
    try:
        eps = [ep for ep in _entry_points() if ep.dist_name and _norm(ep.dist_name) == _norm(dist)]
    except Exception:  # noqa: BLE001 - an error message must not fail
        return None
    if not eps:
        return None
    disabled = _disabled_names()
    failed = HOST.failed
    for ep in eps:
        if HOST.is_loaded(ep.name):
            return "loaded"
        if _is_disabled(ep, disabled):
            return "disabled (MYGRAD_DISABLE_PLUGINS); remove it from that variable to use it"
        if ep.name in failed:
            return f"failed to load ({failed[ep.name].error})"
    names = ", ".join(repr(ep.name) for ep in eps)
    if HOST.isolation:
        return (
            "not registered in this isolated registry (the `mygrad_registry` fixture): "
            f"register it with `mygrad_registry({eps[0].name!r})`"
        )
    if _autoload_disabled():
        return f"not loaded: MYGRAD_DISABLE_PLUGIN_AUTOLOAD is set (unset it, or register {names} with `mygrad_core.register_plugin`)"
    return "not loaded"


REGISTRY.provider_state = _provider_state


def _fail(name: str, info: PluginInfo, message: str) -> None:
    HOST.fail(name, info)
    warnings.warn(message, MyGradPluginWarning, stacklevel=5)


def _load_entry(ep: _EntryPoint) -> None:
    name, dist, version = ep.name, ep.dist_name, ep.version
    try:
        plugin = ep.load()
        HOST.register(plugin, name, distribution=dist, version=version)
    except KeyboardInterrupt:
        raise
    except BaseException as e:  # noqa: B036 - a broken plugin (even SystemExit) must not break mygrad
        error = f"{type(e).__name__}: {e}"
        _fail(
            name,
            PluginInfo(name, dist, version, error=error),
            f"the mygrad plugin {name!r} from distribution {dist} {version} failed to "
            f"load and was skipped: {error}",
        )


# ---------------------------------------------------------------- loading


def load_plugins() -> None:
    """Discover and register the plugins of entry-point group ``mygrad.plugins``.

    Runs once per process (later calls do nothing); :func:`ensure_loaded` calls it on
    the first name, method, operator or NumPy function the registry does not have.
    ``MYGRAD_DISABLE_PLUGIN_AUTOLOAD=1`` keeps it from running on a miss (calling it
    still loads the plugins); ``MYGRAD_DISABLE_PLUGINS=a,b`` blocks the plugins with
    those entry-point (or distribution) names before they are imported. A plugin that
    fails is rolled back and reported with a MyGradPluginWarning; the others load. Two
    distributions with the same entry-point name: the first in (distribution name)
    order loads, the other is reported. Safe to call from several threads: a second
    thread waits for the first to finish.
    """
    with HOST.lock:
        if HOST.discovered or _STATE.loading:
            return
        _STATE.loading = True
        try:
            _load_all()
        finally:
            _STATE.loading = False
            HOST.discovered = True


def _load_all() -> None:
    if _autoload_disabled():
        return
    disabled = _disabled_names()
    taken: Dict[str, Optional[str]] = {}
    for ep in _entry_points():
        name, dist, version = ep.name, ep.dist_name, ep.version
        if _is_disabled(ep, disabled):
            _disable(ep)  # never imported
            continue
        info = HOST.info(name)
        if info is not None and info.distribution == dist and name not in taken:
            taken[name] = dist  # loaded earlier in this process, on demand
            continue
        if name in taken or info is not None:
            other = taken.get(name) or (info.distribution if info is not None else None)
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


def ensure_loaded() -> bool:
    """Run discovery if it has not run yet; True if that registered anything."""
    if HOST.discovered:
        return False
    with HOST.lock:
        before = len(HOST.names())
        load_plugins()
        return len(HOST.names()) != before


def _present(key: Any) -> bool:
    reg = REGISTRY
    if isinstance(key, str):
        return key in reg.functions or key in reg.namespaces or key in reg.tensor_methods
    try:
        return any(key in t for t in (reg.ufunc_overrides, reg.function_overrides, reg.data_ufuncs, reg.data_functions))
    except TypeError:  # unhashable
        return False


def _candidates(key: Any) -> Set[str]:
    name = key_name(key)
    out = {name}
    parts = name.split(".")
    if parts[0] == "numpy" and len(parts) > 1:
        # np.sin goes to whoever provides mg.sin; np.linalg.norm to mg.linalg's owner
        out.update((parts[-1], parts[1]))
    return out


def ensure_provider(key: Any) -> bool:
    """Make sure the plugin providing ``key`` (a name, a Tensor method or a NumPy
    callable) is loaded; True if ``key`` is in the registry afterwards.

    This is ``REGISTRY.on_miss``. When discovery knows what the installed plugins
    provide, only the plugins providing ``key`` are imported, together with those
    sharing a key with them (in discovery order, so that the outcome is the one of
    loading every plugin in order); otherwise all plugins load
    (:func:`ensure_loaded`). A thread that misses while another one loads waits for it.
    """
    if HOST.discovered:
        if _STATE.entry_points is None:
            _learn()  # so that the error message that follows can name the provider
        return _present(key)
    with HOST.lock:
        if HOST.discovered or _STATE.loading or _present(key):
            # a plugin importing mygrad while it loads, or another thread was faster
            return _present(key)
        if _autoload_disabled():
            load_plugins()  # which loads nothing: the miss is final
        else:
            _load_providers(key)
        return _present(key)


def _with_sharers(live: List[_EntryPoint], targets: List[_EntryPoint]) -> List[_EntryPoint]:
    """``targets`` and, transitively, every plugin that provides a key one of them
    provides too, in discovery order.

    Only plugins sharing a key depend on their load order (which one owns the key, or
    whose load fails with a conflict), and a key must not change owner when a later
    plugin loads: loading such plugins together, in order, decides exactly as loading
    every plugin in order would.
    """
    chosen = [ep for ep in targets]
    keys: Set[str] = set().union(*(ep.keys or () for ep in targets))
    grew = True
    while grew:
        grew = False
        for ep in live:
            if ep not in chosen and (ep.keys or set()) & keys:
                chosen.append(ep)
                keys |= ep.keys or set()
                grew = True
    return [ep for ep in live if ep in chosen]


def _learn() -> None:
    with HOST.lock:
        try:
            _entry_points()
        except Exception:  # noqa: BLE001 - only error messages depend on it
            _STATE.entry_points = []


def _load_providers(key: Any) -> None:
    disabled = _disabled_names()
    live: List[_EntryPoint] = []
    for ep in _entry_points():
        if _is_disabled(ep, disabled):
            _disable(ep)  # never imported
            continue
        if ep.keys is None or any(ep.name == other.name for other in live):
            load_plugins()  # unknown contributions, or two plugins of one name
            return
        live.append(ep)
    wanted = _candidates(key)
    dists = {_norm(d) for d in map(provider_of, wanted) if d}
    targets = [ep for ep in live if (ep.keys or set()) & wanted or (ep.dist_name and _norm(ep.dist_name) in dists)]
    if not targets:
        if not all(ep.complete for ep in live):
            load_plugins()  # a manifest lists only functions and namespaces
        return
    _STATE.loading = True
    try:
        for ep in _with_sharers(live, targets):
            if not HOST.is_loaded(ep.name) and ep.name not in HOST.failed:
                _load_entry(ep)
    finally:
        _STATE.loading = False


# ------------------------------------------------------------------ listing


def loaded_plugins() -> Dict[str, PluginInfo]:
    """The registered plugins (running discovery first if it has not run).

    Returns ``{name: PluginInfo}`` in load order; each PluginInfo has
    ``distribution``, ``version`` (None for run-time registrations without them) and
    ``contributes`` (``{"functions": [...], "namespaces": [...], "tensor methods":
    [...], "numpy overrides": [...]}``).
    """
    ensure_loaded()
    return HOST.loaded


def failed_plugins() -> Dict[str, PluginInfo]:
    """Plugins that failed to load: ``{name: PluginInfo}`` with ``error`` set."""
    ensure_loaded()
    return HOST.failed


def disabled_plugins() -> Dict[str, PluginInfo]:
    """Installed plugins blocked by ``MYGRAD_DISABLE_PLUGINS``: ``{name: PluginInfo}``."""
    ensure_loaded()
    return HOST.disabled

