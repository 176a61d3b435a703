"""mygrad-linalg: matrix products, Einstein summation and norms for mygrad.

Provides ``mygrad.matmul`` (also ``@`` and ``np.matmul`` on tensors),
``mygrad.multi_matmul``, ``mygrad.einsum`` (also ``np.einsum``) and the
``mygrad.linalg`` namespace with ``norm`` (also ``np.linalg.norm``).
"""

from mygrad_linalg import linalg
from mygrad_linalg._einsum import einsum
from mygrad_linalg._matmul import matmul, multi_matmul
from mygrad_linalg.linalg import norm

__version__ = "0.1.0"

__all__ = ["matmul", "multi_matmul", "einsum", "norm", "linalg"]
