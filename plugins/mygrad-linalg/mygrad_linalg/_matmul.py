"""``matmul`` (the ``@`` operator) and ``multi_matmul``."""

from __future__ import annotations

from typing import Any, List, Optional, Sequence, Tuple

import numpy as np

from mygrad_core import Tensor, UfuncOperation, make_ufunc

__all__ = ["matmul", "multi_matmul"]

_SCALAR_MSG = "Scalar operands are not allowed, use '*' instead"


class MatMul(UfuncOperation):
    """Matrix product of two tensors: ``matmul(x1, x2)`` is ``x1 @ x2``.

    Follows :func:`numpy.matmul`: 2-D operands are multiplied as matrices; N-D operands
    are stacks of matrices in their last two axes, broadcast against each other; a 1-D
    first (second) operand is treated as a row (column) vector whose added axis is
    removed from the result. Scalar operands raise ``ValueError``.


    Examples
    --------
    >>> import mygrad as mg
    >>> a = mg.tensor([[1.0, 2.0], [3.0, 4.0]])
    >>> v = mg.tensor([1.0, -1.0])
    >>> mg.matmul(a, v)
    Tensor([-1., -1.])
    >>> (a @ v).backward()
    >>> v.grad
    array([4., 6.])
    """

    numpy_ufunc = np.matmul
    where_supported = False

    def forward(self, a: np.ndarray, b: np.ndarray, **kwargs: Any) -> np.ndarray:
        if a.ndim == 0 or b.ndim == 0:
            raise ValueError(_SCALAR_MSG)
        return np.matmul(a, b, **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        # The results below carry the broadcast batch dimensions; the engine sums them
        # away to each input's shape.
        a = self.variables[0].data
        b = self.variables[1].data
        if a.ndim == 2 and b.ndim == 2:  # the common case, without the general dispatch
            return grad @ b.T if index == 0 else a.T @ grad
        if a.ndim == 1 and b.ndim == 1:  # inner product: grad is 0-D
            return grad * (b if index == 0 else a)
        if a.ndim == 1:  # (k,) @ (..., k, m) -> (..., m)
            if index == 0:
                return np.matmul(grad[..., None, :], np.swapaxes(b, -1, -2))[..., 0, :]
            return a[:, None] * grad[..., None, :]
        if b.ndim == 1:  # (..., n, k) @ (k,) -> (..., n)
            if index == 0:
                return grad[..., :, None] * b
            return np.matmul(np.swapaxes(a, -1, -2), grad[..., :, None])[..., 0]
        if index == 0:
            return np.matmul(grad, np.swapaxes(b, -1, -2))
        return np.matmul(np.swapaxes(a, -1, -2), grad)


matmul = make_ufunc(MatMul, args=("x1", "x2"))


# ------------------------------------------------------------------------ multi_matmul


def optimal_parenthesization(shapes: Sequence[Tuple[int, int]]) -> Tuple[int, Any]:
    """The cheapest order to multiply matrices of the given ``(rows, cols)`` shapes.

    Classic matrix-chain dynamic programming (Cormen et al., ch. 15.2), costing an
    ``(n, k) @ (k, m)`` product as ``n * k * m`` scalar multiplications.

    Returns
    -------
    Tuple[int, tree]
        The minimal cost and the order as a nested pair of operand indices, e.g.
        ``((0, 1), 2)`` for ``(A @ B) @ C``.

    Examples
    --------
    >>> optimal_parenthesization([(10, 100), (100, 5), (5, 50)])
    (7500, ((0, 1), 2))
    """
    n = len(shapes)
    dims = [shapes[0][0]] + [s[1] for s in shapes]
    cost = [[0] * n for _ in range(n)]
    split = [[0] * n for _ in range(n)]
    for length in range(1, n):
        for i in range(n - length):
            j = i + length
            best = None
            for k in range(i, j):
                c = cost[i][k] + cost[k + 1][j] + dims[i] * dims[k + 1] * dims[j + 1]
                if best is None or c < best:
                    best, split[i][j] = c, k
            cost[i][j] = best  # type: ignore[assignment]

    def tree(i: int, j: int) -> Any:
        if i == j:
            return i
        k = split[i][j]
        return (tree(i, k), tree(k + 1, j))

    return cost[0][n - 1], tree(0, n - 1)


def multi_matmul(tensors: Sequence[Any], *, constant: Optional[bool] = None) -> Tensor:
    """Matrix product of two or more tensors, evaluated in the cheapest order.

    Like :func:`numpy.linalg.multi_dot`: a 1-D first operand is a row vector, a 1-D last
    operand a column vector (their added axis is removed from the result); the operands
    in between must be at least 2-D (stacks of matrices broadcast as in ``matmul``).
    The order is chosen by matrix-chain dynamic programming on the matrix shapes.

    Parameters
    ----------
    tensors : Sequence[ArrayLike]
        The operands, at least two.
    constant : Optional[bool]
        If True the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor

    Raises
    ------
    ValueError
        Fewer than two operands, or an operand other than the first or last is below
        2-D (or the first or last is 0-D).

    Examples
    --------
    >>> import mygrad as mg
    >>> a = mg.ones((2, 3))
    >>> b = mg.ones((3, 4))
    >>> c = mg.ones((4,))
    >>> mg.multi_matmul([a, b, c])
    Tensor([12., 12.], dtype=float32)
    """
    # non-tensor operands stay arrays: matmul treats them as constants
    ops: List[Any] = [t if isinstance(t, Tensor) else np.asarray(t) for t in tensors]
    n = len(ops)
    if n < 2:
        raise ValueError(f"multi_matmul: expected at least 2 tensors, got {n}")
    shapes = []
    for i, t in enumerate(ops):
        nd = t.ndim
        if nd == 1 and i in (0, n - 1):
            shapes.append((1, t.shape[0]) if i == 0 else (t.shape[0], 1))
        elif nd < 2:
            raise ValueError(
                f"multi_matmul: operand {i} has {nd} dimension(s); the first and last "
                "operands must be at least 1-D, the others at least 2-D"
            )
        else:
            shapes.append(t.shape[-2:])
    if n == 2:
        return matmul(ops[0], ops[1], constant=constant)
    _, order = optimal_parenthesization(shapes)

    def run(node: Any, last: bool) -> Any:
        if isinstance(node, int):
            return ops[node]
        left, right = node
        x, y = run(left, False), run(right, False)
        return matmul(x, y, constant=constant) if last else matmul(x, y)

    return run(order, True)
