"""The example's operations, written with mygrad-core's public op-authoring API only.

Each op is one class: its docstring, its forward pass and, beside it, its gradient;
``make_ufunc`` turns it into a ufunc in one line.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from mygrad_core import UfuncOperation, make_ufunc

__all__ = ["softplus", "hypot"]


class Softplus(UfuncOperation):
    """Softplus, ``log(1 + exp(x))``, elementwise and differentiable.

    Computed stably as ``logaddexp(0, x)``; its derivative is the logistic sigmoid.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> from mygrad_example import softplus
    >>> x = mgc.tensor([0.0, 1.0])
    >>> softplus(x).backward()
    >>> x.grad.round(4)
    array([0.5   , 0.7311])
    """

    def forward(self, x: np.ndarray, **kwargs: Any) -> np.ndarray:
        # kwargs may hold where=, dtype= and out=None: pass them through to NumPy
        return np.logaddexp(0, x, **kwargs)

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        x = self.variables[0].data
        # d softplus / dx = sigmoid(x), written without overflow
        return grad * (0.5 * (1.0 + np.tanh(0.5 * x)))


class Hypot(UfuncOperation):
    """The hypotenuse ``sqrt(x1**2 + x2**2)``, elementwise and differentiable.

    Once the plugin is installed, ``np.hypot`` called with tensors dispatches here.

    Examples
    --------
    >>> import mygrad_core as mgc
    >>> from mygrad_example import hypot
    >>> x = mgc.tensor(3.0)
    >>> hypot(x, 4.0).backward()
    >>> x.grad
    array(0.6)
    """

    numpy_ufunc = np.hypot

    def backward_var(self, grad: np.ndarray, index: int, **kwargs: Any) -> np.ndarray:
        h = self.out  # the forward result
        num = np.broadcast_to(self.variables[index].data, h.shape)
        # d hypot / dx = x / hypot(x, y); at the origin we pick the subgradient 0
        partial = np.divide(num, h, out=np.zeros(h.shape, dtype=np.result_type(h, float)), where=h != 0)
        return grad * partial


softplus = make_ufunc(Softplus, name="softplus", nin=1)  # no NumPy ufunc: name it
hypot = make_ufunc(Hypot)  # name and nin come from np.hypot
