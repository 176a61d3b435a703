"""mygrad-random: the ``mygrad.random`` namespace (random tensors from NumPy's streams).

Installing this distribution makes ``mg.random`` (and ``import mygrad.random``) give the
module :mod:`mygrad_random.random`.
"""

from mygrad_random import random
from mygrad_random.random import (
    Generator,
    default_rng,
    rand,
    randint,
    randn,
    random_sample,
    ranf,
    sample,
    seed,
)

__version__ = "0.1.0"

__all__ = [
    "random",
    "Generator",
    "default_rng",
    "rand",
    "randint",
    "randn",
    "random_sample",
    "ranf",
    "sample",
    "seed",
]
