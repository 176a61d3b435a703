"""A save that fails part-way leaves the old file intact and no temporary file behind."""

import os

import mygrad as mg
import numpy as np
import pytest


def _partial_savez(file, **arrays):
    file.write(b"PK\x03\x04 half an archive")
    raise OSError("disk full (simulated)")


@pytest.mark.parametrize("error", [OSError, KeyboardInterrupt])
def test_a_crash_mid_save_keeps_the_old_file(tmp_path, monkeypatch, error):
    p = tmp_path / "w.npz"
    old = mg.tensor([1.0, 2.0])
    old.backward([3.0, 4.0])
    mg.save(p, old)
    before = p.read_bytes()

    def crash(file, **arrays):
        file.write(b"PK\x03\x04 half an archive")
        raise error("simulated crash")

    monkeypatch.setattr(np, "savez", crash)
    with pytest.raises(error, match="simulated crash"):
        mg.save(p, mg.tensor([9.0, 9.0, 9.0]))
    monkeypatch.undo()

    assert p.read_bytes() == before
    assert os.listdir(tmp_path) == ["w.npz"]
    loaded = mg.load(p)
    np.testing.assert_array_equal(loaded.data, [1.0, 2.0])
    np.testing.assert_array_equal(loaded.grad, [3.0, 4.0])


def test_a_crash_before_the_first_save_leaves_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(np, "savez", _partial_savez)
    with pytest.raises(OSError, match="simulated"):
        mg.save(tmp_path / "new.npz", mg.tensor([1.0]))
    assert os.listdir(tmp_path) == []


def test_a_failing_rename_keeps_the_old_file(tmp_path, monkeypatch):
    p = tmp_path / "w.npz"
    mg.save(p, mg.tensor([1.0]))
    before = p.read_bytes()

    def no_replace(src, dst):
        raise PermissionError("rename refused (simulated)")

    monkeypatch.setattr(os, "replace", no_replace)
    with pytest.raises(PermissionError, match="simulated"):
        mg.save(p, mg.tensor([2.0]))
    monkeypatch.undo()
    assert p.read_bytes() == before
    assert os.listdir(tmp_path) == ["w.npz"]


def test_the_temporary_file_sits_next_to_the_target(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append((os.path.dirname(os.path.abspath(src)), os.fspath(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    mg.save(tmp_path / "w.npz", mg.tensor([1.0]))
    assert seen == [(str(tmp_path), str(tmp_path / "w.npz"))]
