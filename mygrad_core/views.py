"""View bookkeeping: which tensors are views of which, and their gradients.

A view tensor records its root (``_base``, the tensor owning the memory) and
``_view_fn``, the function that takes the same view of any array shaped like the root.
The root keeps weak references to its views so that an in-place write can re-point
them at its new state. A view's gradient is ``_view_fn`` applied to the root's.

The functions here read and write the Tensor's slots only; they import no Tensor.
"""

from __future__ import annotations

import weakref
from typing import Any, Callable, List

import numpy as np

__all__ = ["shares_owner", "register", "grad_of", "live_views", "add_ref"]


def add_ref(refs: Any, ref: Any) -> List[Any]:
    """``refs + [ref]`` for a list of weak references, dropping dead ones now and then."""
    if refs is None:
        return [ref]
    refs.append(ref)
    n = len(refs)
    if n >= 32 and not n & (n - 1):  # at powers of two: drop dead references
        return [r for r in refs if r() is not None]
    return refs


def shares_owner(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether ``a`` (an op's output) is a view into ``b``'s memory."""
    ab = a.base
    if ab is None:
        return False
    bb = b.base if b.base is not None else b
    if ab is bb:
        return True
    return bool(np.shares_memory(a, b))


def register(view: Any, parent: Any, fn: Callable[[np.ndarray], np.ndarray]) -> None:
    """Record ``view`` (made from ``parent`` by ``fn``) as a view of ``parent``'s root."""
    root = parent._base
    if root is None:
        root = parent
        view._view_fn = fn
    else:
        pfn = parent._view_fn
        view._view_fn = lambda arr: fn(pfn(arr))
    view._base = root
    root._views = add_ref(root._views, weakref.ref(view))


def grad_of(view: Any) -> Any:
    """The gradient of a view: the matching view of its root's gradient (cached)."""
    bg = view._base._grad
    if bg is None:
        return view._grad
    cached = view._view_grad
    if cached is not None and cached[0] is bg:
        return cached[1]
    vg = view._view_fn(bg)
    view._view_grad = (bg, vg)
    return vg


def live_views(root: Any) -> List[Any]:
    """The views of ``root`` that are still alive (and forget the dead ones)."""
    views = root._views
    if not views:
        return []
    out = [v for v in (r() for r in views) if v is not None]
    root._views = [weakref.ref(v) for v in out] if out else None
    return out
