"""The discovery cache: a second process finds the plugins without reading metadata,
and installing or removing a distribution invalidates the cache."""

from __future__ import annotations

from ._helpers import probe, simple_plugin, write_dist

HOOKS = """
@hookimpl
def mygrad_functions():
    return {"%s": %d}
"""

CHECK = """
plugins.ensure_loaded()
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
