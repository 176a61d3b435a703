"""``mygrad.computational_graph``: draw the graph that produced a tensor with Graphviz.

:func:`build_graph` walks from a tensor back through ``tensor.creator`` (the operation
that made it) and ``operation.variables`` (that operation's inputs), and returns a
:class:`graphviz.Digraph` with one node per tensor and per operation. Rendering it
(saving a file, or displaying it in Jupyter) runs the Graphviz program ``dot``; when
``dot`` is missing the error says how to install it.

Back-propagation clears the graph, so build it before calling ``backward()``.
"""

from __future__ import annotations

import os
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

import numpy as np

from mygrad_core import Tensor

# GraphvizNotFoundError and ComputationalGraph are made on first access (module __getattr__),
# so that `import mygrad` does not import graphviz
__all__ = ["build_graph", "INSTALL_HINT"]

INSTALL_HINT = (
    "install Graphviz, which provides `dot`: `apt-get install graphviz` (Debian/Ubuntu), "
    "`dnf install graphviz` (Fedora), `brew install graphviz` (macOS), "
    "`conda install -c conda-forge graphviz`, or see https://graphviz.org/download/"
)

_DEFAULT_NAME = "computational_graph"
_OP_STYLE = {"shape": "box", "style": "rounded,filled", "fillcolor": "#dde8f5"}
_classes: Dict[str, Any] = {}


def _graphviz() -> Any:
    # imported on first use: `import mygrad` should not pay for it
    try:
        import graphviz
    except ImportError as e:  # pragma: no cover - graphviz is a declared dependency
        raise ImportError(
            "mygrad.computational_graph needs the `graphviz` Python package: "
            "`pip install graphviz` (the distribution mygrad-graphviz depends on it)"
        ) from e
    return graphviz


def _error_class() -> Any:
    if "error" not in _classes:
        graphviz = _graphviz()

        class GraphvizNotFoundError(graphviz.ExecutableNotFound):
            """The Graphviz program ``dot`` is not installed (or not on PATH)."""

            def __init__(self, detail: str) -> None:
                RuntimeError.__init__(
                    self,
                    "mygrad.computational_graph: rendering the graph needs the Graphviz "
                    f"program `dot`, which was not found ({detail}); {INSTALL_HINT}. "
                    "Building the graph works without it.",
                )

        GraphvizNotFoundError.__module__ = __name__
        _classes["error"] = GraphvizNotFoundError
    return _classes["error"]


def _digraph_class() -> Any:
    if "digraph" not in _classes:
        graphviz = _graphviz()
        error = _error_class()

        class ComputationalGraph(graphviz.Digraph):
            """A :class:`graphviz.Digraph` whose rendering explains how to install ``dot``."""

            def pipe(self, *args: Any, **kwargs: Any) -> Any:
                try:
                    return super().pipe(*args, **kwargs)
                except error:
                    raise
                except graphviz.ExecutableNotFound as e:
                    raise error(str(e)) from e

            def render(self, *args: Any, **kwargs: Any) -> Any:
                try:
                    return super().render(*args, **kwargs)
                except error:
                    raise
                except graphviz.ExecutableNotFound as e:
                    raise error(str(e)) from e

        ComputationalGraph.__module__ = __name__
        _classes["digraph"] = ComputationalGraph
    return _classes["digraph"]


def __getattr__(name: str) -> Any:
    if name == "GraphvizNotFoundError":
        return _error_class()
    if name == "ComputationalGraph":
        return _digraph_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ------------------------------------------------------------------ labels
def _line(text: str) -> str:
    # a backslash would start a dot escape sequence; line breaks are joined with "\n"
    return text.replace("\\", "\\\\")


def _value_lines(data: np.ndarray) -> List[str]:
    if data.ndim == 0:
        return [str(data[()])]
    text = np.array2string(data, precision=4, threshold=12, edgeitems=2, separator=", ")
    return text.splitlines()


def _stat(v: Any) -> str:
    return f"{float(v):.4g}"


def _tensor_label(
    t: Tensor, name: Optional[str], named_mode: bool, dims: bool, dtypes: bool, sum_stats: bool
) -> List[str]:
    data = t.data
    lines: List[str] = []
    if data.ndim == 0:
        # a 0-D tensor is always labelled with its value (a name goes above it)
        if name is not None:
            lines.append(name)
        lines.append(str(data[()]))
    elif name is not None:
        lines.append(name)
    elif named_mode and t.constant:
        lines.append("Constant")  # an unnamed operand, e.g. a list: a new node per use
    else:
        lines.extend(_value_lines(data))
    if dims and data.ndim:
        lines.append(f"shape: {data.shape}")
    if dtypes:
        lines.append(f"dtype: {data.dtype}")
    if sum_stats and data.ndim and data.size:
        values = data.astype(np.float64) if data.dtype.kind == "b" else data
        lines.append(f"min: {_stat(np.min(values))}, max: {_stat(np.max(values))}")
        lines.append(f"median: {_stat(np.median(values))}, mean: {_stat(np.mean(values))}")
    return lines


def _name_table(names: Optional[Mapping[str, Any]]) -> Dict[int, str]:
    """id(object) -> label; a public name wins over one starting with an underscore."""
    if names is None:
        return {}
    if not isinstance(names, Mapping):
        raise TypeError(
            "build_graph: `names` must be a mapping from labels to Tensors or arrays (e.g. "
            f"locals()); got {type(names).__name__}"
        )
    table: Dict[int, str] = {}
    for key, value in names.items():
        if not isinstance(value, (Tensor, np.ndarray)):
            continue
        label = str(key)
        old = table.get(id(value))
        if old is None or (old.startswith("_") and not label.startswith("_")):
            table[id(value)] = label
    return table


