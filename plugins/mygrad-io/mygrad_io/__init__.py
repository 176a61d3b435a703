"""mygrad-io: ``mygrad.save`` and ``mygrad.load`` (a tensor with its gradient in an .npz file)."""

from mygrad_io.tensor_file import load, save

__version__ = "0.1.0"

__all__ = ["save", "load"]
