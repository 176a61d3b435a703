"""Indexing routines (``mygrad.indexing_routines``)."""

from mygrad_core.indexing import where  # noqa: F401

__all__ = ["where"]
