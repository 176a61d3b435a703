"""mygrad.nnet.layers."""

__all__: list = []
