"""The Tensor: a NumPy array that can take part in a computational graph.

This module is about data and dispatch. Graph building and back-propagation live in
:mod:`mygrad_core.graph` (the other half of the engine's kernel: the two modules import
each other, and nothing else in the core does that), in-place writes in
:mod:`mygrad_core.inplace`, memory guarding in :mod:`mygrad_core.memguard`, view
bookkeeping in :mod:`mygrad_core.views`. Every attribute that is not data (operators,
``reshape``, ``__getitem__``, the NumPy protocols, ``x.sum()``) is looked up in the
registry, which the core fills for its own methods exactly as plugins fill theirs.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any, Callable, Iterator, List, Optional, Tuple, Union

import numpy as np

from mygrad_core import views
from mygrad_core._slots import BINARY_OPERATORS, PLUGIN_METHODS, UNARY_OPERATORS
from mygrad_core.errors import MissingPluginError
from mygrad_core.registry import REGISTRY, missing_message, provider_of

__all__ = ["Tensor", "tensor", "astensor", "asarray"]

_NUMPY2 = int(np.__version__.split(".")[0]) >= 2
_COPY_IF_NEEDED: Any = None if _NUMPY2 else False
_REAL_KINDS = "biuf"

_METHODS = REGISTRY.tensor_methods


def _check_kind(arr: np.ndarray, where: str = "Tensor") -> np.ndarray:
    if arr.dtype.kind not in _REAL_KINDS:
        raise TypeError(
            f"{where}: received data of dtype {arr.dtype!s} ({arr.dtype.kind!r} kind); "
            "a tensor holds real numbers only: float, integer or bool data"
        )
    return arr


def _as_input_array(a: Any, dtype: Any = None) -> np.ndarray:
    arr = np.asarray(a, dtype=dtype)
    if arr.dtype.kind not in _REAL_KINDS:
        _check_kind(arr, "an operation's input")
    return arr


def _check_constant(constant: Any, where: str = "Tensor") -> None:
    if constant is not None and not isinstance(constant, (bool, np.bool_)):
        raise TypeError(f"{where}: `constant` must be None, True or False, got {constant!r}")


def _check_ndmin(ndmin: Any, where: str = "Tensor") -> int:
    """``ndmin`` as an int; anything but a non-negative integer is a TypeError."""
    if isinstance(ndmin, (int, np.integer)) and not isinstance(ndmin, (bool, np.bool_)) and ndmin >= 0:
        return int(ndmin)
    raise TypeError(f"{where}: `ndmin` must be a non-negative integer, got {ndmin!r}")


def _infer_constant(arr: np.ndarray, constant: Optional[bool], where: str = "Tensor") -> bool:
    if constant is not None and constant is not True and constant is not False:
        _check_constant(constant, where)
    if arr.dtype.kind in "fc":
        return bool(constant) if constant is not None else False
    if constant is False:
        raise ValueError(
            f"{where}: integer- and bool-valued tensors must be constant; got constant=False "
            f"for data of dtype {arr.dtype}"
        )
    return True


def _new_tensor(data: np.ndarray, constant: bool, creator: Any = None) -> "Tensor":
    """Fast internal constructor: no validation, no copy."""
    t = object.__new__(Tensor)
    t._data = data
    t._grad = None
    t._constant = constant
    t._creator = creator
    t._base = None
    t._view_fn = None
    t._view_grad = None
    t._views = None
    t._consumers = None
    return t


def _lookup(name: str) -> Any:
    fn = _METHODS.get(name)
    if fn is None and REGISTRY.on_miss(name):  # plugins are discovered lazily, on a miss
        fn = _METHODS.get(name)
    return fn


def _method(name: str) -> Any:
    fn = _METHODS.get(name) or _lookup(name)
    if fn is None:
        if provider_of(name) is not None:
            raise MissingPluginError(missing_message(f"the Tensor method {name!r}", name))
        raise AttributeError(f"'Tensor' object has no attribute {name!r}")
    return fn


def _operator(name: str, symbol: str) -> Any:
    fn = _METHODS.get(name) or _lookup(name)
    if fn is None:
        raise TypeError(missing_message(f"the operator {symbol!r} on a Tensor", name))
    return fn


class Tensor:
    """A numpy-array-like object that serves as a node in a computational graph.

    Parameters
    ----------
    x : ArrayLike
        The data (numbers, nested sequences, arrays or tensors).
    dtype : Optional[DTypeLikeReals]
    constant : Optional[bool]
        If True the tensor never receives a gradient. Integer/bool tensors are always
        constants; ``None`` infers (float: not constant).
    copy : bool, default True
        Copy the data (``False``: only when needed).
    ndmin : int, default 0

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.Tensor([1.0, 2.0])
    Tensor([1., 2.])
    >>> mg.Tensor([1, 2]).constant
    True
    """

    __slots__ = (
        "_data",
        "_grad",
        "_constant",
        "_creator",
        "_base",
        "_view_fn",
        "_view_grad",
        "_views",
        "_consumers",
        "__weakref__",
    )
    __array_priority__ = 15.0

    _data: np.ndarray
    _grad: Optional[np.ndarray]
    _constant: bool
    _creator: Any
    _base: Optional["Tensor"]
    _view_fn: Any
    _view_grad: Any
    _views: Optional[List[Any]]
    _consumers: Optional[List[Any]]

    def __init__(
        self,
        x: Any,
        *,
        dtype: Any = None,
        constant: Optional[bool] = None,
        copy: bool = True,
        ndmin: int = 0,
    ) -> None:
        if type(ndmin) is not int or ndmin < 0:
            ndmin = _check_ndmin(ndmin)
        if isinstance(x, Tensor):
            # a new tensor: constant=None is inferred from the dtype, not inherited
            # (seed 000, mygrad.tensor: "Defaults to False for float-type data")
            x = x._data
        if copy:
            arr = np.array(x, dtype=dtype, copy=True, ndmin=ndmin)
        else:
            arr = np.array(x, dtype=dtype, copy=_COPY_IF_NEEDED, ndmin=ndmin)
        _check_kind(arr)
        self._data = arr
        self._grad: Optional[np.ndarray] = None
        self._constant = _infer_constant(arr, constant)
        self._creator: Any = None
        self._base: Optional[Tensor] = None
        self._view_fn: Any = None
        self._view_grad: Any = None
        self._views: Optional[List[Any]] = None
        self._consumers: Optional[List[Any]] = None

    # ------------------------------------------------------------ core attributes
    @property
    def data(self) -> np.ndarray:
        """The underlying NumPy array (by reference)."""
        return self._data

    @data.setter
    def data(self, value: Any) -> None:
        arr = _check_kind(np.asarray(value))
        self._data = arr

    @property
    def grad(self) -> Optional[np.ndarray]:
        """dℒ/d(self) after back-propagation, else None.

        A view's gradient is the matching view of its base's gradient.
        """
        if self._base is None:
            return self._grad
        return views.grad_of(self)

    @property
    def constant(self) -> bool:
        """If True, this tensor is a constant: it never receives a gradient."""
        return self._constant

    @property
    def creator(self) -> Any:
        """The Operation instance that produced this tensor (None for leaves)."""
        return self._creator

    @property
    def base(self) -> Optional["Tensor"]:
        """The tensor that owns the memory this tensor is a view of (None if it owns it)."""
        return self._base

    @property
    def dtype(self) -> np.dtype:
        return self._data.dtype

    @property
    def shape(self) -> Tuple[int, ...]:
        return self._data.shape

    @shape.setter
    def shape(self, newshape: Any) -> None:
        _method("_set_shape")(self, newshape)

    @property
    def ndim(self) -> int:
        return self._data.ndim

    @property
    def size(self) -> int:
        return self._data.size

    @property
    def T(self) -> "Tensor":
        """The transpose (``self`` when ``ndim < 2``)."""
        if self._data.ndim < 2:
            return self
        return _method("transpose")(self)

    @property
    def itemsize(self) -> int:
        return self._data.itemsize

    @property
    def nbytes(self) -> int:
        return self._data.nbytes

    @property
    def strides(self) -> Tuple[int, ...]:
        return self._data.strides

    # ------------------------------------------------------------ graph control
    def backward(self, grad: Any = None) -> None:
        """Back-propagate: compute dℒ/dx for every tensor x this tensor depends on.

        A non-scalar tensor back-propagates as if it were summed first. The graph is
        cleared afterwards.

        Examples
        --------
        >>> import mygrad_core as mgc
        >>> x = mgc.tensor([1.0, 2.0])
        >>> x.backward(2.0)
        >>> x.grad
        array([2., 2.])
        """
        graph.backward(self, grad)

    def clear_graph(self) -> None:
        """Remove this tensor and the tensors above it from their computational graph."""
        graph.clear_graph(self)

    def null_grad(self, *, _clear_view_info: bool = False) -> "Tensor":
        """Set this tensor's gradient to None; returns self."""
        self._grad = None
        self._view_grad = None
        if _clear_view_info and self._base is not None and self._creator is None:
            self._base = None
            self._view_fn = None
        return self

    def null_gradients(self, clear_graph: bool = True) -> None:
        """Deprecated: tensors now null their gradients automatically."""
        warnings.warn(
            "`Tensor.null_gradients` is deprecated and does nothing: gradients are nulled "
            "automatically when a tensor takes part in a new operation",
            FutureWarning,
            stacklevel=2,
        )

    # ------------------------------------------------------------ copies and casts
    def copy(self, *, constant: Optional[bool] = None) -> "Tensor":
        """A copy of the data and the gradient, with no graph (``creator`` is None)."""
        out = Tensor(self._data, copy=True, constant=self._constant if constant is None else constant)
        g = self.grad
        out._grad = None if g is None else np.copy(g)
        return out

    def __copy__(self) -> "Tensor":
        return self.copy()

    def __deepcopy__(self, memo: Any) -> "Tensor":
        out = self.copy()
        memo[id(self)] = out
        return out

    def astype(
        self, dtype: Any, casting: Any = "unsafe", copy: bool = True, *, constant: Optional[bool] = None
    ) -> "Tensor":
        """A copy cast to ``dtype``; not part of any graph.

        Examples
        --------
        >>> import mygrad_core as mgc
        >>> mgc.tensor([1.5, 2.0]).astype("int8")
        Tensor([1, 2], dtype=int8)
        """
        data = self._data.astype(dtype, casting=casting, copy=copy)
        if constant is None and self._data.dtype.kind in "fc":
            # a float original's flag was chosen, an integer one's was forced by its
            # dtype: only the former is inherited (mg.arange(3).astype(float) is a variable)
            constant = self._constant if data.dtype.kind in "fc" else None
        if data is self._data and constant == self._constant:
            return self
        return Tensor(data, constant=constant, copy=False)

    def item(self) -> Union[int, float, bool]:
        """The element of a one-element tensor as a Python scalar."""
        return self._data.item()

    def __getstate__(self) -> dict:
        return {"data": self._data, "grad": self._grad, "constant": self._constant}

    def __setstate__(self, state: dict) -> None:
        self._data = state["data"]
        self._grad = state["grad"]
        self._constant = state["constant"]
        self._creator = None
        self._base = None
        self._view_fn = None
        self._view_grad = None
        self._views = None
        self._consumers = None

    def __reduce__(self) -> Any:
        return (_unpickle, (self.__getstate__(),))

    # ------------------------------------------------------------ python protocols
    def __repr__(self) -> str:
        body = np.array_repr(self._data)
        # "array(" -> "Tensor(": indent continuation lines by one more column (blank
        # lines between the blocks of a >2-D array stay empty: no trailing space)
        return "Tensor" + body[5:].replace("\n", "\n ").replace("\n \n", "\n\n").replace("\n \n", "\n\n")

    def __str__(self) -> str:
        # MyGrad prints a tensor the same way everywhere: Tensor([1., 2.])
        return self.__repr__()

    def __array__(self, dtype: Any = None, copy: Optional[bool] = None) -> np.ndarray:
        if dtype is None or np.dtype(dtype) == self._data.dtype:
            return self._data.copy() if copy else self._data
        return self._data.astype(dtype)

    def __len__(self) -> int:
        return len(self._data)

    def __iter__(self) -> Iterator["Tensor"]:
        for i in range(len(self._data)):
            yield self[i]

    def __contains__(self, item: Any) -> bool:
        return (item._data if isinstance(item, Tensor) else item) in self._data

    def __bool__(self) -> bool:
        return bool(self._data)

    def __float__(self) -> float:
        return float(self._data)

    def __int__(self) -> int:
        return int(self._data)

    def __index__(self) -> int:
        return self._data.__index__()

    __hash__ = object.__hash__

    # ------------------------------------------------------------ comparisons (core)
    def __eq__(self, other: Any) -> np.ndarray:  # type: ignore[override]
        return np.equal(self._data, other._data if isinstance(other, Tensor) else other)

    def __ne__(self, other: Any) -> np.ndarray:  # type: ignore[override]
        return np.not_equal(self._data, other._data if isinstance(other, Tensor) else other)

    def __lt__(self, other: Any) -> np.ndarray:
        return np.less(self._data, other._data if isinstance(other, Tensor) else other)

    def __le__(self, other: Any) -> np.ndarray:
        return np.less_equal(self._data, other._data if isinstance(other, Tensor) else other)

    def __gt__(self, other: Any) -> np.ndarray:
        return np.greater(self._data, other._data if isinstance(other, Tensor) else other)

    def __ge__(self, other: Any) -> np.ndarray:
        return np.greater_equal(self._data, other._data if isinstance(other, Tensor) else other)

    # ------------------------------------------------------------ indexing (core, via the registry)
    def __getitem__(self, index: Any) -> "Tensor":
        return (_METHODS.get("__getitem__") or _method("__getitem__"))(self, index)

    def __setitem__(self, index: Any, value: Any) -> None:
        (_METHODS.get("__setitem__") or _method("__setitem__"))(self, index, value)

    # ------------------------------------------------------------ shape methods (core, via the registry)
    def reshape(self, *newshape: Any, constant: Optional[bool] = None) -> "Tensor":
        """A tensor with the same data and a new shape (a view when possible).

        Examples
        --------
        >>> import mygrad_core as mgc
        >>> mgc.arange(6.0).reshape(2, 3).shape
        (2, 3)
        """
        if not newshape:
            raise TypeError("reshape() takes at least one argument: the new shape")
        if len(newshape) == 1 and not isinstance(newshape[0], (int, np.integer)):
            newshape = newshape[0]
        return _method("reshape")(self, newshape, constant=constant)

    def transpose(self, *axes: Any, constant: Optional[bool] = None) -> "Tensor":
        """Permute the axes (reversed when none are given)."""
        if len(axes) == 1 and (axes[0] is None or not isinstance(axes[0], (int, np.integer))):
            axes = () if axes[0] is None else tuple(axes[0])
        return _method("transpose")(self, *axes, constant=constant)

    if TYPE_CHECKING:
        # For type checkers only: the methods set on the class below from the tables in
        # ``_slots`` (tests/typing/test_stub_sync.py checks this block names each one).
        # The exact signatures are the plugins' functions (``mygrad.sum`` ...).
        def __add__(self, other: Any) -> Tensor: ...
        def __radd__(self, other: Any) -> Tensor: ...
        def __iadd__(self, other: Any) -> Tensor: ...
        def __sub__(self, other: Any) -> Tensor: ...
        def __rsub__(self, other: Any) -> Tensor: ...
        def __isub__(self, other: Any) -> Tensor: ...
        def __mul__(self, other: Any) -> Tensor: ...
        def __rmul__(self, other: Any) -> Tensor: ...
        def __imul__(self, other: Any) -> Tensor: ...
        def __truediv__(self, other: Any) -> Tensor: ...
        def __rtruediv__(self, other: Any) -> Tensor: ...
        def __itruediv__(self, other: Any) -> Tensor: ...
        def __floordiv__(self, other: Any) -> Tensor: ...
        def __rfloordiv__(self, other: Any) -> Tensor: ...
        def __ifloordiv__(self, other: Any) -> Tensor: ...
        def __mod__(self, other: Any) -> Tensor: ...
        def __rmod__(self, other: Any) -> Tensor: ...
        def __imod__(self, other: Any) -> Tensor: ...
        def __divmod__(self, other: Any) -> Tuple[Tensor, Tensor]: ...
        def __rdivmod__(self, other: Any) -> Tuple[Tensor, Tensor]: ...
        def __pow__(self, other: Any) -> Tensor: ...
        def __rpow__(self, other: Any) -> Tensor: ...
        def __ipow__(self, other: Any) -> Tensor: ...
        def __matmul__(self, other: Any) -> Tensor: ...
        def __rmatmul__(self, other: Any) -> Tensor: ...
        def __imatmul__(self, other: Any) -> Tensor: ...
        def __neg__(self) -> Tensor: ...
        def __pos__(self) -> Tensor: ...
        def __abs__(self) -> Tensor: ...
        def sum(self, *args: Any, **kwargs: Any) -> Tensor: ...
        def prod(self, *args: Any, **kwargs: Any) -> Tensor: ...
        def cumprod(self, *args: Any, **kwargs: Any) -> Tensor: ...
        def cumsum(self, *args: Any, **kwargs: Any) -> Tensor: ...
        def mean(self, *args: Any, **kwargs: Any) -> Tensor: ...
        def std(self, *args: Any, **kwargs: Any) -> Tensor: ...
        def var(self, *args: Any, **kwargs: Any) -> Tensor: ...
        def max(self, *args: Any, **kwargs: Any) -> Tensor: ...
        def min(self, *args: Any, **kwargs: Any) -> Tensor: ...
        def argmax(self, *args: Any, **kwargs: Any) -> np.ndarray: ...
        def argmin(self, *args: Any, **kwargs: Any) -> np.ndarray: ...
        def any(self, *args: Any, **kwargs: Any) -> np.ndarray: ...
        def clip(self, *args: Any, **kwargs: Any) -> Tensor: ...
        def flatten(self, *args: Any, **kwargs: Any) -> Tensor: ...
        def ravel(self, *args: Any, **kwargs: Any) -> Tensor: ...
        def swapaxes(self, *args: Any, **kwargs: Any) -> Tensor: ...
        def moveaxis(self, *args: Any, **kwargs: Any) -> Tensor: ...
        def squeeze(self, *args: Any, **kwargs: Any) -> Tensor: ...
        def repeat(self, *args: Any, **kwargs: Any) -> Tensor: ...
        def __array_ufunc__(self, *args: Any, **kwargs: Any) -> Any: ...
        def __array_function__(self, *args: Any, **kwargs: Any) -> Any: ...

    def __getattr__(self, name: str) -> Any:
        # only reached for names the class does not define: third-party methods.
        # Dunder and private names fail at once (NumPy probes several on asarray).
        if name[:1] == "_":
            raise AttributeError(f"'Tensor' object has no attribute {name!r}")
        fn = _method(name)
        return fn.__get__(self, Tensor) if hasattr(fn, "__get__") else (lambda *a, **k: fn(self, *a, **k))



