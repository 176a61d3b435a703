"""Tensor-manipulation routines (``mygrad.tensor_manip``)."""

from mygrad_core import diagonals as _diagonals
from mygrad_core import joining as _joining
from mygrad_core import rearranging as _rearranging
from mygrad_core import shape as _shape
from mygrad_core.diagonals import *  # noqa: F401,F403
from mygrad_core.joining import *  # noqa: F401,F403
from mygrad_core.rearranging import *  # noqa: F401,F403
from mygrad_core.shape import *  # noqa: F401,F403

__all__ = _shape.__all__ + _rearranging.__all__ + _joining.__all__ + _diagonals.__all__
