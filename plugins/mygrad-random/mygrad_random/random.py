"""``mygrad.random``: tensors filled with random numbers drawn by NumPy.

The legacy functions (``rand``, ``randn``, ``randint``, ``random``, ``random_sample``,
``ranf``, ``sample``, ``seed``) draw from NumPy's *global* random state, so
``mg.random.seed(0); mg.random.rand(3)`` gives exactly ``np.random.seed(0);
np.random.rand(3)``. :func:`default_rng` wraps a :class:`numpy.random.Generator` whose
draws come back as tensors. Without a shape every function returns a 0-D tensor.
"""

from __future__ import annotations

import operator
from typing import Any, Optional, Tuple, Union

import numpy as np

from mygrad_core import Tensor

__all__ = [
    "rand",
    "randint",
    "randn",
    "random",
    "random_sample",
    "ranf",
    "sample",
    "seed",
    "default_rng",
    "Generator",
]

Shape = Union[None, int, Tuple[int, ...]]


# ------------------------------------------------------------------ argument checks
def _dim(value: Any, fn: str, arg: str) -> int:
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"mygrad.random.{fn}: {arg} must hold integers; got the bool {value!r}")
    try:
        n = operator.index(value)
    except TypeError:
        raise TypeError(
            f"mygrad.random.{fn}: {arg} must hold integers; got {value!r} "
            f"(of type {type(value).__name__})"
        ) from None
    if n < 0:
        raise ValueError(
            f"mygrad.random.{fn}: {arg} must hold non-negative integers; got the negative "
            f"dimension {n}"
        )
    return n


def _shape(shape: Any, fn: str, arg: str = "shape") -> Optional[Tuple[int, ...]]:
    """``None`` -> None, ``3`` -> ``(3,)``, a sequence of ints -> a tuple; else an error."""
    if shape is None:
        return None
    if isinstance(shape, (tuple, list)):
        return tuple(_dim(d, fn, arg) for d in shape)
    if isinstance(shape, (Tensor, np.ndarray)) and np.ndim(shape) == 1:
        return tuple(_dim(d, fn, arg) for d in np.asarray(shape).tolist())
    return (_dim(shape, fn, arg),)


def _wrap(drawn: Any, constant: Optional[bool]) -> Tensor:
    # copy=False: the freshly drawn array is ours; a Python scalar becomes a 0-D tensor
    return Tensor(drawn, constant=constant, copy=False)


def _data(x: Any) -> Any:
    return x.data if isinstance(x, Tensor) else x


def _numpy_error(fn: str, err: Exception, **args: Any) -> Exception:
    shown = ", ".join(f"{k}={v!r}" for k, v in args.items())
    return type(err)(f"mygrad.random.{fn}({shown}): {err}")


# ------------------------------------------------------------------ legacy functions
def _star_dims(shape: Tuple[Any, ...], fn: str) -> Tuple[int, ...]:
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        raise TypeError(
            f"mygrad.random.{fn}: pass the dimensions as separate integers, "
            f"{fn}({', '.join(map(repr, shape[0]))}); got the {type(shape[0]).__name__} {shape[0]!r}"
        )
    return tuple(_dim(d, fn, "shape") for d in shape)


def rand(*shape: int, constant: Optional[bool] = None) -> Tensor:
    """A tensor of the given shape filled with uniform samples from [0, 1).

    Parameters
    ----------
    *shape : int
        The dimensions d0, d1, ..., each a non-negative integer. No dimensions give
        a 0-D tensor.
    constant : Optional[bool]
        If True the result is a constant (never gets a gradient); default False.

    Returns
    -------
    Tensor
        float64 samples; NumPy's ``np.random.rand(*shape)`` stream.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.random.seed(0)
    >>> mg.random.rand(2, 2)
    Tensor([[0.5488135 , 0.71518937],
            [0.60276338, 0.54488318]])
    """
    dims = _star_dims(shape, "rand")
    return _wrap(np.random.rand(*dims), constant)


