"""The one ufunc factory: an elementwise :class:`UfuncOperation` becomes a NumPy-style
ufunc with ``out=``, ``where=``, ``dtype=`` and ``constant=``.

``where=`` is handled here for every ufunc: the forward pass only computes the selected
entries (the others are uninitialized unless ``out=`` supplies them), and the backward
pass sends no gradient through the entries that were not computed.
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple, Type

import numpy as np

from mygrad_core.graph import _execute, write_out
from mygrad_core.operation import Operation, SkipGradient, _check_grad
from mygrad_core.tensor import Tensor

__all__ = ["UfuncOperation", "ufunc", "make_ufunc"]


class UfuncOperation(Operation):
    """Base class of an elementwise op that :func:`make_ufunc` turns into a ufunc.

    Set ``numpy_ufunc`` (the forward pass) and implement ``backward_var`` for the whole
    arrays; broadcasting and ``where=`` masking are handled for you. Override
    ``forward(*arrays, **kwargs)`` when the forward pass is not a plain NumPy ufunc.
    """

    numpy_ufunc: Optional[np.ufunc] = None
    where: Any = True

    def forward(self, *arrays: np.ndarray, **kwargs: Any) -> np.ndarray:
        return self.numpy_ufunc(*arrays, **kwargs)  # type: ignore[misc]

    def __call__(self, *inputs: Tensor, where: Any = True, dtype: Any = None, **kwargs: Any) -> np.ndarray:  # type: ignore[override]
        self.variables = inputs
        arrays = [t.data for t in inputs]
        if dtype is not None:
            kwargs["dtype"] = dtype
        if where is not True:
            self.where = where
            self._fast_backward = False
            self.backward = self._masked_backward  # type: ignore[method-assign]
            kwargs["where"] = where
            kwargs["out"] = None  # NumPy warns unless asked for uninitialized entries explicitly
        return self.forward(*arrays, **kwargs) if kwargs else self.forward(*arrays)

    def _masked_backward(self, grad: np.ndarray, **kwargs: Any) -> Tuple[Optional[np.ndarray], ...]:
        # the op's `backward` when it ran with where=: no gradient through the entries
        # that were never computed
        where = self.where
        grad = np.where(where, grad, 0)
        out: List[Optional[np.ndarray]] = []
        with np.errstate(all="ignore"):  # entries outside `where` were never computed
            for index, var in enumerate(self.variables):
                if var._constant:
                    out.append(None)
                    continue
                try:
                    g = self.backward_var(grad, index, **kwargs)
                except SkipGradient:
                    out.append(None)
                    continue
                g = np.where(where, g, 0)
                out.append(_check_grad(self, index, var, g))
        return tuple(out)


class ufunc:
    """The type of MyGrad's ufunc-style functions (``mygrad.sin``, ``mygrad.add``, ...).

    Calling one runs its op: ``f(*inputs, out=None, *, where=True, dtype=None,
    constant=None)``. ``out`` may be a Tensor (written in place, differentiably) or an
    ndarray; either way ``out`` is returned.
    """

    _Op: Type[UfuncOperation]
    _numpy_ufunc: Optional[np.ufunc]
    nin: int
    nout: int = 1

    def __init__(self, Op: Type[UfuncOperation], name: str, nin: int, numpy_ufunc: Optional[np.ufunc]) -> None:
        self._Op = Op
        self._numpy_ufunc = numpy_ufunc
        self.nin = nin
        self.__name__ = name
        self.__qualname__ = name

    def __call__(self, *args: Any, out: Any = None, where: Any = True, dtype: Any = None, constant: Optional[bool] = None, **kwargs: Any) -> Any:
        nin = self.nin
        if len(args) != nin:
            if len(args) == nin + 1 and out is None:
                out = args[nin]
                args = args[:nin]
            else:
                raise TypeError(
                    f"{self.__name__}() takes {nin} positional input(s) (plus an optional out), "
                    f"got {len(args)}"
                )
        if out is not None and isinstance(out, tuple):
            if len(out) != 1:
                raise ValueError(f"{self.__name__}: out= must hold exactly one target, got {len(out)}")
            out = out[0]
        if where is not True:
            where = np.asarray(where.data if isinstance(where, Tensor) else where)
            if where.dtype != bool:
                raise TypeError(f"{self.__name__}: where= must be a boolean mask, got dtype {where.dtype}")
            kwargs["where"] = where
        if dtype is not None:
            kwargs["dtype"] = dtype
        result = _execute(self._Op, args, None, kwargs or None, constant)
        if out is None:
            return result
        return write_out(out, result, where=where)

    # ------------------------------------------------------------ NumPy-ufunc attributes
    @property
    def nargs(self) -> int:
        return self.nin + self.nout

    @property
    def identity(self) -> Any:
        return None if self._numpy_ufunc is None else self._numpy_ufunc.identity

    @property
    def types(self) -> list:
        return [] if self._numpy_ufunc is None else [t for t in self._numpy_ufunc.types if set(t) <= set("?bBhHiIlLqQefdg->")]

    @property
    def ntypes(self) -> int:
        return len(self.types)

    @property
    def signature(self) -> Optional[str]:
        return None if self._numpy_ufunc is None else self._numpy_ufunc.signature

    def resolve_dtypes(self, *args: Any, **kwargs: Any) -> Any:
        if self._numpy_ufunc is None:
            raise NotImplementedError(f"{self.__name__}.resolve_dtypes is not available")
        return self._numpy_ufunc.resolve_dtypes(*args, **kwargs)

    def _not_implemented(self, method: str) -> Any:
        raise NotImplementedError(f"{self.__name__}.{method} is not implemented by mygrad")

    def reduce(self, *args: Any, **kwargs: Any) -> Any:
        return self._not_implemented("reduce")

    def accumulate(self, *args: Any, **kwargs: Any) -> Any:
        return self._not_implemented("accumulate")

    def reduceat(self, *args: Any, **kwargs: Any) -> Any:
        return self._not_implemented("reduceat")

    def outer(self, *args: Any, **kwargs: Any) -> Any:
        return self._not_implemented("outer")

    def at(self, *args: Any, **kwargs: Any) -> Any:
        return self._not_implemented("at")

    def __repr__(self) -> str:
        return f"<mygrad.ufunc '{self.__name__}'>"


def make_ufunc(
    Op: Type[UfuncOperation],
    *,
    name: Optional[str] = None,
    nin: Optional[int] = None,
    numpy_ufunc: Optional[np.ufunc] = None,
    doc: Optional[str] = None,
) -> ufunc:
    """Turn an elementwise op into a NumPy-style ufunc.

    Parameters
    ----------
    Op : Type[UfuncOperation]
    name : str, optional
        Defaults to the NumPy ufunc's name.
    nin : int, optional
        Number of inputs; defaults to the NumPy ufunc's ``nin``.
    numpy_ufunc : np.ufunc, optional
        Defaults to ``Op.numpy_ufunc``; supplies ``identity``, ``types``, ...
    doc : str, optional

    Examples
    --------
    >>> import numpy as np
    >>> import mygrad_core as mgc
    >>> class Cube(mgc.UfuncOperation):
    ...     numpy_ufunc = np.cbrt  # only for the ufunc attributes here
    ...     def forward(self, x, **kwargs):
    ...         return np.power(x, 3, **kwargs)
    ...     def backward_var(self, grad, index, **kwargs):
    ...         return grad * 3 * self.variables[0].data ** 2
    >>> cube = mgc.make_ufunc(Cube, name="cube")
    >>> x = mgc.tensor([1.0, 2.0])
    >>> cube(x).backward()
    >>> x.grad
    array([ 3., 12.])
    """
    np_ufunc = numpy_ufunc if numpy_ufunc is not None else Op.numpy_ufunc
    if name is None:
        if np_ufunc is None:
            raise TypeError("make_ufunc: give `name=` or an op with a `numpy_ufunc`")
        name = np_ufunc.__name__
    if nin is None:
        if np_ufunc is None:
            raise TypeError("make_ufunc: give `nin=` or an op with a `numpy_ufunc`")
        nin = np_ufunc.nin
    cls = type(name, (ufunc,), {"__doc__": doc or Op.__doc__ or ufunc.__doc__, "__module__": Op.__module__})
    return cls(Op, name, nin, np_ufunc)
