"""Discovery under stress: concurrent first use, edited plugins, plugins that exit at
import or take a name the core owns."""

from __future__ import annotations

import os
import time

from ._helpers import probe, simple_plugin, write_dist

SLOW = """
import time as _time
_time.sleep(0.2)   # a slow import: other threads miss while this one loads
@hookimpl
def mygrad_functions():
    return {"slow_f": lambda x: x + 1}

@hookimpl
def mygrad_tensor_methods():
    return {"slow_m": lambda t: "method"}
"""

THREADS = """
import threading
barrier = threading.Barrier(4)
results, errors = [], []

def first_use():
    barrier.wait()   # the four threads make their first mygrad calls together
    try:
        results.append(mg.slow_f(1))
        results.append(mg.tensor([1.0]).slow_m())
    except BaseException as e:
        errors.append(f"{type(e).__name__}: {e}")

threads = [threading.Thread(target=first_use) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
R["results"] = sorted(map(str, results))
R["errors"] = errors
R["failed"] = sorted(mygrad_core.failed_plugins())
"""


def test_concurrent_first_use_waits_for_the_loading_thread(tmp_path):
    write_dist(tmp_path, "mygrad-slow", entry_points={"slow": "slowpkg._plugin"}, files=simple_plugin("slowpkg", SLOW))
    for env in ({"MYGRAD_PLUGIN_CACHE": "0"}, {}, {}):  # uncached, cold cache, warm cache
        r = probe(tmp_path, THREADS, env=env)
        assert r["errors"] == [], env
        assert r["results"] == ["2"] * 4 + ["method"] * 4
        assert r["failed"] == [] and list(r["_loaded"]) == ["mygrad-core", "slow"]


ADDED = """
@hookimpl
def mygrad_functions():
    import editpkg.ops as ops
    return {name: getattr(ops, name) for name in ops.__all__}
"""


def test_editing_a_plugin_invalidates_the_cache(tmp_path):
    # a plugin folder on PYTHONPATH (as an editable install): its learnt names are cached
    files = simple_plugin("editpkg", ADDED)
    files["editpkg/ops.py"] = "__all__ = ['one']\ndef one():\n    return 1\n"
    write_dist(tmp_path, "mygrad-edit", entry_points={"edit": "editpkg._plugin"}, files=files)
    probe(tmp_path, "R['one'] = mg.one()")
    lazy = "R['loaded'] = sorted(mygrad_core.plugins.HOST.loaded)\nR['two'] = mg.two() if hasattr(mg, 'two') else None"
    r = probe(tmp_path, lazy)
    assert r["two"] is None  # the cache knows everything `edit` provides
    ops = tmp_path / "editpkg" / "ops.py"
    ops.write_text("__all__ = ['one', 'two']\ndef one():\n    return 1\ndef two():\n    return 2\n")
    later = time.time() + 5  # a coarse file-system clock must still see the change
    os.utime(ops, (later, later))
    assert probe(tmp_path, lazy)["two"] == 2


def test_changed_distribution_metadata_invalidates_the_cache(tmp_path):
    files = simple_plugin("metapkg", "@hookimpl\ndef mygrad_functions():\n    return {'meta_f': 1}\n")
    write_dist(tmp_path, "mygrad-meta", entry_points={"meta": "metapkg._plugin"}, files=files)
    assert probe(tmp_path, "R['v'] = mygrad_core.loaded_plugins()['meta'].version")["v"] == "1.0"
    meta = next(tmp_path.glob("mygrad_meta-*.dist-info")) / "METADATA"
    meta.write_text(meta.read_text().replace("Version: 1.0", "Version: 1.1"))
    later = time.time() + 5
    os.utime(meta, (later, later))
    assert probe(tmp_path, "R['v'] = mygrad_core.loaded_plugins()['meta'].version")["v"] == "1.1"


def test_manifest_names_are_read_without_importing(tmp_path):
    files = simple_plugin("manpkg", "import manpkg.ops as ops\n@hookimpl\ndef mygrad_functions():\n    return {n: getattr(ops, n) for n in ops.__all__}\n")
    files["manpkg/ops.py"] = "__all__ = ['man_f']\n__all__ += ['man_g']\nman_f = man_g = 1\n"
    files["manpkg/mygrad-plugin.json"] = '{"modules": ["manpkg.ops"], "namespaces": []}'
    write_dist(tmp_path, "mygrad-man", entry_points={"man": "manpkg._plugin"}, files=files)
    other = simple_plugin("otherpkg", "@hookimpl\ndef mygrad_functions():\n    return {'other_f': 1}\n")
    other["otherpkg/mygrad-plugin.json"] = '{"modules": [], "namespaces": []}'
    write_dist(tmp_path, "mygrad-other", entry_points={"other": "otherpkg._plugin"}, files=other)
    r = probe(
        tmp_path,
        """
        from mygrad_core.registry import provider_of
        R["imported_before"] = "manpkg" in sys.modules
        R["g"] = mg.man_g
        R["loaded"] = sorted(mygrad_core.plugins.HOST.loaded)
        R["provider"] = provider_of("man_g")
        """,
    )
    # a cold cache: the manifest names man_g, so only `man` is imported for it
    assert r["provider"] == "mygrad-man" and r["imported_before"] is False
    assert r["g"] == 1 and r["loaded"] == ["man", "mygrad-core"]


EXITS = """
raise SystemExit("this plugin exits at import")
"""


def test_plugin_raising_systemexit_is_reported_and_skipped(tmp_path):
    write_dist(tmp_path, "mygrad-exits", entry_points={"exits": "exitpkg._plugin"}, files=simple_plugin("exitpkg", EXITS))
    write_dist(tmp_path, "mygrad-fine", entry_points={"fine": "finepkg._plugin"},
               files=simple_plugin("finepkg", "@hookimpl\ndef mygrad_functions():\n    return {'fine_f': 3}\n"))
    r = probe(tmp_path, "R['fine'] = mg.fine_f")
    assert r["fine"] == 3
    assert r["_failed"]["exits"] == ["mygrad-exits", "SystemExit: this plugin exits at import"]
    assert any("exits" in w and "SystemExit" in w for w in r["_warnings"])


RESERVED = """
@hookimpl
def mygrad_functions():
    return {"tensor": lambda *a: None, "safe_name": 1}
"""


def test_plugin_contributing_a_core_name_is_a_named_error(tmp_path):
    write_dist(tmp_path, "mygrad-greedy", entry_points={"greedy": "greedypkg._plugin"}, files=simple_plugin("greedypkg", RESERVED))
    r = probe(tmp_path, "R['tensor'] = mg.tensor is mygrad_core.tensor\nR['safe'] = hasattr(mg, 'safe_name')")
    assert r["tensor"] is True and r["safe"] is False  # rolled back entirely
    error = r["_failed"]["greedy"][1]
    assert error.startswith("PluginConflictError") and "'tensor'" in error and "mygrad-core" in error
    # a facade-only name (NumPy's pi) is the facade's too
    write_dist(tmp_path, "mygrad-pi", entry_points={"pi": "pipkg._plugin"},
               files=simple_plugin("pipkg", "@hookimpl\ndef mygrad_functions():\n    return {'pi': 3}\n"))
    r = probe(tmp_path, "R['pi'] = mg.pi")
    assert r["pi"] != 3 and "PluginConflictError" in r["_failed"]["pi"][1]
