"""Loading anything that is not a saved tensor raises a clear error and never runs code."""

import io
import pickle
import zipfile

import mygrad as mg
import numpy as np
import pytest


def _valid_bytes():
    x = mg.tensor([1.0, 2.0, 3.0])
    x.backward([1.0, 1.0, 1.0])
    buf = io.BytesIO()
    mg.save(buf, x)
    return buf.getvalue()


def test_missing_file(tmp_path):
    p = tmp_path / "missing.npz"
    with pytest.raises(FileNotFoundError, match=r"mygrad\.load: no such file .*missing\.npz") as info:
        mg.load(p)
    assert info.value.filename == str(p)


def test_a_directory(tmp_path):
    with pytest.raises(IsADirectoryError, match="is a directory"):
        mg.load(tmp_path)


def test_empty_file(tmp_path):
    p = tmp_path / "empty.npz"
    p.write_bytes(b"")
    with pytest.raises(ValueError, match=r"mygrad\.load: '.*empty\.npz' is not a saved mygrad tensor: the file is empty"):
        mg.load(p)


@pytest.mark.parametrize("fraction", [0.1, 0.3, 0.5, 0.7, 0.9, 0.99])
def test_truncated_file(tmp_path, fraction):
    raw = _valid_bytes()
    p = tmp_path / "cut.npz"
    p.write_bytes(raw[: int(len(raw) * fraction)])
    with pytest.raises(ValueError, match=r"'.*cut\.npz' is not a saved mygrad tensor"):
        mg.load(p)


def test_every_truncation_raises_value_error():
    raw = _valid_bytes()
    for n in range(0, len(raw), 7):
        with pytest.raises(ValueError, match="is not a saved mygrad tensor"):
            mg.load(io.BytesIO(raw[:n]))


def test_corrupted_member_fails_its_checksum(tmp_path):
    raw = bytearray(_valid_bytes())
    i = raw.index(b"\x93NUMPY") + 130  # inside the first member's array bytes
    raw[i] ^= 0xFF
    p = tmp_path / "corrupt.npz"
    p.write_bytes(bytes(raw))
    with pytest.raises(ValueError, match="cannot be read|not a readable"):
        mg.load(p)


@pytest.mark.parametrize(
    "content, what",
    [
        (b"hello, I am a text file\n", "not a readable .npz archive"),
        (b"PK\x03\x04 not really a zip", "not a readable .npz archive"),
        (bytes(range(256)) * 4, "not a readable .npz archive"),
    ],
)
def test_non_npz_files(tmp_path, content, what):
    p = tmp_path / "junk.npz"
    p.write_bytes(content)
    with pytest.raises(ValueError, match=what) as info:
        mg.load(p)
    assert "junk.npz" in str(info.value)


def test_a_single_npy_array(tmp_path):
    np.save(tmp_path / "a.npy", np.arange(3.0))
    with pytest.raises(ValueError, match=r"a\.npy' .*single \.npy array"):
        mg.load(tmp_path / "a.npy")


def test_pickle_files_are_never_unpickled(tmp_path):
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_Evil(str(marker)))
    p = tmp_path / "evil.npz"
    p.write_bytes(payload)
    with pytest.raises(ValueError, match="is not a saved mygrad tensor"):
        mg.load(p)
    assert not marker.exists()


def test_object_arrays_in_an_npz_are_never_unpickled(tmp_path):
    marker = tmp_path / "pwned"
    p = tmp_path / "evil.npz"
    np.savez(p, data=np.array([_Evil(str(marker))], dtype=object))
    with pytest.raises(ValueError, match=r"the array 'data' cannot be read.*pickle"):
        mg.load(p)
    assert not marker.exists()


class _Evil:
    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


@pytest.mark.parametrize(
    "arrays, what",
    [
        ({"x": np.arange(3.0)}, r"has no 'data' array \(it holds \['x'\]\)"),
        ({}, r"has no 'data' array \(it holds \[\]\)"),
        ({"data": np.arange(3.0), "extra": np.ones(2)}, r"unexpected arrays \['extra'\]"),
        ({"data": np.array(["a", "b"])}, r"'data' has dtype <U1"),
        ({"data": np.array([1 + 2j])}, r"'data' has dtype complex128"),
        ({"data": np.arange(3.0), "constant": np.array([True])}, r"'constant' must be a 0-D bool array; got shape \(1,\)"),
        ({"data": np.arange(3.0), "constant": np.array(1)}, r"'constant' must be a 0-D bool array; got shape \(\) and dtype int64"),
        ({"data": np.arange(3), "constant": np.array(False)}, r"'constant' is False but 'data' has the non-float dtype int64"),
        ({"data": np.arange(3.0), "grad": np.ones(2)}, r"'grad' has shape \(2,\) but 'data' has shape \(3,\)"),
        ({"data": np.arange(3.0), "grad": np.array(["a", "b", "c"])}, r"'grad' has dtype <U1"),
        ({"data": np.arange(3.0), "grad": np.ones(3), "constant": np.array(True)}, r"'grad' for a constant tensor"),
        ({"data": np.arange(3), "grad": np.ones(3)}, r"'grad' for a constant tensor"),
    ],
)
def test_foreign_npz_archives(tmp_path, arrays, what):
    p = tmp_path / "foreign.npz"
    np.savez(p, **arrays)
    with pytest.raises(ValueError, match=r"'.*foreign\.npz' is not a saved mygrad tensor: .*" + what):
        mg.load(p)


def test_zip_with_a_non_npy_member(tmp_path):
    p = tmp_path / "other.npz"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("data.npy", b"this is not an npy file")
    with pytest.raises(ValueError, match=r"the array 'data' cannot be read"):
        mg.load(p)


def test_bad_file_objects():
    with pytest.raises(ValueError, match=r"the file object .*BytesIO.* is not a saved mygrad tensor: the file is empty"):
        mg.load(io.BytesIO())
    with pytest.raises(TypeError, match=r"mygrad\.load: `file` must be a str, a path-like object .*got int"):
        mg.load(3)
