"""The one ufunc factory: an elementwise :class:`UfuncOperation` becomes a NumPy-style
ufunc with ``out=``, ``where=``, ``dtype=`` and ``constant=``.

A ufunc is a class (as MyGrad documents ``class mygrad.sin``): calling it runs its op
and returns a Tensor; ``nin``, ``nout``, ``identity``, ``types``, ... are class
attributes. The call with positional inputs only, which every operator makes
(``x * y`` calls ``multiply(x, y)``), goes straight to the engine. ``where=`` is
handled here for every ufunc: the forward pass only computes the selected entries
and the gradient is masked to them afterwards (:meth:`UfuncOperation.grad_post_process_fn`).
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Dict, Optional, Sequence, Tuple, Type

import numpy as np

from mygrad_core.graph import _execute
from mygrad_core.inplace import write_out
from mygrad_core.operation import Operation, reduce_broadcast
from mygrad_core.registry import REGISTRY
from mygrad_core.tensor_base import Tensor

__all__ = ["UfuncOperation", "ufunc", "make_ufunc"]


class UfuncOperation(Operation):
    """Base class of an elementwise op that :func:`make_ufunc` turns into a ufunc.

    Set ``numpy_ufunc`` (the forward pass) and implement ``backward_var`` for whole
    arrays; broadcasting, ``dtype=`` and ``where=`` are handled for you. Override
    ``forward(*arrays, **kwargs)`` when the forward pass is not a plain NumPy ufunc.
    The forward result is kept as ``self.out`` (many gradients are cheapest in terms
    of it: ``exp``, ``tanh``, ``sqrt``).

    Examples
    --------
    >>> import numpy as np
    >>> import mygrad_core as mgc
    >>> class Sin(mgc.UfuncOperation):
    ...     numpy_ufunc = np.sin
    ...     def backward_var(self, grad, index, **kwargs):
    ...         return grad * np.cos(self.variables[0].data)
    >>> sin = mgc.make_ufunc(Sin)
    >>> x = mgc.tensor([0.0, 1.0])
    >>> sin(x).backward()
    >>> x.grad.round(4)
    array([1.    , 0.5403])
    """

    numpy_ufunc: Optional[np.ufunc] = None
    # False for an op whose ufunc takes no where= (matmul)
    where_supported: bool = True
    # the where= mask of this call (True: every entry was computed)
    where: Any = True
    out: np.ndarray
    # the NumPy ufunc to call directly, when the class keeps the base ``forward``
    _direct: Optional[np.ufunc] = None
    # Optional: a cheaper equivalent op for the operator form of this ufunc (``x ** 2``
    # runs a square, as MyGrad does): a function of the operator's inputs returning
    # ``(Op, inputs)`` to run instead, or None. Calls of the ufunc itself never use it.
    operator_shortcut: ClassVar[Optional[Callable[..., Optional[Tuple[Type[Operation], Tuple[Any, ...]]]]]] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._direct = cls.numpy_ufunc if cls.forward is UfuncOperation.forward else None

    def forward(self, *arrays: np.ndarray, **kwargs: Any) -> np.ndarray:
        return self.numpy_ufunc(*arrays, **kwargs)  # type: ignore[misc]

    def __call__(self, *inputs: Tensor, **kwargs: Any) -> np.ndarray:  # type: ignore[override]
        self.variables = inputs
        f = self._direct
        if kwargs:
            where = kwargs.get("where", True)
            if where is not True:
                self.where = where
                # every gradient is masked (grad_post_process_fn), through Operation.backward
                self._post_process = True
                self._fast_backward = False
                kwargs["out"] = None  # NumPy warns unless asked for uninitialized entries explicitly
            out = self.forward(*[t._data for t in inputs], **kwargs)
        elif len(inputs) == 2:
            a, b = inputs
            out = f(a._data, b._data) if f is not None else self.forward(a._data, b._data)
        elif len(inputs) == 1:
            x = inputs[0]._data
            out = f(x) if f is not None else self.forward(x)
        else:
            arrays = [t._data for t in inputs]
            out = f(*arrays) if f is not None else self.forward(*arrays)
        self.out = out
        return out

    def grad_post_process_fn(self, grad: np.ndarray, var_shape: Tuple[int, ...]) -> np.ndarray:
        """Mask the gradient to the entries ``where=`` computed; reduce over broadcast axes."""
        where = self.where
        if where is not True:
            grad = np.where(where, grad, 0)
        return reduce_broadcast(grad, var_shape)


_P = inspect.Parameter
_UNSET: Any = object()  # where= not given (an op may refuse even where=True)


class _UfuncType(type):
    """The metaclass of mygrad's ufuncs: calling a ufunc class runs its op."""

    _Op: Type[UfuncOperation]
    _arg_names: Tuple[str, ...]
    numpy_ufunc: Optional[np.ufunc]

    if not TYPE_CHECKING:
        # Hidden from type checkers, which then type a call by ``ufunc.__new__`` (a
        # Tensor): mypy ignores a metaclass ``__call__`` and pyright would prefer it.
        def __call__(cls, *args, **kwargs):
            # the operators' call: positional inputs only, straight to the engine
            if not kwargs and len(args) == cls.nin:
                return _execute(cls._Op, args, None, None, None)
            return _call(cls, args, **kwargs)

    def __repr__(cls) -> str:
        return f"<mygrad-ufunc {cls.__name__!r}>"

    # built on first access, not at import
    @property
    def __signature__(cls) -> inspect.Signature:
        sig = cls.__dict__.get("_signature")
        if sig is None:
            params = [_P(a, _P.POSITIONAL_ONLY) for a in cls._arg_names]
            params.append(_P("out", _P.POSITIONAL_OR_KEYWORD, default=None))
            standard = (("where", True), ("dtype", None), ("constant", None))
            params += [_P(k, _P.KEYWORD_ONLY, default=v) for k, v in standard if k != "where" or cls._Op.where_supported]
            params += _extra_parameters(cls._Op)
            sig = inspect.Signature(params)
            cls._signature = sig
        return sig

    @property
    def __doc__(cls) -> Optional[str]:  # type: ignore[override]
        doc = cls.__dict__.get("_rendered_doc")
        if doc is None:
            doc = _render_doc(cls.__dict__.get("_raw_doc") or "", cls._arg_names)
            cls._rendered_doc = doc
        return doc

    @property
    def identity(cls) -> Any:
        np_ufunc = cls.numpy_ufunc
        return None if np_ufunc is None else np_ufunc.identity

    @property
    def types(cls) -> list:
        np_ufunc = cls.numpy_ufunc
        if np_ufunc is None:
            return []
        real = set("?bBhHiIlLqQefdg->")
        return [t for t in np_ufunc.types if set(t) <= real]

    @property
    def ntypes(cls) -> int:
        return len(cls.types)

    @property
    def signature(cls) -> Optional[str]:
        np_ufunc = cls.numpy_ufunc
        return None if np_ufunc is None else np_ufunc.signature