def _routed(name: str, doc: Optional[str] = None) -> Callable[..., Any]:
    def method(self: Tensor, *args: Any, **kwargs: Any) -> Any:
        return (_METHODS.get(name) or _method(name))(self, *args, **kwargs)

    method.__name__ = method.__qualname__ = name
    method.__doc__ = doc or f"``{name}`` of the tensor (see ``mygrad.{name.strip('_')}``)."
    return method


# an operator calls its registry entry's operator form when it has one (a ufunc class:
# calling the class itself costs CPython's class-call machinery on every `x * y`)
_OPERATOR_FORMS = REGISTRY.operator_forms


def _binary(name: str, symbol: str) -> Tuple[Callable[..., Any], ...]:
    def forward(self: Tensor, other: Any) -> Any:
        fn = _METHODS.get(name) or _operator(name, symbol)
        return _OPERATOR_FORMS.get(fn, fn)(self, other)

    def reflected(self: Tensor, other: Any) -> Any:
        fn = _METHODS.get(name) or _operator(name, symbol)
        return _OPERATOR_FORMS.get(fn, fn)(other, self)

    def inplace(self: Tensor, other: Any) -> Any:
        return (_METHODS.get(name) or _operator(name, symbol + "="))(self, other, out=self)

    return forward, reflected, inplace


