"""build_graph renders with dot: the nodes, labels and edges of the SVG
(seed 000, L26047-26115: the build_graph reference page)."""

import graphviz
import mygrad as mg


def first_lines(nodes):
    return sorted(lines[0] for lines in nodes.values())


def edge_labels(nodes, edges):
    return sorted((nodes[s][0], nodes[d][0]) for s, d in edges)


def test_tensors_and_ops_become_nodes_with_edges(ops, render_svg):
    x = mg.tensor([1.0, 2.0])
    y = mg.tensor([3.0, 4.0])
    z = mg.tensor([5.0, 6.0])
    f = ops.add(ops.mul(x, y), z)
    g = mg.computational_graph.build_graph(f, names={"x": x, "y": y, "z": z, "f": f})
    assert isinstance(g, graphviz.Digraph)
    nodes, edges = render_svg(g)
    # 4 named tensors + the unnamed product + 2 ops
    assert len(nodes) == 7 and len(edges) == 6
    assert first_lines(nodes).count("Multiply") == 1 and first_lines(nodes).count("Add") == 1
    product = [lines[0] for lines in nodes.values() if lines[0] not in {"x", "y", "z", "f", "Multiply", "Add"}]
    assert product == ["[3., 8.]"]  # an unnamed non-constant tensor shows its data
    assert edge_labels(nodes, edges) == sorted(
        [
            ("x", "Multiply"),
            ("y", "Multiply"),
            ("Multiply", "[3., 8.]"),
            ("[3., 8.]", "Add"),
            ("z", "Add"),
            ("Add", "f"),
        ]
    )


def test_shared_inputs_are_one_node(ops, render_svg):
    x = mg.tensor([1.0, 2.0])
    s = ops.mul(x, x)
    f = ops.add(s, x)
    nodes, edges = render_svg(mg.computational_graph.build_graph(f, names={"x": x, "s": s, "f": f}))
    assert first_lines(nodes) == sorted(["x", "s", "f", "Multiply", "Add"])
    assert edge_labels(nodes, edges) == sorted(
        [("x", "Multiply"), ("x", "Multiply"), ("Multiply", "s"), ("s", "Add"), ("x", "Add"), ("Add", "f")]
    )


def test_core_ops_are_drawn_by_their_class_names(render_svg):
    x = mg.tensor([[1.0, 2.0], [3.0, 4.0]])
    a = mg.reshape(x, (4,))
    b = a[1:3]
    c = mg.concatenate([b, x[0]])
    nodes, edges = render_svg(mg.computational_graph.build_graph(c, names=locals()))
    names = first_lines(nodes)
    assert names.count("GetItem") == 2 and "Reshape" in names and "Concatenate" in names
    pairs = edge_labels(nodes, edges)
    assert ("x", "Reshape") in pairs and ("Reshape", "a") in pairs and ("a", "GetItem") in pairs
    assert ("b", "Concatenate") in pairs and ("Concatenate", "c") in pairs
    assert pairs.count(("x", "GetItem")) == 1


def test_without_names_tensors_show_their_data(ops, render_svg):
    x = mg.tensor([1.0, 2.0])
    f = ops.mul(x, [3.0, 4.0])
    nodes, edges = render_svg(mg.computational_graph.build_graph(f))
    assert first_lines(nodes) == sorted(["[1., 2.]", "[3., 4.]", "[3., 8.]", "Multiply"])


def test_large_arrays_are_summarised(render_svg):
    x = mg.arange(100.0)
    nodes, _ = render_svg(mg.computational_graph.build_graph(mg.reshape(x, (10, 10))))
    text = " ".join(" ".join(lines) for lines in nodes.values())
    assert "..." in text and len(text) < 400
