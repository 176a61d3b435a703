"""Tensor-creation routines (``mygrad.tensor_creation``)."""

from mygrad_core.creation import *  # noqa: F401,F403
from mygrad_core.creation import __all__  # noqa: F401
from mygrad_core.creation_diff import full, linspace  # noqa: F401,E402,F811  (differentiable)
