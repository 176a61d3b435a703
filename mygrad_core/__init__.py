"""mygrad-core: the automatic-differentiation engine behind ``import mygrad``.

This package is also the one documented place for people who extend MyGrad: a plugin
imports :class:`Operation`, :class:`UfuncOperation`, :func:`execute_op`,
:func:`make_ufunc`, :data:`hookimpl` and friends from here.
"""

from mygrad_core.creation import (
    arange,
    empty,
    empty_like,
    eye,
    full,
    full_like,
    geomspace,
    identity,
    linspace,
    logspace,
    ones,
    ones_like,
    zeros,
    zeros_like,
)
from mygrad_core.creation_diff import *  # noqa: F401,F403  (full, linspace: differentiable)
from mygrad_core.diagonals import *  # noqa: F401,F403
from mygrad_core.errors import (
    InvalidBackprop,
    InvalidGradient,
    MissingPluginError,
    MyGradException,
    MyGradPluginWarning,
    PluginConflictError,
)
from mygrad_core.graph import no_autodiff
from mygrad_core.indexing import where
from mygrad_core.inplace import execute_op
from mygrad_core.joining import *  # noqa: F401,F403
from mygrad_core.memguard import (
    mem_guard_active,
    mem_guard_off,
    mem_guard_on,
    turn_memory_guarding_off,
    turn_memory_guarding_on,
)
from mygrad_core.operation import Operation, SkipGradient, reduce_broadcast
from mygrad_core.plugins import (
    MyGradHookSpecs,
    hookimpl,
    hookspec,
    register_plugin,
    unregister_plugin,
)
from mygrad_core.rearranging import *  # noqa: F401,F403
from mygrad_core.registry import REGISTRY
from mygrad_core.shape import (
    atleast_1d,
    atleast_2d,
    atleast_3d,
    broadcast_to,
    concatenate,
    expand_dims,
    flatten,
    moveaxis,
    ravel,
    repeat,
    reshape,
    roll,
    squeeze,
    stack,
    swapaxes,
    transpose,
)
from mygrad_core.tensor_base import Tensor, asarray, astensor, tensor
from mygrad_core.ufuncs import UfuncOperation, make_ufunc, ufunc

__version__ = "0.1.0"

__all__ = [
    # the engine
    "Tensor",
    "tensor",
    "astensor",
    "asarray",
    "execute_op",
    "no_autodiff",
    "Operation",
    "UfuncOperation",
    "SkipGradient",
    "make_ufunc",
    "ufunc",
    "reduce_broadcast",
    # plugins
    "hookimpl",
    "hookspec",
    "MyGradHookSpecs",
    "register_plugin",
    "unregister_plugin",
    "load_plugins",
    "loaded_plugins",
    "failed_plugins",
    "disabled_plugins",
    "REGISTRY",
    # memory guarding
    "mem_guard_off",
    "mem_guard_on",
    "mem_guard_active",
    "turn_memory_guarding_off",
    "turn_memory_guarding_on",
    # errors
    "MyGradException",
    "InvalidBackprop",
    "InvalidGradient",
    "MissingPluginError",
    "PluginConflictError",
    "MyGradPluginWarning",
    # creation
    "arange",
    "empty",
    "empty_like",
    "eye",
    "full",
    "full_like",
    "geomspace",
    "identity",
    "linspace",
    "logspace",
    "ones",
    "ones_like",
    "zeros",
    "zeros_like",
    # manipulation and indexing
    "atleast_1d",
    "atleast_2d",
    "atleast_3d",
    "broadcast_to",
    "concatenate",
    "expand_dims",
    "flatten",
    "moveaxis",
    "ravel",
    "repeat",
    "reshape",
    "roll",
    "squeeze",
    "stack",
    "swapaxes",
    "transpose",
    "where",
]

# array manipulation beyond MyGrad's (NumPy's names; each module's __all__ lists them)
from mygrad_core import diagonals as _diagonals  # noqa: E402
from mygrad_core import joining as _joining  # noqa: E402
from mygrad_core import rearranging as _rearranging  # noqa: E402

__all__ += _rearranging.__all__ + _joining.__all__ + _diagonals.__all__


def _refuse_foreign_facade() -> None:
    import sys

    facade = sys.modules.get("mygrad")
    if facade is not None and not getattr(facade, "_MYGRAD_CORE_FACADE", False) and hasattr(facade, "__file__"):
        from mygrad_core._facade_support import clash_message

        raise ImportError(clash_message(f"`mygrad` is PyPI's MyGrad ({facade.__file__!r}), not mygrad-core's facade"))


_refuse_foreign_facade()

# The host's wiring, bottom-up: the core's own contributions are registered like a
# plugin's, the names the core gives ``mygrad`` are reserved, and a registry miss goes
# to discovery (which sits above the host and the engine).
from mygrad_core import _builtin, discovery  # noqa: E402
from mygrad_core.discovery import disabled_plugins, failed_plugins, load_plugins, loaded_plugins  # noqa: E402
from mygrad_core.plugins import HOST as _HOST  # noqa: E402

if not _HOST.is_loaded("mygrad-core"):
    _HOST.register(_builtin, "mygrad-core", distribution="mygrad-core", version=__version__)
_HOST.reserve(__all__, globals())
REGISTRY.on_miss = discovery.ensure_provider
