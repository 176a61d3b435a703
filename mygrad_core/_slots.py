"""The Tensor attributes that are looked up in the registry, as one table.

The Tensor class generates its operator, reflected and in-place methods from
:data:`BINARY_OPERATORS` and :data:`UNARY_OPERATORS`, and its routed methods from
:data:`PLUGIN_METHODS` and :data:`CORE_METHODS`; the plugin host validates hook results
against the same names. Nothing else lists them.
"""

from __future__ import annotations

from typing import Tuple

__all__ = [
    "BINARY_OPERATORS",
    "UNARY_OPERATORS",
    "PLUGIN_METHODS",
    "CORE_METHODS",
    "ROUTED",
]

# (forward dunder, symbol, reflected dunder or None, in-place dunder or None): the
# registry holds the forward form only; ``2 + x`` calls it as ``fn(2, x)`` and
# ``x += y`` as ``fn(x, y, out=x)``
BINARY_OPERATORS: Tuple[Tuple[str, str, object, object], ...] = (
    ("__add__", "+", "__radd__", "__iadd__"),
    ("__sub__", "-", "__rsub__", "__isub__"),
    ("__mul__", "*", "__rmul__", "__imul__"),
    ("__truediv__", "/", "__rtruediv__", "__itruediv__"),
    ("__floordiv__", "//", "__rfloordiv__", "__ifloordiv__"),
    ("__mod__", "%", "__rmod__", "__imod__"),
    ("__divmod__", "divmod", "__rdivmod__", None),
    ("__pow__", "**", "__rpow__", "__ipow__"),
    ("__matmul__", "@", "__rmatmul__", None),
)

UNARY_OPERATORS: Tuple[Tuple[str, str], ...] = (
    ("__neg__", "unary -"),
    ("__pos__", "unary +"),
    ("__abs__", "abs()"),
)

# documented Tensor methods that plugins provide (``x.sum()`` is mygrad-math's)
PLUGIN_METHODS: Tuple[str, ...] = tuple(
    "sum prod cumprod cumsum mean std var max min argmax argmin any clip".split()
)

# Tensor attributes the core itself fills, through the same registry as plugins
CORE_METHODS: Tuple[str, ...] = tuple(
    "__getitem__ __setitem__ __array_ufunc__ __array_function__ reshape flatten ravel "
    "transpose swapaxes moveaxis squeeze repeat T _set_shape".split()
)

ROUTED = frozenset(
    [op[0] for op in BINARY_OPERATORS]
    + [op[0] for op in UNARY_OPERATORS]
    + list(PLUGIN_METHODS)
    + list(CORE_METHODS)
)
