"""mygrad.nnet.initializers: tensors to start a network's weights from.

All return float32 tensors unless ``dtype`` says otherwise. The random ones draw once,
in float64, from NumPy's global random stream (``np.random.seed`` /
``mygrad.random.seed`` make them reproducible), then cast.
"""

from mygrad_nnet.initializers import deterministic, distributions, glorot, he
from mygrad_nnet.initializers.deterministic import *  # noqa: F403
from mygrad_nnet.initializers.distributions import *  # noqa: F403
from mygrad_nnet.initializers.glorot import *  # noqa: F403
from mygrad_nnet.initializers.he import *  # noqa: F403

__all__ = sorted(deterministic.__all__ + distributions.__all__ + glorot.__all__ + he.__all__)
