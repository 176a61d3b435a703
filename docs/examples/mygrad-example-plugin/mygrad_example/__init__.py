"""mygrad-example-plugin: ``softplus`` and a differentiable ``np.hypot`` for mygrad.

The ops are usable directly (``from mygrad_example import softplus``); once the
distribution is installed they also appear as ``mygrad.softplus``, ``mygrad.hypot``,
``Tensor.softplus`` and through ``np.hypot`` (see ``mygrad_example._plugin``).
"""

from mygrad_example._ops import hypot, softplus

__all__ = ["softplus", "hypot"]
__version__ = "0.1.0"
