"""mygrad.nnet.activations."""

__all__: list = []
