"""Miscellaneous functions: clip, sqrt, cbrt, square, absolute (``abs``), maximum, minimum."""

from __future__ import annotations

from typing import Any, Dict, Optional, Tuple, Union

import numpy as np

from mygrad_core import Operation, Tensor, execute_op
from mygrad_math._base import BinaryUfuncOp, UnaryUfuncOp
from mygrad_math._utils import build_ufunc, ufunc_doc

__all__ = ["clip", "sqrt", "cbrt", "square", "absolute", "abs", "maximum", "minimum"]


class Sqrt(UnaryUfuncOp):
    numpy_ufunc = np.sqrt

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad / (2 * self.out)


class Cbrt(UnaryUfuncOp):
    numpy_ufunc = np.cbrt

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        out = self.out
        return grad / (3 * out * out)


class Square(UnaryUfuncOp):
    numpy_ufunc = np.square

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * 2 * self.variables[0].data


class Absolute(UnaryUfuncOp):
    """``|x|``; the derivative at 0 is 0, or nan with ``nan_to_num=False``."""

    numpy_ufunc = np.absolute
    nan_to_num = True

    def forward(self, x: np.ndarray, nan_to_num: bool = True, **kwargs: Any) -> np.ndarray:
        self.nan_to_num = nan_to_num
        return np.absolute(x, **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        sign = np.sign(x)
        if not self.nan_to_num:
            sign = np.where(x == 0, np.nan, sign)
        return grad * sign


class Maximum(BinaryUfuncOp):
    """Ties send no gradient to either input."""

    numpy_ufunc = np.maximum

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        a = self.variables[index].data
        b = self.variables[1 - index].data
        return grad * (a > b)


class Minimum(BinaryUfuncOp):
    """Ties send no gradient to either input."""

    numpy_ufunc = np.minimum

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        a = self.variables[index].data
        b = self.variables[1 - index].data
        return grad * (a < b)


class Clip(Operation):
    """``minimum(a_max, maximum(a, a_min))``; an element at a bound gets no gradient.

    Python-number bounds are passed to ``numpy.clip`` as they are (NumPy's weak-scalar
    rules); other bounds are inputs of the op and receive gradients.
    """

    def __call__(
        self,
        a: Tensor,
        *bounds: Tensor,
        lo: Any = None,
        hi: Any = None,
        lo_var: bool = False,
        hi_var: bool = False,
    ) -> np.ndarray:  # type: ignore[override]
        self.variables = (a, *bounds)
        self.lo, self.hi, self.lo_var, self.hi_var = lo, hi, lo_var, hi_var
        return np.clip(a.data, *self._bounds())

    def _bounds(self) -> Tuple[Any, Any]:
        v = self.variables
        lo = v[1].data if self.lo_var else self.lo
        hi = v[-1].data if self.hi_var else self.hi
        return lo, hi

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        a = self.variables[0].data
        lo, hi = self._bounds()
        m = a if lo is None else np.maximum(a, lo)
        if index > 0 and self.hi_var and index == len(self.variables) - 1:
            return grad * (hi < m)
        # the gradient that reaches maximum(a, a_min)
        through = grad if hi is None else grad * (m < hi)
        if index == 0:
            return through if lo is None else through * (a > lo)
        return through * (lo > a)


_PY_NUMBERS = (int, float, bool)


def clip(
    a: Any,
    a_min: Any,
    a_max: Any,
    out: Optional[Union[Tensor, np.ndarray]] = None,
    *,
    constant: Optional[bool] = None,
) -> Tensor:
    """Clip (limit) the values of a tensor to the interval ``[a_min, a_max]``.

    Equivalent to ``minimum(a_max, maximum(a, a_min))``: an element sitting at a
    bound receives no gradient.

    Parameters
    ----------
    a : ArrayLike
    a_min : Optional[ArrayLike]
        The lower bound(s); None for no lower bound. Broadcasts with ``a``.
    a_max : Optional[ArrayLike]
        The upper bound(s); None for no upper bound. Only one bound may be None.
    out : Optional[Union[Tensor, ndarray]]
        A target for the result; it is written in place and returned.
    constant : Optional[bool]

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([-2.0, 0.5, 3.0])
    >>> y = mg.clip(x, -1, 1)
    >>> y
    Tensor([-1. ,  0.5,  1. ])
    >>> y.backward()
    >>> x.grad
    array([0., 1., 0.])
    """
    if a_min is None and a_max is None:
        raise ValueError("clip: `a_min` and `a_max` cannot both be None")
    kw: Dict[str, Any] = {}
    bounds = []
    for key, b in (("lo", a_min), ("hi", a_max)):
        if b is None or type(b) in _PY_NUMBERS:
            kw[key] = b
        else:
            kw[key + "_var"] = True
            bounds.append(b)
    return execute_op(Clip, a, *bounds, op_kwargs=kw, constant=constant, out=out)


sqrt = build_ufunc(
    Sqrt,
    "sqrt",
    ufunc_doc(
        "The non-negative square root, elementwise (nan for negatives; gradient inf at 0).",
        "    >>> import mygrad as mg\n"
        "    >>> x = mg.tensor([1.0, 4.0])\n"
        "    >>> mg.sqrt(x).backward()\n"
        "    >>> x.grad\n"
        "    array([0.5 , 0.25])",
    ),
)
cbrt = build_ufunc(
    Cbrt,
    "cbrt",
    ufunc_doc(
        "The cube root, elementwise.",
        "    >>> import mygrad as mg\n"
        "    >>> mg.cbrt([1.0, 8.0, -27.0])\n"
        "    Tensor([ 1.,  2., -3.])",
    ),
)
square = build_ufunc(
    Square,
    "square",
    ufunc_doc(
        "The square ``x * x``, elementwise.",
        "    >>> import mygrad as mg\n"
        "    >>> x = mg.tensor([100.0, 1000.0])\n"
        "    >>> mg.square(x)\n"
        "    Tensor([  10000., 1000000.])",
    ),
)
absolute = build_ufunc(
    Absolute,
    "absolute",
    ufunc_doc(
        "The absolute value, elementwise.",
        "    >>> import mygrad as mg\n"
        "    >>> x = mg.tensor([-2.0, 0.0, 2.0])\n"
        "    >>> mg.absolute(x).backward()\n"
        "    >>> x.grad\n"
        "    array([-1.,  0.,  1.])\n"
        "    >>> mg.absolute(x, nan_to_num=False).backward()\n"
        "    >>> x.grad\n"
        "    array([-1., nan,  1.])",
        notes="    nan_to_num : bool, default True (keyword-only)\n"
        "        The derivative at 0 is 0 when True, nan when False.\n",
    ),
    extra_kwonly=(("nan_to_num", True),),
)
abs = absolute  # noqa: A001 - MyGrad's name for it
maximum = build_ufunc(
    Maximum,
    "maximum",
    ufunc_doc(
        "The elementwise maximum (nan propagates; at a tie neither input gets a gradient).",
        "    >>> import mygrad as mg\n"
        "    >>> mg.maximum([2.0, 3.0, 4.0], [1.0, 5.0, 2.0])\n"
        "    Tensor([2., 5., 4.])",
        args=("x1", "x2"),
    ),
    args=("x1", "x2"),
)
minimum = build_ufunc(
    Minimum,
    "minimum",
    ufunc_doc(
        "The elementwise minimum (nan propagates; at a tie neither input gets a gradient).",
        "    >>> import mygrad as mg\n"
        "    >>> mg.minimum([2.0, 3.0, 4.0], [1.0, 5.0, 2.0])\n"
        "    Tensor([1., 3., 2.])",
        args=("x1", "x2"),
    ),
    args=("x1", "x2"),
)
