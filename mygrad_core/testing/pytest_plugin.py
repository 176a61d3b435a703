"""The pytest plugin of the kit (registered through the ``pytest11`` entry point).

- Hypothesis profiles ``mygrad-ci`` (25 examples, no deadline, derandomized) and
  ``mygrad-dev`` (100 examples, no deadline). They are registered, never loaded, unless
  the run asks for one (``--hypothesis-profile=mygrad-ci`` or
  ``HYPOTHESIS_PROFILE=mygrad-ci``; ``CI`` alone does not), so another project's own
  profile is left alone. Hypothesis is optional and imported lazily: only when a
  mygrad profile is asked for or once something else has imported it. Without
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
    """The mygrad profile this run asks for, if any: ``--hypothesis-profile=mygrad-*``
    or ``HYPOTHESIS_PROFILE=mygrad-*``. Anything else (``CI`` alone, another project's
    profile) is none of this plugin's business."""
    try:
        option = config.getoption("--hypothesis-profile")
    except ValueError:  # hypothesis' own pytest plugin is absent
        option = None
    wanted = option or os.environ.get("HYPOTHESIS_PROFILE") or ""
    return wanted if wanted.startswith("mygrad-") else None


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: Any) -> None:
    profile = _requested_profile(config)
    if profile is None and "hypothesis" not in sys.modules:
        return  # stay lazy: see pytest_collection_finish
    if not register_hypothesis_profiles():
        return
    if profile is not None:
        # (with --hypothesis-profile, hypothesis' own plugin loads it too; our
        # profiles exist by then)
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
        import mygrad_core.discovery as discovery
        import mygrad_core.plugins as plugins

        if isinstance(plugin, str):
            ep = discovery.entry_point(plugin)
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
    from mygrad_core.plugins import HOST

    with HOST.isolated(keep=["mygrad-core"]):
        yield IsolatedRegistry()
