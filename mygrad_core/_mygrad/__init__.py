"""MyGrad: drop-in automatic differentiation for NumPy.

``import mygrad as mg`` gives the engine (from mygrad-core) plus every name the
installed plugins contribute (``mg.sin`` from mygrad-math, ``mg.linalg`` from
mygrad-linalg, ...). ``python -m mygrad plugins`` lists what is installed.
"""

from typing import Any as _Any
from typing import List as _List

import numpy as _np

# mygrad-core's facade, set before mygrad_core is imported (which checks it): PyPI's
# MyGrad has no such name (see _facade_support.facade_clash)
_MYGRAD_CORE_FACADE = True

# NumPy names MyGrad re-exports
from numpy import (  # noqa: F401,E402
    bool_,
    can_cast,
    double,
    e,
    euler_gamma,
    float16,
    float32,
    float64,
    half,
    inf,
    int8,
    int16,
    int32,
    int64,
    intp,
    longdouble,
    may_share_memory,
    min_scalar_type,
    nan,
    newaxis,
    pi,
    result_type,
    shape,
    shares_memory,
    single,
    uint8,
    uint16,
    uint32,
    uint64,
    uintp,
)

from mygrad_core import *  # noqa: F401,F403,E402
from mygrad_core import __version__  # noqa: F401,E402
from mygrad_core import _facade_support as _support  # noqa: E402

_support.refuse_mygrad_leftovers(__file__)

Inf = _np.inf
# the documented sub-modules of the facade
from mygrad import (  # noqa: F401,E402  (the facade's own sub-modules, as MyGrad has them)
    errors,
    indexing_routines,
    operation_base,
    tensor_base,
    tensor_creation,
    tensor_manip,
    typing,
)

from mygrad_core.inplace import execute_op  # noqa: F401,E402

_support.install_finder()
# a plugin cannot give ``mygrad`` a name the facade defines itself
_support.reserve_own_names(globals())


def __getattr__(name: str) -> _Any:
    return _support.facade_getattr(name)


def __dir__() -> _List[str]:
    return _support.facade_dir(globals())
