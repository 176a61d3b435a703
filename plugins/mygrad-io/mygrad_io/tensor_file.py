"""``mygrad.save`` / ``mygrad.load``: a tensor, its gradient and its constant flag in an .npz file.

The file is a plain NumPy ``.npz`` archive with the arrays ``data``, ``grad`` (only when
the tensor has a gradient) and ``constant`` (a 0-D bool). Files written by the original
MyGrad (``data`` and ``grad`` only) load too. Loading uses ``allow_pickle=False``, so a
file can never run code; anything that is not such an archive raises an error naming
the file and what is wrong with it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from typing import IO, Any, Dict, Optional, Union

import numpy as np

from mygrad_core import Tensor

__all__ = ["save", "load"]

PathOrFile = Union[str, "os.PathLike[str]", IO[bytes]]
_KEYS = ("data", "grad", "constant")


def _is_path(file: Any) -> bool:
    return isinstance(file, (str, bytes, os.PathLike))


def _describe(file: Any) -> str:
    if _is_path(file):
        return repr(os.fsdecode(file))
    name = getattr(file, "name", None)
    return f"the file object {name!r}" if isinstance(name, str) else f"the file object {file!r}"


# ------------------------------------------------------------------ save
def save(file: PathOrFile, tensor: Tensor) -> None:
    """Save a tensor, its gradient (if any) and its constant flag to an .npz file.

    Parameters
    ----------
    file : str, path-like or binary file object
        Where to write. A path without the ``.npz`` suffix gets it, as with
        ``numpy.savez``. Writing to a path is atomic: the archive goes to a temporary
        file in the same directory that then replaces ``file``, so a failed save
        leaves an existing file intact.
    tensor : Tensor
        The tensor to save.

    Examples
    --------
    >>> import mygrad as mg
    >>> from tempfile import TemporaryFile
    >>> x = mg.tensor([1.0, 2.0, 3.0])
    >>> x.backward([2.0, 4.0, 6.0])  # gives x a gradient
    >>> f = TemporaryFile()
    >>> mg.save(f, x)
    >>> _ = f.seek(0)
    >>> y = mg.load(f)
    >>> y
    Tensor([1., 2., 3.])
    >>> y.grad
    array([2., 4., 6.])
    """
    if not isinstance(tensor, Tensor):
        raise TypeError(
            f"mygrad.save: `tensor` must be a mygrad Tensor; got {type(tensor).__name__} "
            "(wrap arrays with mygrad.tensor(...) first)"
        )
    arrays: Dict[str, np.ndarray] = {"data": tensor.data, "constant": np.array(tensor.constant)}
    grad = tensor.grad
    if grad is not None:
        arrays["grad"] = grad
    if _is_path(file):
        _save_to_path(os.fsdecode(file), arrays)
    elif hasattr(file, "write"):
        np.savez(file, **arrays)
    else:
        raise TypeError(
            "mygrad.save: `file` must be a str, a path-like object or a binary file object "
            f"open for writing; got {type(file).__name__}"
        )


def _save_to_path(path: str, arrays: Dict[str, np.ndarray]) -> None:
    if not path.endswith(".npz"):
        path += ".npz"
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        raise FileNotFoundError(
            errno.ENOENT, f"mygrad.save: the directory {directory!r} does not exist", path
        )
    mode = _mode_for(path)
    import tempfile  # here, not at import: it costs more than the rest of the plugin

    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            np.savez(f, **arrays)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(tmp)
        raise


def _mode_for(path: str) -> int:
    """The permission bits the saved file gets: the old file's, else the umask default."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        pass
    umask = _umask()
    return 0o666 & ~umask


def _umask() -> int:
    try:  # Linux: read it without changing it (os.umask would, briefly, for all threads)
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


