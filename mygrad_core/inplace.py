"""The one in-place mechanism: augmented assignment, ``__setitem__`` and ``out=``
(so :func:`execute_op`, the public way to run an op, which takes ``out=``, lives here).

Writing into a tensor ``t`` (possibly a view) becomes, in the graph, a new state of
``t``'s root tensor computed by :class:`_WriteRegion` from the root's old state and
the written value. The old state is kept (copied) in a placeholder tensor, and every
op that consumed the root or one of its views before the write is pointed at the
matching placeholder, so gradients use the values the forward pass saw. The root's
array is then written in place, so NumPy views of it (and the tensor's views) see the
change, and each live view of the root is re-attached to the root's new state.
"""

from __future__ import annotations

import weakref
from typing import Any, Callable, Dict, Optional, Sequence, Type

import numpy as np

from mygrad_core import memguard, views
from mygrad_core._state import guarding_now, tracking_now
from mygrad_core.graph import _execute, _wrap_inputs
from mygrad_core.operation import Operation
from mygrad_core.tensor_base import Tensor, _new_tensor

__all__ = ["execute_op", "assign", "write_out"]


def execute_op(
    Op: Type[Operation],
    *input_vars: Any,
    op_args: Optional[Sequence[Any]] = None,
    op_kwargs: Optional[Dict[str, Any]] = None,
    constant: Optional[bool] = None,
    out: Any = None,
) -> Tensor:
    """Run the operation ``Op`` on ``input_vars`` and return the resulting tensor.

    Non-tensor inputs become constant tensors (no copy). The result is a constant when
    ``constant=True``, when every input is a constant (``constant=None``), or when its
    dtype is integer/bool; ``constant=False`` forces a non-constant float result.
    With ``out=`` a Tensor the result is written into it in place and ``out`` is
    returned; with ``out=`` an ndarray the values are written there and the returned
    Tensor's ``.data`` is that array. Gradients are reduced over broadcast axes by the
    engine, once.

    Parameters
    ----------
    Op : Type[Operation]
    *input_vars : ArrayLike
        The tensor inputs of the op (``op.variables``).
    op_args, op_kwargs
        Extra positional/keyword arguments for ``Op.__call__``.
    constant : Optional[bool]
    out : Optional[Tensor | ndarray]

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> class Mul(mgc.Operation):
    ...     def __call__(self, a, b):
    ...         self.variables = (a, b)
    ...         return a.data * b.data
    ...     def backward_var(self, grad, index, **kwargs):
    ...         return grad * self.variables[1 - index].data
    >>> x = mgc.tensor(2.0)
    >>> y = mgc.tensor([1.0, 2.0, 3.0])
    >>> mgc.execute_op(Mul, x, y).backward()
    >>> x.grad
    array(6.)
    """
    result = _execute(Op, input_vars, op_args, op_kwargs, constant)
    return result if out is None else write_out(out, result)


def write_out(out: Any, result: Tensor, where: Any = True, casting: Any = "same_kind") -> Any:
    """Write ``result`` into the ``out=`` target.

    A Tensor target is written in place, differentiably, and returned. An ndarray
    target receives the values and becomes the result's memory: the returned Tensor
    (``result``) has ``.data is out``, stays in the graph, and ``out`` is guarded like
    any array a live graph holds.
    """
    if isinstance(out, Tensor):
        return assign(out, result, where=where, casting=casting)
    if isinstance(out, np.ndarray):
        data = result._data  # real: the engine refuses other results
        if out.dtype.kind not in "biuf":
            raise TypeError(f"out= must hold real numbers (float, integer or bool), got an array of dtype {out.dtype}")
        if where is True:
            np.copyto(out, data, casting=casting)
        else:
            # entries where= skips keep out's values, which no input produced
            np.copyto(out, data, casting=casting, where=where)
        result._data = out
        if out.dtype.kind != "f":
            result._constant = True
        op = result._creator
        if op is not None and guarding_now():
            memguard.lock(out)
            op._locked = [*op._locked, out]
        return result
    raise TypeError(f"out= must be a Tensor or numpy.ndarray, got {type(out).__name__}")


def _region_get(arr: np.ndarray, view_fn: Optional[Callable], index: Any) -> np.ndarray:
    sub = view_fn(arr) if view_fn is not None else arr
    return sub if index is None else sub[index]


def _region_set(arr: np.ndarray, view_fn: Optional[Callable], index: Any, value: Any, where: Any) -> None:
    sub = view_fn(arr) if view_fn is not None else arr
    if index is None:
        if where is True:
            np.copyto(sub, value, casting="unsafe")
        else:
            np.copyto(sub, value, casting="unsafe", where=where)
    else:
        sub[index] = value


