"""mygrad.nnet.losses."""

__all__: list = []
