"""mygrad-linalg: matrix products, Einstein summation and linear algebra for mygrad.

Provides ``mygrad.matmul`` (also ``@`` and ``np.matmul`` on tensors),
``mygrad.multi_matmul``, ``mygrad.einsum`` (also ``np.einsum``), the products of
:mod:`mygrad_linalg.products` (``mygrad.dot``, ``tensordot``, ``kron`` ...) and the
``mygrad.linalg`` namespace (``norm``, ``inv``, ``solve``, ``svd``, ``eigh`` ... also
as ``np.linalg.X`` on tensors).
"""

from mygrad_linalg import linalg, products
from mygrad_linalg._einsum import einsum
from mygrad_linalg._matmul import matmul, multi_matmul
from mygrad_linalg._norm import norm
from mygrad_linalg.products import *  # noqa: F401,F403

__version__ = "0.1.0"

__all__ = ["matmul", "multi_matmul", "einsum", "norm", "linalg", *products.__all__]
