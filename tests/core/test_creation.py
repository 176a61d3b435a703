"""Creation routines (mygrad.tensor_creation), documented examples (seed 000 L3487-5842)."""

from __future__ import annotations

import numpy as np
import pytest

import mygrad_core as mgc
from mygrad_core import Tensor, tensor


def test_tensor_examples():
    # seed 000 L3615-3655, L26485-26502
    t = tensor([1, 2, 3])
    assert t.dtype.kind == "i" and t.constant
    np.testing.assert_array_equal(tensor([1, 2, 3.0]), [1.0, 2.0, 3.0])
    assert tensor([1, 2, 3.0]).dtype == np.float64
    assert tensor([[1, 2], [3, 4]]).shape == (2, 2)
    assert tensor([1, 2, 3], ndmin=2).shape == (1, 3)
    assert tensor([1, 2, 3], dtype="float32").dtype == np.float32
    x = tensor([1.0, 2.0])
    y = tensor(x, copy=True, ndmin=2)
    assert y.shape == (1, 2) and not np.shares_memory(x, y)
    assert tensor(x, copy=False) is x
    assert tensor(x, copy=False, dtype=np.float32) is not x
    assert tensor(x, copy=False, ndmin=2).shape == (1, 2)
    a = np.array([1.0, 2.0])
    assert np.shares_memory(tensor(a, copy=False), a)
    assert not np.shares_memory(tensor(a), a)


def test_astensor_examples():
    # seed 000 L3886-3945
    a = np.array([1.0, 2.0])
    t = mgc.astensor(a)
    assert np.shares_memory(t, a)
    t1 = tensor([1.0, 2.0])
    assert mgc.astensor(t1) is t1
    assert mgc.astensor(t1, dtype=np.float64) is t1
    t2 = mgc.astensor(t1, dtype=np.float32)
    assert t2 is not t1 and t2.dtype == np.float32
    t3 = mgc.astensor(t1, constant=True)
    assert t3 is not t1 and t3.constant and np.shares_memory(t3, t1)
    assert mgc.astensor(1, dtype=np.int8).constant


def test_ones_zeros_examples():
    # seed 000 L4069-4095, L4345-4371
    for f, v in ((mgc.ones, 1), (mgc.zeros, 0)):
        x = f(5)
        assert x.dtype == np.float32 and x.shape == (5,) and not x.constant
        np.testing.assert_array_equal(x, [v] * 5)
        assert f((5,), dtype=int).dtype.kind == "i"
        assert f((2, 1)).shape == (2, 1)
        assert f(2, constant=True).constant


def test_like_examples():
    # seed 000 L4194-4221, L4500-4528
    x = np.arange(6).reshape((2, 3))
    o = mgc.ones_like(x)
    assert o.dtype == x.dtype and o.shape == (2, 3) and o.constant
    y = np.arange(3, dtype=float)
    z = mgc.zeros_like(y)
    assert z.dtype == float and not z.constant
    np.testing.assert_array_equal(z, [0.0, 0.0, 0.0])
    assert mgc.ones_like(x, shape=(3,)).shape == (3,)
    t = tensor([1.0, 2.0], constant=True)
    assert mgc.zeros_like(t).constant
    assert mgc.empty_like(t, dtype=np.float32).dtype == np.float32


def test_eye_identity_full():
    # seed 000 L4634-4642, L4737-4742, L4846-4858
    np.testing.assert_array_equal(mgc.eye(2, dtype=int), [[1, 0], [0, 1]])
    np.testing.assert_array_equal(mgc.eye(3, k=1), [[0, 1, 0], [0, 0, 1], [0, 0, 0]])
    assert mgc.eye(2).dtype == np.float64 and mgc.identity(3).dtype == np.float64
    np.testing.assert_array_equal(mgc.identity(3), np.identity(3))
    f = mgc.full((2, 2), 33)
    assert f.dtype.kind == "i" and f.constant
    np.testing.assert_array_equal(f, [[33, 33], [33, 33]])
    f = mgc.full((2, 2), 33.0)
    assert not f.constant
    np.testing.assert_array_equal(mgc.full(2, tensor(1.5)), [1.5, 1.5])


