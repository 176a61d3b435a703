"""Building the graph (``_execute``), back-propagation and ``no_autodiff``.

This module and :mod:`mygrad_core.tensor_base` are the engine's kernel: they import each
other (graph makes Tensors; ``Tensor.backward`` runs :func:`backward`), and no other
module of the core is part of an import cycle. ``execute_op``, which adds ``out=``, is
in :mod:`mygrad_core.inplace`.

The graph holds no reference cycles: a result tensor references its creator op, the
op references its input tensors, and inputs know their consumers only through weak
references. Dropping a result therefore frees its op at once, which releases the
memory guard on the op's arrays.
"""

from __future__ import annotations

import functools
import sys
import weakref
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Type, TypeVar

import numpy as np

from mygrad_core import memguard, views
from mygrad_core._state import GUARDING, STATE, TRACKING, Switch
from mygrad_core.errors import InvalidBackprop
from mygrad_core.operation import Operation, SkipGradient, _check_grad
from mygrad_core.tensor_base import Tensor, _as_input_array, _new_tensor

__all__ = ["no_autodiff", "backward", "clear_graph"]

_PY_SCALARS = (int, float, bool)
_weakref = weakref.ref
# references to a running gradient sum held by the `_grad` slot, a local name and the
# call's own argument: no more means nobody else can see it, so it may grow in place
_getrefcount = sys.getrefcount
_guard = memguard.guard
_tracking = TRACKING.get
_guarding = GUARDING.get


def _wrap_inputs(input_vars: Sequence[Any]) -> Tuple[Tuple["Tensor", ...], set]:
    """Inputs as tensors; non-tensors become constant tensors without a copy.

    Python scalars are converted with NumPy 2's weak-scalar rule: their dtype is the
    one the other operands give them (``float32_tensor * 2.0`` stays float32).
    Also returns the ids of the tensors made here around new memory (from scalars and
    sequences): nobody else can reach that memory, so it needs no guarding.
    """
    out: List[Any] = []
    scalars = []
    fresh = set()
    for i, a in enumerate(input_vars):
        if isinstance(a, Tensor):
            out.append(a)
        elif type(a) in _PY_SCALARS:
            out.append(a)
            scalars.append(i)
        elif type(a) is np.ndarray and a.dtype.kind in "biuf":
            out.append(_new_tensor(a, True))  # the caller's memory: guarded like a tensor's
        else:
            t = _new_tensor(_as_input_array(a), True)
            if not isinstance(a, np.ndarray):
                fresh.add(id(t))
            out.append(t)
    if scalars:
        arrays = [t._data for t in out if isinstance(t, Tensor)]
        # the common case, one float array: the scalar takes its dtype
        one_float = arrays[0].dtype if len(arrays) == 1 and arrays[0].dtype.kind == "f" else None
        dtype: Any
        for i in scalars:
            s = out[i]
            if one_float is not None and type(s) is not bool:
                dtype = one_float
            else:
                dtype = np.result_type(s, *arrays) if arrays else None
            t = _new_tensor(_as_input_array(s, dtype), True)
            fresh.add(id(t))
            out[i] = t
    return tuple(out), fresh


def _execute(
    Op: Type[Operation],
    input_vars: Tuple[Any, ...],
    op_args: Optional[Sequence[Any]],
    op_kwargs: Optional[Dict[str, Any]],
    constant: Optional[bool],
) -> "Tensor":
    """Run ``Op`` on ``input_vars`` and record it in the graph (``execute_op`` without
    ``out=``, taking its arguments positionally: the path every op takes)."""
    tensors: Tuple[Any, ...] = input_vars
    fresh = None
    all_const = True
    T = Tensor
    for a in input_vars:
        if not isinstance(a, T):
            tensors, fresh = _wrap_inputs(input_vars)
            all_const = all(t._constant for t in tensors)
            break
        if not a._constant:
            all_const = False
    op = Op()
    if op_args:
        data = op(*tensors, *op_args, **(op_kwargs or {})) if op_kwargs else op(*tensors, *op_args)
    elif op_kwargs:
        data = op(*tensors, **op_kwargs)
    else:
        data = op(*tensors)
    if type(data) is not np.ndarray:
        data = np.asarray(data)

    # constant inference
    kind = data.dtype.kind
    if kind != "f" and kind not in "biu":
        # complex (e.g. dtype=complex), str, object...: a gradient could not be real
        raise TypeError(
            f"{Op.__name__}: the operation produced data of dtype {data.dtype} "
            f"({kind!r} kind); a tensor holds real numbers only: float, integer or bool data"
        )
    if constant is None:
        is_const = all_const or kind != "f"
    else:
        is_const = bool(constant)
        if not is_const and kind != "f":
            raise ValueError(
                f"{Op.__name__}: the result has the integer/bool dtype {data.dtype}, so it "
                "must be a constant; constant=False is only valid for float results"
            )

    st = STATE
    guard: Optional[bool]
    if st.tracking:  # no thread is inside a context: the process-wide settings
        guard = st.mem_guard
    else:
        if not _tracking():
            return _new_tensor(data, is_const)
        guard = _guarding()
        if guard is None:
            guard = st.mem_guard

    # a constant result is recorded too (its creator, and the memory guard over its
    # inputs), as MyGrad does; back-propagation never enters it
    out_t = _new_tensor(data, is_const, op)
    ref = _weakref(op)
    # taking a view computes no new values: the parent keeps its gradient
    view_of = None
    if Op.can_return_view and len(tensors) == 1:
        parent = tensors[0]
        if parent is input_vars[0] and views.shares_owner(data, parent._data):
            view_of = parent
    for t in tensors:
        b = t._base
        if b is not None and t._creator is None:
            # a view a backward cut from its base: from now on a tensor of its own
            t._base = b = None
            t._view_fn = t._view_grad = None
        if view_of is None:
            t._grad = None  # a tensor taking part in a new op has its gradient nulled
            if b is not None:
                b._grad = None
        consumers = t._consumers  # (views.add_ref, inlined: every op passes here)
        if consumers is None:
            t._consumers = [ref]
        else:
            consumers.append(ref)
            n = len(consumers)
            if n >= 32 and not n & (n - 1):
                t._consumers = [r for r in consumers if r() is not None]
    if guard:
        _guard(op, tensors, data, fresh)

    if view_of is not None:
        views.register(out_t, view_of, op.view_fn)
    return out_t


