"""mygrad.nnet.layers: convolution, pooling, batch normalization and the GRU."""

from mygrad_nnet.layers import utils  # noqa: F401  (MyGrad's path: mygrad.nnet.layers.utils)
from mygrad_nnet.layers.batchnorm import batchnorm
from mygrad_nnet.layers.conv import conv_nd
from mygrad_nnet.layers.gru import gru
from mygrad_nnet.layers.pooling import max_pool

__all__ = ["batchnorm", "conv_nd", "gru", "max_pool"]
