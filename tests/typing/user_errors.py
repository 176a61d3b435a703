"""Mistakes a user's type checker must report: each line marked ``# error`` is an error,
no other line is (tests/typing/test_typecheck.py). Not meant to run."""

import mygrad as mg
import mygrad_math
import numpy as np

x = mg.tensor([1.0, 2.0])
mg.typo(x)  # error
mg.nnet.activations.relu_typo(x)  # error
mg.linalg.nrom(x)  # error
_ = mg.np  # error
mg.exp(x, x, x)  # error
mg.add(x)  # error
mg.exp(x, constant="yes")  # error
_ = mygrad_math.typo  # error
y: np.ndarray = mg.exp(x)  # error
z: mg.Tensor = mg.exp(x, out=np.empty(2))  # error
w: mg.Tensor = mg.sum(x) + mg.nnet.relu(x)
