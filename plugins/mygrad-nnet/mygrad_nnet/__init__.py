"""mygrad-nnet: neural-network functions for mygrad (``mygrad.nnet``).

Sub-namespaces: :mod:`~mygrad_nnet.activations`, :mod:`~mygrad_nnet.losses`,
:mod:`~mygrad_nnet.initializers` and :mod:`~mygrad_nnet.layers`; the functions MyGrad's
examples import from ``mygrad.nnet`` directly are re-exported here.
"""

from mygrad_nnet import activations, initializers, layers, losses
from mygrad_nnet.activations import logsoftmax, relu, sigmoid, softmax
from mygrad_nnet.layers import batchnorm, conv_nd, max_pool
from mygrad_nnet.losses import negative_log_likelihood, softmax_crossentropy

__version__ = "0.1.0"

__all__ = [
    "activations",
    "initializers",
    "layers",
    "losses",
    "negative_log_likelihood",
    "softmax_crossentropy",
    "logsoftmax",
    "sigmoid",
    "softmax",
    "relu",
    "batchnorm",
    "conv_nd",
    "max_pool",
]
