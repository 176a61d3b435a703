"""``einsum``: Einstein summation with back-propagation to every operand."""

from __future__ import annotations

import string
from typing import Any, List, Optional, Sequence, Tuple

import numpy as np
from numpy.lib.stride_tricks import as_strided

from mygrad_core import Operation, Tensor, execute_op

__all__ = ["einsum"]

# NumPy's sublist form numbers labels 0-51 as "A"-"Z" then "a"-"z"; using the same
# numbering keeps the implicit (sorted) output order identical for both forms.
_LETTERS = string.ascii_uppercase + string.ascii_lowercase
_NUM_LABELS = len(_LETTERS)

Labels = Tuple[int, ...]


def _parse_term(term: str) -> List[Any]:
    items: List[Any] = []
    i = 0
    while i < len(term):
        if term.startswith("...", i):
            items.append(Ellipsis)
            i += 3
            continue
        c = term[i]
        if c not in _LETTERS:
            raise ValueError(f"einsum: invalid subscript {c!r} in {term!r}")
        items.append(_LETTERS.index(c))
        i += 1
    return items


def _parse_sublist(sub: Sequence[Any]) -> List[Any]:
    items: List[Any] = []
    for s in sub:
        if s is Ellipsis:
            items.append(Ellipsis)
        else:
            label = int(s)
            if not 0 <= label < _NUM_LABELS:
                raise ValueError(f"einsum: subscript {s!r} is outside [0, {_NUM_LABELS})")
            items.append(label)
    return items


def _check_sublist(sub: Any, what: str) -> None:
    # a tensor or array where a sublist belongs is a mixed-up call: say so (iterating
    # it label by label would recurse into 0-D tensors without end)
    if isinstance(sub, Tensor) or not isinstance(sub, (list, tuple, range, np.ndarray)):
        raise TypeError(
            f"einsum: {what} must be a list of integer labels (or Ellipsis), got "
            f"{type(sub).__name__}; expected einsum(subscripts, *operands) or "
            "einsum(op0, sublist0, op1, sublist1, ..., [sublist_out])"
        )


def _canonical(
    terms: Sequence[List[Any]], out_term: Optional[List[Any]], shapes: Sequence[Tuple[int, ...]]
) -> Tuple[Tuple[Labels, ...], Labels]:
    """Integer labels for every axis of every operand and of the output (no ellipses).

    The axes an ellipsis covers get fresh labels, aligned from the right as in
    broadcasting; an implicit output lists them first, then the labels that occur
    exactly once, in sorted order (NumPy's rules).
    """
    used = {x for term in terms for x in term if x is not Ellipsis}
    if out_term is not None:
        used.update(x for x in out_term if x is not Ellipsis)
    ell_ndims = [
        len(shape) - (len(term) - 1) if Ellipsis in term else 0
        for term, shape in zip(terms, shapes)
    ]
    n_ell = max(ell_ndims, default=0)
    free = [x for x in range(_NUM_LABELS) if x not in used]
    if n_ell > len(free):
        raise ValueError("einsum: too many dimensions (more than 52 distinct labels)")
    ell = free[:n_ell]

    def expand(term: List[Any], n: int) -> Labels:
        out: List[int] = []
        for x in term:
            if x is Ellipsis:
                out.extend(ell[n_ell - n :])
            else:
                out.append(x)
        return tuple(out)

    in_labels = tuple(expand(t, n) for t, n in zip(terms, ell_ndims))
    if out_term is None:
        counts: dict = {}
        for term in terms:
            for x in term:
                if x is not Ellipsis:
                    counts[x] = counts.get(x, 0) + 1
        out_labels = tuple(ell) + tuple(sorted(x for x, c in counts.items() if c == 1))
    else:
        out_labels = expand(out_term, n_ell)
    return in_labels, out_labels


