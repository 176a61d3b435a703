"""The save/load documentation examples."""

from tempfile import TemporaryFile

import mygrad as mg
import numpy as np


def test_save_load_round_trip_example():
    # seed 000, L25844-25850 (save page) and L25950-25956 (load page)
    outfile = TemporaryFile()
    x = mg.arange(10.0)
    mg.save(outfile, x)
    _ = outfile.seek(0)
    loaded = mg.load(outfile)
    np.testing.assert_array_equal(loaded.data, np.arange(10.0))
    assert loaded.grad is None and not loaded.constant
    assert repr(loaded) == "Tensor([0., 1., 2., 3., 4., 5., 6., 7., 8., 9.])"


def test_save_load_with_gradient_example(square):
    # seed 000, L25857-25870 and L25963-25976. ERRATA / API_CHECKLIST 18.31: the docs
    # re-create x (without a grad) before saving; save the x that has the grad instead.
    x = mg.arange(10.0)
    square(x).backward()  # the docs' (x * x).backward(), with a test-only op
    np.testing.assert_array_equal(x.grad, np.arange(0.0, 20.0, 2.0))
    outfile = TemporaryFile()
    mg.save(outfile, x)
    _ = outfile.seek(0)
    loaded = mg.load(outfile)
    assert repr(loaded) == "Tensor([0., 1., 2., 3., 4., 5., 6., 7., 8., 9.])"
    np.testing.assert_array_equal(loaded.grad, [0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 14.0, 16.0, 18.0])


def test_top_level_names_come_from_the_plugin():
    import mygrad_io

    assert mg.save is mygrad_io.save and mg.load is mygrad_io.load
