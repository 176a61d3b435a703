"""The demos' curves: history.csv always; the PNG with matplotlib, a hint without it."""

import io
import sys

import numpy as np
import pytest

from mygrad_core.demo import _common, spiral

ROWS = [(0, 1.0, 0.25), (1, 0.5, 0.5), (2, 0.25, 1.0)]


def _without_matplotlib(monkeypatch):
    for name in list(sys.modules):
        if name == "matplotlib" or name.startswith("matplotlib."):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # `import matplotlib...` raises ImportError


def test_history_csv_round_trips(tmp_path):
    path = _common.write_history(ROWS, str(tmp_path / "history.csv"))
    assert (tmp_path / "history.csv").read_text().splitlines() == ["step,loss,accuracy", "0,1,0.25", "1,0.5,0.5", "2,0.25,1"]
    assert path == str(tmp_path / "history.csv")


@pytest.mark.parametrize("smooth", [False, True])
def test_plot_writes_a_png(tmp_path, smooth):
    pytest.importorskip("matplotlib")
    out = io.StringIO()
    # long enough for a running mean when smoothed
    rows = [(i, 1.0 / (i + 1), min(1.0, i / 100)) for i in range(200)]
    path = _common.plot_history(rows, str(tmp_path / "h.png"), "title", out, smooth=smooth)
    assert path == str(tmp_path / "h.png") and out.getvalue() == ""
    assert (tmp_path / "h.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_without_matplotlib_the_plot_is_skipped_with_a_hint(tmp_path, monkeypatch):
    _without_matplotlib(monkeypatch)
    out = io.StringIO()
    assert _common.plot_history(ROWS, str(tmp_path / "h.png"), "title", out) is None
    assert "plot: skipped (matplotlib is not installed" in out.getvalue()
    assert "'.[demo]'" in out.getvalue()
    assert not (tmp_path / "h.png").exists()


def test_the_spiral_demo_runs_without_matplotlib(tmp_path, monkeypatch, kit):
    _without_matplotlib(monkeypatch)
    out = io.StringIO()
    assert spiral.main(outdir=str(tmp_path), seconds=0, out=out) == 0
    text = out.getvalue()
    assert "plot: skipped (matplotlib is not installed" in text
    assert not (tmp_path / "history.png").exists()
    steps, loss, _ = kit.read_history(tmp_path / "history.csv")
    assert len(steps) == spiral.MIN_STEPS + 1 and np.isfinite(loss).all()