class EinSum(Operation):
    """f(*operands) = np.einsum(spec, *operands)."""

    can_return_view = True

    def __call__(  # type: ignore[override]
        self,
        *tensors: Tensor,
        subscripts: Optional[str] = None,
        sublists: Sequence[Sequence[Any]] = (),
        out_sublist: Optional[Sequence[Any]] = None,
        optimize: Any = False,
    ) -> np.ndarray:
        self.variables = tensors
        arrays = [t.data for t in tensors]
        shapes = [a.shape for a in arrays]
        if subscripts is not None:
            # NumPy validates the spec and raises its own errors first
            result = np.einsum(subscripts, *arrays, optimize=optimize)
            spec = subscripts.replace(" ", "")
            lhs, arrow, rhs = spec.partition("->")
            terms = [_parse_term(t) for t in lhs.split(",")]
            out_term = _parse_term(rhs) if arrow else None
        else:
            args: List[Any] = []
            for a, sub in zip(arrays, sublists):
                args += [a, sub]
            if out_sublist is not None:
                args.append(out_sublist)
            result = np.einsum(*args, optimize=optimize)
            terms = [_parse_sublist(s) for s in sublists]
            out_term = None if out_sublist is None else _parse_sublist(out_sublist)
        self.in_labels, self.out_labels = _canonical(terms, out_term, shapes)
        self.optimize = False if optimize is False else "greedy"
        return result

    def view_fn(self, array: np.ndarray) -> np.ndarray:
        return np.einsum(array, list(self.in_labels[0]), list(self.out_labels))

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        mine = self.in_labels[index]
        shape = self.variables[index].shape
        uniq = list(dict.fromkeys(mine))
        present = set(self.out_labels)
        args: List[Any] = [grad, list(self.out_labels)]
        for j, (t, labels) in enumerate(zip(self.variables, self.in_labels)):
            if j != index:
                present.update(labels)
                args += [t.data, list(labels)]
        # contract the output's gradient with every other operand down to this
        # operand's distinct labels; labels summed only within this operand are absent
        keep = [u for u in uniq if u in present]
        g = np.einsum(*args, keep, optimize=self.optimize if len(args) > 4 else False)

        target = tuple(shape[mine.index(u)] for u in uniq)
        if len(keep) != len(uniq):
            dims = iter(g.shape)
            g = g.reshape(tuple(next(dims) if u in present else 1 for u in uniq))
        # an axis of size 1 here that was broadcast against a longer one elsewhere
        sum_axes = tuple(i for i, (n, m) in enumerate(zip(g.shape, target)) if n != m and m == 1)
        if sum_axes:
            g = g.sum(axis=sum_axes, keepdims=True)
        if g.shape != target:
            g = np.broadcast_to(g, target)

        if len(uniq) == len(mine):
            return g.copy() if g.base is not None else g
        # repeated labels (a diagonal): the gradient lives on that diagonal only
        full = np.zeros(shape, dtype=g.dtype)
        strides = tuple(sum(full.strides[i] for i, x in enumerate(mine) if x == u) for u in uniq)
        as_strided(full, shape=target, strides=strides, writeable=True)[...] = g
        return full


def einsum(*operands: Any, optimize: Any = False, constant: Optional[bool] = None) -> Tensor:
    """Evaluate the Einstein summation convention on the operands, differentiably.

    Mirrors :func:`numpy.einsum`, in the subscripts form ``einsum("ij,jk->ik", a, b)``
    and the interleaved form ``einsum(a, [0, 1], b, [1, 2], [0, 2])`` (``Ellipsis``
    allowed): implicit or explicit output, ``...`` broadcasting, repeated labels in one
    operand (traces and diagonals) and sums over any labels. With a single operand
    and nothing summed (``"ii->i"``, ``"ij->ji"``, ``"i"``) the result is a view of the
    operand, as in NumPy, and its gradient is the matching view of the operand's.

    Parameters
    ----------
    *operands
        ``subscripts, *tensors`` or ``t0, sublist0, t1, sublist1, ..., [sublist_out]``.
    optimize : {False, True, 'greedy', 'optimal'} or an einsum path
        Passed to NumPy for the forward pass.
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([[1.0, 2.0], [3.0, 4.0]])
    >>> mg.einsum("ii", x)
    Tensor(5.)
    >>> mg.einsum("ij,j->i", x, mg.tensor([1.0, 1.0]))
    Tensor([3., 7.])
    >>> d = mg.einsum("ii->i", x)
    >>> d.backward()
    >>> x.grad
    array([[1., 0.],
           [0., 1.]])
    """
    if not operands:
        raise ValueError("einsum: no operands given")
    if isinstance(operands[0], str):
        return execute_op(
            EinSum,
            *operands[1:],
            op_kwargs={"subscripts": operands[0], "optimize": optimize},
            constant=constant,
        )
    if len(operands) % 2:
        body, out_sublist = operands[:-1], operands[-1]
    else:
        body, out_sublist = operands, None
    if not body:
        raise TypeError(
            f"einsum: no subscripts given for the single operand of type {type(operands[0]).__name__}; "
            "expected einsum(subscripts, *operands) or einsum(op0, sublist0, op1, sublist1, ...)"
        )
    for i, sub in enumerate(body[1::2]):
        _check_sublist(sub, f"the sublist of operand {i}")
    if out_sublist is not None:
        _check_sublist(out_sublist, "the output sublist (the last argument)")
    return execute_op(
        EinSum,
        *body[0::2],
        op_kwargs={"sublists": body[1::2], "out_sublist": out_sublist, "optimize": optimize},
        constant=constant,
    )
