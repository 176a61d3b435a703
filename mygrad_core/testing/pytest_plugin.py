"""The pytest plugin of the kit (registered through the ``pytest11`` entry point).

- Hypothesis profiles ``mygrad-ci`` (25 examples, no deadline, derandomized) and
  ``mygrad-dev`` (100 examples, no deadline). Hypothesis is optional and imported
  lazily: only when a profile is requested (``HYPOTHESIS_PROFILE=...``, ``CI`` set, or
  ``--hypothesis-profile``) or once something else has imported it. Without
  hypothesis installed this plugin does nothing about profiles.
- The ``mygrad_registry`` fixture: an isolated registry holding mygrad-core's own
  entries plus only the plugins a test names.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Iterator, Optional

import pytest

_PROFILES_DONE = False


def register_hypothesis_profiles() -> bool:
    """Register the ``mygrad-*`` hypothesis profiles; False if hypothesis is missing."""
    global _PROFILES_DONE
    if _PROFILES_DONE:
        return True
    try:
        from hypothesis import HealthCheck, settings
    except ImportError:
        return False
    settings.register_profile(
        "mygrad-ci",
        max_examples=25,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
        print_blob=True,
    )
    settings.register_profile("mygrad-dev", max_examples=100, deadline=None)
    _PROFILES_DONE = True
    return True


def _requested_profile(config: Any) -> Optional[str]:
    try:
        option = config.getoption("--hypothesis-profile")
    except ValueError:  # hypothesis' own pytest plugin is absent
        option = None
    if option:
        return None  # hypothesis' plugin loads it (our profiles exist by then)
    if os.environ.get("HYPOTHESIS_PROFILE"):
        return os.environ["HYPOTHESIS_PROFILE"]
    if os.environ.get("CI"):
        return "mygrad-ci"
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: Any) -> None:
    wanted = bool(os.environ.get("HYPOTHESIS_PROFILE") or os.environ.get("CI"))
    try:
        wanted = wanted or bool(config.getoption("--hypothesis-profile"))
    except ValueError:
        pass
    if not (wanted or "hypothesis" in sys.modules):
        return  # stay lazy: see pytest_collection_finish
    if not register_hypothesis_profiles():
        return
    profile = _requested_profile(config)
    if profile:
        from hypothesis import settings

        settings.load_profile(profile)


def pytest_collection_finish(session: Any) -> None:
    # test modules that use hypothesis have imported it by now: make our profiles
    # available to them (e.g. ``settings.get_profile("mygrad-ci")``)
    if "hypothesis" in sys.modules:
        register_hypothesis_profiles()


class IsolatedRegistry:
    """What the ``mygrad_registry`` fixture yields.

    Call it to register a plugin into the isolated registry:

    - ``mygrad_registry(module_or_object, name=None)`` registers that plugin;
    - ``mygrad_registry("math")`` loads the installed entry point named ``math`` (group
      ``mygrad.plugins``) and registers it, with its distribution and version.

    ``.registry`` is the live :class:`~mygrad_core.registry.Registry`; ``.names``
    lists the plugins registered through this fixture.
    """

    def __init__(self) -> None:
        from mygrad_core.registry import REGISTRY

        self.registry = REGISTRY
        self.names: list = []

    def __call__(self, plugin: Any, name: Optional[str] = None) -> Any:
        from mygrad_core import discovery, plugins

        if isinstance(plugin, str):
            matches = [ep for ep in discovery._entry_points() if ep.name == plugin]
            if not matches:
                raise LookupError(f"no installed entry point {plugin!r} in group {plugins.ENTRY_POINT_GROUP!r}")
            ep = matches[0]
            info = plugins.register_plugin(ep.load(), name or ep.name, distribution=ep.dist_name, version=ep.version)
        else:
            info = plugins.register_plugin(plugin, name)
        self.names.append(info.name)
        return info


@pytest.fixture
def mygrad_registry() -> Iterator[IsolatedRegistry]:
    """An isolated registry: only mygrad-core's own entries plus the plugins you name.

    Discovery is off while the test runs; everything (registry, plugin manager, the
    list of loaded plugins, the ``mygrad`` facade) is restored afterwards.

    Examples
    --------
    ::

        import mygrad_example._plugin as plugin

        def test_softplus(mygrad_registry):
            mygrad_registry(plugin)           # or mygrad_registry("example")
            import mygrad as mg
            assert mg.softplus(0.0).item() == pytest.approx(np.log(2))
    """
    from mygrad_core import plugins

    host = plugins.HOST
    saved_entries = dict(host.entries)
    saved_failed = dict(host.failed)
    saved_flags = (host.discovered, host.discovering)
    pm = host.pm
    # take every plugin but the core out of the manager and the registry
    for name, entry in saved_entries.items():
        if name != "mygrad-core":
            pm.unregister(plugin=entry.plugin, name=name)
    host.entries = {n: e for n, e in saved_entries.items() if n == "mygrad-core"}
    host.failed = {}
    host.discovered = True  # no discovery while isolated
    plugins._rebuild()
    plugins._refresh_contributes()
    plugins._invalidate_facade()
    try:
        yield IsolatedRegistry()
    finally:
        for name, entry in list(host.entries.items()):
            if name != "mygrad-core":
                pm.unregister(plugin=entry.plugin, name=name)
        for name, entry in saved_entries.items():
            if name != "mygrad-core":
                pm.register(entry.plugin, name=name)
        host.entries = saved_entries
        host.failed = saved_failed
        host.discovered, host.discovering = saved_flags
        plugins._rebuild()
        plugins._refresh_contributes()
        plugins._invalidate_facade()