def _unary(name: str, symbol: str) -> Callable[..., Any]:
    def forward(self: Tensor) -> Any:
        fn = _METHODS.get(name) or _operator(name, symbol)
        return _OPERATOR_FORMS.get(fn, fn)(self)

    return forward


def _imatmul(self: Tensor, other: Any) -> Any:
    raise TypeError(
        "In-place matrix multiplication is not (yet) supported. Use 'a = a @ b' instead of 'a @= b'."
    )


# The class's remaining methods come from the one table in ``_slots``: they are set
# here, once, when the class is created; it never changes shape afterwards.
for _name, _symbol, _reflected, _inplace in BINARY_OPERATORS:
    _fwd, _ref, _inp = _binary(_name, _symbol)
    for _dunder, _fn in ((_name, _fwd), (_reflected, _ref), (_inplace, _inp)):
        if _dunder is not None:
            _fn.__name__ = _fn.__qualname__ = str(_dunder)
            setattr(Tensor, str(_dunder), _fn)
Tensor.__imatmul__ = _imatmul  # type: ignore[attr-defined,method-assign]
for _name, _symbol in UNARY_OPERATORS:
    _fn = _unary(_name, _symbol)
    _fn.__name__ = _fn.__qualname__ = _name
    setattr(Tensor, _name, _fn)