def randn(*shape: int, constant: Optional[bool] = None) -> Tensor:
    """A tensor of the given shape filled with samples from the standard normal distribution.

    Parameters
    ----------
    *shape : int
        The dimensions d0, d1, ..., each a non-negative integer. No dimensions give
        a 0-D tensor.
    constant : Optional[bool]
        If True the result is a constant (never gets a gradient); default False.

    Returns
    -------
    Tensor
        float64 samples; NumPy's ``np.random.randn(*shape)`` stream.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.random.seed(0)
    >>> mg.random.randn(3)
    Tensor([1.76405235, 0.40015721, 0.97873798])
    """
    dims = _star_dims(shape, "randn")
    return _wrap(np.random.randn(*dims), constant)


def randint(low: Any, high: Any = None, shape: Shape = None, dtype: Any = int) -> Tensor:
    """Random integers from the half-open interval [low, high) (or [0, low) without ``high``).

    Parameters
    ----------
    low : int or array-like of ints
        The lowest integer that may be drawn, or, when ``high`` is None, one above
        the highest (the draws then come from [0, low)).
    high : Optional[int or array-like of ints]
        One above the highest integer that may be drawn.
    shape : Optional[int or Tuple[int, ...]]
        The output shape; None gives a single draw as a 0-D tensor.
    dtype : integer dtype, default int
        The dtype of the result.

    Returns
    -------
    Tensor
        An integer tensor, hence a constant; NumPy's ``np.random.randint`` stream.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.random.seed(0)
    >>> mg.random.randint(1, 7, shape=(2, 3))
    Tensor([[5, 6, 1],
            [4, 4, 4]])
    >>> mg.random.randint(4, 100).ndim
    0
    """
    size = _shape(shape, "randint")
    try:
        drawn = np.random.randint(_data(low), _data(high), size=size, dtype=dtype)
    except (TypeError, ValueError) as e:
        raise _numpy_error("randint", e, low=low, high=high, shape=shape, dtype=dtype) from None
    return _wrap(drawn, None)


def random_sample(shape: Shape = None, *, constant: Optional[bool] = None) -> Tensor:
    """Uniform samples from [0, 1) (for [a, b) use ``(b - a) * random_sample(shape) + a``).

    Parameters
    ----------
    shape : Optional[int or Tuple[int, ...]]
        The output shape; None gives a single draw as a 0-D tensor.
    constant : Optional[bool]
        If True the result is a constant (never gets a gradient); default False.

    Returns
    -------
    Tensor
        float64 samples; NumPy's ``np.random.random_sample`` stream.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.random.seed(0)
    >>> mg.random.random_sample((2,))
    Tensor([0.5488135 , 0.71518937])
    >>> mg.random.random_sample()
    Tensor(0.60276338)
    """
    return _wrap(np.random.random_sample(_shape(shape, "random_sample")), constant)


def random(shape: Shape = None, *, constant: Optional[bool] = None) -> Tensor:
    """Uniform samples from [0, 1): the same as :func:`random_sample`.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.random.seed(0)
    >>> mg.random.random((1, 2))
    Tensor([[0.5488135 , 0.71518937]])
    """
    return _wrap(np.random.random_sample(_shape(shape, "random")), constant)


def ranf(shape: Shape = None, *, constant: Optional[bool] = None) -> Tensor:
    """Uniform samples from [0, 1): the same as :func:`random_sample`.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.random.seed(0)
    >>> mg.random.ranf()
    Tensor(0.5488135)
    """
    return _wrap(np.random.random_sample(_shape(shape, "ranf")), constant)


def sample(shape: Shape = None, *, constant: Optional[bool] = None) -> Tensor:
    """Uniform samples from [0, 1): the same as :func:`random_sample`.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.random.seed(0)
    >>> mg.random.sample(2)
    Tensor([0.5488135 , 0.71518937])
    """
    return _wrap(np.random.random_sample(_shape(shape, "sample")), constant)


def seed(seed_number: Any = None) -> None:
    """Seed NumPy's global random state (exactly ``numpy.random.seed``).

    Parameters
    ----------
    seed_number : Optional[int or 1-D array-like of ints]
        Integers in [0, 2**32); None seeds from the operating system.

    Examples
    --------
    >>> import mygrad as mg
    >>> mg.random.seed(0)
    >>> a = mg.random.rand(3)
    >>> mg.random.seed(0)
    >>> bool((mg.random.rand(3) == a).all())
    True
    """
    try:
        np.random.seed(_data(seed_number))
    except (TypeError, ValueError) as e:
        raise _numpy_error("seed", e, seed_number=seed_number) from None


