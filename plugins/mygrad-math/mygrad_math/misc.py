"""Miscellaneous functions: clip, sqrt, cbrt, square, absolute (``abs``), maximum, minimum."""

from __future__ import annotations

from typing import Any, Dict, Optional, Tuple, Union

import numpy as np

from mygrad_core import Operation, Tensor, UfuncOperation, execute_op, make_ufunc

__all__ = ["clip", "sqrt", "cbrt", "square", "absolute", "abs", "maximum", "minimum"]


class Sqrt(UfuncOperation):
    """The non-negative square root, elementwise (nan for negatives; gradient inf at 0).

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, 4.0])
    >>> mg.sqrt(x).backward()
    >>> x.grad
    array([0.5 , 0.25])
    """

    numpy_ufunc = np.sqrt

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad / (2 * self.out)


class Cbrt(UfuncOperation):
    """The cube root, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.cbrt([1.0, 8.0, -27.0])
    Tensor([ 1.,  2., -3.])
    """

    numpy_ufunc = np.cbrt

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        out = self.out
        return grad / (3 * out * out)


class Square(UfuncOperation):
    """The square ``x * x``, elementwise.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([100.0, 1000.0])
    >>> mg.square(x)
    Tensor([  10000., 1000000.])
    """

    numpy_ufunc = np.square

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * 2 * self.variables[0].data


class Absolute(UfuncOperation):
    """The absolute value, elementwise.

    nan_to_num : bool, default True (keyword-only)
    The derivative at 0 is 0 when True, nan when False.

    ``|x|``; the derivative at 0 is 0, or nan with ``nan_to_num=False``.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([-2.0, 0.0, 2.0])
    >>> mg.absolute(x).backward()
    >>> x.grad
    array([-1.,  0.,  1.])
    >>> mg.absolute(x, nan_to_num=False).backward()
    >>> x.grad
    array([-1., nan,  1.])
    """

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


class Maximum(UfuncOperation):
    """The elementwise maximum (nan propagates; at a tie neither input gets a gradient).

    Ties send no gradient to either input.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.maximum([2.0, 3.0, 4.0], [1.0, 5.0, 2.0])
    Tensor([2., 5., 4.])
    """

    numpy_ufunc = np.maximum

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        a = self.variables[index].data
        b = self.variables[1 - index].data
        return grad * (a > b)


class Minimum(UfuncOperation):
    """The elementwise minimum (nan propagates; at a tie neither input gets a gradient).

    Ties send no gradient to either input.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.minimum([2.0, 3.0, 4.0], [1.0, 5.0, 2.0])
    Tensor([1., 3., 2.])
    """

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
    bound receives no gradient. With both bounds None the result is a copy of ``a``
    (NumPy >= 2.1).

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
    kw: Dict[str, Any] = {}
    bounds = []
    for key, b in (("lo", a_min), ("hi", a_max)):
        if b is None or type(b) in _PY_NUMBERS:
            kw[key] = b
        else:
            kw[key + "_var"] = True
            bounds.append(b)
    return execute_op(Clip, a, *bounds, op_kwargs=kw, constant=constant, out=out)

sqrt = make_ufunc(Sqrt)


cbrt = make_ufunc(Cbrt)
square = make_ufunc(Square)
absolute = make_ufunc(Absolute)
abs = absolute  # noqa: A001 - MyGrad's name for it
maximum = make_ufunc(Maximum)
minimum = make_ufunc(Minimum)