for _name in PLUGIN_METHODS + ("flatten", "ravel", "swapaxes", "moveaxis", "squeeze", "repeat"):
    setattr(Tensor, _name, _routed(_name))
Tensor.__array_ufunc__ = _routed("__array_ufunc__", "NumPy's ufunc protocol: ``np.sin(tensor)``.")  # type: ignore[attr-defined,method-assign]
Tensor.__array_function__ = _routed("__array_function__", "NumPy's function protocol: ``np.sum(tensor)``.")  # type: ignore[attr-defined,method-assign]
del _name, _symbol, _reflected, _inplace, _fwd, _ref, _inp, _dunder, _fn


def _unpickle(state: dict) -> Tensor:
    t = object.__new__(Tensor)
    t.__setstate__(state)
    return t


def tensor(
    arr_like: Any,
    dtype: Any = None,
    *,
    constant: Optional[bool] = None,
    copy: bool = True,
    ndmin: int = 0,
) -> Tensor:
    """Create a tensor from an array-like, like ``numpy.array``.

    Parameters
    ----------
    arr_like : ArrayLike
    dtype : Optional[DTypeLikeReals]
    constant : Optional[bool]
        ``None`` infers: float data is not constant, integer/bool data is.
    copy : bool, default True
        ``False`` copies only when needed (a Tensor input may be returned as is).
    ndmin : int, default 0

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> mgc.tensor([[1, 2], [3, 4]])
    Tensor([[1, 2],
            [3, 4]])
    >>> mgc.tensor([1.0], ndmin=2).shape
    (1, 1)
    """
    if type(ndmin) is not int or ndmin < 0:
        ndmin = _check_ndmin(ndmin, "tensor")
    if isinstance(arr_like, Tensor) and not copy:
        _check_constant(constant, "tensor")
        same_dtype = dtype is None or np.dtype(dtype) == arr_like.dtype
        same_const = constant is None or constant == arr_like._constant
        if same_dtype and same_const:
            if arr_like.ndim >= ndmin:
                return arr_like
            # like np.array(a, copy=False, ndmin=k).base is a: a view, differentiable
            newshape = (1,) * (ndmin - arr_like.ndim) + arr_like.shape
            return _method("reshape")(arr_like, newshape, constant=constant)
    return Tensor(arr_like, dtype=dtype, constant=constant, copy=copy, ndmin=ndmin)


