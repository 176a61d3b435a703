"""save/load round-trips data, grad and the constant flag, for paths and file objects."""

import io
import os
import pathlib
import tempfile

import mygrad as mg
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mygrad_core import Tensor
from mygrad_core.testing.strategies import arrays, real_dtypes, shapes


def same_array(a, b):
    """Same dtype, shape and bytes (so nan, inf and -0.0 round-trip exactly)."""
    a = np.asarray(a)
    b = np.asarray(b)
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


any_floats = st.floats(allow_nan=True, allow_infinity=True, width=16)


@st.composite
def saved_tensors(draw):
    """Tensors of any real dtype and shape, constant or not, with or without a grad."""
    dtype = draw(real_dtypes(floats=True, ints=True, bools=True))
    shape = draw(shapes(min_dims=0, max_dims=4, min_side=0, max_side=4))
    elements = any_floats if dtype.kind == "f" else None
    data = draw(arrays(shape=shape, dtype=dtype, elements=elements))
    if dtype.kind != "f":
        return Tensor(data)
    t = Tensor(data, constant=draw(st.booleans()))
    if not t.constant and draw(st.booleans()):
        t.backward(draw(arrays(shape=shape, dtype=dtype, elements=any_floats)))
    if draw(st.booleans()) and t.ndim:
        t = t[tuple(slice(None, None, 2) for _ in range(t.ndim))]  # non-contiguous data
    return t


def check_same(loaded, original):
    assert isinstance(loaded, Tensor)
    assert same_array(loaded.data, original.data)
    assert loaded.constant is original.constant
    if original.grad is None:
        assert loaded.grad is None
    else:
        assert same_array(loaded.grad, original.grad)
    assert loaded.creator is None and loaded.base is None


@settings(max_examples=60)
@given(t=saved_tensors(), kind=st.sampled_from(["str", "path", "bytes_path"]))
def test_round_trip_through_a_path(t, kind):
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "t.npz")
        target = {"str": p, "path": pathlib.Path(p), "bytes_path": os.fsencode(p)}[kind]
        mg.save(target, t)
        check_same(mg.load(target), t)


@settings(max_examples=60)
@given(t=saved_tensors())
def test_round_trip_through_file_objects(t):
    with tempfile.TemporaryFile() as f:
        mg.save(f, t)
        f.seek(0)
        check_same(mg.load(f), t)
        assert not f.closed
    buf = io.BytesIO()
    mg.save(buf, t)
    check_same(mg.load(io.BytesIO(buf.getvalue())), t)


def test_file_layout_is_a_plain_npz(tmp_path):
    x = mg.tensor([1.0, 2.0])
    x.backward([3.0, 4.0])
    mg.save(tmp_path / "x.npz", x)
    with np.load(tmp_path / "x.npz", allow_pickle=False) as z:
        assert sorted(z.files) == ["constant", "data", "grad"]
        np.testing.assert_array_equal(z["data"], [1.0, 2.0])
        np.testing.assert_array_equal(z["grad"], [3.0, 4.0])
        assert z["constant"].shape == () and not z["constant"]
    mg.save(tmp_path / "y.npz", mg.tensor([1, 2]))
    with np.load(tmp_path / "y.npz") as z:
        assert sorted(z.files) == ["constant", "data"]  # no grad key when grad is None
        assert z["constant"]


def test_files_written_by_the_original_mygrad_load(tmp_path):
    # MyGrad 2.x writes numpy.savez(file, data=..., grad=...) with no constant key
    np.savez(tmp_path / "old.npz", data=np.arange(3.0), grad=np.ones(3))
    t = mg.load(tmp_path / "old.npz")
    assert not t.constant
    np.testing.assert_array_equal(t.grad, np.ones(3))
    np.savez(tmp_path / "old_int.npz", data=np.arange(3))
    assert mg.load(tmp_path / "old_int.npz").constant


def test_the_npz_suffix_is_added_like_numpy_savez(tmp_path):
    mg.save(str(tmp_path / "weights"), mg.tensor([1.0]))
    assert (tmp_path / "weights.npz").exists() and not (tmp_path / "weights").exists()
    np.testing.assert_array_equal(mg.load(tmp_path / "weights").data, [1.0])
    np.testing.assert_array_equal(mg.load(tmp_path / "weights.npz").data, [1.0])


def test_loaded_tensor_is_independent_and_usable(tmp_path, square):
    x = mg.tensor([1.0, 2.0])
    mg.save(tmp_path / "x.npz", x)
    y = mg.load(tmp_path / "x.npz")
    assert not np.shares_memory(x.data, y.data)
    square(y).backward()
    np.testing.assert_array_equal(y.grad, [2.0, 4.0])
    assert x.grad is None


def test_saving_a_tensor_in_a_live_graph(tmp_path, square):
    x = mg.tensor([1.0, 2.0])
    y = square(x)  # x's data is memory-guarded (read-only) while the graph lives
    mg.save(tmp_path / "x.npz", x)
    np.testing.assert_array_equal(mg.load(tmp_path / "x.npz").data, x.data)
    y.backward()
    np.testing.assert_array_equal(x.grad, [2.0, 4.0])


def test_overwriting_keeps_the_file_mode(tmp_path):
    p = tmp_path / "x.npz"
    mg.save(p, mg.tensor([1.0]))
    os.chmod(p, 0o640)
    mg.save(p, mg.tensor([2.0]))
    assert (os.stat(p).st_mode & 0o777) == 0o640
    np.testing.assert_array_equal(mg.load(p).data, [2.0])
    assert sorted(os.listdir(tmp_path)) == ["x.npz"]  # no temporary file left behind


def test_new_files_follow_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        mg.save(tmp_path / "x.npz", mg.tensor([1.0]))
    finally:
        os.umask(old)
    assert (os.stat(tmp_path / "x.npz").st_mode & 0o777) == 0o640


@pytest.mark.parametrize("bad", [None, 3, 2.5, ["x.npz"]])
def test_save_rejects_bad_file_arguments(bad):
    with pytest.raises(TypeError, match=r"mygrad\.save: `file` must be a str, a path-like object"):
        mg.save(bad, mg.tensor([1.0]))


@pytest.mark.parametrize("bad", [np.arange(3.0), [1.0, 2.0], 3.0, None])
def test_save_rejects_non_tensors(tmp_path, bad):
    with pytest.raises(TypeError, match=rf"mygrad\.save: `tensor` must be a mygrad Tensor; got {type(bad).__name__}"):
        mg.save(tmp_path / "x.npz", bad)
    assert not (tmp_path / "x.npz").exists()


def test_save_to_a_missing_directory(tmp_path):
    target = tmp_path / "nope" / "x.npz"
    with pytest.raises(FileNotFoundError, match="does not exist") as info:
        mg.save(target, mg.tensor([1.0]))
    assert str(tmp_path / "nope") in str(info.value)