def _extra_parameters(Op: Type[UfuncOperation]) -> list:
    """Keyword options of an op's own ``forward`` (e.g. ``nan_to_num``), keyword-only."""
    if Op.forward is UfuncOperation.forward:
        return []
    extras = []
    for p in inspect.signature(Op.forward).parameters.values():
        if p.default is not p.empty and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY):
            extras.append(p.replace(kind=_P.KEYWORD_ONLY))
    return extras


def _call(
    cls: Any,
    args: Tuple[Any, ...],
    out: Any = None,
    where: Any = _UNSET,
    dtype: Any = None,
    constant: Optional[bool] = None,
    **kwargs: Any,
) -> Any:
    """A ufunc call with ``out=``, ``where=``, ``dtype=`` or a positional ``out``."""
    nin = cls.nin
    name = cls.__name__
    if len(args) != nin:
        if len(args) == nin + 1 and out is None:
            out = args[nin]
            args = args[:nin]
        else:
            raise TypeError(f"{name}() takes {nin} positional input(s) (plus an optional out), got {len(args)}")
    if isinstance(out, tuple):
        if len(out) != 1:
            raise ValueError(f"{name}: out= must hold exactly one target, got {len(out)}")
        out = out[0]
    op_kwargs: Dict[str, Any] = kwargs  # the op's own options, e.g. nan_to_num
    if where is not _UNSET and not cls._Op.where_supported:
        raise TypeError(f"{name}() does not support the `where=` argument")
    if where is _UNSET:
        where = True
    if where is not True:
        where = np.asarray(where.data if isinstance(where, Tensor) else where)
        if where.dtype != bool:
            raise TypeError(f"{name}: where= must be a boolean mask, got dtype {where.dtype}")
        op_kwargs["where"] = where
    if dtype is not None:
        op_kwargs["dtype"] = dtype
    result = _execute(cls._Op, args, None, op_kwargs or None, constant)
    if out is None:
        return result
    return write_out(out, result, where=where)


