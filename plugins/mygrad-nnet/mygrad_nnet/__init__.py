"""mygrad-nnet: neural-network functions for mygrad (``mygrad.nnet``).

Sub-namespaces: :mod:`~mygrad_nnet.activations`, :mod:`~mygrad_nnet.losses`,
:mod:`~mygrad_nnet.initializers` and :mod:`~mygrad_nnet.layers`; the most used
functions are re-exported here, as MyGrad's ``mygrad.nnet`` does.
"""

from mygrad_nnet import activations, initializers, layers, losses

__version__ = "0.1.0"

__all__ = ["activations", "initializers", "layers", "losses"]

from mygrad_nnet.layers import batchnorm, conv_nd, max_pool  # noqa: E402

__all__ += ["batchnorm", "conv_nd", "max_pool"]