class _WriteRegion(Operation):
    """new_root = old_root with ``region`` replaced by ``value`` (where ``where``)."""

    def __call__(self, old: Tensor, value: Tensor, *, view_fn: Any, index: Any, where: Any, target: np.ndarray) -> np.ndarray:
        self.variables = (old, value)
        self.view_fn_ = view_fn
        self.index = index
        self.where = where
        return target

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        if index == 0:
            g = grad.copy()
            _region_set(g, self.view_fn_, self.index, 0, self.where)
            return g
        g = _region_get(grad, self.view_fn_, self.index)
        if self.where is not True:
            g = np.where(self.where, g, 0)
        if self.index is not None and not _is_basic(self.index):
            # with repeated indices only the last write lands: undo duplicates by
            # routing the gradient of each written slot once
            g = _dedupe_setitem_grad(grad.shape, self.view_fn_, self.index, g, self.variables[1].shape)
        return g


class _ViewOf(Operation):
    """A live view of a root, re-attached to the root's new state after a write."""

    can_return_view = True

    def __init__(self, view_fn: Optional[Callable] = None) -> None:
        self._fn = view_fn

    def __call__(self, root: Tensor) -> np.ndarray:  # pragma: no cover - built directly
        self.variables = (root,)
        return self._fn(root.data)  # type: ignore[misc]

    def view_fn(self, array: np.ndarray) -> np.ndarray:
        return self._fn(array)  # type: ignore[misc]

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        root = self.variables[0]
        g = np.zeros(root.shape, dtype=grad.dtype)
        target = self._fn(g)  # type: ignore[misc]
        if target.flags.writeable:
            target[...] = grad
            return g
        # a broadcasting (non-injective) view: scatter-add through an index map
        ids = self._fn(np.arange(g.size).reshape(g.shape))  # type: ignore[misc]
        flat = np.bincount(np.broadcast_to(ids, grad.shape).ravel(), grad.ravel(), minlength=g.size)
        return flat.reshape(g.shape).astype(grad.dtype, copy=False)


def _is_basic(index: Any) -> bool:
    if not isinstance(index, tuple):
        index = (index,)
    for i in index:
        if i is None or i is Ellipsis or isinstance(i, (slice, int, np.integer)):
            continue
        return False
    return True


def _dedupe_setitem_grad(shape: tuple, view_fn: Any, index: Any, g: np.ndarray, value_shape: tuple) -> np.ndarray:
    # number every slot of the region, then see which element of the broadcast value
    # was written last into each slot
    ids = np.arange(int(np.prod(shape))).reshape(shape)
    region_ids = _region_get(ids, view_fn, None)
    written = region_ids[index]
    if written.size == np.unique(written).size:
        return g
    slot_of = np.full(ids.size, -1)
    order = np.arange(written.size)
    slot_of[written.ravel()] = order  # numpy keeps the last write
    keep = np.zeros(written.size, dtype=bool)
    keep[slot_of[slot_of >= 0]] = True
    return np.where(keep.reshape(written.shape), g, 0)


def _placeholder(t: Tensor, data: np.ndarray) -> Tensor:
    """A tensor holding ``t``'s old state; ``t``'s consumers are redirected to it."""
    ph = _new_tensor(data, t._constant, t._creator)
    consumers = t._consumers
    if consumers:
        for ref in consumers:
            op = ref()
            if op is None:
                continue
            op.variables = tuple(ph if v is t else v for v in op.variables)
        ph._consumers = consumers
        t._consumers = None
    return ph