class ufunc(metaclass=_UfuncType):
    """The base class of MyGrad's ufuncs (``mygrad.sin``, ``mygrad.add``, ...).

    Each ufunc is a subclass made by :func:`make_ufunc`; calling it runs its op:
    ``f(*inputs, out=None, *, where=True, dtype=None, constant=None)``. ``out`` may be
    a Tensor (written in place, differentiably, and returned) or an ndarray (written,
    and the returned Tensor's ``.data`` is that array, guarded while its graph lives).

    Examples
    --------
    >>> import inspect
    >>> import mygrad_core as mgc
    >>> inspect.isclass(mgc.ufunc)
    True
    """

    _Op: ClassVar[Type[UfuncOperation]]
    _arg_names: ClassVar[Tuple[str, ...]] = ("x",)
    numpy_ufunc: ClassVar[Optional[np.ufunc]] = None
    nin: ClassVar[int] = 1
    nout: ClassVar[int] = 1
    nargs: ClassVar[int] = 2

    if TYPE_CHECKING:
        # What a call returns, for type checkers (at run time the metaclass runs the op).
        # The stubs of ``mygrad`` give each ufunc its exact signature.
        def __new__(  # type: ignore[misc]
            cls,
            *args: Any,
            out: Any = None,
            where: Any = True,
            dtype: Any = None,
            constant: Optional[bool] = None,
            **kwargs: Any,
        ) -> Tensor: ...

    @classmethod
    def resolve_dtypes(cls, *args: Any, **kwargs: Any) -> Any:
        if cls.numpy_ufunc is None:
            raise NotImplementedError(f"{cls.__name__}.resolve_dtypes is not available")
        return cls.numpy_ufunc.resolve_dtypes(*args, **kwargs)

    @classmethod
    def _not_implemented(cls, method: str) -> Any:
        raise NotImplementedError(f"{cls.__name__}.{method} is not implemented by mygrad")

    @classmethod
    def reduce(cls, *args: Any, **kwargs: Any) -> Any:
        return cls._not_implemented("reduce")

    @classmethod
    def accumulate(cls, *args: Any, **kwargs: Any) -> Any:
        return cls._not_implemented("accumulate")

    @classmethod
    def reduceat(cls, *args: Any, **kwargs: Any) -> Any:
        return cls._not_implemented("reduceat")

    @classmethod
    def outer(cls, *args: Any, **kwargs: Any) -> Any:
        return cls._not_implemented("outer")

    @classmethod
    def at(cls, *args: Any, **kwargs: Any) -> Any:
        return cls._not_implemented("at")


_STANDARD_PARAMETERS = """\
    out : Optional[Union[Tensor, ndarray]]
        A target for the result, written in place. A Tensor is returned itself; for
        an ndarray the returned Tensor's ``.data`` is that array.
    where : Mask, optional (default=True)
        Compute only where True; other entries are uninitialised unless ``out`` is given.
    dtype : Optional[DTypeLikeReals]
        The dtype of the result.
    constant : Optional[bool]
        Force the result to be (or not be) a constant; inferred from the inputs by default.

    Returns
    -------
    Tensor
"""


def _render_doc(doc: str, arg_names: Tuple[str, ...]) -> str:
    """The op's docstring with the standard ufunc parameters put in before Examples."""
    doc = inspect.cleandoc(doc)
    if "Parameters\n---" in doc or not doc:
        return doc
    names = ", ".join(arg_names)
    together = " and must broadcast together" if len(arg_names) > 1 else ""
    params = (
        "Parameters\n----------\n"
        f"{names} : ArrayLike\n    The input(s); non-tensors are treated as constants{together}.\n"
        + inspect.cleandoc(_STANDARD_PARAMETERS)
        + "\n"
    )
    head, sep, examples = doc.partition("Examples\n--------")
    return f"{head.rstrip()}\n\n{params}\n{sep}{examples}" if sep else f"{doc}\n\n{params}"


