"""The pytest plugin of the kit (registered through the ``pytest11`` entry point).

It imports hypothesis only if installed, registers the ``mygrad-ci`` hypothesis
profile (about 25 examples, no deadline, derandomized) and loads it when the
environment variable ``CI`` is set or ``--hypothesis-profile`` names it, and provides
the ``mygrad_registry`` fixture: an isolated registry holding only the plugins a test
names.
"""

from __future__ import annotations

import importlib.util
import os
from typing import Any, Callable, Iterator

import pytest


def _register_profiles() -> None:
    if importlib.util.find_spec("hypothesis") is None:
        return
    from hypothesis import HealthCheck, settings

    settings.register_profile(
        "mygrad-ci",
        max_examples=25,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
        print_blob=True,
    )
    settings.register_profile("mygrad-dev", max_examples=100, deadline=None)
    if os.environ.get("CI") and not os.environ.get("HYPOTHESIS_PROFILE"):
        settings.load_profile("mygrad-ci")
    elif os.environ.get("HYPOTHESIS_PROFILE"):
        settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])


_register_profiles()


@pytest.fixture
def mygrad_registry() -> Iterator[Callable[..., Any]]:
    """An isolated registry: only mygrad-core's own entries plus the plugins you register.

    Yields ``register(plugin, name=None)``; everything is restored after the test.

    Example::

        def test_my_op(mygrad_registry):
            import my_plugin
            mygrad_registry(my_plugin)
    """
    from mygrad_core import plugins
    from mygrad_core.registry import REGISTRY

    snap = REGISTRY.snapshot()
    host = plugins.HOST
    saved = (dict(host.loaded), dict(host.failed), host.discovered)
    names: list = []
    # keep only the core's own contributions
    for (kind, key), owner in list(REGISTRY.owners.items()):
        if owner != "mygrad-core":
            del REGISTRY.owners[(kind, key)]
            if kind == "numpy":
                for table in (REGISTRY.ufunc_overrides, REGISTRY.function_overrides, REGISTRY.data_ufuncs, REGISTRY.data_functions):
                    table.pop(key, None)
            else:
                getattr(REGISTRY, kind).pop(key, None)
    registered_before = {n for n, _ in host.pm.list_name_plugin()}
    host.discovered = True  # no discovery while isolated

    def register(plugin: Any, name: Any = None) -> Any:
        info = plugins.register_plugin(plugin, name)
        names.append(info.name)
        return info

    plugins._invalidate_facade()
    try:
        yield register
    finally:
        for n, _ in list(host.pm.list_name_plugin()):
            if n not in registered_before:
                host.pm.unregister(name=n)
        REGISTRY.restore(snap)
        host.loaded, host.failed, host.discovered = dict(saved[0]), dict(saved[1]), saved[2]
        plugins._invalidate_facade()
