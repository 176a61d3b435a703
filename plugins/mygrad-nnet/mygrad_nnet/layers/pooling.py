"""Max-pooling over the trailing axes of a tensor: ``max_pool``."""

from __future__ import annotations

from typing import Any, Optional, Sequence, Tuple, Union

import numpy as np

from mygrad_core import Operation, Tensor, execute_op
from mygrad_nnet.layers.utils import int_tuple, windows

__all__ = ["max_pool"]


def _pool_tuple(pool: Any) -> Tuple[int, ...]:
    if not isinstance(pool, (Sequence, np.ndarray)) or isinstance(pool, str):
        raise TypeError(f"max_pool(): `pool` must be a sequence of positive integers; got {pool!r}")
    return int_tuple("max_pool", "pool", pool, len(pool))


class MaxPoolND(Operation):
    """f(x)[..., g...] = max over the pool window placed at g*stride of x[..., :].

    The forward pass takes the maximum tap by tap over a strided view of the windows
    (one elementwise maximum per pool tap, no copy of the windows). The backward pass
    walks the taps in row-major order and routes each window's gradient to the first
    tap that holds the window's maximum, adding it to that tap's strided slice of the
    input's gradient: the positions of one tap never repeat, so overlapping windows
    need no scatter-add.
    """

    def __call__(self, x: Tensor, *, pool: Any, stride: Any) -> np.ndarray:  # type: ignore[override]
        self.variables = (x,)
        xd = x.data
        pool = _pool_tuple(pool)
        n = len(pool)
        if n == 0 or n > xd.ndim:
            raise ValueError(
                f"max_pool(): `pool` {pool} must have between 1 and x.ndim = {xd.ndim} "
                f"entries (x.shape={xd.shape})"
            )
        stride = int_tuple("max_pool", "stride", stride, n)
        spatial = xd.shape[xd.ndim - n :]
        if any(p > s for p, s in zip(pool, spatial)) or any(
            (s - p) % st for s, p, st in zip(spatial, pool, stride)
        ):
            raise ValueError(
                "max_pool(): only valid pooling placements that tile the pooled axes "
                f"exactly are allowed; got x.shape={xd.shape} (pooled axes {spatial}), "
                f"pool={pool}, stride={stride}"
            )
        self.pool, self.stride = pool, stride
        view = windows(xd, pool, stride, (1,) * n, grid_first=False)
        out = None
        for tap in np.ndindex(*pool):
            values = view[(Ellipsis,) + tap]
            out = values.copy() if out is None else np.maximum(out, values, out=out)
        self._out = out
        return out

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        out = self._out
        dx = np.zeros(x.shape, dtype=np.result_type(grad.dtype, x.dtype))
        view = windows(x, self.pool, self.stride, (1,) * len(self.pool), grid_first=False)
        dview = windows(
            dx, self.pool, self.stride, (1,) * len(self.pool), grid_first=False, writeable=True
        )
        overlap = any(s < p for s, p in zip(self.stride, self.pool))
        free = np.ones(out.shape, dtype=bool)  # windows whose maximum is not yet found
        hit = np.empty(out.shape, dtype=bool)
        part = np.empty(out.shape, dtype=dx.dtype) if overlap else None
        # (multiplying by the mask is several times faster than ufuncs with where=)
        for tap in np.ndindex(*self.pool):
            np.equal(view[(Ellipsis,) + tap], out, out=hit)
            np.logical_and(hit, free, out=hit)
            np.logical_xor(free, hit, out=free)
            target = dview[(Ellipsis,) + tap]
            if part is None:  # each position of x is in one window at most: write
                np.multiply(grad, hit, out=target)
            else:  # overlapping windows: one tap's positions are distinct, so add
                np.multiply(grad, hit, out=part)
                target += part
        return dx


def max_pool(
    x: Any,
    pool: Tuple[int, ...],
    stride: Union[int, Tuple[int, ...]],
    *,
    constant: Optional[bool] = None,
) -> Tensor:
    """Max-pool the trailing ``len(pool)`` axes of ``x``, keeping the leading axes.

    Each output entry is the maximum of ``x`` over a ``pool``-shaped window; windows
    are placed every ``stride`` elements (overlapping windows are allowed) and must
    tile the pooled axes exactly. The gradient of a window goes to its first maximal
    element (row-major order) when several are equal.

    Parameters
    ----------
    x : ArrayLike, shape=([...], C0, ...)
        The data; its last ``len(pool)`` axes are pooled.
    pool : Tuple[int, ...]
        The window's extent along each pooled axis (P0, ...).
    stride : Union[int, Tuple[int, ...]]
        The step between windows along each pooled axis (one int: all axes).
    constant : Optional[bool]
        If True, the result is a constant (no gradient flows back through it).

    Returns
    -------
    Tensor, shape=([...], G0, ...)
        ``G_i = (C_i - P_i) // S_i + 1`` windows along each pooled axis.

    Examples
    --------
    >>> import mygrad as mg
    >>> from mygrad.nnet import max_pool
    >>> x = mg.tensor([[1.0, 5.0, 2.0, 2.0],
    ...                [3.0, 0.0, 4.0, 1.0]])
    >>> out = max_pool(x, pool=(2, 2), stride=2)
    >>> out
    Tensor([[5., 4.]])
    >>> out.backward()
    >>> x.grad
    array([[0., 1., 0., 0.],
           [0., 0., 1., 0.]])
    >>> max_pool(x, pool=(2,), stride=2)  # pools the last axis of each row
    Tensor([[5., 2.],
            [3., 4.]])
    """
    return execute_op(MaxPoolND, x, op_kwargs={"pool": pool, "stride": stride}, constant=constant)
