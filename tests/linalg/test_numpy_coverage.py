"""Issue 14's "Products" and "Linear algebra" rows: every name exists in mygrad, and its
NumPy spelling returns Tensors (differentiable rows) or NumPy's arrays (the others).

NumPy-2-only names must exist in mygrad on every NumPy; their np. form is checked only
where NumPy has the name.
"""

from __future__ import annotations

import mygrad as mg
import numpy as np
import pytest

A = np.array([[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]])  # symmetric positive-definite
V = np.array([1.0, 2.0, 3.0])

# (name, namespace, differentiable, arguments)
TABLE = [
    ("dot", "np", True, (A, V)),
    ("vdot", "np", True, (V, V)),
    ("inner", "np", True, (A, V)),
    ("outer", "np", True, (V, V)),
    ("tensordot", "np", True, (A, A)),
    ("kron", "np", True, (A, V)),
    ("cross", "np", True, (V, V[::-1])),
    ("vecdot", "np", True, (A, V)),
    ("matvec", "np", True, (A, V)),
    ("vecmat", "np", True, (V, A)),
    ("vecdot", "linalg", True, (A, V)),
    ("matmul", "linalg", True, (A, A)),
    ("tensordot", "linalg", True, (A, A)),
    ("outer", "linalg", True, (V, V)),
    ("diagonal", "linalg", True, (A,)),
    ("trace", "linalg", True, (A,)),
    ("cross", "linalg", True, (V, V[::-1])),
    ("matrix_transpose", "linalg", True, (A,)),
    ("inv", "linalg", True, (A,)),
    ("pinv", "linalg", True, (A,)),
    ("det", "linalg", True, (A,)),
    ("slogdet", "linalg", True, (A,)),
    ("solve", "linalg", True, (A, V)),
    ("lstsq", "linalg", True, (A, V)),
    ("cholesky", "linalg", True, (A,)),
    ("qr", "linalg", True, (A,)),
    ("eigh", "linalg", True, (A,)),
    ("eigvalsh", "linalg", True, (A,)),
    ("eig", "linalg", True, (A,)),
    ("eigvals", "linalg", True, (A,)),
    ("svd", "linalg", True, (A,)),
    ("svdvals", "linalg", True, (A,)),
    ("matrix_power", "linalg", True, (A, 3)),
    ("vector_norm", "linalg", True, (A,)),
    ("matrix_norm", "linalg", True, (A,)),
    ("norm", "linalg", True, (A,)),
    ("matrix_rank", "linalg", False, (A,)),
    ("cond", "linalg", False, (A,)),
]

IDS = [f"{ns}.{name}" for name, ns, _, _ in TABLE]


def _mg_namespace(ns):
    return mg if ns == "np" else mg.linalg


def _np_namespace(ns):
    return np if ns == "np" else np.linalg


def _tensor_outputs(result):
    """The results a differentiable function returns: a Tensor or a tuple holding Tensors."""
    if isinstance(result, mg.Tensor):
        return [result]
    assert isinstance(result, tuple), f"expected a Tensor or a tuple of Tensors, got {type(result)}"
    outs = [r for r in result if isinstance(r, mg.Tensor)]
    assert outs, "no Tensor among the results"
    return outs


@pytest.mark.parametrize("name, ns, differentiable, args", TABLE, ids=IDS)
def test_name_exists_in_mygrad(name, ns, differentiable, args):
    fn = getattr(_mg_namespace(ns), name, None)
    assert callable(fn), f"mygrad{'' if ns == 'np' else '.linalg'}.{name} is missing"
    tensors = [mg.tensor(a) if isinstance(a, np.ndarray) else a for a in args]
    result = fn(*tensors)
    if differentiable:
        _tensor_outputs(result)
    else:
        assert not isinstance(result, mg.Tensor)


@pytest.mark.parametrize("name, ns, differentiable, args", TABLE, ids=IDS)
def test_numpy_form_on_tensors(name, ns, differentiable, args):
    np_fn = getattr(_np_namespace(ns), name, None)
    if np_fn is None:
        pytest.skip(f"this NumPy ({np.__version__}) has no {ns}.{name}")
    tensors = [mg.tensor(a) if isinstance(a, np.ndarray) else a for a in args]
    result = np_fn(*tensors)
    expected = np_fn(*args)
    if not differentiable:
        assert not isinstance(result, mg.Tensor)
        np.testing.assert_allclose(result, expected)
        return
    outs = _tensor_outputs(result)
    if isinstance(expected, tuple):
        arrays = [e for e, r in zip(expected, result) if isinstance(r, mg.Tensor)]
    else:
        arrays = [expected]
    for out, exp in zip(outs, arrays):
        if name in ("qr", "eigh", "eig", "svd"):  # sign conventions: compare magnitudes
            np.testing.assert_allclose(np.abs(out.data), np.abs(exp), atol=1e-12)
        else:
            np.testing.assert_allclose(out.data, exp, atol=1e-12)
    # differentiable: a variable input receives a gradient
    variables = [mg.tensor(a, constant=False) if isinstance(a, np.ndarray) else a for a in args]
    outs = _tensor_outputs(np_fn(*variables))
    live = [o for o in outs if not o.constant]
    assert live, "no differentiable output"
    live[0].backward()
    assert variables[0].grad is not None and variables[0].grad.shape == variables[0].shape
