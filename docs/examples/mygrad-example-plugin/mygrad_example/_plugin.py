"""The entry point of the example plugin (``[project.entry-points."mygrad.plugins"]``).

mygrad-core imports this module when it discovers plugins and calls each hook once;
each hook returns what the plugin contributes.
"""

from __future__ import annotations

import numpy as np

from mygrad_core import hookimpl
from mygrad_example._ops import hypot, softplus


@hookimpl
def mygrad_functions():
    """``mg.softplus`` and ``mg.hypot``."""
    return {"softplus": softplus, "hypot": hypot}


@hookimpl
def mygrad_tensor_methods():
    """``x.softplus()`` calls ``softplus(x)``."""
    return {"softplus": softplus}


@hookimpl
def mygrad_numpy_overrides():
    """``np.hypot(tensor, ...)`` runs our differentiable op."""
    return {np.hypot: hypot}


@hookimpl
def mygrad_overrides():
    """mygrad-math provides ``hypot`` too: without this, installing both would be a
    PluginConflictError naming the two distributions. Declaring the keys here says we
    take them over on purpose, whatever the load order."""
    return ["hypot", np.hypot]
