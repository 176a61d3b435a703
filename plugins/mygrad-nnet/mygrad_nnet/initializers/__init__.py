"""mygrad.nnet.initializers."""

__all__: list = []
