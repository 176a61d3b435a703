"""The base class of differentiable operations (``mygrad.operation_base``)."""

from mygrad_core.operation import Operation, SkipGradient  # noqa: F401
from mygrad_core.ufuncs import UfuncOperation  # noqa: F401

__all__ = ["Operation", "SkipGradient", "UfuncOperation"]
