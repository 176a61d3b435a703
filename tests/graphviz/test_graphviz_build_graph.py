"""build_graph's arguments, saving, the walk, and the error when `dot` is missing
(seed 000, L26047-26115: the build_graph reference page)."""

import os

import graphviz
import mygrad as mg
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mygrad_graphviz import computational_graph as cg


def test_render_false_returns_none(ops):
    f = ops.mul(mg.tensor([1.0]), mg.tensor([2.0]))
    assert mg.computational_graph.build_graph(f, render=False) is None


def test_save_true_writes_a_pdf_in_the_cwd(ops, tmp_path, monkeypatch, render_svg):
    monkeypatch.chdir(tmp_path)
    f = ops.mul(mg.tensor([1.0]), mg.tensor([2.0]))
    out = mg.computational_graph.build_graph(f, save=True, render=False)
    assert out is None
    assert os.listdir(tmp_path) == ["computational_graph.pdf"]
    assert (tmp_path / "computational_graph.pdf").read_bytes().startswith(b"%PDF")


def test_save_to_a_path_picks_the_format_from_the_suffix(ops, tmp_path, render_svg):
    x = mg.tensor([1.0, 2.0])
    f = ops.mul(x, x)
    g = mg.computational_graph.build_graph(f, names={"x": x, "f": f}, save=tmp_path / "graph.svg")
    text = (tmp_path / "graph.svg").read_text()
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    nodes, edges = render_svg(g)
    assert sorted(ls[0] for ls in nodes.values()) == ["Multiply", "f", "x"] and len(edges) == 3
    assert os.listdir(tmp_path) == ["graph.svg"]  # no intermediate .gv file


def test_save_true_with_a_format(ops, tmp_path, monkeypatch, render_svg):
    monkeypatch.chdir(tmp_path)
    f = ops.mul(mg.tensor([1.0]), mg.tensor([2.0]))
    mg.computational_graph.build_graph(f, save=True, format="png")
    assert (tmp_path / "computational_graph.png").read_bytes().startswith(b"\x89PNG")
    mg.computational_graph.build_graph(f, save=str(tmp_path / "g.out"), format="svg")
    assert "<svg" in (tmp_path / "g.out").read_text()


def test_the_graph_is_cleared_by_backward(ops):
    x = mg.tensor([1.0, 2.0])
    f = ops.total(ops.mul(x, x))
    before = mg.computational_graph.build_graph(f)
    assert sum("->" in line for line in before.body) == 5
    f.backward()
    after = mg.computational_graph.build_graph(f)
    assert sum("->" in line for line in after.body) == 0  # build the graph before backward


def test_argument_errors(ops):
    with pytest.raises(TypeError, match=r"build_graph: `fin` must be a mygrad Tensor; got ndarray"):
        mg.computational_graph.build_graph(np.arange(3.0))
    x = mg.tensor([1.0])
    with pytest.raises(TypeError, match=r"`names` must be a mapping .* got list"):
        mg.computational_graph.build_graph(x, names=[x])
    with pytest.raises(TypeError, match=r"`save` must be a bool or a file path; got int"):
        mg.computational_graph.build_graph(x, save=3)
    with pytest.raises(TypeError, match=r"`format` must be a non-empty str"):
        mg.computational_graph.build_graph(x, format="")
    with pytest.raises(TypeError):
        mg.computational_graph.build_graph(x, None, True)  # render and the rest are keyword-only


def test_missing_dot_builds_but_rendering_says_how_to_install(ops, tmp_path, monkeypatch):
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.chdir(tmp_path)
    x = mg.tensor([1.0, 2.0])
    g = mg.computational_graph.build_graph(ops.mul(x, x), names={"x": x})
    assert isinstance(g, graphviz.Digraph) and "Multiply" in g.source
    for render in (lambda: g.pipe(format="svg"), lambda: g.render(outfile=str(tmp_path / "g.svg")), g._repr_mimebundle_):
        with pytest.raises(cg.GraphvizNotFoundError) as info:
            render()
        assert isinstance(info.value, graphviz.ExecutableNotFound)
        message = str(info.value)
        assert "apt-get install graphviz" in message and "https://graphviz.org" in message
        assert "`dot`" in message
    with pytest.raises(graphviz.ExecutableNotFound, match="apt-get install graphviz"):
        mg.computational_graph.build_graph(ops.mul(x, x), save=True)
    assert not (tmp_path / "computational_graph.pdf").exists()


def test_namespace_and_imports():
    import mygrad.computational_graph
    from mygrad.computational_graph import build_graph

    assert mg.computational_graph is mygrad.computational_graph is cg
    assert build_graph is cg.build_graph


@settings(max_examples=30)
@given(plan=st.lists(st.tuples(st.sampled_from(["mul", "add", "total"]), st.integers(0, 100), st.integers(0, 100)), min_size=1, max_size=8))
def test_random_graphs_have_one_node_per_tensor_and_op(ops, plan):
    """Every tensor and op reachable from fin is drawn once; each op has an edge per input and one out."""
    leaves = [mg.tensor([1.0, 2.0]), mg.tensor([3.0, 4.0])]
    pool = list(leaves)
    made = []
    for kind, i, j in plan:
        a, b = pool[i % len(pool)], pool[j % len(pool)]
        t = ops.total(a) if kind == "total" else getattr(ops, kind)(a, b)
        pool.append(t)
        made.append((kind, t))
    fin = pool[-1]
    g = mg.computational_graph.build_graph(fin)
    # the reference count from a walk of creator/variables
    tensors, op_ids, n_edges, stack = set(), set(), 0, [fin]
    while stack:
        t = stack.pop()
        if id(t) in tensors:
            continue
        tensors.add(id(t))
        if t.creator is not None:
            n_edges += 1
            if id(t.creator) not in op_ids:
                op_ids.add(id(t.creator))
                n_edges += len(t.creator.variables)
                stack.extend(t.creator.variables)
    node_lines = [line for line in g.body if "[label=" in line and "->" not in line]
    edge_lines = [line for line in g.body if "->" in line]
    assert len(node_lines) == len(tensors) + len(op_ids)
    assert len(edge_lines) == n_edges
