"""mygrad-nnet: neural-network functions for mygrad (``mygrad.nnet``).

Sub-namespaces: :mod:`~mygrad_nnet.activations`, :mod:`~mygrad_nnet.losses`,
:mod:`~mygrad_nnet.initializers` and :mod:`~mygrad_nnet.layers`; the most used
functions are re-exported here, as MyGrad's ``mygrad.nnet`` does.
"""

from mygrad_nnet import activations, initializers, layers, losses
from mygrad_nnet.activations import logsoftmax, relu, sigmoid, softmax
from mygrad_nnet.losses import negative_log_likelihood, softmax_crossentropy

__version__ = "0.1.0"

__all__ = ["activations", "initializers", "layers", "losses"]
# the functions MyGrad's examples import from mygrad.nnet directly
__all__ += ["negative_log_likelihood", "softmax_crossentropy", "logsoftmax", "sigmoid", "softmax", "relu"]