# ------------------------------------------------------------------ the walk
def _walk(fin: Tensor) -> Tuple[List[Tensor], List[Any], List[Tuple[int, int]]]:
    """Tensors and ops reachable from ``fin`` (in visit order) and the edges between them."""
    tensors: List[Tensor] = []
    ops: List[Any] = []
    edges: List[Tuple[int, int]] = []  # (id(source), id(target))
    seen_t: set = set()
    seen_op: set = set()
    stack = [fin]
    while stack:
        t = stack.pop()
        if id(t) in seen_t:
            continue
        seen_t.add(id(t))
        tensors.append(t)
        op = t.creator
        if op is None:
            continue
        edges.append((id(op), id(t)))
        if id(op) in seen_op:
            continue
        seen_op.add(id(op))
        ops.append(op)
        for v in op.variables:
            edges.append((id(v), id(op)))
        stack.extend(reversed(op.variables))
    return tensors, ops, edges


def build_graph(
    fin: Tensor,
    names: Optional[Mapping[str, Any]] = None,
    *,
    render: bool = True,
    save: Union[bool, str, os.PathLike[str]] = False,
    dims: bool = False,
    dtypes: bool = False,
    sum_stats: bool = False,
    format: Optional[str] = None,
) -> Any:
    """Build (and optionally save) the computational graph that produced ``fin``.

    Parameters
    ----------
    fin : Tensor
        The final tensor of the graph.
    names : Optional[Mapping[str, Tensor or ndarray]]
        Labels for the nodes, e.g. ``names=locals()``: a tensor (or the array an
        operand was made from) is labelled with the key that maps to that very
        object. With ``names`` given, unnamed constants (such as a list operand, one
        node per use) are labelled "Constant"; other unnamed tensors show their data.
        A 0-D tensor always shows its value.
    render : bool, default True
        Return the :class:`graphviz.Digraph` (it renders itself in Jupyter); if
        False, return None.
    save : bool or path, default False
        True writes ``computational_graph.pdf`` to the current directory; a path
        writes there (its suffix picks the format when ``format`` is not given).
    dims, dtypes, sum_stats : bool, default False
        Add each tensor's shape, dtype, or min/max/median/mean to its label (shapes
        and statistics are not shown for 0-D tensors).
    format : Optional[str]
        The file format for ``save`` ("pdf", "svg", "png", ...). Default: the save
        path's suffix, else "pdf".

    Returns
    -------
    Optional[graphviz.Digraph]

    Raises
    ------
    GraphvizNotFoundError
        (a ``graphviz.ExecutableNotFound``) when saving or rendering without the
        Graphviz ``dot`` program installed; building the graph does not need it.

    Examples
    --------
    >>> import mygrad as mg
    >>> x = mg.tensor([1.0, 2.0])
    >>> y = mg.reshape(x, (2, 1))
    >>> g = mg.computational_graph.build_graph(y, names={"x": x, "y": y}, dims=True)
    >>> print(g.source, end="")  # doctest: +NORMALIZE_WHITESPACE
    digraph computational_graph {
        tensor0 [label="y\\nshape: (2, 1)"]
        op0 [label=Reshape fillcolor="#dde8f5" shape=box style="rounded,filled"]
        tensor1 [label="x\\nshape: (2,)"]
        op0 -> tensor0
        tensor1 -> op0
    }
    """
    if not isinstance(fin, Tensor):
        raise TypeError(f"build_graph: `fin` must be a mygrad Tensor; got {type(fin).__name__}")
    table = _name_table(names)
    graphviz = _graphviz()
    fmt, path = _save_target(save, format)

    dot = _digraph_class()(name=_DEFAULT_NAME, format=fmt)
    tensors, ops, edges = _walk(fin)
    node_ids: Dict[int, str] = {}
    for i, t in enumerate(tensors):
        node_ids[id(t)] = f"tensor{i}"
    for i, op in enumerate(ops):
        node_ids[id(op)] = f"op{i}"
    # each tensor, then the op that made it, so the source reads from `fin` back
    emitted: set = set()
    for t in tensors:
        name = table.get(id(t), table.get(id(t.data)))
        lines = _tensor_label(t, name, names is not None, dims, dtypes, sum_stats)
        attrs = {"style": "dashed"} if t.constant else {}
        dot.node(node_ids[id(t)], graphviz.nohtml("\\n".join(_line(s) for s in lines)), **attrs)
        op = t.creator
        if op is not None and id(op) not in emitted:
            emitted.add(id(op))
            dot.node(node_ids[id(op)], type(op).__name__, **_OP_STYLE)
    for src, dst in edges:
        dot.edge(node_ids[src], node_ids[dst])

    if path is not None:
        data = dot.pipe(format=fmt)
        with open(path, "wb") as f:
            f.write(data)
    return dot if render else None


def _save_target(save: Any, format: Optional[str]) -> Tuple[str, Optional[str]]:
    """(format, path or None) from ``save`` and ``format``."""
    if format is not None and (not isinstance(format, str) or not format):
        raise TypeError(f"build_graph: `format` must be a non-empty str such as 'svg'; got {format!r}")
    if save is False or save is None:
        return (format or "pdf"), None
    if save is True:
        fmt = format or "pdf"
        return fmt, os.path.join(os.getcwd(), f"{_DEFAULT_NAME}.{fmt}")
    if isinstance(save, (str, os.PathLike)):
        path = os.fspath(save)
        suffix = os.path.splitext(path)[1].lstrip(".").lower()
        return (format or suffix or "pdf"), path
    raise TypeError(f"build_graph: `save` must be a bool or a file path; got {type(save).__name__}")
