"""``python -m mygrad demo conv``: a convnet learns the demo's own pictures of shapes.

A shortened run (the demo's minimum number of steps) must reach >= 80% held-out
accuracy within 20 s; ``nox -s demo`` runs the full length and asserts >= 95%.
"""

import importlib.util
import re
import shutil
import time

import numpy as np

from mygrad_core.demo import conv

WEIGHTS = {
    "conv_w": (conv.FILTERS, 1, 3, 3),
    "bn_gamma": (conv.FILTERS,),
    "bn_beta": (conv.FILTERS,),
    "dense_w": (conv.FILTERS * (conv.SIZE // 2) ** 2, len(conv.CLASSES)),
    "dense_b": (len(conv.CLASSES),),
    "bn_mean": (conv.FILTERS,),
    "bn_var": (conv.FILTERS,),
}


def reference_scores(w, images):
    """The trained network on ``images`` (N, 1, H, W), in plain NumPy: a loop over the
    3x3 kernel's offsets for the padded convolution, the running statistics for batchnorm."""
    n, _, h, wd = images.shape
    padded = np.pad(images.astype(np.float64), ((0, 0), (0, 0), (1, 1), (1, 1)))
    k = w["conv_w"].astype(np.float64)
    out = np.zeros((n, k.shape[0], h, wd))
    for i in range(3):
        for j in range(3):
            out += np.einsum("nchw,fc->nfhw", padded[:, :, i : i + h, j : j + wd], k[:, :, i, j])
    c = (slice(None), None, None)
    out = (out - w["bn_mean"][c]) / np.sqrt(w["bn_var"][c] + conv.EPS) * w["bn_gamma"][c] + w["bn_beta"][c]
    out = np.maximum(out, 0)
    out = out.reshape(n, k.shape[0], h // 2, 2, wd // 2, 2).max(axis=(3, 5))
    return out.reshape(n, -1) @ w["dense_w"] + w["dense_b"]


def test_conv_demo_learns_the_shapes_and_writes_its_files(tmp_path, kit):
    import mygrad as mg

    outdir = tmp_path / "out"
    start = time.perf_counter()
    # a budget of 0 s: the demo's minimum number of steps
    result = kit.run(tmp_path, "conv", "--outdir", str(outdir), "--seconds", "0")
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # the training within 20 s; the whole process (start-up, imports, plotting) given slack
    # for a loaded CI machine
    trained = float(re.search(r"(?m)^  steps: \d+ \(\d+ images\) in ([0-9.]+) s", out).group(1))
    assert trained < 20 and elapsed < 40, f"the conv demo trained for {trained:.1f} s, ran for {elapsed:.1f} s"
    assert out.startswith("mygrad demo conv: a convnet")
    assert "\r" not in out
    lines = re.findall(r"(?m)^  training +(\d+)%  step +(\d+)  loss [0-9.]+  accuracy +[0-9.]+%$", out)
    assert lines[0][1] == "0" and lines[-1] == ("100", str(conv.MIN_STEPS - 1))

    last = out.splitlines()[-1]
    match = re.fullmatch(r"held-out accuracy: (\d+\.\d)%", last)
    assert match, last
    held_out = float(match.group(1))
    assert held_out >= 80.0, out

    steps, _, _ = kit.assert_learned(outdir / "history.csv")
    assert len(steps) == conv.MIN_STEPS
    kit.assert_plot(out, outdir)

    w = {}
    for name, shape in WEIGHTS.items():
        path = outdir / f"{name}.npz"
        assert f"saved {name} {shape} -> {path}" in out
        t = mg.load(path)
        assert t.shape == shape and np.isfinite(t.data).all()
        assert t.constant == (name in ("bn_mean", "bn_var"))  # the running statistics are not trained
        w[name] = t.data
    # the held-out pictures are the first the demo draws from its seed
    images, labels = conv.shapes(conv.HELD_OUT_IMAGES, np.random.default_rng(conv.SEED))
    ours = np.mean(np.argmax(reference_scores(w, images), axis=1) == labels)
    assert abs(100 * ours - held_out) <= 0.1 + 1e-9

    svg = outdir / "computational_graph.svg"
    if importlib.util.find_spec("mygrad_graphviz") is not None and shutil.which("dot"):
        assert f"computational graph of one training step -> {svg}" in out
        text = svg.read_text()
        for op in ("ConvND", "BatchNorm", "MaxPool", "SoftmaxCrossEntropy"):
            assert op in text, op
    else:
        assert not svg.exists() and "graph: skipped" in out
    assert not [p for p in tmp_path.iterdir() if p.name != "out"]


def test_the_pictures_are_balanced_reproducible_and_distinct():
    rng = np.random.default_rng(5)
    images, labels = conv.shapes(200, rng)
    assert images.shape == (200, 1, conv.SIZE, conv.SIZE) and images.dtype == np.float32
    assert labels.dtype == np.int64 and (np.bincount(labels) == 200 // len(conv.CLASSES)).all()
    again, again_labels = conv.shapes(200, np.random.default_rng(5))
    assert (again == images).all() and (again_labels == labels).all()
    # the noise hides nothing on average: each class's mean picture is its own
    means = np.stack([images[labels == k, 0].mean(axis=0) for k in range(len(conv.CLASSES))])
    gaps = np.abs(means[:, None] - means[None]).mean(axis=(2, 3))
    assert (gaps[~np.eye(len(conv.CLASSES), dtype=bool)] > 0.05).all()


def test_the_conv_demo_names_the_missing_distribution(tmp_path, run_demo):
    result = run_demo(tmp_path, "conv", "--outdir", str(tmp_path / "out"), env={"MYGRAD_DISABLE_PLUGINS": "nnet"})
    assert result.returncode == 2
    assert "mygrad-nnet" in result.stderr and "./plugins/mygrad-nnet" in result.stderr
    assert not (tmp_path / "out").exists()