# ---------------------------------------------------------------- back-propagation


def _topo_order(root: "Tensor") -> List["Tensor"]:
    """The non-constant tensors above ``root``, each once, in reverse topological order."""
    # a node is marked when it is expanded (not when pushed): a tensor reachable along
    # paths of different lengths (x and 2*x in x * (2*x)) must be emitted after every
    # tensor that depends on it, or it would be processed before all its grads arrive
    post: List[Any] = []
    seen: set = set()
    stack: List[Tuple[Any, bool]] = [(root, False)]
    append = stack.append
    while stack:
        t, done = stack.pop()
        if done:
            post.append(t)
            continue
        if id(t) in seen:
            continue
        seen.add(id(t))
        append((t, True))
        op = t._creator
        if op is not None:
            if op._cut:
                raise InvalidBackprop(_cut_message(op))
            for v in op.variables:
                if not v._constant and id(v) not in seen:
                    append((v, False))
    post.reverse()
    return post


class _Consumed(Operation):
    """The creator of a tensor whose backward() raised part-way, after it had freed
    the ops below the failure: back-propagating through it again raises."""

    _cut = True
    _done = True

    def __init__(self, failed_op: str, error: BaseException) -> None:
        self.variables = ()
        self.failed_op = failed_op
        self.error = f"{type(error).__name__}: {error}"

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:  # pragma: no cover
        raise InvalidBackprop(_cut_message(self))


def _cut_message(op: Operation) -> str:
    if isinstance(op, _Consumed):
        return (
            f"an earlier backward() through this tensor raised part-way ({op.error}, in "
            f"{op.failed_op}'s backward) after consuming the ops it had back-propagated "
            "through: the full gradient can no longer be computed; recompute the graph"
        )
    return (
        f"this tensor's graph uses {type(op).__name__}, whose input was made by ops "
        "cleared by an earlier backward() through another graph (consumed), so the "
        "gradient would miss everything above it: back-propagate once from the sum of the "
        "results, or recompute the graph"
    )


def _disconnect(t: "Tensor", op: Operation, scan: bool = True, cut: bool = False) -> None:
    """Detach ``t`` from its creator ``op`` and release the op's memory guard.

    With ``scan``, look at the ops outside the cleared graph that used ``t`` (those of
    the graph were disconnected before ``t``, so they are marked done):

    - the memory guard hands the lock ``op`` held on ``t``'s data to a guarded one;
    - with ``cut`` (back-propagation clearing its graph), it is marked: its graph lost
      what lies above ``t``, and back-propagating through it raises InvalidBackprop
      instead of leaving stale gradients.
    """
    t._creator = None
    op._done = True
    if scan:
        consumers = t._consumers
        if consumers:
            for ref in consumers:
                c = ref()
                if c is None or c._done:
                    continue
                if cut:
                    c._cut = True
                memguard.hand_over(t._data, c)
    memguard.release(op)


def _clear(nodes: List["Tensor"]) -> None:
    """Disconnect ``nodes`` (in reverse topological order) from their creators."""
    for t in nodes:
        if t is not None:
            op = t._creator
            if op is not None:
                _disconnect(t, op)


