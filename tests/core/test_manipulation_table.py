"""Issue 14's "Array manipulation" table: every name exists as ``mg.X`` (and in
``mygrad_core``), and its ``np.X`` form on a tensor returns tensors.

NumPy-2-only names exist as ``mg.X`` on every supported NumPy; their ``np.X`` form is
checked only where NumPy has it. ``np.full`` cannot be intercepted (exempt).
"""

from __future__ import annotations

import warnings

import mygrad as mg
import numpy as np
import pytest

import mygrad_core as mgc
from mygrad_core import Tensor, tensor

M = np.arange(1.0, 13.0).reshape(3, 4)  # a 2-D example
C = np.arange(1.0, 9.0).reshape(2, 2, 2)  # a 3-D example

# name -> a call of the np. (or mg.) function on tensors made from the examples
TABLE = {
    "flip": lambda f: f(tensor(M)),
    "flipud": lambda f: f(tensor(M)),
    "fliplr": lambda f: f(tensor(M)),
    "rot90": lambda f: f(tensor(M)),
    "rollaxis": lambda f: f(tensor(C), 2),
    "tile": lambda f: f(tensor(M), 2),
    "pad": lambda f: f(tensor(M), 1, mode="reflect"),
    "append": lambda f: f(tensor(M), tensor(M), axis=0),
    "insert": lambda f: f(tensor(M), 1, tensor(0.5), axis=1),
    "delete": lambda f: f(tensor(M), 1, axis=0),
    "split": lambda f: f(tensor(M), 2, axis=1),
    "array_split": lambda f: f(tensor(M), 3, axis=1),
    "hsplit": lambda f: f(tensor(M), 2),
    "vsplit": lambda f: f(tensor(M), 3),
    "dsplit": lambda f: f(tensor(C), 2),
    "unstack": lambda f: f(tensor(M)),
    "vstack": lambda f: f([tensor(M), tensor(M)]),
    "hstack": lambda f: f([tensor(M), tensor(M)]),
    "dstack": lambda f: f([tensor(M), tensor(M)]),
    "column_stack": lambda f: f([tensor(M), tensor(M)]),
    "row_stack": lambda f: f([tensor(M), tensor(M)]),
    "block": lambda f: f([[tensor(M), tensor(M)]]),
    "diag": lambda f: f(tensor(M[0])),
    "diagflat": lambda f: f(tensor(M)),
    "diagonal": lambda f: f(tensor(M)),
    "triu": lambda f: f(tensor(M)),
    "tril": lambda f: f(tensor(M)),
    "matrix_transpose": lambda f: f(tensor(C)),
    "permute_dims": lambda f: f(tensor(C), (2, 0, 1)),
    "astype": lambda f: f(tensor(M), np.float32),
    "full": lambda f: f((2, 3), tensor(1.5)),
    "linspace": lambda f: f(tensor(0.0), tensor(1.0), 5),
}
NUMPY2_ONLY = {"unstack", "matrix_transpose", "permute_dims", "astype"}
NOT_INTERCEPTABLE = {"full"}  # NumPy's protocols never see np.full's fill value


def _tensors(result):
    return list(result) if isinstance(result, (list, tuple)) else [result]


@pytest.mark.parametrize("name", sorted(TABLE))
def test_name_is_in_mygrad(name):
    assert name in mgc.__all__, f"mygrad_core does not export {name}"
    assert callable(getattr(mg, name, None)), f"mg.{name} is missing"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # row_stack, as NumPy's
        out = _tensors(TABLE[name](getattr(mg, name)))
    assert out and all(isinstance(t, Tensor) and not t.constant for t in out)


@pytest.mark.parametrize("name", sorted(TABLE))
def test_numpy_form_returns_tensors(name):
    if name in NOT_INTERCEPTABLE:
        pytest.skip("np.full cannot be intercepted by NumPy's protocols")
    if name in NUMPY2_ONLY and not hasattr(np, name):
        pytest.skip(f"this NumPy ({np.__version__}) has no np.{name}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        got = TABLE[name](getattr(np, name))
        expected = TABLE[name](lambda *a, **k: getattr(np, name)(*_data(a), **_data(k)))
    got, expected = _tensors(got), _tensors(expected)
    assert all(isinstance(t, Tensor) and not t.constant for t in got), f"np.{name} on tensors gave {got!r}"
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        np.testing.assert_array_equal(g.data, e)
        assert g.dtype == np.asarray(e).dtype


def _data(obj):
    if isinstance(obj, Tensor):
        return obj.data
    if isinstance(obj, (list, tuple)):
        return type(obj)(_data(o) for o in obj)
    if isinstance(obj, dict):
        return {k: _data(v) for k, v in obj.items()}
    return obj


def test_numpy2_names_are_exported_everywhere():
    for name in NUMPY2_ONLY:
        assert callable(getattr(mgc, name)) and callable(getattr(mg, name))


def test_facade_sub_modules_list_the_new_names():
    from mygrad import tensor_creation, tensor_manip

    for module in (mgc.rearranging, mgc.joining, mgc.diagonals):
        for name in module.__all__:
            assert getattr(tensor_manip, name) is getattr(module, name)
    assert tensor_creation.full is mgc.full and tensor_creation.linspace is mgc.linspace