def assign(target: Tensor, value: Any, index: Any = None, where: Any = True, casting: Any = "unsafe") -> Tensor:
    """Write ``value`` into ``target[index]`` (or all of ``target``) in place.

    The write propagates to ``target``'s base and all of its views and stays
    differentiable. Returns ``target``.
    """
    if isinstance(value, Tensor):
        vt = value
    else:
        (vt,), _ = _wrap_inputs((value,)) if type(value) not in (int, float, bool) else (
            (_new_tensor(np.asarray(value, dtype=np.result_type(value, target._data)), True),),
            True,
        )
    if casting != "unsafe" and not np.can_cast(vt._data.dtype, target._data.dtype, casting):
        raise TypeError(
            f"cannot write a result of dtype {vt._data.dtype} into a tensor of dtype "
            f"{target._data.dtype} in place (casting rule {casting!r})"
        )
    if where is not True:
        where = np.asarray(where._data if isinstance(where, Tensor) else where, dtype=bool)

    if target._base is not None and target._creator is None:
        # a view a backward cut from its base: from now on it is a tensor of its own
        target._base = None
        target._view_fn = None
        target._view_grad = None
    root = target._base if target._base is not None else target
    view_fn = target._view_fn if target._base is not None else None
    rdata = root._data

    # validate before changing anything: the value must fit the written region
    region_shape = _region_get(rdata, view_fn, index).shape
    if vt.shape != region_shape:
        try:
            bshape = np.broadcast_shapes(vt.shape, region_shape)
        except ValueError:
            bshape = None
        if bshape != region_shape:
            raise ValueError(
                f"cannot write a value of shape {vt.shape} into a region of shape "
                f"{region_shape} in place"
            )

    if not rdata.flags.writeable and memguard.readonly_by_user(rdata):
        raise ValueError(
            f"cannot write into this tensor in place: its data (shape {rdata.shape}, dtype "
            f"{rdata.dtype}) is read-only (flags.writeable is False), as NumPy would say"
        )
    if not tracking_now():
        if memguard.is_guarded(rdata):
            # no_autodiff stops new tracking; it never lifts the guard a live graph holds
            raise ValueError(
                "cannot write into this tensor in place under no_autodiff: its data is "
                "read-only because a live computational graph depends on it (the memory "
                "guard); call backward() or clear_graph() on that graph first"
            )
        with memguard.unlocked(rdata):
            _region_set(rdata, view_fn, index, vt._data, where)
        return target

    live = views.live_views(root)
    # the target decides: a constant stays constant whatever is written into it
    new_constant = root._constant or rdata.dtype.kind not in "fc"

    in_graph = root._creator is not None or _has_consumers(root)
    if not in_graph:
        for v in live:
            if v._creator is not None or _has_consumers(v):
                in_graph = True
                break
    if not in_graph and rdata.flags.writeable and not memguard.is_locked(rdata):
        # nothing depends on the old values: write straight into the memory
        _region_set(rdata, view_fn, index, vt._data, where)
        old_root = _new_tensor(rdata, root._constant)
        new = rdata
    else:
        # the old arrays stay with the graph that used them (placeholders); the root
        # gets new memory and its views are re-pointed at it
        new = np.copy(rdata, order="K")
        _region_set(new, view_fn, index, vt._data, where)
        old_root = _placeholder(root, rdata)
        for v in live:
            if v._creator is not None or _has_consumers(v):
                ph = _placeholder(v, v._data)
                if v is vt:  # `y[1:] = y[:2]`: the value is the view's old state
                    vt = ph
        root._data = new
        for v in live:
            v._data = v._view_fn(new)

    if vt is root:  # `y[...] = y`: the value is the root's old state
        vt = old_root
    root._grad = None
    root._creator = None
    root._constant = new_constant
    for v in live:
        v._creator = None
        v._constant = new_constant or v._constant
        v._grad = None
    if new_constant:
        return target

    guard = guarding_now()
    # the new state needs a creator only if a gradient can flow through it: into the
    # written value, or into the old state's own graph (an old leaf is unreachable)
    if old_root._creator is not None or not vt._constant:
        op = _WriteRegion()
        op(old_root, vt, view_fn=view_fn, index=index, where=where, target=new)
        root._creator = op
        ref = weakref.ref(op)
        old_root._consumers = views.add_ref(old_root._consumers, ref)
        vt._consumers = views.add_ref(vt._consumers, ref)
        if guard:
            memguard.lock(new)
            op._locked = [new]
    for v in live:
        vop = _ViewOf(v._view_fn)
        vop.variables = (root,)
        root._consumers = views.add_ref(root._consumers, weakref.ref(vop))
        v._creator = vop
        if guard:
            memguard.lock(new)
            memguard.lock(v._data)
            vop._locked = [new, v._data]
    return target


def _has_consumers(t: Tensor) -> bool:
    consumers = t._consumers
    if not consumers:
        return False
    for ref in consumers:
        if ref() is not None:
            return True
    t._consumers = None
    return False


def _rebind_reshaped(t: Tensor, r: Tensor) -> None:
    """``t.shape = newshape`` for a tensor in a graph: ``t`` takes the state of ``r``,
    a reshaped view of it; ops that used ``t`` before keep its old state."""
    old_shape = t._data.shape
    old_data = t._data
    ph = _placeholder(t, old_data)
    t._data = r._data
    memguard.writeable_with(r._data, old_data)
    if t._creator is None and t._base is None:
        # a leaf stays the leaf: the ops that used it before now see its old shape
        # through a reshaping view of it, so their gradients still reach it
        vop = _ViewOf(lambda arr: arr.reshape(old_shape))
        vop.variables = (t,)
        ph._creator = vop
        t._consumers = [weakref.ref(vop)]
    else:
        t._creator = r._creator
        t._constant = r._constant
    t._grad = None
    t._view_grad = None
    if t._base is not None:
        t._view_fn = r._view_fn
        return
    live = [v for v in views.live_views(t) if v is not r]
    for v in live:
        fn = v._view_fn
        v._view_fn = (lambda f: lambda arr: f(arr.reshape(old_shape)))(fn)
    t._views = [weakref.ref(v) for v in live] if live else None