def backward(tensor: "Tensor", grad: Any = None) -> None:
    data = tensor._data
    if tensor._constant:
        clear_graph(tensor)
        return
    if grad is None:
        g = np.ones_like(data)
    else:
        if isinstance(grad, Tensor):
            grad = grad._data
        g = np.asarray(grad)
        if g.dtype.kind not in "biuf":
            raise TypeError(
                f"backward(grad=...): expected real numeric data, got an array of dtype {g.dtype}"
            )
        if g.shape != data.shape:
            try:
                g = np.broadcast_to(g, data.shape)
            except ValueError:
                raise ValueError(
                    f"backward(grad=...): a grad of shape {g.shape} cannot be broadcast to "
                    f"the tensor's shape {data.shape}"
                ) from None
        g = np.array(g, dtype=data.dtype)

    if tensor._creator is None or not (STATE.tracking or TRACKING.get()):
        tensor._grad = g
        clear_graph(tensor)
        return

    nodes: List[Any] = _topo_order(tensor)
    # each node's `_grad` slot accumulates its gradient during the pass
    for t in nodes:
        t._grad = None
    tensor._grad = g
    ndarray = np.ndarray
    # constant inputs made by ops: their (constant) graphs are cleared with this one
    constants: List[Any] = []
    op = None
    try:
        for n in range(len(nodes)):
            t = nodes[n]
            op = t._creator
            if op is None:
                nodes[n] = None
                continue
            tg = t._grad
            if tg is None:
                constants += [v for v in op.variables if v._constant and v._creator is not None]
            else:
                if t._views and tg.base is not None:
                    # a base's grad owns its memory: its views' grads are views of it
                    t._grad = tg = tg.copy()
                if op._fast_backward:
                    for i, v in enumerate(op.variables):
                        if v._constant:
                            if v._creator is not None:
                                constants.append(v)
                            continue
                        try:
                            vg = op.backward_var(tg, i)
                        except SkipGradient:
                            continue
                        d = v._data
                        if type(vg) is not ndarray or vg.shape != d.shape or vg.dtype != d.dtype:
                            vg = _check_grad(op, i, v, vg)
                        prev = v._grad
                        if prev is None:
                            v._grad = vg
                        elif _getrefcount(prev) <= 3 and prev.flags.writeable:
                            # only this slot holds the running sum: add in place
                            np.add(prev, vg, out=prev)
                        else:
                            v._grad = prev + vg
                else:
                    for i, (v, vg) in enumerate(zip(op.variables, op.backward(tg))):
                        if v._constant:
                            if v._creator is not None:
                                constants.append(v)
                            continue
                        if vg is None:
                            continue
                        d = v._data
                        if type(vg) is not ndarray or vg.shape != d.shape or vg.dtype != d.dtype:
                            # an overridden `backward` gets the same checks, broadcast
                            # reduction and cast as `backward_var`
                            vg = _check_grad(op, i, v, vg)
                        prev = v._grad
                        v._grad = vg if prev is None else prev + vg
            # every op that feeds `t` a gradient comes earlier: `t` is done, and its op
            # (with the arrays it cached) can go now rather than after the whole pass
            # an inner node's consumers are in this graph (done already) unless it has
            # several: only then, and for the terminal, can an op outside have used it
            consumers = t._consumers
            _disconnect(t, op, n == 0 or (consumers is not None and len(consumers) > 1), True)
            nodes[n] = None  # a tensor nobody else holds can be freed as soon as it is done
    except BaseException as e:
        _failed(tensor, nodes, op, e)
        raise
    finally:
        for v in constants:
            clear_graph(v)


def _failed(tensor: "Tensor", nodes: List[Any], op: Any, error: BaseException) -> None:
    """Leave every graph usable or loudly unusable after a backward that raised.

    The ops not reached yet stay in place: they are intact (each node's inputs come
    after it), so another graph sharing them back-propagates correctly. Their partial
    gradients are dropped. The ops already consumed are gone: another graph that used
    their tensors was marked by ``_disconnect``, and ``tensor`` gets a creator that
    raises InvalidBackprop, so that a retry never silently gives a partial gradient.
    """
    for t in nodes:
        if t is not None:
            t._grad = None
    if tensor._creator is None:
        tensor._creator = _Consumed(type(op).__name__ if op is not None else "an op", error)


def clear_graph(tensor: "Tensor") -> None:
    if tensor._creator is None:
        return
    _clear(_topo_order_all(tensor))


def _topo_order_all(root: "Tensor") -> List["Tensor"]:
    """Every tensor above ``root`` (constants included): clearing reaches all of them."""
    out: List[Any] = []
    seen = {id(root)}
    stack = [root]
    while stack:
        t = stack.pop()
        out.append(t)
        op = t._creator
        if op is not None:
            for v in op.variables:
                if id(v) not in seen:
                    seen.add(id(v))
                    stack.append(v)
    return out


# ---------------------------------------------------------------- no_autodiff

_F = TypeVar("_F", bound=Callable[..., Any])


class _NoAutoDiff(Switch):
    """Context manager and decorator that suspends all graph tracking.

    Inside it no graph is built and no memory is guarded. It is thread-local: other
    threads keep building their graphs. Arrays that a live graph guards stay
    read-only inside it.

    Examples
    --------
    >>> import mygrad as mg
    >>> with mg.no_autodiff:
    ...     pass
    """

    var = TRACKING
    value = False

    def __call__(self, func: _F, to_numpy: bool = False) -> _F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with self:
                out = func(*args, **kwargs)
            return np.asarray(out) if to_numpy else out

        return wrapper  # type: ignore[return-value]


no_autodiff = _NoAutoDiff()