def astensor(t: Any, dtype: Any = None, *, constant: Optional[bool] = None) -> Tensor:
    """Convert to a tensor without copying when possible.

    A tensor with a matching dtype and constant flag is returned as is; a constant
    mismatch gives a new tensor sharing the data; a dtype mismatch gives a copy.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> x = mgc.tensor([1.0, 2.0])
    >>> mgc.astensor(x) is x
    True
    >>> mgc.astensor(x, constant=True).constant
    True
    """
    if isinstance(t, Tensor):
        same_dtype = dtype is None or np.dtype(dtype) == t.dtype
        if same_dtype and (constant is None or constant == t._constant):
            return t
        return Tensor(t._data, dtype=dtype, copy=False, constant=t._constant if constant is None and t.dtype.kind == "f" and (dtype is None or np.dtype(dtype).kind == "f") else constant)
    return Tensor(t, dtype=dtype, copy=False, constant=constant)


def asarray(a: Any, dtype: Any = None, order: Any = None) -> np.ndarray:
    """Convert the input to an array; a tensor's ``.data`` is returned without a copy.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> x = mgc.tensor([1.0, 2.0])
    >>> mgc.asarray(x) is x.data
    True
    """
    if isinstance(a, Tensor):
        a = a._data
    return np.asarray(a, dtype=dtype, order=order)


# The kernel's other half, imported last: graph builds Tensors, Tensor.backward runs
# graph.backward. Importing either module first works.
from mygrad_core import graph  # noqa: E402
