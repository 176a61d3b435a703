"""Finding installed plugins: entry points, the discovery cache, load order and
loading on demand.

Discovery walks the entry-point group ``mygrad.plugins`` with importlib-metadata and
registers each plugin with the host (:mod:`mygrad_core.plugins`), one at a time, so a
failing plugin is rolled back and reported while the others load. Plugins are sorted by
entry-point name, then so that a plugin loads after the plugins of the distributions it
requires.
"""

from __future__ import annotations

import importlib
import os
import sys
import warnings
import zlib
from typing import Any, Dict, List, Optional, Set, Tuple

from mygrad_core.errors import MyGradPluginWarning
from mygrad_core.hookspecs import ENTRY_POINT_GROUP
from mygrad_core.plugins import HOST, PluginInfo, _items, _key_name, register_plugin

__all__ = ["load_plugins", "ensure_loaded", "ensure_provider"]



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
    # one file per environment and import path: processes that differ in sys.path (a
    # script's folder, pytest's rootdir) do not overwrite each other's cache
    env = zlib.crc32("|".join([sys.prefix, sys.executable, *sys.path]).encode())
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
