"""The hook specifications of mygrad plugins (pluggy project name ``mygrad``).

A plugin implements any of the hooks of :class:`MyGradHookSpecs` with ``@hookimpl``
(``from mygrad_core import hookimpl``); ``docs/hooks.md`` is the reference.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any, Callable, Iterable, Mapping, Tuple

import pluggy

from mygrad_core._slots import ROUTED

__all__ = ["PROJECT", "ENTRY_POINT_GROUP", "hookspec", "hookimpl", "MyGradHookSpecs"]

PROJECT = "mygrad"
ENTRY_POINT_GROUP = "mygrad.plugins"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class MyGradHookSpecs:
    """The hooks a mygrad plugin can implement.

    Write each hook as a plain function in your plugin module, decorated with
    ``@mygrad_core.hookimpl``, named exactly like the hook, returning what it
    contributes (or ``None`` for nothing). Every hook is optional.

    Arguments: each hook offers ``core`` (the :mod:`mygrad_core` module). Your function
    may accept it or take no argument at all; it must not accept any other name.
    Hooks may gain arguments in later versions: a function that takes a subset of
    them keeps working, so adding an argument never breaks a plugin.

    The host calls each hook once, when the plugin is registered (at discovery or
    through :func:`register_plugin`), and keeps the results; nothing is called per
    operation. Import the packages you depend on directly (``import mygrad_math``);
    never reach your dependencies through ``mygrad.`` from inside a hook or at import.
    """

    @hookspec
    def mygrad_functions(self, core: ModuleType) -> Mapping[str, Any]:
        """Top-level names of ``mygrad``.

        Return a dict ``{name: object}``; ``{"softplus": softplus}`` makes
        ``mygrad.softplus`` (and ``from mygrad import softplus``) give that object and
        lists it in ``dir(mygrad)``. Values may be anything: functions, ufuncs made
        with :func:`mygrad_core.make_ufunc`, classes, constants. Keys are plain
        identifiers without a dot (use :meth:`mygrad_namespaces` for ``mg.a.b``).

        Example::

            @hookimpl
            def mygrad_functions():
                return {"softplus": softplus}
        """

    @hookspec
    def mygrad_namespaces(self, core: ModuleType) -> Mapping[str, ModuleType]:
        """Sub-namespaces of ``mygrad``.

        Return ``{name: module}`` where module is a module object of your own
        package. ``{"signal": mygrad_signal.signal}`` makes ``mygrad.signal``,
        ``import mygrad.signal`` and ``from mygrad.signal import conv`` give that very
        module and its objects (the module is aliased, never executed a second time);
        its sub-modules are reachable as ``mygrad.signal.<sub>`` too.

        Example::

            @hookimpl
            def mygrad_namespaces():
                from mygrad_signal import signal
                return {"signal": signal}
        """

    @hookspec
    def mygrad_numpy_overrides(self, core: ModuleType) -> Mapping[Callable[..., Any], Callable[..., Any]]:
        """Differentiable NumPy overrides.

        Return ``{numpy_callable: your_callable}``. When a NumPy ufunc key
        (``np.hypot``) is called with a Tensor, NumPy's ``__array_ufunc__`` protocol
        calls ``your_callable(*inputs, **kwargs)`` (``out=`` arrives as a single
        target, not a tuple); for a NumPy function key (``np.sum``,
        ``np.linalg.norm``) ``__array_function__`` calls it with the same arguments.
        Your callable returns Tensors (usually it is the op you also export through
        :meth:`mygrad_functions`).

        Example::

            @hookimpl
            def mygrad_numpy_overrides():
                return {np.hypot: hypot}
        """

    @hookspec
    def mygrad_numpy_data_functions(self, core: ModuleType) -> Iterable[Callable[..., Any]]:
        """Non-differentiable NumPy callables that simply run on the data.

        Return a list of NumPy ufuncs/functions (``[np.isnan, np.heaviside]``). Called
        with Tensors, they receive the tensors' arrays and return NumPy's result (an
        ndarray, never a Tensor); tensors of any kind are accepted.
        """

    @hookspec
    def mygrad_numpy_constant_functions(self, core: ModuleType) -> Iterable[Callable[..., Any]]:
        """Like :meth:`mygrad_numpy_data_functions`, but only for constant tensors.

        Return a list of NumPy callables whose gradient would be ambiguous (e.g.
        ``np.floor``): called with a non-constant Tensor they raise ValueError, with
        constant tensors they run on the data and return an ndarray.
        """

    @hookspec
    def mygrad_tensor_methods(self, core: ModuleType) -> Mapping[str, Callable[..., Any]]:
        """Tensor methods and operators.

        Return ``{name: fn}``; a method is called as ``fn(tensor, *args, **kwargs)``,
        so ``{"softplus": softplus}`` makes ``x.softplus()`` call ``softplus(x)``.
        Public names only (no leading underscore), except the operator dunders the core
        routes to the registry: ``__add__ __sub__ __mul__ __truediv__ __floordiv__
        __mod__ __divmod__ __pow__ __matmul__ __neg__ __pos__ __abs__``. Give the forward
        form only: ``x + y`` calls ``fn(x, y)``, ``2 + x`` calls ``fn(2, x)`` and
        ``x += y`` calls ``fn(x, y, out=x)`` (so binary operators must accept ``out=``).
        The methods the core defines on Tensor and routes here are ``sum prod cumprod
        cumsum mean std var max min argmax argmin any clip``; other names the core
        defines (``reshape``, ``__lt__`` ...) cannot be replaced.
        """

    @hookspec
    def mygrad_overrides(self, core: ModuleType) -> Iterable[Any]:
        """Keys this plugin deliberately takes over from another plugin.

        Return names (``"sin"``, ``"signal"``, ``"__add__"``) and/or NumPy callables
        (``np.sin``). Without this, two plugins providing the same key with different
        objects fail to load together (a PluginConflictError naming both
        distributions). With it, this plugin's object wins whatever the load order. If
        both plugins declare the same key, it is a conflict again.
        """


HOOK_NAMES: Tuple[str, ...] = (
    "mygrad_functions",
    "mygrad_namespaces",
    "mygrad_numpy_overrides",
    "mygrad_numpy_data_functions",
    "mygrad_numpy_constant_functions",
    "mygrad_tensor_methods",
    "mygrad_overrides",
)

# the Tensor attributes the core looks up in the registry (all others on the class
# are the core's own and cannot be replaced by a plugin)
ROUTED_TENSOR_ATTRS = ROUTED
