"""Test-only arithmetic for the core's tests (the core ships none).

Written against the public op-authoring surface only (``UfuncOperation`` +
``make_ufunc``, ``Operation`` + ``execute_op``, ``hookimpl``), and registered as a
plugin into the isolated registry of the ``mygrad_registry`` fixture (see conftest).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from mygrad_core import (
    Operation,
    SkipGradient,
    UfuncOperation,
    execute_op,
    hookimpl,
    make_ufunc,
)

__all__ = ["add", "subtract", "multiply", "negative", "square", "power", "sum_", "flip", "CALLS"]

# how many times each op's backward_var ran (diamond-graph tests count visits)
CALLS: dict = {}


def _count(name: str) -> None:
    CALLS[name] = CALLS.get(name, 0) + 1


class Add(UfuncOperation):
    numpy_ufunc = np.add

    def backward_var(self, grad, index, **kwargs):
        _count("add")
        return grad


class Subtract(UfuncOperation):
    numpy_ufunc = np.subtract

    def backward_var(self, grad, index, **kwargs):
        _count("subtract")
        return grad if index == 0 else -grad


class Multiply(UfuncOperation):
    numpy_ufunc = np.multiply

    def backward_var(self, grad, index, **kwargs):
        _count("multiply")
        return grad * self.variables[1 - index].data


class Negative(UfuncOperation):
    numpy_ufunc = np.negative

    def backward_var(self, grad, index, **kwargs):
        return -grad


class Square(UfuncOperation):
    numpy_ufunc = np.square

    def backward_var(self, grad, index, **kwargs):
        _count("square")
        return 2 * grad * self.variables[0].data


class Power(UfuncOperation):
    numpy_ufunc = np.power

    def backward_var(self, grad, index, **kwargs):
        x, y = (v.data for v in self.variables)
        if index == 0:
            return grad * y * x ** np.where(y == 0, 1, y - 1)
        if np.any(x <= 0):
            raise SkipGradient
        return grad * x**y * np.log(x)


add = make_ufunc(Add, doc="test add")
subtract = make_ufunc(Subtract, doc="test subtract")
multiply = make_ufunc(Multiply, doc="test multiply")
negative = make_ufunc(Negative, doc="test negative")
square = make_ufunc(Square, doc="test square")
power = make_ufunc(Power, doc="test power")


class Sum(Operation):
    def __call__(self, a, axis=None, keepdims=False, dtype=None):
        self.variables = (a,)
        self.axis, self.keepdims = axis, keepdims
        return np.sum(a.data, axis=axis, keepdims=keepdims, dtype=dtype)

    def backward_var(self, grad, index, **kwargs):
        _count("sum")
        a = self.variables[0]
        if not self.keepdims and self.axis is not None:
            grad = np.expand_dims(grad, self.axis)
        return np.broadcast_to(grad, a.shape).copy() if a.ndim else np.asarray(grad)


def sum_(a: Any, axis: Any = None, dtype: Any = None, out: Any = None, keepdims: bool = False, *, constant: Any = None):
    return execute_op(Sum, a, op_kwargs={"axis": axis, "keepdims": keepdims, "dtype": dtype}, constant=constant, out=out)


class Flip(Operation):
    """A custom view-returning op: the reversed last axis (``a[..., ::-1]``)."""

    can_return_view = True

    def __call__(self, a):
        self.variables = (a,)
        return a.data[..., ::-1]

    def view_fn(self, array):
        return array[..., ::-1]

    def backward_var(self, grad, index, **kwargs):
        _count("flip")
        return grad[..., ::-1]


def flip(a: Any, *, constant: Any = None):
    return execute_op(Flip, a, constant=constant)


def _pow(a, b, out=None, **kw):
    return power(a, b, out=out, **kw)


def _truediv(a, b, out=None, **kw):  # enough for the docs' `x / 2` style examples
    return multiply(a, power(b, -1.0) if not isinstance(b, (int, float)) else 1.0 / b, out=out, **kw)


@hookimpl
def mygrad_functions():
    return {
        "add": add,
        "subtract": subtract,
        "multiply": multiply,
        "negative": negative,
        "square": square,
        "power": power,
        "sum": sum_,
    }


@hookimpl
def mygrad_numpy_overrides():
    return {
        np.add: add,
        np.subtract: subtract,
        np.multiply: multiply,
        np.negative: negative,
        np.square: square,
        np.power: power,
        np.sum: sum_,
    }


@hookimpl
def mygrad_tensor_methods():
    return {
        "sum": sum_,
        "__add__": add,
        "__sub__": subtract,
        "__mul__": multiply,
        "__neg__": negative,
        "__pow__": _pow,
        "__truediv__": _truediv,
    }
