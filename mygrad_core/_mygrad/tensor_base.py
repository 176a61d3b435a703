"""``mygrad.tensor_base``: MyGrad's canonical import path for the Tensor
(``from mygrad.tensor_base import Tensor``), kept as an alias."""

from mygrad_core.tensor_base import Tensor, asarray, astensor, tensor  # noqa: F401

__all__ = ["Tensor"]
