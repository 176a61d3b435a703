"""Node labels: names=, constants, 0-D values, dims/dtypes/sum_stats
(seed 000, L26047-26115: the build_graph reference page; API_CHECKLIST section 12)."""

import mygrad as mg
import numpy as np


def labels(graph):
    """{node id: label lines} from the dot source (no rendering needed)."""
    out = {}
    for line in graph.body:
        line = line.strip()
        if "->" in line or "[label=" not in line:
            continue
        node, rest = line.split(" [label=", 1)
        if rest.startswith('"'):
            text = rest[1 : rest.index('"', 1)]
        else:
            text = rest.split(" ")[0].rstrip("]")
        out[node] = text.split("\\n")
    return out


def by_first_line(graph):
    return {lines[0]: lines for lines in labels(graph).values()}


def test_names_match_objects_by_identity(ops):
    x = mg.tensor([1.0, 2.0])
    copy_of_x = mg.tensor(x)  # equal data, another object: not x's label
    f = ops.mul(x, x)
    g = mg.computational_graph.build_graph(f, names={"copy": copy_of_x, "x": x, "f": f})
    assert sorted(by_first_line(g)) == ["Multiply", "f", "x"]


def test_names_from_locals(ops):
    weight = mg.tensor([2.0, 3.0])
    bias = mg.tensor([1.0, 1.0])
    out = ops.add(ops.mul(weight, [1.0, 1.0]), bias)
    g = mg.computational_graph.build_graph(out, names=locals())
    firsts = sorted(by_first_line(g))
    assert {"weight", "bias", "out", "Constant", "Multiply", "Add"} <= set(firsts)


def test_list_operands_are_constant_nodes_one_per_use(ops):
    x = mg.tensor([1.0, 2.0])
    operand = [3.0, 4.0]
    f = ops.add(ops.mul(x, operand), operand)
    g = mg.computational_graph.build_graph(f, names={"x": x, "f": f, "operand": operand})
    firsts = [lines[0] for lines in labels(g).values()]
    assert firsts.count("Constant") == 2  # a list has no identity to name: a node per use


def test_ndarray_operands_are_named_by_identity(ops):
    x = mg.tensor([1.0, 2.0])
    arr = np.array([3.0, 4.0])
    f = ops.mul(x, arr)
    g = mg.computational_graph.build_graph(f, names={"x": x, "arr": arr, "f": f})
    assert sorted(by_first_line(g)) == ["Multiply", "arr", "f", "x"]


def test_unnamed_constant_tensors_are_labelled_constant(ops):
    x = mg.tensor([1.0, 2.0])
    c = mg.tensor([5.0, 6.0], constant=True)
    f = ops.mul(x, c)
    g = mg.computational_graph.build_graph(f, names={"x": x})
    firsts = [lines[0] for lines in labels(g).values()]
    assert sorted(firsts) == sorted(["x", "Constant", "[ 5., 12.]", "Multiply"])


def test_0d_tensors_show_their_value(ops):
    x = mg.tensor([1.0, 2.0])
    s = mg.tensor(2.5)
    f = ops.total(ops.mul(ops.mul(x, s), 3.0))
    g = mg.computational_graph.build_graph(f, names={"x": x, "s": s, "f": f}, dims=True, sum_stats=True)
    found = labels(g)
    lines = sorted(found.values())
    assert ["3.0"] in lines  # a Python scalar operand: its value, no shape or stats
    assert ["s", "2.5"] in lines  # a named 0-D tensor: its name and its value
    assert ["f", "22.5"] in lines
    assert not any("shape: ()" in line for ls in lines for line in ls)


def test_dims_dtypes_and_sum_stats():
    x = mg.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 10.0]], dtype=np.float32)
    y = mg.reshape(x, (3, 2))
    g = mg.computational_graph.build_graph(y, names={"x": x, "y": y}, dims=True, dtypes=True, sum_stats=True)
    assert by_first_line(g)["x"] == [
        "x",
        "shape: (2, 3)",
        "dtype: float32",
        "min: 1, max: 10",
        "median: 3.5, mean: 4.167",
    ]
    assert by_first_line(g)["y"][1] == "shape: (3, 2)"
    plain = mg.computational_graph.build_graph(y, names={"x": x, "y": y})
    assert by_first_line(plain)["x"] == ["x"]
    only_dtypes = mg.computational_graph.build_graph(y, names={"x": x, "y": y}, dtypes=True)
    assert by_first_line(only_dtypes)["y"] == ["y", "dtype: float32"]


def test_dtype_is_shown_for_scalars_but_not_shape_or_stats(ops):
    s = mg.tensor(2.0)
    f = ops.mul(s, s)
    g = mg.computational_graph.build_graph(f, names={"s": s}, dims=True, dtypes=True, sum_stats=True)
    assert sorted(labels(g).values()) == sorted([["s", "2.0", "dtype: float64"], ["4.0", "dtype: float64"], ["Multiply"]])


def test_stats_of_empty_and_bool_tensors():
    e = mg.reshape(mg.tensor(np.zeros((0,))), (0, 1))
    g = mg.computational_graph.build_graph(e, names={"e": e}, sum_stats=True)
    assert by_first_line(g)["e"] == ["e"]
    b = mg.tensor([True, False, True])
    g = mg.computational_graph.build_graph(b, names={"b": b}, sum_stats=True)
    assert by_first_line(g)["b"] == ["b", "min: 0, max: 1", "median: 1, mean: 0.6667"]


def test_public_names_win_over_underscored_aliases(ops):
    x = mg.tensor([1.0])
    g = mg.computational_graph.build_graph(x, names={"_": x, "x": x, "_1": x})
    assert list(labels(g).values()) == [["x"]]
