"""The example's operations, written with mygrad-core's public op-authoring API only."""

from __future__ import annotations

from typing import Any

import numpy as np

from mygrad_core import UfuncOperation, make_ufunc

__all__ = ["softplus", "hypot"]


class Softplus(UfuncOperation):
    """softplus(x) = log(1 + exp(x)), computed stably as logaddexp(0, x)."""

    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        # kwargs may hold where=, dtype= and out=None: pass them through to NumPy
        return np.logaddexp(0, x, **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        # d softplus / dx = sigmoid(x), written without overflow
        return grad * (0.5 * (1.0 + np.tanh(0.5 * x)))


class Hypot(UfuncOperation):
    """hypot(x, y) = sqrt(x**2 + y**2)."""

    numpy_ufunc = np.hypot

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x, y = (v.data for v in self.variables)
        h = np.hypot(x, y)
        num = np.broadcast_to(x if index == 0 else y, h.shape)
        # d hypot / dx = x / hypot(x, y); at the origin we pick the subgradient 0
        partial = np.divide(num, h, out=np.zeros(h.shape, dtype=np.result_type(h, float)), where=h != 0)
        return grad * partial


softplus = make_ufunc(
    Softplus,
    name="softplus",
    nin=1,
    doc="""Softplus, ``log(1 + exp(x))``, elementwise and differentiable.

    Parameters
    ----------
    x : ArrayLike
    out : Optional[Union[Tensor, ndarray]]
    where : Mask, optional
    dtype : DTypeLikeReals, optional
    constant : Optional[bool]

    Returns
    -------
    Tensor

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> from mygrad_example import softplus
    >>> x = mgc.tensor([0.0, 1.0])
    >>> softplus(x).backward()
    >>> x.grad.round(4)
    array([0.5   , 0.7311])
    """,
)

hypot = make_ufunc(
    Hypot,
    name="hypot",
    doc="""The hypotenuse ``sqrt(x1**2 + x2**2)``, elementwise and differentiable.

    Once the plugin is installed, ``np.hypot`` called with tensors dispatches here.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> from mygrad_example import hypot
    >>> x = mgc.tensor(3.0)
    >>> hypot(x, 4.0).backward()
    >>> x.grad
    array(0.6)
    """,
)
