"""The discovery cache: a second process finds the plugins without reading metadata,
and installing or removing a distribution invalidates the cache."""

from __future__ import annotations

import json
import os

from ._helpers import probe, records, simple_plugin, write_dist

HOOKS = """
@hookimpl
def mygrad_functions():
    return {"%s": %d}
"""

CHECK = """
mygrad_core.discovery.ensure_loaded()
R["metadata_read"] = "importlib_metadata" in sys.modules or "email.parser" in sys.modules
R["names"] = sorted(n for n in ("alpha", "beta") if hasattr(mg, n))
"""


def _install(root, dist, package, name, value):
    write_dist(root, dist, entry_points={package: f"{package}._plugin"}, files=simple_plugin(package, HOOKS % (name, value)))


def test_second_process_uses_the_cache(tmp_path):
    _install(tmp_path, "alpha-dist", "alphapkg", "alpha", 1)
    first = probe(tmp_path, CHECK)
    assert first["names"] == ["alpha"]
    assert (tmp_path / ".mygrad-cache").is_dir(), "the first discovery writes the cache"
    second = probe(tmp_path, CHECK)
    assert second["names"] == ["alpha"]
    assert second["metadata_read"] is False, "a cache hit must not read installed metadata"
    assert second["_loaded"]["alphapkg"][0] == "alpha-dist"


def test_installing_a_distribution_invalidates_the_cache(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _install(site, "alpha-dist", "alphapkg", "alpha", 1)
    env = {"PYTHONPATH": str(site)}
    assert probe(tmp_path, CHECK, env=env)["names"] == ["alpha"]
    _install(site, "beta-dist", "betapkg", "beta", 2)
    assert probe(tmp_path, CHECK, env=env)["names"] == ["alpha", "beta"]


def test_cache_can_be_turned_off(tmp_path):
    _install(tmp_path, "alpha-dist", "alphapkg", "alpha", 1)
    env = {"MYGRAD_PLUGIN_CACHE": "0"}
    probe(tmp_path, CHECK, env=env)
    again = probe(tmp_path, CHECK, env=env)
    assert again["names"] == ["alpha"]
    assert again["metadata_read"] is True
    assert not (tmp_path / ".mygrad-cache").exists()


LAZY = """
R["before"] = sorted(n for n in plugins.HOST.loaded if n != "mygrad-core")
R["value"] = getattr(mg, NAME, None)
R["after"] = sorted(n for n in plugins.HOST.loaded if n != "mygrad-core")
"""


def test_warm_cache_loads_only_the_plugin_that_provides_a_name(tmp_path):
    _install(tmp_path, "alpha-dist", "alphapkg", "alpha", 1)
    _install(tmp_path, "beta-dist", "betapkg", "beta", 2)
    probe(tmp_path, CHECK)  # cold: loads both and records what each contributes
    (tmp_path / "record.txt").write_text("")
    r = probe(tmp_path, "NAME = 'beta'\n" + LAZY)
    assert r["before"] == [] and r["value"] == 2 and r["after"] == ["betapkg"]
    # the epilogue's full discovery loads the rest, without reporting betapkg twice
    assert sorted(r["_loaded"]) == ["alphapkg", "betapkg", "mygrad-core"] and r["_failed"] == {}
    assert records(tmp_path).count("betapkg._plugin") == 1


def test_warm_cache_unknown_name_imports_nothing(tmp_path):
    _install(tmp_path, "alpha-dist", "alphapkg", "alpha", 1)
    probe(tmp_path, CHECK)
    r = probe(tmp_path, "NAME = 'no_such_name'\n" + LAZY)
    assert r["value"] is None and r["after"] == []


def test_shared_key_loads_the_sharers_together_in_order(tmp_path):
    # two plugins giving the same name: load order decides, so they load together, in
    # order, whichever is asked for; a plugin sharing nothing with them stays unloaded
    shared = "SHARED = object()\n@hookimpl\ndef mygrad_functions():\n    return {'%s': %d, 'shared': SHARED}\n"
    override = "\n@hookimpl\ndef mygrad_overrides():\n    return ['shared']\n"
    write_dist(tmp_path, "alpha-dist", entry_points={"alphapkg": "alphapkg._plugin"},
               files=simple_plugin("alphapkg", shared % ("alpha", 1)))
    write_dist(tmp_path, "beta-dist", entry_points={"betapkg": "betapkg._plugin"},
               files=simple_plugin("betapkg", shared % ("beta", 2) + override))
    _install(tmp_path, "gamma-dist", "gammapkg", "gamma", 3)
    probe(tmp_path, CHECK)
    for name in ("alpha", "beta"):
        owner = "import betapkg._plugin as b\nR['beta_owns'] = mg.shared is b.SHARED\n"
        r = probe(tmp_path, f"NAME = {name!r}\n" + LAZY + owner)
        assert r["value"] == (1 if name == "alpha" else 2)
        assert r["after"] == ["alphapkg", "betapkg"], name
        assert r["beta_owns"] is True  # the override decided, as in a full load


def test_one_cache_file_per_environment(tmp_path):
    # scripts run from different folders share the environment's one cache file, and
    # a process started from a new folder still hits it
    site = tmp_path / "site"
    site.mkdir()
    _install(site, "alpha-dist", "alphapkg", "alpha", 1)
    env = {"PYTHONPATH": str(site)}
    for i in range(3):
        folder = tmp_path / f"work{i}"
        folder.mkdir()
        (folder / "script.py").write_text(
            "import sys, json\nimport mygrad as mg\nmg.alpha\n"
            "print(json.dumps(['importlib_metadata' in sys.modules or 'email.parser' in sys.modules]))\n"
        )
        from ._helpers import run_python

        proc = run_python(None, folder, args=(str(folder / "script.py"),), env=dict(env, MYGRAD_CACHE_DIR=str(tmp_path / "cache")))
        metadata_read = json.loads(proc.stdout.splitlines()[-1])[0]
        assert metadata_read == (i == 0), f"run {i} from a new folder"
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [next((tmp_path / "cache").iterdir()).name]
    assert len(list((tmp_path / "cache").iterdir())) == 1


def test_cache_lives_in_the_platform_cache_dir(tmp_path, monkeypatch):
    import platformdirs

    from mygrad_core import discovery

    monkeypatch.delenv("MYGRAD_CACHE_DIR", raising=False)
    monkeypatch.delenv("MYGRAD_PLUGIN_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    path = discovery._cache_file()
    assert path is not None
    assert os.path.dirname(path) == platformdirs.user_cache_dir("mygrad", appauthor=False)
    monkeypatch.setenv("MYGRAD_CACHE_DIR", str(tmp_path / "mine"))
    assert os.path.dirname(discovery._cache_file()) == str(tmp_path / "mine")
    monkeypatch.setenv("MYGRAD_PLUGIN_CACHE", "0")
    assert discovery._cache_file() is None


def test_cache_hit_imports_neither_packaging_nor_platformdirs(tmp_path):
    _install(tmp_path, "alpha-dist", "alphapkg", "alpha", 1)
    probe(tmp_path, CHECK)
    r = probe(tmp_path, CHECK + "R['heavy'] = sorted(m for m in ('packaging', 'platformdirs', 'importlib.metadata') if m in sys.modules)\n")
    assert r["names"] == ["alpha"] and r["heavy"] == []
