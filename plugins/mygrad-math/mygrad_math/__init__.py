"""mygrad-math: MyGrad's math functions as a plugin (``mygrad.math`` and ``mygrad.<name>``).

Arithmetic (and the Tensor operators), trigonometric, hyperbolic, exponential and
logarithmic ufuncs, sums/products/statistics, special and miscellaneous functions,
and the non-differentiable NumPy functions that accept tensors.

Examples
--------
>>> import mygrad as mg
>>> x = mg.tensor([1.0, 2.0, 3.0])
>>> mg.sum(mg.sin(x) * x) is not None
True
>>> mg.math.sin is mg.sin
True
"""

from numpy import (
    allclose,
    bincount,
    ceil,
    copyto,
    divmod,
    floor,
    floor_divide,
    fmod,
    isclose,
    isfinite,
    isinf,
    isnan,
    isnat,
    logical_and,
    logical_not,
    logical_or,
    logical_xor,
    mod,
    remainder,
    rint,
    sign,
    signbit,
    trunc,
)

from mygrad_math.arithmetic import (
    add,
    divide,
    multiply,
    negative,
    positive,
    power,
    reciprocal,
    subtract,
    true_divide,
)
from mygrad_math.exp_log import exp, exp2, expm1, log, log1p, log2, log10, logaddexp, logaddexp2
from mygrad_math.hyperbolic import (
    arccosh,
    arccoth,
    arccsch,
    arcsinh,
    arctanh,
    cosh,
    coth,
    csch,
    sech,
    sinh,
    tanh,
)
from mygrad_math.misc import abs, absolute, cbrt, clip, maximum, minimum, sqrt, square
from mygrad_math.nondifferentiable import any, argmax, argmin
from mygrad_math.reductions import amax, amin, cumprod, cumsum, max, mean, min, prod, std, sum, var
from mygrad_math.special import add_sequence, multiply_sequence, sinc
from mygrad_math.trigonometric import (
    arccos,
    arccot,
    arccsc,
    arcsec,
    arcsin,
    arctan,
    arctan2,
    cos,
    cot,
    csc,
    sec,
    sin,
    tan,
)

__version__ = "0.1.0"

# the 51 documented functions of ``mygrad.math``
DOCUMENTED = (
    "sin cos tan arcsin arccos arctan arctan2 "
    "sinh cosh tanh arcsinh arccosh arctanh "
    "prod sum cumprod cumsum mean var std amax amin max min "
    "exp expm1 exp2 log log10 log2 log1p logaddexp logaddexp2 "
    "add_sequence multiply_sequence sinc "
    "add reciprocal positive negative multiply divide power subtract "
    "clip sqrt cbrt square absolute maximum minimum"
).split()

# the reference's extra differentiable surface (``true_divide`` is ``divide``)
EXTRAS = "true_divide abs sec csc cot sech csch coth arcsec arccsc arccot arccoth arccsch".split()

# not differentiable: run on the data and return ndarrays
NONDIFFERENTIABLE = (
    "any argmax argmin isnan isfinite isinf isnat signbit logical_not logical_and "
    "logical_or logical_xor floor_divide remainder mod fmod divmod rint sign floor ceil "
    "trunc isclose allclose bincount copyto"
).split()

__all__ = [
    "sin",
    "cos",
    "tan",
    "arcsin",
    "arccos",
    "arctan",
    "arctan2",
    "sinh",
    "cosh",
    "tanh",
    "arcsinh",
    "arccosh",
    "arctanh",
    "prod",
    "sum",
    "cumprod",
    "cumsum",
    "mean",
    "var",
    "std",
    "amax",
    "amin",
    "max",
    "min",
    "exp",
    "expm1",
    "exp2",
    "log",
    "log10",
    "log2",
    "log1p",
    "logaddexp",
    "logaddexp2",
    "add_sequence",
    "multiply_sequence",
    "sinc",
    "add",
    "reciprocal",
    "positive",
    "negative",
    "multiply",
    "divide",
    "power",
    "subtract",
    "clip",
    "sqrt",
    "cbrt",
    "square",
    "absolute",
    "maximum",
    "minimum",
    "true_divide",
    "abs",
    "sec",
    "csc",
    "cot",
    "sech",
    "csch",
    "coth",
    "arcsec",
    "arccsc",
    "arccot",
    "arccoth",
    "arccsch",
    "any",
    "argmax",
    "argmin",
    "isnan",
    "isfinite",
    "isinf",
    "isnat",
    "signbit",
    "logical_not",
    "logical_and",
    "logical_or",
    "logical_xor",
    "floor_divide",
    "remainder",
    "mod",
    "fmod",
    "divmod",
    "rint",
    "sign",
    "floor",
    "ceil",
    "trunc",
    "isclose",
    "allclose",
    "bincount",
    "copyto",
]

# Issue 14's NumPy coverage lives in modules of its own; each one declares its names
# (``__all__``) and the NumPy callables it handles (``NUMPY_OVERRIDES``,
# ``NUMPY_DATA_FUNCTIONS``, ``NUMPY_CONSTANT_FUNCTIONS``) beside its functions.
from mygrad_math import differences as _differences  # noqa: E402
from mygrad_math import elementwise_extra as _elementwise_extra  # noqa: E402
from mygrad_math import nanfunctions as _nanfunctions  # noqa: E402
from mygrad_math import nondiff_extra as _nondiff_extra  # noqa: E402
from mygrad_math import sorting as _sorting  # noqa: E402
from mygrad_math import statistics as _statistics  # noqa: E402

EXTRA_MODULES = (_elementwise_extra, _differences, _nanfunctions, _sorting, _statistics, _nondiff_extra)
for _m in EXTRA_MODULES:
    globals().update({_n: getattr(_m, _n) for _n in _m.__all__})
    __all__ += _m.__all__
del _m
