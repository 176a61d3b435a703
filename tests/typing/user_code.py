"""A user's script, checked by mypy and pyright against the installed packages
(tests/typing/test_typecheck.py) and run as is (every expression works at run time).

``assert_type`` fails a checker's run when a type differs (``Any`` included)."""

import sys
from typing import Any, Literal, Tuple

import mygrad as mg
import mygrad.nnet.activations
import mygrad_math
import numpy as np
import numpy.typing as npt
from mygrad import Tensor
from mygrad.nnet.losses import softmax_crossentropy

if sys.version_info >= (3, 11):
    from typing import assert_type
else:
    from typing_extensions import assert_type

x = mg.tensor([1.0, 2.0, 3.0])
a = mg.ones((2, 2))
assert_type(x, Tensor)

# ufuncs (classes whose call gives a Tensor), from the facade and from the plugin
assert_type(mg.exp(x), Tensor)
assert_type(mg.add(x, 1), Tensor)
assert_type(mg.sin(x, where=[True, False, True], constant=True), Tensor)
assert_type(mg.exp(x, out=np.empty(3)), np.ndarray)
assert_type(mygrad_math.exp(x), Tensor)
assert_type(mg.math.exp(x), Tensor)
assert_type(mg.matmul(a, a), Tensor)
assert_type(mg.exp.nin, Literal[1])
assert_type(mg.add.nargs, Literal[3])
assert_type(mygrad_math.add.nin, int)

# plain functions
assert_type(mg.sum(x), Tensor)
assert_type(mg.einsum("ij,jk", a, a), Tensor)
assert_type(mg.nnet.activations.relu(x), Tensor)
assert_type(mygrad.nnet.activations.sigmoid(x), Tensor)
assert_type(softmax_crossentropy(mg.ones((2, 3)), np.array([0, 1])), Tensor)
assert_type(mg.linalg.norm(x), Tensor)
assert_type(mg.reshape(x, (3, 1)), Tensor)

# the facade's own sub-modules
assert_type(mg.tensor_creation.ones(2), Tensor)
assert_type(mg.tensor_manip.reshape(x, (3, 1)), Tensor)
assert_type(mg.indexing_routines.where(x > 1, x, 0.0), Tensor)
assert_type(mg.where(x > 1), Tuple[np.ndarray, ...])
assert issubclass(mg.errors.InvalidBackprop, mg.errors.MyGradException)

# Tensor methods and operators
assert_type(x.sum(), Tensor)
assert_type(x.mean(axis=0), Tensor)
assert_type(x + 1, Tensor)
assert_type(2 * x, Tensor)
assert_type(-x, Tensor)
assert_type(a @ a, Tensor)
assert_type(x.data, np.ndarray)
assert_type(x.grad, "np.ndarray | None")
assert_type((x**2).sum().backward(), None)

# NumPy's functions accept tensors (array-likes) and keep NumPy's own annotations (an
# array; at run time a Tensor): np.sin is an ndarray, np.matmul is Any even for arrays
assert_type(np.sin(x), npt.NDArray[Any])
assert_type(np.matmul(a, a), Any)
assert_type(np.matmul(a.data, a.data), Any)
assert isinstance(np.matmul(a, a), Tensor)