def test_full_like_examples():
    # seed 000 L4962-4980
    x = mgc.arange(6, dtype=int)
    np.testing.assert_array_equal(mgc.full_like(x, 1), [1] * 6)
    np.testing.assert_array_equal(mgc.full_like(x, 0.1), [0] * 6)
    np.testing.assert_array_equal(mgc.full_like(x, 0.1, dtype=np.double), [0.1] * 6)
    assert np.isnan(mgc.full_like(x, np.nan, dtype=np.double).data).all()
    y = mgc.arange(6, dtype=np.double)
    np.testing.assert_array_equal(mgc.full_like(y, 0.1), [0.1] * 6)
    # constant is not keyword-only for full_like (API_CHECKLIST 18.12)
    assert mgc.full_like(y, 0.1, None, None, True).constant


def test_empty():
    # seed 000 L5110-5122, L5249-5262
    e = mgc.empty((2, 3))
    assert e.shape == (2, 3) and e.dtype == np.float32
    assert mgc.empty_like(e).shape == (2, 3)


def test_arange_linspace_logspace_geomspace():
    # seed 000 L5370-5379
    np.testing.assert_array_equal(mgc.arange(3), [0, 1, 2])
    np.testing.assert_array_equal(mgc.arange(3.0), [0.0, 1.0, 2.0])
    np.testing.assert_array_equal(mgc.arange(3, 7), [3, 4, 5, 6])
    np.testing.assert_array_equal(mgc.arange(3, 7, 2), [3, 5])
    assert mgc.arange(3.0, constant=True).constant
    assert mgc.arange(3).constant and not mgc.arange(3.0).constant
    # seed 000 L5513-5518
    np.testing.assert_allclose(mgc.linspace(2.0, 3.0, num=5), [2.0, 2.25, 2.5, 2.75, 3.0])
    np.testing.assert_allclose(mgc.linspace(2.0, 3.0, num=5, endpoint=False), [2.0, 2.2, 2.4, 2.6, 2.8])
    np.testing.assert_allclose(mgc.linspace([0.0, 1.0], [1.0, 2.0], 3, axis=1), np.linspace([0.0, 1.0], [1.0, 2.0], 3, axis=1))
    # seed 000 L5665-5672
    np.testing.assert_allclose(mgc.logspace(2.0, 3.0, num=4), [100.0, 215.443469, 464.15888336, 1000.0])
    np.testing.assert_allclose(mgc.logspace(2.0, 3.0, num=4, endpoint=False), [100.0, 177.827941, 316.22776602, 562.34132519])
    np.testing.assert_allclose(mgc.logspace(2.0, 3.0, num=4, base=2.0), [4.0, 5.0396842, 6.34960421, 8.0])
    # seed 000 L5811-5842
    np.testing.assert_allclose(mgc.geomspace(1, 1000, num=4), [1.0, 10.0, 100.0, 1000.0])
    np.testing.assert_allclose(mgc.geomspace(1, 1000, num=3, endpoint=False), [1.0, 10.0, 100.0])
    np.testing.assert_array_equal(mgc.geomspace(1, 256, num=9, dtype=int), np.geomspace(1, 256, num=9, dtype=int))
    np.testing.assert_allclose(mgc.geomspace(1000, 1, num=4), [1000.0, 100.0, 10.0, 1.0])
    np.testing.assert_allclose(mgc.geomspace(-1000, -1, num=4), [-1000.0, -100.0, -10.0, -1.0])
    for t in (mgc.linspace(0, 1, 3, constant=True), mgc.logspace(0, 1, 3, constant=True)):
        assert t.constant and t.creator is None


def test_creation_results_are_leaves_and_accept_tensors():
    # constant tensors give a leaf; variable ones are differentiated through (issue 14,
    # tests/core/test_creation_diff.py)
    t = mgc.linspace(tensor(0.0, constant=True), tensor(1.0, constant=True), 3)
    assert isinstance(t, Tensor) and t.creator is None
    with pytest.raises(TypeError, match="complex"):
        mgc.ones(2, dtype=complex)
    with pytest.raises(TypeError, match="str|<U|U1"):
        mgc.full(2, "a")