def _operator_form(Op: Type[UfuncOperation], nin: int, cls: Any) -> Callable[..., Any]:
    """The function the Tensor's operators call for the ufunc ``cls``: its inputs as
    exactly ``nin`` positional parameters. No ``*args``/``**kwargs``: CPython then makes
    the call from the operator (and this function's own call of the engine) as a plain
    Python-to-Python call, the cheapest kind."""
    shortcut = Op.operator_shortcut
    if nin == 2:
        if shortcut is None:

            def binary(x1: Any, x2: Any) -> Any:
                return _execute(Op, (x1, x2), None, None, None)

            return binary

        def binary_with_shortcut(x1: Any, x2: Any) -> Any:
            alternative = shortcut(x1, x2)
            if alternative is None:
                return _execute(Op, (x1, x2), None, None, None)
            return _execute(alternative[0], alternative[1], None, None, None)

        return binary_with_shortcut
    if nin == 1 and shortcut is None:

        def unary(x: Any) -> Any:
            return _execute(Op, (x,), None, None, None)

        return unary

    def call(*args: Any) -> Any:
        if shortcut is not None:
            alternative = shortcut(*args)
            if alternative is not None:
                return _execute(alternative[0], alternative[1], None, None, None)
        return cls(*args)

    return call


def make_ufunc(
    Op: Type[UfuncOperation],
    *,
    name: Optional[str] = None,
    nin: Optional[int] = None,
    numpy_ufunc: Optional[np.ufunc] = None,
    doc: Optional[str] = None,
    module: Optional[str] = None,
    args: Optional[Sequence[str]] = None,
) -> Type[ufunc]:
    """Turn an elementwise op into a NumPy-style ufunc (a subclass of :class:`ufunc`).

    Parameters
    ----------
    Op : Type[UfuncOperation]
        Its docstring (summary, notes and examples) becomes the ufunc's, with the
        standard parameters (inputs, ``out``, ``where``, ``dtype``, ``constant``) put in.
    name : str, optional
        Defaults to the NumPy ufunc's name.
    nin : int, optional
        Number of inputs; defaults to the NumPy ufunc's ``nin``.
    numpy_ufunc : np.ufunc, optional
        Defaults to ``Op.numpy_ufunc``; supplies ``identity``, ``types``, ...
    doc : str, optional
        A docstring to use instead of the op's.
    module : str, optional
        The ufunc's ``__module__`` (default: the op's).
    args : Sequence[str], optional
        The names of the inputs in the signature (default ``x`` or ``x1, x2, ...``).

    Returns
    -------
    Type[ufunc]

    Examples
    --------
    >>> import numpy as np
    >>> import mygrad_core as mgc
    >>> class Cube(mgc.UfuncOperation):
    ...     '''Cube, elementwise.'''
    ...     def forward(self, x, **kwargs):
    ...         return np.power(x, 3, **kwargs)
    ...     def backward_var(self, grad, index, **kwargs):
    ...         return grad * 3 * self.variables[0].data ** 2
    >>> cube = mgc.make_ufunc(Cube, name="cube", nin=1)
    >>> cube
    <mygrad-ufunc 'cube'>
    >>> x = mgc.tensor([1.0, 2.0])
    >>> cube(x).backward()
    >>> x.grad
    array([ 3., 12.])
    """
    np_ufunc = numpy_ufunc if numpy_ufunc is not None else Op.numpy_ufunc
    if name is None:
        if np_ufunc is None:
            raise TypeError(f"make_ufunc({Op.__name__}): give `name=` or an op with a `numpy_ufunc`")
        name = np_ufunc.__name__
    if nin is None and args is not None:
        nin = len(args)
    if nin is None:
        if np_ufunc is None:
            raise TypeError(f"make_ufunc({Op.__name__}): give `nin=` or an op with a `numpy_ufunc`")
        nin = np_ufunc.nin
    namespace = {
        "_Op": Op,
        "numpy_ufunc": np_ufunc,
        "nin": nin,
        "nout": 1,
        "nargs": nin + 1,
        "_arg_names": tuple(args) if args is not None else ("x",) if nin == 1 else tuple(f"x{i + 1}" for i in range(nin)),
        "_raw_doc": doc or Op.__doc__ or "",
        "__module__": module or Op.__module__,
        "__qualname__": name,
    }
    cls = _UfuncType(name, (ufunc,), namespace)

    REGISTRY.operator_forms[cls] = _operator_form(Op, nin, cls)
    return cls  # type: ignore[return-value]
