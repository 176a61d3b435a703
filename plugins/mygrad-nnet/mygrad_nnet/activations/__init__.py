"""mygrad.nnet.activations: elementwise and normalising activation functions.

``tanh`` is mygrad's own ufunc (``mygrad.nnet.activations.tanh is mygrad.tanh``).
"""

from mygrad_nnet.activations import linear_units, softmaxes, squashing
from mygrad_nnet.activations.linear_units import *  # noqa: F403
from mygrad_nnet.activations.softmaxes import *  # noqa: F403
from mygrad_nnet.activations.squashing import *  # noqa: F403

__all__ = sorted(linear_units.__all__ + softmaxes.__all__ + squashing.__all__)
