"""More elementwise functions: fabs, rad2deg/degrees, deg2rad/radians, hypot, fmax, fmin,
copysign, nan_to_num, and the complex-number helpers on real tensors (real, conj,
conjugate, real_if_close, imag, angle).

Tensors hold real numbers, so ``real``/``conj``/``real_if_close`` are the identity and
``imag``/``angle`` are constant in value: they still return a *non-constant* tensor
(with a zero gradient) for a non-constant input, so that they compose with the rest of
a computation.
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np

from mygrad_core import Operation, Tensor, UfuncOperation, execute_op, make_ufunc

__all__ = [
    "fabs",
    "rad2deg",
    "degrees",
    "deg2rad",
    "radians",
    "hypot",
    "fmax",
    "fmin",
    "copysign",
    "conjugate",
    "conj",
    "nan_to_num",
    "real",
    "real_if_close",
    "imag",
    "angle",
]


def _doc(summary: str, example: str, args: str = "x") -> str:
    together = " (broadcast together)" if "," in args else ""
    return f"""{summary}

    Parameters
    ----------
    {args} : ArrayLike
        The input(s){together}; non-tensors are constants.
    out : Optional[Union[Tensor, ndarray]]
        A target for the result, written in place: a Tensor is returned itself; for
        an ndarray the returned Tensor's ``.data`` is that array.
    where : Mask
        Compute only where True.
    dtype : Optional[DTypeLikeReals]
    constant : Optional[bool]

    Returns
    -------
    Tensor

    Examples
    --------
{example}
    """


class Fabs(UfuncOperation):
    numpy_ufunc = np.fabs

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * np.sign(self.variables[0].data)


class Rad2deg(UfuncOperation):
    numpy_ufunc = np.rad2deg

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * (180.0 / np.pi)


class Degrees(Rad2deg):
    numpy_ufunc = np.degrees  # type: ignore[assignment]


class Deg2rad(UfuncOperation):
    numpy_ufunc = np.deg2rad

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad * (np.pi / 180.0)


class Radians(Deg2rad):
    numpy_ufunc = np.radians  # type: ignore[assignment]


class Hypot(UfuncOperation):
    """``sqrt(x1**2 + x2**2)``; at the origin the gradient is taken as 0."""

    numpy_ufunc = np.hypot

    def forward(self, *arrays: np.ndarray, **kwargs: Any) -> np.ndarray:
        self.out = np.hypot(*arrays, **kwargs)
        return self.out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[index].data
        r = self.out
        safe = np.where(r == 0, 1, r)
        return grad * np.where(r == 0, 0, x / safe)


class Fmax(UfuncOperation):
    """nan-ignoring maximum: the gradient goes to the non-nan argument, and to ``x1`` on ties."""

    numpy_ufunc = np.fmax

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        a, b = self.variables[0].data, self.variables[1].data
        first = (a >= b) | np.isnan(b)
        return grad * (first if index == 0 else ~first)


class Fmin(UfuncOperation):
    """nan-ignoring minimum: the gradient goes to the non-nan argument, and to ``x1`` on ties."""

    numpy_ufunc = np.fmin

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        a, b = self.variables[0].data, self.variables[1].data
        first = (a <= b) | np.isnan(b)
        return grad * (first if index == 0 else ~first)


class Copysign(UfuncOperation):
    """``|x1|`` with the sign of ``x2``; ``x2`` receives a zero gradient (its sign is locally constant)."""

    numpy_ufunc = np.copysign

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        if index == 1:
            return np.zeros(grad.shape)
        a, b = self.variables[0].data, self.variables[1].data
        return grad * np.where(np.signbit(a) == np.signbit(b), 1.0, -1.0)


class Conjugate(UfuncOperation):
    """The identity on real tensors."""

    numpy_ufunc = np.conjugate

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad


fabs = make_ufunc(
    Fabs,
    name="fabs",
    doc=_doc(
        "The absolute value as a float, elementwise (gradient 0 at 0).",
        "    >>> import mygrad as mg\n    >>> mg.fabs(mg.tensor([-1.5, 2.0]))\n    Tensor([1.5, 2. ])",
    ),
)
rad2deg = make_ufunc(
    Rad2deg,
    name="rad2deg",
    doc=_doc(
        "Radians to degrees, elementwise.",
        "    >>> import mygrad as mg\n    >>> mg.rad2deg(mg.tensor([0.0, 3.141592653589793]))\n"
        "    Tensor([  0., 180.])",
    ),
)
degrees = make_ufunc(
    Degrees,
    name="degrees",
    doc=_doc(
        "Radians to degrees, elementwise (the same as :func:`rad2deg`).",
        "    >>> import mygrad as mg\n    >>> mg.degrees(mg.tensor(3.141592653589793))\n    Tensor(180.)",
    ),
)
deg2rad = make_ufunc(
    Deg2rad,
    name="deg2rad",
    doc=_doc(
        "Degrees to radians, elementwise.",
        "    >>> import mygrad as mg\n    >>> mg.deg2rad(mg.tensor([0.0, 180.0]))\n"
        "    Tensor([0.        , 3.14159265])",
    ),
)
radians = make_ufunc(
    Radians,
    name="radians",
    doc=_doc(
        "Degrees to radians, elementwise (the same as :func:`deg2rad`).",
        "    >>> import mygrad as mg\n    >>> mg.radians(mg.tensor(90.0))\n    Tensor(1.57079633)",
    ),
)
hypot = make_ufunc(
    Hypot,
    name="hypot",
    doc=_doc(
        "The hypotenuse ``sqrt(x1**2 + x2**2)``, elementwise (gradient 0 at the origin).",
        "    >>> import mygrad as mg\n    >>> x = mg.tensor(3.0)\n    >>> y = mg.hypot(x, 4.0)\n"
        "    >>> y\n    Tensor(5.)\n    >>> y.backward()\n    >>> x.grad\n    array(0.6)",
        args="x1, x2",
    ),
)
fmax = make_ufunc(
    Fmax,
    name="fmax",
    doc=_doc(
        "The elementwise maximum, ignoring nan.\n\n"
        "    The gradient of each element goes to the argument that was picked: to the\n"
        "    non-nan one when the other is nan, and to ``x1`` on a tie.",
        "    >>> import mygrad as mg\n    >>> x = mg.tensor([1.0, 5.0, float('nan')])\n"
        "    >>> y = mg.fmax(x, [2.0, 5.0, 3.0])\n    >>> y\n    Tensor([2., 5., 3.])\n"
        "    >>> y.backward()\n    >>> x.grad\n    array([0., 1., 0.])",
        args="x1, x2",
    ),
)
fmin = make_ufunc(
    Fmin,
    name="fmin",
    doc=_doc(
        "The elementwise minimum, ignoring nan.\n\n"
        "    The gradient of each element goes to the argument that was picked: to the\n"
        "    non-nan one when the other is nan, and to ``x1`` on a tie.",
        "    >>> import mygrad as mg\n    >>> x = mg.tensor([1.0, 5.0, float('nan')])\n"
        "    >>> y = mg.fmin(x, [2.0, 5.0, 3.0])\n    >>> y\n    Tensor([1., 5., 3.])\n"
        "    >>> y.backward()\n    >>> x.grad\n    array([1., 1., 0.])",
        args="x1, x2",
    ),
)
copysign = make_ufunc(
    Copysign,
    name="copysign",
    doc=_doc(
        "The magnitude of ``x1`` with the sign of ``x2``, elementwise (``x2`` gets a zero gradient).",
        "    >>> import mygrad as mg\n    >>> x = mg.tensor([1.0, -2.0])\n    >>> y = mg.copysign(x, -1.0)\n"
        "    >>> y\n    Tensor([-1., -2.])\n    >>> y.backward()\n    >>> x.grad\n    array([-1.,  1.])",
        args="x1, x2",
    ),
)
conjugate = make_ufunc(
    Conjugate,
    name="conjugate",
    doc=_doc(
        "The complex conjugate, elementwise: the identity on a real tensor.",
        "    >>> import mygrad as mg\n    >>> mg.conjugate(mg.tensor([1.0, -2.0]))\n    Tensor([ 1., -2.])",
    ),
)
conj = conjugate


class NanToNum(Operation):
    """``numpy.nan_to_num``: replaced entries send their gradient to the replacement value."""

    def __call__(self, x: Tensor, *fills: Tensor, which: tuple = (), **kw: Any) -> np.ndarray:  # type: ignore[override]
        self.variables = (x, *fills)
        self.which = which
        values = dict(kw)
        for name, t in zip(which, fills):
            values[name] = t.data.item()
        return np.nan_to_num(x.data, copy=True, **values)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        if index == 0:
            return grad * np.isfinite(x)
        name = self.which[index - 1]
        mask = np.isnan(x) if name == "nan" else (np.isposinf(x) if name == "posinf" else np.isneginf(x))
        return np.asarray(np.sum(grad * mask)).reshape(self.variables[index].shape)


def nan_to_num(
    x: Any,
    copy: bool = True,
    nan: Any = 0.0,
    posinf: Any = None,
    neginf: Any = None,
    *,
    constant: Optional[bool] = None,
) -> Tensor:
    """Replace nan and infinities by finite numbers (``numpy.nan_to_num``).

    A replaced element passes no gradient to ``x``; a replacement value given as a
    tensor receives the gradients of the elements it replaced. The result is always a
    new tensor: ``copy=False`` does not modify a tensor in place.

    Parameters
    ----------
    x : ArrayLike
    copy : bool
        Accepted for NumPy's signature; the input is never modified.
    nan, posinf, neginf : Optional[ArrayLike]
        The replacements (defaults: 0, the largest and the most negative finite value).
    constant : Optional[bool]

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, float('nan'), float('inf')])
    >>> y = mg.nan_to_num(x, posinf=9.0)
    >>> y
    Tensor([1., 0., 9.])
    >>> y.backward()
    >>> x.grad
    array([1., 0., 0.])
    """
    which = []
    fills = []
    kw = {}
    for name, v in (("nan", nan), ("posinf", posinf), ("neginf", neginf)):
        if isinstance(v, Tensor):
            which.append(name)
            fills.append(v)
        elif v is not None:
            kw[name] = v
    return execute_op(NanToNum, x, *fills, op_kwargs={"which": tuple(which), **kw}, constant=constant)


class _Identity(Operation):
    """The identity as a view of the input (``real``/``real_if_close`` of a real tensor)."""

    can_return_view = True

    def __call__(self, x: Tensor) -> np.ndarray:  # type: ignore[override]
        self.variables = (x,)
        # ``ndarray.real`` of a real array is the array itself: a view makes it a view
        return x.data.real.view()

    def view_fn(self, array: np.ndarray) -> np.ndarray:
        return array.real.view()

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return grad


class _ZeroGrad(Operation):
    """A NumPy function whose value is locally constant: a zero gradient."""

    def __call__(self, x: Tensor, fn: Any = None) -> np.ndarray:  # type: ignore[override]
        self.variables = (x,)
        return np.array(fn(x.data))

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        return np.zeros(self.variables[0].shape)


def real(val: Any, *, constant: Optional[bool] = None) -> Tensor:
    """The real part: on a (real) tensor, a view of it with the same gradient.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, 2.0])
    >>> mg.real(x).base is x
    True
    """
    return execute_op(_Identity, val, constant=constant)


def real_if_close(a: Any, tol: float = 100, *, constant: Optional[bool] = None) -> Tensor:
    """``a`` as a real tensor: on a (real) tensor, a view of it with the same gradient.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.real_if_close(mg.tensor([1.0, 2.0]))
    Tensor([1., 2.])
    """
    return execute_op(_Identity, a, constant=constant)


def imag(val: Any, *, constant: Optional[bool] = None) -> Tensor:
    """The imaginary part: zeros for a real tensor, with a zero gradient.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, 2.0])
    >>> y = mg.imag(x)
    >>> y
    Tensor([0., 0.])
    >>> (x + y).backward()
    >>> x.grad
    array([1., 1.])
    """
    return execute_op(_ZeroGrad, val, op_kwargs={"fn": np.imag}, constant=constant)


def angle(z: Any, deg: bool = False, *, constant: Optional[bool] = None) -> Tensor:
    """The argument of each element: 0 or pi for a real tensor, with a zero gradient.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.angle(mg.tensor([2.0, -2.0]), deg=True)
    Tensor([  0., 180.])
    """
    return execute_op(_ZeroGrad, z, op_kwargs={"fn": lambda d: np.angle(d, deg=deg)}, constant=constant)


NUMPY_OVERRIDES = {
    np.fabs: fabs,
    np.rad2deg: rad2deg,
    np.degrees: degrees,
    np.deg2rad: deg2rad,
    np.radians: radians,
    np.hypot: hypot,
    np.fmax: fmax,
    np.fmin: fmin,
    np.copysign: copysign,
    np.conjugate: conjugate,
    np.nan_to_num: nan_to_num,
    np.real: real,
    np.real_if_close: real_if_close,
    np.imag: imag,
    np.angle: angle,
}