# ------------------------------------------------------------------ Generator
class Generator:
    """A :class:`numpy.random.Generator` whose draws come back as tensors.

    Make one with :func:`default_rng`. Every method draws exactly what the NumPy
    Generator's method of the same name draws (same seed, same numbers). Float results
    take ``constant=`` (default False); integer results are constants.

    Attributes
    ----------
    numpy_generator : numpy.random.Generator
        The wrapped NumPy generator (share it to keep one stream).

    Examples
    --------
    >>> import mygrad as mg
    >>> rng = mg.random.default_rng(0)
    >>> rng.integers(0, 10, size=3)
    Tensor([8, 6, 5])
    """

    def __init__(self, numpy_generator: np.random.Generator) -> None:
        if not isinstance(numpy_generator, np.random.Generator):
            raise TypeError(
                "mygrad.random.Generator: expected a numpy.random.Generator; got "
                f"{numpy_generator!r} (of type {type(numpy_generator).__name__})"
            )
        self.numpy_generator = numpy_generator

    def __repr__(self) -> str:
        return f"mygrad.random.Generator({type(self.numpy_generator.bit_generator).__name__})"

    @property
    def bit_generator(self) -> np.random.BitGenerator:
        """The NumPy bit generator behind this generator."""
        return self.numpy_generator.bit_generator

    def _call(self, method: str, constant: Optional[bool], *args: Any, **kwargs: Any) -> Tensor:
        if "size" in kwargs:
            kwargs["size"] = _shape(kwargs["size"], f"Generator.{method}", "size")
        try:
            drawn = getattr(self.numpy_generator, method)(*args, **kwargs)
        except (TypeError, ValueError) as e:
            shown = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
            raise type(e)(f"mygrad.random.Generator.{method}({', '.join(shown)}): {e}") from None
        return _wrap(drawn, constant)

    def random(self, size: Shape = None, dtype: Any = np.float64, *, constant: Optional[bool] = None) -> Tensor:
        """Uniform floats in [0, 1) (``dtype`` float64 or float32).

        Examples
        --------
        >>> import mygrad as mg
        >>> mg.random.default_rng(0).random(2)
        Tensor([0.63696169, 0.26978671])
        """
        return self._call("random", constant, size=size, dtype=dtype)

    def standard_normal(self, size: Shape = None, dtype: Any = np.float64, *, constant: Optional[bool] = None) -> Tensor:
        """Samples from the standard normal distribution (``dtype`` float64 or float32).

        Examples
        --------
        >>> import mygrad as mg
        >>> mg.random.default_rng(0).standard_normal(2)
        Tensor([ 0.12573022, -0.13210486])
        """
        return self._call("standard_normal", constant, size=size, dtype=dtype)

    def normal(self, loc: Any = 0.0, scale: Any = 1.0, size: Shape = None, *, constant: Optional[bool] = None) -> Tensor:
        """Samples from a normal distribution with mean ``loc`` and standard deviation ``scale``.

        ``loc`` and ``scale`` may be arrays or tensors (their data is used; the draw is
        not differentiable with respect to them).

        Examples
        --------
        >>> import mygrad as mg
        >>> mg.random.default_rng(0).normal(10.0, 2.0, size=2)
        Tensor([10.25146044,  9.73579027])
        """
        return self._call("normal", constant, _data(loc), _data(scale), size=size)

    def uniform(self, low: Any = 0.0, high: Any = 1.0, size: Shape = None, *, constant: Optional[bool] = None) -> Tensor:
        """Uniform samples from [low, high).

        Examples
        --------
        >>> import mygrad as mg
        >>> mg.random.default_rng(0).uniform(-1.0, 1.0, size=2)
        Tensor([ 0.27392337, -0.46042657])
        """
        return self._call("uniform", constant, _data(low), _data(high), size=size)

    def integers(self, low: Any, high: Any = None, size: Shape = None, dtype: Any = np.int64, endpoint: bool = False) -> Tensor:
        """Random integers from [low, high) (or [low, high] with ``endpoint=True``).

        With ``high=None`` the draws come from [0, low). The result is a constant.

        Examples
        --------
        >>> import mygrad as mg
        >>> mg.random.default_rng(0).integers(5, size=4)
        Tensor([4, 3, 2, 1])
        """
        return self._call("integers", None, _data(low), _data(high), size=size, dtype=dtype, endpoint=endpoint)

    def choice(
        self,
        a: Any,
        size: Shape = None,
        replace: bool = True,
        p: Any = None,
        axis: int = 0,
        shuffle: bool = True,
        *,
        constant: Optional[bool] = None,
    ) -> Tensor:
        """A random sample of the entries of ``a`` along ``axis`` (or of ``range(a)`` for an int).

        When ``a`` is a tensor the result is ``a`` indexed by the drawn positions, so it
        stays in ``a``'s computational graph (gradients flow back to the chosen entries)
        unless ``constant`` is given.

        Examples
        --------
        >>> import mygrad as mg
        >>> x = mg.tensor([1.0, 2.0, 3.0])
        >>> y = mg.random.default_rng(0).choice(x, size=2, replace=False)
        >>> y
        Tensor([2., 3.])
        >>> y.backward()
        >>> x.grad
        array([0., 1., 1.])
        """
        kwargs = dict(size=size, replace=replace, p=_data(p), axis=axis, shuffle=shuffle)
        if not isinstance(a, Tensor):
            return self._call("choice", constant, _data(a), **kwargs)
        if a.ndim == 0:
            raise ValueError("mygrad.random.Generator.choice: `a` must be a tensor with at least one dimension; got a 0-D tensor")
        ax = axis if axis >= 0 else axis + a.ndim
        if not 0 <= ax < a.ndim:
            raise ValueError(f"mygrad.random.Generator.choice: axis={axis} is out of bounds for a tensor with {a.ndim} dimensions")
        # drawing positions from range(n) consumes the stream exactly as drawing from `a` does
        positions = self._call("choice", None, a.shape[ax], **kwargs).data
        return _take(a, positions, ax, constant)

    def permutation(self, x: Any, axis: int = 0, *, constant: Optional[bool] = None) -> Tensor:
        """A randomly permuted copy of ``x`` along ``axis`` (or of ``arange(x)`` for an int).

        A tensor ``x`` is permuted by indexing, so the result stays in ``x``'s graph
        unless ``constant`` is given.

        Examples
        --------
        >>> import mygrad as mg
        >>> mg.random.default_rng(0).permutation(4)
        Tensor([2, 0, 1, 3])
        """
        if not isinstance(x, Tensor):
            return self._call("permutation", constant, _data(x), axis=axis)
        if x.ndim == 0:
            raise ValueError("mygrad.random.Generator.permutation: `x` must be a tensor with at least one dimension; got a 0-D tensor")
        ax = axis if axis >= 0 else axis + x.ndim
        if not 0 <= ax < x.ndim:
            raise ValueError(f"mygrad.random.Generator.permutation: axis={axis} is out of bounds for a tensor with {x.ndim} dimensions")
        positions = self._call("permutation", None, x.shape[ax]).data
        return _take(x, positions, ax, constant)


def _take(a: Tensor, positions: np.ndarray, axis: int, constant: Optional[bool]) -> Tensor:
    index = (slice(None),) * axis + (positions,)
    out = a[index]
    if constant is None or constant == out.constant:
        return out
    return Tensor(out.data, constant=constant)


def default_rng(seed: Any = None) -> Generator:
    """A new :class:`Generator` (wrapping ``numpy.random.default_rng(seed)``).

    Parameters
    ----------
    seed : None, int, array-like of ints, SeedSequence, BitGenerator or numpy Generator
        As for ``numpy.random.default_rng``; a mygrad Generator is returned unchanged.

    Examples
    --------
    >>> import mygrad as mg
    >>> rng = mg.random.default_rng(42)
    >>> w = rng.normal(size=(2, 3))
    >>> w.shape, w.constant
    ((2, 3), False)
    """
    if isinstance(seed, Generator):
        return seed
    try:
        return Generator(np.random.default_rng(_data(seed)))
    except (TypeError, ValueError) as e:
        raise _numpy_error("default_rng", e, seed=seed) from None
