"""The functions behind the Tensor operators.

They call ``execute_op`` directly (skipping the ufunc's argument handling, which an
operator never needs) unless augmented assignment passes ``out=``; ``x ** 2`` and
``x ** 1`` by a Python number skip the general power.
"""

from __future__ import annotations

from typing import Any

from mygrad_core import Tensor, execute_op
from mygrad_math.arithmetic import (
    Add,
    Divide,
    Multiply,
    Negative,
    Positive,
    Subtract,
    add,
    divide,
    multiply,
    power,
    subtract,
)
from mygrad_math.misc import Square

__all__ = [
    "add_operator",
    "sub_operator",
    "mul_operator",
    "truediv_operator",
    "pow_operator",
    "neg_operator",
    "pos_operator",
]

_SCALARS = (int, float)


def add_operator(a: Any, b: Any, out: Any = None) -> Tensor:
    """``a + b`` (``a += b`` with ``out=a``)."""
    if out is None:
        return execute_op(Add, a, b)
    return add(a, b, out=out)


def sub_operator(a: Any, b: Any, out: Any = None) -> Tensor:
    """``a - b`` (``a -= b`` with ``out=a``)."""
    if out is None:
        return execute_op(Subtract, a, b)
    return subtract(a, b, out=out)


def mul_operator(a: Any, b: Any, out: Any = None) -> Tensor:
    """``a * b`` (``a *= b`` with ``out=a``)."""
    if out is None:
        return execute_op(Multiply, a, b)
    return multiply(a, b, out=out)


def truediv_operator(a: Any, b: Any, out: Any = None) -> Tensor:
    """``a / b`` (``a /= b`` with ``out=a``)."""
    if out is None:
        return execute_op(Divide, a, b)
    return divide(a, b, out=out)


def pow_operator(a: Any, b: Any, out: Any = None) -> Tensor:
    """``a ** b``: squares and first powers by a Python number skip the general power."""
    if out is None and type(b) in _SCALARS and isinstance(a, Tensor) and a.dtype.kind in "fiu":
        if b == 2:
            return execute_op(Square, a)
        if b == 1:
            return execute_op(Positive, a)
    return power(a, b, out=out)


def neg_operator(a: Any) -> Tensor:
    """``-a``."""
    return execute_op(Negative, a)


def pos_operator(a: Any) -> Tensor:
    """``+a``: a new tensor."""
    return execute_op(Positive, a)
