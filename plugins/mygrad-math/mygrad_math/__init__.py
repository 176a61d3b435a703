"""mygrad-math: MyGrad's math functions as a plugin (``mygrad.math`` and ``mygrad.<name>``).

Arithmetic (and the Tensor operators), trigonometric, hyperbolic, exponential and
logarithmic ufuncs, sums/products/statistics, special and miscellaneous functions,
and the non-differentiable NumPy functions that accept tensors. Each module's
``__all__`` lists what it exports; this package and the plugin's registration are
derived from them.

Examples
--------
>>> import mygrad as mg
>>> x = mg.tensor([1.0, 2.0, 3.0])
>>> mg.sum(mg.sin(x) * x) is not None
True
>>> mg.math.sin is mg.sin
True
"""

from mygrad_math import (
    arithmetic,
    differences,
    elementwise_extra,
    exp_log,
    hyperbolic,
    misc,
    nanfunctions,
    nondiff_extra,
    nondifferentiable,
    reductions,
    sorting,
    special,
    statistics,
    trigonometric,
)
from mygrad_math.arithmetic import *  # noqa: F401,F403
from mygrad_math.differences import *  # noqa: F401,F403
from mygrad_math.elementwise_extra import *  # noqa: F401,F403
from mygrad_math.exp_log import *  # noqa: F401,F403
from mygrad_math.hyperbolic import *  # noqa: F401,F403
from mygrad_math.misc import *  # noqa: F401,F403
from mygrad_math.nanfunctions import *  # noqa: F401,F403
from mygrad_math.nondiff_extra import *  # noqa: F401,F403
from mygrad_math.nondifferentiable import *  # noqa: F401,F403
from mygrad_math.reductions import *  # noqa: F401,F403
from mygrad_math.sorting import *  # noqa: F401,F403
from mygrad_math.special import *  # noqa: F401,F403
from mygrad_math.statistics import *  # noqa: F401,F403
from mygrad_math.trigonometric import *  # noqa: F401,F403

__version__ = "0.1.0"

# the modules whose ``__all__`` make up the plugin (in the order of MyGrad's docs)
MODULES = (
    trigonometric,
    hyperbolic,
    reductions,
    exp_log,
    special,
    arithmetic,
    misc,
    nondifferentiable,
    # beyond MyGrad: more of NumPy on tensors
    elementwise_extra,
    differences,
    nanfunctions,
    sorting,
    statistics,
    nondiff_extra,
)

__all__ = [name for module in MODULES for name in module.__all__]