# ------------------------------------------------------------------ load
def load(file: PathOrFile) -> Tensor:
    """Load a tensor saved with :func:`save`, with its gradient and constant flag.

    Parameters
    ----------
    file : str, path-like or binary file object
        The .npz file to read (a path without the ``.npz`` suffix that does not exist
        is tried with the suffix).

    Returns
    -------
    Tensor
        A new tensor (not part of any graph) with the saved data, the saved gradient
        (if one was saved) and the saved constant flag.

    Raises
    ------
    FileNotFoundError
        If the path does not exist.
    ValueError
        If the file is not an .npz archive holding a saved tensor (empty, truncated,
        corrupt, pickled data, or arrays other than ``data``/``grad``/``constant``).

    Examples
    --------
    >>> import mygrad as mg
    >>> from tempfile import TemporaryFile
    >>> f = TemporaryFile()
    >>> mg.save(f, mg.tensor([1, 2]))
    >>> _ = f.seek(0)
    >>> t = mg.load(f)
    >>> t, t.constant, t.grad
    (Tensor([1, 2]), True, None)
    """
    if _is_path(file):
        path = os.fsdecode(file)
        if not os.path.exists(path) and not path.endswith(".npz") and os.path.exists(path + ".npz"):
            path += ".npz"
        if not os.path.exists(path):
            raise FileNotFoundError(errno.ENOENT, f"mygrad.load: no such file {path!r}", path)
        if os.path.isdir(path):
            raise IsADirectoryError(errno.EISDIR, f"mygrad.load: {path!r} is a directory, not a file", path)
        with open(path, "rb") as f:
            return _read(f, repr(path))
    if hasattr(file, "read"):
        return _read(file, _describe(file))
    raise TypeError(
        "mygrad.load: `file` must be a str, a path-like object or a binary file object "
        f"open for reading; got {type(file).__name__}"
    )


def _read(f: IO[bytes], label: str) -> Tensor:
    def bad(what: str) -> ValueError:
        return ValueError(f"mygrad.load: {label} is not a saved mygrad tensor: {what}")

    try:
        loaded = np.load(f, allow_pickle=False)
    except EOFError:
        raise bad("the file is empty") from None
    except Exception as e:  # numpy and zipfile raise many kinds for damaged files
        raise bad(f"it is not a readable .npz archive ({type(e).__name__}: {e})") from e
    if isinstance(loaded, np.ndarray):
        raise bad("it holds a single .npy array, not an .npz archive written by mygrad.save")
    with loaded:
        keys = sorted(loaded.files)
        if "data" not in keys:
            raise bad(f"the archive has no 'data' array (it holds {keys})")
        unknown = [k for k in keys if k not in _KEYS]
        if unknown:
            raise bad(
                f"unexpected arrays {unknown} (a saved tensor holds 'data' and, optionally, "
                "'grad' and 'constant')"
            )
        arrays: Dict[str, np.ndarray] = {}
        for key in keys:
            try:
                arrays[key] = loaded[key]
            except Exception as e:  # truncated members, bad CRC, pickled object arrays
                raise bad(f"the array {key!r} cannot be read ({type(e).__name__}: {e})") from e
            if not isinstance(arrays[key], np.ndarray):  # NpzFile hands back non-.npy members as bytes
                raise bad(f"the array {key!r} cannot be read (the member is not an .npy array)")
    return _tensor_from(arrays, bad)


def _tensor_from(arrays: Dict[str, np.ndarray], bad: Any) -> Tensor:
    data = arrays["data"]
    if data.dtype.kind not in "biuf":
        raise bad(f"'data' has dtype {data.dtype}; a tensor holds float, integer or bool data")
    constant: Optional[bool] = None
    if "constant" in arrays:
        flag = arrays["constant"]
        if flag.shape != () or flag.dtype != np.bool_:
            raise bad(f"'constant' must be a 0-D bool array; got shape {flag.shape} and dtype {flag.dtype}")
        constant = bool(flag)
        if not constant and data.dtype.kind != "f":
            raise bad(f"'constant' is False but 'data' has the non-float dtype {data.dtype}")
    grad = arrays.get("grad")
    if grad is not None:
        if grad.dtype.kind not in "biuf":
            raise bad(f"'grad' has dtype {grad.dtype}; expected real numbers")
        if grad.shape != data.shape:
            raise bad(f"'grad' has shape {grad.shape} but 'data' has shape {data.shape}")
        if constant or data.dtype.kind != "f":
            raise bad("it holds a 'grad' for a constant tensor, which never has a gradient")
    out = Tensor(data, constant=constant, copy=False)
    if grad is not None:
        out.backward(grad)  # a leaf's backward(grad) sets exactly that gradient
    return out
