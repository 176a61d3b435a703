"""Tensor-manipulation routines (``mygrad.tensor_manip``)."""

from mygrad_core.shape import *  # noqa: F401,F403
from mygrad_core.shape import __all__  # noqa: F401
