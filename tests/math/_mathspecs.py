"""What the math tests iterate over: each elementwise function with its NumPy
reference and a domain (away from kinks and poles) for gradient checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Tuple

import hypothesis.strategies as st
import mygrad_math as mm
import numpy as np


def float_elements(dtype: Any, lo: float, hi: float) -> st.SearchStrategy[float]:
    """Floats of ``dtype``'s width in [lo, hi]; the bounds are rounded inwards to values
    the dtype can represent (hypothesis requires that for float16/float32)."""
    dt = np.dtype(dtype).type
    lo_r, hi_r = dt(lo), dt(hi)
    if float(lo_r) < lo:
        lo_r = np.nextafter(lo_r, dt(np.inf))
    if float(hi_r) > hi:
        hi_r = np.nextafter(hi_r, dt(-np.inf))
    width = 8 * np.dtype(dtype).itemsize
    return st.floats(float(lo_r), float(hi_r), width=width, allow_nan=False, allow_infinity=False)


@dataclass(frozen=True)
class Spec:
    name: str
    mg: Any
    np: Callable[..., Any]
    domain: Tuple[float, float] = (-10.0, 10.0)

    def __repr__(self) -> str:  # readable test ids
        return self.name


def _inv(f: Callable[..., Any]) -> Callable[..., Any]:
    return lambda x: f(np.divide(1.0, x))


UNARY = [
    Spec("sin", mm.sin, np.sin),
    Spec("cos", mm.cos, np.cos),
    Spec("tan", mm.tan, np.tan, (-1.2, 1.2)),
    Spec("arcsin", mm.arcsin, np.arcsin, (-0.9, 0.9)),
    Spec("arccos", mm.arccos, np.arccos, (-0.9, 0.9)),
    Spec("arctan", mm.arctan, np.arctan),
    Spec("sinh", mm.sinh, np.sinh, (-5.0, 5.0)),
    Spec("cosh", mm.cosh, np.cosh, (-5.0, 5.0)),
    Spec("tanh", mm.tanh, np.tanh, (-5.0, 5.0)),
    Spec("arcsinh", mm.arcsinh, np.arcsinh),
    Spec("arccosh", mm.arccosh, np.arccosh, (1.1, 10.0)),
    Spec("arctanh", mm.arctanh, np.arctanh, (-0.9, 0.9)),
    Spec("exp", mm.exp, np.exp, (-5.0, 5.0)),
    Spec("expm1", mm.expm1, np.expm1, (-5.0, 5.0)),
    Spec("exp2", mm.exp2, np.exp2, (-5.0, 5.0)),
    Spec("log", mm.log, np.log, (0.1, 10.0)),
    Spec("log10", mm.log10, np.log10, (0.1, 10.0)),
    Spec("log2", mm.log2, np.log2, (0.1, 10.0)),
    Spec("log1p", mm.log1p, np.log1p, (-0.9, 10.0)),
    Spec("reciprocal", mm.reciprocal, np.reciprocal, (0.2, 10.0)),
    Spec("positive", mm.positive, np.positive),
    Spec("negative", mm.negative, np.negative),
    Spec("sqrt", mm.sqrt, np.sqrt, (0.1, 10.0)),
    Spec("cbrt", mm.cbrt, np.cbrt, (0.1, 10.0)),
    Spec("square", mm.square, np.square),
    Spec("absolute", mm.absolute, np.absolute, (0.1, 10.0)),
    # the reciprocal trigonometric/hyperbolic family (no NumPy ufunc of their own)
    Spec("sec", mm.sec, lambda x: np.divide(1.0, np.cos(x)), (-1.2, 1.2)),
    Spec("csc", mm.csc, lambda x: np.divide(1.0, np.sin(x)), (0.2, 3.0)),
    Spec("cot", mm.cot, lambda x: np.divide(1.0, np.tan(x)), (0.2, 3.0)),
    Spec("arcsec", mm.arcsec, _inv(np.arccos), (1.1, 10.0)),
    Spec("arccsc", mm.arccsc, _inv(np.arcsin), (1.1, 10.0)),
    Spec("arccot", mm.arccot, _inv(np.arctan), (0.1, 10.0)),
    Spec("sech", mm.sech, lambda x: np.divide(1.0, np.cosh(x)), (-5.0, 5.0)),
    Spec("csch", mm.csch, lambda x: np.divide(1.0, np.sinh(x)), (0.2, 5.0)),
    Spec("coth", mm.coth, lambda x: np.divide(1.0, np.tanh(x)), (0.2, 5.0)),
    Spec("arccoth", mm.arccoth, _inv(np.arctanh), (1.1, 10.0)),
    Spec("arccsch", mm.arccsch, _inv(np.arcsinh), (0.1, 10.0)),
]

# (spec, domain of x2)
BINARY = [
    (Spec("add", mm.add, np.add), (-10.0, 10.0)),
    (Spec("subtract", mm.subtract, np.subtract), (-10.0, 10.0)),
    (Spec("multiply", mm.multiply, np.multiply), (-10.0, 10.0)),
    (Spec("divide", mm.divide, np.divide), (0.5, 10.0)),
    (Spec("power", mm.power, np.power, (0.5, 3.0)), (-2.0, 2.0)),
    (Spec("arctan2", mm.arctan2, np.arctan2, (0.5, 3.0)), (0.5, 3.0)),
    (Spec("logaddexp", mm.logaddexp, np.logaddexp), (-10.0, 10.0)),
    (Spec("logaddexp2", mm.logaddexp2, np.logaddexp2), (-10.0, 10.0)),
    (Spec("maximum", mm.maximum, np.maximum), (-10.0, 10.0)),
    (Spec("minimum", mm.minimum, np.minimum), (-10.0, 10.0)),
]

# the NumPy ufunc each differentiable mygrad ufunc overrides
NUMPY_UFUNCS = {
    s.name: getattr(np, s.name)
    for s in UNARY + [b for b, _ in BINARY]
    if isinstance(getattr(np, s.name, None), np.ufunc)
}
